use super::*;
use crate::edit::{apply, Edit};
use crate::sample::generate;

type Rect = [f64; 4];

fn overlaps(a: Rect, b: Rect) -> bool {
    a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
}

fn shape(b: &StepBox) -> Rect {
    [b.x, b.y, b.w, b.h]
}

/// The shape and the label beside it (circles), as one rectangle.
fn footprint(b: &StepBox) -> Rect {
    let (x0, y0) = (b.x.min(b.label.x), b.y.min(b.label.y));
    let (x1, y1) = ((b.x + b.w).max(b.label.x + b.label.w), (b.y + b.h).max(b.label.y + b.label.h));
    [x0, y0, x1 - x0, y1 - y0]
}

fn inside(a: Rect, b: Rect) -> bool {
    a[0] >= b[0] - 1e-6 && a[1] >= b[1] - 1e-6 && a[0] + a[2] <= b[0] + b[2] + 1e-6 && a[1] + a[3] <= b[1] + b[3] + 1e-6
}

/// Whether an axis-parallel segment passes through the inside of a rectangle.
fn crosses(p: Point, q: Point, r: Rect) -> bool {
    let r = [r[0] + 0.5, r[1] + 0.5, r[2] - 1.0, r[3] - 1.0];
    let (x0, x1) = (p.x.min(q.x), p.x.max(q.x));
    let (y0, y1) = (p.y.min(q.y), p.y.max(q.y));
    x0 < r[0] + r[2] && x1 > r[0] && y0 < r[1] + r[3] && y1 > r[1]
}

/// Every invariant the layout promises: steps in their cells, nothing overlapping, labels
/// clear of shapes and of each other, routes orthogonal and clear of shapes they do not join.
fn check_cells(doc: &Document, l: &Layout) {
    if l.steps.iter().all(|b| !b.pinned) {
        let m = super::measure::measure(l);
        assert_eq!(m.overlaps, super::measure::Overlaps::default(), "{m:?}");
    }
    let v = doc.variant(l.variant).unwrap();
    assert_eq!(l.steps.len(), v.step_count());
    assert_eq!(l.edges.len(), v.transition_count());
    for b in l.steps.iter().filter(|b| !b.pinned) {
        let s = v.step(b.id).unwrap();
        let lane = &l.lanes[b.lane];
        let col = &l.columns[b.column];
        assert!(lane.actor == s.actor || (lane.actor.is_none() && s.actor.map_or(true, |a| doc.actor(a).is_none())));
        assert!(col.phase == s.phase || (col.phase.is_none() && s.phase.map_or(true, |p| doc.phase(p).is_none())));
        let (x0, y0) = (lane.x.max(col.x), lane.y.max(col.y));
        let (x1, y1) = ((lane.x + lane.width).min(col.x + col.width), (lane.y + lane.height).min(col.y + col.height));
        assert!(inside(footprint(b), [x0, y0, x1 - x0, y1 - y0]), "{b:?} outside its cell {lane:?} {col:?}");
        assert!(inside([b.label.x, b.label.y, b.label.w, b.label.h], footprint(b)));
    }
    let mut grid: std::collections::HashMap<(i64, i64), Vec<Rect>> = Default::default();
    let mut check = |r: Rect, what: &str| {
        let cells: Vec<(i64, i64)> = ((r[0] / 300.0) as i64..=((r[0] + r[2]) / 300.0) as i64)
            .flat_map(|x| ((r[1] / 300.0) as i64..=((r[1] + r[3]) / 300.0) as i64).map(move |y| (x, y)))
            .collect();
        for c in &cells {
            for o in grid.get(c).into_iter().flatten() {
                assert!(!overlaps(*o, r), "{what} {r:?} overlaps {o:?}");
            }
        }
        for c in cells {
            grid.entry(c).or_default().push(r);
        }
    };
    for b in l.steps.iter().filter(|b| !b.pinned) {
        check(footprint(b), "step");
    }
    for e in &l.edges {
        if let Some(t) = &e.label {
            check([t.x, t.y, t.w, t.h], "transition label");
        }
    }
    for n in &l.needs {
        for t in n.badge.iter().chain(&n.tags) {
            check([t.x, t.y, t.w, t.h], "need badge");
        }
    }
    no_shared_segments(l);
    let pinned: Vec<StepId> = l.steps.iter().filter(|b| b.pinned).map(|b| b.id).collect();
    for e in &l.edges {
        assert!(e.points.len() >= 2, "{e:?}");
        for s in e.points.windows(2) {
            assert!((s[0].x - s[1].x).abs() < 1e-6 || (s[0].y - s[1].y).abs() < 1e-6, "not orthogonal: {e:?}");
        }
        if pinned.contains(&e.from) || pinned.contains(&e.to) {
            continue;
        }
        for s in e.points.windows(2) {
            for b in l.steps.iter().filter(|b| !b.pinned && b.id != e.from && b.id != e.to) {
                assert!(!crosses(s[0], s[1], shape(b)), "transition {:?} crosses step {:?}", e.points, b);
            }
        }
    }
}

