use super::*;
use crate::edit::{apply, Edit};

/// A document with two actors, two phases and a variant "Nå" (start → måle → vurdere → slutt,
/// one need), copied to "Ønsket" with every element id kept.
struct Two {
    doc: Document,
    now: VariantId,
    want: VariantId,
    start: StepId,
    measure: StepId,
    assess: StepId,
    end: StepId,
    t_measure: TransitionId,
    need: NeedId,
}

fn two() -> Two {
    let mut doc = Document::new("Prøve");
    let (pat, nurse, p1, now) = (ActorId::new(), ActorId::new(), PhaseId::new(), VariantId::new());
    let mut e = vec![
        Edit::AddActor { actor: Actor { id: pat, name: "Pasient".into(), kind: ActorKind::Patient, organisation: String::new(), colour: None, order: 0 } },
        Edit::AddActor { actor: Actor { id: nurse, name: "Sykepleier".into(), kind: ActorKind::Municipal, organisation: String::new(), colour: None, order: 1 } },
        Edit::AddPhase { phase: Phase { id: p1, name: "Oppfølging".into(), description: String::new(), order: 0 } },
        Edit::AddVariant { variant: Box::new(VariantData::empty(now, "Nå", VariantKind::Current)), index: None },
    ];
    let start = Step::new(StepKind::Start, "Start", Some(pat), Some(p1));
    let measure = Step::new(StepKind::Activity, "Måle", Some(pat), Some(p1));
    let assess = Step::new(StepKind::Activity, "Vurdere", Some(nurse), Some(p1));
    let end = Step::new(StepKind::End, "Slutt", Some(nurse), Some(p1));
    let ids = (start.id, measure.id, assess.id, end.id);
    for step in [start, measure, assess, end] {
        e.push(Edit::AddStep { variant: now, step });
    }
    let t1 = Transition::new(ids.0, ids.1, "");
    let t2 = Transition::new(ids.1, ids.2, "");
    let t3 = Transition::new(ids.2, ids.3, "");
    let t_measure = t2.id;
    for transition in [t1, t2, t3] {
        e.push(Edit::AddTransition { variant: now, transition });
    }
    let mut need = DataNeed::new("Målinger", vec![ids.1, ids.2], Party::pair(Some(pat), Some(nurse)));
    need.form = InteractionForm::Manual;
    let need_id = need.id;
    e.push(Edit::AddNeed { variant: now, need });
    let want = VariantId::new();
    e.push(Edit::CopyVariant { source: now, id: want, name: "Ønsket".into(), kind: VariantKind::Desired });
    apply(&mut doc, Edit::batch("build", e)).unwrap();
    Two { doc, now, want, start: ids.0, measure: ids.1, assess: ids.2, end: ids.3, t_measure, need: need_id }
}

impl Two {
    fn diff(&self) -> Diff {
        diff_variants(Side::of(&self.doc, self.now).unwrap(), Side::of(&self.doc, self.want).unwrap(), Lang::Nb)
    }
    fn edit(&mut self, e: Edit) {
        apply(&mut self.doc, e).unwrap();
    }
    fn step(&self, id: StepId) -> Step {
        self.doc.variant(self.want).unwrap().step(id).unwrap().clone()
    }
}

fn only(d: &Diff) -> &DiffEntry {
    assert_eq!(d.entries.len(), 1, "{:#?}", d.entries);
    &d.entries[0]
}

#[test]
fn a_copied_variant_is_equal() {
    let t = two();
    let d = t.diff();
    assert!(d.is_empty(), "{:#?}", d.entries);
    assert_eq!(d.source.variant_name, "Nå");
    assert!(text(&d).contains("Ingen forskjeller"));
}

