//! Deterministic swimlane layout of one variant: lanes are the actors in their order, columns
//! the phases in their order, and each step without a pinned position sits in its lane ×
//! phase cell. Inside a phase, steps are placed left to right by their rank in the flow
//! (longest path from a start, loops and other back edges ignored); steps of one cell with the
//! same rank stack downwards. Lanes and columns have a minimum size and grow with what they
//! hold. Pinned positions are kept as they are; lanes and columns grow to contain them.
//!
//! Everything is in diagram units with the origin at the top left: lane names occupy a band
//! of [`LANE_HEADER_WIDTH`] on the left, phase names a band of [`COLUMN_HEADER_HEIGHT`] on top.
//! Steps without an actor or phase go to an extra lane or column at the end.

mod rank;

use crate::error::{CoreError, ErrorCode, Result};
use crate::model::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Width of the band on the left that holds the lane names.
pub const LANE_HEADER_WIDTH: f64 = 170.0;
/// Height of the band on top that holds the phase names.
pub const COLUMN_HEADER_HEIGHT: f64 = 44.0;
/// Smallest lane height.
pub const MIN_LANE_HEIGHT: f64 = 150.0;
/// Smallest column width.
pub const MIN_COLUMN_WIDTH: f64 = 240.0;
/// Horizontal room for one rank inside a column.
pub const SLOT_WIDTH: f64 = 200.0;
/// Vertical room for one step inside a lane (shape and a label below it).
pub const ROW_HEIGHT: f64 = 116.0;
/// Space between a cell's border and its content.
pub const CELL_PADDING: f64 = 20.0;

/// The size of a step's shape (without a label drawn below it).
pub fn step_size(kind: StepKind) -> (f64, f64) {
    match kind {
        StepKind::Start | StepKind::End => (52.0, 52.0),
        StepKind::Decision => (120.0, 84.0),
        StepKind::Event => (150.0, 60.0),
        StepKind::Activity | StepKind::SubPathway => (164.0, 68.0),
    }
}

/// A lane: one actor, or `None` for steps with no actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LaneBox {
    pub actor: Option<ActorId>,
    pub y: f64,
    pub height: f64,
}

/// A column: one phase, or `None` for steps with no phase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ColumnBox {
    pub phase: Option<PhaseId>,
    pub x: f64,
    pub width: f64,
}

/// Where a step is drawn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StepBox {
    pub id: StepId,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// Whether the position was pinned by the user rather than computed.
    pub pinned: bool,
}

/// The geometry of one variant's diagram.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Layout {
    pub variant: VariantId,
    /// Total width and height, headers included.
    pub width: f64,
    pub height: f64,
    pub lane_header_width: f64,
    pub column_header_height: f64,
    /// Lanes from top to bottom; each spans the whole width.
    pub lanes: Vec<LaneBox>,
    /// Columns from left to right; each spans the whole height.
    pub columns: Vec<ColumnBox>,
    /// Steps ordered by id.
    pub steps: Vec<StepBox>,
}

/// Lays out a variant of the document.
pub fn layout(doc: &Document, variant: VariantId) -> Result<Layout> {
    let v = doc
        .variant(variant)
        .ok_or_else(|| CoreError::new(ErrorCode::UnknownId, format!("there is no variant with id {variant}")))?;
    Ok(layout_variant(doc, v))
}