/// No two routes (transitions and need connectors) run on top of each other: a stretch of
/// line shared by two routes makes it impossible to tell where either goes.
fn no_shared_segments(l: &Layout) {
    // (horizontal?, position across the segment in half units) -> [(from, to, route)]
    type Stretches = Vec<(f64, f64, usize)>;
    let mut lines: std::collections::HashMap<(bool, i64), Stretches> = Default::default();
    let routes = l.edges.iter().map(|e| &e.points).chain(l.needs.iter().flat_map(|n| n.paths.iter()));
    let pinned: Vec<StepId> = l.steps.iter().filter(|b| b.pinned).map(|b| b.id).collect();
    // routes to or from a pinned step take a simple path that may cross others, and need
    // connectors do not say which steps they join, so with pins only free transitions count
    let free: Vec<bool> = l
        .edges
        .iter()
        .map(|e| !pinned.contains(&e.from) && !pinned.contains(&e.to))
        .chain(l.needs.iter().flat_map(|n| n.paths.iter().map(|_| pinned.is_empty())))
        .collect();
    // ways back (loops) to one step share their trunk on purpose
    let trunk: Vec<Option<StepId>> = l
        .edges
        .iter()
        .map(|e| (e.kind == TransitionKind::Loop).then_some(e.to))
        .chain(l.needs.iter().flat_map(|n| n.paths.iter().map(|_| None)))
        .collect();
    for (r, pts) in routes.enumerate() {
        if !free[r] {
            continue;
        }
        for s in pts.windows(2) {
            let (p, q) = (s[0], s[1]);
            if (p.y - q.y).abs() < 1e-6 && (p.x - q.x).abs() > 1e-6 {
                lines.entry((true, (p.y * 2.0).round() as i64)).or_default().push((p.x.min(q.x), p.x.max(q.x), r));
            } else if (p.x - q.x).abs() < 1e-6 && (p.y - q.y).abs() > 1e-6 {
                lines.entry((false, (p.x * 2.0).round() as i64)).or_default().push((p.y.min(q.y), p.y.max(q.y), r));
            }
        }
    }
    for ((horizontal, at), mut segs) in lines {
        segs.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (i, a) in segs.iter().enumerate() {
            for b in segs[i + 1..].iter().take_while(|b| b.0 < a.1 - 1.0) {
                let joint = trunk[a.2].is_some() && trunk[a.2] == trunk[b.2];
                assert!(a.2 == b.2 || joint, "two routes share a {} stretch at {}: {a:?} and {b:?}", if horizontal { "horizontal" } else { "vertical" }, at as f64 / 2.0);
            }
        }
    }
}

#[test]
fn same_document_gives_the_same_layout() {
    let doc = generate(120);
    let a = layout(&doc, doc.variants[0].id).unwrap();
    let b = layout(&doc, doc.variants[0].id).unwrap();
    assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
}

#[test]
fn steps_sit_inside_their_cells_without_overlapping() {
    for n in [4, 30, 300] {
        let doc = generate(n);
        let l = layout(&doc, doc.variants[0].id).unwrap();
        check_cells(&doc, &l);
        check_need_ends(&doc.variants[0], &l);
    }
}

