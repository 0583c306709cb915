import { describe, expect, it } from "vitest";
import { badgeName } from "./NeedLayer";

describe("a need badge's accessible name", () => {
  it("starts with what the badge shows, then says the rest", () => {
    const name = badgeName(["B1 Henvisning /", "søknad om DHO"], "Henvisning / søknad om DHO: Fastlege → Kommunen (Sende og motta)");
    expect(name.startsWith("B1 Henvisning / søknad om DHO")).toBe(true);
    expect(name).toContain("Fastlege → Kommunen");
    expect(badgeName(["B2 Plan"], "B2 Plan")).toBe("B2 Plan");
  });
});
