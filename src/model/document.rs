//! The document: metadata, actors (lanes), phases (columns), the information catalogue,
//! the variants of the pathway, and the comments and review verdicts on any element.

use super::catalogue::default_catalogue;
use super::ids::*;
use super::kinds::*;
use super::time::Timestamp;
use super::variant::Variant;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Descriptive metadata, as the metadata table at the top of an architecture document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    pub title: String,
    #[serde(default)]
    pub patient_group: String,
    #[serde(default)]
    pub description: String,
    pub status: DocStatus,
    /// Free text such as "v0.5".
    #[serde(default)]
    pub version: String,
    pub maturity: Maturity,
    /// For example "ikke normert".
    #[serde(default)]
    pub normative_level: String,
    /// Owners and organisations responsible for the document.
    #[serde(default)]
    pub owners: Vec<String>,
    pub created: Timestamp,
    pub modified: Timestamp,
}

impl Metadata {
    /// Metadata for a new document with the given title.
    pub fn new(title: impl Into<String>) -> Self {
        let now = Timestamp::now();
        Self {
            title: title.into(),
            patient_group: String::new(),
            description: String::new(),
            status: DocStatus::WorkInProgress,
            version: "v0.1".into(),
            maturity: Maturity::Draft,
            normative_level: "ikke normert".into(),
            owners: Vec::new(),
            created: now,
            modified: now,
        }
    }
}

/// A party in the pathway, drawn as a lane.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: ActorId,
    pub name: String,
    pub kind: ActorKind,
    #[serde(default)]
    pub organisation: String,
    /// A CSS colour such as `#4f81bd`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// Position among the lanes, from 0.
    pub order: u32,
}

/// Lane colours, in the order new actors take them.
pub const LANE_COLOURS: &[&str] = &["#8064a2", "#4f81bd", "#4bacc6", "#9bbb59", "#f79646", "#c0504d", "#7f7f7f"];

/// The colour a new actor takes: the first of [`LANE_COLOURS`] no actor has, or, when every
/// one is taken, the next in turn.
pub fn next_lane_colour(actors: &[Actor]) -> &'static str {
    let taken = |c: &str| actors.iter().any(|a| a.colour.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(c)));
    LANE_COLOURS.iter().copied().find(|c| !taken(c)).unwrap_or(LANE_COLOURS[actors.len() % LANE_COLOURS.len()])
}

/// A stage of the pathway, drawn as a column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: PhaseId,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Position among the columns, from 0.
    pub order: u32,
}

/// An entry of the information catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InfoType {
    pub id: InfoTypeId,
    pub name: String,
    /// The national information services it maps to, e.g. ["IT17", "IT07"]: codes of
    /// [`super::INFO_SERVICES`], or others (a warning).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
    #[serde(default)]
    pub description: String,
    /// Its rank in the target architecture's priority order of information (1 first); the
    /// needs analysis lists needs of higher-ranked information first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u8>,
}

impl InfoType {
    /// "IT17 IT07 Målinger", or the name alone when it has no code.
    pub fn label(&self) -> String {
        if self.codes.is_empty() { self.name.clone() } else { format!("{} {}", self.codes.join(" "), self.name) }
    }
}

/// Names any element of a document, for comments and reviews.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ElementRef {
    Document,
    Actor { id: ActorId },
    Phase { id: PhaseId },
    InfoType { id: InfoTypeId },
    Variant { id: VariantId },
    Step { variant: VariantId, id: StepId },
    Transition { variant: VariantId, id: TransitionId },
    Need { variant: VariantId, id: NeedId },
}

/// A comment on an element.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    pub id: CommentId,
    pub target: ElementRef,
    pub author: String,
    pub created: Timestamp,
    pub text: String,
    #[serde(default)]
    pub resolved: bool,
    /// The comment this one answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<CommentId>,
    /// The rule (a warning or a note, never an error) whose finding on the target this comment
    /// accepts; the text is the reason. Validation shows such a finding as accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepts: Option<String>,
}

/// A reviewer's verdict on an element.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub id: ReviewId,
    pub target: ElementRef,
    pub reviewer: String,
    pub status: ReviewStatus,
    pub time: Timestamp,
    #[serde(default)]
    pub note: String,
}

