//! Validation rules and graph analysis. Every rule is an entry of one table ([`rules`]): a
//! stable kebab-case id, a severity, a title in Norwegian bokmål and English, and a check.
//! [`validate`] runs the table over a document and returns [`Finding`]s, each naming its rule,
//! its variant and the elements concerned, with a message in both languages. Graph questions
//! that are not problems (hand-overs, the sharing matrix, paths, counts) live in [`analysis`].
//!
//! Order of findings is part of the contract, so lists and files diff well: document-wide
//! findings first, then each variant in document order; within those, rules in table order;
//! within a rule, elements in id order.

pub mod analysis;
mod context;
mod flow;
mod graph;
mod lanes;
mod needs;
mod paths;
#[cfg(test)]
mod testkit;

use crate::model::{Document, ElementRef, Lang, VariantId};
use context::{Emit, VariantCtx};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use analysis::{counts, handovers, paths, sharing_matrix};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// The label shown to users in the given language.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Nb) => "Feil",
            (Severity::Error, Lang::En) => "Error",
            (Severity::Warning, Lang::Nb) => "Advarsel",
            (Severity::Warning, Lang::En) => "Warning",
            (Severity::Info, Lang::Nb) => "Merknad",
            (Severity::Info, Lang::En) => "Note",
        }
    }
}

/// One problem found by a rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// Stable rule id, e.g. "no-start".
    pub rule: String,
    pub severity: Severity,
    /// The variant the finding is in, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<VariantId>,
    /// The elements concerned.
    pub elements: Vec<ElementRef>,
    /// Message in Norwegian bokmål.
    pub message_nb: String,
    /// Message in English.
    pub message_en: String,
    /// Whether it may be accepted with a reason: a warning or a note by its rule, not an error
    /// (also not one shown as a note while drawing).
    #[serde(default)]
    pub acceptable: bool,
    /// Set when someone accepted the finding with a reason (a comment on its first element).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<Acceptance>,
}

/// Who accepted a finding, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Acceptance {
    /// The comment that holds the acceptance; removing it withdraws the acceptance.
    pub comment: crate::model::CommentId,
    pub author: String,
    pub reason: String,
}

impl Finding {
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nb => &self.message_nb,
            Lang::En => &self.message_en,
        }
    }
}

/// What a rule is, for listings and settings: its id, severity and title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RuleInfo {
    /// Stable kebab-case id; never renamed once released.
    pub id: &'static str,
    pub severity: Severity,
    /// Title in Norwegian bokmål.
    pub title_nb: &'static str,
    /// Title in English.
    pub title_en: &'static str,
}

impl RuleInfo {
    pub fn title(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nb => self.title_nb,
            Lang::En => self.title_en,
        }
    }
}

/// Where a rule looks: at the whole document once, or at each variant.
#[derive(Clone, Copy)]
enum Check {
    Document(fn(&Document, &mut Emit)),
    Variant(fn(&VariantCtx, &mut Emit)),
}

struct Rule {
    info: RuleInfo,
    check: Check,
}

const fn rule(id: &'static str, severity: Severity, title_nb: &'static str, title_en: &'static str, check: Check) -> Rule {
    Rule { info: RuleInfo { id, severity, title_nb, title_en }, check }
}

use Check::{Document as D, Variant as V};
use Severity::{Error as E, Info as I, Warning as W};

