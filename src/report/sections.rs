//! The sections of a report, each a function from the [`Context`] to blocks, assembled in the
//! order of [`SECTIONS`]. A new section (a variant diff, a review summary) is one more
//! function in that list; the writers need no change.

use super::content::*;
use super::needs;
use super::tr;
use crate::diagram::DiagramOptions;
use crate::model::*;
use crate::rules::{self, Severity};
use crate::Result;
use std::collections::{HashMap, HashSet};

/// What every section sees: the document, the chosen variants and the language.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub format: super::ReportFormat,
    pub variants: Vec<&'a Variant>,
    pub lang: Lang,
    /// The language of the metadata table's headers.
    pub metadata_headers: Lang,
    pub diagram: DiagramOptions,
}

impl Context<'_> {
    pub fn tr(&self, nb: &'static str, en: &'static str) -> &'static str {
        tr(self.lang, nb, en)
    }
}

/// One section: blocks for the report, or none when it has nothing to say.
pub type Section = fn(&Context) -> Result<Vec<Block>>;

/// The sections in report order.
pub const SECTIONS: &[Section] = &[
    metadata,
    summary,
    variants,
    needs_comparison,
    super::review_sections::changes,
    super::review_sections::review,
    super::review_sections::walkthroughs,
    findings,
];

fn h(level: u8, text: impl Into<String>) -> Block {
    Block::Heading { level, text: text.into() }
}

/// The title and the metadata table that architecture documents open with.
pub fn metadata(cx: &Context) -> Result<Vec<Block>> {
    let m = &cx.doc.metadata;
    let head = |nb, en| tr(cx.metadata_headers, nb, en);
    let mut t = Table::new(&["Status", head("Versjon", "Version"), head("Modenhet", "Maturity"), head("Normeringsnivå", "Normative level")]);
    t.row(vec![m.status.label(cx.lang).into(), m.version.clone(), m.maturity.label(cx.lang).into(), m.normative_level.clone()]);
    t.badge = Some((0, m.status));
    let mut out = vec![h(1, m.title.clone()), Block::Table(t)];
    if !m.description.trim().is_empty() {
        out.push(Block::Paragraph(m.description.clone()));
    }
    Ok(out)
}

/// Patient group, actors, phases and the counts of each chosen variant.
pub fn summary(cx: &Context) -> Result<Vec<Block>> {
    let doc = cx.doc;
    let s = crate::summary::summary(doc);
    let mut facts = Table::new(&[cx.tr("Tema", "Topic"), cx.tr("Innhold", "Content")]);
    facts.row(vec![cx.tr("Pasientgruppe", "Patient group").into(), s.metadata.patient_group.clone()]);
    let actors: Vec<String> = lanes(doc).iter().map(|a| format!("{} ({})", a.name, a.kind.label(cx.lang))).collect();
    facts.row(vec![cx.tr("Aktører", "Actors").into(), actors.join(", ")]);
    let phases: Vec<String> = columns(doc).iter().map(|p| p.name.clone()).collect();
    facts.row(vec![cx.tr("Faser", "Phases").into(), phases.join(", ")]);
    if !s.metadata.owners.is_empty() {
        facts.row(vec![cx.tr("Ansvarlige", "Owners").into(), s.metadata.owners.join(", ")]);
    }
    let mut counts = Table::new(&[
        "Variant",
        cx.tr("Type", "Kind"),
        cx.tr("Steg", "Steps"),
        cx.tr("Overganger", "Transitions"),
        cx.tr("Overleveringer", "Hand-overs"),
        cx.tr("Informasjonsbehov", "Information needs"),
    ]);
    let chosen: HashSet<VariantId> = cx.variants.iter().map(|v| v.id).collect();
    for v in s.variants.iter().filter(|v| chosen.contains(&v.id)) {
        counts.row(vec![
            v.name.clone(),
            v.kind.label(cx.lang).into(),
            v.steps.to_string(),
            v.transitions.to_string(),
            v.handovers.to_string(),
            v.needs.to_string(),
        ]);
    }
    Ok(vec![h(2, cx.tr("Sammendrag", "Summary")), Block::Table(facts), Block::Table(counts)])
}