#[test]
fn lanes_and_columns_follow_the_document_order_and_tile() {
    let doc = generate(30);
    let l = layout(&doc, doc.variants[0].id).unwrap();
    let actors: Vec<_> = l.lanes.iter().map(|x| x.actor.unwrap()).collect();
    assert_eq!(actors, doc.actors.iter().map(|a| a.id).collect::<Vec<_>>());
    let phases: Vec<_> = l.columns.iter().map(|x| x.phase.unwrap()).collect();
    assert_eq!(phases, doc.phases.iter().map(|p| p.id).collect::<Vec<_>>());
    assert_eq!(l.lanes[0].y, COLUMN_HEADER_HEIGHT);
    for w in l.lanes.windows(2) {
        assert_eq!(w[0].y + w[0].height, w[1].y);
    }
    assert_eq!(l.columns[0].x, LANE_HEADER_WIDTH);
    for w in l.columns.windows(2) {
        assert_eq!(w[0].x + w[0].width, w[1].x);
    }
    let last = l.lanes.last().unwrap();
    assert_eq!(last.y + last.height, l.height);
}

/// Along the flow, a transition never runs backwards within a phase; it runs straight across
/// the lanes (same position along the flow) only between two lanes, never within one.
fn flow_goes_forward(l: &Layout, v: &Variant, along: impl Fn(&StepBox) -> f64) -> usize {
    let at = |id: StepId| l.steps.iter().find(|b| b.id == id).unwrap();
    let mut straight = 0;
    for t in v.transitions().filter(|t| t.kind == TransitionKind::Normal) {
        let (a, b) = (v.step(t.from).unwrap(), v.step(t.to).unwrap());
        if a.phase == b.phase {
            let (pa, pb) = (along(at(a.id)), along(at(b.id)));
            assert!(pa <= pb + 1e-6, "{} before {}", a.label, b.label);
            if (pa - pb).abs() < 1e-6 {
                assert_ne!(a.actor, b.actor, "{} and {} share a lane and a place along the flow", a.label, b.label);
                let e = l.edges.iter().find(|e| e.id == t.id).unwrap();
                assert_eq!(e.points.len(), 2, "a straight hand-over is one line: {e:?}");
                straight += 1;
            }
        }
    }
    straight
}

#[test]
fn the_flow_runs_left_to_right_within_a_phase() {
    let doc = generate(30);
    let v = &doc.variants[0];
    let l = layout(&doc, v.id).unwrap();
    flow_goes_forward(&l, v, |b| b.x + b.w / 2.0);
}

#[test]
fn hand_overs_between_lanes_share_a_place_along_the_flow() {
    let doc = crate::template::load("copd").unwrap();
    for v in &doc.variants {
        let l = layout(&doc, v.id).unwrap();
        assert!(flow_goes_forward(&l, v, |b| b.x + b.w / 2.0) >= 8, "{}: few straight hand-overs", v.name);
        let m = super::measure::measure(&l);
        assert_eq!(m.overlaps.total(), 0, "{}: {m:?}", v.name);
        assert!(m.aspect < 4.4, "{}: {m:?}", v.name);
    }
}

#[test]
fn pinned_positions_are_kept_and_lanes_grow_around_them() {
    let mut doc = generate(12);
    let vid = doc.variants[0].id;
    let mut step = doc.variants[0].steps_sorted()[3].clone();
    step.position = Some(Position { x: 400.0, y: 600.0 });
    apply(&mut doc, Edit::UpdateStep { variant: vid, step: step.clone() }).unwrap();
    let l = layout(&doc, vid).unwrap();
    let b = l.steps.iter().find(|b| b.id == step.id).unwrap();
    assert!(b.pinned);
    assert_eq!((b.x, b.y), (400.0, 600.0));
    let lane = l.lanes.iter().find(|x| x.actor == step.actor).unwrap();
    assert!(lane.y + lane.height >= 600.0 + b.h);
}

