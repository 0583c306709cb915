import { describe, expect, it } from "vitest";
import { fileName, request } from "./NewDocument";

describe("File → New", () => {
  it("asks the core for a blank document, a skeleton or a template's copy", () => {
    expect(request({ kind: "blank" }, "  Hjertesvikt ", "nb")).toEqual({ template: null, title: "Hjertesvikt", skeleton: false, lang: "nb" });
    expect(request({ kind: "skeleton" }, "", "en")).toEqual({ template: null, title: "", skeleton: true, lang: "en" });
    expect(request({ kind: "template", name: "copd" }, "KOLS Ålesund", "nb").template).toBe("copd");
  });

  it("names the file after the title, without characters file systems refuse", () => {
    expect(fileName("Hjertesvikt – nå", "Nytt forløp")).toBe("Hjertesvikt – nå.carepath");
    expect(fileName('KOLS: "Ålesund"/Giske?', "x")).toBe("KOLS Ålesund Giske.carepath");
    expect(fileName("   ", "Nytt forløp")).toBe("Nytt forløp.carepath");
    expect(fileName("a\u0007b", "x")).toBe("a b.carepath");
  });
});
