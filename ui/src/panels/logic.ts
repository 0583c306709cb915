// The pure rules behind the panels: which Edit a form change becomes, the defaults of a new
// data need, lane and column reordering, and where a palette step goes.
import type {
  Actor,
  DataNeed,
  DataRole,
  Party,
  Edit,
  InfoType,
  Layout,
  Metadata,
  Phase,
  Step,
  StepKind,
  Transition,
  Variant,
} from "../generated/carepath";

/** Blank optional text becomes "absent", as the core stores it. */
export function optionalText(value: string): string | null {
  const v = value.trim();
  return v === "" ? null : v;
}

export function updateStep(variant: string, step: Step, patch: Partial<Step>): Edit {
  return { op: "update_step", variant, step: { ...step, ...patch } };
}

export function updateTransition(variant: string, transition: Transition, patch: Partial<Transition>): Edit {
  return { op: "update_transition", variant, transition: { ...transition, ...patch } };
}

export function updateNeed(variant: string, need: DataNeed, patch: Partial<DataNeed>): Edit {
  return { op: "update_need", variant, need: { ...need, ...patch } };
}

export function updateActor(actor: Actor, patch: Partial<Actor>): Edit {
  return { op: "update_actor", actor: { ...actor, ...patch } };
}

export function updatePhase(phase: Phase, patch: Partial<Phase>): Edit {
  return { op: "update_phase", phase: { ...phase, ...patch } };
}

export function updateInfoType(info_type: InfoType, patch: Partial<InfoType>): Edit {
  return { op: "update_info_type", info_type: { ...info_type, ...patch } };
}

export function setMetadata(metadata: Metadata, patch: Partial<Metadata>): Edit {
  return { op: "set_metadata", metadata: { ...metadata, ...patch } };
}

