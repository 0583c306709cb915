//! Importers: bytes to a checked document, or a clear error naming the place and the cause.

pub mod bpmn;
pub mod json;