/// Each chosen variant: its diagram, steps per phase, needs tables and sharing matrix.
pub fn variants(cx: &Context) -> Result<Vec<Block>> {
    let mut out = Vec::new();
    for v in &cx.variants {
        let kind = v.kind.label(cx.lang);
        let same = v.name.trim().eq_ignore_ascii_case(kind) || v.name.trim().eq_ignore_ascii_case(v.kind.label(Lang::Nb));
        out.push(h(2, if same { v.name.clone() } else { format!("{kind}: {}", v.name) }));
        if !v.description.trim().is_empty() {
            out.push(Block::Paragraph(v.description.clone()));
        }
        // one layout serves the picture, its parts and the step numbers in the tables
        let l = crate::layout::layout_with(cx.doc, v.id, &cx.diagram.layout)?;
        out.extend(diagram(cx, v, &l)?);
        out.extend(steps_per_phase(cx, &v.flow_of(None), &l, 3));
        out.extend(sub_pathways(cx, v)?);
        out.push(h(3, cx.tr("Analyse av informasjonsbehov", "Information-needs analysis")));
        // the eleven columns in three tables that fit a page: the service and the parties, what
        // and why, then where, how and when
        let analysis = needs::analysis_table(cx.doc, v, cx.lang);
        if analysis.rows.is_empty() {
            out.push(table_or_note(cx, analysis));
        } else {
            out.push(Block::Table(columns_of(&analysis, &[0, 1, 2, 6])));
            out.push(Block::Table(columns_of(&analysis, &[0, 1, 3, 4])));
            out.push(Block::Table(columns_of(&analysis, &[0, 1, 5, 7, 8, 9, 10])));
        }
        out.push(h(3, cx.tr("Behov per informasjonstjeneste", "Needs per information service")));
        out.push(table_or_note(cx, needs::by_information_table(cx.doc, v, cx.lang)));
        out.push(h(3, cx.tr("Behov per rolle", "Needs per role")));
        out.push(table_or_note(cx, needs::role_table(cx.doc, v, cx.lang)));
        out.push(h(3, cx.tr("Deling mellom aktører", "Sharing between actors")));
        out.push(Block::Paragraph(
            cx.tr(
                "Rader er tilbyder, kolonner er konsument; hver celle viser antall behov og informasjonstypene.",
                "Rows are providers, columns consumers; each cell shows the number of needs and the information types.",
            )
            .into(),
        ));
        out.push(Block::HeatMap(heat_map(cx, v)));
    }
    Ok(out)
}

/// Some of a table's columns, in the order given.
fn columns_of(t: &Table, keep: &[usize]) -> Table {
    let keep: Vec<usize> = keep.iter().copied().filter(|&i| i < t.columns.len()).collect();
    Table {
        columns: keep.iter().map(|&i| t.columns[i].clone()).collect(),
        rows: t.rows.iter().map(|r| keep.iter().map(|&i| r[i].clone()).collect()).collect(),
        badge: None,
    }
}

fn table_or_note(cx: &Context, t: Table) -> Block {
    if t.rows.is_empty() {
        Block::Paragraph(cx.tr("Ingen informasjonsbehov er registrert.", "No information needs are recorded.").into())
    } else {
        Block::Table(t)
    }
}

