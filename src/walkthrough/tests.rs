use super::*;
use crate::edit::{apply, Edit};

fn copd() -> Document {
    crate::template::load("copd").unwrap()
}

fn labels(w: &Walk) -> Vec<&str> {
    w.steps.iter().map(|s| s.label.as_str()).collect()
}

fn count(w: &Walk, label: &str) -> usize {
    w.steps.iter().filter(|s| s.label == label).count()
}

const MEASURE: &str = "Måler SpO2, puls, blodtrykk og vekt og svarer på symptomskjema";
const LIGHT: &str = "Trafikklys: grønn, gul eller rød?";

#[test]
fn the_default_walk_through_copd_goes_round_the_follow_up_loop_once() {
    let doc = copd();
    for v in &doc.variants {
        let w = walk(&doc, v.id, &WalkOptions::default()).unwrap();
        assert!(w.complete, "{:?}", labels(&w));
        assert_eq!(w.loops, 1);
        assert_eq!(w.steps[0].label, "Pasient med KOLS og behov for tett oppfølging");
        assert_eq!(w.steps.last().unwrap().kind, StepKind::End);
        assert_eq!(count(&w, MEASURE), 2, "{:?}", labels(&w));
        assert!(w.steps.iter().enumerate().all(|(i, s)| s.number as usize == i + 1));
        // deterministic
        assert_eq!(walk(&doc, v.id, &WalkOptions::default()).unwrap(), w);
    }
}

#[test]
fn loops_are_taken_as_often_as_asked() {
    let doc = copd();
    let v = doc.variants[1].id;
    for n in [0u32, 1, 3] {
        let w = walk(&doc, v, &WalkOptions { loops: n, ..Default::default() }).unwrap();
        assert!(w.complete);
        assert_eq!(w.loops, n);
        assert_eq!(count(&w, MEASURE), n as usize + 1, "loops {n}: {:?}", labels(&w));
    }
}

#[test]
fn choosing_the_red_light_leads_through_deterioration_and_back() {
    let doc = copd();
    let v = &doc.variants[1];
    let red = find_branch(v, LIGHT, "rød").unwrap();
    let green = find_branch(v, "trafikklys: grønn, gul eller rød?", "GRØNN").unwrap();
    assert_ne!(red, green);
    // the first time round red, then green
    let w = walk(&doc, v.id, &WalkOptions { choices: vec![red, green], loops: 1, start: None }).unwrap();
    assert!(w.complete);
    let lights: Vec<&WalkStep> = w.steps.iter().filter(|s| s.label == LIGHT).collect();
    assert_eq!(lights.len(), 2);
    assert_eq!(lights[0].branches.iter().find(|b| b.taken).unwrap().label, "rød");
    assert_eq!(lights[1].branches.iter().find(|b| b.taken).unwrap().label, "grønn");
    assert_eq!(lights[0].branches.len(), 3);
    assert!(labels(&w).contains(&"Ser måleserier og trend i nasjonal målingstjeneste"));
    let t = table(&w, Lang::Nb);
    assert!(t.rows.iter().any(|r| r.step == format!("{LIGHT} → rød")));
    // a branch label that names the target step also works
    assert_eq!(find_branch(v, LIGHT, "Varsler fastlege og lungepoliklinikk om forverring"), Some(red));
    assert_eq!(find_branch(v, LIGHT, "blå"), None);
}

#[test]
fn received_and_flagged_needs_differ_between_now_and_desired() {
    let doc = copd();
    let nurse = doc.actors.iter().find(|a| a.name.starts_with("Oppfølgingstjeneste")).unwrap().id;
    let at = |v: usize| {
        let w = walk(&doc, doc.variants[v].id, &WalkOptions::default()).unwrap();
        w.steps.into_iter().find(|s| s.label == "Vurderer målinger og symptomsvar").unwrap()
    };
    let now = at(0);
    let got: Vec<String> = now.received.iter().find(|r| r.actor == nurse).unwrap().info_types.iter().map(|t| t.name.clone()).collect();
    assert!(got.iter().any(|n| n.starts_with("Målinger")), "{got:?}");
    let f = now.flagged.iter().find(|f| f.title == "Målinger, symptomsvar og varsel til oppfølgingsansvarlig").unwrap();
    assert!(f.manual && f.unmet);
    let want = at(1);
    assert!(want.flagged.iter().all(|f| f.title != "Målinger, symptomsvar og varsel til oppfølgingsansvarlig"));
    // every actor is listed, in lane order
    assert_eq!(want.received.iter().map(|r| r.actor).collect::<Vec<_>>(), doc.actors.iter().map(|a| a.id).collect::<Vec<_>>());
}

