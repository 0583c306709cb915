import { describe, expect, it } from "vitest";
import { uuidv7 } from "./uuid";
import { pickLanguage } from "./i18n";

describe("uuidv7", () => {
  it("is a version 7 UUID that sorts by time", () => {
    const a = uuidv7(1_000_000);
    const b = uuidv7(2_000_000);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });
});

describe("pickLanguage", () => {
  it("prefers the first language Carepath speaks and defaults to bokmål", () => {
    expect(pickLanguage(["en-GB", "nb"])).toBe("en");
    expect(pickLanguage(["no", "en"])).toBe("nb");
    expect(pickLanguage(["nn-NO"])).toBe("nb");
    expect(pickLanguage(["de-DE"])).toBe("nb");
    expect(pickLanguage([])).toBe("nb");
  });
});
