//! Exporters: pure functions from a document to bytes.

pub mod bpmn;
pub mod diagram;
pub mod json;
