//! Typed element ids. Every element kind has its own id type wrapping a UUID v7, so a step id
//! can never be passed where an actor id is expected. Ids serialise as plain UUID strings.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh, time-ordered id (UUID v7).
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

typed_id!(
    /// Identifies a document.
    DocumentId
);
typed_id!(
    /// Identifies an actor (a lane).
    ActorId
);
typed_id!(
    /// Identifies a phase (a column).
    PhaseId
);
typed_id!(
    /// Identifies an information type in the catalogue.
    InfoTypeId
);
typed_id!(
    /// Identifies a variant of the pathway.
    VariantId
);
typed_id!(
    /// Identifies a step. A variant copied from another keeps its step ids.
    StepId
);
typed_id!(
    /// Identifies a transition between two steps of one variant.
    TransitionId
);
typed_id!(
    /// Identifies a data-sharing need.
    NeedId
);
typed_id!(
    /// Identifies a comment.
    CommentId
);
typed_id!(
    /// Identifies a review verdict.
    ReviewId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_uuid_v7_and_round_trip_as_strings() {
        let id = StepId::new();
        assert_eq!(id.0.get_version_num(), 7);
        let text = serde_json::to_string(&id).unwrap();
        assert_eq!(text, format!("\"{}\"", id.0));
        let back: StepId = serde_json::from_str(&text).unwrap();
        assert_eq!(back, id);
        assert_eq!(id.to_string().parse::<StepId>().unwrap(), id);
    }
}
