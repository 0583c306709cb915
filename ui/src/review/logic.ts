// Pure review logic for the window: threads from the document's comments, the latest
// decisions per element, the panel's filters and the canvas markers. The core owns the
// stored data; this only arranges what the document already holds.
import type { Comment, Document, ElementRef, Review, ReviewStatus } from "../generated/carepath";

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

export interface ThreadView {
  root: Comment;
  /** Every comment answering the root or one of its replies, oldest first. */
  replies: Comment[];
  open: boolean;
}

const byTime = (a: { created: string; id: string }, b: { created: string; id: string }) =>
  a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Threads from flat comments: a comment without a (known) `reply_to` starts one. */
export function buildThreads(comments: readonly Comment[]): ThreadView[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (c: Comment): Comment => {
    const seen = new Set<string>();
    let cur = c;
    while (cur.reply_to && byId.has(cur.reply_to) && !seen.has(cur.id)) {
      seen.add(cur.id);
      cur = byId.get(cur.reply_to)!;
    }
    return cur;
  };
  const threads = new Map<string, ThreadView>();
  for (const c of [...comments].sort(byTime)) {
    const root = rootOf(c);
    const th = threads.get(root.id) ?? { root, replies: [], open: !root.resolved };
    if (c.id !== root.id) th.replies.push(c);
    threads.set(root.id, th);
  }
  return [...threads.values()].sort((a, b) => byTime(a.root, b.root));
}

/** Each reviewer's decision per element (the core keeps one per reviewer and element). */
export function decisionsByTarget(reviews: readonly Review[]): Map<string, Review[]> {
  const out = new Map<string, Review[]>();
  for (const r of [...reviews].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0))) {
    const k = targetKey(r.target);
    out.set(k, [...(out.get(k) ?? []), r]);
  }
  return out;
}

export interface ReviewFilterState {
  openOnly: boolean;
  status: ReviewStatus | "";
  author: string;
}

export const DEFAULT_FILTER: ReviewFilterState = { openOnly: true, status: "", author: "" };

const hasAuthor = (name: string, wanted: string) => name.toLocaleLowerCase().includes(wanted.trim().toLocaleLowerCase());

/** The threads the panel lists: open ones only unless "all", with a comment by the author. */
export function filterThreads(threads: readonly ThreadView[], f: ReviewFilterState): ThreadView[] {
  return threads.filter(
    (th) => (!f.openOnly || th.open) && (!f.author.trim() || [th.root, ...th.replies].some((c) => hasAuthor(c.author, f.author))),
  );
}

/** The decisions the panel lists, newest first. */
export function filterDecisions(reviews: readonly Review[], f: ReviewFilterState): Review[] {
  return reviews
    .filter((r) => (!f.status || r.status === f.status) && (!f.author.trim() || hasAuthor(r.reviewer, f.author)))
    .sort((a, b) => (a.time > b.time ? -1 : a.time < b.time ? 1 : 0));
}

export interface Marker {
  kind: "step" | "transition" | "need" | "actor" | "phase";
  id: string;
  openThreads: number;
  /** The newest decision on the element, if any. */
  status: ReviewStatus | null;
}

/** What the canvas marks in one variant: its steps, transitions and needs, and the actors
 * (lanes) and phases (columns), with open threads or a decision. */
export function markersOf(doc: Document, variant: string): Marker[] {
  const out = new Map<string, Marker>();
  const at = (r: ElementRef) => {
    if (r.kind === "actor" || r.kind === "phase") {
      const k = `${r.kind}:${r.id}`;
      const m = out.get(k) ?? { kind: r.kind, id: r.id, openThreads: 0, status: null };
      out.set(k, m);
      return m;
    }
    if ((r.kind !== "step" && r.kind !== "transition" && r.kind !== "need") || r.variant !== variant) return null;
    const k = `${r.kind}:${r.id}`;
    const m = out.get(k) ?? { kind: r.kind, id: r.id, openThreads: 0, status: null };
    out.set(k, m);
    return m;
  };
  for (const th of buildThreads(doc.comments ?? [])) {
    if (!th.open) continue;
    const m = at(th.root.target);
    if (m) m.openThreads += 1;
  }
  for (const list of decisionsByTarget(doc.reviews ?? []).values()) {
    const newest = list[list.length - 1];
    const m = at(newest.target);
    if (m) m.status = newest.status;
  }
  return [...out.values()];
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
