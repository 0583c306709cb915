//! Generated pathways of any size, for benchmarks and tests: a main flow through the phases
//! with a decision every ten steps (one branch rejoins, one goes back as a loop), hand-overs
//! between actors, and a data-sharing need at each hand-over. Ids are UUID v7 built from a
//! counter, so the same size always gives the same document.

use crate::edit::{apply, Edit};
use crate::model::*;
use uuid::{Builder, Uuid};

struct Ids(u64);

impl Ids {
    fn next(&mut self) -> Uuid {
        self.0 += 1;
        let mut rand = [0u8; 10];
        rand[2..].copy_from_slice(&self.0.to_be_bytes());
        Builder::from_unix_timestamp_millis(1_767_225_600_000 + self.0, &rand).into_uuid()
    }
}

/// A valid document with one variant of about `steps` steps (at least 4).
pub fn generate(steps: usize) -> Document {
    let steps = steps.max(4);
    let mut ids = Ids(0);
    let mut doc = Document::new(format!("Generert forløp ({steps} steg)"));
    doc.id = DocumentId(ids.next());
    for t in &mut doc.info_types {
        t.id = InfoTypeId(ids.next());
    }
    doc.metadata.created = Timestamp::parse("2026-01-01T00:00:00Z").expect("fixed time");
    doc.metadata.modified = doc.metadata.created;
    let n_actors = (steps / 100 + 4).min(12);
    let n_phases = (steps / 200 + 5).min(20);
    let actor_ids: Vec<ActorId> = (0..n_actors).map(|_| ActorId(ids.next())).collect();
    let phase_ids: Vec<PhaseId> = (0..n_phases).map(|_| PhaseId(ids.next())).collect();
    let kinds = [ActorKind::Patient, ActorKind::Municipal, ActorKind::Gp, ActorKind::Hospital, ActorKind::System];
    let mut edits = Vec::new();
    for (i, &id) in actor_ids.iter().enumerate() {
        edits.push(Edit::AddActor {
            actor: Actor { id, name: format!("Aktør {}", i + 1), kind: kinds[i % kinds.len()], organisation: String::new(), colour: None, order: i as u32 },
        });
    }
    for (i, &id) in phase_ids.iter().enumerate() {
        edits.push(Edit::AddPhase { phase: Phase { id, name: format!("Fase {}", i + 1), description: String::new(), order: i as u32 } });
    }
    let vid = VariantId(ids.next());
    edits.push(Edit::AddVariant {
        variant: Box::new(VariantData::empty(vid, "Nå-situasjon", VariantKind::Current)),
        index: None,
    });
    let info = doc.info_types[0].id;
    // the main chain: step i sits in actor (i / 3) % n and phase i * phases / steps
    let mut chain = Vec::with_capacity(steps);
    for i in 0..steps {
        let kind = match i {
            0 => StepKind::Start,
            _ if i == steps - 1 => StepKind::End,
            _ if i % 10 == 5 && i + 2 < steps => StepKind::Decision,
            _ => StepKind::Activity,
        };
        let step = Step {
            id: StepId(ids.next()),
            kind,
            label: format!("Steg {}", i + 1),
            description: String::new(),
            actor: Some(actor_ids[(i / 3) % n_actors]),
            phase: Some(phase_ids[i * n_phases / steps]),
            duration: None,
            position: None,
            participants: Vec::new(),
            within: None,
        };
        chain.push((step.id, step.actor, kind));
        edits.push(Edit::AddStep { variant: vid, step });
    }
    for i in 1..steps {
        let (from, from_actor, from_kind) = chain[i - 1];
        let (to, to_actor, _) = chain[i];
        let label = if from_kind == StepKind::Decision { "ja" } else { "" };
        let id = TransitionId(ids.next());
        edits.push(Edit::AddTransition { variant: vid, transition: Transition { id, from, to, label: label.into(), kind: TransitionKind::Normal, signal: Signal::None } });
        if from_kind == StepKind::Decision {
            // the second branch skips a step forward, or loops back within the phase
            let back = i >= 3 && (i / 10) % 2 == 1;
            let target = if back { chain[i - 3].0 } else { chain[i + 1].0 };
            let kind = if back { TransitionKind::Loop } else { TransitionKind::Normal };
            edits.push(Edit::AddTransition { variant: vid, transition: Transition { id: TransitionId(ids.next()), from, to: target, label: "nei".into(), kind, signal: Signal::None } });
        }
        if from_actor != to_actor {
            let mut need = DataNeed::new(format!("Informasjon til steg {}", i + 1), vec![from, to], Party::pair(from_actor, to_actor));
            need.id = NeedId(ids.next());
            need.info_types = vec![info];
            need.form = InteractionForm::Messaging;
            need.status = NeedStatus::Met;
            edits.push(Edit::AddNeed { variant: vid, need });
        }
    }
    apply(&mut doc, Edit::batch("generate", edits)).expect("a generated pathway is valid");
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_size_gives_the_same_document() {
        let a = crate::export::json::to_json(&generate(50));
        let b = crate::export::json::to_json(&generate(50));
        assert_eq!(a, b);
        let d = generate(1000);
        assert_eq!(d.variants[0].step_count(), 1000);
        assert!(d.variants[0].need_count() > 100);
    }
}
