use super::*;
use crate::edit::apply;

fn copd() -> Document {
    crate::template::load("copd").unwrap()
}

fn step_ref(doc: &Document, v: usize, label: &str) -> ElementRef {
    let variant = &doc.variants[v];
    let s = variant.steps().find(|s| s.label == label).unwrap();
    ElementRef::Step {
        variant: variant.id,
        id: s.id,
    }
}

fn run(doc: &mut Document, e: impl FnOnce(&Document) -> Result<Edit>) {
    let edit = e(doc).unwrap();
    apply(doc, edit).unwrap();
}

#[test]
fn threads_replies_resolve_and_reopen() {
    let mut doc = copd();
    let target = step_ref(&doc, 1, "Vurderer målinger og symptomsvar");
    run(&mut doc, |d| {
        comment(d, target, "Kari Lege", "Hvem vurderer i helgene?")
    });
    let root = doc.comments[0].id;
    run(&mut doc, |d| {
        reply(d, root, "Ola Sykepleier", "Responssenteret.")
    });
    let first_reply = doc
        .comments
        .iter()
        .find(|c| c.reply_to == Some(root))
        .unwrap()
        .id;
    run(&mut doc, |d| reply(d, first_reply, "Kari Lege", "Takk"));
    let ts = threads(&doc, Lang::Nb);
    assert_eq!(ts.len(), 1);
    assert_eq!(ts[0].replies.len(), 2);
    assert_eq!(
        ts[0].target_label,
        "Steg «Vurderer målinger og symptomsvar» (Ønsket forløp)"
    );
    assert!(ts[0].open);
    assert!(ts[0].replies.iter().all(|r| r.target == target));

    // resolving through a reply resolves the thread
    run(&mut doc, |d| resolve(d, first_reply, true));
    assert!(!threads(&doc, Lang::Nb)[0].open);
    assert!(doc.comment(root).unwrap().resolved);
    run(&mut doc, |d| resolve(d, root, false));
    assert!(threads(&doc, Lang::Nb)[0].open);
    assert!(comment(&doc, target, "  ", "x")
        .unwrap_err()
        .message
        .contains("CAREPATH_AUTHOR"));
    let gone = ElementRef::Step {
        variant: doc.variants[1].id,
        id: StepId::new(),
    };
    assert!(comment(&doc, gone, "Kari", "x").is_err());
}

