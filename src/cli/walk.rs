//! `carepath walk FILE`: a scenario walk-through of one variant, with branches chosen by
//! `--choose "DECISION=BRANCH"` (in the order the decision is met) and `--loops N` rounds.

use super::Outcome;
use carepath::model::{Lang, TransitionId, Variant};
use carepath::walkthrough::{self, WalkOptions};
use clap::ValueEnum;
use std::path::PathBuf;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum WalkFormat {
    Text,
    Md,
    Json,
}

/// Arguments of `carepath walk`.
#[derive(clap::Args, Debug)]
pub struct WalkArgs {
    /// The .carepath file.
    pub file: PathBuf,
    /// The variant, by name or id (default: the first).
    #[arg(long)]
    pub variant: Option<String>,
    /// At the decision labelled DECISION take the branch labelled BRANCH (or leading to the
    /// step labelled BRANCH). Repeat for other decisions, or for the same decision to choose
    /// differently on its next visit.
    #[arg(long = "choose", value_name = "DECISION=BRANCH")]
    pub choose: Vec<String>,
    /// How many times to go round a loop.
    #[arg(long, default_value_t = 1)]
    pub loops: u32,
    #[arg(long, value_enum, default_value_t = WalkFormat::Text)]
    pub format: WalkFormat,
    #[arg(long, default_value = "nb")]
    pub lang: Lang,
}

/// The transition a `DECISION=BRANCH` names; labels may themselves hold '=', so every split
/// is tried.
fn choice(v: &Variant, text: &str) -> Result<TransitionId, String> {
    for (i, _) in text.match_indices('=') {
        if let Some(t) = walkthrough::find_branch(v, &text[..i], &text[i + 1..]) {
            return Ok(t);
        }
    }
    let decisions: Vec<String> = v
        .steps_sorted()
        .into_iter()
        .filter(|s| v.outgoing(s.id).count() > 1)
        .map(|s| {
            let branches: Vec<String> = v.outgoing(s.id).map(|t| if t.label.is_empty() { v.step(t.to).map(|x| x.label.clone()).unwrap_or_default() } else { t.label.clone() }).collect();
            format!("  {} = {}", s.label, branches.join(" | "))
        })
        .collect();
    Err(format!("--choose '{text}': no decision with that branch in variant '{}'; the choices are:\n{}", v.name, decisions.join("\n")))
}

pub fn run(a: WalkArgs) -> Outcome {
    let shown = a.file.display().to_string();
    let doc = carepath::store::read(&a.file).map_err(|e| e.message)?;
    let v = carepath::export::bpmn::pick_variant(&doc, a.variant.as_deref()).map_err(|e| format!("{shown}: {}", e.message))?;
    let choices = a.choose.iter().map(|c| choice(v, c)).collect::<Result<Vec<_>, _>>().map_err(|e| format!("{shown}: {e}"))?;
    let w = walkthrough::walk(&doc, v.id, &WalkOptions { start: None, choices, loops: a.loops }).map_err(|e| format!("{shown}: {}", e.message))?;
    let text = match a.format {
        WalkFormat::Text => walkthrough::text(&w, a.lang),
        WalkFormat::Md => walkthrough::markdown(&w, a.lang),
        WalkFormat::Json => serde_json::to_string_pretty(&w).map_err(|e| e.to_string())? + "\n",
    };
    super::commands::write_out(None, text.as_bytes())
}