/// start (A) → work (B) → check (B, decision) → back to work / end (B), with a manual need
/// into B at work and an unmet one at check.
fn small() -> (Document, VariantId, [StepId; 4], [TransitionId; 2]) {
    let mut doc = Document::new("Liten");
    let (a, b, v) = (ActorId::new(), ActorId::new(), VariantId::new());
    let mut e = vec![
        Edit::AddActor { actor: Actor { id: a, name: "A".into(), kind: ActorKind::Patient, organisation: String::new(), colour: None, order: 0 } },
        Edit::AddActor { actor: Actor { id: b, name: "B".into(), kind: ActorKind::Gp, organisation: String::new(), colour: None, order: 1 } },
        Edit::AddVariant { variant: Box::new(VariantData::empty(v, "V", VariantKind::Current)), index: None },
    ];
    let s = [
        Step::new(StepKind::Start, "start", Some(a), None),
        Step::new(StepKind::Activity, "work", Some(b), None),
        Step::new(StepKind::Decision, "check", Some(b), None),
        Step::new(StepKind::End, "end", Some(b), None),
    ];
    let ids = [s[0].id, s[1].id, s[2].id, s[3].id];
    for step in s {
        e.push(Edit::AddStep { variant: v, step });
    }
    let again = Transition::new(ids[2], ids[1], "again"); // a normal-kind back edge
    let done = Transition::new(ids[2], ids[3], "done");
    let tids = [again.id, done.id];
    for t in [Transition::new(ids[0], ids[1], ""), Transition::new(ids[1], ids[2], ""), again, done] {
        e.push(Edit::AddTransition { variant: v, transition: t });
    }
    let mut n1 = DataNeed::new("Målinger", vec![ids[1]], Party::pair(Some(a), Some(b)));
    n1.info_types = vec![doc.info_types[0].id];
    n1.form = InteractionForm::Manual;
    n1.status = NeedStatus::Met;
    let mut n2 = DataNeed::new("Plan", vec![ids[2]], Party::pair(Some(a), Some(b)));
    n2.info_types = vec![doc.info_types[1].id];
    n2.form = InteractionForm::LookUp;
    n2.status = NeedStatus::Unmet;
    e.push(Edit::AddNeed { variant: v, need: n1 });
    e.push(Edit::AddNeed { variant: v, need: n2 });
    apply(&mut doc, Edit::batch("small", e)).unwrap();
    (doc, v, ids, tids)
}

#[test]
fn a_back_edge_counts_as_a_loop_and_the_walk_always_leaves_it() {
    let (doc, v, _, [again, done]) = small();
    let w = walk(&doc, v, &WalkOptions { loops: 2, ..Default::default() }).unwrap();
    assert_eq!(labels(&w), vec!["start", "work", "check", "work", "check", "work", "check", "end"]);
    assert_eq!(w.steps[3].round, 1);
    // asking for "again" every time still ends when the rounds are spent
    let w = walk(&doc, v, &WalkOptions { loops: 1, choices: vec![again], start: None }).unwrap();
    assert_eq!(labels(&w), vec!["start", "work", "check", "work", "check", "end"]);
    // asking to finish at once overrides the wish to loop
    let w = walk(&doc, v, &WalkOptions { loops: 5, choices: vec![done], start: None }).unwrap();
    assert_eq!(labels(&w), vec!["start", "work", "check", "end"]);
    assert_eq!(w.loops, 0);
}

#[test]
fn received_accumulates_and_unmet_needs_deliver_nothing() {
    let (doc, v, _, _) = small();
    let w = walk(&doc, v, &WalkOptions { loops: 0, ..Default::default() }).unwrap();
    let b_got = |s: &WalkStep| s.received[1].info_types.iter().map(|t| t.name.clone()).collect::<Vec<_>>();
    assert!(b_got(&w.steps[0]).is_empty());
    assert_eq!(b_got(&w.steps[1]), vec![doc.info_types[0].name.clone()]);
    assert_eq!(b_got(&w.steps[2]), vec![doc.info_types[0].name.clone()], "the unmet plan is not received");
    assert!(w.steps[0].received[0].info_types.is_empty());
    let flags: Vec<(&str, bool, bool)> = w.steps.iter().flat_map(|s| s.flagged.iter().map(|f| (f.title.as_str(), f.manual, f.unmet))).collect();
    assert_eq!(flags, vec![("Målinger", true, false), ("Plan", false, true)]);
    let md = markdown(&w, Lang::Nb);
    assert!(md.starts_with("| Nr. | Aktør | Steg | Mottatt så langt | Ikke dekket / manuelt |"), "{md}");
    assert!(md.contains(&format!("| 2 | B | work | {} | Målinger (Manuell, dekket) |", crate::mdtext::cell(&doc.info_types[0].name))), "{md}");
    assert!(md.contains("| 3 | B | check → done |"), "{md}");
    let en = text(&w, Lang::En);
    assert!(en.contains("Unmet / manual: Plan (Look-up, unmet)"), "{en}");
}