/// The rule table. Order here is the order of findings; ids are stable.
static RULES: &[Rule] = &[
    rule("unknown-info-service", W, "Ukjent kode for informasjonstjeneste", "Unknown information service code", D(lanes::unknown_info_service)),
    rule("no-variants", I, "Dokumentet har ingen varianter", "The document has no variants", D(lanes::no_variants)),
    rule("actor-without-steps", I, "Aktør uten steg", "Actor without steps", D(lanes::actor_without_steps)),
    rule("no-start", E, "Varianten har ingen start", "The variant has no start", V(flow::no_start)),
    rule("no-end", E, "Varianten har ingen slutt", "The variant has no end", V(flow::no_end)),
    rule("unreachable-step", E, "Steg som ikke kan nås", "Unreachable step", V(flow::unreachable_step)),
    rule("dead-end", E, "Blindvei", "Dead end", V(flow::dead_end)),
    rule("closed-loop", E, "Sløyfe uten vei ut", "Loop with no way out", V(flow::closed_loop)),
    rule("decision-branches", E, "Beslutning med for få grener", "Decision with too few branches", V(flow::decision_branches)),
    rule("unlabelled-branch", W, "Gren uten betingelse", "Branch without a condition", V(flow::unlabelled_branch)),
    rule("end-with-outgoing", W, "Slutt med vei videre", "End with a way on", V(flow::end_with_outgoing)),
    rule("backward-without-loop", W, "Overgang bakover som ikke er sløyfe", "Backward transition not marked as loop", V(flow::backward_without_loop)),
    rule("step-without-actor", W, "Steg uten aktør", "Step without actor", V(lanes::step_without_actor)),
    rule("participant-in-own-lane", W, "Deltaker i egen svømmebane", "Participant in its own lane", V(lanes::participant_in_own_lane)),
    rule("step-without-phase", W, "Steg uten fase", "Step without phase", V(lanes::step_without_phase)),
    rule("handover-without-need", W, "Overlevering uten informasjonsbehov", "Hand-over without data-sharing need", V(needs::handover_without_need)),
    rule("need-without-actors", W, "Behov uten kilde eller konsument", "Need without source or consumer", V(needs::need_without_actors)),
    rule("need-without-info-type", W, "Behov uten informasjonstype", "Need without information type", V(needs::need_without_info_type)),
    rule("need-without-form", W, "Behov uten samhandlingsform", "Need without interaction form", V(needs::need_without_form)),
    rule("unmet-need-in-desired", W, "Udekket behov i ønsket forløp", "Unmet need in desired pathway", V(needs::unmet_need_in_desired)),
    rule("partly-met-need-in-desired", I, "Delvis dekket behov i ønsket forløp", "Partly met need in desired pathway", V(needs::partly_met_need_in_desired)),
];

/// Every rule, in table order.
pub fn rules() -> impl Iterator<Item = &'static RuleInfo> {
    RULES.iter().map(|r| &r.info)
}

/// The rule with this id.
pub fn rule_info(id: &str) -> Option<&'static RuleInfo> {
    rules().find(|r| r.id == id)
}

/// Runs every rule on the document and every variant; findings in a stable order.
pub fn validate(doc: &Document) -> Vec<Finding> {
    let mut findings = Vec::new();
    for r in RULES {
        if let D(check) = r.check {
            check(doc, &mut Emit::new(&r.info, None, &mut findings));
        }
    }
    for v in &doc.variants {
        validate_one(doc, v, &mut findings);
    }
    mark_accepted(doc, &mut findings);
    findings
}

/// Whether findings of this rule may be accepted with a reason: warnings and notes may,
/// errors may not (a pathway with an error is not finished).
pub fn acceptable(rule: &str) -> bool {
    rule_info(rule).is_some_and(|r| r.severity != Severity::Error)
}

/// Marks every finding someone accepted: a comment on its first element that accepts its rule.
fn mark_accepted(doc: &Document, findings: &mut [Finding]) {
    if !doc.comments.iter().any(|c| c.accepts.is_some()) {
        return;
    }
    for f in findings.iter_mut().filter(|f| f.acceptable) {
        let Some(first) = f.elements.first() else { continue };
        if let Some(c) = doc.comments.iter().find(|c| c.target == *first && c.accepts.as_deref() == Some(f.rule.as_str())) {
            f.accepted = Some(Acceptance { comment: c.id, author: c.author.clone(), reason: c.text.clone() });
        }
    }
}

/// The findings nobody accepted: what still needs attention.
pub fn open(findings: &[Finding]) -> impl Iterator<Item = &Finding> {
    findings.iter().filter(|f| f.accepted.is_none())
}

/// The rules whose errors only say that a pathway is not drawn to the end yet: no start or
/// end, a step not connected yet, a decision without its branches yet.
pub const UNFINISHED: &[&str] = &["no-start", "no-end", "unreachable-step", "dead-end", "decision-branches"];

/// [`validate`] for the canvas while the user draws: the errors of the [`UNFINISHED`] rules
/// come as notes, so a step just added is not a red problem before it is connected. Every
/// other finding is as [`validate`] gives it; the CLI, reports and an explicit check use the
/// full severities.
pub fn validate_while_drawing(doc: &Document) -> Vec<Finding> {
    let mut findings = validate(doc);
    for f in findings.iter_mut().filter(|f| f.severity == Severity::Error && UNFINISHED.contains(&f.rule.as_str())) {
        f.severity = Severity::Info;
    }
    findings
}

/// Runs the variant rules on one variant; `None` if the document has no such variant.
pub fn validate_variant(doc: &Document, variant: VariantId) -> Option<Vec<Finding>> {
    let v = doc.variant(variant)?;
    let mut findings = Vec::new();
    validate_one(doc, v, &mut findings);
    mark_accepted(doc, &mut findings);
    Some(findings)
}

