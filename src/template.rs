//! Built-in templates: realistic pathways a project can start from, stored as data in
//! Carepath's canonical JSON under `assets/templates/` and embedded at build time. Loading a
//! template goes through the same import checks as any file, so a template is exactly as
//! valid as a document the user saved.

use crate::error::{CoreError, ErrorCode, Result};
use crate::import::json::from_json;
use crate::model::{Document, DocumentId, Timestamp};

/// A template's short name and title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateInfo {
    pub name: &'static str,
    pub title: &'static str,
}

/// (name, title, canonical JSON) of every built-in template, in display order.
const TEMPLATES: &[(&str, &str, &str)] =
    &[("copd", "Digital hjemmeoppfølging – KOLS", include_str!("../assets/templates/copd.json"))];

/// The built-in templates.
pub fn list() -> Vec<TemplateInfo> {
    TEMPLATES.iter().map(|&(name, title, _)| TemplateInfo { name, title }).collect()
}

/// The canonical JSON of a built-in template, exactly as stored.
pub fn json(name: &str) -> Result<&'static str> {
    TEMPLATES.iter().find(|(n, _, _)| *n == name).map(|&(_, _, text)| text).ok_or_else(|| {
        let names: Vec<&str> = TEMPLATES.iter().map(|(n, _, _)| *n).collect();
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
    fn unknown_name_lists_the_available_ones() {
        let err = load("hjertesvikt").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidValue);
        assert!(err.message.contains("copd"), "{}", err.message);
    }
}
