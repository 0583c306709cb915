//! What a window shows of a document, and how one change updates it.
//!
//! A window shows one variant of the document, its layout and the findings (quiet while
//! drawing, or in full). [`Viewer`] remembers what it last sent; after an edit, undo or redo
//! it answers with one [`Update`]: the touched elements with their new values, the findings
//! when they changed, and only the geometry that moved. The window patches its copy from that
//! message alone, so one edit is one message.

mod delta;
#[cfg(test)]
mod tests;

pub use delta::{LayoutDelta, Value};

use crate::edit::Changed;
use crate::layout::{layout, Layout};
use crate::model::{Document, VariantId};
use crate::rules::{validate, validate_while_drawing, Finding};
use crate::Result;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What the window shows: the variant (none: the first) and whether the findings are the
/// quiet ones of a pathway being drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct View {
    #[serde(default)]
    pub variant: Option<VariantId>,
    /// Errors that only say the pathway is unfinished come as notes.
    #[serde(default)]
    pub drawing: bool,
}

/// Everything the window shows, sent when it opens a document or switches variant.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Shown {
    /// Counts what the window was sent: an update follows the message numbered one less.
    pub seq: u64,
    pub document: Document,
    pub findings: Vec<Finding>,
    /// The variant shown (the one asked for, or the first) and its layout.
    pub variant: Option<VariantId>,
    pub layout: Option<Layout>,
}

/// The answer to one edit, undo or redo.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Update {
    /// One more than the message before (a [`Shown`] or an update); a window that sees a gap
    /// asks for everything again.
    pub seq: u64,
    /// The elements touched.
    pub changed: Vec<Changed>,
    /// Their new values; a touched element that no longer exists says so.
    pub values: Vec<Value>,
    /// All findings, when they differ from those sent last; none when they are the same.
    pub findings: Option<Vec<Finding>>,
    /// The variant shown now (the one asked for if it still exists, else the first).
    pub variant: Option<VariantId>,
    /// What moved in its layout; none when nothing did.
    pub layout: Option<LayoutDelta>,
}

/// What a window was last sent: the base each [`Update`] is measured against.
#[derive(Debug, Default)]
pub struct Viewer {
    seq: u64,
    findings: Vec<Finding>,
    layout: Option<Layout>,
}

fn findings_of(doc: &Document, view: View) -> Vec<Finding> {
    if view.drawing {
        validate_while_drawing(doc)
    } else {
        validate(doc)
    }
}

fn shown_variant(doc: &Document, view: View) -> Option<VariantId> {
    view.variant.filter(|v| doc.variant(*v).is_some()).or_else(|| doc.variants.first().map(|v| v.id))
}

impl Viewer {
    /// Everything the window shows, remembered as the base of the next update.
    pub fn show(&mut self, doc: &Document, view: View) -> Result<Shown> {
        let variant = shown_variant(doc, view);
        let layout = variant.map(|v| layout(doc, v)).transpose()?;
        let findings = findings_of(doc, view);
        self.findings = findings.clone();
        self.layout = layout.clone();
        self.seq += 1;
        Ok(Shown { seq: self.seq, document: doc.clone(), findings, variant, layout })
    }

    /// The update after an edit, undo or redo that touched `changed` of `doc`.
    pub fn update(&mut self, doc: &Document, changed: Vec<Changed>, view: View) -> Result<Update> {
        let values = changed.iter().map(|c| Value::of(doc, *c)).collect();
        let findings = findings_of(doc, view);
        let findings = (findings != self.findings).then(|| {
            self.findings = findings.clone();
            findings
        });
        let variant = shown_variant(doc, view);
        let now = variant.map(|v| layout(doc, v)).transpose()?;
        let layout = match (&self.layout, &now) {
            (_, None) => None,
            (Some(before), Some(after)) if before.variant == after.variant => LayoutDelta::between(before, after),
            (_, Some(after)) => Some(LayoutDelta::whole(after)),
        };
        self.layout = now;
        self.seq += 1;
        Ok(Update { seq: self.seq, changed, values, findings, variant, layout })
    }
}
