//! The commands of the window's menu bar, declared once: the desktop shell builds its menu
//! items from these ids and sends the chosen one in a [`MenuEvent`]; the window receives the
//! same type, generated into TypeScript, so a menu item the window does not know cannot be
//! written on one side only.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One command of the menu bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MenuCommand {
    New,
    Open,
    /// A document of the "open recent" list, or one a second launch of the app handed over
    /// (a double-clicked file); its path comes in [`MenuEvent::path`].
    Recent,
    SaveAs,
    Import,
    Export,
    SendReview,
    MergeReview,
    /// Share the open document for live co-editing through a collaboration server.
    Share,
    /// Open a shared document from its join link.
    JoinShared,
    Settings,
    Close,
    Undo,
    Redo,
    Cut,
    Copy,
    Paste,
    Delete,
    SelectAll,
    Find,
    #[serde(rename = "lang:nb")]
    LangNb,
    #[serde(rename = "lang:en")]
    LangEn,
    ZoomIn,
    ZoomOut,
    Fit,
    Minimap,
    NeedLayer,
    ReviewMode,
    CompareMode,
    CompareFile,
    WalkMode,
    Shortcuts,
    /// The user guide bundled with the app, in a window of its own (offline).
    Guide,
    About,
}

impl MenuCommand {
    pub const ALL: [MenuCommand; 34] = [
        Self::New,
        Self::Open,
        Self::Recent,
        Self::SaveAs,
        Self::Import,
        Self::Export,
        Self::SendReview,
        Self::MergeReview,
        Self::Share,
        Self::JoinShared,
        Self::Settings,
        Self::Close,
        Self::Undo,
        Self::Redo,
        Self::Cut,
        Self::Copy,
        Self::Paste,
        Self::Delete,
        Self::SelectAll,
        Self::Find,
        Self::LangNb,
        Self::LangEn,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::Fit,
        Self::Minimap,
        Self::NeedLayer,
        Self::ReviewMode,
        Self::CompareMode,
        Self::CompareFile,
        Self::WalkMode,
        Self::Shortcuts,
        Self::Guide,
        Self::About,
    ];

    /// The id of the menu item: the command's serialised name.
    pub fn id(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Open => "open",
            Self::Recent => "recent",
            Self::SaveAs => "save_as",
            Self::Import => "import",
            Self::Export => "export",
            Self::SendReview => "send_review",
            Self::MergeReview => "merge_review",
            Self::Share => "share",
            Self::JoinShared => "join_shared",
            Self::Settings => "settings",
            Self::Close => "close",
            Self::Undo => "undo",
            Self::Redo => "redo",
            Self::Cut => "cut",
            Self::Copy => "copy",
            Self::Paste => "paste",
            Self::Delete => "delete",
            Self::SelectAll => "select_all",
            Self::Find => "find",
            Self::LangNb => "lang:nb",
            Self::LangEn => "lang:en",
            Self::ZoomIn => "zoom_in",
            Self::ZoomOut => "zoom_out",
            Self::Fit => "fit",
            Self::Minimap => "minimap",
            Self::NeedLayer => "need_layer",
            Self::ReviewMode => "review_mode",
            Self::CompareMode => "compare_mode",
            Self::CompareFile => "compare_file",
            Self::WalkMode => "walk_mode",
            Self::Shortcuts => "shortcuts",
            Self::Guide => "guide",
            Self::About => "about",
        }
    }

    /// The command with this menu item id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// What the window receives when a menu item is chosen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MenuEvent {
    pub id: MenuCommand,
    /// The document, for [`MenuCommand::Recent`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The new state of a check item (minimap, need layer, language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id of every command is its serialised name, so the shell's menu ids and the
    /// window's generated type are one list; ALL holds each command once.
    #[test]
    fn every_id_is_the_serialised_name_and_reads_back() {
        let mut seen = std::collections::HashSet::new();
        for c in MenuCommand::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), serde_json::Value::String(c.id().into()));
            assert_eq!(MenuCommand::from_id(c.id()), Some(c));
            assert!(seen.insert(c.id()), "{c:?} twice");
        }
        assert_eq!(MenuCommand::from_id("recent:0"), None);
        // ALL misses none: the schema's names are exactly the ids
        fn names(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::Object(m) => {
                    for (k, x) in m {
                        match (k.as_str(), x) {
                            ("const", serde_json::Value::String(s)) => out.push(s.clone()),
                            ("enum", serde_json::Value::Array(a)) => out.extend(a.iter().filter_map(|s| s.as_str().map(String::from))),
                            _ => names(x, out),
                        }
                    }
                }
                serde_json::Value::Array(a) => a.iter().for_each(|x| names(x, out)),
                _ => {}
            }
        }
        let mut listed = Vec::new();
        names(&serde_json::to_value(schemars::schema_for!(MenuCommand)).unwrap(), &mut listed);
        listed.sort();
        let mut ids: Vec<String> = MenuCommand::ALL.iter().map(|c| c.id().to_string()).collect();
        ids.sort();
        assert_eq!(listed, ids);
    }
}
