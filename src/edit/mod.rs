//! Edits: every change to a document is an [`Edit`] value. [`apply`] checks it against the
//! document, performs it, and returns its inverse, so undo is "apply the inverse". A
//! [`Edit::Batch`] applies several edits as one and undoes as one. [`Changed`] says exactly
//! which elements an applied edit touched, so storage and views update only those.

mod apply;
pub mod clipboard;
mod flow;
mod nesting;
mod lanes;
mod changed;
mod check;
mod history;
pub mod usage;

pub use apply::apply;
pub(crate) use apply::check_metadata;
pub(crate) use lanes::insert_variant;
pub use changed::Changed;
pub use history::{History, HistoryEntry, UndoState, HISTORY_LIMIT};
pub use usage::{usage, Usage};

use crate::model::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One change to a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Edit {
    /// Replaces the metadata; `created` and `modified` are kept as they are.
    SetMetadata { metadata: Metadata },
    /// Adds a lane at `actor.order` (clamped to the end).
    AddActor { actor: Actor },
    /// Changes an actor; a changed `order` moves the lane.
    UpdateActor { actor: Actor },
    /// Removes an actor no step or need uses.
    RemoveActor { id: ActorId },
    /// Adds a column at `phase.order` (clamped to the end).
    AddPhase { phase: Phase },
    /// Changes a phase; a changed `order` moves the column.
    UpdatePhase { phase: Phase },
    /// Removes a phase no step uses.
    RemovePhase { id: PhaseId },
    /// Adds a catalogue entry at `index` (default: the end).
    AddInfoType {
        info_type: InfoType,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<u32>,
    },
    UpdateInfoType { info_type: InfoType },
    /// Removes a catalogue entry no need uses.
    RemoveInfoType { id: InfoTypeId },
    /// Adds a whole variant at `index` (default: the end).
    AddVariant {
        variant: Box<VariantData>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<u32>,
    },
    /// Adds a copy of `source` under a new id and name, keeping every element id.
    CopyVariant { source: VariantId, id: VariantId, name: String, kind: VariantKind },
    UpdateVariant { id: VariantId, name: String, kind: VariantKind, description: String },
    RemoveVariant { id: VariantId },
    AddStep { variant: VariantId, step: Step },
    UpdateStep { variant: VariantId, step: Step },
    /// Removes a step, its transitions, and its place in needs.
    RemoveStep { variant: VariantId, id: StepId },
    AddTransition { variant: VariantId, transition: Transition },
    UpdateTransition { variant: VariantId, transition: Transition },
    RemoveTransition { variant: VariantId, id: TransitionId },
    AddNeed { variant: VariantId, need: DataNeed },
    UpdateNeed { variant: VariantId, need: DataNeed },
    RemoveNeed { variant: VariantId, id: NeedId },
    AddComment { comment: Comment },
    UpdateComment { comment: Comment },
    RemoveComment { id: CommentId },
    AddReview { review: Review },
    UpdateReview { review: Review },
    RemoveReview { id: ReviewId },
    /// Several edits applied, and undone, as one.
    Batch { label: String, edits: Vec<Edit> },
}

impl Edit {
    /// A batch of edits that undoes as one.
    pub fn batch(label: impl Into<String>, edits: Vec<Edit>) -> Edit {
        Edit::Batch { label: label.into(), edits }
    }

    /// Whether the edit touches only comments and review decisions: what review mode may do
    /// and undo.
    pub fn is_review(&self) -> bool {
        match self {
            Edit::AddComment { .. }
            | Edit::UpdateComment { .. }
            | Edit::RemoveComment { .. }
            | Edit::AddReview { .. }
            | Edit::UpdateReview { .. }
            | Edit::RemoveReview { .. } => true,
            Edit::Batch { edits, .. } => !edits.is_empty() && edits.iter().all(Edit::is_review),
            _ => false,
        }
    }

    /// A short description for menus ("Undo add step").
    pub fn describe(&self) -> String {
        match self {
            Edit::Batch { label, .. } if !label.is_empty() => label.clone(),
            other => {
                let v = serde_json::to_value(other).ok();
                let op = v
                    .as_ref()
                    .and_then(|v| v.get("op"))
                    .and_then(|o| o.as_str())
                    .unwrap_or("edit");
                op.replace('_', " ")
            }
        }
    }
}
