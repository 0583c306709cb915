//! Steps, transitions and data-sharing needs: the contents of one variant.

use super::ids::*;
use super::kinds::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A position on the canvas, in diagram units (top-left origin).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub x: f64,
    pub y: f64,
}

/// One step of a pathway, placed in an actor's lane and a phase's column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: StepId,
    pub kind: StepKind,
    pub label: String,
    #[serde(default)]
    pub description: String,
    /// The lane; `None` only while the model is incomplete (a validation warning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<ActorId>,
    /// The column; `None` only while the model is incomplete (a validation warning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<PhaseId>,
    /// Free text such as "daglig" or "2–4 uker".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    /// A position the user pinned; otherwise the layout decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
}

impl Step {
    /// A new step with a fresh id.
    pub fn new(kind: StepKind, label: impl Into<String>, actor: Option<ActorId>, phase: Option<PhaseId>) -> Self {
        Self {
            id: StepId::new(),
            kind,
            label: label.into(),
            description: String::new(),
            actor,
            phase,
            duration: None,
            position: None,
        }
    }
}

/// A way from one step to another in the same variant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    pub id: TransitionId,
    pub from: StepId,
    pub to: StepId,
    /// Label shown on the arrow; for a decision branch, the condition ("grønn", "rød").
    #[serde(default)]
    pub label: String,
    pub kind: TransitionKind,
    /// A triage signal (green, yellow, red) the way on stands for; none for most.
    #[serde(default, skip_serializing_if = "Signal::is_none")]
    pub signal: Signal,
}

impl Transition {
    /// A new normal transition with a fresh id.
    pub fn new(from: StepId, to: StepId, label: impl Into<String>) -> Self {
        Self { id: TransitionId::new(), from, to, label: label.into(), kind: TransitionKind::Normal, signal: Signal::None }
    }
}

/// A data-sharing need: at some steps, a consuming actor needs information a providing actor
/// holds. The fields follow the information-needs tables of the national architecture work.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataNeed {
    pub id: NeedId,
    /// The need in a few words (informasjonsbehov).
    pub title: String,
    /// The steps at which the need arises.
    pub steps: Vec<StepId>,
    /// Who holds the information (produsent / datatilbyder).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ActorId>,
    /// Who needs it (datakonsument).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consumer: Option<ActorId>,
    /// Information types from the catalogue.
    pub info_types: Vec<InfoTypeId>,
    /// What it contains (hva).
    #[serde(default)]
    pub what: String,
    /// Why it is needed (hvorfor).
    #[serde(default)]
    pub why: String,
    /// Where it comes from: source system or actor (hvor).
    #[serde(default)]
    pub source: String,
    /// How it is produced (hvordan).
    pub production: Production,
    /// How it travels (samhandlingsform).
    pub form: InteractionForm,
    /// When it is needed (når).
    #[serde(default)]
    pub when: String,
    /// How long it stays relevant (hvor lenge).
    #[serde(default)]
    pub relevance: String,
    /// Relations to other information services.
    #[serde(default)]
    pub relations: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<Horizon>,
    pub status: NeedStatus,
    /// Functional requirements that follow from the need.
    #[serde(default)]
    pub requirements: String,
    #[serde(default)]
    pub notes: String,
}

impl DataNeed {
    /// The need's free-text fields with their names, in form order (what, why, source ...).
    pub fn texts(&self) -> [(&'static str, &String); 8] {
        [
            ("what", &self.what),
            ("why", &self.why),
            ("source", &self.source),
            ("when", &self.when),
            ("relevance", &self.relevance),
            ("relations", &self.relations),
            ("requirements", &self.requirements),
            ("notes", &self.notes),
        ]
    }

    /// A new need with a fresh id and everything else unknown.
    pub fn new(title: impl Into<String>, steps: Vec<StepId>, provider: Option<ActorId>, consumer: Option<ActorId>) -> Self {
        Self {
            id: NeedId::new(),
            title: title.into(),
            steps,
            provider,
            consumer,
            info_types: Vec::new(),
            what: String::new(),
            why: String::new(),
            source: String::new(),
            production: Production::Unknown,
            form: InteractionForm::Unknown,
            when: String::new(),
            relevance: String::new(),
            relations: String::new(),
            priority: None,
            horizon: None,
            status: NeedStatus::Unknown,
            requirements: String::new(),
            notes: String::new(),
        }
    }
}
