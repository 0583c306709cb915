//! Which elements an edit touched: storage rewrites exactly these rows, and a view redraws
//! exactly these elements.

use super::Edit;
use crate::model::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One touched element (or ordered list, where order may have shifted).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Changed {
    Metadata,
    /// The lanes (their order may have changed).
    Actors,
    /// The columns (their order may have changed).
    Phases,
    /// The information catalogue.
    InfoTypes,
    /// A variant's name and description, and the list of variants.
    VariantHeader { variant: VariantId },
    /// A whole variant was added or removed.
    Variant { variant: VariantId },
    Step { variant: VariantId, id: StepId },
    Transition { variant: VariantId, id: TransitionId },
    Need { variant: VariantId, id: NeedId },
    Comment { id: CommentId },
    Review { id: ReviewId },
}

impl Edit {
    /// The elements this edit touches, in a stable order. For a complete picture of an
    /// applied edit, join this with the same of its inverse (see [`Changed::of_applied`]).
    pub fn changed(&self) -> BTreeSet<Changed> {
        let mut out = BTreeSet::new();
        self.collect_changed(&mut out);
        out
    }

    fn collect_changed(&self, out: &mut BTreeSet<Changed>) {
        use Changed as C;
        let c = match self {
            Edit::SetMetadata { .. } => C::Metadata,
            Edit::AddActor { .. } | Edit::UpdateActor { .. } | Edit::RemoveActor { .. } => C::Actors,
            Edit::AddPhase { .. } | Edit::UpdatePhase { .. } | Edit::RemovePhase { .. } => C::Phases,
            Edit::AddInfoType { .. } | Edit::UpdateInfoType { .. } | Edit::RemoveInfoType { .. } => {
                C::InfoTypes
            }
            Edit::AddVariant { variant, .. } => C::Variant { variant: variant.id },
            Edit::CopyVariant { id, .. } | Edit::RemoveVariant { id } => C::Variant { variant: *id },
            Edit::UpdateVariant { id, .. } => C::VariantHeader { variant: *id },
            Edit::AddStep { variant, step } | Edit::UpdateStep { variant, step } => {
                C::Step { variant: *variant, id: step.id }
            }
            Edit::RemoveStep { variant, id } => C::Step { variant: *variant, id: *id },
            Edit::AddTransition { variant, transition } | Edit::UpdateTransition { variant, transition } => {
                C::Transition { variant: *variant, id: transition.id }
            }
            Edit::RemoveTransition { variant, id } => C::Transition { variant: *variant, id: *id },
            Edit::AddNeed { variant, need } | Edit::UpdateNeed { variant, need } => {
                C::Need { variant: *variant, id: need.id }
            }
            Edit::RemoveNeed { variant, id } => C::Need { variant: *variant, id: *id },
            Edit::AddComment { comment } | Edit::UpdateComment { comment } => C::Comment { id: comment.id },
            Edit::RemoveComment { id } => C::Comment { id: *id },
            Edit::AddReview { review } | Edit::UpdateReview { review } => C::Review { id: review.id },
            Edit::RemoveReview { id } => C::Review { id: *id },
            Edit::Batch { edits, .. } => {
                for e in edits {
                    e.collect_changed(out);
                }
                return;
            }
        };
        out.insert(c);
    }
}

impl Changed {
    /// Everything an applied edit touched: the edit's own elements and its inverse's
    /// (a removed step's inverse names the transitions and needs that went with it).
    pub fn of_applied(edit: &Edit, inverse: &Edit) -> Vec<Changed> {
        let mut all = edit.changed();
        all.extend(inverse.changed());
        all.into_iter().collect()
    }
}
