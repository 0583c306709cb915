//! Deterministic swimlane layout of one variant, and the routing of its connections.
//!
//! Lanes are the actors in their order, columns the phases in their order; every step without
//! a pinned position sits in its lane × phase cell. Inside a column, steps are placed along
//! the flow in layers (longest path from a start, with loop transitions and other back edges
//! left out so the rest is acyclic); steps of one cell and layer stack across the flow, in an
//! order chosen by barycenter sweeps to reduce crossings. Shapes are measured with the
//! embedded font ([`text`]), so labels wrap and shapes grow instead of clipping; lanes and
//! columns grow to fit what they hold, and nothing overlaps. Pinned steps keep their positions
//! and lanes and columns grow to contain them.
//!
//! Transitions are routed orthogonally through the channels between layers and the bands at
//! the top and bottom of each lane, as polylines in the [`Layout`], so the canvas and every
//! export draw the same geometry. Loops and other backward transitions run around the lane
//! through a band. Data-sharing needs are routed as their own layer. Labels are placed where
//! they overlap no shape and no other label.
//!
//! Everything is in diagram units with the origin at the top left. With the default
//! horizontal [`Orientation`], lane names occupy a band of `lane_header_width` on the left and
//! phase names a band of `column_header_height` on top; with vertical lanes the lane names are
//! on top and the phase names on the left, and the flow runs downwards. Steps without an
//! actor or phase go to an extra lane or column at the end, never lost.

mod labels;
pub mod measure;
mod place;
mod rank;
mod relabel;
mod route;
mod shape;
pub mod text;

pub use labels::BADGE_PAD;
pub use relabel::relabel;
pub use shape::{is_circle, step_size};

use crate::edit::Edit;
use crate::error::{CoreError, ErrorCode, Result};
use crate::model::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Width of the band that holds the lane names (horizontal lanes).
pub const LANE_HEADER_WIDTH: f64 = 170.0;
/// Smallest height of the band that holds the phase names (horizontal lanes).
pub const COLUMN_HEADER_HEIGHT: f64 = 44.0;
/// Smallest lane height (horizontal lanes) or width (vertical lanes).
pub const MIN_LANE_HEIGHT: f64 = 120.0;
/// Smallest column width (horizontal lanes) or height (vertical lanes).
pub const MIN_COLUMN_WIDTH: f64 = 240.0;

/// Which way lanes run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// Lanes are rows, phases columns, the flow runs left to right.
    #[default]
    Horizontal,
    /// Lanes are columns, phases rows, the flow runs top to bottom.
    Vertical,
}

/// Choices that change the layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct LayoutOptions {
    pub orientation: Orientation,
    /// Whether data-sharing needs are routed (the need layer).
    pub needs: bool,
    /// The flow drawn: a sub-pathway step's own flow, or (none) the variant's main flow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flow: Option<StepId>,
    /// Leave out the lanes of actors the flow does not use (no step, part in a step, or part
    /// in a need): for figures. The canvas shows every lane, to draw in.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hide_unused_lanes: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            orientation: Orientation::Horizontal,
            needs: true,
            flow: None,
            hide_unused_lanes: false,
        }
    }
}

/// A point in diagram units.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// Text already wrapped into lines, in a box; lines are centred in the box, one line height
/// (`size` × [`text::LINE_HEIGHT`]) apart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TextBlock {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// Font size in diagram units.
    pub size: f64,
    pub bold: bool,
    pub lines: Vec<String>,
}

/// A lane: one actor, or `None` for steps with no actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LaneBox {
    pub actor: Option<ActorId>,
    /// Horizontal lanes: top and height of the row. Vertical lanes: 0 and the diagram height.
    pub y: f64,
    pub height: f64,
    /// Horizontal lanes: 0 and the diagram width. Vertical lanes: left and width of the column.
    pub x: f64,
    pub width: f64,
    /// The lane name in the header band.
    pub header: TextBlock,
}

/// A column: one phase, or `None` for steps with no phase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ColumnBox {
    pub phase: Option<PhaseId>,
    /// Horizontal lanes: left and width of the column. Vertical lanes: 0 and the diagram width.
    pub x: f64,
    pub width: f64,
    /// Horizontal lanes: 0 and the diagram height. Vertical lanes: top and height of the row.
    pub y: f64,
    pub height: f64,
    /// The phase name in the header band.
    pub header: TextBlock,
}

/// Where a step is drawn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StepBox {
    pub id: StepId,
    /// The shape's bounding box (a circle's or diamond's too).
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// Whether the position was pinned by the user rather than computed.
    pub pinned: bool,
    pub kind: StepKind,
    /// Index into [`Layout::lanes`] and [`Layout::columns`].
    pub lane: usize,
    pub column: usize,
    /// The label: inside the shape, or beside a circle.
    pub label: TextBlock,
    /// 1, 2 … in the order the diagram reads: phase by phase, along the flow, lanes from
    /// the first; drawn in a small disc on the shape's top-left corner ([`Self::number_at`]),
    /// and used by every report table.
    pub number: u32,
    /// The centre and radius of the disc that shows the number.
    pub number_at: Point,
    pub number_r: f64,
    /// A small disc per participant of a joint step, in its actor's colour, along the
    /// shape's top edge from the right.
    #[serde(default)]
    pub participants: Vec<ParticipantMark>,
}

/// Where a joint step shows one participating actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ParticipantMark {
    pub actor: ActorId,
    /// The actor's name, for the hover text and the legend.
    pub name: String,
    /// The actor's lane colour (CSS), grey when it has none.
    pub colour: String,
    pub at: Point,
    pub r: f64,
}

/// The radius of a participant's disc.
pub const PARTICIPANT_R: f64 = 4.5;

