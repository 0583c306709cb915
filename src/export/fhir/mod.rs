//! FHIR R4 (4.0.1) export: the pathway as the definition HL7's Clinical Practice Guidelines
//! implementation guide (CPG) describes, one `PlanDefinition` whose actions are the phases and,
//! inside them, the steps, with an `ActivityDefinition` per activity, in one `Bundle`.
//!
//! The mapping is documented in docs/fhir.md. Steps follow one another by `relatedAction`
//! (`before-start`) as the transitions say; a decision's branches are conditions on the
//! actions they lead to, whose descriptions carry the branch labels; a sub-pathway's own flow
//! is the nested actions of its action; actors are participants (patient, related person,
//! practitioner, device for systems); needs are `input` (the step's actor uses the information)
//! or `output` (it provides it) data requirements whose types follow the information types.
//! Ids come from the element ids, canonical URLs from a base the user sets (default a
//! placeholder that says so), text in the document's language.

use crate::error::{CoreError, ErrorCode, Result};
use crate::model::*;
mod bundle;

use bundle::*;
use std::borrow::Cow;
use std::collections::HashMap;

/// The canonical base when none is given: a placeholder that says it is one.
pub const PLACEHOLDER_BASE: &str = "https://example.org/set-your-canonical-base/fhir";

/// What to export: the variant, the canonical base and the language of its text.
#[derive(Clone, Debug)]
pub struct FhirOptions {
    pub variant: VariantId,
    pub base: String,
    pub lang: Lang,
}

/// The FHIR resource type that carries an information type (docs/fhir.md): by its name, else
/// by the national information services it maps to.
pub fn resource_type(info: &InfoType) -> &'static str {
    let name = info.name.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    if has(&["skjemabesvar", "spørreskjema", "questionnaire response", "questionnaire answer"]) {
        return "QuestionnaireResponse";
    }
    if has(&["skjemadefinisjon", "questionnaire"]) {
        return "Questionnaire";
    }
    if has(&["plandefinisjon", "plan definition"]) {
        return "PlanDefinition";
    }
    if has(&["varsel", "alert", "flag"]) {
        return "Flag";
    }
    if has(&["legemiddel", "medisin", "medication", "medicine"]) {
        return "MedicationStatement";
    }
    if has(&["plan"]) {
        return "CarePlan";
    }
    if has(&["dialog", "melding", "message", "communication"]) {
        return "Communication";
    }
    if has(&["måling", "vurdering", "funn", "measurement", "observation", "assessment", "finding"]) {
        return "Observation";
    }
    if has(&["notat", "oppsummering", "epikrise", "journal", "note", "summary", "discharge"]) {
        return "DocumentReference";
    }
    if has(&["oppgave", "task"]) {
        return "Task";
    }
    for code in &info.codes {
        let t = match code.as_str() {
            "IT07" | "IT17" => "Observation",
            "IT03" => "MedicationStatement",
            "IT08" => "CarePlan",
            "IT01" | "IT09" => "DocumentReference",
            "IT10" | "IT11" => "Communication",
            "IT12" => "Patient",
            "IT14" => "PlanDefinition",
            "IT19" => "Encounter",
            "IT23" => "ServiceRequest",
            _ => continue,
        };
        return t;
    }
    "DocumentReference"
}

/// The participant type of an actor (R4's action-participant-type).
fn participant_type(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Patient => "patient",
        ActorKind::NextOfKin => "related-person",
        ActorKind::System => "device",
        _ => "practitioner",
    }
}

/// A FHIR `name`: letters and digits only, starting with a capital (the pattern of `name`).
fn machine_name(s: &str) -> String {
    let mut out = String::new();
    for w in s.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut cs = w.chars();
        if let Some(f) = cs.next() {
            out.push(f.to_ascii_uppercase());
            out.extend(cs);
        }
    }
    if !out.starts_with(|c: char| c.is_ascii_uppercase()) {
        out.insert(0, 'P');
    }
    out
}

/// FHIR strings may not hold control characters other than tab, line feed and return; no
/// copy when there is nothing to take away.
fn text(s: &str) -> Text<'_> {
    let t = s.trim();
    if t.chars().all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')) {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(t.chars().filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')).collect::<String>().trim().to_string())
    }
}

