//! Orthogonal routing of transitions and need connectors.
//!
//! A route leaves its source on the side facing the flow and enters its target on the side
//! facing back. Vertical segments (across the flow) run only in the channels between layers,
//! which hold no shapes; runs along the flow stay at the level of the source or the target
//! when no step of the layers in between is in the way, and otherwise, like every backward
//! route (loops), run through a band at the top or bottom of a lane. Each channel and band
//! gives every route its own track, so lines do not lie on top of each other; the ports on a
//! side of a shape are spread and ordered by where their routes go, to avoid crossings.

use super::place::Plan;
use super::shape::reach;
use super::text::{self, Style};
use super::*;
use std::collections::BTreeMap;

/// Transition labels.
pub(super) const EDGE_TEXT: Style = Style::new(11.0, false);
/// Width that transition labels wrap to.
pub(super) const EDGE_LABEL_WIDTH: f64 = 110.0;
/// Room kept between a run along the flow and a step it passes.
const CLEARANCE: f64 = 6.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Owner {
    Edge(usize),
    /// A need (index among the variant's needs) and the connector's number.
    Need(usize),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum How {
    /// Along the flow at the source's level, across in the channel before the target.
    AtSource,
    /// Across in the channel after the source, along the flow at the target's level.
    AtTarget,
    /// Through a track of a lane band (top or bottom).
    Band { lane: usize, top: bool, track: usize },
    /// A need connector between a step's far side and the band of another party's lane,
    /// through the channel after the step: into the step when `inward` (the step is the
    /// consumer's, the lane the provider's), otherwise out of the step into the consumer's
    /// lane. A `relay` connector ends in the lane of a processor (databehandler) such as the
    /// VKP hub, marked with a ring instead of an arrowhead.
    Lane { lane: usize, top: bool, inward: bool, relay: bool },
    /// A manual need: a short stub out of the step's far side towards the other party's
    /// lane (above when `top`), marked at its end, not a line across the page.
    Stub { top: bool },
    /// A hand-over between two steps of one layer: straight across the lanes between them,
    /// which hold no step in that layer (the ranking keeps them free).
    Straight,
    /// An end is pinned: a simple route that may cross shapes.
    Free,
}

pub(super) struct Link {
    pub owner: Owner,
    pub from: Option<usize>,
    pub to: usize,
    pub how: How,
    /// Channels of the first and second segment across the flow, and their tracks.
    pub ch: [Option<usize>; 2],
    pub track: [usize; 2],
    /// Ports: cross coordinate at the source and at the target.
    pub pa: f64,
    pub pb: f64,
    /// The label wrapped into lines, with its width and height.
    pub label: Option<(Vec<String>, f64, f64)>,
    /// For a way back that shares its trunk with others to the same step: the link whose
    /// band track, port and last channel track it takes (itself for the first).
    pub trunk: Option<usize>,
    /// Abstract polyline.
    pub points: Vec<(f64, f64)>,
}

/// Decides how every transition and need connector runs, and assigns band tracks.
pub(super) fn plan(plan: &mut Plan, var: &Variant, opts: &LayoutOptions) -> Vec<Link> {
    let mut links = Vec::new();
    for (i, t) in var.transitions_sorted().into_iter().enumerate() {
        let (a, b) = (plan.index[&t.from], plan.index[&t.to]);
        let mut link = classify(plan, Owner::Edge(i), a, b);
        // a signal without a label is named by the signal, so colour never speaks alone
        let text = if t.label.trim().is_empty() && !t.signal.is_none() { t.signal.label(Lang::Nb).to_lowercase() } else { t.label.clone() };
        if !text.trim().is_empty() {
            let lines = text::wrap(&text, EDGE_LABEL_WIDTH, EDGE_TEXT);
            let w = text::widest(&lines, EDGE_TEXT).ceil();
            let h = lines.len() as f64 * EDGE_TEXT.line_height();
            link.label = Some((lines, w, h));
        }
        links.push(link);
    }
    if opts.needs {
        for (ni, need) in var.needs().enumerate() {
            need_links(plan, ni, need, &mut links);
        }
    }
    share_trunks(&mut links, var);
    assign_bands(plan, &mut links);
    links
}

/// The length of a manual need's stub across the flow.
const STUB: f64 = 26.0;

/// The connectors of one need: from each of its steps to the lanes of the other parties, by
/// the channel right after the step, so every connector is short and ends on its step. At a
/// consumer's own step, one connector comes in from the source's lane; at any other step, one
/// goes out into each consumer's lane, and one into each processor's lane, marked as a relay.
/// A manual need gets a short stub at each step instead, towards the nearest other party.
fn need_links(plan: &Plan, ni: usize, need: &DataNeed, links: &mut Vec<Link>) {
    let lanes = |actors: &mut dyn Iterator<Item = ActorId>| -> Vec<usize> {
        let mut v: Vec<usize> = actors.filter_map(|a| plan.lane_keys.iter().position(|k| *k == Some(a))).collect();
        v.dedup();
        v
    };
    let (sources, consumers) = (lanes(&mut need.sources()), lanes(&mut need.consumers()));
    let processors: Vec<usize> = lanes(&mut need.processors()).into_iter().filter(|p| !consumers.contains(p)).collect();
    let mut at: Vec<usize> = need.steps.iter().filter_map(|s| plan.index.get(s).copied()).collect();
    at.sort_unstable();
    at.dedup();
    for n in at {
        let node = &plan.nodes[n];
        let Some(layer) = node.layer else { continue };
        let inward = consumers.contains(&node.lane);
        let others: Vec<(usize, bool)> = if inward {
            sources.iter().find(|&&o| o != node.lane).map(|&o| (o, false)).into_iter().collect()
        } else {
            consumers.iter().map(|&c| (c, false)).chain(processors.iter().map(|&p| (p, true))).filter(|&(o, _)| o != node.lane).collect()
        };
        if need.form == InteractionForm::Manual {
            if let Some(&(other, _)) = others.iter().min_by_key(|(o, _)| o.abs_diff(node.lane)) {
                let mut link = empty(Owner::Need(ni), None, n, How::Stub { top: other < node.lane });
                link.ch = [Some(plan.right_channel(layer)), None];
                links.push(link);
            }
            continue;
        }
        for (other, relay) in others {
            let top = other < node.lane;
            let mut link = empty(Owner::Need(ni), None, n, How::Lane { lane: other, top: !top, inward, relay });
            link.ch = [Some(plan.right_channel(layer)), None];
            links.push(link);
        }
    }
}

/// Ways back (loops) to one step through one band share a trunk: one band track, one
/// channel track and one port, so they merge into one line with one arrowhead.
fn share_trunks(links: &mut [Link], var: &Variant) {
    let transitions = var.transitions_sorted();
    // (target, lane, top band) -> the ways back there
    let mut groups: BTreeMap<(usize, usize, bool), Vec<usize>> = BTreeMap::new();
    for (i, l) in links.iter().enumerate() {
        let (Owner::Edge(e), How::Band { lane, top, .. }) = (l.owner, l.how) else { continue };
        if transitions[e].kind == TransitionKind::Loop && l.ch[1].is_some() {
            groups.entry((l.to, lane, top)).or_default().push(i);
        }
    }
    // a trunk of one is no trunk
    for group in groups.values().filter(|g| g.len() > 1) {
        for &i in group {
            links[i].trunk = Some(group[0]);
        }
    }
}

/// The number of needs drawn between lane headers (at no step).
pub(super) fn header_needs(plan: &Plan, var: &Variant, opts: &LayoutOptions) -> usize {
    if !opts.needs {
        return 0;
    }
    var.needs().filter(|n| header_lanes(plan, n).is_some()).count()
}

/// Source and (first) consumer lanes of a need at no step of this variant, when they differ.
pub(super) fn header_lanes(plan: &Plan, need: &DataNeed) -> Option<(usize, usize)> {
    if need.steps.iter().any(|s| plan.index.contains_key(s)) {
        return None;
    }
    let lane = |a: Option<ActorId>| a.and_then(|a| plan.lane_keys.iter().position(|k| *k == Some(a)));
    match (lane(need.provider()), lane(need.consumers().next())) {
        (Some(p), Some(c)) if p != c => Some((p, c)),
        _ => None,
    }
}

fn empty(owner: Owner, from: Option<usize>, to: usize, how: How) -> Link {
    Link { owner, from, to, how, ch: [None, None], track: [0, 0], pa: 0.0, pb: 0.0, label: None, trunk: None, points: Vec::new() }
}

fn classify(plan: &Plan, owner: Owner, a: usize, b: usize) -> Link {
    let (na, nb) = (&plan.nodes[a], &plan.nodes[b]);
    let (Some(la), Some(lb)) = (na.layer, nb.layer) else {
        return empty(owner, Some(a), b, How::Free);
    };
    let mut link;
    if la == lb && na.lane != nb.lane && matches!(owner, Owner::Edge(_)) {
        link = empty(owner, Some(a), b, How::Straight);
    } else if lb > la {
        if run_free(plan, na.lane, na.rel, na.rel + na.cross, la + 1, lb) {
            link = empty(owner, Some(a), b, How::AtSource);
            link.ch = [None, Some(plan.left_channel(lb))];
        } else if run_free(plan, nb.lane, nb.rel, nb.rel + nb.cross, la + 1, lb) {
            link = empty(owner, Some(a), b, How::AtTarget);
            link.ch = [Some(plan.right_channel(la)), None];
        } else {
            link = empty(owner, Some(a), b, How::Band { lane: na.lane, top: nb.lane <= na.lane, track: 0 });
            link.ch = [Some(plan.right_channel(la)), Some(plan.left_channel(lb))];
        }
    } else {
        // backward, or within one layer: around through a band of the target's lane
        let top = if na.lane == nb.lane { true } else { na.lane < nb.lane };
        link = empty(owner, Some(a), b, How::Band { lane: nb.lane, top, track: 0 });
        link.ch = [Some(plan.right_channel(la)), Some(plan.left_channel(lb))];
    }
    link
}

/// Whether nothing in `lane` between layers `from..to` reaches into the cross range.
fn run_free(plan: &Plan, lane: usize, lo: f64, hi: f64, from: usize, to: usize) -> bool {
    (from..to).all(|l| {
        plan.layers[l].cells.get(&lane).map_or(true, |cell| {
            cell.iter().all(|&n| {
                let m = &plan.nodes[n];
                m.rel + m.cross + CLEARANCE <= lo || m.rel - CLEARANCE >= hi
            })
        })
    })
}

/// First-fit track assignment in each band, shortest runs nearest the lane body.
fn assign_bands(plan: &mut Plan, links: &mut [Link]) {
    let mut by_band: BTreeMap<(usize, bool), Vec<(usize, usize, usize)>> = BTreeMap::new();
    for (i, l) in links.iter().enumerate() {
        if let How::Band { lane, top, .. } = l.how {
            let (c0, c1) = (l.ch[0].unwrap_or(0), l.ch[1].unwrap_or(0));
            by_band.entry((lane, top)).or_default().push((c0.min(c1), c0.max(c1), i));
        }
    }
    for ((lane, top), runs) in by_band {
        // the ways back in one trunk take one track over their joint span, run by the first
        let mut spans: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
        for &(lo, hi, i) in &runs {
            let at = links[i].trunk.unwrap_or(i);
            let span = spans.entry(at).or_insert((lo, hi));
            *span = (span.0.min(lo), span.1.max(hi));
        }
        let mut runs: Vec<(usize, usize, usize)> = spans.into_iter().map(|(i, (lo, hi))| (lo, hi, i)).collect();
        runs.sort_by_key(|&(lo, hi, i)| (hi - lo, lo, i));
        let mut tracks: Vec<Vec<(usize, usize)>> = Vec::new();
        for (lo, hi, i) in runs {
            let t = tracks.iter().position(|tr| tr.iter().all(|&(a, b)| hi < a || lo > b)).unwrap_or_else(|| {
                tracks.push(Vec::new());
                tracks.len() - 1
            });
            tracks[t].push((lo, hi));
            if let How::Band { track, .. } = &mut links[i].how {
                *track = t;
            }
        }
        let l = &mut plan.lanes[lane];
        if top {
            l.top_tracks = tracks.len();
        } else {
            l.bottom_tracks = tracks.len();
        }
    }
    for i in 0..links.len() {
        if let Some(t) = links[i].trunk.filter(|&t| t != i) {
            if let (How::Band { track, .. }, How::Band { track: mine, .. }) = (links[t].how, &mut links[i].how) {
                *mine = track;
            }
        }
    }
}

fn centre(plan: &Plan, n: usize) -> f64 {
    let s = plan.nodes[n].shape(plan.o);
    s[1] + s[3] / 2.0
}

/// Where a route's middle runs across the flow, seen from its source and from its target.
fn keys(plan: &Plan, l: &Link) -> (f64, f64) {
    match l.how {
        How::Band { lane, top, track } => {
            let t = plan.lanes[lane].track(top, track);
            (t, t)
        }
        How::Lane { lane, top, .. } => {
            let t = band_point(plan, lane, top);
            (t, t)
        }
        How::Stub { top } => {
            let s = plan.nodes[l.to].shape(plan.o);
            let t = stub_end(if top { s[1] } else { s[1] + s[3] }, top);
            (t, t)
        }
        _ => (centre(plan, l.to), l.from.map_or(0.0, |f| centre(plan, f))),
    }
}

/// Where a need connector ends in (or starts from) another party's lane: a little inside the
/// lane's edge that faces the step, clear of the border line.
fn band_point(plan: &Plan, lane: usize, top: bool) -> f64 {
    let l = &plan.lanes[lane];
    let inset = (l.ext / 4.0).min(NEED_END_INSET);
    if top {
        l.v + inset
    } else {
        l.v + l.ext - inset
    }
}

/// How far into a lane a need connector reaches.
const NEED_END_INSET: f64 = 16.0;

/// Where a manual need's stub ends, from its port's level.
fn stub_end(p: f64, top: bool) -> f64 {
    if top {
        p - STUB
    } else {
        p + STUB
    }
}

/// Spreads the ports on each side of each shape, then gives every segment across the flow a
/// track in its channel, and reserves room in channels for labels.
pub(super) fn ports_and_channels(plan: &mut Plan, links: &mut [Link]) {
    // (node, far side?) -> [(key, link, is source end)]
    let mut sides: BTreeMap<(usize, bool), Vec<(f64, usize, bool)>> = BTreeMap::new();
    for (i, l) in links.iter().enumerate() {
        if matches!(l.how, How::Free | How::Straight) {
            continue;
        }
        let (ka, kb) = keys(plan, l);
        // a way back in a trunk arrives through the trunk's port
        let arrives = l.trunk.map_or(true, |t| t == i);
        if let Some(f) = l.from {
            sides.entry((f, true)).or_default().push((ka, i, true));
            if arrives {
                sides.entry((l.to, false)).or_default().push((kb, i, false));
            }
        } else {
            sides.entry((l.to, true)).or_default().push((kb, i, false));
        }
    }
    for ((n, _), mut list) in sides {
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let node = &plan.nodes[n];
        let s = node.shape(plan.o);
        let span = if super::shape::is_circle(node.step.kind) || node.step.kind == StepKind::Decision { 0.5 } else { 0.8 };
        let k = list.len() as f64;
        for (j, (_, i, source)) in list.into_iter().enumerate() {
            let c = s[1] + s[3] / 2.0;
            let p = if k == 1.0 { c } else { c - s[3] * span / 2.0 + s[3] * span * (j as f64 + 1.0) / (k + 1.0) };
            if source {
                links[i].pa = p;
            } else {
                links[i].pb = p;
            }
        }
    }
    for l in links.iter_mut().filter(|l| l.how == How::Free) {
        l.pa = l.from.map_or(0.0, |f| centre(plan, f));
        l.pb = centre(plan, l.to);
    }
    for i in 0..links.len() {
        if let Some(t) = links[i].trunk.filter(|&t| t != i) {
            links[i].pb = links[t].pb;
        }
    }
    // segments across the flow: (channel) -> [(lo, hi, link, which)]
    let mut segs: BTreeMap<usize, Vec<(f64, f64, usize, usize)>> = BTreeMap::new();
    for (i, l) in links.iter().enumerate() {
        let (ends0, ends1) = match l.how {
            How::AtSource => ((0.0, 0.0), (l.pa, l.pb)),
            How::AtTarget => ((l.pa, l.pb), (0.0, 0.0)),
            How::Band { lane, top, track } => {
                let t = plan.lanes[lane].track(top, track);
                ((l.pa, t), (t, l.pb))
            }
            How::Lane { lane, top, .. } => ((band_point(plan, lane, top), l.pb), (0.0, 0.0)),
            How::Stub { top } => ((stub_end(l.pb, top), l.pb), (0.0, 0.0)),
            How::Free | How::Straight => continue,
        };
        for (w, (p, q)) in [ends0, ends1].into_iter().enumerate() {
            // the trunk's last stretch is drawn once, by the trunk's first way back
            if w == 1 && l.trunk.is_some_and(|t| t != i) {
                continue;
            }
            if let Some(c) = l.ch[w] {
                segs.entry(c).or_default().push((p.min(q), p.max(q), i, w));
            }
        }
    }
    for (c, mut list) in segs {
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
        plan.channels[c].tracks = assign_tracks(plan, links, &list);
    }
    for i in 0..links.len() {
        if let Some(t) = links[i].trunk.filter(|&t| t != i) {
            links[i].track[1] = links[t].track[1];
        }
    }
    // labels start next to their source: keep room for them in the channel after it
    // (a route through a band has its long run along the band for its label)
    for l in links.iter().filter(|l| matches!(l.how, How::AtSource | How::AtTarget)) {
        if let (Some((_, w, h)), Some(f)) = (&l.label, l.from) {
            if let Some(layer) = plan.nodes[f].layer {
                let c = plan.right_channel(layer);
                let along = if plan.o == Orientation::Horizontal { *w } else { *h };
                plan.channels[c].room = plan.channels[c].room.max(along + 8.0);
            }
        }
    }
}

/// Where a route's segment in a channel joins the runs along the flow: the cross coordinates
/// of the run arriving from the side before the channel and of the run leaving towards the
/// side after it.
fn stubs(plan: &Plan, l: &Link, w: usize) -> (Vec<f64>, Vec<f64>) {
    match l.how {
        How::AtSource | How::AtTarget => (vec![l.pa], vec![l.pb]),
        // the run from the step's far side lies before the channel
        How::Lane { .. } | How::Stub { .. } => (vec![l.pb], Vec::new()),
        How::Band { lane, top, track } => {
            let t = plan.lanes[lane].track(top, track);
            // channels are numbered along the flow
            let forward = match l.ch {
                [Some(a), Some(b)] => a <= b,
                _ => true,
            };
            match (w, forward) {
                (0, true) => (vec![l.pa], vec![t]),
                (0, false) => (vec![l.pa, t], Vec::new()),
                (_, true) => (vec![t], vec![l.pb]),
                (_, false) => (Vec::new(), vec![t, l.pb]),
            }
        }
        How::Free | How::Straight => (Vec::new(), Vec::new()),
    }
}

/// Gives each segment of a channel a track: the first, from the start of the channel, that
/// is free along the segment's span, as long as no run along the flow comes to lie on another.
/// When one route arrives at the level where another leaves, the arriving route must turn
/// first (its track lies before the other's), or the two would share a stretch of line; a new
/// track is opened where needed to keep that so. Returns the number of tracks.
fn assign_tracks(plan: &Plan, links: &mut [Link], list: &[(f64, f64, usize, usize)]) -> usize {
    let near = |a: &[f64], b: &[f64]| a.iter().any(|x| b.iter().any(|y| (x - y).abs() <= 0.5));
    // tracks from the start of the channel: (track id, end of its last segment)
    let mut order: Vec<(usize, f64)> = Vec::new();
    // placed segments: (arriving levels, leaving levels, track id)
    let mut placed: Vec<(Vec<f64>, Vec<f64>, usize)> = Vec::with_capacity(list.len());
    for &(lo, hi, i, w) in list {
        let (arrive, leave) = stubs(plan, &links[i], w);
        let pos = |id: usize, order: &[(usize, f64)]| order.iter().position(|t| t.0 == id).expect("a placed track");
        let (mut first, mut last) = (0, usize::MAX);
        for (a, l, id) in &placed {
            if near(&arrive, l) {
                last = last.min(pos(*id, &order));
            }
            if near(a, &leave) {
                first = first.max(pos(*id, &order) + 1);
            }
        }
        if first > last {
            // contradictory demands: only keep lines apart where the span allows
            (first, last) = (0, usize::MAX);
        }
        let found = (first..order.len().min(last)).find(|&p| order[p].1 + 6.0 < lo);
        let p = found.unwrap_or_else(|| {
            // as late as allowed: at the end, unless a track must come after this one
            let at = last.min(order.len());
            order.insert(at, (order.len(), f64::MIN));
            at
        });
        order[p].1 = hi;
        placed.push((arrive, leave, order[p].0));
    }
    for (&(_, _, i, w), (_, _, id)) in list.iter().zip(&placed) {
        links[i].track[w] = order.iter().position(|t| t.0 == *id).expect("a placed track");
    }
    order.len()
}

/// The boundary point of a node's shape at a cross coordinate, on its far or near side.
fn port(plan: &Plan, n: usize, cross: f64, far: bool) -> (f64, f64) {
    let node = &plan.nodes[n];
    let s = node.shape(plan.o);
    let (cu, cv) = (s[0] + s[2] / 2.0, s[1] + s[3] / 2.0);
    let r = reach(node.step.kind, s[2] / 2.0, s[3] / 2.0, cross - cv);
    (if far { cu + r } else { cu - r }, cross)
}

/// Builds every route's abstract polyline.
pub(super) fn polylines(plan: &Plan, links: &mut [Link]) {
    for l in links.iter_mut() {
        let x = |w: usize| l.ch[w].map_or(0.0, |c| plan.channels[c].track(l.track[w]));
        let b = port(plan, l.to, l.pb, false);
        let mut pts = match (l.how, l.from) {
            (How::Lane { lane, top, inward, .. }, _) => {
                let bp = band_point(plan, lane, top);
                let mut pts = vec![(x(0), bp), (x(0), l.pb), port(plan, l.to, l.pb, true)];
                if !inward {
                    pts.reverse();
                }
                pts
            }
            (How::Stub { top }, _) => vec![port(plan, l.to, l.pb, true), (x(0), l.pb), (x(0), stub_end(l.pb, top))],
            (_, None) => Vec::new(),
            (How::AtSource, Some(f)) => vec![port(plan, f, l.pa, true), (x(1), l.pa), (x(1), l.pb), b],
            (How::AtTarget, Some(f)) => vec![port(plan, f, l.pa, true), (x(0), l.pa), (x(0), l.pb), b],
            (How::Band { lane, top, track }, Some(f)) => {
                let t = plan.lanes[lane].track(top, track);
                vec![port(plan, f, l.pa, true), (x(0), l.pa), (x(0), t), (x(1), t), (x(1), l.pb), b]
            }
            (How::Straight, Some(f)) => straight_route(plan, f, l.to),
            (How::Free, Some(f)) => free_route(plan, f, l.to, l.pa, l.pb),
        };
        simplify(&mut pts);
        l.points = pts;
    }
}

/// From the side of the source facing the target straight across to the target, at the
/// middle of the shape that is narrower along the flow (both are centred in their layer).
fn straight_route(plan: &Plan, f: usize, t: usize) -> Vec<(f64, f64)> {
    let (sa, sb) = (plan.nodes[f].shape(plan.o), plan.nodes[t].shape(plan.o));
    let u = if sa[2] <= sb[2] { sa[0] + sa[2] / 2.0 } else { sb[0] + sb[2] / 2.0 };
    if plan.nodes[t].lane > plan.nodes[f].lane {
        vec![(u, sa[1] + sa[3]), (u, sb[1])]
    } else {
        vec![(u, sa[1]), (u, sb[1] + sb[3])]
    }
}

fn free_route(plan: &Plan, f: usize, t: usize, pa: f64, pb: f64) -> Vec<(f64, f64)> {
    let a = port(plan, f, pa, true);
    let b = port(plan, t, pb, false);
    if b.0 > a.0 + 16.0 {
        let mid = (a.0 + b.0) / 2.0;
        vec![a, (mid, pa), (mid, pb), b]
    } else {
        let (sa, sb) = (plan.nodes[f].shape(plan.o), plan.nodes[t].shape(plan.o));
        let top = sa[1].min(sb[1]) - 20.0;
        vec![a, (a.0 + 14.0, pa), (a.0 + 14.0, top), (b.0 - 14.0, top), (b.0 - 14.0, pb), b]
    }
}

/// Drops repeated points and the middle of three points on one line.
fn simplify(pts: &mut Vec<(f64, f64)>) {
    pts.dedup_by(|b, a| (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9);
    let mut i = 1;
    while i + 1 < pts.len() {
        let (a, b, c) = (pts[i - 1], pts[i], pts[i + 1]);
        let same_u = (a.0 - b.0).abs() < 1e-9 && (b.0 - c.0).abs() < 1e-9;
        let same_v = (a.1 - b.1).abs() < 1e-9 && (b.1 - c.1).abs() < 1e-9;
        if same_u || same_v {
            pts.remove(i);
        } else {
            i += 1;
        }
    }
}
