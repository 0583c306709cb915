//! BPMN 2.0 import: a `.bpmn` file from any modeller becomes a checked Carepath document with
//! one variant (a file Carepath wrote with several variants: each again), and an [`ImportReport`] lists every element that had no counterpart.
//!
//! The mapping (see also docs/bpmn.md):
//! - pools and lanes become actors: each leaf lane is one actor (nested lanes are flattened,
//!   the organisation is the pool's name); a pool without lanes, a black-box pool and a
//!   process outside any pool are one actor each;
//! - tasks of every type become activities, gateways decisions, start / end events starts
//!   and ends, intermediate and boundary events events; sub-processes, transactions and call
//!   activities become sub-pathway steps — a sub-process is *not* flattened: what it
//!   contains is listed in the report;
//! - sequence flows become transitions (label: the name, else the condition);
//! - message flows become data-sharing needs (interaction form unknown) from the actor at the
//!   source end to the actor at the target end, at the steps at either end;
//! - data objects become information types (reusing catalogue entries of the same name); a
//!   data object reference linked to steps by data associations or associations becomes a
//!   need at those steps (writing steps provide, reading steps consume);
//! - groups become phases (named by their category value), a step belonging to the group
//!   whose drawn box holds its centre; without groups there is one phase, "Forløp";
//! - BPMNDI positions become pinned step positions, kept relative to the lane and phase
//!   column (vertical lanes turned; see `place.rs`).
//!
//! Files written by Carepath carry each element's canonical JSON in `extensionElements`
//! (see [`crate::export::bpmn`]); those are restored exactly, with names, element types,
//! lanes and flow ends from the BPMN itself taking precedence where another tool changed
//! them. The result goes through [`crate::import::json::rebuild`], the same checks as any
//! edit.

mod build;
mod place;
mod report;
pub mod tree;

pub use report::{ImportReport, ReportEntry};

use crate::error::Result;
use crate::model::Document;
use std::path::Path;

/// Imports BPMN from bytes; `name` (usually the file name) prefixes every error.
pub fn from_bpmn(bytes: &[u8], name: &str) -> Result<(Document, ImportReport)> {
    super::from_xml(bytes, name, build::build)
}

/// Imports a BPMN file.
pub fn read(path: &Path) -> Result<(Document, ImportReport)> {
    let (bytes, shown) = super::read_xml(path)?;
    from_bpmn(&bytes, &shown)
}
