//! Data-sharing needs as table rows: the information-needs analysis table in the column order
//! of the national architecture documents, the needs per consuming role, and the needs
//! register (one row per need, every field) that CSV and XLSX carry.

use super::content::Table;
use super::tr;
use crate::model::*;

/// The actor's name, or "" when there is none.
pub fn actor_name(doc: &Document, id: Option<ActorId>) -> String {
    doc.actor_name(id)
}

/// The information services of a need: "IT17 IT07 Målinger, IT17 Varsel".
pub fn services(doc: &Document, n: &DataNeed) -> String {
    n.info_types.iter().filter_map(|t| doc.info_type(*t)).map(InfoType::label).collect::<Vec<_>>().join(", ")
}

/// The names of actors, each once, joined by ", ".
fn names(doc: &Document, actors: impl Iterator<Item = ActorId>) -> String {
    doc.actor_names(actors)
}

/// Every party of a need with its role: "Pasient (produsent), Fastlege (datakonsument)".
pub fn parties(doc: &Document, n: &DataNeed, lang: Lang) -> String {
    n.parties
        .iter()
        .map(|p| p.shown(&actor_name(doc, Some(p.actor)), lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where the information comes from: the need's source, or else its producers and providers.
fn source(doc: &Document, n: &DataNeed) -> String {
    if n.source.trim().is_empty() { names(doc, n.sources()) } else { n.source.clone() }
}

/// The best (lowest) priority rank among a need's information types; unranked needs last.
fn rank(doc: &Document, n: &DataNeed) -> u8 {
    n.info_types.iter().filter_map(|t| doc.info_type(*t)?.priority).min().unwrap_or(u8::MAX)
}

fn join_nonempty(parts: &[&str], sep: &str) -> String {
    parts.iter().filter(|p| !p.trim().is_empty()).copied().collect::<Vec<_>>().join(sep)
}

/// A variant's needs by their numbers (B1, B2 …), the order the diagram numbers them.
pub fn sorted(v: &Variant) -> Vec<&DataNeed> {
    let mut needs: Vec<&DataNeed> = v.needs().collect();
    needs.sort_by_key(|n| n.id);
    needs
}

/// The information-needs analysis table of a variant.
pub fn analysis_table(doc: &Document, v: &Variant, lang: Lang) -> Table {
    let numbers = v.need_numbers();
    let mut t = Table::new(&[
        tr(lang, "Nr.", "No."),
        tr(lang, "Informasjonsbehov", "Information need"),
        tr(lang, "Informasjonstjeneste", "Information service"),
        tr(lang, "Hva", "What"),
        tr(lang, "Hvorfor", "Why"),
        tr(lang, "Hvor (kilde)", "Where (source)"),
        tr(lang, "Parter og roller", "Parties and roles"),
        tr(lang, "Hvordan", "How"),
        tr(lang, "Samhandlingsform", "Interaction form"),
        tr(lang, "Når og hvor lenge", "When and for how long"),
        tr(lang, "Sammenheng med andre informasjonstjenester", "Relations to other information services"),
    ]);
    // in the target architecture's priority order of information, then by number
    let mut needs = sorted(v);
    needs.sort_by_key(|n| rank(doc, n));
    for n in needs {
        t.row(vec![
            Variant::need_label(&numbers, n.id),
            n.title.clone(),
            services(doc, n),
            n.what.clone(),
            n.why.clone(),
            source(doc, n),
            parties(doc, n, lang),
            n.production.label(lang).to_string(),
            n.form.label(lang).to_string(),
            join_nonempty(&[&n.when, &n.relevance], "\n"),
            n.relations.clone(),
        ]);
    }
    t
}

/// The needs grouped by information type, one row per type (information service) in
/// catalogue order, as the architecture documents list them: its code, the needs that carry it
/// by number, who provides and who consumes it, and how it travels.
pub fn by_information_table(doc: &Document, v: &Variant, lang: Lang) -> Table {
    let numbers = v.need_numbers();
    let mut t = Table::new(&[
        tr(lang, "Informasjonstjeneste", "Information service"),
        tr(lang, "Informasjonstype", "Information type"),
        tr(lang, "Behov", "Needs"),
        tr(lang, "Tilbydere", "Providers"),
        tr(lang, "Konsumenter", "Consumers"),
        tr(lang, "Samhandlingsform", "Interaction form"),
    ]);
    let needs = sorted(v);
    let list = |mut items: Vec<String>| {
        let mut seen = std::collections::HashSet::new();
        items.retain(|i| !i.is_empty() && seen.insert(i.clone()));
        items.join(", ")
    };
    for info in &doc.info_types {
        let with: Vec<&&DataNeed> = needs.iter().filter(|n| n.info_types.contains(&info.id)).collect();
        if with.is_empty() {
            continue;
        }
        t.row(vec![
            info.codes.join(", "),
            info.name.clone(),
            with.iter().map(|n| format!("{} {}", Variant::need_label(&numbers, n.id), n.title)).collect::<Vec<_>>().join("\n"),
            list(with.iter().map(|n| names(doc, n.sources())).collect()),
            list(with.iter().map(|n| names(doc, n.consumers())).collect()),
            list(with.iter().map(|n| n.form.label(lang).to_string()).collect()),
        ]);
    }
    t
}

/// The needs per consuming role, roles in lane order, within a role by priority.
pub fn role_table(doc: &Document, v: &Variant, lang: Lang) -> Table {
    let numbers = v.need_numbers();
    let mut t = Table::new(&[
        tr(lang, "Rolle", "Role"),
        tr(lang, "Prioritet / tidsperspektiv", "Priority / time horizon"),
        tr(lang, "Nr.", "No."),
        tr(lang, "Behov", "Need"),
        tr(lang, "Funksjonelle krav", "Functional requirements"),
    ]);
    let lane = |id: Option<ActorId>| id.and_then(|a| doc.actor(a)).map_or(u32::MAX, |a| a.order);
    // a need with several consumers is a need of each of their roles
    let mut rows: Vec<(Option<ActorId>, &DataNeed)> = Vec::new();
    for n in sorted(v) {
        let consumers: Vec<ActorId> = n.consumers().collect();
        if consumers.is_empty() {
            rows.push((None, n));
        }
        rows.extend(consumers.into_iter().map(|c| (Some(c), n)));
    }
    rows.sort_by_key(|(c, n)| (lane(*c), n.priority.map_or(u8::MAX, |p| p as u8)));
    for (consumer, n) in rows {
        let priority = n.priority.map(|p| p.label(lang)).unwrap_or("");
        let horizon = n.horizon.map(|h| h.label(lang)).unwrap_or("");
        t.row(vec![actor_name(doc, consumer), join_nonempty(&[priority, horizon], " / "), Variant::need_label(&numbers, n.id), n.title.clone(), n.requirements.clone()]);
    }
    t
}

/// The steps a need arises at, by label.
fn step_labels(v: &Variant, n: &DataNeed) -> String {
    n.steps.iter().filter_map(|s| v.step(*s)).map(|s| s.label.clone()).collect::<Vec<_>>().join("; ")
}

/// The needs register: one row per need of the given variants, every field.
pub fn register(doc: &Document, variants: &[&Variant], lang: Lang) -> Table {
    let mut t = Table::new(&[
        tr(lang, "Variant", "Variant"),
        tr(lang, "Nr.", "No."),
        tr(lang, "Informasjonsbehov", "Information need"),
        tr(lang, "Informasjonstjeneste", "Information service"),
        tr(lang, "Hva", "What"),
        tr(lang, "Hvorfor", "Why"),
        tr(lang, "Hvor (kilde)", "Where (source)"),
        tr(lang, "Hvordan", "How"),
        tr(lang, "Samhandlingsform", "Interaction form"),
        tr(lang, "Når", "When"),
        tr(lang, "Hvor lenge", "For how long"),
        tr(lang, "Sammenheng med andre informasjonstjenester", "Relations to other information services"),
        tr(lang, "Kilder (produsent, datatilbyder)", "Sources (producer, provider)"),
        tr(lang, "Databehandlere", "Processors"),
        tr(lang, "Konsumenter", "Consumers"),
        tr(lang, "Steg", "Steps"),
        tr(lang, "Prioritet", "Priority"),
        tr(lang, "Tidsperspektiv", "Time horizon"),
        tr(lang, "Status", "Status"),
        tr(lang, "Funksjonelle krav", "Functional requirements"),
        tr(lang, "Merknader", "Notes"),
        "Id",
    ]);
    for v in variants {
        let numbers = v.need_numbers();
        for n in sorted(v) {
            t.row(vec![
                v.name.clone(),
                Variant::need_label(&numbers, n.id),
                n.title.clone(),
                services(doc, n),
                n.what.clone(),
                n.why.clone(),
                n.source.clone(),
                n.production.label(lang).to_string(),
                n.form.label(lang).to_string(),
                n.when.clone(),
                n.relevance.clone(),
                n.relations.clone(),
                names(doc, n.sources()),
                names(doc, n.processors()),
                names(doc, n.consumers()),
                step_labels(v, n),
                n.priority.map(|p| p.label(lang)).unwrap_or("").to_string(),
                n.horizon.map(|h| h.label(lang)).unwrap_or("").to_string(),
                n.status.label(lang).to_string(),
                n.requirements.clone(),
                n.notes.clone(),
                n.id.to_string(),
            ]);
        }
    }
    t
}

/// Suggested column widths of the register, in characters.
pub const REGISTER_WIDTHS: &[f64] = &[16.0, 6.0, 30.0, 26.0, 30.0, 30.0, 22.0, 14.0, 22.0, 18.0, 18.0, 26.0, 22.0, 18.0, 22.0, 30.0, 10.0, 16.0, 12.0, 34.0, 26.0, 38.0];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_has_one_row_per_need_and_every_column_named() {
        let doc = crate::template::load("copd").unwrap();
        let vs: Vec<&Variant> = doc.variants.iter().collect();
        let t = register(&doc, &vs, Lang::Nb);
        assert_eq!(t.rows.len(), doc.variants.iter().map(|v| v.need_count()).sum::<usize>());
        assert_eq!(t.columns.len(), REGISTER_WIDTHS.len());
        assert!(t.rows.iter().all(|r| r.len() == t.columns.len()));
        let a = analysis_table(&doc, &doc.variants[0], Lang::En);
        assert_eq!(a.columns[0], "No.");
        assert_eq!(a.columns[1], "Information need");
        assert_eq!(a.columns[6], "Parties and roles");
        assert_eq!(a.columns[10], "Relations to other information services");
        // in the priority order of information (the best rank of a need's types), then by number
        let v = &doc.variants[0];
        let numbers = v.need_numbers();
        let key = |n: &DataNeed| (rank(&doc, n), numbers[&n.id]);
        let mut expected: Vec<&DataNeed> = v.needs().collect();
        expected.sort_by_key(|n| key(n));
        let expected: Vec<String> = expected.iter().map(|n| Variant::need_label(&numbers, n.id)).collect();
        assert_eq!(a.rows.iter().map(|r| r[0].clone()).collect::<Vec<_>>(), expected);
        let first = v.needs().find(|n| Variant::need_label(&numbers, n.id) == a.rows[0][0]).unwrap();
        assert_eq!(rank(&doc, first), 1, "needs of the self-management plan first");
        assert!(a.rows[0][6].contains("(provider)") && a.rows[0][6].contains("(consumer)"), "{}", a.rows[0][6]);
    }
}
