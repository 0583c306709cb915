//! What the BPMN writer and reader share: the namespaces, the document header carried on the
//! collaboration, and the name a need's data object reference shows (the reader compares it
//! to tell a renamed reference from an untouched one).

use crate::model::*;

/// The BPMN 2.0 semantic namespace.
pub const NS_MODEL: &str = "http://www.omg.org/spec/BPMN/20100524/MODEL";
/// The BPMN 2.0 diagram interchange namespace.
pub const NS_BPMNDI: &str = "http://www.omg.org/spec/BPMN/20100524/DI";
/// OMG diagram common (bounds, points).
pub const NS_DC: &str = "http://www.omg.org/spec/DD/20100524/DC";
/// OMG diagram interchange (waypoints).
pub const NS_DI: &str = "http://www.omg.org/spec/DD/20100524/DI";
/// Carepath's extension namespace.
pub const NS_CAREPATH: &str = "urn:carepath:bpmn:1";

/// The document header carried on the collaboration.
#[derive(serde::Serialize, serde::Deserialize)]
pub(crate) struct DocumentHeader {
    pub id: DocumentId,
    pub metadata: Metadata,
}

/// The name a need's data object reference shows: its title and, in brackets, its
/// information types, so other tools' drawings say what is shared.
pub(crate) fn need_name(doc: &Document, n: &DataNeed) -> String {
    let types: Vec<&str> = n.info_types.iter().filter_map(|t| doc.info_type(*t)).map(|t| t.name.as_str()).collect();
    if types.is_empty() {
        n.title.clone()
    } else {
        format!("{} ({})", n.title, types.join(", "))
    }
}

