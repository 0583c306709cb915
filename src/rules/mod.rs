//! Validation rules and graph analysis. API contract (implementation in progress).

use crate::model::{Document, ElementRef, Lang, VariantId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
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
}

impl Finding {
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nb => &self.message_nb,
            Lang::En => &self.message_en,
        }
    }
}

/// Runs every rule on every variant; findings in a stable order.
pub fn validate(doc: &Document) -> Vec<Finding> {
    let _ = doc;
    Vec::new()
}
