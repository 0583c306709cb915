// Typed calls into the shell's review commands (src-tauri/src/review_commands.rs): review,
// compare and walk-through. Comment, resolve and decide return an Edit for apply_edit, so they
// are undone like any edit.
import { invoke } from "@tauri-apps/api/core";
import type {
  CommentId,
  Diff,
  Edit,
  ElementRef,
  ExportOptions,
  Finding,
  Lang,
  Marker,
  MergeReport,
  ReviewFilter,
  ReviewListing,
  ReviewStatus,
  VariantId,
  VariantPair,
  VariantSummary,
  Walk,
  WalkOptions,
} from "../generated/carepath";

export const reviewApi = {
  comment: (target: ElementRef, replyTo: CommentId | null, author: string, text: string) =>
    invoke<Edit>("review_comment", { target, replyTo, author, text }),
  /** The threads and decisions that pass the filter, their elements named in `lang`. */
  list: (filter: ReviewFilter, lang: Lang) => invoke<ReviewListing>("review_list", { filter, lang }),
  /** What the canvas marks on the variant's picture: open threads and the newest decision. */
  markers: (variant: VariantId) => invoke<Marker[]>("review_markers", { variant }),
  resolve: (comment: CommentId, resolved: boolean) => invoke<Edit>("review_resolve", { comment, resolved }),
  decide: (target: ElementRef, reviewer: string, status: ReviewStatus, note: string) =>
    invoke<Edit>("review_decide", { target, reviewer, status, note }),
  /** Accepts a warning or note with a reason (an edit: undone like any other). */
  accept: (finding: Finding, author: string, reason: string) => invoke<Edit>("accept_finding", { finding, author, reason }),
  withdraw: (comment: CommentId) => invoke<Edit>("withdraw_acceptance", { comment }),
  sendForReview: (path: string) => invoke<null>("send_for_review", { path }),
  merge: (path: string) => invoke<MergeReport>("merge_review", { path }),
  author: () => invoke<string>("review_author"),
  setAuthor: (name: string) => invoke<null>("set_review_author", { name }),
};

export const compareApi = {
  /** The pair compare mode opens with; `shown` is the variant on the canvas. */
  pair: (shown: VariantId | null) => invoke<VariantPair | null>("compare_pair", { shown }),
  diffVariants: (source: VariantId, target: VariantId, lang: Lang) => invoke<Diff>("diff_variants", { source, target, lang }),
  diffWithFile: (path: string, source: VariantId, target: VariantId, lang: Lang) =>
    invoke<Diff>("diff_with_file", { path, source, target, lang }),
  fileVariants: (path: string) => invoke<VariantSummary[]>("file_variants", { path }),
  /** The diff picture of `source` against `options.variant` (of the file at `path`, else of this one). */
  picture: (path: string | null, source: VariantId, options: ExportOptions) => invoke<string>("compare_picture", { path, source, options }),
  exportPicture: (source: VariantId, options: ExportOptions, path: string) => invoke<null>("export_compare", { source, options, path }),
};

export const walkApi = {
  walk: (variant: VariantId, options: WalkOptions) => invoke<Walk>("walk_variant", { variant, options }),
};