#[test]
fn computed_steps_keep_clear_of_pinned_ones() {
    for orientation in [Orientation::Horizontal, Orientation::Vertical] {
        let opts = LayoutOptions { orientation, needs: true, flow: None, hide_unused_lanes: false };
        let mut doc = generate(30);
        let vid = doc.variants[0].id;
        let before = layout_with(&doc, vid, &opts).unwrap();
        // pin two steps right onto the places the layout gave two others of their lanes
        let mut pinned = 0;
        for (a, b) in [(3, 4), (12, 13)] {
            let steps = doc.variants[0].steps_sorted();
            let (sa, sb) = (steps[a].clone(), steps[b].clone());
            assert_eq!(sa.actor, sb.actor, "steps {a} and {b} share a lane");
            let at = before.steps.iter().find(|x| x.id == sb.id).unwrap();
            let step = Step { position: Some(Position { x: at.x, y: at.y }), ..sa };
            apply(&mut doc, Edit::UpdateStep { variant: vid, step }).unwrap();
            pinned += 1;
        }
        let l = layout_with(&doc, vid, &opts).unwrap();
        assert_eq!(l.steps.iter().filter(|b| b.pinned).count(), pinned);
        check_cells(&doc, &l);
        let boxes: Vec<Rect> = l.steps.iter().map(footprint).collect();
        for (i, a) in boxes.iter().enumerate() {
            for (j, b) in boxes.iter().enumerate().skip(i + 1) {
                assert!(!overlaps(*a, *b), "{orientation:?}: {:?} overlaps {:?}", l.steps[i], l.steps[j]);
            }
        }
    }
}

#[test]
fn steps_without_actor_or_phase_get_an_extra_lane_and_column() {
    let mut doc = generate(8);
    let vid = doc.variants[0].id;
    let step = Step::new(StepKind::Activity, "Uten plass", None, None);
    apply(&mut doc, Edit::AddStep { variant: vid, step }).unwrap();
    let l = layout(&doc, vid).unwrap();
    assert_eq!(l.lanes.last().unwrap().actor, None);
    assert_eq!(l.columns.last().unwrap().phase, None);
    check_cells(&doc, &l);
}

#[test]
fn cycles_without_loop_marks_still_get_ranks() {
    let mut doc = generate(4);
    let v = &doc.variants[0];
    let ids: Vec<StepId> = v.steps_sorted().iter().map(|s| s.id).collect();
    let vid = v.id;
    // a back edge marked as normal: the layout must not hang or panic
    let t = Transition::new(ids[2], ids[1], "igjen");
    apply(&mut doc, Edit::AddTransition { variant: vid, transition: t }).unwrap();
    check_cells(&doc, &layout(&doc, vid).unwrap());
}

#[test]
fn unknown_variant_is_an_error() {
    let doc = generate(4);
    let e = layout(&doc, VariantId::new()).unwrap_err();
    assert_eq!(e.code, crate::ErrorCode::UnknownId);
}

#[test]
fn the_copd_template_lays_out_cleanly_both_ways() {
    let doc = crate::template::load("copd").unwrap();
    for v in &doc.variants {
        for orientation in [Orientation::Horizontal, Orientation::Vertical] {
            let l = layout_with(&doc, v.id, &LayoutOptions { orientation, needs: true, flow: None, hide_unused_lanes: false }).unwrap();
            check_cells(&doc, &l);
            check_need_ends(v, &l);
            assert_eq!(l.needs.len(), v.need_count());
            assert!(l.needs.iter().all(|n| n.badge.is_some()));
        }
    }
}

/// Every need connector starts or ends on the boundary of one of the need's steps; a manual
/// need's is a short stub there, and every other one has its other end in another party's
/// lane, its arrowhead in a consumer's (a relay's ring in a processor's).
fn check_need_ends(v: &Variant, l: &Layout) {
    let horizontal = l.orientation == Orientation::Horizontal;
    let lane_of = |a: Option<ActorId>| l.lanes.iter().position(|b| b.actor == a && a.is_some());
    let in_lane = |p: Point, lane: usize| {
        let b = &l.lanes[lane];
        if horizontal { p.y > b.y && p.y < b.y + b.height } else { p.x > b.x && p.x < b.x + b.width }
    };
    let on_edge = |p: Point, b: &StepBox| {
        let r = [b.x - 1.0, b.y - 1.0, b.w + 2.0, b.h + 2.0];
        p.x >= r[0] && p.x <= r[0] + r[2] && p.y >= r[1] && p.y <= r[1] + r[3]
    };
    let mut checked = 0;
    for (route, need) in l.needs.iter().zip(v.needs()) {
        assert_eq!(route.id, need.id);
        if route.between_headers {
            continue;
        }
        assert_eq!(route.tags.len() + 1, route.paths.len().max(1), "{}: a number beside every other connector", need.title);
        let lanes = |actors: Vec<ActorId>| -> Vec<usize> { actors.into_iter().filter_map(|a| lane_of(Some(a))).collect() };
        let (consumers, processors, parties) =
            (lanes(need.consumers().collect()), lanes(need.processors().collect()), lanes(need.actors().collect()));
        for (k, p) in route.paths.iter().enumerate() {
            let (a, z) = (p[0], *p.last().unwrap());
            let step = l.steps.iter().find(|b| need.steps.contains(&b.id) && (on_edge(a, b) || on_edge(z, b)));
            let step = step.unwrap_or_else(|| panic!("{}: a connector that ends on none of its steps: {p:?}", need.title));
            let far = if on_edge(a, step) { z } else { a };
            if need.form == InteractionForm::Manual {
                let len: f64 = p.windows(2).map(|w| (w[0].x - w[1].x).abs() + (w[0].y - w[1].y).abs()).sum();
                assert!(len < 120.0, "{}: a manual need is a short stub, not {len} long", need.title);
            } else {
                assert!(parties.iter().any(|&o| o != step.lane && in_lane(far, o)), "{}: the connector from step {} ends in no other party's lane: {far:?}", need.title, step.number);
                // the arrowhead points towards a consumer; a relay's ring sits in a processor's lane
                let targets = if route.relays.contains(&k) { &processors } else { &consumers };
                assert!(targets.iter().any(|&c| in_lane(z, c)), "{}: connector {k} ends outside its consumer's or processor's lane", need.title);
            }
            checked += 1;
        }
    }
    assert!(checked > 0);
}

