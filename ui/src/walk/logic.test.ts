import { describe, expect, it } from "vitest";
import type { Walk, WalkStep } from "../generated/carepath";
import { choose, visitOf } from "./logic";

const at = (step: string, branches: [string, boolean][] = []): WalkStep =>
  ({
    step,
    label: step,
    number: 0,
    kind: "activity",
    actor_name: "",
    phase_name: "",
    round: 0,
    flagged: [],
    received: [],
    branches: branches.map(([transition, taken]) => ({ transition, taken, label: "", to: "", to_label: "" })),
  }) as WalkStep;

// start → d (takes t1 back to a) → a → d (takes t2 on) → end
const walk: Walk = {
  variant: "v",
  variant_name: "v",
  complete: true,
  loops: 1,
  steps: [at("s"), at("a"), at("d", [["t1", true], ["t2", false]]), at("a"), at("d", [["t1", false], ["t2", true]]), at("e")],
};

describe("walk choices", () => {
  it("counts earlier visits of the same step", () => {
    expect(visitOf(walk, 2)).toBe(0);
    expect(visitOf(walk, 4)).toBe(1);
    expect(visitOf(walk, 5)).toBe(0);
  });

  it("changes the branch of one visit, keeping the earlier visits' branches and other steps' choices", () => {
    expect(choose(walk, ["x9"], 2, "t2")).toEqual(["x9", "t2"]);
    expect(choose(walk, ["t1", "t2", "x9"], 4, "t1")).toEqual(["x9", "t1", "t1"]);
  });
});
