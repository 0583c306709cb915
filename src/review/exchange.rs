//! Reviewers often sit in another organisation: "send for review" writes a full, independent
//! copy of the document to a new `.carepath` file, and "merge review" reads the reviewed copy
//! back and brings its comments and review decisions into the document — never its model.
//!
//! Comments and decisions are matched by id, so merging the same copy twice adds nothing the
//! second time; one that changed in the copy (a thread resolved there, a note edited) updates
//! the document's. A decision the document holds in a newer version than the copy is kept (a
//! conflict, reported). What cannot be placed is reported and left out: a comment or decision
//! on an element deleted meanwhile, a reply whose thread is gone, or everything when the copy
//! is of another document. All that is placed goes in as one edit, undone by one undo.

use super::describe;
use crate::edit::Edit;
use crate::error::Result;
use crate::model::*;
use crate::store::{self, Session};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;

/// Writes a copy of `doc` to a new file at `path` (refused if a file is there) for a reviewer.
/// The copy keeps the document's id and every element id, so its comments merge back.
pub fn send_for_review(doc: &Document, path: &Path) -> Result<()> {
    let session = Session::create(path, doc.clone())?;
    drop(session); // closes the file, flushed and unlocked
    Ok(())
}

/// A comment or a review decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MergeItem {
    Comment { id: CommentId },
    Review { id: ReviewId },
}

/// Why something in the reviewed copy was not brought in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotPlacedReason {
    /// The element it is about no longer exists in the document.
    AnchorDeleted,
    /// The comment it replies to could not be placed.
    ThreadMissing,
    /// The copy is of another document (its document id differs).
    DifferentDocument,
}

impl NotPlacedReason {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::AnchorDeleted, Lang::Nb) => "elementet den gjelder, er slettet",
            (Self::AnchorDeleted, Lang::En) => "the element it is about has been deleted",
            (Self::ThreadMissing, Lang::Nb) => "kommentaren den svarer på, kunne ikke plasseres",
            (Self::ThreadMissing, Lang::En) => "the comment it replies to could not be placed",
            (Self::DifferentDocument, Lang::Nb) => "kopien er av et annet dokument",
            (Self::DifferentDocument, Lang::En) => "the copy is of another document",
        }
    }
}

/// One comment or decision of the copy that was left out, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NotPlaced {
    pub item: MergeItem,
    pub target: ElementRef,
    /// Who wrote it.
    pub author: String,
    /// The comment's text, or the decision's status and note.
    pub text: String,
    pub reason: NotPlacedReason,
}

/// What a merge did.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MergeReport {
    pub comments_added: Vec<CommentId>,
    pub comments_updated: Vec<CommentId>,
    pub reviews_added: Vec<ReviewId>,
    pub reviews_updated: Vec<ReviewId>,
    /// Decisions the document holds in a newer version than the copy; the newer one is kept.
    pub reviews_kept_newer: Vec<ReviewId>,
    /// Comments and decisions already in the document exactly as in the copy.
    pub unchanged: u32,
    pub not_placed: Vec<NotPlaced>,
}

impl MergeReport {
    /// Whether the merge changed the document.
    pub fn changed(&self) -> bool {
        !(self.comments_added.is_empty() && self.comments_updated.is_empty() && self.reviews_added.is_empty() && self.reviews_updated.is_empty())
    }

    /// The report for people, one line per count and per item left out.
    pub fn to_text(&self, reviewed: &Document, lang: Lang) -> String {
        let nb = lang == Lang::Nb;
        let mut out = String::new();
        let line = |out: &mut String, nb_text: &str, en_text: &str, n: usize| {
            out.push_str(&format!("{}: {n}\n", if nb { nb_text } else { en_text }));
        };
        line(&mut out, "Nye kommentarer", "Comments added", self.comments_added.len());
        line(&mut out, "Oppdaterte kommentarer", "Comments updated", self.comments_updated.len());
        line(&mut out, "Nye vurderinger", "Decisions added", self.reviews_added.len());
        line(&mut out, "Oppdaterte vurderinger", "Decisions updated", self.reviews_updated.len());
        line(&mut out, "Nyere vurdering beholdt", "Newer decision kept", self.reviews_kept_newer.len());
        line(&mut out, "Uendret", "Unchanged", self.unchanged as usize);
        line(&mut out, "Ikke plassert", "Not placed", self.not_placed.len());
        for n in &self.not_placed {
            out.push_str(&format!(
                "  {} {} ({}): «{}» — {}\n",
                if nb { "ikke plassert:" } else { "not placed:" },
                describe(reviewed, &n.target, lang),
                n.author,
                n.text.replace(['\r', '\n'], " "),
                n.reason.label(lang)
            ));
        }
        out
    }
}

