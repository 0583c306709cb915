// What the review panel needs beside the core's answers: status symbols, element keys, the
// picker's names, and times in the chosen locale. Threads, filters and markers come from the
// core (`review_list`, `review_markers`), so the window and the CLI list the same.
import type { Document, ElementRef, ReviewStatus } from "../generated/carepath";

export const STATUSES: ReviewStatus[] = ["pending", "approved", "changes_requested", "rejected"];

/** A symbol per status, so the status never rests on colour alone. */
export const STATUS_SYMBOL: Record<ReviewStatus, string> = {
  pending: "?",
  approved: "✓",
  changes_requested: "✎",
  rejected: "✕",
};

/** One key per element ("document", "step:ID", ...); a variant's elements share ids across variants, so the variant is part of it. */
export function targetKey(r: ElementRef): string {
  if (r.kind === "document") return "document";
  if (r.kind === "step" || r.kind === "transition" || r.kind === "need") return `${r.kind}:${r.variant}:${r.id}`;
  return `${r.kind}:${r.id}`;
}

/** The variant a target lives in, if it is a step, transition or need. */
export const variantOf = (r: ElementRef): string | null =>
  r.kind === "step" || r.kind === "transition" || r.kind === "need" ? r.variant : null;

type T = (key: string, opts?: Record<string, unknown>) => string;

/** A human name for the element a comment or decision is about. */
export function labelOf(doc: Document, r: ElementRef, t: T): string {
  const unknown = t("review.unknownElement");
  switch (r.kind) {
    case "document":
      return t("review.document");
    case "actor": {
      const a = doc.actors.find((x) => x.id === r.id);
      return a ? t("review.actor", { name: a.name }) : unknown;
    }
    case "phase": {
      const p = doc.phases.find((x) => x.id === r.id);
      return p ? t("review.phase", { name: p.name }) : unknown;
    }
    case "info_type": {
      const i = doc.info_types.find((x) => x.id === r.id);
      return i ? t("review.infoType", { name: i.name }) : unknown;
    }
    case "variant": {
      const v = doc.variants.find((x) => x.id === r.id);
      return v ? t("review.variant", { name: v.name }) : unknown;
    }
    default: {
      const v = doc.variants.find((x) => x.id === r.variant);
      if (!v) return unknown;
      if (r.kind === "step") {
        const s = v.steps.find((x) => x.id === r.id);
        return s ? t("review.step", { name: s.label }) : unknown;
      }
      if (r.kind === "transition") {
        const tr = v.transitions.find((x) => x.id === r.id);
        const name = (id: string) => v.steps.find((s) => s.id === id)?.label ?? "?";
        return tr ? t("review.transition", { from: name(tr.from), to: name(tr.to) }) : unknown;
      }
      const n = v.needs?.find((x) => x.id === r.id);
      const names = n?.info_types.map((id) => doc.info_types.find((x) => x.id === id)?.name ?? "?").join(", ");
      return n ? t("review.need", { name: names || n.id }) : unknown;
    }
  }
}

/** Whether an edit is one review mode allows (comments and decisions only). */
export function isReviewEdit(e: { op: string; edits?: { op: string }[] }): boolean {
  if (e.op === "batch") return (e.edits ?? []).every(isReviewEdit);
  return /_(comment|review)$/.test(e.op);
}

/** A time in the chosen locale ("24. nov. 2026, 20:01"). */
export function formatTime(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === "en" ? "en-GB" : "nb-NO", { dateStyle: "medium", timeStyle: "short" });
}
