//! Errors that cross every boundary (CLI, desktop IPC) as `{ code, message }`: the code is
//! stable so a user interface can act on it, the message names the file, place and cause.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The stable error codes of the core.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// An id that names nothing in the document.
    UnknownId,
    /// An id that is already taken.
    DuplicateId,
    /// A transition or need that mixes elements of two variants.
    CrossVariant,
    /// A value that breaks a rule (too long, empty where required ...).
    InvalidValue,
    /// An element that cannot be removed while others use it.
    InUse,
    /// Nothing to undo or redo.
    NothingToUndo,
    /// In review mode, an undo or redo that would change the model rather than a comment or
    /// a decision.
    ReviewOnly,
    /// The file is open for writing in another process.
    FileInUse,
    /// The open file was replaced, moved or deleted on disk by another program (for example
    /// git) while it was open.
    FileReplaced,
    /// The file is not a Carepath document.
    NotCarepath,
    /// The file was written by a newer Carepath.
    NewerVersion,
    /// The file is damaged.
    Corrupt,
    /// The file could not be read or written.
    Io,
    /// The file cannot be written by this user or on this drive (it can still be read).
    ReadOnly,
    /// Input that is not valid Carepath JSON.
    InvalidJson,
    /// A file already exists where a new one was to be written.
    AlreadyExists,
}

/// An error with a stable code and a message for people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema, thiserror::Error)]
#[error("{message}")]
pub struct CoreError {
    pub code: ErrorCode,
    pub message: String,
}

impl CoreError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into() }
    }
    /// The same error with a prefix naming where it happened (e.g. the file).
    pub fn context(self, place: impl std::fmt::Display) -> Self {
        Self { code: self.code, message: format!("{place}: {}", self.message) }
    }
}

/// An I/O error in words for people: "the disk is full" and "permission denied" said plainly,
/// otherwise the system's text.
pub fn io_cause(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::StorageFull => "the disk is full".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::ReadOnlyFilesystem => "the drive is read-only".into(),
        _ => e.to_string(),
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;
