use super::*;
use crate::edit::{apply, Edit};
use crate::model::*;

fn copd() -> Document {
    crate::template::load("copd").unwrap()
}

/// Applies `edit` and returns the update the viewer answers with.
fn edit(doc: &mut Document, viewer: &mut Viewer, e: Edit, view: View) -> Update {
    let inverse = apply(doc, e.clone()).unwrap();
    viewer
        .update(doc, Changed::of_applied(&e, &inverse), view)
        .unwrap()
}

#[test]
fn renaming_a_step_sends_that_step_and_only_the_geometry_that_moved() {
    let mut doc = copd();
    let v = doc.variants[1].id;
    let view = View {
        variant: Some(v),
        drawing: true,
        flow: None,
    };
    let mut viewer = Viewer::default();
    let shown = viewer.show(&doc, view).unwrap();
    let before = shown.layout.clone().unwrap();
    let mut step = doc.variant(v).unwrap().steps_sorted()[3].clone();
    step.label = "Et nytt og mye lengre navn på steget enn det hadde".into();
    let u = edit(
        &mut doc,
        &mut viewer,
        Edit::UpdateStep {
            variant: v,
            step: step.clone(),
        },
        view,
    );
    assert_eq!(
        u.seq,
        shown.seq + 1,
        "each message is numbered after the one before"
    );
    assert_eq!(
        u.changed,
        vec![Changed::Step {
            variant: v,
            id: step.id
        }]
    );
    assert_eq!(
        u.values,
        vec![Value::Step {
            variant: v,
            id: step.id,
            step: Some(step.clone())
        }]
    );
    assert_eq!(u.variant, Some(v));
    let delta = u.layout.expect("a longer label moves something");
    assert!(!delta.whole);
    assert!(delta.steps.iter().any(|b| b.id == step.id));
    assert!(
        delta.steps.len() < before.steps.len(),
        "not every step is sent again: {} of {}",
        delta.steps.len(),
        before.steps.len()
    );
    // the delta applied to what the window had is the layout itself
    assert_eq!(
        delta.apply(Some(&before)),
        crate::layout::layout(&doc, v).unwrap()
    );
}

#[test]
fn an_edit_that_changes_nothing_drawn_or_found_sends_neither() {
    let mut doc = copd();
    let view = View {
        variant: None,
        drawing: false,
        flow: None,
    };
    let mut viewer = Viewer::default();
    viewer.show(&doc, view).unwrap();
    let mut metadata = doc.metadata.clone();
    metadata.version = "v9".into();
    let u = edit(&mut doc, &mut viewer, Edit::SetMetadata { metadata }, view);
    assert_eq!(u.changed, vec![Changed::Metadata]);
    assert!(matches!(&u.values[..], [Value::Metadata { metadata }] if metadata.version == "v9"));
    assert_eq!(u.findings, None);
    assert_eq!(u.layout, None);
}

#[test]
fn a_removed_step_is_said_to_be_gone_with_its_transitions_and_undo_brings_it_back() {
    let mut doc = copd();
    let v = doc.variants[0].id;
    let view = View {
        variant: Some(v),
        drawing: true,
        flow: None,
    };
    let mut viewer = Viewer::default();
    let before = viewer.show(&doc, view).unwrap().layout.unwrap();
    let step = doc.variant(v).unwrap().steps_sorted()[2].clone();
    let links: Vec<TransitionId> = doc
        .variant(v)
        .unwrap()
        .transitions()
        .filter(|t| t.from == step.id || t.to == step.id)
        .map(|t| t.id)
        .collect();
    assert!(!links.is_empty());
    let removal = Edit::RemoveStep {
        variant: v,
        id: step.id,
    };
    let inverse = apply(&mut doc, removal.clone()).unwrap();
    let u = viewer
        .update(&doc, Changed::of_applied(&removal, &inverse), view)
        .unwrap();
    assert!(u.values.contains(&Value::Step {
        variant: v,
        id: step.id,
        step: None
    }));
    for t in &links {
        assert!(
            u.values.contains(&Value::Transition {
                variant: v,
                id: *t,
                transition: None
            }),
            "transition {t} gone"
        );
    }
    let delta = u.layout.unwrap();
    assert!(delta.removed_steps.contains(&step.id));
    assert!(links.iter().all(|t| delta.removed_edges.contains(t)));
    let after = delta.apply(Some(&before));
    assert_eq!(after, crate::layout::layout(&doc, v).unwrap());

    // undo: the inverse applied, and the step is back with its value
    let again = apply(&mut doc, inverse.clone()).unwrap();
    let u = viewer
        .update(&doc, Changed::of_applied(&inverse, &again), view)
        .unwrap();
    assert!(u.values.contains(&Value::Step {
        variant: v,
        id: step.id,
        step: Some(step.clone())
    }));
    assert_eq!(u.layout.unwrap().apply(Some(&after)), before);
}