fn layout_variant(doc: &Document, v: &Variant) -> Layout {
    let steps = v.steps_sorted();
    let ranks = rank::ranks(v);
    let mut lane_keys: Vec<Option<ActorId>> = doc.actors.iter().map(|a| Some(a.id)).collect();
    if steps.iter().any(|s| s.actor.map_or(true, |a| doc.actor(a).is_none())) {
        lane_keys.push(None);
    }
    let mut col_keys: Vec<Option<PhaseId>> = doc.phases.iter().map(|p| Some(p.id)).collect();
    if steps.iter().any(|s| s.phase.map_or(true, |p| doc.phase(p).is_none())) {
        col_keys.push(None);
    }
    let lane_of = |s: &Step| lane_keys.iter().position(|k| *k == s.actor).unwrap_or(lane_keys.len() - 1);
    let col_of = |s: &Step| col_keys.iter().position(|k| *k == s.phase).unwrap_or(col_keys.len() - 1);

    // slot (x order inside the column) = index of the step's rank among the column's ranks
    let mut col_ranks: Vec<Vec<usize>> = vec![Vec::new(); col_keys.len()];
    for s in steps.iter().filter(|s| s.position.is_none()) {
        col_ranks[col_of(s)].push(ranks[&s.id]);
    }
    for r in &mut col_ranks {
        r.sort_unstable();
        r.dedup();
    }
    // (lane, col, slot) -> steps stacked there, in id order
    let mut cells: BTreeMap<(usize, usize, usize), Vec<&Step>> = BTreeMap::new();
    for s in steps.iter().filter(|s| s.position.is_none()) {
        let c = col_of(s);
        let slot = col_ranks[c].binary_search(&ranks[&s.id]).expect("rank collected above");
        cells.entry((lane_of(s), c, slot)).or_default().push(s);
    }

    let mut columns = Vec::with_capacity(col_keys.len());
    let mut x = LANE_HEADER_WIDTH;
    for (c, key) in col_keys.iter().enumerate() {
        let mut width = (col_ranks[c].len() as f64 * SLOT_WIDTH + 2.0 * CELL_PADDING).max(MIN_COLUMN_WIDTH);
        for s in steps.iter().filter(|s| col_of(s) == c) {
            if let Some(p) = s.position {
                width = width.max(p.x + step_size(s.kind).0 + CELL_PADDING - x);
            }
        }
        columns.push(ColumnBox { phase: *key, x, width });
        x += width;
    }
    let mut lanes = Vec::with_capacity(lane_keys.len());
    let mut y = COLUMN_HEADER_HEIGHT;
    for (l, key) in lane_keys.iter().enumerate() {
        let rows = cells.iter().filter(|((cl, _, _), _)| *cl == l).map(|(_, v)| v.len()).max().unwrap_or(0);
        let mut height = (rows as f64 * ROW_HEIGHT + 2.0 * CELL_PADDING).max(MIN_LANE_HEIGHT);
        for s in steps.iter().filter(|s| lane_of(s) == l) {
            if let Some(p) = s.position {
                height = height.max(p.y + step_size(s.kind).1 + CELL_PADDING - y);
            }
        }
        lanes.push(LaneBox { actor: *key, y, height });
        y += height;
    }

    let mut boxes: Vec<StepBox> = Vec::with_capacity(steps.len());
    for s in &steps {
        let (w, h) = step_size(s.kind);
        if let Some(p) = s.position {
            boxes.push(StepBox { id: s.id, x: p.x, y: p.y, w, h, pinned: true });
        }
    }
    for ((l, c, slot), stack) in &cells {
        let (lane, col) = (&lanes[*l], &columns[*c]);
        // centre the stacks vertically in the lane so single rows line up across lanes
        let top = lane.y + (lane.height - stack.len() as f64 * ROW_HEIGHT) / 2.0;
        let slots = col_ranks[*c].len() as f64;
        let left = col.x + (col.width - slots * SLOT_WIDTH) / 2.0 + *slot as f64 * SLOT_WIDTH;
        for (i, s) in stack.iter().enumerate() {
            let (w, h) = step_size(s.kind);
            let row_top = top + i as f64 * ROW_HEIGHT;
            // the shape sits in the upper part of its row; a label below a circle uses the rest
            let shape_room = ROW_HEIGHT - 28.0;
            boxes.push(StepBox {
                id: s.id,
                x: left + (SLOT_WIDTH - w) / 2.0,
                y: row_top + 14.0 + (shape_room - h) / 2.0,
                w,
                h,
                pinned: false,
            });
        }
    }
    boxes.sort_by_key(|b| b.id);
    Layout {
        variant: v.id,
        width: x,
        height: y,
        lane_header_width: LANE_HEADER_WIDTH,
        column_header_height: COLUMN_HEADER_HEIGHT,
        lanes,
        columns,
        steps: boxes,
    }
}

#[cfg(test)]
mod tests;
