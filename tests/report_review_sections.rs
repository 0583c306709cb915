//! The report's sections from review work: the changes from the current to the desired
//! pathway (table and diff picture), the clinicians' review, and a walk-through per variant —
//! in both languages, with user text escaped, and left out when there is nothing to say.

use carepath::edit::apply;
use carepath::model::{ElementRef, Lang, ReviewStatus};
use carepath::report::{render, ReportFormat, ReportOptions};
use carepath::review;

fn md(doc: &carepath::model::Document, lang: Lang, variants: Vec<carepath::model::VariantId>) -> (String, Vec<String>) {
    let opts = ReportOptions { format: ReportFormat::Md, variants, lang, layout: Default::default(), metadata_headers: None };
    let r = render(doc, &opts).unwrap();
    (String::from_utf8(r.main).unwrap(), r.beside.into_iter().map(|(name, _)| name).collect())
}

#[test]
fn copd_report_shows_the_changes_from_current_to_desired_with_a_picture() {
    let doc = carepath::template::load("copd").unwrap();
    let (page, files) = md(&doc, Lang::Nb, Vec::new());
    let at = page.find("## Endringer fra nå-situasjon til ønsket forløp").expect("the changes section");
    let section = &page[at..page[at + 3..].find("\n## ").map(|i| i + at + 3).unwrap_or(page.len())];
    // the desired pathway adds the national measurement service and drops the manual EPJ entry
    assert!(section.contains("| Steg | \\+ Lagt til | Ser måleserier og trend i nasjonal målingstjeneste |"), "{section}");
    assert!(section.contains("| Steg | − Fjernet | Fører målinger og vurdering manuelt inn i EPJ |"), "{section}");
    assert!(section.contains("Type: Aktivitet → Hendelse"), "field changes are listed from → to");
    assert!(section.contains("](img/endringer-onsket-forlop.png)"));
    assert!(files.iter().any(|f| f == "img/endringer-onsket-forlop.svg"), "{files:?}");

    let (en, _) = md(&doc, Lang::En, Vec::new());
    assert!(en.contains("## Changes from the current to the desired pathway"));

    // a report of the desired variant alone has nothing to compare it with
    let desired = doc.variants.iter().find(|v| v.name == "Ønsket forløp").unwrap().id;
    let (one, _) = md(&doc, Lang::Nb, vec![desired]);
    assert!(!one.contains("## Endringer"));
}

#[test]
fn review_section_lists_open_threads_and_decisions_escaped() {
    let mut doc = carepath::template::load("copd").unwrap();
    let (page, _) = md(&doc, Lang::Nb, Vec::new());
    assert!(!page.contains("## Gjennomgang\n"), "no review yet, no section");

    let gp = doc.actors.iter().find(|a| a.name == "Fastlege").unwrap().id;
    let edit = review::comment(&doc, ElementRef::Actor { id: gp }, "Kari Lege", "Sjekk <script>x</script> | *ansvar*").unwrap();
    apply(&mut doc, edit).unwrap();
    let root = doc.comments[0].id;
    let edit = review::reply(&doc, root, "Ola", "Enig").unwrap();
    apply(&mut doc, edit).unwrap();
    let edit = review::decide(&doc, ElementRef::Document, "Kari Lege", ReviewStatus::ChangesRequested, "Mangler rolle").unwrap();
    apply(&mut doc, edit).unwrap();

    let (page, _) = md(&doc, Lang::Nb, Vec::new());
    let at = page.find("## Gjennomgang\n").expect("the review section");
    let section = &page[at..];
    assert!(section.contains("| Åpne tråder | 1 |"));
    assert!(section.contains("Aktør «Fastlege» | Kari Lege |"));
    assert!(section.contains("Sjekk &lt;script>x&lt;/script> \\| \\*ansvar\\*"), "user text escaped: {section}");
    assert!(section.contains("Ola: Enig"));
    assert!(section.contains("| Dokumentet | Må endres | Kari Lege |"));

    let html = render(&doc, &ReportOptions { format: ReportFormat::Html, variants: Vec::new(), lang: Lang::En, layout: Default::default(), metadata_headers: None }).unwrap();
    let html = String::from_utf8(html.main).unwrap();
    assert!(html.contains("Open threads") && !html.contains("<script>x"), "escaped in HTML");
}