/// The Bundle, as pretty JSON.
pub fn to_fhir(doc: &Document, options: &FhirOptions) -> Result<String> {
    let v = doc.variant(options.variant).ok_or_else(|| CoreError::new(ErrorCode::UnknownId, format!("there is no variant with id {}", options.variant)))?;
    let base = options.base.trim_end_matches('/');
    if !(base.starts_with("http://") || base.starts_with("https://") || base.starts_with("urn:")) {
        return Err(CoreError::new(ErrorCode::InvalidValue, format!("the canonical base '{base}' is not an http(s) or urn address")));
    }
    let lang = options.lang.code();
    let version = if doc.metadata.version.trim().is_empty() { Cow::Borrowed("0.1.0") } else { text(&doc.metadata.version) };
    let plan_id = v.id.to_string();
    let plan_url = format!("{base}/PlanDefinition/{plan_id}");
    let numbers = v.need_numbers();

    // the needs at each step, in need-number order
    let mut needs_at: HashMap<StepId, Vec<&DataNeed>> = HashMap::new();
    for n in v.needs() {
        for s in &n.steps {
            needs_at.entry(*s).or_default().push(n);
        }
    }
    for list in needs_at.values_mut() {
        list.sort_by_key(|n| (numbers.get(&n.id).copied().unwrap_or(u32::MAX), n.id));
        list.dedup_by_key(|n| n.id);
    }
    // the steps of each flow (the main one and each sub-pathway's), by id
    let mut flows: HashMap<Option<StepId>, Vec<&Step>> = HashMap::new();
    for s in v.steps_sorted() {
        flows.entry(s.within).or_default().push(s);
    }
    // branch labels: the condition on the action a decision's branch leads to
    let mut conditions: HashMap<StepId, Vec<Condition>> = HashMap::new();
    for t in v.transitions_sorted() {
        if let Some(from) = v.step(t.from).filter(|s| s.kind == StepKind::Decision) {
            let from = text(&from.label);
            let description = if t.label.trim().is_empty() { from.into_owned() } else { format!("{from}: {}", text(&t.label)) };
            conditions.entry(t.to).or_default().push(Condition { kind: "applicability", expression: Expression { description, language: "text/cql" } });
        }
    }
    let info_types: HashMap<InfoTypeId, &InfoType> = doc.info_types.iter().map(|t| (t.id, t)).collect();
    let ctx = Context { doc, v, base, flows, needs_at, conditions, info_types };

    // phases as actions holding their steps (main flow), in phase order
    let mut phases: Vec<&Phase> = doc.phases.iter().collect();
    phases.sort_by_key(|p| p.order);
    let mut phase_groups: Vec<(Option<&Phase>, Vec<&Step>)> = phases.iter().map(|p| (Some(*p), Vec::new())).collect();
    let mut unphased = Vec::new();
    for s in ordered(v, &ctx.flows, None) {
        match phase_groups.iter_mut().find(|(p, _)| p.is_some_and(|p| Some(p.id) == s.phase)) {
            Some((_, list)) => list.push(s),
            None => unphased.push(s),
        }
    }
    if !unphased.is_empty() {
        phase_groups.push((None, unphased));
    }
    let mut actions = Vec::new();
    for (k, (phase, steps)) in phase_groups.into_iter().enumerate().filter(|(_, (_, s))| !s.is_empty()) {
        actions.push(Action {
            id: phase.map_or_else(|| format!("phase-{}", k + 1), |p| p.id.to_string()),
            title: some(text(phase.map_or(if options.lang == Lang::En { "Without phase" } else { "Uten fase" }, |p| p.name.as_str()))),
            description: phase.and_then(|p| some(text(&p.description))),
            code: [Code { text: "phase" }],
            action: steps.into_iter().map(|s| ctx.step_action(s)).collect(),
            ..Action::new(String::new(), "")
        });
    }

    let owners = doc.metadata.owners.join(", ");
    let owners = text(&owners);
    let description = if v.description.trim().is_empty() { &doc.metadata.description } else { &v.description };
    let description = text(description);
    let plan = PlanDefinition {
        resource_type: "PlanDefinition",
        id: plan_id,
        meta: Meta { profile: ["http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-pathwaydefinition"] },
        language: lang,
        url: plan_url.clone(),
        version: version.clone(),
        name: machine_name(&format!("{} {}", doc.metadata.title, v.name)),
        title: text(&format!("{} – {}", doc.metadata.title, v.name)).into_owned(),
        kind: CodeableConcept {
            coding: vec![Coding { system: "http://terminology.hl7.org/CodeSystem/plan-definition-type", code: "clinical-protocol", display: "Clinical Protocol" }],
            text: None,
        },
        status: STATUS,
        experimental: true,
        date: doc.metadata.modified.to_rfc3339(),
        publisher: if owners.is_empty() { Cow::Borrowed("Carepath") } else { Cow::Owned(owners.into_owned()) },
        description: if description.is_empty() { text(&doc.metadata.title) } else { description },
        use_context: some(text(&doc.metadata.patient_group))
            .map(|g| UsageContext {
                code: UsageContextCode { system: "http://terminology.hl7.org/CodeSystem/usage-context-type", code: "focus" },
                value_codeable_concept: CodeableConcept { coding: Vec::new(), text: Some(g) },
            })
            .into_iter()
            .collect(),
        action: actions,
    };

    let mut entries = vec![Entry { full_url: plan_url, resource: Resource::Plan(Box::new(plan)) }];
    for s in v.steps_sorted().into_iter().filter(|s| s.kind == StepKind::Activity) {
        let url = ctx.activity_url(s.id);
        entries.push(Entry {
            full_url: url.clone(),
            resource: Resource::Activity(ActivityDefinition {
                resource_type: "ActivityDefinition",
                id: s.id.to_string(),
                language: lang,
                url,
                version: version.clone(),
                name: machine_name(&s.label),
                title: text(&s.label),
                status: STATUS,
                experimental: true,
                description: some(text(&s.description)),
                kind: "Task",
                participant: ctx.participants(s),
            }),
        });
    }
    let bundle = Bundle { resource_type: "Bundle", id: doc.id.to_string(), language: lang, kind: "collection", timestamp: doc.metadata.modified.to_rfc3339(), entry: entries };
    let mut out = Vec::with_capacity(2048 * (v.step_count() + 8));
    serde_json::to_writer_pretty(&mut out, &bundle).expect("the Bundle always serialises");
    out.push(b'\n');
    Ok(String::from_utf8(out).expect("serde_json writes UTF-8"))
}