fn diagram(cx: &Context, v: &Variant, l: &crate::layout::Layout) -> Result<Vec<Block>> {
    if v.step_count() == 0 {
        return Ok(Vec::new());
    }
    let svg = crate::diagram::svg::document(cx.doc, v, l, cx.diagram.lang);
    let (width, height) = svg_size(&svg);
    let caption = format!("{}: {}", cx.tr("Tjenesteforløp", "Service pathway"), v.name);
    let file = format!("{}-{}", slug(cx.tr("tjenesteforløp", "service-pathway")), slug(&v.name));
    let (mut parts, mut legend, mut overview) = (Vec::new(), None, None);
    // one part per phase (a long phase in several), each as long as prints or shows legibly
    let length = match cx.format {
        super::ReportFormat::Pdf | super::ReportFormat::Docx => Some(super::pdf::part_length(l.height)),
        // (a part may come out a tenth longer than asked, so ask a tenth less)
        super::ReportFormat::Md => Some(super::markdown::PART_LENGTH / 1.1),
        _ => None,
    };
    if let Some(length) = length {
        parts = crate::diagram::slices::slices(cx.doc, v, l, length, cx.diagram.lang);
        // pictures for the formats that embed them: twice the drawing's size for sharpness
        if matches!(cx.format, super::ReportFormat::Md | super::ReportFormat::Docx) {
            crate::diagram::slices::with_pngs(&mut parts, 2.0)?;
        }
        if cx.format != super::ReportFormat::Md {
            legend = Some(crate::diagram::slices::legend(l, cx.lang, length));
        }
        // the whole pathway wrapped into rows, where the strip is too wide to read
        if l.width / l.height.max(1.0) > crate::diagram::compose::MAX_ASPECT {
            overview = Some(crate::diagram::compose::overview(cx.doc, v, l, cx.diagram.lang));
        }
    }
    Ok(vec![Block::Figure(Figure { file, caption, svg, width, height, parts, legend, overview })])
}

/// The width and height attributes of the diagram's root element.
pub(super) fn svg_size(svg: &str) -> (f64, f64) {
    let attr = |name: &str| -> f64 {
        let key = format!(" {name}=\"");
        svg.find(&key)
            .and_then(|i| svg[i + key.len()..].split('"').next())
            .and_then(|s| s.trim_end_matches("px").parse().ok())
            .unwrap_or(800.0)
    };
    (attr("width"), attr("height"))
}

/// Each sub-pathway that holds a flow of its own, outer before inner: its description, its
/// flow as a figure of its own (the phases and lanes it uses) and its steps per phase.
fn sub_pathways(cx: &Context, v: &Variant) -> Result<Vec<Block>> {
    let mut out = Vec::new();
    for sub in v.nested_flows() {
        let Some(step) = v.step(sub) else { continue };
        let path: Vec<String> = v.enclosing(sub).iter().filter_map(|&s| v.step(s)).map(|s| s.label.clone()).chain([step.label.clone()]).collect();
        out.push(h(3, format!("{}: {}", cx.tr("Delforløp", "Sub-pathway"), path.join(" › "))));
        if !step.description.trim().is_empty() {
            out.push(Block::Paragraph(step.description.clone()));
        }
        let opts = crate::layout::LayoutOptions { flow: Some(sub), ..cx.diagram.layout };
        let l = crate::layout::layout_with(cx.doc, v.id, &opts)?;
        let mut own = v.flow_of(Some(sub)).into_owned();
        own.name = format!("{} › {}", v.name, path.join(" › "));
        if own.step_count() > 0 {
            let figure = crate::diagram::compose::flow_figure(cx.doc, &own, &l, cx.diagram.lang);
            let (width, height) = svg_size(&figure.svg);
            let caption = format!("{}: {}", cx.tr("Delforløp", "Sub-pathway"), own.name);
            let file = format!("{}-{}", slug(cx.tr("delforløp", "sub-pathway")), slug(&own.name));
            out.push(Block::Figure(Figure { file, caption, svg: figure.svg, width, height, parts: Vec::new(), legend: None, overview: None }));
        }
        out.extend(steps_per_phase(cx, &own, &l, 4));
    }
    Ok(out)
}