#[test]
fn a_dead_end_stops_the_walk_and_says_so() {
    let (mut doc, v, ids, _) = small();
    apply(&mut doc, Edit::RemoveStep { variant: v, id: ids[3] }).unwrap();
    let w = walk(&doc, v, &WalkOptions::default()).unwrap();
    assert!(!w.complete);
    assert!(w.steps.len() < 20);
    assert!(markdown(&w, Lang::Nb).contains("Gjennomgangen stopper før en slutt"));
    let none = Document::new("Tom");
    assert!(walk(&none, VariantId::new(), &WalkOptions::default()).is_err());
    assert!(walk(&doc, v, &WalkOptions { start: Some(StepId::new()), ..Default::default() }).is_err());
}

#[test]
fn scenarios_take_every_outcome_of_every_decision_in_the_copd_pathway() {
    let doc = crate::template::load("copd").unwrap();
    for v in &doc.variants {
        let all = super::scenarios(&doc, v.id).unwrap();
        assert!(all.len() >= 3, "{}: {} scenarios", v.name, all.len());
        assert!(all[0].forced.is_none() && all[1..].iter().all(|s| s.forced.is_some()));
        let taken: std::collections::HashSet<TransitionId> = all.iter().flat_map(|s| s.walk.steps.iter().filter_map(|st| st.via)).collect();
        for t in v.transitions() {
            if v.outgoing(t.from).count() > 1 {
                assert!(taken.contains(&t.id), "{}: the way '{}' from '{}' is never walked", v.name, t.label, v.step(t.from).unwrap().label);
            }
        }
        assert!(all.iter().all(|s| s.walk.complete));
        // the deterioration branch, where the hospital's needs are, is walked
        let hospital = doc.actors.iter().find(|a| a.name.starts_with("Sykehus")).unwrap().id;
        assert!(all.iter().any(|s| s.walk.steps.iter().any(|st| st.actor == Some(hospital))), "{}", v.name);
    }
}

/// The heart-failure titration is walked into: its own steps follow the sub-pathway step one
/// level deeper, the blood tests' results reach the hospital inside it, and the walk goes on
/// in the main flow after it. A scenario takes the other branch inside.
#[test]
fn a_walk_goes_into_a_sub_pathways_own_flow_and_back_out() {
    let doc = crate::template::load("heart-failure").unwrap();
    let v = &doc.variants[0];
    let w = walk(&doc, v.id, &WalkOptions::default()).unwrap();
    assert!(w.complete, "{:?}", labels(&w));
    let at = |label: &str| w.steps.iter().position(|s| s.label == label).unwrap_or_else(|| panic!("{label} in {:?}", labels(&w)));
    let sub = at("Opptitrering av hjertesviktmedisiner");
    assert_eq!(w.steps[sub + 1].label, "Kontroll i opptitreringen");
    assert_eq!(w.steps[sub + 1].depth, 1);
    assert_eq!(w.steps[sub].depth, 0);
    let tests = at("Tar blodprøver (kreatinin, kalium, NT-proBNP)");
    let inner_end = w.steps[sub + 1..].iter().position(|s| s.kind == StepKind::End && s.depth == 1).map(|i| i + sub + 1).expect("the inner flow ends");
    assert!(tests > sub && tests < inner_end);
    assert_eq!(w.steps[inner_end + 1].depth, 0, "back in the main flow after the sub-pathway's end");
    assert_eq!(w.steps[inner_end + 1].label, "Veier seg og svarer på symptomskjema");
    // the hospital has the blood test results once the doses are adjusted
    let hosp = doc.actors.iter().find(|a| a.name == "Hjertesviktpoliklinikken").unwrap().id;
    let adjust = &w.steps[at("Justerer dosene etter blodprøvene")];
    assert!(adjust.received.iter().find(|r| r.actor == hosp).unwrap().info_types.iter().any(|t| t.name == "Målinger"));
    // the table marks the steps inside
    let t = table(&w, Lang::Nb);
    assert!(t.rows[sub + 1].step.starts_with("↳ "), "{}", t.rows[sub + 1].step);
    // every outcome, the inner decision's too, is walked by some scenario
    let all = scenarios(&doc, v.id).unwrap();
    let reached = |label: &str| all.iter().any(|sc| sc.walk.steps.iter().any(|s| s.label == label));
    assert!(reached("Måldose nådd") && reached("Ny dose pakket; ny kontroll om to uker"));
}
