//! The layout after steps were renamed, without laying the variant out again.
//!
//! A step's label enters the layout only through its measured shape ([`measure`]): the
//! footprint the step takes, where the shape and the label box sit in it, and the wrapped
//! lines. When a step keeps its kind, lane, column and pin, and its new label measures to the
//! same boxes, every position in the layout stays as it was and only the lines change. That
//! is the common edit (a typo fixed, a word changed), and at 10,000 steps it costs
//! microseconds instead of a full layout. A joint step's participant discs sit on its box, so
//! a change of participants is patched the same way.

use super::shape::measure;
use super::{Layout, StepBox};
use crate::model::{Document, Step, StepId};

/// Gives the steps `ids` their new labels in `layout` (a layout of `doc`'s variant made before
/// the steps changed, with the default options of the orientation it has), when nothing else
/// about them moves. Returns the indices in `layout.steps` of the steps whose lines changed
/// (in order), or `None`
/// (leaving `layout` untouched) when some step needs a full layout: it is new or gone, or
/// its kind, lane, column, pin or size changed.
pub fn relabel(layout: &mut Layout, doc: &Document, ids: &[StepId]) -> Option<Vec<usize>> {
    let v = doc.variant(layout.variant)?;
    let mut patches = Vec::with_capacity(ids.len());
    for &id in ids {
        let at = layout.steps.binary_search_by_key(&id, |b| b.id).ok()?;
        let step = v.step(id)?;
        let lines = same_place(layout, &layout.steps[at], doc, step)?;
        patches.push((at, lines));
    }
    let mut at: Vec<usize> = Vec::with_capacity(patches.len());
    for (i, lines) in patches {
        let b = &mut layout.steps[i];
        let marks = super::participant_marks(doc, b.x, b.y, b.w, &v.step(b.id)?.participants);
        if b.label.lines != lines || b.participants != marks {
            b.label.lines = lines;
            b.participants = marks;
            at.push(i);
        }
    }
    at.sort_unstable();
    at.dedup();
    Some(at)
}

/// The new label lines of `step`, if it sits exactly where `was` shows it.
fn same_place(layout: &Layout, was: &StepBox, doc: &Document, step: &Step) -> Option<Vec<String>> {
    if step.kind != was.kind {
        return None;
    }
    // the lane and column it falls in: its own when the document knows them, else the extra one
    let lane = step.actor.filter(|a| doc.actor(*a).is_some());
    let column = step.phase.filter(|p| doc.phase(*p).is_some());
    if layout.lanes.get(was.lane)?.actor != lane || layout.columns.get(was.column)?.phase != column
    {
        return None;
    }
    match step.position {
        None if !was.pinned => {}
        Some(p) if was.pinned && p.x == was.x && p.y == was.y => {}
        _ => return None,
    }
    // for one kind, where the shape and the label sit in the footprint follows from the
    // shape's and the label's sizes alone (see `shape::measure`), so equal sizes mean equal
    // places
    let g = measure(step.kind, &step.label, layout.orientation);
    let same = g.sw == was.w && g.sh == was.h && g.tw == was.label.w && g.th == was.label.h;
    same.then_some(g.lines)
}