/// The discs of a joint step's participants: on the top edge of its box, from the right
/// corner leftwards, each the next disc's width plus a gap apart.
pub fn participant_marks(doc: &Document, x: f64, y: f64, w: f64, participants: &[ActorId]) -> Vec<ParticipantMark> {
    participants
        .iter()
        .enumerate()
        .map(|(i, &actor)| ParticipantMark {
            actor,
            name: doc.actor(actor).map(|a| a.name.clone()).unwrap_or_default(),
            colour: doc.actor(actor).and_then(|a| a.colour.clone()).unwrap_or_else(|| "#7f7f7f".into()),
            at: Point { x: x + w - 2.0 * PARTICIPANT_R - i as f64 * (2.0 * PARTICIPANT_R + 3.0), y },
            r: PARTICIPANT_R,
        })
        .collect()
}

/// Step numbers.
pub const NUMBER_TEXT: text::Style = text::Style::new(9.0, true);

/// The radius of the disc that holds a step's number, centred on its top-left corner.
fn number_radius(number: u32) -> f64 {
    (text::width(&number.to_string(), NUMBER_TEXT) / 2.0 + 3.0)
        .max(7.0)
        .ceil()
}

/// Where the disc with a step's number sits: on the top-left corner of a box or a circle's
/// bounding box, and just outside the upper-left edge of a diamond.
fn number_centre(kind: StepKind, x: f64, y: f64, w: f64, h: f64, r: f64) -> (f64, f64) {
    if kind == StepKind::Decision {
        let len = (w * w + h * h).sqrt().max(1.0);
        (x + w / 4.0 - r * h / len, y + h / 4.0 - r * w / len)
    } else {
        (x, y)
    }
}

/// The numbers of a variant's steps as its diagram shows them.
pub fn step_numbers(
    doc: &Document,
    variant: VariantId,
) -> Result<std::collections::HashMap<StepId, u32>> {
    Ok(layout(doc, variant)?
        .steps
        .iter()
        .map(|b| (b.id, b.number))
        .collect())
}

/// The route of one transition, from the source's boundary to the target's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EdgeRoute {
    pub id: TransitionId,
    pub from: StepId,
    pub to: StepId,
    pub kind: TransitionKind,
    /// The triage signal it carries, drawn in its colour with its label as a chip.
    #[serde(default)]
    pub signal: Signal,
    /// Orthogonal polyline; the arrowhead is at the last point.
    pub points: Vec<Point>,
    pub label: Option<TextBlock>,
}

/// The connectors of one data-sharing need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NeedRoute {
    pub id: NeedId,
    pub form: InteractionForm,
    /// Orthogonal polylines, each with an arrowhead at its last point (towards the consumer).
    pub paths: Vec<Vec<Point>>,
    /// Indices of the paths that end in a processor's lane (databehandler, e.g. the VKP hub):
    /// drawn with a ring at their last point instead of an arrowhead.
    #[serde(default)]
    pub relays: Vec<usize>,
    /// Whether the connector runs between lane headers (a need at no step, or at one step).
    pub between_headers: bool,
    /// The need's number and short title, as a badge beside its first connector.
    pub badge: Option<TextBlock>,
    /// The need's number alone beside each of its other connectors, so every line can be
    /// told apart without the report.
    #[serde(default)]
    pub tags: Vec<TextBlock>,
}

/// The geometry of one variant's diagram.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Layout {
    pub variant: VariantId,
    pub orientation: Orientation,
    /// Total width and height, headers included.
    pub width: f64,
    pub height: f64,
    /// Thickness of the band with the lane names (left, or top with vertical lanes).
    pub lane_header_width: f64,
    /// Thickness of the band with the phase names (top, or left with vertical lanes).
    pub column_header_height: f64,
    /// Lanes in order (top to bottom, or left to right).
    pub lanes: Vec<LaneBox>,
    /// Columns in order (left to right, or top to bottom).
    pub columns: Vec<ColumnBox>,
    /// Steps ordered by id.
    pub steps: Vec<StepBox>,
    /// Transitions ordered by id.
    pub edges: Vec<EdgeRoute>,
    /// Needs ordered by id; empty when the need layer is off.
    pub needs: Vec<NeedRoute>,
}

/// Lays out a variant of the document with the default options.
pub fn layout(doc: &Document, variant: VariantId) -> Result<Layout> {
    layout_with(doc, variant, &LayoutOptions::default())
}

/// Lays out a variant of the document.
pub fn layout_with(doc: &Document, variant: VariantId, options: &LayoutOptions) -> Result<Layout> {
    let v = doc.variant(variant).ok_or_else(|| {
        CoreError::new(
            ErrorCode::UnknownId,
            format!("there is no variant with id {variant}"),
        )
    })?;
    if let Some(f) = options.flow.filter(|f| v.step(*f).is_none()) {
        return Err(CoreError::new(ErrorCode::UnknownId, format!("there is no step {f} whose flow could be drawn in variant '{}'", v.name)));
    }
    Ok(place::build(doc, &v.flow_of(options.flow), options))
}

/// One batch edit that unpins every pinned step of the variant, so the layout places them
/// all; it undoes as one. Empty when nothing is pinned or the variant does not exist.
pub fn auto_arrange(doc: &Document, variant: VariantId) -> Edit {
    let edits = doc
        .variant(variant)
        .map(|v| {
            v.steps_sorted()
                .into_iter()
                .filter(|s| s.position.is_some())
                .map(|s| Edit::UpdateStep {
                    variant,
                    step: Step {
                        position: None,
                        ..s.clone()
                    },
                })
                .collect()
        })
        .unwrap_or_default();
    Edit::batch("auto arrange", edits)
}

#[cfg(test)]
mod tests;
