//! What uses an actor, a phase or an information type, counted over every variant. A lane,
//! column or catalogue entry in use cannot be removed ([`super::apply`] refuses with
//! `in_use`); the panels show the same counts, so the window and the core never disagree.

use crate::model::{ActorId, Document, InfoTypeId, PhaseId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How many steps and needs use one element.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Use {
    /// Steps (in every variant) in the actor's lane or the phase's column.
    pub steps: usize,
    /// Needs (in every variant) the actor provides or consumes, or that carry the type.
    pub needs: usize,
}

impl Use {
    pub fn in_use(&self) -> bool {
        self.steps + self.needs > 0
    }
}

/// The use of every actor, phase and information type of a document; elements nothing uses
/// are listed with zero counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Usage {
    pub actors: BTreeMap<ActorId, Use>,
    pub phases: BTreeMap<PhaseId, Use>,
    pub info_types: BTreeMap<InfoTypeId, Use>,
}

/// Counts, in one pass over the steps and needs of every variant.
pub fn usage(doc: &Document) -> Usage {
    let mut u = Usage {
        actors: doc.actors.iter().map(|a| (a.id, Use::default())).collect(),
        phases: doc.phases.iter().map(|p| (p.id, Use::default())).collect(),
        info_types: doc.info_types.iter().map(|t| (t.id, Use::default())).collect(),
    };
    for v in &doc.variants {
        for s in v.steps() {
            if let Some(a) = s.actor.and_then(|a| u.actors.get_mut(&a)) {
                a.steps += 1;
            }
            // a participant of a joint step takes part in it as much as its lane's actor
            for p in s.participants.iter().filter(|&&p| Some(p) != s.actor) {
                if let Some(a) = u.actors.get_mut(p) {
                    a.steps += 1;
                }
            }
            if let Some(p) = s.phase.and_then(|p| u.phases.get_mut(&p)) {
                p.steps += 1;
            }
        }
        for n in v.needs() {
            // an actor in several roles of one need counts it once
            for a in n.actors() {
                if let Some(a) = u.actors.get_mut(&a) {
                    a.needs += 1;
                }
            }
            for t in &n.info_types {
                if let Some(t) = u.info_types.get_mut(t) {
                    t.needs += 1;
                }
            }
        }
    }
    u
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Edit};
    use crate::error::ErrorCode;

    /// The counts the panels show are what removal checks: an element counted as unused is
    /// removed, one in use is refused with `in_use`, and the document is left as it was.
    #[test]
    fn the_counts_agree_with_what_removal_refuses() {
        let doc = crate::template::load("copd").unwrap();
        let u = usage(&doc);
        assert_eq!(u.actors.len(), doc.actors.len());
        assert!(u.actors.values().any(|a| a.steps > 0 && a.needs > 0), "{u:?}");
        let tries = u
            .actors
            .iter()
            .map(|(id, n)| (Edit::RemoveActor { id: *id }, *n))
            .chain(u.phases.iter().map(|(id, n)| (Edit::RemovePhase { id: *id }, *n)))
            .chain(u.info_types.iter().map(|(id, n)| (Edit::RemoveInfoType { id: *id }, *n)));
        let (mut refused, mut removed) = (0, 0);
        for (edit, n) in tries {
            let mut d = doc.clone();
            match apply(&mut d, edit.clone()) {
                Ok(_) => {
                    assert!(!n.in_use(), "{edit:?} was removed though counted {n:?}");
                    removed += 1;
                }
                Err(e) => {
                    assert_eq!(e.code, ErrorCode::InUse, "{edit:?}: {e}");
                    assert!(n.in_use(), "{edit:?} was refused though counted unused");
                    assert!(e.message.contains(&format!("{} step(s)", n.steps)) || e.message.contains(&format!("{} need(s)", n.needs)), "{e}");
                    assert_eq!(serde_json::to_value(&d).unwrap(), serde_json::to_value(&doc).unwrap());
                    refused += 1;
                }
            }
        }
        assert!(refused > 0);
        // an unused catalogue entry is there to be removed
        let mut d = doc.clone();
        let spare = crate::model::InfoType { id: InfoTypeId::new(), name: "Ubrukt".into(), codes: Vec::new(), description: String::new(), priority: None };
        let spare_id = spare.id;
        apply(&mut d, Edit::AddInfoType { info_type: spare, index: None }).unwrap();
        assert_eq!(usage(&d).info_types[&spare_id], Use::default());
        assert!(apply(&mut d, Edit::RemoveInfoType { id: spare_id }).is_ok());
        assert_eq!(refused + removed, u.actors.len() + u.phases.len() + u.info_types.len());
    }

    #[test]
    fn a_need_an_actor_both_provides_and_consumes_counts_once() {
        let doc = crate::template::load("copd").unwrap();
        let mut d = doc.clone();
        let v = &mut d.variants[0];
        let actor = d.actors[0].id;
        let before = usage(&doc).actors[&actor].needs;
        let mut n = v.needs().next().unwrap().clone();
        n.id = crate::model::NeedId::new();
        n.parties = crate::model::Party::pair(Some(actor), Some(actor));
        let vid = v.id;
        apply(&mut d, Edit::AddNeed { variant: vid, need: n }).unwrap();
        assert_eq!(usage(&d).actors[&actor].needs, before + 1);
    }
}
