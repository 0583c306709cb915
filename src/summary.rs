//! A document at a glance: metadata and per-variant counts, for `carepath info`, the app's
//! document panel and the opening of reports.

use crate::model::*;
use crate::rules::analysis::counts;
use schemars::JsonSchema;
use serde::Serialize;

/// Counts for one variant.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct VariantSummary {
    pub id: VariantId,
    pub name: String,
    pub kind: VariantKind,
    pub steps: usize,
    pub transitions: usize,
    /// Transitions between steps of different actors.
    pub handovers: usize,
    pub needs: usize,
}

/// Metadata and counts of a document.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Summary {
    pub metadata: Metadata,
    pub actors: Vec<String>,
    pub phases: Vec<String>,
    pub info_types: usize,
    pub variants: Vec<VariantSummary>,
    pub comments: usize,
    pub reviews: usize,
}

/// Summarises a document.
pub fn summary(doc: &Document) -> Summary {
    let variants = doc
        .variants
        .iter()
        .map(|v| {
            let c = counts(doc, v);
            VariantSummary {
                id: v.id,
                name: v.name.clone(),
                kind: v.kind,
                steps: c.steps,
                transitions: c.transitions,
                handovers: c.handovers,
                needs: c.needs,
            }
        })
        .collect();
    Summary {
        metadata: doc.metadata.clone(),
        actors: doc.actors.iter().map(|a| a.name.clone()).collect(),
        phases: doc.phases.iter().map(|p| p.name.clone()).collect(),
        info_types: doc.info_types.len(),
        variants,
        comments: doc.comments.len(),
        reviews: doc.reviews.len(),
    }
}

impl Summary {
    /// Plain text, one fact a line.
    pub fn to_text(&self) -> String {
        let m = &self.metadata;
        let mut s = String::new();
        let mut line = |k: &str, v: &str| s.push_str(&format!("{k:<16}{v}\n"));
        line("Title:", &m.title);
        line("Patient group:", &m.patient_group);
        line("Status:", m.status.label(Lang::En));
        line("Version:", &m.version);
        line("Maturity:", m.maturity.label(Lang::En));
        line("Normative:", &m.normative_level);
        line("Owners:", &m.owners.join("; "));
        line("Created:", &m.created.to_rfc3339());
        line("Modified:", &m.modified.to_rfc3339());
        line("Actors:", &format!("{} ({})", self.actors.len(), self.actors.join(", ")));
        line("Phases:", &format!("{} ({})", self.phases.len(), self.phases.join(", ")));
        line("Info types:", &self.info_types.to_string());
        line("Comments:", &self.comments.to_string());
        for v in &self.variants {
            line(
                "Variant:",
                &format!(
                    "{} ({}): {} steps, {} transitions, {} hand-overs, {} needs",
                    v.name,
                    v.kind.label(Lang::En),
                    v.steps,
                    v.transitions,
                    v.handovers,
                    v.needs
                ),
            );
        }
        s
    }
}
