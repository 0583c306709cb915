// The user guide bundled with the app, readable offline from Help → User guide: the "Using it"
// part of docs/desktop.md rendered to one HTML page (guide/index.html in ui/dist) with the
// screenshots it shows. Links to other Markdown files become plain text (they are not in the
// package); links to the web stay links.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Marked } from "marked";
import type { Plugin } from "vite";

const SOURCE = resolve(__dirname, "../docs/desktop.md");

/** The part of the desktop document a user reads: from "## Using it" to the next "## ". */
export function guideMarkdown(doc: string): string {
  const start = doc.indexOf("\n## Using it");
  if (start < 0) throw new Error(`${SOURCE}: no "## Using it" section for the user guide`);
  const end = doc.indexOf("\n## ", start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function guideHtml(markdown: string, version: string): { html: string; images: string[] } {
  const images: string[] = [];
  const marked = new Marked({
    renderer: {
      image({ href, text }) {
        images.push(href);
        return `<figure><img src="${escapeHtml(href)}" alt="${escapeHtml(text)}"><figcaption>${escapeHtml(text)}</figcaption></figure>`;
      },
      link({ href, tokens }) {
        const inner = this.parser.parseInline(tokens);
        return /^https?:/.test(href) ? `<a href="${escapeHtml(href)}" target="_blank" rel="noreferrer">${inner}</a>` : inner;
      },
    },
  });
  const body = marked.parse(markdown.replace("## Using it", "# Carepath — user guide"), { async: false });
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Carepath — user guide</title>
<style>
body { font: 15px/1.5 "DejaVu Sans", system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1.5rem; color: #1d2733; }
h1, h2, h3 { color: #1f5f8b; line-height: 1.25; }
code, kbd { font: 13px "DejaVu Sans Mono", monospace; background: #eef2f6; padding: 0 .25em; border-radius: 3px; }
figure { margin: 1rem 0; }
img { max-width: 100%; border: 1px solid #d5dde6; }
figcaption { font-size: 13px; color: #566; }
table { border-collapse: collapse; } td, th { border: 1px solid #d5dde6; padding: .2em .5em; }
footer { margin-top: 3rem; font-size: 13px; color: #566; }
</style>
</head>
<body>
${body}
<footer>Carepath ${escapeHtml(version)}</footer>
</body>
</html>
`;
  return { html, images };
}

export function userGuide(version: string): Plugin {
  return {
    name: "carepath-user-guide",
    apply: "build",
    generateBundle() {
      this.addWatchFile(SOURCE);
      const { html, images } = guideHtml(guideMarkdown(readFileSync(SOURCE, "utf8")), version);
      this.emitFile({ type: "asset", fileName: "guide/index.html", source: html });
      for (const img of new Set(images)) {
        this.emitFile({ type: "asset", fileName: `guide/${img}`, source: readFileSync(resolve(SOURCE, "..", img)) });
      }
    },
  };
}