#[test]
fn added_and_removed_steps_and_their_transitions() {
    let mut t = two();
    let extra = Step::new(StepKind::Activity, "Ser trend", t.step(t.assess).actor, t.step(t.assess).phase);
    let extra_id = extra.id;
    t.edit(Edit::AddStep { variant: t.want, step: extra });
    t.edit(Edit::RemoveStep { variant: t.want, id: t.start });
    let d = t.diff();
    let added: Vec<_> = d.entries.iter().filter(|e| e.change == ChangeKind::Added).collect();
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].element, ElementRef::Step { variant: t.want, id: extra_id });
    let removed: Vec<_> = d.entries.iter().filter(|e| e.change == ChangeKind::Removed).map(|e| (e.kind, e.label.as_str())).collect();
    // the removed step, and its transition, named by its ends; the removed element is named in the source
    assert_eq!(removed, vec![(ElementKind::Step, "Start"), (ElementKind::Transition, "Start → Måle")]);
    let rm = d.entries.iter().find(|e| e.kind == ElementKind::Step && e.change == ChangeKind::Removed).unwrap();
    assert_eq!(rm.element, ElementRef::Step { variant: t.now, id: t.start });
    let c = d.counts();
    assert_eq!(c.iter().find(|c| c.kind == ElementKind::Step).unwrap(), &DiffCount { kind: ElementKind::Step, added: 1, removed: 1, changed: 0 });
}

#[test]
fn renamed_is_a_change_and_replaced_is_removed_plus_added() {
    let mut t = two();
    let mut s = t.step(t.measure);
    s.label = "Måler SpO2".into();
    t.edit(Edit::UpdateStep { variant: t.want, step: s });
    let d = t.diff();
    let e = only(&d);
    assert_eq!((e.kind, e.change, e.renamed), (ElementKind::Step, ChangeKind::Changed, true));
    assert_eq!(e.before_label.as_deref(), Some("Måle"));
    assert_eq!(e.label, "Måler SpO2");
    assert_eq!(e.fields.len(), 1);
    assert_eq!((e.fields[0].field.as_str(), e.fields[0].before.as_str(), e.fields[0].after.as_str()), ("label", "Måle", "Måler SpO2"));
    assert_eq!(e.fields[0].after_value, serde_json::json!("Måler SpO2"));
    assert!(text(&d).contains("~ Måler SpO2  (tidligere «Måle»)"), "{}", text(&d));

    // the same label under a new id: replaced, not renamed
    let mut t = two();
    let old = t.step(t.end);
    t.edit(Edit::RemoveStep { variant: t.want, id: t.end });
    let new = Step::new(StepKind::End, "Slutt", old.actor, old.phase);
    t.edit(Edit::AddStep { variant: t.want, step: new });
    let d = t.diff();
    let steps: Vec<_> = d.entries.iter().filter(|e| e.kind == ElementKind::Step).map(|e| (e.change, e.label.as_str(), e.renamed)).collect();
    assert_eq!(steps, vec![(ChangeKind::Added, "Slutt", false), (ChangeKind::Removed, "Slutt", false)]);
}

#[test]
fn step_field_changes_show_names_and_kinds() {
    let mut t = two();
    let mut s = t.step(t.assess);
    let patient = t.doc.actors[0].id;
    s.kind = StepKind::Decision;
    s.actor = Some(patient);
    s.duration = Some("daglig".into());
    s.position = Some(Position { x: 10.0, y: 20.0 }); // not a change of the pathway
    t.edit(Edit::UpdateStep { variant: t.want, step: s });
    let d = t.diff();
    let e = only(&d);
    assert!(!e.renamed);
    let f: Vec<_> = e.fields.iter().map(|f| (f.field.as_str(), f.before.as_str(), f.after.as_str())).collect();
    assert_eq!(f, vec![("kind", "Aktivitet", "Beslutning"), ("actor", "Sykepleier", "Pasient"), ("duration", "(ingen)", "daglig")]);
    let en = diff_variants(Side::of(&t.doc, t.now).unwrap(), Side::of(&t.doc, t.want).unwrap(), Lang::En);
    assert_eq!(en.entries[0].fields[0].name, "Kind");
    assert_eq!(en.entries[0].fields[0].after, "Decision");
}

#[test]
fn transition_changes() {
    let mut t = two();
    let mut tr = t.doc.variant(t.want).unwrap().transition(t.t_measure).unwrap().clone();
    tr.kind = TransitionKind::Exception;
    tr.label = "rød".into();
    tr.to = t.end;
    t.edit(Edit::UpdateTransition { variant: t.want, transition: tr });
    let d = t.diff();
    let e = only(&d);
    assert_eq!(e.kind, ElementKind::Transition);
    assert_eq!(e.label, "Måle → Slutt (rød)");
    assert_eq!(e.before_label.as_deref(), Some("Måle → Vurdere"));
    let f: Vec<_> = e.fields.iter().map(|f| (f.field.as_str(), f.before.as_str(), f.after.as_str())).collect();
    assert_eq!(f, vec![("to", "Vurdere", "Slutt"), ("label", "", "rød"), ("kind", "Normal", "Unntak")]);
}

