//! Placement: steps into layers and cells, the order inside a cell (barycenter sweeps), the
//! size of lanes, channels and columns, and the final coordinates.
//!
//! Work is done in abstract coordinates: `u` along the flow and `v` across the lanes, so one
//! algorithm serves horizontal lanes (`u` = x) and vertical lanes (`u` = y). The cross axis is
//! settled first (it depends only on what each cell holds and on the bands the routes need),
//! then the channels between layers are sized from the routes through them, and last the
//! positions along the flow.

use super::route;
use super::shape::{measure, StepGeom};
use super::text::{self, Style};
use super::*;
use foldhash::HashMap;
use std::collections::BTreeMap;
use std::ops::Range;

pub(super) const LANE_TEXT: Style = Style::new(13.0, true);
pub(super) const PHASE_TEXT: Style = Style::new(14.0, true);
/// Room between a lane body's edge and the steps in it.
const PAD: f64 = 18.0;
/// Room between steps stacked in one cell.
const STACK_GAP: f64 = 26.0;
/// Thickness of the phase band with vertical lanes.
const VERTICAL_PHASE_BAND: f64 = 170.0;
/// Smallest channel between layers, and the room per route running through it.
const CHANNEL_MIN: f64 = 32.0;
const CHANNEL_TRACK: f64 = 10.0;
/// Room per route in a lane band, and the band's thickness without routes.
pub(super) const BAND_TRACK: f64 = 8.0;
const BAND_EMPTY: f64 = 4.0;

pub(super) struct Node<'a> {
    pub step: &'a Step,
    pub lane: usize,
    pub col: usize,
    pub geom: StepGeom,
    /// Footprint extents along and across the flow.
    pub main: f64,
    pub cross: f64,
    /// `None` for a pinned step.
    pub layer: Option<usize>,
    /// Top of the footprint relative to the centre of its lane's body (cross axis).
    pub rel: f64,
    /// Top left of the footprint.
    pub u: f64,
    pub v: f64,
}

impl Node<'_> {
    /// The shape in abstract coordinates: start along, start across, extent along, across.
    pub fn shape(&self, o: Orientation) -> [f64; 4] {
        let g = &self.geom;
        match o {
            Orientation::Horizontal => [self.u + g.sx, self.v + g.sy, g.sw, g.sh],
            Orientation::Vertical => [self.u + g.sy, self.v + g.sx, g.sh, g.sw],
        }
    }
}

pub(super) struct Layer {
    pub col: usize,
    /// Steps by lane, each list in its order across the flow.
    pub cells: BTreeMap<usize, Vec<usize>>,
    pub main: f64,
    pub u: f64,
}

#[derive(Default, Clone)]
pub(super) struct Lane {
    pub v: f64,
    pub ext: f64,
    pub band_top: f64,
    pub band_bottom: f64,
    pub top_tracks: usize,
    pub bottom_tracks: usize,
    pub body_centre: f64,
}

impl Lane {
    /// The cross coordinate of a track in the top or bottom band.
    pub fn track(&self, top: bool, t: usize) -> f64 {
        if top {
            self.v + self.band_top - BAND_EMPTY - (t as f64 + 1.0) * BAND_TRACK + BAND_TRACK / 2.0
        } else {
            self.v + self.ext - self.band_bottom + BAND_EMPTY + (t as f64 + 1.0) * BAND_TRACK - BAND_TRACK / 2.0
        }
    }
}

#[derive(Default, Clone)]
pub(super) struct Channel {
    pub tracks: usize,
    /// Room kept free at the start of the channel for labels.
    pub room: f64,
    pub u: f64,
    pub w: f64,
}

impl Channel {
    pub fn track(&self, t: usize) -> f64 {
        let rest = self.w - self.room;
        self.u + self.room + rest * (t as f64 + 1.0) / (self.tracks.max(1) as f64 + 1.0)
    }
}

