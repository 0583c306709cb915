//! What a window shows of a document, and how one change updates it.
//!
//! A window shows one variant of the document, its layout and the findings (quiet while
//! drawing, or in full). [`Viewer`] remembers what it last sent; after an edit, undo or redo
//! it answers with one [`Update`]: the touched elements with their new values, the findings
//! when they changed, and only the geometry that moved. The window patches its copy from that
//! message alone, so one edit is one message.

mod delta;
pub mod menu;
#[cfg(test)]
mod tests;

pub use delta::{LayoutDelta, Value};

use crate::edit::Changed;
use crate::layout::{layout_with, relabel, Layout, LayoutOptions};
use crate::model::{Document, StepId, StepKind, VariantId};
use crate::rules::{validate, validate_while_drawing, Finding};
use crate::Result;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What the window shows: the variant (none: the first), the flow in it (none: the main
/// flow; else a sub-pathway step's own), and whether the findings are the quiet ones of a
/// pathway being drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct View {
    #[serde(default)]
    pub variant: Option<VariantId>,
    /// Errors that only say the pathway is unfinished come as notes.
    #[serde(default)]
    pub drawing: bool,
    #[serde(default)]
    pub flow: Option<StepId>,
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
    /// The flow shown: the sub-pathway step asked for while it exists, else the main flow.
    pub flow: Option<StepId>,
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
    /// The flow shown now (the one asked for while its sub-pathway step exists, else the main flow).
    pub flow: Option<StepId>,
    /// What moved in its layout; none when nothing did.
    pub layout: Option<LayoutDelta>,
}

/// What a window was last sent: the base each [`Update`] is measured against.
#[derive(Debug, Default)]
pub struct Viewer {
    seq: u64,
    findings: Vec<Finding>,
    layout: Option<Layout>,
    /// The flow `layout` draws.
    flow: Option<StepId>,
}

fn findings_of(doc: &Document, view: View) -> Vec<Finding> {
    if view.drawing {
        validate_while_drawing(doc)
    } else {
        validate(doc)
    }
}

fn shown_variant(doc: &Document, view: View) -> Option<VariantId> {
    view.variant
        .filter(|v| doc.variant(*v).is_some())
        .or_else(|| doc.variants.first().map(|v| v.id))
}

/// The flow asked for while its sub-pathway step is there, else the main flow.
fn shown_flow(doc: &Document, variant: Option<VariantId>, view: View) -> Option<StepId> {
    let v = doc.variant(variant?)?;
    view.flow.filter(|f| v.step(*f).is_some_and(|s| s.kind == StepKind::SubPathway))
}

fn layout_of(doc: &Document, variant: VariantId, flow: Option<StepId>) -> Result<Layout> {
    layout_with(doc, variant, &LayoutOptions { flow, ..LayoutOptions::default() })
}

impl Viewer {
    /// Everything the window shows, remembered as the base of the next update.
    pub fn show(&mut self, doc: &Document, view: View) -> Result<Shown> {
        let variant = shown_variant(doc, view);
        let flow = shown_flow(doc, variant, view);
        let layout = variant.map(|v| layout_of(doc, v, flow)).transpose()?;
        let findings = findings_of(doc, view);
        self.findings = findings.clone();
        self.layout = layout.clone();
        self.flow = flow;
        self.seq += 1;
        Ok(Shown {
            seq: self.seq,
            document: doc.clone(),
            findings,
            variant,
            flow,
            layout,
        })
    }

    /// The update after an edit, undo or redo that touched `changed` of `doc`.
    pub fn update(&mut self, doc: &Document, changed: Vec<Changed>, view: View) -> Result<Update> {
        let values = changed.iter().map(|c| Value::of(doc, *c)).collect();
        let findings = if changed.iter().any(|c| may_change_findings(*c)) {
            let findings = findings_of(doc, view);
            (findings != self.findings).then(|| {
                self.findings = findings.clone();
                findings
            })
        } else {
            None
        };
        let variant = shown_variant(doc, view);
        let flow = shown_flow(doc, variant, view);
        let layout = self.layout_update(doc, variant, flow, &changed)?;
        self.seq += 1;
        Ok(Update {
            seq: self.seq,
            changed,
            values,
            findings,
            variant,
            flow,
            layout,
        })
    }

    /// What moved in the layout of `variant` after `changed`: nothing when the edit cannot
    /// reach the layout, the new label lines when only labels changed and every box stays,
    /// else the difference to a new layout.
    fn layout_update(
        &mut self,
        doc: &Document,
        variant: Option<VariantId>,
        flow: Option<StepId>,
        changed: &[Changed],
    ) -> Result<Option<LayoutDelta>> {
        let Some(v) = variant else {
            self.layout = None;
            return Ok(None);
        };
        let same_flow = self.flow == flow;
        if let Some(before) = self.layout.as_mut().filter(|l| l.variant == v && same_flow) {
            match reach(changed, v) {
                Reach::Nothing => return Ok(None),
                Reach::Steps(ids) => {
                    if let Some(at) = relabel(before, doc, &ids) {
                        return Ok((!at.is_empty()).then(|| LayoutDelta::of_steps(before, &at)));
                    }
                }
                Reach::Layout => {}
            }
        }
        let after = layout_of(doc, v, flow)?;
        let delta = match &self.layout {
            Some(before) if before.variant == v && same_flow => LayoutDelta::between(before, &after),
            _ => Some(LayoutDelta::whole(&after)),
        };
        self.layout = Some(after);
        self.flow = flow;
        Ok(delta)
    }
}

/// Whether a change can alter the findings: everything the rules read (lanes, columns, the
/// variants and their elements, and the comments that accept findings).
fn may_change_findings(c: Changed) -> bool {
    !matches!(c, Changed::Metadata | Changed::Review { .. })
}

/// How far an edit reaches into the layout of the variant shown.
enum Reach {
    /// Not at all: it touched nothing the layout reads.
    Nothing,
    /// Only these steps of it, which may keep their places.
    Steps(Vec<StepId>),
    /// Anywhere.
    Layout,
}

/// The layout of a variant reads the lanes, the columns and that variant's steps,
/// transitions and needs, nothing else.
fn reach(changed: &[Changed], shown: VariantId) -> Reach {
    let mut steps = Vec::new();
    for c in changed {
        match *c {
            Changed::Metadata
            | Changed::Comment { .. }
            | Changed::Review { .. }
            | Changed::VariantHeader { .. } => {}
            Changed::Step { variant, .. }
            | Changed::Transition { variant, .. }
            | Changed::Need { variant, .. }
            | Changed::Variant { variant }
                if variant != shown => {}
            Changed::Step { id, .. } => steps.push(id),
            _ => return Reach::Layout,
        }
    }
    if steps.is_empty() {
        Reach::Nothing
    } else {
        Reach::Steps(steps)
    }
}
