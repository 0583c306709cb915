// The rules behind the panels: form changes to Edits, defaults of a new need, usage counts
// that decide whether a delete is refused, reordering, and where a palette step goes.
import { describe, expect, it } from "vitest";
import type { Actor, Document, Layout, Step, Variant } from "../generated/carepath";
import { marksOf } from "../canvas/ProblemBadges";
import {
  addedParty,
  codesOf,
  firstOf,
  infoTypeLabel,
  moveEdit,
  needDefaults,
  nextOrder,
  optionalText,
  pair,
  rankOf,
  ownersFromText,
  paletteCell,
  toggled,
  uniqueName,
  updateNeed,
  updateStep,
  withFirst,
} from "./logic";

const step = (id: string, actor: string | null, phase: string | null = "p1"): Step => ({ id, kind: "activity", label: id, description: "", actor, phase });
const actor = (id: string, order: number): Actor => ({ id, name: id, kind: "other", organisation: "", order });

function variant(): Variant {
  return {
    id: "v1",
    name: "Nå",
    kind: "current",
    steps: [step("s1", "gp"), step("s2", "gp"), step("s3", "hospital", "p2"), step("s4", null, null)],
    transitions: [
      { id: "t1", from: "s1", to: "s2", label: "", kind: "normal" },
      { id: "t2", from: "s1", to: "s3", label: "", kind: "normal" },
    ],
    needs: [],
  };
}

function doc(): Document {
  const v = variant();
  v.needs = [{ ...needDefaults(v, "s1", "n1", "Epikrise"), parties: pair("gp", "hospital"), info_types: ["it1"] }];
  const copy: Variant = { ...variant(), id: "v2", name: "Ønsket", kind: "desired" };
  return {
    id: "d1",
    metadata: { title: "KOLS", status: "work_in_progress", maturity: "draft", created: "2026-11-24T10:00:00Z", modified: "2026-11-24T10:00:00Z" },
    actors: [actor("gp", 0), actor("hospital", 1), actor("patient", 2)],
    phases: [{ id: "p1", name: "Fase 1", order: 0 }, { id: "p2", name: "Fase 2", order: 1 }],
    info_types: [{ id: "it1", name: "Målinger", codes: ["IT17", "IT07"] }, { id: "it2", name: "Plan" }],
    variants: [v, copy],
  };
}

describe("form changes become one Update edit each", () => {
  it("keeps every other field of the element", () => {
    const s = step("s1", "gp");
    expect(updateStep("v1", s, { label: "Ny" })).toEqual({ op: "update_step", variant: "v1", step: { ...s, label: "Ny" } });
    const n = needDefaults(variant(), "s1", "n1", "x");
    const e = updateNeed("v1", n, { form: "messaging" });
    expect(e).toEqual({ op: "update_need", variant: "v1", need: { ...n, form: "messaging" } });
  });

  it("stores blank optional text as absent and owners one per line", () => {
    expect(optionalText("  ")).toBeNull();
    expect(optionalText(" daglig ")).toBe("daglig");
    expect(ownersFromText("Kommune A\n\n  Sykehus B \n")).toEqual(["Kommune A", "Sykehus B"]);
  });

  it("toggles ids in a multi-select list", () => {
    expect(toggled(["a", "b"], "c", true)).toEqual(["a", "b", "c"]);
    expect(toggled(["a", "b"], "a", false)).toEqual(["b"]);
    expect(toggled(["a"], "a", true)).toEqual(["a"]);
  });
});

describe("a new need's defaults", () => {
  it("has the step's actor provide and the next step's other actor consume", () => {
    const n = needDefaults(variant(), "s1", "n9", "Nytt");
    expect(n).toMatchObject({ id: "n9", title: "Nytt", steps: ["s1"], parties: [{ actor: "gp", role: "provider" }, { actor: "hospital", role: "consumer" }], form: "unknown", status: "unknown", info_types: [] });
    expect(n.priority).toBeNull();
    expect(n.horizon).toBeNull();
  });

  it("leaves the consumer open when every next step is in the same lane", () => {
    const v = variant();
    v.transitions = v.transitions.filter((t) => t.id === "t1");
    expect(firstOf(needDefaults(v, "s1", "n", "x").parties ?? [], "consumer")).toBeNull();
    expect(needDefaults(v, "s4", "n", "x")).toMatchObject({ parties: [], steps: ["s4"] });
  });
});

