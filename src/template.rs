//! Built-in templates: realistic pathways a project can start from, stored as data in
//! Carepath's canonical JSON under `assets/templates/` and embedded at build time. Loading a
//! template goes through the same import checks as any file, so a template is exactly as
//! valid as a document the user saved.

use crate::error::{CoreError, ErrorCode, Result};
use crate::import::json::from_json;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use crate::model::{Actor, ActorId, ActorKind, Document, DocumentId, Lang, Phase, PhaseId, Timestamp, Variant, VariantId};

/// A template's short name and title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateInfo {
    pub name: &'static str,
    /// The title in Norwegian bokmål (the template's own language).
    pub title: &'static str,
    /// The title in English.
    pub title_en: &'static str,
}

/// A template as File -> New offers it: its name, title, patient group and what it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TemplateCard {
    pub name: String,
    pub title: String,
    /// The title in English, for a window that speaks English.
    #[serde(default)]
    pub title_en: String,
    pub patient_group: String,
    pub description: String,
    pub lanes: usize,
    pub phases: usize,
    /// Steps and needs of the first variant, and the names of all variants.
    pub steps: usize,
    pub needs: usize,
    pub variants: Vec<String>,
    /// A picture of the first variant: its overview as SVG, without the need layer, to show
    /// small on the start screen and in File -> New.
    pub preview: String,
}

/// The built-in templates with what each holds, in display order.
pub fn cards() -> Result<Vec<TemplateCard>> {
    list()
        .into_iter()
        .map(|info| {
            let doc = load(info.name)?;
            let first = doc.variants.first();
            Ok(TemplateCard {
                name: info.name.to_string(),
                title: doc.metadata.title.clone(),
                title_en: info.title_en.to_string(),
                patient_group: doc.metadata.patient_group.clone(),
                description: doc.metadata.description.clone(),
                lanes: doc.actors.len(),
                phases: doc.phases.len(),
                steps: first.map_or(0, |v| v.step_count()),
                needs: first.map_or(0, |v| v.needs().count()),
                variants: doc.variants.iter().map(|v| v.name.clone()).collect(),
                preview: match first {
                    Some(v) => preview(&doc, v)?,
                    None => String::new(),
                },
            })
        })
        .collect()
}

/// The overview of a variant without its need layer, as SVG.
fn preview(doc: &Document, v: &Variant) -> Result<String> {
    let opts = crate::layout::LayoutOptions { needs: false, ..Default::default() };
    let l = crate::layout::layout_with(doc, v.id, &opts)?;
    Ok(crate::diagram::compose::overview(doc, v, &l, Lang::Nb).svg)
}

/// What File -> New creates: a copy of a template, or a blank document (optionally with the
/// lane and phase skeleton), under the title asked for up front.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NewDocument {
    /// A built-in template's name; `None` for a blank document.
    pub template: Option<String>,
    /// The title; empty keeps the template's, or gives a blank document the default one.
    pub title: String,
    /// For a blank document: four lanes and four phases to rename.
    #[serde(default)]
    pub skeleton: bool,
    /// The language a blank document's variant, lanes and phases are named in.
    pub lang: Lang,
}

impl NewDocument {
    /// The document to create.
    pub fn build(&self) -> Result<Document> {
        match &self.template {
            Some(name) => {
                let mut doc = load(name)?;
                if !self.title.trim().is_empty() {
                    doc.metadata.title = self.title.trim().to_string();
                }
                Ok(doc)
            }
            None => Ok(blank(&self.title, self.lang, self.skeleton)),
        }
    }
}

/// (name, title in bokmål, title in English, canonical JSON) of every built-in template, in
/// display order.
const TEMPLATES: &[(&str, &str, &str, &str)] = &[
    ("copd", "Digital hjemmeoppfølging – KOLS", "Digital home follow-up – COPD", include_str!("../assets/templates/copd.json")),
    (
        "heart-failure",
        "Digital hjemmeoppfølging – hjertesvikt",
        "Digital home follow-up – heart failure",
        include_str!("../assets/templates/heart-failure.json"),
    ),
    (
        "diabetes-type-2",
        "Digital hjemmeoppfølging – diabetes type 2",
        "Digital home follow-up – type 2 diabetes",
        include_str!("../assets/templates/diabetes-type-2.json"),
    ),
    (
        "frail-elderly",
        "Helhetlig oppfølging – skrøpelige eldre med sammensatte behov",
        "Integrated follow-up – frail elderly people with complex needs",
        include_str!("../assets/templates/frail-elderly.json"),
    ),
];

