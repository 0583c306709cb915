//! The parts of an [`Update`](super::Update): the new value of each touched element, and
//! what moved in a layout.

use crate::edit::Changed;
use crate::layout::{ColumnBox, EdgeRoute, LaneBox, Layout, NeedRoute, Orientation, StepBox};
use crate::model::*;
use foldhash::HashMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::hash::Hash;

/// The new value of one touched element; `None` where it no longer exists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Value {
    Metadata {
        metadata: Metadata,
    },
    /// The lanes, in their order.
    Actors {
        actors: Vec<Actor>,
    },
    /// The columns, in their order.
    Phases {
        phases: Vec<Phase>,
    },
    /// The information catalogue, in its order.
    InfoTypes {
        info_types: Vec<InfoType>,
    },
    /// A variant's name, kind and description.
    VariantHeader {
        variant: VariantId,
        header: Option<VariantHeader>,
    },
    /// A whole variant (added or copied), at its place in the list of variants.
    Variant {
        variant: VariantId,
        index: u32,
        data: Option<VariantData>,
    },
    Step {
        variant: VariantId,
        id: StepId,
        step: Option<Step>,
    },
    Transition {
        variant: VariantId,
        id: TransitionId,
        transition: Option<Transition>,
    },
    Need {
        variant: VariantId,
        id: NeedId,
        need: Option<DataNeed>,
    },
    Comment {
        id: CommentId,
        comment: Option<Comment>,
    },
    Review {
        id: ReviewId,
        review: Option<Review>,
    },
}

impl Value {
    /// The value of `changed` in `doc` as it is now.
    pub fn of(doc: &Document, changed: Changed) -> Value {
        use Changed as C;
        match changed {
            C::Metadata => Value::Metadata {
                metadata: doc.metadata.clone(),
            },
            C::Actors => Value::Actors {
                actors: doc.actors.clone(),
            },
            C::Phases => Value::Phases {
                phases: doc.phases.clone(),
            },
            C::InfoTypes => Value::InfoTypes {
                info_types: doc.info_types.clone(),
            },
            C::VariantHeader { variant } => Value::VariantHeader {
                variant,
                header: doc.variant(variant).map(VariantHeader::of),
            },
            C::Variant { variant } => {
                let index = doc.variants.iter().position(|v| v.id == variant);
                Value::Variant {
                    variant,
                    index: index.unwrap_or(0) as u32,
                    data: index.map(|i| doc.variants[i].to_data()),
                }
            }
            C::Step { variant, id } => Value::Step {
                variant,
                id,
                step: doc.variant(variant).and_then(|v| v.step(id)).cloned(),
            },
            C::Transition { variant, id } => Value::Transition {
                variant,
                id,
                transition: doc.variant(variant).and_then(|v| v.transition(id)).cloned(),
            },
            C::Need { variant, id } => Value::Need {
                variant,
                id,
                need: doc.variant(variant).and_then(|v| v.need(id)).cloned(),
            },
            C::Comment { id } => Value::Comment {
                id,
                comment: doc.comment(id).cloned(),
            },
            C::Review { id } => Value::Review {
                id,
                review: doc.review(id).cloned(),
            },
        }
    }
}

/// What moved in a variant's layout since the one sent before: the frame (size, lanes and
/// columns, always sent: they are few) and the steps, transitions and needs drawn anew or no
/// longer drawn. `whole`: this is the complete layout (another variant than before).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LayoutDelta {
    pub whole: bool,
    pub variant: VariantId,
    pub orientation: Orientation,
    pub width: f64,
    pub height: f64,
    pub lane_header_width: f64,
    pub column_header_height: f64,
    pub lanes: Vec<LaneBox>,
    pub columns: Vec<ColumnBox>,
    /// Steps drawn anew, ordered by id.
    pub steps: Vec<StepBox>,
    pub removed_steps: Vec<StepId>,
    /// Transitions drawn anew, ordered by id.
    pub edges: Vec<EdgeRoute>,
    pub removed_edges: Vec<TransitionId>,
    /// Needs drawn anew, ordered by id.
    pub needs: Vec<NeedRoute>,
    pub removed_needs: Vec<NeedId>,
}

