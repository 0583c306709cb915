//! Carepath core: care pathways across actors, with data-sharing needs at each hand-over.
//!
//! The core knows everything about pathways and nothing about windows: the model
//! ([`model`]), edits with undo ([`edit`]), validation and graph analysis ([`rules`]), the
//! `.carepath` file ([`store`]), and import and export ([`export`], [`import`]). The CLI and
//! the desktop app are thin shells over it.

// the command line's modules name the library `carepath::`, as any user of it does
extern crate self as carepath;

pub mod cli;
pub mod collab;
pub mod compare;
pub mod diagram;
pub mod edit;
pub mod error;
pub mod export;
pub mod format;
pub mod import;
pub mod layout;
pub mod merge;
pub mod mdtext;
pub mod model;
pub mod report;
pub mod review;
pub mod rules;
pub mod sample;
pub mod store;
pub mod summary;
pub mod template;
pub mod traverse;
pub mod view;
mod tempfiles;
pub mod walkthrough;
pub mod xmltext;

pub use error::{CoreError, ErrorCode, Result};