const STATUS: &str = "draft";

/// Text that is there, or none.
fn some(t: Text<'_>) -> Option<Text<'_>> {
    (!t.is_empty()).then_some(t)
}

impl Action<'_> {
    fn new(id: String, code: &'static str) -> Self {
        Action {
            id,
            title: None,
            description: None,
            text_equivalent: None,
            code: [Code { text: code }],
            condition: &[],
            input: Vec::new(),
            output: Vec::new(),
            related_action: Vec::new(),
            participant: Vec::new(),
            selection_behavior: None,
            definition_canonical: None,
            action: Vec::new(),
        }
    }
}

/// What every step's action is made from, computed once per export.
struct Context<'a> {
    doc: &'a Document,
    v: &'a Variant,
    base: &'a str,
    flows: HashMap<Option<StepId>, Vec<&'a Step>>,
    needs_at: HashMap<StepId, Vec<&'a DataNeed>>,
    conditions: HashMap<StepId, Vec<Condition>>,
    info_types: HashMap<InfoTypeId, &'a InfoType>,
}

impl<'a> Context<'a> {
    fn activity_url(&self, s: StepId) -> String {
        format!("{}/ActivityDefinition/{s}", self.base)
    }

    fn participants(&self, s: &'a Step) -> Vec<Participant<'a>> {
        s.actor
            .into_iter()
            .chain(s.participants.iter().copied())
            .filter_map(|a| self.doc.actor(a))
            .map(|a| Participant { kind: participant_type(a.kind), role: Role { text: text(&a.name) } })
            .collect()
    }

    /// The data requirements of a step: what its actor uses (input) and provides (output).
    fn requirements(&self, s: &Step) -> (Vec<DataRequirement>, Vec<DataRequirement>) {
        let (mut input, mut output) = (Vec::new(), Vec::new());
        for &n in self.needs_at.get(&s.id).map(Vec::as_slice).unwrap_or_default() {
            let provides = s.actor.is_some_and(|a| n.sources().any(|x| x == a)) && !s.actor.is_some_and(|a| n.consumers().any(|x| x == a));
            for (k, it) in n.info_types.iter().filter_map(|i| self.info_types.get(i)).enumerate() {
                let r = DataRequirement {
                    id: format!("{}-{}", n.id, k + 1),
                    kind: resource_type(it),
                    code_filter: [CodeFilter { path: "code", code: [Display { display: text(&format!("{}: {}", n.title, it.label())).into_owned() }] }],
                };
                if provides {
                    output.push(r)
                } else {
                    input.push(r)
                }
            }
        }
        (input, output)
    }

    fn step_action(&'a self, s: &'a Step) -> Action<'a> {
        let (input, output) = self.requirements(s);
        Action {
            title: some(text(&s.label)),
            description: some(text(&s.description)),
            text_equivalent: s.duration.as_deref().and_then(|d| some(text(d))),
            condition: self.conditions.get(&s.id).map(Vec::as_slice).unwrap_or_default(),
            input,
            output,
            related_action: self.v.outgoing(s.id).map(|t| RelatedAction { action_id: t.to.to_string(), relationship: "before-start" }).collect(),
            participant: self.participants(s),
            selection_behavior: (s.kind == StepKind::Decision).then_some("exactly-one"),
            definition_canonical: (s.kind == StepKind::Activity).then(|| self.activity_url(s.id)),
            // a sub-pathway's own flow: its steps as nested actions, along the flow
            action: ordered(self.v, &self.flows, Some(s.id)).into_iter().map(|x| self.step_action(x)).collect(),
            ..Action::new(s.id.to_string(), s.kind.label(Lang::En))
        }
    }
}

/// A flow's steps in the order the pathway runs: along the transitions from its starts
/// (depth first, branches in id order), then any step not reached, by id.
fn ordered<'a>(v: &'a Variant, flows: &HashMap<Option<StepId>, Vec<&'a Step>>, flow: Option<StepId>) -> Vec<&'a Step> {
    let Some(steps) = flows.get(&flow) else { return Vec::new() };
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut roots: Vec<&Step> = steps.iter().copied().filter(|s| v.incoming(s.id).next().is_none() || s.kind == StepKind::Start).collect();
    roots.extend(steps.iter().copied());
    for r in roots {
        let mut stack = vec![r.id];
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            if let Some(s) = v.step(id).filter(|s| s.within == flow) {
                out.push(s);
                let mut next: Vec<StepId> = v.outgoing(id).map(|t| t.to).collect();
                next.sort();
                next.reverse();
                stack.extend(next);
            }
        }
    }
    out
}