#[test]
fn generated_pathways_of_100_and_1000_steps_lay_out_cleanly() {
    for n in [100, 1000] {
        let doc = generate(n);
        let l = layout(&doc, doc.variants[0].id).unwrap();
        check_cells(&doc, &l);
        check_need_ends(&doc.variants[0], &l);
    }
}

#[test]
fn loops_run_around_the_lane_through_a_band() {
    let doc = crate::template::load("copd").unwrap();
    let v = &doc.variants[0];
    let l = layout(&doc, v.id).unwrap();
    for e in l.edges.iter().filter(|e| e.kind == TransitionKind::Loop) {
        let (a, b) = (l.steps.iter().find(|s| s.id == e.from).unwrap(), l.steps.iter().find(|s| s.id == e.to).unwrap());
        // backwards: the route leaves to the right, turns, and comes back above or below the shapes
        assert!(b.x < a.x);
        assert!(e.points.len() >= 4, "{e:?}");
        if a.lane == b.lane {
            let band_y = e.points[2].y;
            assert!(band_y < a.y.min(b.y) || band_y > (a.y + a.h).max(b.y + b.h), "{e:?}");
        }
    }
}

#[test]
fn long_labels_wrap_and_grow_the_shape() {
    let mut doc = generate(8);
    let vid = doc.variants[0].id;
    let mut step = doc.variants[0].steps_sorted()[2].clone();
    step.label = "Pasienten måler oksygenmetning, puls og blodtrykk hver morgen og svarer på spørsmål om åndenød. ".repeat(5);
    assert!(step.label.chars().count() >= 450);
    apply(&mut doc, Edit::UpdateStep { variant: vid, step: step.clone() }).unwrap();
    let l = layout(&doc, vid).unwrap();
    let b = l.steps.iter().find(|b| b.id == step.id).unwrap();
    assert!(b.label.lines.len() > 10);
    assert!(b.label.h <= b.h && b.label.w <= b.w, "{b:?}");
    assert_eq!(b.label.lines.join(" "), step.label.split_whitespace().collect::<Vec<_>>().join(" "));
    check_cells(&doc, &l);
}

#[test]
fn vertical_lanes_run_the_flow_downwards() {
    let doc = generate(30);
    let v = &doc.variants[0];
    let l = layout_with(&doc, v.id, &LayoutOptions { orientation: Orientation::Vertical, needs: true, flow: None, hide_unused_lanes: false }).unwrap();
    assert_eq!(l.orientation, Orientation::Vertical);
    check_cells(&doc, &l);
    flow_goes_forward(&l, v, |b| b.y + b.h / 2.0);
    for w in l.lanes.windows(2) {
        assert_eq!(w[0].x + w[0].width, w[1].x);
    }
}

#[test]
fn the_need_layer_can_be_left_out() {
    let doc = generate(40);
    let l = layout_with(&doc, doc.variants[0].id, &LayoutOptions { needs: false, ..Default::default() }).unwrap();
    assert!(l.needs.is_empty());
}

