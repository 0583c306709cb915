//! Exporters: pure functions from a document to bytes.

pub mod bpmn;
pub mod json;
