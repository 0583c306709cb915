//! The import report: every BPMN element that did not become part of the document, or only
//! approximately, with where it is in the file — so nothing is dropped silently.

use super::tree::{Ns, Tree};
use schemars::JsonSchema;
use serde::Serialize;

/// One element the import could not map exactly.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ReportEntry {
    /// The element's local name, e.g. `textAnnotation`.
    pub element: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub line: usize,
    pub column: usize,
    /// What happened to it.
    pub note: String,
}

/// What an import left out or approximated.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct ImportReport {
    /// Elements with no counterpart: not imported.
    pub skipped: Vec<ReportEntry>,
    /// Elements imported with a loss (a parallel gateway as a decision, a timer as a plain event).
    pub approximated: Vec<ReportEntry>,
}

impl ImportReport {
    pub fn is_empty(&self) -> bool {
        self.skipped.is_empty() && self.approximated.is_empty()
    }

    pub(super) fn entry(tree: &Tree, i: u32, note: impl Into<String>) -> ReportEntry {
        let (line, column) = tree.line_col(i);
        ReportEntry {
            element: tree.get(i).name.to_string(),
            id: tree.attr(i, "id").map(str::to_string),
            name: tree.attr(i, "name").filter(|n| !n.is_empty()).map(str::to_string),
            line,
            column,
            note: note.into(),
        }
    }

    /// Lines for people, `FILE:LINE:COLUMN: element 'name' (id): note`.
    pub fn to_text(&self, file: &str) -> String {
        let mut out = String::new();
        for (what, list) in [("not imported", &self.skipped), ("approximated", &self.approximated)] {
            for e in list {
                let name = e.name.as_deref().map(|n| format!(" '{}'", n.replace('\n', " "))).unwrap_or_default();
                let id = e.id.as_deref().map(|i| format!(" ({i})")).unwrap_or_default();
                out.push_str(&format!("{file}:{}:{}: {what}: {}{name}{id}: {}\n", e.line, e.column, e.element, e.note));
            }
        }
        out
    }
}

/// Walks the tree and lists every element not marked used, without descending into it.
pub(super) fn unused(tree: &Tree, used: &[bool], report: &mut ImportReport) {
    let mut stack = vec![0u32];
    while let Some(i) = stack.pop() {
        if !used[i as usize] {
            let e = tree.get(i);
            let inside = count_inside(tree, i);
            let what = match (e.ns, e.name.as_ref()) {
                (Ns::Model, "extensionElements") => "extension data of another tool".to_string(),
                (Ns::BpmnDi, "BPMNDiagram") => "an additional diagram; its positions were used where the first diagram has none".to_string(),
                (Ns::Other, _) => "an element of another tool's namespace".to_string(),
                _ => "no Carepath counterpart".to_string(),
            };
            let note = if inside > 0 { format!("{what} ({inside} element(s) inside)") } else { what };
            report.skipped.push(ImportReport::entry(tree, i, note));
            continue;
        }
        for &c in tree.kids(i).iter().rev() {
            stack.push(c);
        }
    }
}

fn count_inside(tree: &Tree, i: u32) -> usize {
    let mut n = 0;
    let mut stack: Vec<u32> = tree.kids(i).to_vec();
    while let Some(c) = stack.pop() {
        n += 1;
        stack.extend_from_slice(tree.kids(c));
    }
    n
}
