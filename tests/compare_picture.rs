//! The diff picture of the COPD template: removed steps come back as ghosts in their lane,
//! added and changed elements are framed and carry a symbol, the key explains the marks, and
//! the same input gives the same bytes.

use carepath::compare::Side;
use carepath::export::diagram::{compare, DiagramOptions};
use carepath::model::Lang;

fn svg(lang: Lang) -> String {
    let doc = carepath::template::load("copd").unwrap();
    let (a, b) = (Side::of(&doc, doc.variants[0].id).unwrap(), Side::of(&doc, doc.variants[1].id).unwrap());
    compare::to_svg(a, b, &DiagramOptions { lang, ..Default::default() }).unwrap()
}

fn texts(node: roxmltree::Node) -> String {
    node.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap()).collect::<Vec<_>>().join(" ")
}

#[test]
fn ghosts_frames_symbols_and_key() {
    let t = svg(Lang::Nb);
    let doc = roxmltree::Document::parse(&t).unwrap();
    let group = |class: &str| doc.descendants().find(|n| n.attribute("class") == Some(class)).unwrap();
    // the removed step is drawn only as a ghost, faded
    let removed = group("removed");
    assert_eq!(removed.attribute("opacity"), Some("0.5"));
    let ghost_text = texts(removed);
    assert!(ghost_text.contains("Fører målinger og"), "{ghost_text}");
    assert!(!texts(group("steps")).contains("Fører målinger og"));
    // the added step is in the ordinary drawing
    assert!(texts(group("steps")).contains("nasjonal"));
    // symbols: one per marked element; at least one of each
    let marks = texts(group("changes"));
    for s in ["+", "−", "~"] {
        assert!(marks.contains(s), "no {s} in {marks}");
    }
    let key = texts(group("change-key"));
    assert!(key.contains("Endringer fra «Nå-situasjon»") && key.contains("Lagt til") && key.contains("Fjernet (vist som skygge)") && key.contains("Endret"), "{key}");
    assert!(texts(group("legend")).contains("Tegnforklaring"));
    let title = doc.descendants().find(|n| n.has_tag_name("text")).map(texts).unwrap();
    assert_eq!(title, "Endringer fra «Nå-situasjon» til «Ønsket forløp»");
    // the ghost sits in its own lane (the follow-up nurse's), like the step before it
    assert!(t.contains("stroke-dasharray=\"6 4\""));
}

#[test]
fn the_picture_is_deterministic_and_speaks_english() {
    assert_eq!(svg(Lang::Nb), svg(Lang::Nb));
    let en = svg(Lang::En);
    assert!(en.contains("Changes from “Nå-situasjon” to “Ønsket forløp”"));
    assert!(en.contains("Removed (shown as a ghost)"));
}

#[test]
fn user_text_is_escaped_in_the_picture() {
    let mut doc = carepath::template::load("copd").unwrap();
    doc.variants[0].name = "Nå <i>&</i>".into();
    let (a, b) = (Side::of(&doc, doc.variants[0].id).unwrap(), Side::of(&doc, doc.variants[1].id).unwrap());
    let t = compare::to_svg(a, b, &DiagramOptions::default()).unwrap();
    assert!(roxmltree::Document::parse(&t).is_ok());
    assert!(t.contains("Nå &lt;i&gt;&amp;&lt;/i&gt;"));
}

#[test]
fn a_removed_lane_comes_back_for_its_ghost_steps() {
    use carepath::edit::{apply, Edit};
    use carepath::model::*;
    let target = carepath::template::load("copd").unwrap();
    let mut source = target.clone();
    let want = source.variants[1].id;
    let pharmacist = Actor { id: ActorId::new(), name: "Farmasøyt".into(), kind: ActorKind::Other, organisation: String::new(), colour: None, order: 6 };
    let review = Step::new(StepKind::Activity, "Legemiddelgjennomgang", Some(pharmacist.id), Some(source.phases[1].id));
    let from = source.variants[1].steps().find(|s| s.label == "Utarbeider egenbehandlingsplan for KOLS").unwrap().id;
    let link = Transition::new(from, review.id, "");
    apply(&mut source, Edit::batch("farmasøyt", vec![
        Edit::AddActor { actor: pharmacist },
        Edit::AddStep { variant: want, step: review },
        Edit::AddTransition { variant: want, transition: link },
    ])).unwrap();
    let (a, b) = (Side::of(&source, want).unwrap(), Side::of(&target, want).unwrap());
    let t = compare::to_svg(a, b, &DiagramOptions::default()).unwrap();
    let doc = roxmltree::Document::parse(&t).unwrap();
    let group = |class: &str| doc.descendants().find(|n| n.attribute("class") == Some(class)).unwrap();
    assert!(texts(group("lanes")).contains("Farmasøyt"), "the removed lane is drawn for its ghost");
    let ghost = texts(group("removed"));
    assert!(ghost.contains("Legemiddel"), "{ghost}");
    let d = carepath::compare::diff_variants(a, b, Lang::Nb);
    let removed: Vec<_> = d.entries.iter().filter(|e| e.change == carepath::compare::ChangeKind::Removed).map(|e| e.label.as_str()).collect();
    assert_eq!(removed, vec!["Farmasøyt", "Legemiddelgjennomgang", "Utarbeider egenbehandlingsplan for KOLS → Legemiddelgjennomgang"]);
}

#[test]
fn every_marked_element_names_itself_for_the_app() {
    // the app's compare mode finds an entry's marks by data-id: every entry of the diff
    // that is drawn (all but information types) has at least one, and the key has none
    let doc = carepath::template::load("copd").unwrap();
    let (a, b) = (Side::of(&doc, doc.variants[0].id).unwrap(), Side::of(&doc, doc.variants[1].id).unwrap());
    let diff = carepath::compare::diff_variants(a, b, Lang::Nb);
    let t = svg(Lang::Nb);
    let parsed = roxmltree::Document::parse(&t).unwrap();
    let ids: std::collections::HashSet<&str> = parsed.descendants().filter_map(|n| n.attribute("data-id")).collect();
    assert!(!ids.is_empty());
    for e in diff.entries.iter().filter(|e| e.kind != carepath::compare::ElementKind::InfoType) {
        let id = serde_json::to_value(e.element).unwrap()["id"].as_str().unwrap().to_string();
        assert!(ids.contains(id.as_str()), "no mark names {:?} {} ({id})", e.change, e.label);
    }
    let key = parsed.descendants().find(|n| n.attribute("class") == Some("change-key")).unwrap();
    assert!(key.descendants().all(|n| n.attribute("data-id").is_none()));
}
