//! What the ArchiMate Open Exchange writer and reader share: the namespace, the element and
//! relationship types Carepath writes, and the properties that carry what ArchiMate has no
//! field for (their names in both languages, so a file in either reads back).

use crate::model::*;

/// The Open Exchange Format namespace (ArchiMate 3.0 and 3.1 use the same one).
pub const NS: &str = "http://www.opengroup.org/xsd/archimate/3.0/";
pub const NS_XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
/// Where the schema of a model with diagrams lives (informative: readers validate offline).
pub const SCHEMA_LOCATION: &str = "http://www.opengroup.org/xsd/archimate/3.0/ http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd";

/// The properties Carepath writes: an identifier (stable), and the name in bokmål and English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Prop {
    StepKind,
    ActorKind,
    Organisation,
    Duration,
    InfoServices,
    Form,
    Priority,
    Horizon,
    Status,
    When,
    Why,
    Role,
    Signal,
    Variant,
}

impl Prop {
    pub const ALL: [Prop; 14] = [
        Prop::StepKind,
        Prop::ActorKind,
        Prop::Organisation,
        Prop::Duration,
        Prop::InfoServices,
        Prop::Form,
        Prop::Priority,
        Prop::Horizon,
        Prop::Status,
        Prop::When,
        Prop::Why,
        Prop::Role,
        Prop::Signal,
        Prop::Variant,
    ];

    /// The property definition's identifier.
    pub fn id(self) -> &'static str {
        match self {
            Prop::StepKind => "cp-step-kind",
            Prop::ActorKind => "cp-actor-kind",
            Prop::Organisation => "cp-organisation",
            Prop::Duration => "cp-duration",
            Prop::InfoServices => "cp-info-services",
            Prop::Form => "cp-interaction-form",
            Prop::Priority => "cp-priority",
            Prop::Horizon => "cp-horizon",
            Prop::Status => "cp-status",
            Prop::When => "cp-when",
            Prop::Why => "cp-why",
            Prop::Role => "cp-data-role",
            Prop::Signal => "cp-signal",
            Prop::Variant => "cp-variant",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        let (nb, en) = match self {
            Prop::StepKind => ("Stegtype", "Step kind"),
            Prop::ActorKind => ("Aktørtype", "Actor kind"),
            Prop::Organisation => ("Virksomhet", "Organisation"),
            Prop::Duration => ("Varighet", "Duration"),
            Prop::InfoServices => ("Nasjonal informasjonstjeneste", "National information service"),
            Prop::Form => ("Samhandlingsform", "Interaction form"),
            Prop::Priority => ("Prioritet", "Priority"),
            Prop::Horizon => ("Horisont", "Horizon"),
            Prop::Status => ("Status", "Status"),
            Prop::When => ("Når", "When"),
            Prop::Why => ("Hvorfor", "Why"),
            Prop::Role => ("Datarolle", "Data role"),
            Prop::Signal => ("Signal", "Signal"),
            Prop::Variant => ("Variant", "Variant"),
        };
        match lang {
            Lang::Nb => nb,
            Lang::En => en,
        }
    }

    /// The property a definition stands for, by its identifier or its name in either language.
    pub fn of(id: &str, name: &str) -> Option<Prop> {
        Prop::ALL.into_iter().find(|p| p.id() == id || p.name(Lang::Nb) == name || p.name(Lang::En) == name)
    }
}

/// A vocabulary value by its label in either language (how properties carry kinds).
pub fn by_label<T: Copy>(all: &[T], label: impl Fn(T, Lang) -> &'static str, text: &str) -> Option<T> {
    let t = text.trim();
    all.iter().copied().find(|&v| label(v, Lang::Nb).eq_ignore_ascii_case(t) || label(v, Lang::En).eq_ignore_ascii_case(t))
}

/// The ArchiMate element type of an actor: people and organisations act in the business
/// layer, systems are application components.
pub fn actor_type(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::System => "ApplicationComponent",
        _ => "BusinessActor",
    }
}

/// The ArchiMate element type of a step.
pub fn step_type(kind: StepKind) -> &'static str {
    match kind {
        StepKind::Activity | StepKind::SubPathway => "BusinessProcess",
        StepKind::Decision => "OrJunction",
        StepKind::Start | StepKind::Event | StepKind::End => "BusinessEvent",
    }
}

/// The ArchiMate identifier of a Carepath id: `id-` and the UUID (an NCName, as xs:ID wants).
pub fn ident(id: impl std::fmt::Display) -> String {
    format!("id-{id}")
}