/// The variant rules on the main flow, then on each sub-pathway's own flow: a nested flow
/// needs its start and end too, and the sub-pathway step stands for the flow in findings.
fn validate_one(doc: &Document, v: &crate::model::Variant, findings: &mut Vec<Finding>) {
    run_variant_rules(doc, &v.flow_of(None), findings);
    for sub in v.nested_flows() {
        let mut own = Vec::new();
        run_variant_rules(doc, &v.flow_of(Some(sub)), &mut own);
        let label = crate::model::limits::short(&v.step(sub).map_or(String::new(), |s| s.label.clone()));
        let name = crate::model::limits::short(&v.name);
        for mut f in own {
            if f.elements == [ElementRef::Variant { id: v.id }] {
                f.elements = vec![ElementRef::Step { variant: v.id, id: sub }];
                f.message_nb = f.message_nb.replace(&format!("Varianten «{name}»"), &format!("Delforløpet «{label}»"));
                f.message_en = f.message_en.replace(&format!("Variant '{name}'"), &format!("Sub-pathway '{label}'"));
            }
            // a need at steps of two flows is seen from both
            if !findings.iter().any(|g| g.rule == f.rule && g.elements == f.elements) {
                findings.push(f);
            }
        }
    }
}

fn run_variant_rules(doc: &Document, v: &crate::model::Variant, findings: &mut Vec<Finding>) {
    let ctx = VariantCtx::new(doc, v);
    for r in RULES {
        if let V(check) = r.check {
            check(&ctx, &mut Emit::new(&r.info, Some(v.id), findings));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_ids_are_unique_kebab_case_with_both_titles() {
        let mut seen = HashSet::new();
        for r in rules() {
            assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
            assert!(r.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", r.id);
            assert!(!r.title_nb.is_empty() && !r.title_en.is_empty());
        }
        assert_eq!(rule_info("no-start").map(|r| r.severity), Some(Severity::Error));
        assert!(rule_info("no-such-rule").is_none());
    }

    #[test]
    fn while_drawing_an_unfinished_pathway_is_notes_but_other_problems_stay() {
        let mut doc = crate::template::blank("x", Lang::Nb, true);
        let v = doc.variants[0].id;
        let lane = doc.actors[0].id;
        let step = crate::model::Step::new(crate::model::StepKind::Activity, "Ny", Some(lane), None);
        crate::edit::apply(&mut doc, crate::edit::Edit::AddStep { variant: v, step }).unwrap();
        let full = validate(&doc);
        let drawing = validate_while_drawing(&doc);
        assert_eq!(full.len(), drawing.len(), "the same findings, only quieter");
        assert!(full.iter().any(|f| f.rule == "no-start" && f.severity == Severity::Error));
        for (a, b) in full.iter().zip(&drawing) {
            assert_eq!(a.rule, b.rule);
            if UNFINISHED.contains(&a.rule.as_str()) {
                assert_eq!(b.severity, Severity::Info, "{}", a.rule);
            } else {
                assert_eq!(a.severity, b.severity, "{}", a.rule);
            }
        }
        // a step without a phase is a warning while drawing too
        assert!(drawing.iter().any(|f| f.rule == "step-without-phase" && f.severity == Severity::Warning));
        assert!(!drawing.iter().any(|f| f.severity == Severity::Error));
        for id in UNFINISHED {
            assert!(rule_info(id).is_some(), "{id} is a rule");
        }
    }

    #[test]
    fn a_sub_pathways_own_flow_is_checked_and_named_by_its_step() {
        use crate::model::*;
        let mut m = testkit::Model::valid();
        let call = m.find("Ringe pasient");
        m.change_step(call, |s| s.kind = StepKind::SubPathway);
        assert!(validate(&m.doc).is_empty(), "a sub-pathway without a flow of its own is a plain step");
        let mut inner = Step::new(StepKind::Activity, "Avtale tid", Some(m.actors[1]), Some(m.phases[1]));
        inner.within = Some(call);
        let inner_id = inner.id;
        m.edit(crate::edit::Edit::AddStep { variant: m.vid, step: inner });
        let found = validate(&m.doc);
        let start = found.iter().find(|f| f.rule == "no-start").expect("the nested flow has no start");
        assert_eq!(start.elements, vec![m.step_ref(call)]);
        assert_eq!(start.message_nb, "Delforløpet «Ringe pasient» har ikke noe startsteg.");
        assert_eq!(start.message_en, "Sub-pathway 'Ringe pasient' has no start step.");
        assert!(found.iter().any(|f| f.rule == "no-end" && f.elements == vec![m.step_ref(call)]));
        assert!(found.iter().any(|f| f.rule == "unreachable-step" && f.elements == vec![m.step_ref(inner_id)]));
        // the main flow is as valid as before: nothing else is found
        assert!(found.iter().all(|f| f.elements != vec![ElementRef::Variant { id: m.vid }]), "{found:?}");
        // a start and an end inside make it whole
        let mut s = Step::new(StepKind::Start, "Start", Some(m.actors[1]), Some(m.phases[1]));
        s.within = Some(call);
        let mut e = Step::new(StepKind::End, "Ferdig", Some(m.actors[1]), Some(m.phases[1]));
        e.within = Some(call);
        let (sid, eid) = (s.id, e.id);
        m.edit(crate::edit::Edit::AddStep { variant: m.vid, step: s });
        m.edit(crate::edit::Edit::AddStep { variant: m.vid, step: e });
        m.link(sid, inner_id);
        m.link(inner_id, eid);
        assert_eq!(validate(&m.doc), vec![]);
    }

    #[test]
    fn a_valid_model_has_no_findings() {
        let m = testkit::Model::valid();
        assert_eq!(validate(&m.doc), vec![]);
    }

    /// Every rule in the table fires on some model, so a new rule cannot go untested here.
    #[test]
    fn every_rule_fires_on_a_model_that_breaks_everything() {
        use crate::edit::Edit;
        use crate::model::*;
        let mut m = testkit::Model::valid();
        let actor = Actor { id: ActorId::new(), name: "Fastlege".into(), kind: ActorKind::Gp, organisation: String::new(), colour: None, order: 2 };
        m.edit(Edit::AddActor { actor });
        let (measure, call, end) = (m.find("Måle"), m.find("Ringe pasient"), m.find("Slutt"));
        m.step(StepKind::Activity, "Øy", None, None);
        let choose = m.step(StepKind::Decision, "Velge", Some(1), Some(1));
        let stuck = m.step(StepKind::Activity, "Fast", Some(1), Some(1));
        m.link(call, choose);
        m.link(choose, stuck);
        m.link_as(stuck, stuck, "igjen", TransitionKind::Loop);
        m.link(end, call);
        m.link(call, measure);
        let need = m.only_need();
        m.change_need(need, |n| {
            n.parties.retain(|p| p.role != DataRole::Consumer);
            n.info_types.clear();
            n.form = InteractionForm::Unknown;
            n.status = NeedStatus::Unmet;
        });
        let odd = InfoType { id: InfoTypeId::new(), name: "Eget".into(), codes: vec!["IT99".into()], description: String::new(), priority: None };
        m.edit(Edit::AddInfoType { info_type: odd, index: None });
        let mut joint = m.variant().step(stuck).unwrap().clone();
        joint.participants = joint.actor.into_iter().collect();
        m.edit(Edit::UpdateStep { variant: m.vid, step: joint });
        let partly = m.need("Delvis", vec![call], 1, 0);
        m.change_need(partly, |n| n.status = NeedStatus::PartlyMet);
        let empty = VariantData::empty(VariantId::new(), "Tom", VariantKind::Current);
        m.edit(Edit::AddVariant { variant: Box::new(empty), index: None });
        let fired: HashSet<String> = validate(&m.doc).into_iter().map(|f| f.rule).collect();
        let empty_doc: HashSet<String> = validate(&Document::new("Tomt")).into_iter().map(|f| f.rule).collect();
        for r in rules() {
            assert!(fired.contains(r.id) || empty_doc.contains(r.id), "rule {} never fired", r.id);
        }
    }

    #[test]
    fn findings_come_in_a_stable_order() {
        let mut m = testkit::Model::valid();
        let a = m.step(crate::model::StepKind::Activity, "løs", None, None);
        let b = m.step(crate::model::StepKind::Activity, "løs 2", None, None);
        m.link(a, b);
        let first = validate(&m.doc);
        assert!(first.len() > 3);
        let again = crate::import::json::from_json(&crate::export::json::to_json(&m.doc)).unwrap();
        assert_eq!(first, validate(&again));
        let order = |f: &Finding| RULES.iter().position(|r| r.info.id == f.rule).unwrap();
        assert!(first.windows(2).all(|w| order(&w[0]) <= order(&w[1])));
    }
}
