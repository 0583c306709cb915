//! Every edit is checked, applied and inverted: applying the inverse gives back the very same
//! document (compared as canonical JSON), and refused edits leave the document untouched.

mod common;

use carepath::edit::{apply, Changed, Edit};
use carepath::export::json::to_json;
use carepath::model::*;
use carepath::ErrorCode;
use common::small;

/// Applies `edit`, checks it changed something, applies the inverse, checks all is back.
fn round_trip(doc: &mut Document, edit: Edit) -> Edit {
    let before = to_json(doc);
    let inverse = apply(doc, edit.clone()).unwrap_or_else(|e| panic!("{edit:?} refused: {e}"));
    assert_ne!(to_json(doc), before, "{edit:?} changed nothing");
    let again = apply(doc, inverse.clone()).expect("inverse applies");
    assert_eq!(to_json(doc), before, "inverse of {edit:?} did not restore the document");
    // and redo works from the inverse's inverse
    apply(doc, again).expect("redo applies");
    apply(doc, inverse.clone()).expect("undo again");
    assert_eq!(to_json(doc), before);
    inverse
}

#[test]
fn every_kind_of_edit_inverts_exactly() {
    let s = small();
    let mut doc = s.doc.clone();
    let v = s.variant;
    let mut meta = doc.metadata.clone();
    meta.title = "Ny tittel".into();
    meta.owners.push("Lungepoliklinikken".into());
    round_trip(&mut doc, Edit::SetMetadata { metadata: meta });

    let gp = Actor { id: ActorId::new(), name: "Fastlege".into(), kind: ActorKind::Gp, organisation: String::new(), colour: None, order: 0 };
    round_trip(&mut doc, Edit::AddActor { actor: gp });
    let mut moved = doc.actor(s.nurse).unwrap().clone();
    moved.order = 0;
    moved.name = "Sykepleier".into();
    round_trip(&mut doc, Edit::UpdateActor { actor: moved });
    let phase = Phase { id: PhaseId::new(), name: "Evaluering".into(), description: String::new(), order: 9 };
    round_trip(&mut doc, Edit::AddPhase { phase });
    let mut p = doc.phase(s.p1).unwrap().clone();
    p.order = 1;
    round_trip(&mut doc, Edit::UpdatePhase { phase: p });
    let it = InfoType { id: InfoTypeId::new(), name: "Bilde".into(), codes: Vec::new(), description: String::new(), priority: None };
    round_trip(&mut doc, Edit::AddInfoType { info_type: it, index: Some(2) });
    let unused = doc.info_types[5].clone();
    round_trip(&mut doc, Edit::RemoveInfoType { id: unused.id });
    let mut it2 = unused.clone();
    it2.codes = vec!["IT99".into()];
    round_trip(&mut doc, Edit::UpdateInfoType { info_type: it2 });

    round_trip(&mut doc, Edit::CopyVariant { source: v, id: VariantId::new(), name: "Ønsket forløp".into(), kind: VariantKind::Desired });
    round_trip(&mut doc, Edit::UpdateVariant { id: v, name: "I dag".into(), kind: VariantKind::Current, description: "x".into() });
    round_trip(&mut doc, Edit::RemoveVariant { id: v });

    let extra = Step::new(StepKind::Event, "Varsel", Some(s.nurse), Some(s.p2));
    round_trip(&mut doc, Edit::AddStep { variant: v, step: extra });
    let mut m = doc.variant(v).unwrap().step(s.measure).unwrap().clone();
    m.label = "Måler puls".into();
    m.position = Some(Position { x: 10.5, y: 20.0 });
    m.actor = Some(s.nurse);
    round_trip(&mut doc, Edit::UpdateStep { variant: v, step: m });
    round_trip(&mut doc, Edit::RemoveStep { variant: v, id: s.measure });

    let t = Transition { id: TransitionId::new(), from: s.end, to: s.measure, label: "igjen".into(), kind: TransitionKind::Loop, signal: Signal::None };
    round_trip(&mut doc, Edit::AddTransition { variant: v, transition: t.clone() });
    let existing = doc.variant(v).unwrap().outgoing(s.start).next().unwrap().clone();
    let mut re = existing.clone();
    re.to = s.end;
    re.kind = TransitionKind::Exception;
    round_trip(&mut doc, Edit::UpdateTransition { variant: v, transition: re });
    round_trip(&mut doc, Edit::RemoveTransition { variant: v, id: existing.id });

    let need = doc.variant(v).unwrap().needs().next().unwrap().clone();
    let mut n2 = need.clone();
    n2.form = InteractionForm::LookUp;
    n2.status = NeedStatus::Met;
    round_trip(&mut doc, Edit::UpdateNeed { variant: v, need: n2 });
    round_trip(&mut doc, Edit::RemoveNeed { variant: v, id: need.id });
    let fresh = DataNeed::new("Plan", vec![s.start], Party::pair(Some(s.patient), None));
    round_trip(&mut doc, Edit::AddNeed { variant: v, need: fresh });

    let c = Comment { id: CommentId::new(), target: ElementRef::Step { variant: v, id: s.measure }, author: "Lege".into(), created: Timestamp::now(), text: "Hvor ofte?".into(), resolved: false, reply_to: None, accepts: None };
    round_trip(&mut doc, Edit::AddComment { comment: c.clone() });
    apply(&mut doc, Edit::AddComment { comment: c.clone() }).unwrap();
    let mut c2 = c.clone();
    c2.resolved = true;
    round_trip(&mut doc, Edit::UpdateComment { comment: c2 });
    round_trip(&mut doc, Edit::RemoveComment { id: c.id });
    let r = Review { id: ReviewId::new(), target: ElementRef::Variant { id: v }, reviewer: "Overlege".into(), status: ReviewStatus::Approved, time: Timestamp::now(), note: String::new() };
    round_trip(&mut doc, Edit::AddReview { review: r.clone() });
    apply(&mut doc, Edit::AddReview { review: r.clone() }).unwrap();
    let mut r2 = r.clone();
    r2.status = ReviewStatus::Rejected;
    round_trip(&mut doc, Edit::UpdateReview { review: r2 });
    round_trip(&mut doc, Edit::RemoveReview { id: r.id });
}

