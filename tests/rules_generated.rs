//! Generated pathways (`sample::generate`) are valid by the rules, and the rule and analysis
//! results serialise and have JSON schemas for the shells.

use carepath::rules::{self, analysis, Severity};
use carepath::sample::generate;

#[test]
fn generated_pathway_of_1000_steps_has_no_findings() {
    let doc = generate(1000);
    let findings = rules::validate(&doc);
    let errors: Vec<_> = findings.iter().filter(|f| f.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "errors: {errors:#?}");
    assert!(findings.is_empty(), "findings: {:#?}", &findings[..findings.len().min(5)]);
}

/// Below ten steps some of the four generated actors get no step: that is only information.
#[test]
fn generated_pathways_of_small_sizes_have_no_errors_or_warnings() {
    for n in [4, 5, 6, 7, 8, 9, 16, 17, 26, 100, 205] {
        let findings = rules::validate(&generate(n));
        let serious: Vec<_> = findings.iter().filter(|f| f.severity != Severity::Info).collect();
        assert!(serious.is_empty(), "{n} steps: {:#?}", &serious[..serious.len().min(3)]);
        let infos = findings.iter().filter(|f| f.rule != "actor-without-steps").count();
        assert_eq!(infos, 0, "{n} steps");
    }
}

#[test]
fn analysis_of_a_generated_pathway_is_consistent() {
    let doc = generate(1000);
    let v = &doc.variants[0];
    let hs = analysis::handovers(&doc, v);
    assert!(hs.iter().all(|h| !h.needs.is_empty()), "every generated hand-over has a need");
    let c = analysis::counts(&doc, v);
    assert_eq!(c.handovers, hs.len());
    assert_eq!(c.per_actor.iter().map(|a| a.steps).sum::<usize>(), c.steps);
    let m = analysis::sharing_matrix(&doc, v);
    let in_cells: usize = m.cells.iter().flatten().map(|cell| cell.needs.len()).sum();
    assert_eq!(in_cells + m.incomplete.len(), c.needs);
    assert!(!analysis::paths(v, 3).is_empty());
}

#[test]
fn results_serialise_and_have_schemas() {
    let doc = generate(100);
    let v = &doc.variants[0];
    let json = serde_json::to_value(rules::validate(&doc)).unwrap();
    assert!(json.is_array());
    serde_json::to_string(&analysis::sharing_matrix(&doc, v)).unwrap();
    serde_json::to_string(&analysis::counts(&doc, v)).unwrap();
    serde_json::to_string(&rules::rules().collect::<Vec<_>>()).unwrap();
    for schema in [
        schemars::schema_for!(rules::Finding),
        schemars::schema_for!(rules::RuleInfo),
        schemars::schema_for!(analysis::Handover),
        schemars::schema_for!(analysis::SharingMatrix),
        schemars::schema_for!(analysis::Counts),
    ] {
        assert!(serde_json::to_string(&schema).unwrap().contains("properties"));
    }
}