/** Owners typed one per line: trimmed, blank lines dropped. */
export function ownersFromText(text: string): string[] {
  return text
    .split("\n")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Adds or removes an id in a list, keeping the list's order (new ids go last). */
export function toggled(list: readonly string[], id: string, on: boolean): string[] {
  const without = list.filter((x) => x !== id);
  return on ? [...without, id] : without;
}

/** Moves a lane or column one place up (-1) or down (+1); null at either end. */
export function moveEdit(kind: "actor", list: readonly Actor[], id: string, delta: -1 | 1): Edit | null;
export function moveEdit(kind: "phase", list: readonly Phase[], id: string, delta: -1 | 1): Edit | null;
export function moveEdit(kind: "actor" | "phase", list: readonly (Actor | Phase)[], id: string, delta: -1 | 1): Edit | null {
  const sorted = [...list].sort((a, b) => a.order - b.order);
  const i = sorted.findIndex((x) => x.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= sorted.length) return null;
  const order = sorted[j].order;
  return kind === "actor"
    ? { op: "update_actor", actor: { ...(sorted[i] as Actor), order } }
    : { op: "update_phase", phase: { ...(sorted[i] as Phase), order } };
}


/**
 * A new need at a step: the step's actor provides; the consumer is the actor of the first
 * following step in another lane (none when every next step is in the same lane).
 */
export function needDefaults(variant: Variant, stepId: string, id: string, title: string): DataNeed {
  const step = variant.steps.find((s) => s.id === stepId);
  const provider = step?.actor ?? null;
  const next = variant.transitions
    .filter((t) => t.from === stepId)
    .map((t) => variant.steps.find((s) => s.id === t.to))
    .find((s) => s?.actor && s.actor !== provider);
  return {
    id,
    title,
    steps: step ? [step.id] : [],
    parties: pair(provider, next?.actor ?? null),
    info_types: [],
    what: "",
    why: "",
    source: "",
    production: "unknown",
    form: "unknown",
    when: "",
    relevance: "",
    relations: "",
    priority: null,
    horizon: null,
    status: "unknown",
    requirements: "",
    notes: "",
  };
}

/** A need for the hand-over a transition makes: from the first step's actor to the second's,
 * at both steps. */
export function handoverNeedDefaults(variant: Variant, transitionId: string, id: string, title: string): DataNeed {
  const tr = variant.transitions.find((x) => x.id === transitionId);
  const actor = (step: string | undefined) => variant.steps.find((s) => s.id === step)?.actor ?? null;
  const base = needDefaults(variant, tr?.from ?? "", id, title);
  return { ...base, steps: tr ? [tr.from, tr.to] : [], parties: pair(actor(tr?.from), actor(tr?.to)) };
}

/** The parties of a need from one provider to one consumer, leaving out the missing. */
export function pair(provider: string | null, consumer: string | null): Party[] {
  return [
    ...(provider ? [{ actor: provider, role: "provider" as const }] : []),
    ...(consumer ? [{ actor: consumer, role: "consumer" as const }] : []),
  ];
}

const isSide = (side: "source" | "consumer", role: DataRole) => (side === "source" ? role === "producer" || role === "provider" : role === "consumer");

/** The actor of a need's first source (producer or provider) or first consumer. */
export function firstOf(parties: readonly Party[], side: "source" | "consumer"): string | null {
  return parties.find((p) => isSide(side, p.role))?.actor ?? null;
}

/** The parties with the first source or consumer set to `actor` (keeping its role), added when
 * there is none (a provider first, a consumer last), or removed when `actor` is null. Each
 * actor takes a role once. */
export function withFirst(parties: readonly Party[], side: "source" | "consumer", actor: string | null): Party[] {
  const i = parties.findIndex((p) => isSide(side, p.role));
  let next: Party[];
  if (i < 0) {
    if (!actor) return [...parties];
    next = side === "source" ? [{ actor, role: "provider" }, ...parties] : [...parties, { actor, role: "consumer" }];
  } else if (!actor) {
    next = parties.filter((_, k) => k !== i);
  } else {
    next = parties.map((p, k) => (k === i ? { ...p, actor } : p));
  }
  return next.filter((p, k) => next.findIndex((q) => q.actor === p.actor && q.role === p.role) === k);
}

/** The party "add party" adds: the first actor (in lane order) not yet a consumer, as a
 * consumer; none when every actor already is one. */
export function addedParty(actors: readonly Actor[], parties: readonly Party[]): Party | null {
  const free = [...actors].sort((a, b) => a.order - b.order).find((a) => !parties.some((p) => p.actor === a.id && p.role === "consumer"));
  return free ? { actor: free.id, role: "consumer" } : null;
}

/** Information service codes as typed: "IT17, IT07" or "IT17 IT07" → ["IT17", "IT07"]. */
export function codesOf(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((c) => c.length > 0))];
}

/** A priority rank as typed: a whole number from 1, or none. */
export function rankOf(text: string): number | null {
  const n = Number.parseInt(text.trim(), 10);
  return Number.isFinite(n) && n >= 1 && n <= 255 ? n : null;
}

/** "IT17 IT07 Målinger", or the name alone when the type has no code. */
export function infoTypeLabel(it: Pick<InfoType, "codes" | "name">): string {
  return it.codes?.length ? `${it.codes.join(" ")} ${it.name}` : it.name;
}

/** The lane x phase a palette step goes to from the keyboard: the selected step's, else the first cell. */
export function paletteCell(layout: Layout, variant: Variant, selectedStep: string | null): { actor: string | null; phase: string | null } {
  const s = selectedStep ? variant.steps.find((x) => x.id === selectedStep) : undefined;
  if (s) return { actor: s.actor ?? null, phase: s.phase ?? null };
  return { actor: layout.lanes[0]?.actor ?? null, phase: layout.columns[0]?.phase ?? null };
}

export function newStep(id: string, kind: StepKind, label: string, actor: string | null, phase: string | null): Step {
  return { id, kind, label, description: "", actor, phase };
}

/** The next free order (the end of the list). */
export const nextOrder = (list: readonly { order: number }[]) => list.reduce((m, x) => Math.max(m, x.order + 1), 0);

/** `base`, or `base 2`, `base 3` … whichever no entry of `taken` has (case-insensitive). */
export function uniqueName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!used.has(`${base} ${i}`.toLowerCase())) return `${base} ${i}`;
}