/// A whole Carepath document.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: DocumentId,
    pub metadata: Metadata,
    /// Lanes, in their order.
    pub actors: Vec<Actor>,
    /// Columns, in their order.
    pub phases: Vec<Phase>,
    /// The information catalogue, in its order.
    pub info_types: Vec<InfoType>,
    /// The variants, in their order.
    pub variants: Vec<Variant>,
    /// Comments, ordered by id.
    #[serde(default)]
    pub comments: Vec<Comment>,
    /// Review verdicts, ordered by id.
    #[serde(default)]
    pub reviews: Vec<Review>,
}

impl Document {
    /// A new empty document with the default information catalogue and no variants.
    pub fn new(title: impl Into<String>) -> Self {
        let mut doc = Self::bare(DocumentId::new(), Metadata::new(title));
        doc.info_types = default_catalogue();
        doc
    }

    /// A document with only an id and metadata: no catalogue, lanes, columns or variants.
    pub fn bare(id: DocumentId, metadata: Metadata) -> Self {
        Self {
            id,
            metadata,
            actors: Vec::new(),
            phases: Vec::new(),
            info_types: Vec::new(),
            variants: Vec::new(),
            comments: Vec::new(),
            reviews: Vec::new(),
        }
    }

    pub fn actor(&self, id: ActorId) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }
    /// The actor's name, or "" for none or an actor the document does not have.
    pub fn actor_name(&self, id: Option<ActorId>) -> String {
        id.and_then(|a| self.actor(a)).map(|a| a.name.clone()).unwrap_or_default()
    }
    /// The names of actors, each once, joined by ", " (reports, the walk-through).
    pub fn actor_names(&self, actors: impl Iterator<Item = ActorId>) -> String {
        let mut out: Vec<String> = Vec::new();
        for name in actors.map(|a| self.actor_name(Some(a))) {
            if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
        out.join(", ")
    }
    pub fn phase(&self, id: PhaseId) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }
    pub fn info_type(&self, id: InfoTypeId) -> Option<&InfoType> {
        self.info_types.iter().find(|t| t.id == id)
    }
    pub fn variant(&self, id: VariantId) -> Option<&Variant> {
        self.variants.iter().find(|v| v.id == id)
    }
    pub fn variant_mut(&mut self, id: VariantId) -> Option<&mut Variant> {
        self.variants.iter_mut().find(|v| v.id == id)
    }
    /// The variant with this name (case-insensitive) or id text.
    pub fn variant_named(&self, name: &str) -> Option<&Variant> {
        self.variants
            .iter()
            .find(|v| v.name.eq_ignore_ascii_case(name) || v.name.to_lowercase() == name.to_lowercase())
            .or_else(|| self.variants.iter().find(|v| v.id.to_string() == name))
    }
    pub fn comment(&self, id: CommentId) -> Option<&Comment> {
        self.comments.iter().find(|c| c.id == id)
    }
    pub fn review(&self, id: ReviewId) -> Option<&Review> {
        self.reviews.iter().find(|r| r.id == id)
    }

    /// Whether the element a reference names exists.
    pub fn contains(&self, target: &ElementRef) -> bool {
        match *target {
            ElementRef::Document => true,
            ElementRef::Actor { id } => self.actor(id).is_some(),
            ElementRef::Phase { id } => self.phase(id).is_some(),
            ElementRef::InfoType { id } => self.info_type(id).is_some(),
            ElementRef::Variant { id } => self.variant(id).is_some(),
            ElementRef::Step { variant, id } => self.variant(variant).is_some_and(|v| v.step(id).is_some()),
            ElementRef::Transition { variant, id } => {
                self.variant(variant).is_some_and(|v| v.transition(id).is_some())
            }
            ElementRef::Need { variant, id } => self.variant(variant).is_some_and(|v| v.need(id).is_some()),
        }
    }

    /// Sorts every list into canonical order and renumbers lane and column orders from 0.
    pub fn normalise(&mut self) {
        self.actors.sort_by_key(|a| a.order);
        for (i, a) in self.actors.iter_mut().enumerate() {
            a.order = i as u32;
        }
        self.phases.sort_by_key(|p| p.order);
        for (i, p) in self.phases.iter_mut().enumerate() {
            p.order = i as u32;
        }
        self.comments.sort_by_key(|c| c.id);
        self.reviews.sort_by_key(|r| r.id);
    }

    /// Total number of steps over all variants.
    pub fn step_count(&self) -> usize {
        self.variants.iter().map(|v| v.step_count()).sum()
    }
}
