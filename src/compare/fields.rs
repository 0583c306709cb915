//! Field by field comparison of two versions of one element, with each value shown as people
//! read it: names instead of ids, kinds by their label, lists joined. Layout positions are
//! left out: where a step was dragged to is not a change of the pathway.

use super::{FieldChange, Side};
use crate::model::*;
use serde::Serialize;

/// The changed fields of one element, in the order they were compared.
pub(super) struct Fields {
    lang: Lang,
    out: Vec<FieldChange>,
}

impl Fields {
    pub fn new(lang: Lang) -> Self {
        Fields { lang, out: Vec::new() }
    }

    pub fn into_vec(self) -> Vec<FieldChange> {
        self.out
    }

    /// Records a field when its values differ (by value) or their display differs (a
    /// referenced element renamed between two documents does not count).
    fn push<V: Serialize + PartialEq>(&mut self, key: &str, a: &V, b: &V, shown_a: String, shown_b: String) {
        if a == b {
            return;
        }
        self.out.push(FieldChange {
            field: key.into(),
            name: field_name(key, self.lang).into(),
            before: shown_a,
            after: shown_b,
            before_value: serde_json::to_value(a).unwrap_or_default(),
            after_value: serde_json::to_value(b).unwrap_or_default(),
        });
    }

    fn text(&mut self, key: &str, a: &str, b: &str) {
        self.push(key, &a, &b, a.to_string(), b.to_string());
    }
}

/// The name of a field in the given language.
pub fn field_name(key: &str, lang: Lang) -> &str {
    let (nb, en) = match key {
        "kind" => ("Type", "Kind"),
        "label" => ("Tekst", "Label"),
        "name" => ("Navn", "Name"),
        "title" => ("Tittel", "Title"),
        "description" => ("Beskrivelse", "Description"),
        "actor" => ("Aktør", "Actor"),
        "phase" => ("Fase", "Phase"),
        "duration" => ("Varighet", "Duration"),
        "from" => ("Fra", "From"),
        "to" => ("Til", "To"),
        "steps" => ("Steg", "Steps"),
        "parties" => ("Parter", "Parties"),
        "codes" => ("Koder", "Codes"),
        "info_types" => ("Informasjonstyper", "Information types"),
        "what" => ("Hva", "What"),
        "why" => ("Hvorfor", "Why"),
        "source" => ("Kilde", "Source"),
        "production" => ("Produksjon", "Production"),
        "form" => ("Samhandlingsform", "Interaction form"),
        "when" => ("Når", "When"),
        "relevance" => ("Hvor lenge", "Relevance"),
        "relations" => ("Relasjoner", "Relations"),
        "priority" => ("Prioritet", "Priority"),
        "horizon" => ("Tidshorisont", "Horizon"),
        "status" => ("Status", "Status"),
        "requirements" => ("Funksjonelle krav", "Functional requirements"),
        "notes" => ("Notater", "Notes"),
        "organisation" => ("Organisasjon", "Organisation"),
        "colour" => ("Farge", "Colour"),
        "order" => ("Plassering", "Position"),
        "code" => ("Kode", "Code"),
        other => (other, other),
    };
    match lang {
        Lang::Nb => nb,
        Lang::En => en,
    }
}

/// The two sides and the language, for showing referenced elements by name.
#[derive(Clone, Copy)]
pub(super) struct Cx<'a> {
    pub a: Side<'a>,
    pub b: Side<'a>,
    pub lang: Lang,
}

fn none(lang: Lang) -> String {
    match lang {
        Lang::Nb => "(ingen)".into(),
        Lang::En => "(none)".into(),
    }
}

