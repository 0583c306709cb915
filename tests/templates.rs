//! The patient-group templates beside COPD (heart failure, type 2 diabetes, frail elderly
//! people with complex needs): each a current and
//! a desired variant sharing ids, realistic size, the target architecture's parties, roles,
//! joint steps and a sub-pathway, valid, and stored as canonical JSON.

use carepath::export::json::to_json;
use carepath::import::json::from_json;
use carepath::model::*;
use carepath::rules::{validate, Severity};
use carepath::template;
use std::collections::HashSet;

/// The templates this file pins (COPD has tests of its own).
const NEW: &[&str] = &["heart-failure", "diabetes-type-2", "frail-elderly"];

#[test]
fn each_template_is_listed_in_both_languages_and_stored_canonically() {
    for &name in NEW {
        let info = template::list().into_iter().find(|t| t.name == name).unwrap_or_else(|| panic!("{name} is not listed"));
        assert!(!info.title.is_empty() && !info.title_en.is_empty() && info.title != info.title_en, "{info:?}");
        let stored = template::json(name).unwrap();
        assert_eq!(to_json(&from_json(stored).unwrap()), stored, "{name}: the stored file is canonical JSON");
        let doc = template::load(name).unwrap();
        assert_eq!(doc.metadata.title, info.title);
    }
}

#[test]
fn each_template_has_a_current_and_a_desired_variant_of_realistic_size_sharing_ids() {
    for &name in NEW {
        let doc = template::load(name).unwrap();
        let kinds: Vec<VariantKind> = doc.variants.iter().map(|v| v.kind).collect();
        assert_eq!(kinds, [VariantKind::Current, VariantKind::Desired], "{name}");
        let (cur, des) = (&doc.variants[0], &doc.variants[1]);
        assert_eq!(des.based_on, Some(cur.id), "{name}");
        for v in [cur, des] {
            assert!(v.step_count() >= 25, "{name} / {}: {} steps", v.name, v.step_count());
            assert!(v.need_count() >= 12, "{name} / {}: {} needs", v.name, v.need_count());
        }
        let ids = |v: &Variant| v.steps().map(|s| s.id).collect::<HashSet<_>>();
        let shared = ids(cur).intersection(&ids(des)).count();
        assert!(shared >= cur.step_count() - 2, "{name}: the desired variant keeps the current one's step ids ({shared} shared)");
    }
}

#[test]
fn each_template_validates_without_errors_or_warnings() {
    for &name in NEW {
        let doc = template::load(name).unwrap();
        let bad: Vec<String> = validate(&doc)
            .into_iter()
            .filter(|f| f.severity != Severity::Info)
            .map(|f| format!("{}: {}", f.rule, f.message_en))
            .collect();
        assert!(bad.is_empty(), "{name}: {bad:#?}");
    }
}

#[test]
fn each_template_uses_parties_roles_joint_steps_and_a_sub_pathway() {
    for &name in NEW {
        let doc = template::load(name).unwrap();
        let des = &doc.variants[1];
        assert!(des.needs().any(|n| n.consumers().count() >= 3), "{name}: a need with several consumers");
        assert!(des.needs().any(|n| n.processors().next().is_some()), "{name}: a processor (the hub) between source and consumers");
        assert!(des.needs().any(|n| n.form == InteractionForm::SharedEditing && n.sources().count() >= 3), "{name}: a shared source with several editors");
        let processor = des.needs().flat_map(|n| n.processors()).next().unwrap();
        assert_eq!(doc.actor(processor).map(|a| a.kind), Some(ActorKind::System), "{name}: the processor is a system");
        assert!(des.steps().any(|s| s.actor == Some(processor)), "{name}: the hub has a step where data passes through it");
        for v in &doc.variants {
            assert!(v.steps().any(|s| !s.participants.is_empty()), "{name} / {}: a joint step", v.name);
            assert!(v.steps().any(|s| s.kind == StepKind::SubPathway), "{name} / {}: a sub-pathway", v.name);
            let nested = v.nested_flows();
            assert!(!nested.is_empty(), "{name} / {}: a sub-pathway with a flow of its own", v.name);
            for sub in nested {
                let own = v.flow_of(Some(sub));
                assert!(own.step_count() >= 4 && own.steps().any(|s| s.kind == StepKind::Start) && own.steps().any(|s| s.kind == StepKind::End), "{name} / {}", v.name);
            }
            for n in v.needs() {
                let who = format!("{name} / {} / {}", v.name, n.title);
                assert!(n.sources().next().is_some() && n.consumers().next().is_some(), "{who}");
                assert!(!n.info_types.is_empty() && n.form != InteractionForm::Unknown && n.status != NeedStatus::Unknown, "{who}");
                assert!(n.priority.is_some() && n.horizon.is_some() && !n.what.is_empty() && !n.why.is_empty(), "{who}");
            }
        }
        // the catalogue is the default one, codes and ranks included
        let names: Vec<(&str, &[String], Option<u8>)> = doc.info_types.iter().map(|t| (t.name.as_str(), t.codes.as_slice(), t.priority)).collect();
        let default: Vec<(&str, Vec<String>, Option<u8>)> =
            carepath::model::catalogue::DEFAULT_CATALOGUE.iter().map(|e| (e.name, e.codes.iter().map(|c| c.to_string()).collect(), e.priority)).collect();
        assert_eq!(names.len(), default.len(), "{name}");
        for ((n, c, p), (dn, dc, dp)) in names.iter().zip(&default) {
            assert_eq!((*n, c.to_vec(), *p), (*dn, dc.clone(), *dp), "{name}");
        }
    }
}

/// The heart-failure template's titration is a sub-pathway with a flow of its own in both
/// variants: blood tests, dose changes and the pharmacy's new multidose, from a start to its
/// ends, with its needs; the main flow goes from the sub-pathway straight on to follow-up.
#[test]
fn the_heart_failure_titration_holds_a_flow_of_its_own() {
    let doc = template::load("heart-failure").unwrap();
    for v in &doc.variants {
        let sub = v.steps().find(|s| s.label == "Opptitrering av hjertesviktmedisiner").expect("the titration step");
        assert_eq!(v.nested_flows(), vec![sub.id], "{}", v.name);
        let own = v.flow_of(Some(sub.id));
        let labels: Vec<&str> = own.steps_sorted().iter().map(|s| s.label.as_str()).collect();
        for want in ["Kontroll i opptitreringen", "Tar blodprøver (kreatinin, kalium, NT-proBNP)", "Justerer dosene etter blodprøvene", "Endrer multidosen", "Måldose nådd"] {
            assert!(labels.contains(&want), "{}: {want} in {labels:?}", v.name);
        }
        assert_eq!(own.steps().filter(|s| s.kind == StepKind::Start).count(), 1);
        assert!(own.need_count() >= 2, "{}: the blood tests' and the dose change's needs", v.name);
        let main = v.flow_of(None);
        assert!(main.outgoing(sub.id).next().is_some() && main.incoming(sub.id).next().is_some(), "{}: the sub-pathway is in the main flow", v.name);
        assert!(main.steps().all(|s| s.within.is_none()));
    }
    assert!(carepath::rules::validate(&doc).iter().all(|f| f.severity == carepath::rules::Severity::Info));
}
