//! Small models for tests: a document with two lanes, two phases and one variant.
#![allow(dead_code)]

use carepath::edit::{apply, Edit};
use carepath::model::*;

pub struct Small {
    pub doc: Document,
    pub variant: VariantId,
    pub nurse: ActorId,
    pub patient: ActorId,
    pub p1: PhaseId,
    pub p2: PhaseId,
    pub start: StepId,
    pub measure: StepId,
    pub end: StepId,
}

/// Start (patient) → Måle (patient) → Vurdere/End (nurse), with a need at the hand-over.
pub fn small() -> Small {
    let mut doc = Document::new("Prøve – ÆØÅ");
    let (nurse, patient, p1, p2, variant) = (ActorId::new(), ActorId::new(), PhaseId::new(), PhaseId::new(), VariantId::new());
    let mut e = vec![
        Edit::AddActor { actor: Actor { id: patient, name: "Pasient".into(), kind: ActorKind::Patient, organisation: String::new(), colour: None, order: 0 } },
        Edit::AddActor { actor: Actor { id: nurse, name: "Oppfølgingsansvarlig".into(), kind: ActorKind::Municipal, organisation: "Kommune".into(), colour: Some("#336699".into()), order: 1 } },
        Edit::AddPhase { phase: Phase { id: p1, name: "Oppstart".into(), description: String::new(), order: 0 } },
        Edit::AddPhase { phase: Phase { id: p2, name: "Oppfølging".into(), description: String::new(), order: 1 } },
        Edit::AddVariant {
            variant: Box::new(VariantData::empty(variant, "Nå-situasjon", VariantKind::Current)),
            index: None,
        },
    ];
    let start = Step::new(StepKind::Start, "Start", Some(patient), Some(p1));
    let measure = Step::new(StepKind::Activity, "Pasienten måler SpO2", Some(patient), Some(p2));
    let end = Step::new(StepKind::End, "Sykepleier vurderer", Some(nurse), Some(p2));
    let (s, m, en) = (start.id, measure.id, end.id);
    for step in [start, measure, end] {
        e.push(Edit::AddStep { variant, step });
    }
    e.push(Edit::AddTransition { variant, transition: Transition::new(s, m, "") });
    e.push(Edit::AddTransition { variant, transition: Transition::new(m, en, "") });
    let mut need = DataNeed::new("Målinger til sykepleier", vec![m, en], Party::pair(Some(patient), Some(nurse)));
    need.info_types = vec![doc.info_types[0].id];
    need.form = InteractionForm::Manual;
    e.push(Edit::AddNeed { variant, need });
    apply(&mut doc, Edit::batch("build", e)).expect("small model is valid");
    Small { doc, variant, nurse, patient, p1, p2, start: s, measure: m, end: en }
}