/// The built-in templates.
pub fn list() -> Vec<TemplateInfo> {
    TEMPLATES.iter().map(|&(name, title, title_en, _)| TemplateInfo { name, title, title_en }).collect()
}

/// The canonical JSON of a built-in template, exactly as stored.
pub fn json(name: &str) -> Result<&'static str> {
    TEMPLATES.iter().find(|(n, _, _, _)| *n == name).map(|&(_, _, _, text)| text).ok_or_else(|| {
        let names: Vec<&str> = TEMPLATES.iter().map(|(n, _, _, _)| *n).collect();
        CoreError::new(
            ErrorCode::InvalidValue,
            format!("there is no template named '{name}'; available: {}", names.join(", ")),
        )
    })
}

/// A new document from a template: a document id of its own (so a review copy of one document
/// made from the template is never merged into another), created/modified set to now. The
/// elements keep the template's ids, so documents from one template can still be compared.
pub fn load(name: &str) -> Result<Document> {
    let text = json(name)?;
    let mut doc = from_json(text).map_err(|e| e.context(format_args!("template '{name}'")))?;
    doc.id = DocumentId::new();
    let now = Timestamp::now();
    doc.metadata.created = now;
    doc.metadata.modified = now;
    Ok(doc)
}

/// The lanes of the skeleton: the parties most pathways have.
const SKELETON_ACTORS: &[(ActorKind, &str, &str)] = &[
    (ActorKind::Patient, "Pasient og pårørende", "Patient and next of kin"),
    (ActorKind::Municipal, "Kommunen", "Municipality"),
    (ActorKind::Gp, "Fastlege", "GP"),
    (ActorKind::Hospital, "Sykehus", "Hospital"),
];

/// The phases of the skeleton.
const SKELETON_PHASES: &[(&str, &str)] =
    &[("Henvisning", "Referral"), ("Oppstart", "Start"), ("Oppfølging", "Follow-up"), ("Avslutning", "Closing")];

/// A blank document: the title, the default information catalogue and one empty variant for
/// the pathway as it runs today, named in the given language; with `skeleton`, also four
/// lanes (patient and next of kin, municipality, GP, hospital) and four phases (referral,
/// start, follow-up, closing) to rename or delete. Nothing of any template comes along.
pub fn blank(title: &str, lang: Lang, skeleton: bool) -> Document {
    let title = title.trim();
    let mut doc = Document::new(if title.is_empty() { default_title(lang) } else { title });
    let nb = lang == Lang::Nb;
    doc.variants.push(Variant::new(VariantId::new(), if nb { "Nå-situasjon" } else { "Current pathway" }));
    if skeleton {
        doc.actors = SKELETON_ACTORS
            .iter()
            .enumerate()
            .map(|(i, &(kind, name_nb, name_en))| Actor {
                id: ActorId::new(),
                name: (if nb { name_nb } else { name_en }).to_string(),
                kind,
                organisation: String::new(),
                colour: Some(crate::model::document::LANE_COLOURS[i % crate::model::document::LANE_COLOURS.len()].to_string()),
                order: i as u32,
            })
            .collect();
        doc.phases = SKELETON_PHASES
            .iter()
            .enumerate()
            .map(|(i, &(name_nb, name_en))| Phase {
                id: PhaseId::new(),
                name: (if nb { name_nb } else { name_en }).to_string(),
                description: String::new(),
                order: i as u32,
            })
            .collect();
    }
    doc
}

