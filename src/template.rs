//! Built-in templates (data under `assets/templates/`). API contract (in progress).

use crate::error::Result;
use crate::model::Document;

/// A template's short name and title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateInfo {
    pub name: &'static str,
    pub title: &'static str,
}

/// The built-in templates.
pub fn list() -> Vec<TemplateInfo> {
    Vec::new()
}

/// A new document from a template (created/modified set to now).
pub fn load(name: &str) -> Result<Document> {
    let _ = name;
    todo!()
}
