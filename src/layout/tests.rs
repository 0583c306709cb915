use super::*;
use crate::edit::{apply, Edit};
use crate::sample::generate;

fn overlaps(a: &StepBox, b: &StepBox) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

fn check_cells(doc: &Document, l: &Layout) {
    let v = doc.variant(l.variant).unwrap();
    assert_eq!(l.steps.len(), v.step_count());
    for b in l.steps.iter().filter(|b| !b.pinned) {
        let s = v.step(b.id).unwrap();
        let lane = l.lanes.iter().find(|x| x.actor == s.actor).expect("lane of the step");
        let col = l.columns.iter().find(|x| x.phase == s.phase).expect("column of the step");
        assert!(b.y >= lane.y && b.y + b.h <= lane.y + lane.height, "{:?} outside its lane {:?}", b, lane);
        assert!(b.x >= col.x && b.x + b.w <= col.x + col.width, "{:?} outside its column {:?}", b, col);
    }
    for (i, a) in l.steps.iter().enumerate() {
        for b in &l.steps[i + 1..] {
            assert!(!overlaps(a, b), "{a:?} overlaps {b:?}");
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
        check_cells(&doc, &layout(&doc, doc.variants[0].id).unwrap());
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

#[test]
fn the_flow_runs_left_to_right_within_a_phase() {
    let doc = generate(30);
    let v = &doc.variants[0];
    let l = layout(&doc, v.id).unwrap();
    let at = |id: StepId| l.steps.iter().find(|b| b.id == id).unwrap();
    for t in v.transitions().filter(|t| t.kind == TransitionKind::Normal) {
        let (a, b) = (v.step(t.from).unwrap(), v.step(t.to).unwrap());
        if a.phase == b.phase {
            assert!(at(a.id).x + at(a.id).w / 2.0 < at(b.id).x + at(b.id).w / 2.0, "{} before {}", a.label, b.label);
        }
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
fn the_copd_example_lays_out_cleanly() {
    let doc = crate::template::load("copd").unwrap();
    for v in &doc.variants {
        let l = layout(&doc, v.id).unwrap();
        check_cells(&doc, &l);
        assert_eq!(l.lanes.len(), doc.actors.len(), "every COPD step has an actor");
        assert_eq!(l.columns.len(), doc.phases.len(), "every COPD step has a phase");
    }
}