pub(super) struct Plan<'a> {
    pub o: Orientation,
    pub nodes: Vec<Node<'a>>,
    pub index: HashMap<StepId, usize>,
    pub lane_keys: Vec<Option<ActorId>>,
    pub layers: Vec<Layer>,
    pub col_layers: Vec<Range<usize>>,
    pub chan_base: Vec<usize>,
    pub channels: Vec<Channel>,
    pub lanes: Vec<Lane>,
    /// Start and extent of each column along the flow.
    pub cols: Vec<(f64, f64)>,
    pub lhb: f64,
    pub phb: f64,
    /// Width lane names wrap to (horizontal lanes).
    pub lane_text: f64,
}

impl Plan<'_> {
    /// The channel before a layer, and the one after it.
    pub fn left_channel(&self, layer: usize) -> usize {
        let c = self.layers[layer].col;
        self.chan_base[c] + layer - self.col_layers[c].start
    }
    pub fn right_channel(&self, layer: usize) -> usize {
        self.left_channel(layer) + 1
    }
    /// Abstract (u, v) to diagram (x, y).
    pub fn real(&self, u: f64, v: f64) -> Point {
        match self.o {
            Orientation::Horizontal => Point { x: u, y: v },
            Orientation::Vertical => Point { x: v, y: u },
        }
    }
}

