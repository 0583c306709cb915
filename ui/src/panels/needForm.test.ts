import { describe, expect, it } from "vitest";
import type { Variant } from "../generated/carepath";
import { handoverNeedDefaults } from "./logic";
import { stepChoices } from "./NeedFields";

const step = (id: string, label: string, actor: string) => ({ id, kind: "activity" as const, label, description: "", actor, phase: null });
const variant = {
  id: "v",
  name: "Nå",
  kind: "current",
  description: "",
  steps: [step("a", "Ringer pasienten", "nurse"), step("b", "Avtaler time", "gp"), step("c", "Skriver notat", "nurse")],
  transitions: [{ id: "t", from: "a", to: "b", label: "", kind: "normal" }],
  needs: [],
} as unknown as Variant;

describe("the need form", () => {
  it("lists steps in the diagram's flow order with their numbers", () => {
    const numbers = new Map([["b", 2], ["a", 1]]);
    expect(stepChoices(variant, numbers).map((c) => c.label)).toEqual(["1 · Ringer pasienten", "2 · Avtaler time", "Skriver notat"]);
    // without numbers, by name
    expect(stepChoices(variant).map((c) => c.value)).toEqual(["b", "a", "c"]);
  });

  it("makes a hand-over's need from the first step's actor to the second's, at both steps", () => {
    const need = handoverNeedDefaults(variant, "t", "n1", "Nytt behov");
    expect([need.parties, need.steps, need.title]).toEqual([[{ actor: "nurse", role: "provider" }, { actor: "gp", role: "consumer" }], ["a", "b"], "Nytt behov"]);
  });
});
