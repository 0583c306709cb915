use super::*;
use crate::edit::apply;

fn copd() -> Document {
    crate::template::load("copd").unwrap()
}

fn edited(doc: &Document, edits: Vec<Edit>) -> Document {
    let mut d = doc.clone();
    for e in edits {
        apply(&mut d, e).unwrap();
    }
    d
}

fn first_variant(doc: &Document) -> VariantId {
    doc.variants[0].id
}

fn step(doc: &Document, n: usize) -> Step {
    doc.variants[0].steps_sorted()[n].clone()
}

fn relabel(doc: &Document, n: usize, label: &str) -> Edit {
    Edit::UpdateStep { variant: first_variant(doc), step: Step { label: label.into(), ..step(doc, n) } }
}

fn merged(base: &Document, ours: &Document, theirs: &Document) -> (Document, Merge) {
    let m = merge(base, ours, theirs, &MergeOptions { ours: "main".into(), theirs: "kommune".into(), lang: Lang::En });
    let mut doc = ours.clone();
    if let Some(e) = &m.edit {
        apply(&mut doc, e.clone()).expect("the merge edit applies to ours");
    }
    (doc, m)
}

fn label_of(doc: &Document, id: StepId) -> String {
    doc.variants[0].step(id).unwrap().label.clone()
}

#[test]
fn edits_of_different_steps_both_arrive_without_conflict() {
    let base = copd();
    let ours = edited(&base, vec![relabel(&base, 0, "Ours first")]);
    let theirs = edited(&base, vec![relabel(&base, 1, "Theirs second")]);
    let (doc, m) = merged(&base, &ours, &theirs);
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert_eq!(label_of(&doc, step(&base, 0).id), "Ours first");
    assert_eq!(label_of(&doc, step(&base, 1).id), "Theirs second");
    assert!(doc.comments.len() == base.comments.len());
}

#[test]
fn different_fields_of_one_step_both_arrive() {
    let base = copd();
    let s = step(&base, 2);
    let v = first_variant(&base);
    let ours = edited(&base, vec![Edit::UpdateStep { variant: v, step: Step { label: "New label".into(), ..s.clone() } }]);
    let theirs = edited(&base, vec![Edit::UpdateStep { variant: v, step: Step { description: "New description".into(), ..s.clone() } }]);
    let (doc, m) = merged(&base, &ours, &theirs);
    assert!(m.is_clean(), "{:?}", m.conflicts);
    let got = doc.variants[0].step(s.id).unwrap();
    assert_eq!((got.label.as_str(), got.description.as_str()), ("New label", "New description"));
}

#[test]
fn the_same_field_changed_on_both_sides_keeps_ours_and_records_theirs_as_a_comment() {
    let base = copd();
    let id = step(&base, 0).id;
    let ours = edited(&base, vec![relabel(&base, 0, "Ours")]);
    let theirs = edited(&base, vec![relabel(&base, 0, "Theirs")]);
    let (doc, m) = merged(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(label_of(&doc, id), "Ours");
    let c = doc.comments.iter().find(|c| c.text.starts_with("merge conflict")).expect("a conflict comment");
    assert_eq!(c.target, ElementRef::Step { variant: first_variant(&base), id });
    assert!(c.text.contains("'Ours'") && c.text.contains("'Theirs'") && c.text.contains("main") && c.text.contains("kommune"), "{}", c.text);
}

#[test]
fn a_step_deleted_on_one_side_and_changed_on_the_other_is_kept_and_reported() {
    let base = copd();
    let s = step(&base, 3);
    let v = first_variant(&base);
    // theirs deletes, ours changes
    let ours = edited(&base, vec![relabel(&base, 3, "Changed")]);
    let theirs = edited(&base, vec![Edit::RemoveStep { variant: v, id: s.id }]);
    let (doc, m) = merged(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert!(m.conflicts[0].text.contains("deleted by kommune"), "{}", m.conflicts[0].text);
    assert_eq!(label_of(&doc, s.id), "Changed");
    // ours deletes, theirs changes: the changed step comes back
    let (doc, m) = merged(&base, &theirs, &ours);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(label_of(&doc, s.id), "Changed");
}

#[test]
fn removals_and_additions_on_one_side_arrive() {
    let base = copd();
    let v = first_variant(&base);
    let gone = step(&base, 4).id;
    let mut added = Step::new(StepKind::Activity, "Video consultation", step(&base, 0).actor, step(&base, 0).phase);
    added.position = Some(Position { x: 10.0, y: 10.0 });
    let theirs = edited(&base, vec![Edit::RemoveStep { variant: v, id: gone }, Edit::AddStep { variant: v, step: added.clone() }]);
    let (doc, m) = merged(&base, &base, &theirs);
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert!(doc.variants[0].step(gone).is_none());
    assert_eq!(label_of(&doc, added.id), "Video consultation");
    assert_eq!(doc.variants[0].transition_count(), theirs.variants[0].transition_count());
}

#[test]
fn a_lane_removed_on_one_side_while_the_other_put_a_step_in_it_is_kept_and_reported() {
    let base = copd();
    let v = first_variant(&base);
    // a lane no step uses in the base
    let mut lane = Actor { id: ActorId::new(), name: "Pårørende".into(), kind: ActorKind::Patient, organisation: String::new(), colour: None, order: 0 };
    lane.order = base.actors.len() as u32;
    let base = edited(&base, vec![Edit::AddActor { actor: lane.clone() }]);
    let theirs = edited(&base, vec![Edit::RemoveActor { id: lane.id }]);
    let step = Step::new(StepKind::Activity, "Pårørende ringer", Some(lane.id), None);
    let ours = edited(&base, vec![Edit::AddStep { variant: v, step: step.clone() }]);
    let (doc, m) = merged(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert!(doc.actor(lane.id).is_some());
    assert!(doc.variants[0].step(step.id).is_some());
}

#[test]
fn a_step_theirs_deleted_stays_when_ours_connected_it() {
    let base = copd();
    let v = first_variant(&base);
    let (a, b) = (step(&base, 0).id, step(&base, 5).id);
    let t = Transition::new(a, b, "ny vei");
    let ours = edited(&base, vec![Edit::AddTransition { variant: v, transition: t.clone() }]);
    let theirs = edited(&base, vec![Edit::RemoveStep { variant: v, id: b }]);
    let (doc, m) = merged(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert!(doc.variants[0].transition(t.id).is_some(), "ours' new transition survives");
}

#[test]
fn nothing_new_on_their_side_gives_no_edit() {
    let base = copd();
    let ours = edited(&base, vec![relabel(&base, 0, "Ours")]);
    let m = merge(&base, &ours, &base, &MergeOptions::default());
    assert!(m.edit.is_none() && m.is_clean());
}