/// Steps of each phase by their numbers in the diagram (phase by phase, along the flow), with
/// actor and text: every step of the flow once. Headed at `level`, the phases one below.
fn steps_per_phase(cx: &Context, v: &Variant, l: &crate::layout::Layout, level: u8) -> Vec<Block> {
    let numbers: HashMap<StepId, u32> = l.steps.iter().map(|b| (b.id, b.number)).collect();
    let mut by_phase: HashMap<Option<PhaseId>, Vec<&Step>> = HashMap::new();
    for s in v.steps() {
        by_phase.entry(s.phase.filter(|p| cx.doc.phase(*p).is_some())).or_default().push(s);
    }
    for steps in by_phase.values_mut() {
        steps.sort_by_key(|s| (numbers.get(&s.id).copied().unwrap_or(u32::MAX), s.id));
    }
    let mut out = vec![h(level, cx.tr("Steg per fase", "Steps per phase"))];
    let groups = columns(cx.doc).into_iter().map(|p| (Some(p.id), p.name.clone())).chain([(None, cx.tr("Uten fase", "Without phase").to_string())]);
    for (phase, name) in groups {
        let Some(steps) = by_phase.get(&phase) else {
            continue;
        };
        out.push(h(level + 1, name));
        let mut t = Table::new(&[cx.tr("Nr.", "No."), cx.tr("Steg", "Step"), cx.tr("Type", "Kind"), cx.tr("Aktør", "Actor"), cx.tr("Beskrivelse", "Description")]);
        for s in steps {
            let mut text = s.description.clone();
            if let Some(d) = s.duration.as_deref().filter(|d| !d.trim().is_empty()) {
                text = if text.is_empty() { format!("({d})") } else { format!("{text} ({d})") };
            }
            let number = numbers.get(&s.id).map(|n| n.to_string()).unwrap_or_default();
            let mut actor = needs::actor_name(cx.doc, s.actor);
            let with: Vec<String> = s.participants.iter().map(|&p| needs::actor_name(cx.doc, Some(p))).filter(|n| !n.is_empty()).collect();
            if !with.is_empty() {
                actor = format!("{actor} ({} {})", cx.tr("med", "with"), with.join(", "));
            }
            t.row(vec![number, s.label.clone(), s.kind.label(cx.lang).into(), actor, text]);
        }
        out.push(Block::Table(t));
    }
    out
}

fn heat_map(cx: &Context, v: &Variant) -> HeatMap {
    let m = rules::sharing_matrix(cx.doc, v);
    let name = |id: ActorId| cx.doc.actor(id).map(|a| a.name.clone()).unwrap_or_default();
    let cells = m
        .cells
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| HeatCell {
                    count: c.needs.len(),
                    text: c.info_types.iter().filter_map(|t| cx.doc.info_type(*t)).map(|t| t.name.clone()).collect::<Vec<_>>().join(", "),
                })
                .collect()
        })
        .collect();
    HeatMap { corner: cx.tr("Tilbyder \\ Konsument", "Provider \\ Consumer").into(), labels: m.actors.iter().map(|&a| name(a)).collect(), cells }
}

/// Needs of the current pathway against the desired one: met or not, and how information
/// travels before and after. A need is matched by id (a desired variant copied from the
/// current one keeps its needs' ids), else by title; a renamed need shows both titles.
pub fn needs_comparison(cx: &Context) -> Result<Vec<Block>> {
    let pick = |kind| cx.variants.iter().find(|v| v.kind == kind).copied();
    let (Some(now), Some(want)) = (pick(VariantKind::Current), pick(VariantKind::Desired)) else { return Ok(Vec::new()) };
    let key = |n: &DataNeed| n.title.trim().to_lowercase();
    let mut t = Table::new(&[
        cx.tr("Informasjonsbehov", "Information need"),
        cx.tr("Status nå", "Status now"),
        cx.tr("Status ønsket", "Status desired"),
        cx.tr("Samhandlingsform nå", "Interaction form now"),
        cx.tr("Samhandlingsform ønsket", "Interaction form desired"),
    ]);
    let missing = cx.tr("(ikke med)", "(not present)");
    let wanted = needs::sorted(want);
    let mut by_title: HashMap<String, &DataNeed> = HashMap::new();
    for w in wanted.iter().rev() {
        by_title.insert(key(w), w);
    }
    let mut used = HashSet::new();
    let mut pairs: Vec<(Option<&DataNeed>, Option<&DataNeed>)> = Vec::new();
    let current = needs::sorted(now);
    // by id first, so a title that moved to another need cannot take a renamed need's place
    let by_id: Vec<Option<&DataNeed>> = current.iter().map(|n| want.need(n.id)).collect();
    used.extend(by_id.iter().flatten().map(|w| w.id));
    for (n, found) in current.iter().zip(by_id) {
        let found = found.or_else(|| by_title.get(&key(n)).copied().filter(|w| !used.contains(&w.id)));
        if let Some(w) = found {
            used.insert(w.id);
        }
        pairs.push((Some(n), found));
    }
    pairs.extend(wanted.iter().filter(|w| !used.contains(&w.id)).map(|w| (None, Some(*w))));
    for (b, a) in pairs {
        let title = match (b, a) {
            (Some(b), Some(a)) if b.title.trim() != a.title.trim() => format!("{} ({} «{}»)", a.title, cx.tr("tidligere", "formerly"), b.title),
            _ => a.or(b).map(|n| n.title.clone()).unwrap_or_default(),
        };
        let status = |x: Option<&DataNeed>| x.map_or(missing, |n| n.status.label(cx.lang));
        let form = |x: Option<&DataNeed>| x.map_or(missing, |n| n.form.label(cx.lang));
        t.row(vec![title, status(b).into(), status(a).into(), form(b).into(), form(a).into()]);
    }
    let intro = format!("{} «{}» {} «{}».", cx.tr("Behovene i", "The needs in"), now.name, cx.tr("sammenlignet med", "compared with"), want.name);
    Ok(vec![
        h(2, cx.tr("Nå-situasjon og ønsket forløp: informasjonsbehov", "Current and desired pathway: information needs")),
        Block::Paragraph(intro),
        table_or_note(cx, t),
    ])
}