#[test]
fn need_changes_name_every_field() {
    let mut t = two();
    let mut n = t.doc.variant(t.want).unwrap().need(t.need).unwrap().clone();
    n.form = InteractionForm::LookUp;
    n.status = NeedStatus::Met;
    n.steps = vec![t.measure];
    n.info_types = vec![t.doc.info_types[0].id];
    n.priority = Some(Priority::High);
    t.edit(Edit::UpdateNeed { variant: t.want, need: n });
    let d = t.diff();
    let e = only(&d);
    assert_eq!((e.kind, e.label.as_str()), (ElementKind::Need, "Målinger"));
    let f: Vec<_> = e.fields.iter().map(|f| (f.field.as_str(), f.before.as_str(), f.after.as_str())).collect();
    let first_type = t.doc.info_types[0].name.clone();
    assert_eq!(f, vec![
        ("steps", "Måle, Vurdere", "Måle"),
        ("info_types", "(ingen)", first_type.as_str()),
        ("form", "Manuell", "Slå opp og tilgjengeliggjøre"),
        ("priority", "(ingen)", "Høy"),
        ("status", "Ukjent", "Dekket"),
    ]);
    // removing and adding needs
    t.edit(Edit::RemoveNeed { variant: t.want, id: t.need });
    t.edit(Edit::AddNeed { variant: t.want, need: DataNeed::new("Plan", vec![t.assess], Party::pair(None, None)) });
    let d = t.diff();
    let needs: Vec<_> = d.entries.iter().map(|e| (e.kind, e.change, e.label.as_str())).collect();
    assert_eq!(needs, vec![(ElementKind::Need, ChangeKind::Added, "Plan"), (ElementKind::Need, ChangeKind::Removed, "Målinger")]);
}

#[test]
fn actors_phases_and_info_types_between_two_documents() {
    let t = two();
    let mut other = t.doc.clone();
    other.id = DocumentId::new();
    other.metadata.title = "Prøve – kopi".into();
    // rename an actor, add a phase, change a catalogue code, remove a catalogue entry
    other.actors[1].name = "Oppfølgingsansvarlig".into();
    let phase = Phase { id: PhaseId::new(), name: "Evaluering".into(), description: String::new(), order: 1 };
    apply(&mut other, Edit::AddPhase { phase }).unwrap();
    other.info_types[0].codes = vec!["IT99".into()];
    let gone = other.info_types.pop().unwrap();
    let d = diff_variants(Side::of(&t.doc, t.want).unwrap(), Side::of(&other, t.want).unwrap(), Lang::Nb);
    let got: Vec<_> = d.entries.iter().map(|e| (e.kind, e.change, e.label.clone(), e.renamed)).collect();
    assert_eq!(got, vec![
        (ElementKind::Actor, ChangeKind::Changed, "Oppfølgingsansvarlig".to_string(), true),
        (ElementKind::Phase, ChangeKind::Added, "Evaluering".to_string(), false),
        (ElementKind::InfoType, ChangeKind::Removed, gone.name.clone(), false),
        (ElementKind::InfoType, ChangeKind::Changed, other.info_types[0].name.clone(), false),
    ]);
    let code = &d.entries[3].fields[0];
    assert_eq!((code.field.as_str(), code.after.as_str()), ("codes", "IT99"));
    // a step in the renamed lane is not itself changed: the actor id is the same
    assert!(d.entries.iter().all(|e| e.kind != ElementKind::Step));
    assert!(text(&d).contains("Fra: Prøve\n  Til: Prøve – kopi"), "{}", text(&d));
}

#[test]
fn moving_a_lane_changes_its_position_but_adding_one_moves_nothing() {
    let t = two();
    let mut other = t.doc.clone();
    apply(&mut other, Edit::AddActor { actor: Actor { id: ActorId::new(), name: "Fastlege".into(), kind: ActorKind::Gp, organisation: String::new(), colour: None, order: 0 } }).unwrap();
    let d = diff_variants(Side::of(&t.doc, t.want).unwrap(), Side::of(&other, t.want).unwrap(), Lang::Nb);
    assert_eq!(only(&d).change, ChangeKind::Added);
    let mut moved = t.doc.clone();
    let mut a = moved.actors[0].clone();
    a.order = 1;
    apply(&mut moved, Edit::UpdateActor { actor: a }).unwrap();
    let d = diff_variants(Side::of(&t.doc, t.want).unwrap(), Side::of(&moved, t.want).unwrap(), Lang::Nb);
    assert_eq!(d.entries.len(), 2);
    assert!(d.entries.iter().all(|e| e.fields.len() == 1 && e.fields[0].field == "order"));
}

