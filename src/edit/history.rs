//! Undo and redo: a list of (edit, inverse) pairs that were done and a list that were undone.
//! Storage keeps the same lists in the file so history survives closing and reopening.

use super::Edit;
use serde::{Deserialize, Serialize};

/// An applied edit and the edit that reverses it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub edit: Edit,
    pub inverse: Edit,
}

/// How many edits can be undone: older ones drop out of the history (in memory and in the
/// file), so a document edited for months opens as fast as a new one.
pub const HISTORY_LIMIT: usize = 1000;

/// What undo and redo would do, in the user's words ("Angre legg til steg"), or nothing when
/// there is nothing to undo or redo: the toolbar's buttons and the menu's items show it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UndoState {
    pub undo: Option<String>,
    pub redo: Option<String>,
}

/// Done and undone edits, most recent last.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    pub done: Vec<HistoryEntry>,
    pub undone: Vec<HistoryEntry>,
}

impl History {
    /// Records a new edit; anything undone can no longer be redone.
    /// The oldest done edit drops out beyond [`HISTORY_LIMIT`].
    pub fn record(&mut self, edit: Edit, inverse: Edit) {
        self.undone.clear();
        self.done.push(HistoryEntry { edit, inverse });
        if self.done.len() > HISTORY_LIMIT {
            let extra = self.done.len() - HISTORY_LIMIT;
            self.done.drain(..extra);
        }
    }
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }
    /// What "undo" would undo.
    pub fn undo_label(&self) -> Option<String> {
        self.done.last().map(|e| e.edit.describe())
    }
    /// What "redo" would redo.
    pub fn redo_label(&self) -> Option<String> {
        self.undone.last().map(|e| e.edit.describe())
    }
}
