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
    /// Other actors who take part in a joint step (a shared-decision conversation, a meeting
    /// of hospital, municipality and GP); the lane's actor is the one responsible.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<ActorId>,
    /// The sub-pathway step whose own flow holds this step; none for a step of the
    /// variant's main flow. A nested flow uses the document's lanes and phases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<StepId>,
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
            participants: Vec::new(),
            within: None,
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

/// One actor's part in a need: who, and in which data role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub actor: ActorId,
    pub role: DataRole,
}

impl Party {
    pub fn new(actor: ActorId, role: DataRole) -> Self {
        Self { actor, role }
    }
    /// The party as tables show it: "Fastlege (datakonsument)", given the actor's name.
    pub fn shown(&self, actor_name: &str, lang: Lang) -> String {
        format!("{actor_name} ({})", self.role.label(lang).to_lowercase())
    }
    /// The parties of a need between one provider and one consumer, leaving out the missing.
    pub fn pair(provider: Option<ActorId>, consumer: Option<ActorId>) -> Vec<Party> {
        provider.map(|a| Party::new(a, DataRole::Provider)).into_iter().chain(consumer.map(|a| Party::new(a, DataRole::Consumer))).collect()
    }
}

/// A data-sharing need: at some steps, consuming actors need information that producing or
/// providing actors hold, perhaps carried by a processor. The fields follow the information-needs tables of the national architecture work.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataNeed {
    pub id: NeedId,
    /// The need in a few words (informasjonsbehov).
    pub title: String,
    /// The steps at which the need arises.
    pub steps: Vec<StepId>,
    /// Who takes part, each actor with its data role: at least one on the source side
    /// (producer or provider) and one consumer; several consumers, a processor in between,
    /// several editing parties of a shared source. Ordered as the user put them.
    #[serde(default)]
    pub parties: Vec<Party>,
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

    /// The actors in the given role, in party order, each once.
    pub fn actors_as(&self, role: DataRole) -> impl Iterator<Item = ActorId> + '_ {
        self.unique(move |r| r == role)
    }
    /// The actors the information comes from (producers and providers), in party order, each once.
    pub fn sources(&self) -> impl Iterator<Item = ActorId> + '_ {
        self.unique(|r| r.is_source())
    }
    /// The actors that use the information, in party order, each once.
    pub fn consumers(&self) -> impl Iterator<Item = ActorId> + '_ {
        self.actors_as(DataRole::Consumer)
    }
    /// The actors that carry or transform it in between, in party order, each once.
    pub fn processors(&self) -> impl Iterator<Item = ActorId> + '_ {
        self.actors_as(DataRole::Processor)
    }
    /// The one actor that stands for the source side where a picture or table has room for one:
    /// the first provider, else the first producer.
    pub fn provider(&self) -> Option<ActorId> {
        self.actors_as(DataRole::Provider).next().or_else(|| self.actors_as(DataRole::Producer).next())
    }
    /// Every actor that takes part, in party order, each once.
    pub fn actors(&self) -> impl Iterator<Item = ActorId> + '_ {
        self.unique(|_| true)
    }
    /// Whether the actor takes part in any role.
    pub fn involves(&self, actor: ActorId) -> bool {
        self.parties.iter().any(|p| p.actor == actor)
    }
    fn unique(&self, keep: impl Fn(DataRole) -> bool + 'static) -> impl Iterator<Item = ActorId> + '_ {
        let parties = &self.parties;
        parties.iter().enumerate().filter(move |(i, p)| keep(p.role) && !parties[..*i].iter().any(|q| keep(q.role) && q.actor == p.actor)).map(|(_, p)| p.actor)
    }

    /// A new need with a fresh id, the given parties and everything else unknown.
    pub fn new(title: impl Into<String>, steps: Vec<StepId>, parties: Vec<Party>) -> Self {
        Self {
            id: NeedId::new(),
            title: title.into(),
            steps,
            parties,
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