describe("the parties of a need", () => {
  const gp = { actor: "gp", role: "provider" } as const;
  const hospital = { actor: "hospital", role: "consumer" } as const;
  it("sets, adds and removes the first source or consumer, keeping the others", () => {
    const more = [gp, hospital, { actor: "patient", role: "consumer" } as const];
    expect(withFirst(more, "consumer", "gp")).toEqual([gp, { actor: "gp", role: "consumer" }, more[2]]);
    expect(withFirst(more, "source", null)).toEqual([hospital, more[2]]);
    expect(withFirst([hospital], "source", "patient")).toEqual([{ actor: "patient", role: "provider" }, hospital]);
    expect(withFirst([gp], "consumer", "hospital")).toEqual([gp, hospital]);
    // a producer counts as the source side and keeps its role
    expect(withFirst([{ actor: "patient", role: "producer" }], "source", "gp")).toEqual([{ actor: "gp", role: "producer" }]);
    // an actor takes one role once
    expect(withFirst([gp, { actor: "patient", role: "consumer" }, hospital], "consumer", "hospital")).toEqual([gp, hospital]);
    expect(firstOf(more, "source")).toBe("gp");
  });

  it("adds the first actor in lane order that is not yet a consumer, as a consumer", () => {
    const actors = [actor("hospital", 1), actor("gp", 0), actor("patient", 2)];
    expect(addedParty(actors, [gp, hospital])).toEqual({ actor: "gp", role: "consumer" });
    const all = actors.map((a) => ({ actor: a.id, role: "consumer" as const }));
    expect(addedParty(actors, all)).toBeNull();
  });

  it("reads codes and priority ranks as typed", () => {
    expect(codesOf(" IT17, IT07;IT17 ")).toEqual(["IT17", "IT07"]);
    expect(codesOf("")).toEqual([]);
    expect([rankOf("1"), rankOf(" 3 "), rankOf("0"), rankOf("x"), rankOf("")]).toEqual([1, 3, null, null, null]);
    expect(infoTypeLabel({ name: "Målinger", codes: ["IT17", "IT07"] })).toBe("IT17 IT07 Målinger");
    expect(infoTypeLabel({ name: "Vurdering", codes: [] })).toBe("Vurdering");
  });
});


describe("reordering lanes and columns", () => {
  it("moves to the neighbour's order and stops at the ends", () => {
    const d = doc();
    expect(moveEdit("actor", d.actors, "hospital", -1)).toEqual({ op: "update_actor", actor: { ...actor("hospital", 0) } });
    expect(moveEdit("actor", d.actors, "hospital", 1)).toEqual({ op: "update_actor", actor: { ...actor("hospital", 2) } });
    expect(moveEdit("actor", d.actors, "gp", -1)).toBeNull();
    expect(moveEdit("phase", d.phases, "p2", 1)).toBeNull();
    expect(moveEdit("phase", d.phases, "p2", -1)).toEqual({ op: "update_phase", phase: { id: "p2", name: "Fase 2", order: 0 } });
    expect(nextOrder(d.actors)).toBe(3);
    expect(nextOrder([])).toBe(0);
  });
});

describe("the palette's cell from the keyboard", () => {
  const layout = { lanes: [{ actor: "hospital" }, { actor: "gp" }], columns: [{ phase: "p2" }, { phase: "p1" }] } as unknown as Layout;
  it("is the selected step's cell, else the first cell", () => {
    expect(paletteCell(layout, variant(), "s1")).toEqual({ actor: "gp", phase: "p1" });
    expect(paletteCell(layout, variant(), null)).toEqual({ actor: "hospital", phase: "p2" });
    expect(paletteCell(layout, variant(), "gone")).toEqual({ actor: "hospital", phase: "p2" });
  });
});

describe("problem badges", () => {
  it("group findings per element of the variant, worst severity first", () => {
    const marks = marksOf(
      [
        { rule: "a", severity: "info", message_nb: "info nb", message_en: "info en", elements: [{ kind: "step", variant: "v1", id: "s1" }] },
        { rule: "b", severity: "error", message_nb: "feil", message_en: "error", elements: [{ kind: "step", variant: "v1", id: "s1" }, { kind: "need", variant: "v1", id: "n1" }] },
        { rule: "c", severity: "warning", message_nb: "annen", message_en: "other", elements: [{ kind: "step", variant: "v2", id: "s1" }, { kind: "actor", id: "gp" }] },
      ],
      "v1",
      false,
    );
    expect(marks).toEqual([
      { kind: "step", id: "s1", severity: "error", messages: ["info nb", "feil"] },
      { kind: "need", id: "n1", severity: "error", messages: ["feil"] },
    ]);
  });
  it("leave out findings accepted with a reason", () => {
    const accepted = { comment: "c1", author: "Kari", reason: "avtalt" };
    const marks = marksOf(
      [{ rule: "handover-without-need", severity: "warning", message_nb: "m", message_en: "m", elements: [{ kind: "transition", variant: "v1", id: "t1" }], accepted }],
      "v1",
      false,
    );
    expect(marks).toEqual([]);
  });
});

describe("a copied variant's name", () => {
  it("is the wanted name, numbered when a variant has it already", () => {
    expect(uniqueName("Ønsket forløp", ["Nå-situasjon"])).toBe("Ønsket forløp");
    expect(uniqueName("Ønsket forløp", ["Nå-situasjon", "ønsket forløp"])).toBe("Ønsket forløp 2");
    expect(uniqueName("Ønsket forløp", ["Ønsket forløp", "Ønsket forløp 2"])).toBe("Ønsket forløp 3");
  });
});
