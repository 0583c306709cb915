import { describe, expect, it } from "vitest";
import type { Comment, Document, Review } from "../generated/carepath";
import { isReviewEdit, labelOf, targetKey } from "./logic";

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

describe("labels", () => {
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

  it("keeps elements of different variants apart", () => {
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