#[test]
fn auto_arrange_unpins_every_step_in_one_undoable_edit() {
    let mut doc = generate(12);
    let vid = doc.variants[0].id;
    let before = crate::export::json::to_json(&doc);
    let mut pinned = Vec::new();
    for i in [2, 5, 7] {
        let mut step = doc.variants[0].steps_sorted()[i].clone();
        step.position = Some(Position { x: 900.0 + i as f64 * 10.0, y: 300.0 });
        pinned.push(step.clone());
        apply(&mut doc, Edit::UpdateStep { variant: vid, step }).unwrap();
    }
    let edit = auto_arrange(&doc, vid);
    let Edit::Batch { edits, .. } = &edit else { panic!("a batch") };
    assert_eq!(edits.len(), 3);
    let inverse = apply(&mut doc, edit).unwrap();
    assert!(doc.variants[0].steps().all(|s| s.position.is_none()));
    assert!(layout(&doc, vid).unwrap().steps.iter().all(|b| !b.pinned));
    apply(&mut doc, inverse).unwrap();
    for p in &pinned {
        assert_eq!(doc.variants[0].step(p.id).unwrap().position, p.position);
    }
    let Edit::Batch { edits, .. } = auto_arrange(&generate(12), vid) else { panic!() };
    assert!(edits.is_empty());
    let _ = before;
}

#[test]
fn steps_are_numbered_in_reading_order_and_needs_carry_their_numbers() {
    let doc = crate::template::load("copd").unwrap();
    for v in &doc.variants {
        let l = layout(&doc, v.id).unwrap();
        let mut numbers: Vec<u32> = l.steps.iter().map(|b| b.number).collect();
        numbers.sort_unstable();
        assert_eq!(numbers, (1..=l.steps.len() as u32).collect::<Vec<_>>());
        // phase by phase, and along the flow within a phase
        let mut by_number: Vec<&StepBox> = l.steps.iter().collect();
        by_number.sort_by_key(|b| b.number);
        for w in by_number.windows(2) {
            assert!(w[0].column <= w[1].column, "{} before {}", w[0].number, w[1].number);
            if w[0].column == w[1].column {
                assert!(w[0].x + w[0].w / 2.0 <= w[1].x + w[1].w / 2.0 + 1e-6, "{} before {}", w[0].number, w[1].number);
            }
        }
        let numbers = v.need_numbers();
        for (route, need) in l.needs.iter().zip(v.needs()) {
            let badge = route.badge.as_ref().unwrap().lines.join(" ");
            assert!(badge.starts_with(&format!("B{} ", numbers[&need.id])), "{badge}");
            let first = need.title.split_whitespace().next().unwrap();
            assert!(badge.contains(first), "{badge} does not name {:?}", need.title);
        }
    }
}

#[test]
fn loops_back_to_one_step_share_one_trunk_and_arrowhead() {
    let doc = crate::template::load("copd").unwrap();
    let v = &doc.variants[1];
    let l = layout(&doc, v.id).unwrap();
    let mut by_target: std::collections::HashMap<StepId, Vec<&EdgeRoute>> = Default::default();
    for e in l.edges.iter().filter(|e| e.kind == TransitionKind::Loop) {
        by_target.entry(e.to).or_default().push(e);
    }
    let (_, group) = by_target.iter().max_by_key(|(_, g)| g.len()).unwrap();
    assert!(group.len() >= 3, "the COPD pathway has three ways back to one step");
    // one arrowhead: every one ends in the same last stretch
    let last = |e: &EdgeRoute| {
        let n = e.points.len();
        (e.points[n - 2], e.points[n - 1])
    };
    for e in group {
        assert_eq!(last(e), last(group[0]), "{e:?}");
    }
}

/// Where each step's shape is: its top-left corner.
fn places(l: &Layout) -> std::collections::HashMap<StepId, (f64, f64)> {
    l.steps.iter().map(|b| (b.id, (b.x, b.y))).collect()
}

