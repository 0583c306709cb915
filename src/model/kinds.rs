//! The closed vocabularies of the domain: kinds of actors and steps, interaction forms,
//! priorities, horizons and statuses, each with its label in Norwegian bokmål and English.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The two languages Carepath speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Norwegian bokmål.
    #[default]
    Nb,
    /// English.
    En,
}

impl Lang {
    /// The language's code: "nb" or "en" (BCP 47, as HTML, XML and FHIR write it).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "nb" | "no" | "nb-no" | "nob" => Ok(Lang::Nb),
            "en" | "en-gb" | "en-us" | "eng" => Ok(Lang::En),
            other => Err(format!("unknown language '{other}' (expected nb or en)")),
        }
    }
}

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $nb:literal, $en:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The label shown to users in the given language.
            pub fn label(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$variant, Lang::Nb) => $nb, ($name::$variant, Lang::En) => $en,)+
                }
            }

        }
    };
}

vocabulary!(
    /// What kind of party an actor is.
    ActorKind {
        /// The patient (pasient / innbygger).
        Patient => "Pasient", "Patient";
        /// Next of kin (pårørende).
        NextOfKin => "Pårørende", "Next of kin";
        /// A municipal health and care service.
        Municipal => "Kommunal tjeneste", "Municipal service";
        /// The GP (fastlege).
        Gp => "Fastlege", "GP";
        /// The specialist health service (hospital).
        Hospital => "Sykehus", "Hospital";
        /// A system: record system, DHO platform, hub, national service.
        System => "System", "System";
        /// Anything else.
        Other => "Annen", "Other";
    }
);

vocabulary!(
    /// What kind of step a step is; decides its shape.
    StepKind {
        /// Where the pathway begins.
        Start => "Start", "Start";
        /// Work done by an actor.
        Activity => "Aktivitet", "Activity";
        /// A choice between branches.
        Decision => "Beslutning", "Decision";
        /// Something that happens (an alert, an admission).
        Event => "Hendelse", "Event";
        /// Where the pathway ends.
        End => "Slutt", "End";
        /// A step that stands for a whole pathway of its own.
        SubPathway => "Delforløp", "Sub-pathway";
    }
);

vocabulary!(
    /// What a variant stands for: today's pathway or the one the project wants.
    VariantKind {
        /// Nå-situasjon: the pathway as it runs today.
        Current => "Nå-situasjon", "Current";
        /// Ønsket forløp: the pathway the project wants.
        Desired => "Ønsket forløp", "Desired";
        /// Any other alternative.
        Alternative => "Alternativ", "Alternative";
    }
);

impl Default for VariantKind {
    fn default() -> Self {
        VariantKind::Current
    }
}

vocabulary!(
    /// How a transition is meant.
    TransitionKind {
        /// The ordinary way on.
        Normal => "Normal", "Normal";
        /// A way back that repeats earlier steps on purpose.
        Loop => "Sløyfe", "Loop";
        /// A way taken when something goes wrong.
        Exception => "Unntak", "Exception";
    }
);

vocabulary!(
    /// A triage signal a transition carries, such as the outcome of a traffic light: drawn in
    /// its colour and also named in a chip beside the line, so colour never carries the
    /// meaning alone.
    Signal {
        /// No signal.
        None => "Ingen", "None";
        /// Green: as planned.
        Green => "Grønn", "Green";
        /// Yellow: watch and act.
        Yellow => "Gul", "Yellow";
        /// Red: act now.
        Red => "Rød", "Red";
    }
);

impl Default for Signal {
    fn default() -> Self {
        Signal::None
    }
}

impl Signal {
    pub fn is_none(&self) -> bool {
        *self == Signal::None
    }
}

vocabulary!(
    /// How information moves between actors (samhandlingsform).
    InteractionForm {
        /// Data sharing by look-up: the consumer queries the provider when needed.
        LookUp => "Slå opp og tilgjengeliggjøre", "Look-up";
        /// Messaging to a named receiver.
        Messaging => "Sende og motta", "Messaging";
        /// Document sharing through the national summary record.
        DocumentSharing => "Dokumentdeling", "Document sharing";
        /// Several parties edit one shared source.
        SharedEditing => "Endre og dele", "Shared editing";
        /// Publish/subscribe event stream.
        EventStream => "Hendelsesstrøm", "Event stream";
        /// Phone, video or meeting.
        Synchronous => "Synkron (telefon, video, møte)", "Synchronous (phone, video, meeting)";
        /// Paper, phone notes, the patient carrying it, double registration.
        Manual => "Manuell", "Manual";
        /// Not yet known.
        Unknown => "Ukjent", "Unknown";
    }
);