/// The edit that brings the copy's comments and decisions into `target`, and what it does.
/// `None` when there is nothing to bring in.
pub fn plan_merge(target: &Document, reviewed: &Document) -> (Option<Edit>, MergeReport) {
    let mut report = MergeReport::default();
    if target.id != reviewed.id {
        for c in &reviewed.comments {
            report.not_placed.push(left_out_comment(c, NotPlacedReason::DifferentDocument));
        }
        for r in &reviewed.reviews {
            report.not_placed.push(left_out_review(r, NotPlacedReason::DifferentDocument));
        }
        return (None, report);
    }
    let mut edits = Vec::new();
    // comments: parents before replies; a reply whose parent is neither in the document nor
    // placed from the copy is left out
    let mut placed: HashSet<CommentId> = target.comments.iter().map(|c| c.id).collect();
    let mut pending: Vec<&Comment> = reviewed.comments.iter().collect();
    pending.sort_by_key(|c| (c.created, c.id));
    loop {
        let before = pending.len();
        pending.retain(|c| {
            if c.reply_to.is_some_and(|p| !placed.contains(&p)) {
                return true; // wait for the parent
            }
            match target.comment(c.id) {
                Some(mine) if mine == *c => report.unchanged += 1,
                _ if !target.contains(&c.target) => {
                    report.not_placed.push(left_out_comment(c, NotPlacedReason::AnchorDeleted));
                    return false;
                }
                Some(_) => {
                    edits.push(Edit::UpdateComment { comment: (*c).clone() });
                    report.comments_updated.push(c.id);
                }
                None => {
                    edits.push(Edit::AddComment { comment: (*c).clone() });
                    report.comments_added.push(c.id);
                }
            }
            placed.insert(c.id);
            false
        });
        if pending.len() == before {
            break;
        }
    }
    for c in pending {
        report.not_placed.push(left_out_comment(c, NotPlacedReason::ThreadMissing));
    }
    for r in &reviewed.reviews {
        match target.review(r.id) {
            Some(mine) if mine == r => report.unchanged += 1,
            _ if !target.contains(&r.target) => report.not_placed.push(left_out_review(r, NotPlacedReason::AnchorDeleted)),
            Some(mine) if mine.time > r.time => report.reviews_kept_newer.push(r.id),
            Some(_) => {
                edits.push(Edit::UpdateReview { review: r.clone() });
                report.reviews_updated.push(r.id);
            }
            None => {
                edits.push(Edit::AddReview { review: r.clone() });
                report.reviews_added.push(r.id);
            }
        }
    }
    let edit = (!edits.is_empty()).then(|| Edit::batch("merge review", edits));
    (edit, report)
}

fn left_out_comment(c: &Comment, reason: NotPlacedReason) -> NotPlaced {
    NotPlaced { item: MergeItem::Comment { id: c.id }, target: c.target, author: c.author.clone(), text: c.text.clone(), reason }
}

fn left_out_review(r: &Review, reason: NotPlacedReason) -> NotPlaced {
    let text = if r.note.is_empty() { r.status.label(Lang::Nb).to_string() } else { format!("{}: {}", r.status.label(Lang::Nb), r.note) };
    NotPlaced { item: MergeItem::Review { id: r.id }, target: r.target, author: r.reviewer.clone(), text, reason }
}

/// Brings the copy's comments and decisions into the session's document as one undoable
/// edit, committed before it returns.
pub fn merge(session: &mut Session, reviewed: &Document) -> Result<MergeReport> {
    let (edit, report) = plan_merge(session.document(), reviewed);
    if let Some(edit) = edit {
        session.apply(edit)?;
    }
    Ok(report)
}

/// [`merge`] from a reviewed `.carepath` file (read without taking its lock).
pub fn merge_file(session: &mut Session, reviewed: &Path) -> Result<(MergeReport, Document)> {
    let copy = store::read(reviewed)?;
    let report = merge(session, &copy)?;
    Ok((report, copy))
}
