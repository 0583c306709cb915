import { describe, expect, it } from "vitest";
import type { Comment, Document, Review } from "../generated/carepath";
import { buildThreads, decisionsByTarget, filterDecisions, filterThreads, isReviewEdit, labelOf, markersOf, targetKey } from "./logic";

const V = "v1";
const step = (id: string) => ({ kind: "step" as const, id, variant: V });
const c = (id: string, created: string, extra: Partial<Comment> = {}): Comment => ({
  id,
  author: "Kari",
  created,
  text: `text ${id}`,
  target: step("s1"),
  ...extra,
});
const r = (id: string, time: string, extra: Partial<Review> = {}): Review => ({
  id,
  reviewer: "Kari",
  status: "approved",
  target: step("s1"),
  time,
  ...extra,
});

describe("buildThreads", () => {
  it("puts replies, and replies to replies, under their first comment, oldest first", () => {
    const threads = buildThreads([
      c("c3", "2026-01-03T00:00:00Z", { reply_to: "c2" }),
      c("c1", "2026-01-01T00:00:00Z"),
      c("c2", "2026-01-02T00:00:00Z", { reply_to: "c1" }),
      c("c4", "2026-01-04T00:00:00Z", { resolved: true }),
    ]);
    expect(threads.map((t) => t.root.id)).toEqual(["c1", "c4"]);
    expect(threads[0].replies.map((x) => x.id)).toEqual(["c2", "c3"]);
    expect(threads[0].open).toBe(true);
    expect(threads[1].open).toBe(false);
  });

  it("starts a thread at a reply whose comment is missing, and survives a cycle", () => {
    const threads = buildThreads([c("a", "2026-01-01T00:00:00Z", { reply_to: "gone" }), c("x", "1", { reply_to: "y" }), c("y", "2", { reply_to: "x" })]);
    expect(threads.some((t) => t.root.id === "a")).toBe(true);
    expect(threads.flatMap((t) => [t.root, ...t.replies]).length).toBe(3);
  });
});

describe("filters", () => {
  const threads = buildThreads([c("c1", "1"), c("c2", "2", { resolved: true, author: "Ola" }), c("c3", "3", { reply_to: "c1", author: "Per" })]);
  it("shows open threads only unless all are asked for", () => {
    expect(filterThreads(threads, { openOnly: true, status: "", author: "" }).map((t) => t.root.id)).toEqual(["c1"]);
    expect(filterThreads(threads, { openOnly: false, status: "", author: "" })).toHaveLength(2);
  });
  it("matches the author of any comment in a thread, ignoring case", () => {
    expect(filterThreads(threads, { openOnly: false, status: "", author: "per" }).map((t) => t.root.id)).toEqual(["c1"]);
    expect(filterThreads(threads, { openOnly: false, status: "", author: "OLA" }).map((t) => t.root.id)).toEqual(["c2"]);
  });
  it("filters decisions by status and reviewer, newest first", () => {
    const reviews = [r("r1", "1"), r("r2", "2", { status: "rejected", reviewer: "Ola" }), r("r3", "3")];
    expect(filterDecisions(reviews, { openOnly: true, status: "approved", author: "" }).map((x) => x.id)).toEqual(["r3", "r1"]);
    expect(filterDecisions(reviews, { openOnly: true, status: "", author: "ola" }).map((x) => x.id)).toEqual(["r2"]);
  });
});

describe("markers and labels", () => {
  const doc = {
    actors: [{ id: "a1", name: "Fastlege" }],
    phases: [{ id: "p1", name: "Utredning", order: 0 }],
    info_types: [],
    variants: [
      {
        id: V,
        name: "Ønsket",
        steps: [
          { id: "s1", label: "Måle" },
          { id: "s2", label: "Vurdere" },
        ],
        transitions: [{ id: "t1", from: "s1", to: "s2" }],
        needs: [],
      },
    ],
    comments: [
      c("c1", "1"),
      c("c2", "2", { resolved: true, target: step("s2") }),
      c("c3", "3", { target: { kind: "step", id: "s1", variant: "other" } }),
      c("c4", "4", { target: { kind: "actor", id: "a1" } }),
      c("c5", "5", { target: { kind: "document" } }),
    ],
    reviews: [r("r1", "1", { status: "pending", target: step("s2") }), r("r2", "2", { status: "rejected", target: step("s2"), reviewer: "Ola" })],
  } as unknown as Document;

  it("marks elements of this variant with open threads or a decision (the newest)", () => {
    const marks = markersOf(doc, V).sort((a, b) => a.id.localeCompare(b.id));
    expect(marks).toEqual([
      { kind: "actor", id: "a1", openThreads: 1, status: null },
      { kind: "step", id: "s1", openThreads: 1, status: null },
      { kind: "step", id: "s2", openThreads: 0, status: "rejected" },
    ]);
  });

  it("keeps decisions per element apart by variant", () => {
    expect(decisionsByTarget(doc.reviews ?? []).get(targetKey(step("s2")))?.map((x) => x.id)).toEqual(["r1", "r2"]);
    expect(targetKey({ kind: "step", id: "s1", variant: "a" })).not.toEqual(targetKey({ kind: "step", id: "s1", variant: "b" }));
  });

  it("names elements, and says when one is gone", () => {
    const t = (k: string, o?: Record<string, unknown>) => `${k}${o ? JSON.stringify(o) : ""}`;
    expect(labelOf(doc, step("s1"), t)).toBe('review.step{"name":"Måle"}');
    expect(labelOf(doc, { kind: "transition", id: "t1", variant: V }, t)).toBe('review.transition{"from":"Måle","to":"Vurdere"}');
    expect(labelOf(doc, { kind: "actor", id: "a1" }, t)).toBe('review.actor{"name":"Fastlege"}');
    expect(labelOf(doc, step("nope"), t)).toBe("review.unknownElement");
    expect(labelOf(doc, { kind: "document" }, t)).toBe("review.document");
  });
});

describe("isReviewEdit", () => {
  it("lets comments and decisions through and nothing else", () => {
    expect(isReviewEdit({ op: "add_comment" })).toBe(true);
    expect(isReviewEdit({ op: "update_review" })).toBe(true);
    expect(isReviewEdit({ op: "batch", edits: [{ op: "add_comment" }, { op: "add_review" }] })).toBe(true);
    expect(isReviewEdit({ op: "batch", edits: [{ op: "add_comment" }, { op: "remove_step" }] })).toBe(false);
    expect(isReviewEdit({ op: "update_step" })).toBe(false);
    expect(isReviewEdit({ op: "rename_actor" })).toBe(false);
  });
});