vocabulary!(
    /// The part an actor plays in sharing the information of a need (the target
    /// architecture's data roles).
    DataRole {
        /// Produsent: creates the information (the patient measuring, the nurse writing).
        Producer => "Produsent", "Producer";
        /// Datatilbyder: holds it and makes it available (the supplier's platform, a record).
        Provider => "Datatilbyder", "Provider";
        /// Databehandler: carries or transforms it on someone's behalf (the VKP hub, the
        /// national measurement service).
        Processor => "Databehandler", "Processor";
        /// Datakonsument: uses it (the GP reading the measurements).
        Consumer => "Datakonsument", "Consumer";
    }
);

impl DataRole {
    /// Whether the role is on the side the information comes from (producer or provider).
    pub fn is_source(self) -> bool {
        matches!(self, DataRole::Producer | DataRole::Provider)
    }
}

vocabulary!(
    /// How information is produced.
    Production {
        /// Typed or measured by a person.
        Manual => "Manuelt", "Manual";
        /// Produced by a system or device.
        Automatic => "Automatisk", "Automatic";
        /// Both.
        Mixed => "Delvis automatisk", "Partly automatic";
        /// Not yet known.
        Unknown => "Ukjent", "Unknown";
    }
);

vocabulary!(
    /// Priority of a need.
    Priority {
        /// Høy.
        High => "Høy", "High";
        /// Middels.
        Medium => "Middels", "Medium";
        /// Lav.
        Low => "Lav", "Low";
        /// Ekstern: owned outside the project.
        External => "Ekstern", "External";
    }
);

vocabulary!(
    /// Time horizon of a need.
    Horizon {
        /// Kort: 0–1 year.
        Short => "Kort (0–1 år)", "Short (0–1 years)";
        /// Mellom: 1–3 years.
        Medium => "Mellom (1–3 år)", "Medium (1–3 years)";
        /// Lang: 3–5 years.
        Long => "Lang (3–5 år)", "Long (3–5 years)";
    }
);

vocabulary!(
    /// Whether a need is met in the variant it belongs to.
    NeedStatus {
        /// Met.
        Met => "Dekket", "Met";
        /// Partly met.
        PartlyMet => "Delvis dekket", "Partly met";
        /// Unmet.
        Unmet => "Ikke dekket", "Unmet";
        /// Not yet known.
        Unknown => "Ukjent", "Unknown";
    }
);

vocabulary!(
    /// Where a document is in its life.
    DocStatus {
        /// Under arbeid.
        WorkInProgress => "Under arbeid", "Work in progress";
        /// Til gjennomgang.
        ForReview => "Til gjennomgang", "For review";
        /// Publisert.
        Release => "Publisert", "Release";
    }
);

vocabulary!(
    /// How mature a document is.
    Maturity {
        /// Utkast.
        Draft => "Utkast", "Draft";
        /// Moden.
        Mature => "Moden", "Mature";
    }
);

vocabulary!(
    /// A reviewer's verdict on an element.
    ReviewStatus {
        /// Proposed: put forward, not yet decided.
        Pending => "Foreslått", "Proposed";
        /// Accepted.
        Approved => "Godkjent", "Accepted";
        /// Needs change.
        ChangesRequested => "Må endres", "Needs change";
        /// Rejected.
        Rejected => "Avvist", "Rejected";
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabularies_serialise_in_snake_case_and_have_both_labels() {
        assert_eq!(serde_json::to_string(&InteractionForm::LookUp).unwrap(), "\"look_up\"");
        assert_eq!(serde_json::to_string(&ActorKind::NextOfKin).unwrap(), "\"next_of_kin\"");
        for f in InteractionForm::ALL {
            assert!(!f.label(Lang::Nb).is_empty());
            assert!(!f.label(Lang::En).is_empty());
        }
        assert_eq!(Priority::High.label(Lang::Nb), "Høy");
        assert_eq!("en".parse::<Lang>().unwrap(), Lang::En);
        assert!("fr".parse::<Lang>().is_err());
    }
}