#[test]
fn the_findings_come_when_they_change_and_in_full_when_the_view_asks_for_all() {
    let mut doc = copd();
    let v = doc.variants[0].id;
    let quiet = View {
        variant: Some(v),
        drawing: true,
        flow: None,
    };
    let mut viewer = Viewer::default();
    let shown = viewer.show(&doc, quiet).unwrap();
    // a step with no phase and no actor is a new finding
    let loose = Step::new(StepKind::Activity, "Løst steg", None, None);
    let u = edit(
        &mut doc,
        &mut viewer,
        Edit::AddStep {
            variant: v,
            step: loose.clone(),
        },
        quiet,
    );
    let findings = u.findings.expect("the loose step is found");
    assert!(findings.len() > shown.findings.len());
    assert!(findings.iter().any(|f| f
        .elements
        .iter()
        .any(|e| matches!(e, ElementRef::Step { id, .. } if *id == loose.id))));
    // a new description changes no finding, so none are sent
    let mut described = loose.clone();
    described.description = "Ingen fase ennå".into();
    let u = edit(
        &mut doc,
        &mut viewer,
        Edit::UpdateStep {
            variant: v,
            step: described.clone(),
        },
        quiet,
    );
    assert_eq!(u.findings, None);
    // the same edit seen by a window that checks everything: the unfinished pathway's errors
    // are errors now, so the whole list comes
    described.description = "Fortsatt ingen fase".into();
    let u = edit(
        &mut doc,
        &mut viewer,
        Edit::UpdateStep {
            variant: v,
            step: described,
        },
        View {
            drawing: false,
            ..quiet
        },
    );
    assert_eq!(u.findings, Some(crate::rules::validate(&doc)));
}

#[test]
fn another_variant_or_a_removed_one_gets_the_whole_layout() {
    let mut doc = copd();
    let (first, second) = (doc.variants[0].id, doc.variants[1].id);
    let mut viewer = Viewer::default();
    viewer
        .show(
            &doc,
            View {
                variant: Some(second),
                drawing: true,
                flow: None,
            },
        )
        .unwrap();
    let removal = Edit::RemoveVariant { id: second };
    let inverse = apply(&mut doc, removal.clone()).unwrap();
    let u = viewer
        .update(
            &doc,
            Changed::of_applied(&removal, &inverse),
            View {
                variant: Some(second),
                drawing: true,
                flow: None,
            },
        )
        .unwrap();
    assert!(u.values.contains(&Value::Variant {
        variant: second,
        index: 0,
        data: None
    }));
    assert_eq!(u.variant, Some(first));
    let delta = u.layout.unwrap();
    assert!(delta.whole);
    assert_eq!(
        delta.apply(None),
        crate::layout::layout(&doc, first).unwrap()
    );
    // undone, the variant comes back whole at its place
    apply(&mut doc, inverse.clone()).unwrap();
    let u = viewer
        .update(
            &doc,
            inverse.changed().into_iter().collect(),
            View {
                variant: Some(second),
                drawing: true,
                flow: None,
            },
        )
        .unwrap();
    assert!(
        matches!(&u.values[..], [Value::Variant { variant, index: 1, data: Some(d) }] if *variant == second && d.steps.len() == doc.variants[1].step_count())
    );
    assert!(u.layout.unwrap().whole);
}

/// The labels a user might give a step in place of `label`: a letter changed (most often the
/// same size), a word added, nothing, a long sentence, the same in capitals.
fn renames(label: &str) -> Vec<String> {
    let mut typo: Vec<char> = label.chars().collect();
    if let Some(c) = typo.last_mut() {
        *c = if *c == 'e' { 'a' } else { 'e' };
    }
    vec![
        typo.into_iter().collect(),
        format!("{label} nå"),
        String::new(),
        format!("{label} og deretter en lang forklaring som bryter over flere linjer i boksen"),
        label.to_uppercase(),
        label.to_string(),
    ]
}