#[test]
fn a_reviewer_has_one_decision_per_element() {
    let mut doc = copd();
    let target = step_ref(
        &doc,
        1,
        "Automatisk varsel (trafikklys) til oppfølgingsansvarlig",
    );
    run(&mut doc, |d| {
        decide(d, target, "Kari Lege", ReviewStatus::Pending, "")
    });
    run(&mut doc, |d| {
        decide(
            d,
            target,
            "kari lege",
            ReviewStatus::ChangesRequested,
            "Grensene må avklares",
        )
    });
    run(&mut doc, |d| {
        decide(
            d,
            ElementRef::Document,
            "Per Overlege",
            ReviewStatus::Approved,
            "",
        )
    });
    assert_eq!(doc.reviews.len(), 2);
    let r = doc.reviews.iter().find(|r| r.target == target).unwrap();
    assert_eq!(
        (r.status, r.note.as_str()),
        (ReviewStatus::ChangesRequested, "Grensene må avklares")
    );

    let only = |f: ReviewFilter| list(&doc, &f, Lang::Nb).decisions.len();
    assert_eq!(only(ReviewFilter::default()), 2);
    assert_eq!(
        only(ReviewFilter {
            status: Some(ReviewStatus::Approved),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        only(ReviewFilter {
            author: Some("PER OVERLEGE".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        only(ReviewFilter {
            variant: Some(doc.variants[1].id),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        only(ReviewFilter {
            variant: Some(doc.variants[0].id),
            ..Default::default()
        }),
        0
    );

    let s = summary(&doc, Lang::Nb);
    assert_eq!(s.decisions.iter().map(|c| c.count).sum::<u32>(), 2);
    let md = summary_markdown(&s, Lang::Nb);
    assert!(md.contains("| Steg «Automatisk varsel (trafikklys) til oppfølgingsansvarlig» (Ønsket forløp) | Må endres | kari lege |"), "{md}");
}

#[test]
fn listing_filters_threads() {
    let mut doc = copd();
    let a = step_ref(&doc, 0, "Vurderer målinger og symptomsvar");
    let b = step_ref(&doc, 1, "Vurderer målinger og symptomsvar");
    run(&mut doc, |d| comment(d, a, "Kari", "nå"));
    run(&mut doc, |d| comment(d, b, "Ola", "ønsket"));
    let resolved = doc.comments.iter().find(|c| c.text == "nå").unwrap().id;
    run(&mut doc, |d| resolve(d, resolved, true));
    let texts = |f: ReviewFilter| {
        list(&doc, &f, Lang::En)
            .threads
            .iter()
            .map(|t| t.root.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(ReviewFilter::default()), vec!["nå", "ønsket"]);
    assert_eq!(
        texts(ReviewFilter {
            open_only: true,
            ..Default::default()
        }),
        vec!["ønsket"]
    );
    assert_eq!(
        texts(ReviewFilter {
            author: Some("kari".into()),
            ..Default::default()
        }),
        vec!["nå"]
    );
    assert_eq!(
        texts(ReviewFilter {
            variant: Some(doc.variants[1].id),
            ..Default::default()
        }),
        vec!["ønsket"]
    );
    let s = summary(&doc, Lang::En);
    assert_eq!((s.open_threads, s.resolved_threads, s.comments), (1, 1, 2));
    assert!(summary_markdown(&s, Lang::En)
        .contains("| Step «Vurderer målinger og symptomsvar» (Ønsket forløp) | Ola |"));
}

/// The document, and a reviewed copy with two threads (one with a reply) and a decision.
fn reviewed() -> (Document, Document) {
    let doc = copd();
    let mut copy = doc.clone();
    let target = step_ref(
        &copy,
        1,
        "Ser måleserier og trend i nasjonal målingstjeneste",
    );
    run(&mut copy, |d| {
        comment(d, target, "Kari Lege", "Trenger vi tilgang til rådata?")
    });
    let root = copy.comments[0].id;
    run(&mut copy, |d| {
        reply(d, root, "Per Overlege", "Ja, for trend over uker.")
    });
    run(&mut copy, |d| {
        comment(d, ElementRef::Document, "Kari Lege", "Ser bra ut.")
    });
    run(&mut copy, |d| {
        decide(d, target, "Kari Lege", ReviewStatus::Approved, "")
    });
    (doc, copy)
}

#[test]
fn merge_brings_comments_and_decisions_but_never_the_model() {
    let (mut doc, mut copy) = reviewed();
    // the reviewer also changed the model in the copy: that must not come back
    let mut meta = copy.metadata.clone();
    meta.title = "Endret av fagperson".into();
    apply(&mut copy, Edit::SetMetadata { metadata: meta }).unwrap();
    let model_before = crate::export::json::to_json(&Document {
        comments: vec![],
        reviews: vec![],
        ..doc.clone()
    });

    let (edit, report) = plan_merge(&doc, &copy);
    assert_eq!(
        (
            report.comments_added.len(),
            report.reviews_added.len(),
            report.not_placed.len()
        ),
        (3, 1, 0)
    );
    let edit = edit.unwrap();
    assert!(
        matches!(&edit, Edit::Batch { edits, .. } if edits.iter().all(|e| matches!(e, Edit::AddComment { .. } | Edit::AddReview { .. })))
    );
    apply(&mut doc, edit).unwrap();
    assert_eq!(doc.comments, copy.comments);
    assert_eq!(doc.reviews, copy.reviews);
    let model_after = crate::export::json::to_json(&Document {
        comments: vec![],
        reviews: vec![],
        ..doc.clone()
    });
    assert_eq!(model_before, model_after);

    // merging the same copy again adds nothing
    let (edit, report) = plan_merge(&doc, &copy);
    assert!(edit.is_none());
    assert!(!report.changed());
    assert_eq!(report.unchanged, 4);
}

#[test]
fn a_thread_resolved_later_in_the_copy_updates() {
    let (mut doc, mut copy) = reviewed();
    let first = plan_merge(&doc, &copy).0.unwrap();
    apply(&mut doc, first).unwrap();
    let root = copy
        .comments
        .iter()
        .find(|c| c.reply_to.is_none() && c.target != ElementRef::Document)
        .unwrap()
        .id;
    run(&mut copy, |d| resolve(d, root, true));
    let (edit, report) = plan_merge(&doc, &copy);
    assert_eq!(report.comments_updated, vec![root]);
    assert_eq!(report.unchanged, 3);
    apply(&mut doc, edit.unwrap()).unwrap();
    assert!(doc.comment(root).unwrap().resolved);
}

#[test]
fn comments_on_elements_deleted_meanwhile_are_reported() {
    let (mut doc, copy) = reviewed();
    let ElementRef::Step { variant, id } = step_ref(
        &doc,
        1,
        "Ser måleserier og trend i nasjonal målingstjeneste",
    ) else {
        unreachable!()
    };
    apply(&mut doc, Edit::RemoveStep { variant, id }).unwrap();
    let (edit, report) = plan_merge(&doc, &copy);
    // the thread on the step, its reply and the decision cannot be placed; the document comment can
    assert_eq!(report.comments_added.len(), 1);
    let reasons: Vec<_> = report
        .not_placed
        .iter()
        .map(|n| (n.item, n.reason))
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(
        reasons
            .iter()
            .filter(|(_, r)| *r == NotPlacedReason::AnchorDeleted)
            .count()
            == 2
    );
    assert!(reasons.iter().any(
        |(i, r)| matches!(i, MergeItem::Comment { .. }) && *r == NotPlacedReason::ThreadMissing
    ));
    apply(&mut doc, edit.unwrap()).unwrap();
    let text = report.to_text(&copy, Lang::Nb);
    assert!(text.contains("Ikke plassert: 3"), "{text}");
    assert!(text.contains("Steg «Ser måleserier og trend i nasjonal målingstjeneste» (Ønsket forløp) (Kari Lege): «Trenger vi tilgang til rådata?» — elementet den gjelder, er slettet"), "{text}");
}

#[test]
fn a_copy_of_another_document_places_nothing() {
    let (_, copy) = reviewed();
    // another document made from the same template has an id of its own
    let other = copd();
    let (edit, report) = plan_merge(&other, &copy);
    assert!(edit.is_none());
    assert_eq!(report.not_placed.len(), 4);
    assert!(report
        .not_placed
        .iter()
        .all(|n| n.reason == NotPlacedReason::DifferentDocument));
}

#[test]
fn a_newer_decision_in_the_document_is_kept() {
    let (mut doc, copy) = reviewed();
    let first = plan_merge(&doc, &copy).0.unwrap();
    apply(&mut doc, first).unwrap();
    let mut newer = doc.reviews[0].clone();
    newer.status = ReviewStatus::Rejected;
    newer.time = Timestamp(newer.time.0 + chrono::Duration::hours(1));
    apply(
        &mut doc,
        Edit::UpdateReview {
            review: newer.clone(),
        },
    )
    .unwrap();
    let (edit, report) = plan_merge(&doc, &copy);
    assert!(edit.is_none());
    assert_eq!(report.reviews_kept_newer, vec![newer.id]);
    assert_eq!(doc.reviews[0].status, ReviewStatus::Rejected);
}

#[test]
fn a_thread_on_a_deleted_element_can_still_be_answered_resolved_and_reopened() {
    let mut doc = copd();
    let target = step_ref(&doc, 1, "Vurderer målinger og symptomsvar");
    run(&mut doc, |d| {
        comment(d, target, "Kari Lege", "Hvem vurderer i helgene?")
    });
    let root = doc.comments[0].id;
    let ElementRef::Step { variant, id } = target else {
        unreachable!()
    };
    apply(&mut doc, Edit::RemoveStep { variant, id }).unwrap();
    assert!(!doc.contains(&target));
    assert!(threads(&doc, Lang::En)[0]
        .target_label
        .contains("(deleted)"));

    run(&mut doc, |d| {
        reply(d, root, "Ola Sykepleier", "Steget er tatt bort.")
    });
    run(&mut doc, |d| resolve(d, root, true));
    assert!(!threads(&doc, Lang::Nb)[0].open);
    let reopen = resolve(&doc, root, false).unwrap();
    let undo = apply(&mut doc, reopen).unwrap();
    assert!(threads(&doc, Lang::Nb)[0].open);
    apply(&mut doc, undo).unwrap();
    assert!(doc.comment(root).unwrap().resolved);

    // a comment may not be moved onto, or started on, an element that is not there
    let mut moved = doc.comment(root).unwrap().clone();
    moved.target = ElementRef::Step {
        variant,
        id: StepId::new(),
    };
    assert!(apply(&mut doc, Edit::UpdateComment { comment: moved }).is_err());
    assert!(comment(&doc, target, "Kari", "x").is_err());
}

#[test]
fn a_warning_accepted_with_a_reason_is_shown_as_accepted_until_withdrawn() {
    let mut doc = copd();
    // a need without information types: a warning
    let v = doc.variants[0].id;
    let need = doc.variants[0].needs().next().unwrap().clone();
    apply(
        &mut doc,
        Edit::UpdateNeed {
            variant: v,
            need: DataNeed {
                info_types: vec![],
                ..need
            },
        },
    )
    .unwrap();
    let findings = crate::rules::validate(&doc);
    let warning = findings
        .iter()
        .find(|f| f.rule == "need-without-info-type")
        .expect("the warning")
        .clone();
    let open_before = crate::rules::open(&findings).count();

    run(&mut doc, |d| {
        accept(d, &warning, "Kari Lege", "  Avtalt muntlig i teamet  ")
    });
    let after = crate::rules::validate(&doc);
    let same = after
        .iter()
        .find(|f| f.rule == warning.rule && f.elements == warning.elements)
        .unwrap();
    let a = same.accepted.as_ref().expect("accepted");
    assert_eq!(
        (a.author.as_str(), a.reason.as_str()),
        ("Kari Lege", "Avtalt muntlig i teamet")
    );
    assert_eq!(crate::rules::open(&after).count(), open_before - 1);
    // the acceptance is a resolved comment on the finding's first element, so reviewers see it
    let c = doc.comment(a.comment).unwrap();
    assert_eq!(
        (c.target, c.accepts.as_deref(), c.resolved),
        (warning.elements[0], Some(warning.rule.as_str()), true)
    );
    assert_eq!(
        crate::rules::validate_variant(&doc, warning.variant.unwrap())
            .unwrap()
            .iter()
            .filter(|f| f.accepted.is_some())
            .count(),
        1
    );

    // accepting again replaces the reason instead of adding a second comment
    run(&mut doc, |d| accept(d, &warning, "Ola", "Ny grunn"));
    assert_eq!(doc.comments.len(), 1);
    assert_eq!(
        crate::rules::validate(&doc)
            .iter()
            .find_map(|f| f.accepted.clone())
            .unwrap()
            .reason,
        "Ny grunn"
    );

    // withdrawing is one undoable edit
    let w = withdraw(&doc, a.comment).unwrap();
    let inverse = apply(&mut doc, w).unwrap();
    assert!(crate::rules::validate(&doc)
        .iter()
        .all(|f| f.accepted.is_none()));
    apply(&mut doc, inverse).unwrap();
    assert_eq!(
        crate::rules::validate(&doc)
            .iter()
            .filter(|f| f.accepted.is_some())
            .count(),
        1
    );
}

#[test]
fn errors_cannot_be_accepted_and_a_reason_is_required() {
    let mut doc = copd();
    let v = doc.variants[0].id;
    let lone = crate::model::Step::new(crate::model::StepKind::Activity, "Ikke koblet", None, None);
    apply(
        &mut doc,
        Edit::AddStep {
            variant: v,
            step: lone,
        },
    )
    .unwrap();
    let findings = crate::rules::validate(&doc);
    let error = findings
        .iter()
        .find(|f| f.severity == crate::rules::Severity::Error)
        .unwrap();
    assert!(!error.acceptable);
    assert!(accept(&doc, error, "Kari", "fordi")
        .unwrap_err()
        .message
        .contains("cannot be accepted"));
    // shown as a note while drawing, it is still an error's finding: not acceptable
    let drawing = crate::rules::validate_while_drawing(&doc);
    let quiet = drawing
        .iter()
        .find(|f| f.rule == error.rule && f.elements == error.elements)
        .unwrap();
    assert_eq!(
        (quiet.severity, quiet.acceptable),
        (crate::rules::Severity::Info, false)
    );
    let warning = findings
        .iter()
        .find(|f| f.severity == crate::rules::Severity::Warning)
        .unwrap();
    assert!(warning.acceptable);
    assert!(accept(&doc, warning, "Kari", "   ")
        .unwrap_err()
        .message
        .contains("reason"));
    // nor through a hand-made comment: the edit itself is checked
    let forged = Comment {
        id: CommentId::new(),
        target: error.elements[0],
        author: "Kari".into(),
        created: Timestamp::now(),
        text: "fordi".into(),
        resolved: true,
        reply_to: None,
        accepts: Some(error.rule.clone()),
    };
    assert!(apply(&mut doc, Edit::AddComment { comment: forged }).is_err());
}

#[test]
fn a_part_of_a_name_finds_its_author_and_a_target_keeps_one_element() {
    let mut doc = copd();
    let a = step_ref(&doc, 0, "Vurderer målinger og symptomsvar");
    let b = step_ref(&doc, 1, "Vurderer målinger og symptomsvar");
    run(&mut doc, |d| comment(d, a, "Kari Lege", "nå"));
    run(&mut doc, |d| comment(d, b, "Ola Sykepleier", "ønsket"));
    let texts = |f: ReviewFilter| list(&doc, &f, Lang::Nb).threads.iter().map(|t| t.root.text.clone()).collect::<Vec<_>>();
    assert_eq!(texts(ReviewFilter { author: Some(" kari ".into()), ..Default::default() }), vec!["nå"]);
    assert_eq!(texts(ReviewFilter { author: Some("LEGE".into()), ..Default::default() }), vec!["nå"]);
    assert_eq!(texts(ReviewFilter { author: Some("  ".into()), ..Default::default() }).len(), 2, "a blank name is anyone");
    assert_eq!(texts(ReviewFilter { target: Some(b), ..Default::default() }), vec!["ønsket"]);
    assert!(texts(ReviewFilter { target: Some(ElementRef::Document), ..Default::default() }).is_empty());
}

#[test]
fn markers_count_open_threads_and_show_the_newest_decision_of_the_variant_drawn() {
    let mut doc = copd();
    let a = step_ref(&doc, 0, "Vurderer målinger og symptomsvar");
    let b = step_ref(&doc, 1, "Vurderer målinger og symptomsvar");
    let actor = ElementRef::Actor { id: doc.actors[0].id };
    run(&mut doc, |d| comment(d, a, "Kari", "en"));
    run(&mut doc, |d| comment(d, a, "Ola", "to"));
    run(&mut doc, |d| comment(d, b, "Ola", "i den andre varianten"));
    run(&mut doc, |d| comment(d, actor, "Ola", "lanen"));
    run(&mut doc, |d| comment(d, ElementRef::Document, "Ola", "hele dokumentet"));
    let first = doc.comments.iter().find(|c| c.text == "en").unwrap().id;
    run(&mut doc, |d| resolve(d, first, true));
    run(&mut doc, |d| decide(d, a, "Kari", ReviewStatus::ChangesRequested, ""));
    std::thread::sleep(std::time::Duration::from_millis(5));
    run(&mut doc, |d| decide(d, a, "Per", ReviewStatus::Approved, ""));
    let m = markers(&doc, doc.variants[0].id);
    assert_eq!(m.len(), 2, "the step and the lane: {m:?}");
    let step = m.iter().find(|m| m.target == a).unwrap();
    assert_eq!((step.open_threads, step.status), (1, Some(ReviewStatus::Approved)));
    let lane = m.iter().find(|m| m.target == actor).unwrap();
    assert_eq!((lane.open_threads, lane.status), (1, None));
    let other = markers(&doc, doc.variants[1].id);
    assert!(other.iter().any(|m| m.target == b && m.open_threads == 1));
    assert!(!other.iter().any(|m| m.target == a));
}