#[test]
fn removing_a_step_takes_transitions_and_need_references_and_undoes_as_one() {
    let s = small();
    let mut doc = s.doc.clone();
    let inverse = apply(&mut doc, Edit::RemoveStep { variant: s.variant, id: s.measure }).unwrap();
    let v = doc.variant(s.variant).unwrap();
    assert_eq!(v.transition_count(), 0);
    assert_eq!(v.needs().next().unwrap().steps, vec![s.end]);
    let changed = Changed::of_applied(&Edit::RemoveStep { variant: s.variant, id: s.measure }, &inverse);
    assert!(changed.iter().any(|c| matches!(c, Changed::Transition { .. })));
    assert!(changed.iter().any(|c| matches!(c, Changed::Need { .. })));
    apply(&mut doc, inverse).unwrap();
    assert_eq!(to_json(&doc), to_json(&s.doc));
}

fn refused(doc: &mut Document, edit: Edit, code: ErrorCode, needle: &str) {
    let before = to_json(doc);
    let err = apply(doc, edit).expect_err("edit should be refused");
    assert_eq!(err.code, code, "{}", err.message);
    assert!(err.message.contains(needle), "message '{}' lacks '{needle}'", err.message);
    assert_eq!(to_json(doc), before, "a refused edit changed the document");
}