/// Renames every `stride`th step of variant `v` in every way of [`renames`], checking after
/// each that the window's copy patched with the update, and the viewer's own, is the layout.
fn renames_keep_the_layout_exact(mut doc: Document, v: VariantId, stride: usize) -> usize {
    let view = View {
        variant: Some(v),
        drawing: true,
        flow: None,
    };
    let mut viewer = Viewer::default();
    let mut window = viewer.show(&doc, view).unwrap().layout.unwrap();
    let mut lines_only = 0;
    let steps = doc
        .variant(v)
        .unwrap()
        .steps_sorted()
        .into_iter()
        .cloned()
        .collect::<Vec<_>>();
    for step in steps.iter().step_by(stride) {
        for label in renames(&step.label) {
            let mut renamed = doc.variant(v).unwrap().step(step.id).unwrap().clone();
            renamed.label = label.clone();
            let u = edit(
                &mut doc,
                &mut viewer,
                Edit::UpdateStep {
                    variant: v,
                    step: renamed,
                },
                view,
            );
            let full = crate::layout::layout(&doc, v).unwrap();
            if let Some(delta) = u.layout {
                lines_only += usize::from(
                    delta.steps.len() == 1 && delta.edges.is_empty() && delta.needs.is_empty(),
                );
                window = delta.apply(Some(&window));
            }
            assert_eq!(
                window, full,
                "the window's layout after renaming {} to {label:?}",
                step.id
            );
            assert_eq!(
                viewer.layout.as_ref(),
                Some(&full),
                "the viewer's layout after renaming {} to {label:?}",
                step.id
            );
        }
    }
    lines_only
}

#[test]
fn renames_of_every_kind_of_step_leave_the_window_with_the_exact_layout() {
    let doc = copd();
    for v in doc.variants.iter().map(|v| v.id) {
        let lines_only = renames_keep_the_layout_exact(doc.clone(), v, 1);
        assert!(lines_only > 0, "some renames only change the lines");
    }
    let big = crate::sample::generate(300);
    let v = big.variants[0].id;
    renames_keep_the_layout_exact(big, v, 13);
}

#[test]
fn a_rename_that_keeps_the_boxes_is_patched_in_place_and_a_move_is_not() {
    let mut doc = copd();
    let v = doc.variants[0].id;
    let mut l = crate::layout::layout(&doc, v).unwrap();
    let step = doc
        .variant(v)
        .unwrap()
        .steps_sorted()
        .into_iter()
        .find(|s| s.kind == StepKind::Activity && s.position.is_none())
        .unwrap()
        .clone();
    let at = l.steps.iter().position(|b| b.id == step.id).unwrap();
    // the same letters in another order measure the same
    let mut renamed = step.clone();
    renamed.label = step.label.chars().rev().collect();
    apply(
        &mut doc,
        Edit::UpdateStep {
            variant: v,
            step: renamed.clone(),
        },
    )
    .unwrap();
    assert_eq!(relabel(&mut l, &doc, &[step.id]), Some(vec![at]));
    assert_eq!(l, crate::layout::layout(&doc, v).unwrap());
    // renaming to the same label again changes no line
    assert_eq!(relabel(&mut l, &doc, &[step.id]), Some(vec![]));
    // a participant added to a joint step is patched too: its disc on the shape
    let other = doc.actors.iter().find(|a| Some(a.id) != step.actor).unwrap().id;
    let joint = Step { participants: vec![other], ..renamed.clone() };
    apply(&mut doc, Edit::UpdateStep { variant: v, step: joint }).unwrap();
    assert_eq!(relabel(&mut l, &doc, &[step.id]), Some(vec![at]));
    assert_eq!(l.steps[at].participants.len(), 1);
    assert_eq!(l, crate::layout::layout(&doc, v).unwrap());
    apply(&mut doc, Edit::UpdateStep { variant: v, step: renamed.clone() }).unwrap();
    assert_eq!(relabel(&mut l, &doc, &[step.id]), Some(vec![at]));
    assert!(l.steps[at].participants.is_empty());
    // in another lane it needs a new layout, and the layout it had is left as it was
    let other = doc
        .actors
        .iter()
        .find(|a| Some(a.id) != step.actor)
        .unwrap()
        .id;
    let mut moved = renamed.clone();
    moved.actor = Some(other);
    apply(
        &mut doc,
        Edit::UpdateStep {
            variant: v,
            step: moved,
        },
    )
    .unwrap();
    let kept = l.clone();
    assert_eq!(relabel(&mut l, &doc, &[step.id]), None);
    assert_eq!(l, kept);
    // a pinned step that was moved, too
    let mut pinned = renamed;
    pinned.position = Some(crate::model::Position {
        x: 12345.0,
        y: 10.0,
    });
    apply(
        &mut doc,
        Edit::UpdateStep {
            variant: v,
            step: pinned,
        },
    )
    .unwrap();
    assert_eq!(relabel(&mut l, &doc, &[step.id]), None);
}

