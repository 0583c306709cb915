//! What a file format's writer ([`crate::export`]) and reader ([`crate::import`]) share, so
//! neither reaches into the other.

pub mod archimate;
pub mod bpmn;
pub mod json;
pub mod upgrade;