/// The title a new document has when the user gives none.
pub fn default_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "Nytt tjenesteforløp",
        Lang::En => "New service pathway",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_template_loads_with_its_title() {
        for info in list() {
            let doc = load(info.name).unwrap();
            assert_eq!(doc.metadata.title, info.title);
        }
    }

    #[test]
    fn a_blank_document_has_the_catalogue_one_empty_variant_and_nothing_of_a_template() {
        let doc = blank("  Hjertesvikt – nå  ", Lang::Nb, false);
        assert_eq!(doc.metadata.title, "Hjertesvikt – nå");
        let entry = |t: &crate::model::InfoType| (t.name.clone(), t.codes.clone(), t.priority);
        assert_eq!(doc.info_types.iter().map(entry).collect::<Vec<_>>(), crate::model::catalogue::default_catalogue().iter().map(entry).collect::<Vec<_>>());
        assert!(!doc.info_types.is_empty());
        assert_eq!(doc.variants.len(), 1);
        let v = &doc.variants[0];
        assert_eq!((v.name.as_str(), v.step_count(), v.needs().count()), ("Nå-situasjon", 0, 0));
        assert!(v.description.is_empty() && doc.actors.is_empty() && doc.phases.is_empty() && doc.comments.is_empty());
        assert_eq!(blank("", Lang::En, false).metadata.title, "New service pathway");
        // all an empty pathway lacks is its start and its end
        let rules: Vec<String> = crate::rules::validate(&doc).into_iter().map(|f| f.rule).collect();
        assert_eq!(rules, ["no-start", "no-end"]);
    }

    #[test]
    fn the_skeleton_brings_lanes_and_phases_in_the_chosen_language() {
        let nb = blank("x", Lang::Nb, true);
        let names = |d: &Document| (d.actors.iter().map(|a| a.name.clone()).collect::<Vec<_>>(), d.phases.iter().map(|p| p.name.clone()).collect::<Vec<_>>());
        assert_eq!(names(&nb).0, ["Pasient og pårørende", "Kommunen", "Fastlege", "Sykehus"]);
        assert_eq!(names(&nb).1, ["Henvisning", "Oppstart", "Oppfølging", "Avslutning"]);
        let en = blank("x", Lang::En, true);
        assert_eq!(names(&en).0[0], "Patient and next of kin");
        assert_eq!(en.variants[0].name, "Current pathway");
        assert!(nb.actors.iter().enumerate().all(|(i, a)| a.order == i as u32 && a.colour.is_some()));
        // a skeleton document is a valid file
        let text = crate::export::json::to_json(&nb);
        assert_eq!(crate::import::json::from_json(&text).unwrap().actors.len(), 4);
    }

    #[test]
    fn new_document_takes_the_title_for_a_template_copy_and_a_blank_one() {
        let req = |template: Option<&str>, title: &str| NewDocument { template: template.map(String::from), title: title.into(), skeleton: false, lang: Lang::En };
        let copd = req(Some("copd"), " KOLS Ålesund ").build().unwrap();
        assert_eq!((copd.metadata.title.as_str(), copd.variants.len()), ("KOLS Ålesund", 2));
        assert_eq!(req(Some("copd"), "").build().unwrap().metadata.title, "Digital hjemmeoppfølging – KOLS");
        let blank = req(None, "Hjertesvikt").build().unwrap();
        assert_eq!((blank.metadata.title.as_str(), blank.variants[0].step_count()), ("Hjertesvikt", 0));
        assert_eq!(req(Some("nope"), "x").build().unwrap_err().code, ErrorCode::InvalidValue);
        let cards = cards().unwrap();
        assert_eq!(cards[0].name, "copd");
        assert_eq!((cards[0].lanes, cards[0].phases, cards[0].variants.len()), (copd.actors.len(), copd.phases.len(), 2));
        assert!(cards[0].steps > 30 && cards[0].needs > 10);
        // the preview is the first variant's overview: a picture with its steps' words, no needs
        let p = &cards[0].preview;
        assert!(p.starts_with("<svg") || p.starts_with("<?xml"), "{}", &p[..40.min(p.len())]);
        let first_step = copd.variants[0].steps().find(|s| s.kind == crate::model::StepKind::Activity).unwrap();
        assert!(first_step.label.split_whitespace().all(|w| p.contains(crate::xmltext::escape_text(w).as_str())), "{}", first_step.label);
    }

    #[test]
    fn unknown_name_lists_the_available_ones() {
        let err = load("hjertesvikt").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidValue);
        assert!(err.message.contains("copd"), "{}", err.message);
    }
}
