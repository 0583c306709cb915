//! Three-way merge of documents, for `git merge` of a `.carepath` file: the changes from a
//! common ancestor (*base*) to *theirs* are carried onto *ours*, element by element (matched
//! by id) and field by field. The result is one batch edit on ours, so it goes through the
//! core's checks like any edit and undoes as one.
//!
//! - An element changed on one side only takes that side's version; added on one side, it is
//!   added; removed on one side and unchanged on the other, it is removed.
//! - Changed on both sides: fields merge one by one ([`fields`]); a field both changed to
//!   different values keeps ours and is a conflict.
//! - Removed on one side and changed on the other: the element is kept, with the change, and
//!   that is a conflict; a step is also kept when the other side added or changed a transition
//!   or need that uses it.
//! - A change the core refuses on the merged document (a lane removed on one side while the
//!   other put a step in it) is left out, and that is a conflict.
//!
//! Every conflict becomes a review comment on its element ("merge conflict: …", with both
//! values and both sides' names), so nothing is lost silently and the reviewers see where.

mod fields;
mod plan;
#[cfg(test)]
mod tests;

pub use fields::FieldConflict;

use crate::edit::{apply, Edit};
use crate::model::*;

/// Who the two sides are, for the conflict comments ("HEAD (Kari Nordmann)"), and the language
/// of those comments.
#[derive(Clone, Debug)]
pub struct MergeOptions {
    pub ours: String,
    pub theirs: String,
    pub lang: Lang,
}

impl Default for MergeOptions {
    fn default() -> Self {
        Self { ours: "ours".into(), theirs: "theirs".into(), lang: Lang::Nb }
    }
}

/// A conflict: where, and what the comment recording it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub target: ElementRef,
    pub text: String,
}

/// The outcome of a merge: the edit that turns ours into the merged document (none when
/// theirs brings nothing new) and the conflicts (already in the edit as comments).
#[derive(Clone, Debug)]
pub struct Merge {
    pub edit: Option<Edit>,
    pub conflicts: Vec<Conflict>,
}

impl Merge {
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// Merges the changes from `base` to `theirs` into `ours`.
pub fn merge(base: &Document, ours: &Document, theirs: &Document, options: &MergeOptions) -> Merge {
    let planned = plan::plan(base, ours, theirs, options);
    let mut doc = ours.clone();
    let mut accepted: Vec<Edit> = Vec::new();
    let mut conflicts = planned.conflicts;
    let mut pending = planned.changes;
    // a change may need another first (a step in a lane added by the same merge): retry
    // refused ones while any applies
    loop {
        let before = pending.len();
        let mut refused = Vec::new();
        for change in pending {
            if change.is_gone(&doc) {
                continue;
            }
            match apply(&mut doc, change.edit.clone()) {
                Ok(_) => accepted.push(change.edit),
                Err(e) => refused.push((change, e)),
            }
        }
        if refused.is_empty() || refused.len() == before {
            for (change, e) in refused {
                let target = if change.target_exists(&doc) { change.target } else { ElementRef::Document };
                conflicts.push(Conflict { target, text: plan::refused_text(options, &change.what, &e.message) });
            }
            break;
        }
        pending = refused.into_iter().map(|(c, _)| c).collect();
    }
    for c in &conflicts {
        let comment = Comment {
            id: CommentId::new(),
            target: c.target,
            author: plan::author(options.lang).to_string(),
            created: Timestamp::now(),
            text: c.text.clone(),
            resolved: false,
            reply_to: None,
            accepts: None,
        };
        let edit = Edit::AddComment { comment };
        if apply(&mut doc, edit.clone()).is_ok() {
            accepted.push(edit);
        }
    }
    let edit = (!accepted.is_empty()).then(|| Edit::batch(plan::label(options), accepted));
    Merge { edit, conflicts }
}