pub(super) fn build(doc: &Document, var: &Variant, opts: &LayoutOptions) -> Layout {
    let o = opts.orientation;
    let steps = var.steps_sorted();
    let mut lane_keys: Vec<Option<ActorId>> = doc.actors.iter().map(|a| Some(a.id)).collect();
    if opts.hide_unused_lanes {
        let used: std::collections::HashSet<ActorId> = steps
            .iter()
            .flat_map(|s| s.actor.into_iter().chain(s.participants.iter().copied()))
            .chain(var.needs().flat_map(|n| n.actors()))
            .collect();
        if !used.is_empty() {
            lane_keys.retain(|k| k.is_some_and(|a| used.contains(&a)));
        }
    }
    if steps.iter().any(|s| s.actor.map_or(true, |a| doc.actor(a).is_none())) {
        lane_keys.push(None);
    }
    let mut col_keys: Vec<Option<PhaseId>> = doc.phases.iter().map(|p| Some(p.id)).collect();
    if steps.iter().any(|s| s.phase.map_or(true, |p| doc.phase(p).is_none())) {
        col_keys.push(None);
    }
    let lane_at: HashMap<Option<ActorId>, usize> = lane_keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let col_at: HashMap<Option<PhaseId>, usize> = col_keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();

    let mut nodes: Vec<Node> = steps
        .iter()
        .map(|s| {
            let geom = measure(s.kind, &s.label, o);
            let (main, cross) = match o {
                Orientation::Horizontal => (geom.fw, geom.fh),
                Orientation::Vertical => (geom.fh, geom.fw),
            };
            let lane = *lane_at.get(&s.actor).unwrap_or(&(lane_keys.len() - 1));
            let col = *col_at.get(&s.phase).unwrap_or(&(col_keys.len() - 1));
            let (mut u, mut v) = (0.0, 0.0);
            if let Some(p) = s.position {
                let (fx, fy) = (p.x - geom.sx, p.y - geom.sy);
                (u, v) = match o {
                    Orientation::Horizontal => (fx, fy),
                    Orientation::Vertical => (fy, fx),
                };
            }
            Node { step: s, lane, col, geom, main, cross, layer: None, rel: 0.0, u, v }
        })
        .collect();
    let index: HashMap<StepId, usize> = nodes.iter().enumerate().map(|(i, n)| (n.step.id, i)).collect();
    let seats = nodes
        .iter()
        .map(|n| {
            let circle = super::shape::is_circle(n.step.kind);
            (n.step.id, rank::Seat { lane: n.lane, col: n.col, pinned: n.step.position.is_some(), circle, main: n.main })
        })
        .collect();
    let ranks = rank::compact(var, &seats);

    // layers: per column, one layer per distinct rank of its unpinned steps
    let mut layers: Vec<Layer> = Vec::new();
    let mut col_layers = Vec::with_capacity(col_keys.len());
    for c in 0..col_keys.len() {
        let mut rs: Vec<usize> = nodes.iter().filter(|n| n.col == c && n.step.position.is_none()).map(|n| ranks[&n.step.id]).collect();
        rs.sort_unstable();
        rs.dedup();
        let start = layers.len();
        for _ in &rs {
            layers.push(Layer { col: c, cells: BTreeMap::new(), main: 0.0, u: 0.0 });
        }
        col_layers.push(start..layers.len());
        for (i, n) in nodes.iter_mut().enumerate() {
            if n.col == c && n.step.position.is_none() {
                let l = start + rs.binary_search(&ranks[&n.step.id]).expect("rank collected above");
                n.layer = Some(l);
                layers[l].cells.entry(n.lane).or_default().push(i);
                layers[l].main = layers[l].main.max(n.main);
            }
        }
    }
    order_cells(var, &index, &nodes, &mut layers);

    // the cross axis inside each lane body: stacks centred on the body's centre line
    let mut body_need = vec![0.0f64; lane_keys.len()];
    for layer in &layers {
        for (&lane, cell) in &layer.cells {
            let ext: f64 = cell.iter().map(|&i| nodes[i].cross).sum::<f64>() + STACK_GAP * (cell.len() - 1) as f64;
            body_need[lane] = body_need[lane].max(ext);
            let mut off = -ext / 2.0;
            for &i in cell {
                nodes[i].rel = off;
                off += nodes[i].cross + STACK_GAP;
            }
        }
    }
    let mut chan_base = Vec::with_capacity(col_keys.len());
    let mut n_channels = 0;
    for r in &col_layers {
        chan_base.push(n_channels);
        n_channels += r.len() + 1;
    }
    let phb = match o {
        Orientation::Horizontal => doc
            .phases
            .iter()
            .map(|p| text::wrap(&p.name, MIN_COLUMN_WIDTH - 20.0, PHASE_TEXT).len() as f64 * PHASE_TEXT.line_height() + 18.0)
            .fold(COLUMN_HEADER_HEIGHT, f64::max)
            .ceil(),
        Orientation::Vertical => VERTICAL_PHASE_BAND,
    };
    let mut plan = Plan {
        o,
        nodes,
        index,
        lane_keys: lane_keys.clone(),
        layers,
        col_layers,
        chan_base,
        channels: vec![Channel::default(); n_channels],
        lanes: vec![Lane::default(); lane_keys.len()],
        cols: Vec::new(),
        lhb: LANE_HEADER_WIDTH,
        phb,
        lane_text: LANE_HEADER_WIDTH - 20.0,
    };
    let mut links = route::plan(&mut plan, var, opts);
    let header_links = route::header_needs(&plan, var, opts);
    let names = lane_names(doc, &lane_keys);
    size_lanes(&mut plan, &body_need, &names, header_links);
    route::ports_and_channels(&mut plan, &mut links);
    let phase_names = phase_names(doc, &col_keys);
    size_columns(&mut plan, &phase_names);
    route::polylines(&plan, &mut links);
    let mut out = super::labels::assemble(&plan, doc, var, opts, links, &names, &phase_names);
    out.steps.sort_by_key(|b| b.id);
    out
}

fn lane_names(doc: &Document, keys: &[Option<ActorId>]) -> Vec<String> {
    keys.iter().map(|k| k.and_then(|a| doc.actor(a)).map_or_else(|| "Uten aktør".to_string(), |a| a.name.clone())).collect()
}

fn phase_names(doc: &Document, keys: &[Option<PhaseId>]) -> Vec<String> {
    keys.iter().map(|k| k.and_then(|p| doc.phase(p)).map_or_else(|| "Uten fase".to_string(), |p| p.name.clone())).collect()
}

