import { describe, expect, it } from "vitest";
import { parseScale, suggestedName, withExtension } from "./exportPath";

describe("export file names", () => {
  it("swaps a known extension and keeps the rest", () => {
    expect(withExtension("/tmp/kols.svg", "pdf")).toBe("/tmp/kols.pdf");
    expect(withExtension("/tmp/kols", "png")).toBe("/tmp/kols.png");
    expect(withExtension("/tmp/v1.2/kols.notes", "svg")).toBe("/tmp/v1.2/kols.notes.svg");
    expect(withExtension("", "svg")).toBe("");
  });
  it("suggests a name from title and variant, without path separators", () => {
    expect(suggestedName("KOLS / hjem", "Ønsket forløp", "svg")).toBe("KOLS - hjem – Ønsket forløp.svg");
    expect(suggestedName("KOLS", "Nå", "json")).toBe("KOLS.json");
    expect(suggestedName("KOLS", "Nå", "docx")).toBe("KOLS.docx");
    expect(suggestedName("KOLS", "Nå", "bpmn")).toBe("KOLS.bpmn");
    expect(suggestedName("KOLS", "Nå", "archimate")).toBe("KOLS.xml");
  });
  it("writes an ArchiMate model as .xml and swaps it back", () => {
    expect(withExtension("/tmp/kols.bpmn", "archimate")).toBe("/tmp/kols.xml");
    expect(withExtension("/tmp/kols.xml", "json")).toBe("/tmp/kols.json");
  });
  it("swaps report extensions too", () => {
    expect(withExtension("/tmp/kols.md", "xlsx")).toBe("/tmp/kols.xlsx");
    expect(withExtension("/tmp/kols.html", "csv")).toBe("/tmp/kols.csv");
    expect(withExtension("/tmp/kols.docx", "report_pdf")).toBe("/tmp/kols.pdf");
    expect(withExtension("/tmp/kols.pdf", "md")).toBe("/tmp/kols.md");
    expect(suggestedName("KOLS", "Nå", "report_pdf")).toBe("KOLS.pdf");
  });
});

describe("PNG scale", () => {
  it("takes any positive number, with a point or a comma, as the CLI's --scale does", () => {
    expect(parseScale("2")).toBe(2);
    expect(parseScale("0.5")).toBe(0.5);
    expect(parseScale(" 0,25 ")).toBe(0.25);
  });
  it("refuses what is not a positive number", () => {
    for (const bad of ["", "0", "-1", "abc", "Infinity"]) expect(parseScale(bad)).toBeNull();
  });
});