#[test]
fn bad_edits_are_refused_with_a_code_and_leave_the_document_alone() {
    let s = small();
    let mut doc = s.doc.clone();
    let v = s.variant;
    refused(&mut doc, Edit::RemoveStep { variant: v, id: StepId::new() }, ErrorCode::UnknownId, "no step");
    refused(&mut doc, Edit::RemoveStep { variant: VariantId::new(), id: s.start }, ErrorCode::UnknownId, "no variant");
    let lost = Step::new(StepKind::Activity, "Uten bane", Some(ActorId::new()), Some(s.p1));
    refused(&mut doc, Edit::AddStep { variant: v, step: lost }, ErrorCode::UnknownId, "names actor");
    let dup = doc.variant(v).unwrap().step(s.start).unwrap().clone();
    refused(&mut doc, Edit::AddStep { variant: v, step: dup }, ErrorCode::DuplicateId, "there is already a step with id");
    refused(&mut doc, Edit::RemoveActor { id: s.nurse }, ErrorCode::InUse, "used by 1 step(s) and 1 need(s)");
    refused(&mut doc, Edit::RemovePhase { id: s.p2 }, ErrorCode::InUse, "used by 2 step(s)");
    let used_type = doc.info_types[0].id;
    refused(&mut doc, Edit::RemoveInfoType { id: used_type }, ErrorCode::InUse, "used by 1 need");

    // a transition between variants
    let other = VariantId::new();
    apply(&mut doc, Edit::CopyVariant { source: v, id: other, name: "Ønsket".into(), kind: VariantKind::Desired }).unwrap();
    let lonely = Step::new(StepKind::Activity, "Bare i ønsket", Some(s.nurse), Some(s.p2));
    let lonely_id = lonely.id;
    apply(&mut doc, Edit::AddStep { variant: other, step: lonely }).unwrap();
    let across = Transition::new(s.start, lonely_id, "");
    refused(&mut doc, Edit::AddTransition { variant: v, transition: across }, ErrorCode::CrossVariant, "another variant");

    // a 10 MB label
    let mut huge = doc.variant(v).unwrap().step(s.start).unwrap().clone();
    huge.label = "x".repeat(10 * 1024 * 1024);
    refused(&mut doc, Edit::UpdateStep { variant: v, step: huge }, ErrorCode::InvalidValue, "at most");

    // a batch that fails half-way is rolled back entirely
    let ok = Step::new(StepKind::Activity, "Først", Some(s.nurse), Some(s.p1));
    let bad = Edit::RemoveTransition { variant: v, id: TransitionId::new() };
    refused(&mut doc, Edit::batch("to steg", vec![Edit::AddStep { variant: v, step: ok }, bad]), ErrorCode::UnknownId, "edit 2 of 'to steg'");
}

#[test]
fn a_batch_undoes_as_one() {
    let s = small();
    let mut doc = s.doc.clone();
    let a = Step::new(StepKind::Activity, "A", Some(s.nurse), Some(s.p1));
    let b = Step::new(StepKind::Activity, "B", Some(s.nurse), Some(s.p1));
    let t = Transition::new(a.id, b.id, "");
    let batch = Edit::batch("legg til to", vec![
        Edit::AddStep { variant: s.variant, step: a },
        Edit::AddStep { variant: s.variant, step: b },
        Edit::AddTransition { variant: s.variant, transition: t },
    ]);
    assert_eq!(batch.describe(), "legg til to");
    let inverse = apply(&mut doc, batch).unwrap();
    assert_eq!(doc.variant(s.variant).unwrap().step_count(), 5);
    apply(&mut doc, inverse).unwrap();
    assert_eq!(to_json(&doc), to_json(&s.doc));
}

#[test]
fn edits_serialise_as_tagged_json_and_back() {
    let s = small();
    let e = Edit::RemoveStep { variant: s.variant, id: s.start };
    let text = serde_json::to_string(&e).unwrap();
    assert!(text.starts_with("{\"op\":\"remove_step\""), "{text}");
    assert_eq!(serde_json::from_str::<Edit>(&text).unwrap(), e);
    assert!(serde_json::from_str::<Edit>("{\"op\":\"fly_away\"}").is_err());
}

#[test]
fn a_new_actor_without_a_colour_takes_the_next_free_lane_colour() {
    use carepath::model::document::LANE_COLOURS;
    let mut doc = Document::new("x");
    let actor = |colour: Option<&str>| Actor {
        id: ActorId::new(),
        name: "Aktør".into(),
        kind: ActorKind::Other,
        organisation: String::new(),
        colour: colour.map(String::from),
        order: 99,
    };
    apply(&mut doc, Edit::AddActor { actor: actor(None) }).unwrap();
    apply(&mut doc, Edit::AddActor { actor: actor(Some(LANE_COLOURS[1])) }).unwrap();
    apply(&mut doc, Edit::AddActor { actor: actor(None) }).unwrap();
    let colours: Vec<&str> = doc.actors.iter().map(|a| a.colour.as_deref().unwrap()).collect();
    // the first free one, skipping the colour the second actor was given
    assert_eq!(colours, [LANE_COLOURS[0], LANE_COLOURS[1], LANE_COLOURS[2]]);
    // with every colour taken, they go round
    for _ in 3..LANE_COLOURS.len() + 2 {
        apply(&mut doc, Edit::AddActor { actor: actor(None) }).unwrap();
    }
    assert!(doc.actors.iter().all(|a| a.colour.is_some()));
    assert_eq!(doc.actors.last().unwrap().colour.as_deref(), Some(LANE_COLOURS[(doc.actors.len() - 1) % LANE_COLOURS.len()]));
}

