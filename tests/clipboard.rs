//! Copy and paste of steps: within one document (fresh ids, positions moved, the same lanes),
//! into another document whose actors have other ids (matched by name, missing ones added),
//! and in a real `.carepath` file, where one undo removes the whole paste.

mod common;

use carepath::edit::clipboard::{copy, paste};
use carepath::edit::{apply, Edit};
use carepath::export::json::to_json;
use carepath::model::*;
use carepath::store::Session;
use carepath::ErrorCode;
use common::small;

const OFFSET: Position = Position { x: 40.0, y: 30.0 };

#[test]
fn copy_takes_the_steps_their_transitions_and_the_needs_wholly_inside() {
    let s = small();
    let all = copy(&s.doc, s.variant, &[s.start, s.measure, s.end]).unwrap();
    assert_eq!(all.steps.len(), 3);
    assert_eq!(all.transitions.len(), 2);
    assert_eq!(all.needs.len(), 1);
    assert_eq!(all.actors.len(), 2);
    assert_eq!(all.phases.len(), 2);
    assert_eq!(all.info_types.len(), 1, "the need's information type comes along");

    // the need spans measure and end: copying only measure leaves it (and both transitions) out
    let one = copy(&s.doc, s.variant, &[s.measure]).unwrap();
    assert_eq!(one.steps.len(), 1);
    assert!(one.transitions.is_empty() && one.needs.is_empty() && one.info_types.is_empty());
    assert_eq!(one.actors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Pasient"]);

    let missing = copy(&s.doc, s.variant, &[StepId::new()]).unwrap_err();
    assert_eq!(missing.code, ErrorCode::UnknownId);
}

#[test]
fn paste_into_the_same_document_makes_fresh_copies_beside_the_originals() {
    let s = small();
    let mut doc = s.doc.clone();
    let pinned = Position { x: 300.0, y: 120.0 };
    let mut m = doc.variant(s.variant).unwrap().step(s.measure).unwrap().clone();
    m.position = Some(pinned);
    apply(&mut doc, Edit::UpdateStep { variant: s.variant, step: m }).unwrap();

    let frag = copy(&doc, s.variant, &[s.measure, s.end]).unwrap();
    let pasted = paste(&doc, s.variant, &frag, OFFSET).unwrap();
    apply(&mut doc, pasted.edit).unwrap();

    let v = doc.variant(s.variant).unwrap();
    assert_eq!(v.step_count(), 5);
    assert_eq!(v.transition_count(), 3, "the transition between the two copies came along");
    assert_eq!(v.need_count(), 2);
    assert_eq!(doc.actors.len(), 2, "no lane was added: the actors matched by id");
    let copy_m = v.step(pasted.steps[0]).unwrap();
    assert_ne!(copy_m.id, s.measure);
    assert_eq!(copy_m.label, "Pasienten måler SpO2");
    assert_eq!(copy_m.actor, Some(s.patient));
    assert_eq!(copy_m.position, Some(Position { x: 340.0, y: 150.0 }), "a pinned copy moves by the offset");
    let copy_e = v.step(pasted.steps[1]).unwrap();
    assert_eq!(copy_e.position, None, "an unpinned copy is left to the layout");
    let t = v.outgoing(copy_m.id).next().expect("the copied transition");
    assert_eq!(t.to, copy_e.id);
    let need = v.needs().find(|n| n.steps.contains(&copy_m.id)).expect("the copied need");
    assert_eq!(need.steps, vec![copy_m.id, copy_e.id]);
    assert_eq!(need.parties, Party::pair(Some(s.patient), Some(s.nurse)));

    // pasting twice makes two more distinct copies
    let again = paste(&doc, s.variant, &frag, OFFSET).unwrap();
    assert!(again.steps.iter().all(|id| !pasted.steps.contains(id)));
}

#[test]
fn paste_into_another_document_matches_actors_by_name_and_adds_the_missing() {
    let s = small();
    let frag = copy(&s.doc, s.variant, &[s.measure, s.end]).unwrap();

    // another document: a "pasient" lane with its own id (another case), no nurse lane, and
    // no phases; its catalogue has the same names under other ids
    let mut other = Document::new("Annet forløp");
    let patient = ActorId::new();
    let variant = VariantId::new();
    apply(
        &mut other,
        Edit::batch(
            "build",
            vec![
                Edit::AddActor { actor: Actor { id: patient, name: "pasient".into(), kind: ActorKind::Patient, organisation: String::new(), colour: None, order: 0 } },
                Edit::AddVariant { variant: Box::new(VariantData::empty(variant, "Ønsket forløp", VariantKind::Desired)), index: None },
            ],
        ),
    )
    .unwrap();
    let catalogue_before = other.info_types.len();
    let pasted = paste(&other, variant, &frag, OFFSET).unwrap();
    apply(&mut other, pasted.edit).unwrap();

    let v = other.variant(variant).unwrap();
    assert_eq!(v.step_count(), 2);
    assert_eq!(v.transition_count(), 1);
    let measure = v.step(pasted.steps[0]).unwrap();
    assert_eq!(measure.actor, Some(patient), "matched by name, not by the old id");
    let nurse = other.actors.iter().find(|a| a.name == "Oppfølgingsansvarlig").expect("the nurse lane was added");
    assert_eq!(nurse.order, 1, "an added lane goes last");
    assert_eq!(v.step(pasted.steps[1]).unwrap().actor, Some(nurse.id));
    assert_eq!(other.phases.len(), 1, "the one phase the steps use was added");
    assert_eq!(measure.phase, Some(other.phases[0].id));
    let need = v.needs().next().unwrap();
    assert_eq!(need.parties, Party::pair(Some(patient), Some(nurse.id)));
    assert_eq!(other.info_types.len(), catalogue_before, "the information type matched by name");
    assert!(other.info_type(need.info_types[0]).is_some());
}

#[test]
fn one_undo_removes_the_whole_paste_in_a_real_file() {
    let s = small();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lim inn – æøå.carepath");
    let mut session = Session::create(&path, s.doc.clone()).unwrap();
    let before = to_json(session.document());

    let frag = copy(session.document(), s.variant, &[s.start, s.measure, s.end]).unwrap();
    let pasted = paste(session.document(), s.variant, &frag, OFFSET).unwrap();
    session.apply(pasted.edit).unwrap();
    assert_eq!(session.document().variant(s.variant).unwrap().step_count(), 6);
    drop(session);

    // the paste is durable, and one undo after reopening takes all of it away
    let mut session = Session::open(&path).unwrap();
    assert_eq!(session.document().variant(s.variant).unwrap().step_count(), 6);
    assert_eq!(session.undo_label().as_deref(), Some("paste"));
    session.undo().unwrap();
    let mut after = session.document().clone();
    let was: Document = carepath::import::json::from_json(&before).unwrap();
    // the modification time moves with every edit; everything else is back
    after.metadata.modified = was.metadata.modified;
    assert_eq!(to_json(&after), to_json(&was));
}

#[test]
fn pasting_nothing_or_into_an_unknown_variant_is_refused() {
    let s = small();
    let frag = copy(&s.doc, s.variant, &[]).unwrap();
    assert_eq!(paste(&s.doc, s.variant, &frag, OFFSET).unwrap_err().code, ErrorCode::InvalidValue);
    let frag = copy(&s.doc, s.variant, &[s.start]).unwrap();
    assert_eq!(paste(&s.doc, VariantId::new(), &frag, OFFSET).unwrap_err().code, ErrorCode::UnknownId);
}

#[test]
fn a_sub_pathway_is_copied_with_its_flow_and_a_nested_step_pastes_into_the_main_flow() {
    let s = small();
    let mut doc = s.doc.clone();
    let v = s.variant;
    let sub = Step::new(StepKind::SubPathway, "Opplæring", Some(s.nurse), Some(s.p2));
    let mut a = Step::new(StepKind::Activity, "Vise", Some(s.nurse), Some(s.p2));
    a.within = Some(sub.id);
    let mut b = Step::new(StepKind::Activity, "Øve", Some(s.patient), Some(s.p2));
    b.within = Some(sub.id);
    let (sub_id, a_id, b_id) = (sub.id, a.id, b.id);
    let edits = vec![
        Edit::AddStep { variant: v, step: sub },
        Edit::AddStep { variant: v, step: a },
        Edit::AddStep { variant: v, step: b },
        Edit::AddTransition { variant: v, transition: Transition::new(a_id, b_id, "") },
    ];
    apply(&mut doc, Edit::batch("nested", edits)).unwrap();

    // the nested step first in the selection: the sub-pathway is still added before it
    let fragment = copy(&doc, v, &[a_id, sub_id]).unwrap();
    assert_eq!(fragment.steps.len(), 3, "the flow comes along");
    assert_eq!(fragment.transitions.len(), 1);
    let pasted = paste(&doc, v, &fragment, OFFSET).unwrap();
    apply(&mut doc, pasted.edit).unwrap();
    let vv = doc.variant(v).unwrap();
    let new_sub = pasted.steps[1];
    assert_eq!(vv.flow_steps(Some(new_sub)).count(), 2, "the copy holds a flow of its own");
    assert_eq!(vv.flow_of(Some(new_sub)).transition_count(), 1);
    assert_eq!(vv.flow_steps(Some(sub_id)).count(), 2, "the original keeps its own");

    // a nested step alone lands in the main flow (the window puts it where it is drawing)
    let alone = copy(&doc, v, &[b_id]).unwrap();
    let pasted = paste(&doc, v, &alone, OFFSET).unwrap();
    apply(&mut doc, pasted.edit).unwrap();
    assert_eq!(doc.variant(v).unwrap().step(pasted.steps[0]).unwrap().within, None);
}
