// Typed calls into the shell's review commands (src-tauri/src/review_commands.rs). Comment,
// resolve and decide return an Edit for apply_edit, so they are undone like any edit.
import { invoke } from "@tauri-apps/api/core";
import type { CommentId, Edit, ElementRef, MergeReport, ReviewStatus } from "../generated/carepath";

export const reviewApi = {
  comment: (target: ElementRef, replyTo: CommentId | null, author: string, text: string) =>
    invoke<Edit>("review_comment", { target, replyTo, author, text }),
  resolve: (comment: CommentId, resolved: boolean) => invoke<Edit>("review_resolve", { comment, resolved }),
  decide: (target: ElementRef, reviewer: string, status: ReviewStatus, note: string) =>
    invoke<Edit>("review_decide", { target, reviewer, status, note }),
  sendForReview: (path: string) => invoke<null>("send_for_review", { path }),
  merge: (path: string) => invoke<MergeReport>("merge_review", { path }),
  author: () => invoke<string>("review_author"),
  setAuthor: (name: string) => invoke<null>("set_review_author", { name }),
};