#[test]
fn a_step_added_and_not_connected_yet_moves_no_other_step() {
    // a skeleton with a short flow: Start, B and the end in the first lane, A and C in the second
    let mut doc = crate::template::blank("t", Lang::Nb, true);
    let v = doc.variants[0].id;
    let (a0, a1) = (doc.actors[0].id, doc.actors[1].id);
    let p0 = doc.phases[0].id;
    let start = Step::new(StepKind::Start, "Start", Some(a0), Some(p0));
    let a = Step::new(StepKind::Activity, "Henviser", Some(a1), Some(p0));
    let b = Step::new(StepKind::Activity, "Vurderer", Some(a0), Some(p0));
    let c = Step::new(StepKind::Activity, "Følger opp", Some(a1), Some(p0));
    let end = Step::new(StepKind::End, "Slutt", Some(a0), Some(p0));
    let ids = [start.id, a.id, b.id, c.id, end.id];
    let mut edits: Vec<Edit> = [start, a, b, c, end].into_iter().map(|step| Edit::AddStep { variant: v, step }).collect();
    for w in ids.windows(2) {
        edits.push(Edit::AddTransition { variant: v, transition: Transition::new(w[0], w[1], "") });
    }
    apply(&mut doc, Edit::batch("flow", edits)).unwrap();
    let before = places(&layout(&doc, v).unwrap());

    // a step added in the first lane, not connected: it takes a free cell of a layer the phase
    // has that is wide enough (C's), so nothing else moves (it used to open a layer of its own
    // at the phase's start)
    let loose = Step::new(StepKind::Activity, "Nytt steg", Some(a0), Some(p0));
    let id = loose.id;
    apply(&mut doc, Edit::AddStep { variant: v, step: loose }).unwrap();
    let l = layout(&doc, v).unwrap();
    check_cells(&doc, &l);
    let after = places(&l);
    for (s, p) in &before {
        assert_eq!(after[s], *p, "a step moved when an unconnected one was added");
    }
    let xs: Vec<f64> = before.values().map(|p| p.0).collect();
    let new = l.steps.iter().find(|b| b.id == id).unwrap();
    assert!(l.steps.iter().any(|b| b.id != id && (b.x + b.w / 2.0 - (new.x + new.w / 2.0)).abs() < 1.0), "it shares a layer: {new:?} {xs:?}");

    // connected after B, it moves to follow B; the steps before B stay
    apply(&mut doc, Edit::AddTransition { variant: v, transition: Transition::new(ids[2], id, "") }).unwrap();
    let connected = places(&layout(&doc, v).unwrap());
    for s in &ids[..3] {
        assert_eq!(connected[s].0, before[s].0, "a step before the new connection moved along the flow");
    }
    assert!(connected[&id].0 > connected[&ids[2]].0, "the new step comes after B");
}

#[test]
fn appending_to_the_end_of_a_flow_leaves_the_steps_drawn_before_nearly_in_place() {
    // a new team types a flow at its end, across lanes and phases, as with the context pad
    let mut doc = crate::template::blank("t", Lang::Nb, true);
    let v = doc.variants[0].id;
    let actors: Vec<ActorId> = doc.actors.iter().map(|a| a.id).collect();
    let phases: Vec<PhaseId> = doc.phases.iter().map(|p| p.id).collect();
    let start = Step::new(StepKind::Start, "Start", Some(actors[0]), Some(phases[0]));
    let mut last = start.id;
    apply(&mut doc, Edit::AddStep { variant: v, step: start }).unwrap();
    let lanes = [0, 0, 1, 1, 2, 0, 3, 3, 1, 0, 2, 2];
    for (i, &lane) in lanes.iter().enumerate() {
        let before = places(&layout(&doc, v).unwrap());
        let s = Step::new(StepKind::Activity, format!("Steg nummer {i}"), Some(actors[lane]), Some(phases[(i / 3).min(phases.len() - 1)]));
        let t = Transition::new(last, s.id, "");
        last = s.id;
        apply(&mut doc, Edit::batch("append", vec![Edit::AddStep { variant: v, step: s }, Edit::AddTransition { variant: v, transition: t }])).unwrap();
        let after = places(&layout(&doc, v).unwrap());
        for (id, (x, y)) in &before {
            let (x1, y1) = after[id];
            // no step changes lane row or order; a layer may narrow or widen a little
            assert_eq!(y1, *y, "append {i}: a step moved across the lanes");
            assert!((x1 - x).abs() <= 70.0, "append {i}: a step jumped {:.0} along the flow", x1 - x);
        }
    }
}