impl Cx<'_> {
    fn actor(&self, side: Side, id: Option<ActorId>) -> String {
        match id {
            None => none(self.lang),
            Some(id) => side.doc.actor(id).map(|a| a.name.clone()).unwrap_or_else(|| id.to_string()),
        }
    }
    fn phase(&self, side: Side, id: Option<PhaseId>) -> String {
        match id {
            None => none(self.lang),
            Some(id) => side.doc.phase(id).map(|p| p.name.clone()).unwrap_or_else(|| id.to_string()),
        }
    }
    fn step(&self, side: Side, id: StepId) -> String {
        side.variant.step(id).map(|s| s.label.clone()).unwrap_or_else(|| id.to_string())
    }
    fn steps(&self, side: Side, ids: &[StepId]) -> String {
        join(ids.iter().map(|&s| self.step(side, s)), self.lang)
    }
    fn info_types(&self, side: Side, ids: &[InfoTypeId]) -> String {
        join(ids.iter().map(|&t| side.doc.info_type(t).map(|i| i.name.clone()).unwrap_or_else(|| t.to_string())), self.lang)
    }
    /// "Pasient (produsent), Fastlege (datakonsument)".
    fn parties(&self, side: Side, parties: &[Party]) -> String {
        join(parties.iter().map(|p| p.shown(&self.actor(side, Some(p.actor)), self.lang)), self.lang)
    }
    fn opt_rank(&self, rank: Option<u8>) -> String {
        rank.map_or_else(|| none(self.lang), |r| r.to_string())
    }
    fn opt<T: Copy>(&self, v: Option<T>, f: impl Fn(T) -> &'static str) -> String {
        v.map(|x| f(x).to_string()).unwrap_or_else(|| none(self.lang))
    }

    /// A transition as "from → to (label)".
    pub fn transition_label(&self, side: Side, t: &Transition) -> String {
        let base = format!("{} → {}", self.step(side, t.from), self.step(side, t.to));
        if t.label.trim().is_empty() {
            base
        } else {
            format!("{base} ({})", t.label)
        }
    }

    pub fn actor_fields(&self, f: &mut Fields, x: &Actor, y: &Actor, rank_x: usize, rank_y: usize) {
        let l = self.lang;
        f.text("name", &x.name, &y.name);
        f.push("kind", &x.kind, &y.kind, x.kind.label(l).into(), y.kind.label(l).into());
        f.text("organisation", &x.organisation, &y.organisation);
        f.push("colour", &x.colour, &y.colour, x.colour.clone().unwrap_or_else(|| none(l)), y.colour.clone().unwrap_or_else(|| none(l)));
        f.push("order", &rank_x, &rank_y, (rank_x + 1).to_string(), (rank_y + 1).to_string());
    }

    pub fn phase_fields(&self, f: &mut Fields, x: &Phase, y: &Phase, rank_x: usize, rank_y: usize) {
        f.text("name", &x.name, &y.name);
        f.text("description", &x.description, &y.description);
        f.push("order", &rank_x, &rank_y, (rank_x + 1).to_string(), (rank_y + 1).to_string());
    }

    pub fn info_type_fields(&self, f: &mut Fields, x: &InfoType, y: &InfoType) {
        f.text("name", &x.name, &y.name);
        let codes = |t: &InfoType| if t.codes.is_empty() { none(self.lang) } else { t.codes.join(", ") };
        f.push("codes", &x.codes, &y.codes, codes(x), codes(y));
        f.text("description", &x.description, &y.description);
        f.push("priority", &x.priority, &y.priority, self.opt_rank(x.priority), self.opt_rank(y.priority));
    }

    pub fn step_fields(&self, f: &mut Fields, x: &Step, y: &Step) {
        let l = self.lang;
        f.push("kind", &x.kind, &y.kind, x.kind.label(l).into(), y.kind.label(l).into());
        f.text("label", &x.label, &y.label);
        f.text("description", &x.description, &y.description);
        f.push("actor", &x.actor, &y.actor, self.actor(self.a, x.actor), self.actor(self.b, y.actor));
        f.push("phase", &x.phase, &y.phase, self.phase(self.a, x.phase), self.phase(self.b, y.phase));
        let d = |v: &Option<String>| v.clone().unwrap_or_else(|| none(l));
        f.push("duration", &x.duration, &y.duration, d(&x.duration), d(&y.duration));
    }

    pub fn transition_fields(&self, f: &mut Fields, x: &Transition, y: &Transition) {
        let l = self.lang;
        f.push("from", &x.from, &y.from, self.step(self.a, x.from), self.step(self.b, y.from));
        f.push("to", &x.to, &y.to, self.step(self.a, x.to), self.step(self.b, y.to));
        f.text("label", &x.label, &y.label);
        f.push("kind", &x.kind, &y.kind, x.kind.label(l).into(), y.kind.label(l).into());
    }

    pub fn need_fields(&self, f: &mut Fields, x: &DataNeed, y: &DataNeed) {
        let l = self.lang;
        f.text("title", &x.title, &y.title);
        f.push("steps", &x.steps, &y.steps, self.steps(self.a, &x.steps), self.steps(self.b, &y.steps));
        f.push("parties", &x.parties, &y.parties, self.parties(self.a, &x.parties), self.parties(self.b, &y.parties));
        f.push("info_types", &x.info_types, &y.info_types, self.info_types(self.a, &x.info_types), self.info_types(self.b, &y.info_types));
        f.text("what", &x.what, &y.what);
        f.text("why", &x.why, &y.why);
        f.text("source", &x.source, &y.source);
        f.push("production", &x.production, &y.production, x.production.label(l).into(), y.production.label(l).into());
        f.push("form", &x.form, &y.form, x.form.label(l).into(), y.form.label(l).into());
        f.text("when", &x.when, &y.when);
        f.text("relevance", &x.relevance, &y.relevance);
        f.text("relations", &x.relations, &y.relations);
        f.push("priority", &x.priority, &y.priority, self.opt(x.priority, |p| p.label(l)), self.opt(y.priority, |p| p.label(l)));
        f.push("horizon", &x.horizon, &y.horizon, self.opt(x.horizon, |h| h.label(l)), self.opt(y.horizon, |h| h.label(l)));
        f.push("status", &x.status, &y.status, x.status.label(l).into(), y.status.label(l).into());
        f.text("requirements", &x.requirements, &y.requirements);
        f.text("notes", &x.notes, &y.notes);
    }
}

fn join(items: impl Iterator<Item = String>, lang: Lang) -> String {
    let v: Vec<String> = items.collect();
    if v.is_empty() {
        none(lang)
    } else {
        v.join(", ")
    }
}