#[test]
fn a_sub_pathway_holds_a_flow_removed_with_it_and_undone_as_one() {
    let s = small();
    let mut doc = s.doc.clone();
    let v = s.variant;
    let sub = Step::new(StepKind::SubPathway, "Oppfølging", Some(s.nurse), Some(s.p2));
    let sub_id = sub.id;
    round_trip(&mut doc, Edit::AddStep { variant: v, step: sub.clone() });
    apply(&mut doc, Edit::AddStep { variant: v, step: sub }).unwrap();
    let mut a = Step::new(StepKind::Activity, "Ringe", Some(s.nurse), Some(s.p2));
    a.within = Some(sub_id);
    let mut b = Step::new(StepKind::Activity, "Notere", Some(s.nurse), Some(s.p2));
    b.within = Some(sub_id);
    let (a_id, b_id) = (a.id, b.id);
    round_trip(&mut doc, Edit::AddStep { variant: v, step: a.clone() });
    apply(&mut doc, Edit::AddStep { variant: v, step: a }).unwrap();
    apply(&mut doc, Edit::AddStep { variant: v, step: b }).unwrap();
    apply(&mut doc, Edit::AddTransition { variant: v, transition: Transition::new(a_id, b_id, "") }).unwrap();
    let mut need = doc.variant(v).unwrap().needs().next().unwrap().clone();
    need.steps.push(b_id);
    apply(&mut doc, Edit::UpdateNeed { variant: v, need }).unwrap();

    // a transition between flows, a step within an activity, a sub-pathway that holds
    // steps turned into an activity: all refused
    refused(&mut doc, Edit::AddTransition { variant: v, transition: Transition::new(s.start, a_id, "") }, ErrorCode::InvalidValue, "join two flows");
    let mut bad = Step::new(StepKind::Activity, "Feil", Some(s.nurse), Some(s.p2));
    bad.within = Some(s.measure);
    refused(&mut doc, Edit::AddStep { variant: v, step: bad }, ErrorCode::InvalidValue, "is not a sub-pathway");
    let mut flat = doc.variant(v).unwrap().step(sub_id).unwrap().clone();
    flat.kind = StepKind::Activity;
    refused(&mut doc, Edit::UpdateStep { variant: v, step: flat }, ErrorCode::InvalidValue, "holds a flow of 2 steps");
    let mut moved = doc.variant(v).unwrap().step(a_id).unwrap().clone();
    moved.within = None;
    refused(&mut doc, Edit::UpdateStep { variant: v, step: moved }, ErrorCode::InvalidValue, "has transitions");
    let mut own = doc.variant(v).unwrap().step(sub_id).unwrap().clone();
    own.within = Some(a_id);
    refused(&mut doc, Edit::UpdateStep { variant: v, step: own }, ErrorCode::InvalidValue, "is not a sub-pathway");

    // removing the sub-pathway takes its flow along, and one undo brings all back
    let before = to_json(&doc);
    let inverse = round_trip(&mut doc, Edit::RemoveStep { variant: v, id: sub_id });
    let changed = Changed::of_applied(&Edit::RemoveStep { variant: v, id: sub_id }, &inverse);
    for id in [sub_id, a_id, b_id] {
        assert!(changed.contains(&Changed::Step { variant: v, id }), "{id} is among the changed");
    }
    apply(&mut doc, Edit::RemoveStep { variant: v, id: sub_id }).unwrap();
    let vv = doc.variant(v).unwrap();
    assert!(vv.step(a_id).is_none() && vv.step(b_id).is_none() && !vv.has_nested());
    assert!(vv.needs().all(|n| !n.steps.contains(&b_id)));
    apply(&mut doc, inverse).unwrap();
    assert_eq!(to_json(&doc), before);
}