/// Barycenter sweeps: down the layers ordering each cell by its predecessors' positions, then
/// up by its successors', a few times. Deterministic (stable sorts, ties by current order).
fn order_cells(var: &Variant, index: &HashMap<StepId, usize>, nodes: &[Node], layers: &mut [Layer]) {
    if !layers.iter().any(|l| l.cells.values().any(|c| c.len() > 1)) {
        return;
    }
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for t in var.transitions() {
        let (a, b) = (index[&t.from], index[&t.to]);
        if a != b && nodes[a].layer.is_some() && nodes[b].layer.is_some() {
            adj[a].push(b);
            adj[b].push(a);
        }
    }
    let mut key = vec![0.0f64; nodes.len()];
    for layer in layers.iter() {
        for (&lane, cell) in &layer.cells {
            for (i, &n) in cell.iter().enumerate() {
                key[n] = lane as f64 * 1e6 + i as f64;
            }
        }
    }
    for sweep in 0..6 {
        let down = sweep % 2 == 0;
        let order: Vec<usize> = if down { (0..layers.len()).collect() } else { (0..layers.len()).rev().collect() };
        for l in order {
            let mut cells = std::mem::take(&mut layers[l].cells);
            for (&lane, cell) in cells.iter_mut().filter(|(_, c)| c.len() > 1) {
                let bary: Vec<(f64, usize, usize)> = cell
                    .iter()
                    .enumerate()
                    .map(|(i, &n)| {
                        let ns: Vec<f64> = adj[n]
                            .iter()
                            .filter(|&&m| nodes[m].layer.is_some_and(|ml| if down { ml < l } else { ml > l }))
                            .map(|&m| key[m])
                            .collect();
                        let b = if ns.is_empty() { key[n] } else { ns.iter().sum::<f64>() / ns.len() as f64 };
                        (b, i, n)
                    })
                    .collect();
                let mut bary = bary;
                bary.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                for (i, (_, _, n)) in bary.iter().enumerate() {
                    cell[i] = *n;
                    key[*n] = lane as f64 * 1e6 + i as f64;
                }
            }
            layers[l].cells = cells;
        }
    }
}

fn size_lanes(plan: &mut Plan, body_need: &[f64], names: &[String], header_links: usize) {
    let o = plan.o;
    let header_room = if header_links > 0 { 8.0 + header_links.min(12) as f64 * 6.0 } else { 0.0 };
    if o == Orientation::Horizontal {
        // the band widens so that no word of a lane name is broken
        let longest = names.iter().flat_map(|n| n.split_whitespace()).map(|w| text::width(w, LANE_TEXT)).fold(0.0, f64::max);
        plan.lane_text = (LANE_HEADER_WIDTH - 20.0).max(longest.ceil()).min(320.0);
        plan.lhb = plan.lane_text + 20.0 + header_room;
    }
    let mut v = plan.phb;
    for l in 0..plan.lanes.len() {
        let lane = &mut plan.lanes[l];
        lane.band_top = band(lane.top_tracks);
        lane.band_bottom = band(lane.bottom_tracks);
        let mut body = body_need[l] + 2.0 * PAD;
        let min = match o {
            Orientation::Horizontal => {
                let lines = text::wrap(&names[l], plan.lane_text, LANE_TEXT).len() as f64;
                MIN_LANE_HEIGHT.max(lines * LANE_TEXT.line_height() + 24.0)
            }
            Orientation::Vertical => 180.0,
        };
        let mut ext = (lane.band_top + body + lane.band_bottom).max(min);
        for n in plan.nodes.iter().filter(|n| n.lane == l && n.layer.is_none()) {
            ext = ext.max(n.v + n.cross + PAD - v);
        }
        body = ext - lane.band_top - lane.band_bottom;
        lane.v = v;
        lane.ext = ext.ceil();
        lane.body_centre = v + lane.band_top + body / 2.0;
        v += lane.ext;
    }
    if o == Orientation::Vertical {
        let tallest = (0..plan.lanes.len())
            .map(|l| text::wrap(&names[l], plan.lanes[l].ext - 16.0, LANE_TEXT).len() as f64 * LANE_TEXT.line_height())
            .fold(0.0, f64::max);
        plan.lhb = (tallest + 20.0).max(COLUMN_HEADER_HEIGHT).ceil() + header_room;
    }
    for n in plan.nodes.iter_mut().filter(|n| n.layer.is_some()) {
        n.v = plan.lanes[n.lane].body_centre + n.rel;
    }
}

