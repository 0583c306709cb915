import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { guideHtml, guideMarkdown } from "./userGuide";

describe("the bundled user guide", () => {
  const doc = readFileSync(resolve(__dirname, "../docs/desktop.md"), "utf8");

  it("is the part of the desktop document a user reads, with its pictures", () => {
    const md = guideMarkdown(doc);
    expect(md).toContain("### Menu and files");
    expect(md).not.toContain("## Commands (src-tauri");
    const { html, images } = guideHtml(md, "9.9.9");
    expect(html).toContain("<h1>Carepath — user guide</h1>");
    expect(html).toContain("Carepath 9.9.9");
    expect(images.length).toBeGreaterThan(5);
    for (const img of images) {
      expect(img).toMatch(/^screenshots\/[a-z0-9-]+\.png$/);
      expect(() => readFileSync(resolve(__dirname, "../docs", img))).not.toThrow();
    }
  });

  it("keeps web links, turns links to files outside the package into text, and escapes", () => {
    const { html } = guideHtml('## Using it\n\nSee [the review](review.md), [Tauri](https://tauri.app) and ![a <b>](x.png "t")\n', "1");
    expect(html).toContain("See the review,");
    expect(html).toContain('<a href="https://tauri.app" target="_blank" rel="noreferrer">Tauri</a>');
    expect(html).toContain('alt="a &lt;b&gt;"');
    expect(html).not.toContain("review.md");
  });

  it("says so when the section it is made from is gone", () => {
    expect(() => guideMarkdown("# Carepath desktop\n\n## Run it\n")).toThrow(/Using it/);
  });
});
