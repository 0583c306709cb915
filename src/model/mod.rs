//! The pathway model: a [`Document`] with metadata, actors (lanes), phases (columns), the
//! information catalogue, and variants whose steps and transitions form a petgraph graph,
//! plus data-sharing needs, comments and review verdicts. Pure data; no I/O.

pub mod catalogue;
pub mod document;
pub mod ids;
pub mod kinds;
pub mod limits;
mod nested;
pub mod services;
pub mod step;
pub mod time;
pub mod variant;

pub use document::{next_lane_colour, Actor, Comment, Document, ElementRef, InfoType, Metadata, Phase, Review};
pub use ids::*;
pub use kinds::*;
pub use services::{info_service, InfoService, INFO_SERVICES};
pub use step::{DataNeed, Party, Position, Step, Transition};
pub use time::Timestamp;
pub use variant::{Variant, VariantData, VariantDataError, VariantHeader};