fn band(tracks: usize) -> f64 {
    if tracks == 0 {
        BAND_EMPTY
    } else {
        2.0 * BAND_EMPTY + tracks as f64 * BAND_TRACK
    }
}

/// Room kept between a computed step and a pinned one.
const PINNED_GAP: f64 = 12.0;

/// How far a layer must move along the flow so that none of its steps lies on a pinned step
/// (0 when none does).
fn pinned_push(plan: &Plan, pinned: &[usize], l: usize) -> f64 {
    let layer = &plan.layers[l];
    let mut push: f64 = 0.0;
    for n in layer.cells.values().flatten().map(|&i| &plan.nodes[i]) {
        let u0 = layer.u + (layer.main - n.main) / 2.0;
        for p in pinned.iter().map(|&i| &plan.nodes[i]) {
            let across = n.v < p.v + p.cross + PINNED_GAP && p.v < n.v + n.cross + PINNED_GAP;
            let along = u0 < p.u + p.main + PINNED_GAP && p.u < u0 + n.main + PINNED_GAP;
            if across && along {
                push = push.max(p.u + p.main + PINNED_GAP - u0);
            }
        }
    }
    push
}

fn size_columns(plan: &mut Plan, names: &[String]) {
    let o = plan.o;
    let pinned: Vec<usize> = (0..plan.nodes.len()).filter(|&i| plan.nodes[i].layer.is_none()).collect();
    for ch in plan.channels.iter_mut() {
        ch.w = (CHANNEL_MIN.max((ch.tracks as f64 + 1.0) * CHANNEL_TRACK) + ch.room).ceil();
    }
    let mut u = plan.lhb;
    for c in 0..plan.col_layers.len() {
        let range = plan.col_layers[c].clone();
        let chans = plan.chan_base[c]..plan.chan_base[c] + range.len() + 1;
        let content: f64 = plan.channels[chans.clone()].iter().map(|ch| ch.w).sum::<f64>()
            + plan.layers[range.clone()].iter().map(|l| l.main).sum::<f64>();
        let min = match o {
            Orientation::Horizontal => MIN_COLUMN_WIDTH,
            Orientation::Vertical => {
                let lines = text::wrap(&names[c], VERTICAL_PHASE_BAND - 20.0, PHASE_TEXT).len() as f64;
                160.0f64.max(lines * PHASE_TEXT.line_height() + 24.0)
            }
        };
        let mut ext = content.max(min);
        for n in plan.nodes.iter().filter(|n| n.col == c && n.layer.is_none()) {
            ext = ext.max(n.u + n.main + PAD - u);
        }
        let ext = ext.ceil();
        let extra = ext - content;
        let (first, last) = (chans.start, chans.end - 1);
        plan.channels[first].w += extra / 2.0;
        plan.channels[last].w += extra - extra / 2.0;
        let mut at = u;
        for (k, ch) in chans.clone().enumerate() {
            plan.channels[ch].u = at;
            at += plan.channels[ch].w;
            if let Some(l) = range.clone().nth(k) {
                plan.layers[l].u = at;
                at += plan.layers[l].main;
            }
        }
        // computed steps keep clear of pinned ones: a layer that would lie on a pinned step
        // moves along the flow past it, widening the channel before it and the column
        let mut grown = 0.0;
        if !pinned.is_empty() {
            for (k, l) in range.clone().enumerate() {
                loop {
                    let push = pinned_push(plan, &pinned, l);
                    if push <= 0.0 {
                        break;
                    }
                    let ch = chans.start + k;
                    plan.channels[ch].w += push;
                    for c2 in ch + 1..chans.end {
                        plan.channels[c2].u += push;
                    }
                    for l2 in l..range.end {
                        plan.layers[l2].u += push;
                    }
                    grown += push;
                }
            }
        }
        let ext = ext + grown;
        plan.cols.push((u, ext));
        u += ext;
    }
    for n in plan.nodes.iter_mut() {
        if let Some(l) = n.layer {
            let layer = &plan.layers[l];
            n.u = layer.u + (layer.main - n.main) / 2.0;
        }
    }
}