#[test]
fn a_step_moved_to_another_lane_or_a_comment_gets_what_the_window_needs() {
    let mut doc = copd();
    let v = doc.variants[1].id;
    let view = View {
        variant: Some(v),
        drawing: true,
        flow: None,
    };
    let mut viewer = Viewer::default();
    let before = viewer.show(&doc, view).unwrap().layout.unwrap();
    let step = doc.variant(v).unwrap().steps_sorted()[4].clone();
    let mut moved = step.clone();
    moved.actor = doc
        .actors
        .iter()
        .map(|a| a.id)
        .find(|a| Some(*a) != step.actor);
    let u = edit(
        &mut doc,
        &mut viewer,
        Edit::UpdateStep {
            variant: v,
            step: moved,
        },
        view,
    );
    let after = u
        .layout
        .expect("the step is in another lane")
        .apply(Some(&before));
    assert_eq!(after, crate::layout::layout(&doc, v).unwrap());
    assert_ne!(
        after.steps.iter().find(|b| b.id == step.id).unwrap().lane,
        before.steps.iter().find(|b| b.id == step.id).unwrap().lane
    );
    // a comment on it draws nothing new and finds nothing new
    let c = crate::review::comment(
        &doc,
        ElementRef::Step {
            variant: v,
            id: step.id,
        },
        "Kari",
        "Riktig lane?",
    )
    .unwrap();
    let u = edit(&mut doc, &mut viewer, c, view);
    assert_eq!(u.layout, None);
    assert_eq!(viewer.layout.as_ref(), Some(&after));
}

/// A sub-pathway's own flow is shown on its own: steps added there are drawn there, the main
/// flow's steps are not, and when the sub-pathway goes the window is back on the main flow.
#[test]
fn a_nested_flow_is_shown_and_edited_on_its_own() {
    let mut doc = copd();
    let v = doc.variants[0].id;
    let lane = doc.actors[0].id;
    let sub = Step::new(StepKind::SubPathway, "Opplæring", Some(lane), Some(doc.phases[0].id));
    let sub_id = sub.id;
    apply(&mut doc, Edit::AddStep { variant: v, step: sub }).unwrap();
    let main = View { variant: Some(v), drawing: true, flow: None };
    let inside = View { flow: Some(sub_id), ..main };
    let mut viewer = Viewer::default();
    let shown = viewer.show(&doc, inside).unwrap();
    assert_eq!(shown.flow, Some(sub_id));
    assert!(shown.layout.as_ref().unwrap().steps.is_empty(), "a new sub-pathway's flow is empty");

    let mut inner = Step::new(StepKind::Start, "Start", Some(lane), Some(doc.phases[0].id));
    inner.within = Some(sub_id);
    let inner_id = inner.id;
    let u = edit(&mut doc, &mut viewer, Edit::AddStep { variant: v, step: inner }, inside);
    assert_eq!(u.flow, Some(sub_id));
    let after = u.layout.expect("the new step is drawn").apply(shown.layout.as_ref());
    assert_eq!(after.steps.iter().map(|b| b.id).collect::<Vec<_>>(), vec![inner_id]);
    assert_eq!(after, layout_with(&doc, v, &LayoutOptions { flow: Some(sub_id), ..Default::default() }).unwrap());

    // back on the main flow: the nested step is not among its steps
    let shown = viewer.show(&doc, main).unwrap();
    let steps = &shown.layout.unwrap().steps;
    assert!(steps.iter().any(|b| b.id == sub_id) && !steps.iter().any(|b| b.id == inner_id));

    // removing the sub-pathway while its flow is shown brings the window back to the main flow
    viewer.show(&doc, inside).unwrap();
    let u = edit(&mut doc, &mut viewer, Edit::RemoveStep { variant: v, id: sub_id }, inside);
    assert_eq!(u.flow, None);
    assert!(u.values.iter().any(|val| matches!(val, Value::Step { id, step: None, .. } if *id == inner_id)), "the nested step is gone too");
}
