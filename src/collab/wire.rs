//! What crosses to the desktop window about a shared document (TypeScript types are generated
//! from these).

use super::Notice;
use crate::view::Update;
use schemars::JsonSchema;
use serde::Serialize;

/// Where the open document is shared, and its shared form's state, for the window's provider.
#[derive(Serialize, Clone, Debug, JsonSchema)]
pub struct SharedPlace {
    /// The collaboration server's WebSocket address.
    pub server: String,
    /// The document's name on the server.
    pub name: String,
    pub token: String,
    /// The whole shared form as one Yjs update, base64.
    pub state: String,
}

/// What updates from others did.
#[derive(Serialize, Clone, Debug, JsonSchema)]
pub struct SharedUpdate {
    pub update: Update,
    /// Own changes that someone else's replaced.
    pub notices: Vec<Notice>,
    /// Elements of the shared form the core's checks refused, described.
    pub left_out: Vec<String>,
}
