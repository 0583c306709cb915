//! Reports descend into sub-pathways: each one that holds a flow gets a section of its own
//! with the flow's figure and its steps, and the main flow's table lists only the main flow.

use carepath::model::Lang;
use carepath::report::{self, ReportFormat, ReportOptions};

fn markdown(lang: Lang) -> (String, Vec<String>) {
    let doc = carepath::template::load("heart-failure").unwrap();
    let opts = ReportOptions { format: ReportFormat::Md, variants: Vec::new(), lang, layout: Default::default(), metadata_headers: None };
    let r = report::render(&doc, &opts).unwrap();
    (String::from_utf8(r.main).unwrap(), r.beside.into_iter().map(|(name, _)| name).collect())
}

#[test]
fn each_sub_pathway_with_a_flow_has_a_section_with_its_figure_and_steps() {
    let (md, files) = markdown(Lang::Nb);
    let sections: Vec<usize> = md.match_indices("### Delforløp: Opptitrering av hjertesviktmedisiner").map(|(i, _)| i).collect();
    assert_eq!(sections.len(), 2, "one per variant");
    for &at in &sections {
        let section = &md[at..];
        let end = section[4..].find("\n### ").map_or(section.len(), |i| i + 4);
        let section = &section[..end];
        assert!(section.contains("Over 6–12 uker økes dosene"), "the sub-pathway's description");
        assert!(section.contains("#### Steg per fase") && section.contains("##### Oppstart og opptitrering"), "{section}");
        assert!(section.contains("| 1 | Kontroll i opptitreringen | Start |"), "the flow's steps numbered from 1: {section}");
        assert!(section.contains("img/delforlop-"), "its figure");
    }
    // the main flow's step table ends before the sub-pathway's section and leaves its steps out
    let main_table = &md[md.find("### Steg per fase").unwrap()..sections[0]];
    assert!(main_table.contains("Opptitrering av hjertesviktmedisiner"));
    assert!(!main_table.contains("Kontroll i opptitreringen"), "a nested step is not in the main table");
    assert!(files.iter().any(|f| f.starts_with("img/delforlop-") && f.ends_with(".png")), "{files:?}");

    let (en, _) = markdown(Lang::En);
    assert!(en.contains("### Sub-pathway: Opptitrering av hjertesviktmedisiner"));
}