/// The entries of `after` that are new or differ from `before`, and the ids of `before`
/// that `after` no longer has.
fn moved<T: Clone + PartialEq, K: Copy + Eq + Hash>(
    before: &[T],
    after: &[T],
    id: impl Fn(&T) -> K,
) -> (Vec<T>, Vec<K>) {
    let was: HashMap<K, &T> = before.iter().map(|b| (id(b), b)).collect();
    let changed = after
        .iter()
        .filter(|a| was.get(&id(a)).is_none_or(|b| *b != *a))
        .cloned()
        .collect();
    let now: foldhash::HashSet<K> = after.iter().map(&id).collect();
    let removed = before
        .iter()
        .map(&id)
        .filter(|k| !now.contains(k))
        .collect();
    (changed, removed)
}

impl LayoutDelta {
    /// A complete layout, to be taken as it is.
    pub fn whole(l: &Layout) -> LayoutDelta {
        LayoutDelta {
            whole: true,
            steps: l.steps.clone(),
            edges: l.edges.clone(),
            needs: l.needs.clone(),
            removed_steps: Vec::new(),
            removed_edges: Vec::new(),
            removed_needs: Vec::new(),
            ..LayoutDelta::frame(l)
        }
    }

    /// What differs from `before` to `after` (layouts of one variant); none when nothing does.
    pub fn between(before: &Layout, after: &Layout) -> Option<LayoutDelta> {
        if before == after {
            return None;
        }
        let (steps, removed_steps) = moved(&before.steps, &after.steps, |b| b.id);
        let (edges, removed_edges) = moved(&before.edges, &after.edges, |e| e.id);
        let (needs, removed_needs) = moved(&before.needs, &after.needs, |n| n.id);
        Some(LayoutDelta {
            steps,
            removed_steps,
            edges,
            removed_edges,
            needs,
            removed_needs,
            ..LayoutDelta::frame(after)
        })
    }

    /// The steps at `at` in `l` drawn anew, nothing else moved.
    pub fn of_steps(l: &Layout, at: &[usize]) -> LayoutDelta {
        LayoutDelta {
            steps: at.iter().map(|&i| l.steps[i].clone()).collect(),
            ..LayoutDelta::frame(l)
        }
    }

    fn frame(l: &Layout) -> LayoutDelta {
        LayoutDelta {
            whole: false,
            variant: l.variant,
            orientation: l.orientation,
            width: l.width,
            height: l.height,
            lane_header_width: l.lane_header_width,
            column_header_height: l.column_header_height,
            lanes: l.lanes.clone(),
            columns: l.columns.clone(),
            steps: Vec::new(),
            removed_steps: Vec::new(),
            edges: Vec::new(),
            removed_edges: Vec::new(),
            needs: Vec::new(),
            removed_needs: Vec::new(),
        }
    }

    /// `before` with this delta applied: the layout the delta was made from (for tests, and
    /// the shape of what the window does with it).
    pub fn apply(&self, before: Option<&Layout>) -> Layout {
        fn patch<T: Clone, K: Copy + Eq + Hash + Ord>(
            old: &[T],
            new: &[T],
            gone: &[K],
            id: impl Fn(&T) -> K,
        ) -> Vec<T> {
            let mut by: std::collections::BTreeMap<K, T> =
                old.iter().map(|t| (id(t), t.clone())).collect();
            for k in gone {
                by.remove(k);
            }
            for t in new {
                by.insert(id(t), t.clone());
            }
            by.into_values().collect()
        }
        let base = before.filter(|_| !self.whole);
        let (s, e, n) = base.map_or((&[][..], &[][..], &[][..]), |b| {
            (&b.steps[..], &b.edges[..], &b.needs[..])
        });
        Layout {
            variant: self.variant,
            orientation: self.orientation,
            width: self.width,
            height: self.height,
            lane_header_width: self.lane_header_width,
            column_header_height: self.column_header_height,
            lanes: self.lanes.clone(),
            columns: self.columns.clone(),
            steps: patch(s, &self.steps, &self.removed_steps, |b| b.id),
            edges: patch(e, &self.edges, &self.removed_edges, |r| r.id),
            needs: patch(n, &self.needs, &self.removed_needs, |r| r.id),
        }
    }
}