/// The validation findings of the document and the chosen variants.
pub fn findings(cx: &Context) -> Result<Vec<Block>> {
    let chosen: HashSet<VariantId> = cx.variants.iter().map(|v| v.id).collect();
    let found: Vec<_> = rules::validate(cx.doc).into_iter().filter(|f| f.variant.map_or(true, |v| chosen.contains(&v))).collect();
    let mut out = vec![h(2, cx.tr("Valideringsfunn", "Validation findings"))];
    if found.is_empty() {
        out.push(Block::Paragraph(cx.tr("Ingen funn.", "No findings.").into()));
        return Ok(out);
    }
    let (open, accepted): (Vec<&rules::Finding>, Vec<&rules::Finding>) = found.iter().partition(|f| f.accepted.is_none());
    let count = |s| open.iter().filter(|f| f.severity == s).count();
    out.push(Block::Paragraph(format!(
        "{} {}, {} {}, {} {}, {} {}.",
        count(Severity::Error),
        cx.tr("feil", "errors"),
        count(Severity::Warning),
        cx.tr("advarsler", "warnings"),
        count(Severity::Info),
        cx.tr("merknader", "notes"),
        accepted.len(),
        cx.tr("godtatt med begrunnelse", "accepted with a reason")
    )));
    let variant = |f: &rules::Finding| f.variant.and_then(|v| cx.doc.variant(v)).map(|v| v.name.clone()).unwrap_or_default();
    // the rule by its plain-language name; the id only for a rule this version does not know
    let rule = |f: &rules::Finding| rules::rule_info(&f.rule).map_or_else(|| f.rule.clone(), |r| r.title(cx.lang).to_string());
    if !open.is_empty() {
        let mut t = Table::new(&[cx.tr("Alvorlighet", "Severity"), cx.tr("Regel", "Rule"), "Variant", cx.tr("Melding", "Message")]);
        for f in &open {
            t.row(vec![f.severity.label(cx.lang).into(), rule(f), variant(f), f.message(cx.lang).into()]);
        }
        out.push(Block::Table(t));
    }
    if !accepted.is_empty() {
        out.push(h(3, cx.tr("Godtatte funn", "Accepted findings")));
        let mut t = Table::new(&[cx.tr("Regel", "Rule"), "Variant", cx.tr("Melding", "Message"), cx.tr("Begrunnelse", "Reason"), cx.tr("Godtatt av", "Accepted by")]);
        for f in &accepted {
            let a = f.accepted.as_ref().expect("partitioned on accepted");
            t.row(vec![rule(f), variant(f), f.message(cx.lang).into(), a.reason.clone(), a.author.clone()]);
        }
        out.push(Block::Table(t));
    }
    Ok(out)
}