#[test]
fn walk_through_table_per_variant_follows_the_default_path() {
    let doc = carepath::template::load("copd").unwrap();
    let (page, _) = md(&doc, Lang::Nb, Vec::new());
    let at = page.find("## Gjennomgang av scenario").expect("the walk-through section");
    let section = &page[at..];
    assert!(section.contains("### Nå-situasjon") && section.contains("### Ønsket forløp"));
    assert!(section.contains("| Nr. | Aktør | Steg | Mottatt så langt | Udekket eller manuelt |"));
    assert!(section.contains("| 1 | Fastlege | Pasient med KOLS og behov for tett oppfølging |"));
    // the traffic light decision is passed with the branch taken
    assert!(section.contains("Trafikklys: grønn, gul eller rød? → "), "{section}");
}

#[test]
fn the_walk_through_covers_every_outcome_and_needs_are_grouped_by_information_service() {
    use carepath::report::{self, ReportFormat, ReportOptions};
    let doc = carepath::template::load("copd").unwrap();
    let md = String::from_utf8(report::render(&doc, &ReportOptions::new(ReportFormat::Md, carepath::model::Lang::Nb)).unwrap().main).unwrap();
    for outcome in ["Trafikklys: grønn, gul eller rød? → gul", "Trafikklys: grønn, gul eller rød? → rød", "Behov for poliklinisk konsultasjon? → nei"] {
        assert!(md.contains(&format!(": {outcome}\n")), "no scenario takes {outcome:?}");
    }
    // the deterioration branch, where the hospital acts, is walked
    let walks = &md[md.find("## Gjennomgang av scenarioer").unwrap()..];
    assert!(walks.contains("| Sykehus – lungepoliklinikk |"));
    assert!(md.contains("### Behov per informasjonstjeneste"));
    assert!(md.contains("| IT17, IT07 | Målinger | B9 "), "one row per information type with its services, with its needs by number");
    // plain-language rule names, no rule ids
    let findings = &md[md.find("## Valideringsfunn").unwrap()..];
    assert!(!findings.contains("partly-met-need-in-desired") && !findings.contains("| Info |"), "{findings}");
}

#[test]
fn findings_accepted_with_a_reason_get_their_own_table_and_leave_the_counts() {
    let mut doc = carepath::template::load("copd").unwrap();
    let findings = carepath::rules::validate(&doc);
    let note = findings.iter().find(|f| f.rule == "partly-met-need-in-desired").unwrap().clone();
    let e = review::accept(&doc, &note, "Kari Lege", "Fastlegen får varsler i fase 2 | med <b>").unwrap();
    apply(&mut doc, e).unwrap();
    // only the variant the note is in: a report of both draws twice the pictures
    let only = vec![note.variant.unwrap()];
    for (lang, heading, reason) in [(Lang::Nb, "### Godtatte funn", "Godtatt av"), (Lang::En, "### Accepted findings", "Accepted by")] {
        let (text, _) = md(&doc, lang, only.clone());
        let section = &text[text.find(heading).unwrap_or_else(|| panic!("no {heading}"))..];
        assert!(section.contains(reason));
        // the reason is user text: escaped in the table
        assert!(section.contains("Fastlegen får varsler i fase 2 \\| med &lt;b>"), "{}", &section[..600.min(section.len())]);
        assert!(section.contains("Kari Lege"));
    }
    let (text, _) = md(&doc, Lang::Nb, only.clone());
    let all = carepath::rules::validate(&doc);
    let open_notes = all.iter().filter(|f| f.accepted.is_none() && f.severity == carepath::rules::Severity::Info && f.variant.map_or(true, |v| only.contains(&v))).count();
    assert!(text.contains(&format!("{open_notes} merknader, 1 godtatt med begrunnelse")), "the counts leave the accepted one out");
}
