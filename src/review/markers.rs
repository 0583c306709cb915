//! What the canvas marks in review mode: on each element of a variant's picture with open
//! threads or a decision, the number of open threads and the newest decision's status.

use super::{threads, variant_of};
use crate::model::{Document, ElementRef, Lang, ReviewStatus, VariantId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The review state of one element drawn in a variant's picture.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Marker {
    pub target: ElementRef,
    /// Threads on the element that are still open.
    pub open_threads: usize,
    /// The newest decision on the element, by anyone.
    pub status: Option<ReviewStatus>,
}

/// The markers of `variant`'s picture: its steps, transitions and needs, and the actors
/// (lanes) and phases (columns), each with open threads or a decision, in element order.
pub fn markers(doc: &Document, variant: VariantId) -> Vec<Marker> {
    let drawn = |t: &ElementRef| match t {
        ElementRef::Actor { .. } | ElementRef::Phase { .. } => true,
        _ => variant_of(t) == Some(variant) && !matches!(t, ElementRef::Variant { .. }),
    };
    let mut out: BTreeMap<ElementRef, Marker> = BTreeMap::new();
    let blank = |t: ElementRef| Marker { target: t, open_threads: 0, status: None };
    for th in threads(doc, Lang::En).into_iter().filter(|th| th.open && drawn(&th.root.target)) {
        out.entry(th.root.target).or_insert_with(|| blank(th.root.target)).open_threads += 1;
    }
    let mut reviews: Vec<_> = doc.reviews.iter().filter(|r| drawn(&r.target)).collect();
    reviews.sort_by_key(|r| (r.time, r.id));
    for r in reviews {
        out.entry(r.target).or_insert_with(|| blank(r.target)).status = Some(r.status);
    }
    out.into_values().collect()
}
