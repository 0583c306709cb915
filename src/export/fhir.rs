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
use serde_json::{json, Map, Value};
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

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "nb",
        Lang::En => "en",
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

/// FHIR strings may not hold control characters other than tab, line feed and return.
fn text(s: &str) -> String {
    s.chars().filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')).collect::<String>().trim().to_string()
}

fn put(m: &mut Map<String, Value>, key: &str, s: &str) {
    let t = text(s);
    if !t.is_empty() {
        m.insert(key.into(), Value::String(t));
    }
}

/// The Bundle, as pretty JSON.
pub fn to_fhir(doc: &Document, options: &FhirOptions) -> Result<String> {
    let v = doc.variant(options.variant).ok_or_else(|| CoreError::new(ErrorCode::UnknownId, format!("there is no variant with id {}", options.variant)))?;
    let base = options.base.trim_end_matches('/');
    if !(base.starts_with("http://") || base.starts_with("https://") || base.starts_with("urn:")) {
        return Err(CoreError::new(ErrorCode::InvalidValue, format!("the canonical base '{base}' is not an http(s) or urn address")));
    }
    let lang = lang_code(options.lang);
    let version = if doc.metadata.version.trim().is_empty() { "0.1.0".to_string() } else { text(&doc.metadata.version) };
    let status = "draft";
    let actor = |id: Option<ActorId>| id.and_then(|a| doc.actor(a));
    let activity_url = |s: StepId| format!("{base}/ActivityDefinition/{s}");
    let plan_id = v.id.to_string();
    let plan_url = format!("{base}/PlanDefinition/{plan_id}");
    let numbers = v.need_numbers();

    let participant = |a: &Actor| {
        json!({ "type": participant_type(a.kind), "role": { "text": text(&a.name) } })
    };
    let participants = |s: &Step| -> Vec<Value> {
        s.actor.into_iter().chain(s.participants.iter().copied()).filter_map(|a| doc.actor(a)).map(participant).collect()
    };

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

    // the data requirements of a step: what its actor uses (input) and provides (output)
    let requirements = |s: &Step| -> (Vec<Value>, Vec<Value>) {
        let (mut input, mut output) = (Vec::new(), Vec::new());
        for &n in needs_at.get(&s.id).map(Vec::as_slice).unwrap_or_default() {
            let provides = s.actor.is_some_and(|a| n.sources().any(|x| x == a)) && !s.actor.is_some_and(|a| n.consumers().any(|x| x == a));
            for (k, it) in n.info_types.iter().filter_map(|i| doc.info_type(*i)).enumerate() {
                let r = json!({
                    "id": format!("{}-{}", n.id, k + 1),
                    "type": resource_type(it),
                    "codeFilter": [{ "path": "code", "code": [{ "display": text(&format!("{}: {}", n.title, it.label())) }] }]
                });
                if provides { output.push(r) } else { input.push(r) }
            }
        }
        (input, output)
    };

    // branch labels: the condition on the action a decision's branch leads to
    let mut conditions: HashMap<StepId, Vec<Value>> = HashMap::new();
    for t in v.transitions_sorted() {
        if v.step(t.from).is_some_and(|s| s.kind == StepKind::Decision) {
            let from = v.step(t.from).map(|s| text(&s.label)).unwrap_or_default();
            let label = if t.label.trim().is_empty() { from.clone() } else { format!("{from}: {}", text(&t.label)) };
            conditions.entry(t.to).or_default().push(json!({ "kind": "applicability", "expression": { "description": label, "language": "text/cql" } }));
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn step_action(
        s: &Step,
        v: &Variant,
        flows: &HashMap<Option<StepId>, Vec<&Step>>,
        participants: &dyn Fn(&Step) -> Vec<Value>,
        requirements: &dyn Fn(&Step) -> (Vec<Value>, Vec<Value>),
        conditions: &HashMap<StepId, Vec<Value>>,
        activity_url: &dyn Fn(StepId) -> String,
    ) -> Value {
        let mut a = Map::new();
        a.insert("id".into(), json!(s.id.to_string()));
        put(&mut a, "title", &s.label);
        put(&mut a, "description", &s.description);
        if let Some(d) = s.duration.as_ref() {
            put(&mut a, "textEquivalent", d);
        }
        a.insert("code".into(), json!([{ "text": s.kind.label(Lang::En) }]));
        if let Some(c) = conditions.get(&s.id) {
            a.insert("condition".into(), json!(c));
        }
        let (input, output) = requirements(s);
        if !input.is_empty() {
            a.insert("input".into(), json!(input));
        }
        if !output.is_empty() {
            a.insert("output".into(), json!(output));
        }
        let next: Vec<Value> = v.outgoing(s.id).map(|t| json!({ "actionId": t.to.to_string(), "relationship": "before-start" })).collect();
        if !next.is_empty() {
            a.insert("relatedAction".into(), json!(next));
        }
        let p = participants(s);
        if !p.is_empty() {
            a.insert("participant".into(), json!(p));
        }
        if s.kind == StepKind::Decision {
            a.insert("selectionBehavior".into(), json!("exactly-one"));
        }
        if s.kind == StepKind::Activity {
            a.insert("definitionCanonical".into(), json!(activity_url(s.id)));
        }
        // a sub-pathway's own flow: its steps as nested actions, along the flow
        let inner: Vec<Value> = ordered(v, flows, Some(s.id)).into_iter().map(|x| step_action(x, v, flows, participants, requirements, conditions, activity_url)).collect();
        if !inner.is_empty() {
            a.insert("action".into(), json!(inner));
        }
        Value::Object(a)
    }

    // phases as actions holding their steps (main flow), in phase order
    let mut phases: Vec<&Phase> = doc.phases.iter().collect();
    phases.sort_by_key(|p| p.order);
    let main = ordered(v, &flows, None);
    let mut actions: Vec<Value> = Vec::new();
    let mut phase_groups: Vec<(Option<&Phase>, Vec<&Step>)> = phases.iter().map(|p| (Some(*p), Vec::new())).collect();
    let mut unphased = Vec::new();
    for s in main {
        match phase_groups.iter_mut().find(|(p, _)| p.is_some_and(|p| Some(p.id) == s.phase)) {
            Some((_, list)) => list.push(s),
            None => unphased.push(s),
        }
    }
    if !unphased.is_empty() {
        phase_groups.push((None, unphased));
    }
    for (k, (phase, steps)) in phase_groups.into_iter().enumerate().filter(|(_, (_, s))| !s.is_empty()) {
        let mut a = Map::new();
        a.insert("id".into(), json!(phase.map_or_else(|| format!("phase-{}", k + 1), |p| p.id.to_string())));
        put(&mut a, "title", phase.map_or(if options.lang == Lang::En { "Without phase" } else { "Uten fase" }, |p| p.name.as_str()));
        if let Some(p) = phase {
            put(&mut a, "description", &p.description);
        }
        a.insert("code".into(), json!([{ "text": "phase" }]));
        a.insert("action".into(), json!(steps.into_iter().map(|s| step_action(s, v, &flows, &participants, &requirements, &conditions, &activity_url)).collect::<Vec<_>>()));
        actions.push(Value::Object(a));
    }

    let mut plan = Map::new();
    plan.insert("resourceType".into(), json!("PlanDefinition"));
    plan.insert("id".into(), json!(plan_id));
    plan.insert("meta".into(), json!({ "profile": ["http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-pathwaydefinition"] }));
    plan.insert("language".into(), json!(lang));
    plan.insert("url".into(), json!(plan_url));
    plan.insert("version".into(), json!(version));
    plan.insert("name".into(), json!(machine_name(&format!("{} {}", doc.metadata.title, v.name))));
    plan.insert("title".into(), json!(text(&format!("{} – {}", doc.metadata.title, v.name))));
    plan.insert(
        "type".into(),
        json!({ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/plan-definition-type", "code": "clinical-protocol", "display": "Clinical Protocol" }] }),
    );
    plan.insert("status".into(), json!(status));
    plan.insert("experimental".into(), json!(true));
    plan.insert("date".into(), json!(doc.metadata.modified.to_rfc3339()));
    let owners = text(&doc.metadata.owners.join(", "));
    plan.insert("publisher".into(), json!(if owners.is_empty() { "Carepath".to_string() } else { owners }));
    let description = if v.description.trim().is_empty() { &doc.metadata.description } else { &v.description };
    plan.insert("description".into(), json!(if text(description).is_empty() { text(&doc.metadata.title) } else { text(description) }));
    if !doc.metadata.patient_group.trim().is_empty() {
        plan.insert("useContext".into(), json!([{ "code": { "system": "http://terminology.hl7.org/CodeSystem/usage-context-type", "code": "focus" }, "valueCodeableConcept": { "text": text(&doc.metadata.patient_group) } }]));
    }
    plan.insert("action".into(), json!(actions));

    let mut entries = vec![json!({ "fullUrl": plan_url, "resource": Value::Object(plan) })];
    for s in v.steps_sorted().into_iter().filter(|s| s.kind == StepKind::Activity) {
        let mut a = Map::new();
        a.insert("resourceType".into(), json!("ActivityDefinition"));
        a.insert("id".into(), json!(s.id.to_string()));
        a.insert("language".into(), json!(lang));
        a.insert("url".into(), json!(activity_url(s.id)));
        a.insert("version".into(), json!(version));
        a.insert("name".into(), json!(machine_name(&s.label)));
        a.insert("title".into(), json!(text(&s.label)));
        a.insert("status".into(), json!(status));
        a.insert("experimental".into(), json!(true));
        put(&mut a, "description", &s.description);
        a.insert("kind".into(), json!("Task"));
        let p: Vec<Value> = s.actor.into_iter().chain(s.participants.iter().copied()).filter_map(|x| actor(Some(x))).map(|x| json!({ "type": participant_type(x.kind), "role": { "text": text(&x.name) } })).collect();
        if !p.is_empty() {
            a.insert("participant".into(), json!(p));
        }
        entries.push(json!({ "fullUrl": activity_url(s.id), "resource": Value::Object(a) }));
    }
    let bundle = json!({
        "resourceType": "Bundle",
        "id": doc.id.to_string(),
        "language": lang,
        "type": "collection",
        "timestamp": doc.metadata.modified.to_rfc3339(),
        "entry": entries,
    });
    Ok(serde_json::to_string_pretty(&bundle).expect("JSON values always serialise") + "\n")
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