#[test]
fn markdown_and_json_carry_every_entry_escaped() {
    let mut t = two();
    let mut s = t.step(t.measure);
    s.label = "Måle | <b>puls</b>".into();
    t.edit(Edit::UpdateStep { variant: t.want, step: s });
    let d = t.diff();
    let md = markdown(&d);
    assert!(md.contains("| ~ Endret | Måle \\| &lt;b>puls&lt;/b> (tidligere «Måle») | Tekst | Måle | Måle \\| &lt;b>puls&lt;/b> |"), "{md}");
    assert!(md.contains("| Steg | 0 | 0 | 1 |"), "{md}");
    let back: Diff = serde_json::from_str(&json(&d)).unwrap();
    assert_eq!(back, d);
}

#[test]
fn the_copd_template_from_now_to_desired() {
    let doc = crate::template::load("copd").unwrap();
    let d = diff_variants(Side::of(&doc, doc.variants[0].id).unwrap(), Side::of(&doc, doc.variants[1].id).unwrap(), Lang::Nb);
    let steps: Vec<_> = d.entries.iter().filter(|e| e.kind == ElementKind::Step).map(|e| (e.change, e.label.as_str())).collect();
    assert!(steps.contains(&(ChangeKind::Added, "Ser måleserier og trend i nasjonal målingstjeneste")), "{steps:?}");
    assert!(steps.contains(&(ChangeKind::Removed, "Fører målinger og vurdering manuelt inn i EPJ")), "{steps:?}");
    let alert = d.entries.iter().find(|e| e.label == "Automatisk varsel (trafikklys) til oppfølgingsansvarlig").unwrap();
    assert!(alert.renamed && alert.fields.iter().any(|f| f.field == "kind" && f.after == "Hendelse"));
    assert!(d.entries.iter().any(|e| e.kind == ElementKind::Need && e.fields.iter().any(|f| f.field == "form")));
    assert!(d.entries.iter().all(|e| !matches!(e.kind, ElementKind::Actor | ElementKind::Phase | ElementKind::InfoType)));
}

#[test]
fn current_to_desired_picks_the_variants_by_kind() {
    let doc = crate::template::load("copd").unwrap();
    let d = current_to_desired(&doc, Lang::En).unwrap();
    assert_eq!((d.source.variant_name.as_str(), d.target.variant_name.as_str()), ("Nå-situasjon", "Ønsket forløp"));
    assert!(!d.is_empty());
    let mut one = doc.clone();
    one.variants.truncate(1);
    assert!(current_to_desired(&one, Lang::Nb).is_none());
}

#[test]
fn the_default_pair_is_the_reports_current_to_desired_else_the_shown_variant_and_another() {
    let doc = crate::template::load("copd").unwrap();
    let (c, d) = current_and_desired(&doc).unwrap();
    assert_eq!(default_pair(&doc, None), Some(VariantPair { source: c.id, target: d.id }));
    // a second current variant before the one the desired was copied from: based_on wins
    let mut two = doc.clone();
    let mut other = two.variants[0].clone();
    other.id = VariantId::new();
    other.name = "Annen nå-situasjon".into();
    two.variants.insert(0, other);
    let (c2, _) = current_and_desired(&two).unwrap();
    assert_eq!(default_pair(&two, None).unwrap().source, c2.id);
    // no desired variant: the one shown against the first other
    let mut no_desired = doc.clone();
    no_desired.variants.retain(|v| v.kind != VariantKind::Desired);
    let shown = no_desired.variants[0].id;
    assert_eq!(default_pair(&no_desired, Some(shown)).map(|p| p.target), Some(shown));
    no_desired.variants.truncate(1);
    assert_eq!(default_pair(&no_desired, None), Some(VariantPair { source: shown, target: shown }));
    no_desired.variants.clear();
    assert_eq!(default_pair(&no_desired, None), None);
}