fn lanes(doc: &Document) -> Vec<&Actor> {
    let mut a: Vec<&Actor> = doc.actors.iter().collect();
    a.sort_by_key(|a| (a.order, a.id));
    a
}

fn columns(doc: &Document) -> Vec<&Phase> {
    let mut p: Vec<&Phase> = doc.phases.iter().collect();
    p.sort_by_key(|p| (p.order, p.id));
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Edit};

    fn rows(doc: &Document) -> Vec<Vec<String>> {
        let cx = Context { doc, format: crate::report::ReportFormat::Md, variants: doc.variants.iter().collect(), lang: Lang::Nb, metadata_headers: Lang::Nb, diagram: DiagramOptions::default() };
        let blocks = needs_comparison(&cx).unwrap();
        blocks.into_iter().find_map(|b| if let Block::Table(t) = b { Some(t.rows) } else { None }).unwrap()
    }

    #[test]
    fn the_metadata_table_speaks_the_report_language_or_the_dho_form_when_asked() {
        let doc = crate::template::load("copd").unwrap();
        let heads = |headers: Lang| {
            let cx = Context { doc: &doc, format: crate::report::ReportFormat::Md, variants: Vec::new(), lang: Lang::Nb, metadata_headers: headers, diagram: DiagramOptions::default() };
            let blocks = metadata(&cx).unwrap();
            let t = blocks.into_iter().find_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).unwrap();
            assert_eq!(t.badge.map(|b| b.0), Some(0), "the status is a badge");
            // the values stay in the report's language
            assert_eq!(t.rows[0][0], doc.metadata.status.label(Lang::Nb));
            t.columns
        };
        assert_eq!(heads(Lang::Nb), ["Status", "Versjon", "Modenhet", "Normeringsnivå"]);
        assert_eq!(heads(Lang::En), ["Status", "Version", "Maturity", "Normative level"]);
    }

    #[test]
    fn needs_are_compared_by_id_so_a_renamed_need_keeps_its_row() {
        let mut doc = crate::template::load("copd").unwrap();
        let before = rows(&doc);
        let want = doc.variants.iter().find(|v| v.kind == VariantKind::Desired).unwrap();
        let now = doc.variants.iter().find(|v| v.kind == VariantKind::Current).unwrap();
        let shared = want.needs().find(|n| now.need(n.id).is_some()).unwrap().clone();
        let old_title = shared.title.clone();
        let renamed = DataNeed { title: "Nytt navn på behovet".into(), ..shared };
        let variant = want.id;
        apply(&mut doc, Edit::UpdateNeed { variant, need: renamed }).unwrap();
        let after = rows(&doc);
        assert_eq!(after.len(), before.len(), "a renamed need is still one row");
        let row = after.iter().find(|r| r[0].starts_with("Nytt navn på behovet")).unwrap();
        assert_eq!(row[0], format!("Nytt navn på behovet (tidligere «{old_title}»)"));
        assert!(row[1] != "(ikke med)" && row[2] != "(ikke med)", "{row:?}");
    }

    #[test]
    fn needs_of_separately_drawn_variants_are_matched_by_title() {
        let mut doc = crate::template::load("copd").unwrap();
        let want = doc.variants.iter().find(|v| v.kind == VariantKind::Desired).unwrap();
        let now = doc.variants.iter().find(|v| v.kind == VariantKind::Current).unwrap();
        let shared = want.needs().find(|n| now.need(n.id).is_some()).unwrap().clone();
        // the same need drawn afresh: a new id, the same title
        let variant = want.id;
        apply(&mut doc, Edit::RemoveNeed { variant, id: shared.id }).unwrap();
        let redrawn = DataNeed { id: NeedId::new(), ..shared.clone() };
        apply(&mut doc, Edit::AddNeed { variant, need: redrawn }).unwrap();
        let rows = rows(&doc);
        let matching: Vec<_> = rows.iter().filter(|r| r[0] == shared.title).collect();
        assert_eq!(matching.len(), 1, "{matching:?}");
        assert!(matching[0][1] != "(ikke med)" && matching[0][2] != "(ikke med)");
    }
}
