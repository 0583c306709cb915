//! Tiny models for the rule and analysis tests, built through `edit::apply` like real ones:
//! two actors (Pasient, Sykepleier), two phases (Oppstart, Oppfølging) and one desired
//! variant. [`Model::valid`] breaks no rule; each test then breaks exactly one thing.

use super::{validate, Finding};
use crate::edit::{apply, Edit};
use crate::model::*;

pub(crate) struct Model {
    pub doc: Document,
    pub vid: VariantId,
    pub actors: Vec<ActorId>,
    pub phases: Vec<PhaseId>,
}

impl Model {
    /// Actors and phases, and a desired variant with no steps.
    pub fn empty() -> Self {
        let mut doc = Document::new("Testforløp");
        let actors: Vec<ActorId> = vec![ActorId::new(), ActorId::new()];
        let phases: Vec<PhaseId> = vec![PhaseId::new(), PhaseId::new()];
        let vid = VariantId::new();
        let mut edits = Vec::new();
        for (i, (&id, name)) in actors.iter().zip(["Pasient", "Sykepleier"]).enumerate() {
            let kind = if i == 0 { ActorKind::Patient } else { ActorKind::Municipal };
            let actor = Actor { id, name: name.into(), kind, organisation: String::new(), colour: None, order: i as u32 };
            edits.push(Edit::AddActor { actor });
        }
        for (i, (&id, name)) in phases.iter().zip(["Oppstart", "Oppfølging"]).enumerate() {
            edits.push(Edit::AddPhase { phase: Phase { id, name: name.into(), description: String::new(), order: i as u32 } });
        }
        let variant = VariantData {
            id: vid,
            name: "Ønsket forløp".into(),
            kind: VariantKind::Desired,
            description: String::new(),
            based_on: None,
            steps: vec![],
            transitions: vec![],
            needs: vec![],
        };
        edits.push(Edit::AddVariant { variant: Box::new(variant), index: None });
        apply(&mut doc, Edit::batch("test model", edits)).expect("test model");
        Model { doc, vid, actors, phases }
    }

    /// Start → måle (Pasient) → vurdere (Sykepleier, decision) → grønn: slutt / rød: ringe → slutt,
    /// with a complete need covering the hand-over.
    pub fn valid() -> Self {
        let mut m = Self::empty();
        let start = m.step(StepKind::Start, "Start", Some(0), Some(0));
        let measure = m.step(StepKind::Activity, "Måle", Some(0), Some(0));
        let assess = m.step(StepKind::Decision, "Vurdere", Some(1), Some(1));
        let call = m.step(StepKind::Activity, "Ringe pasient", Some(1), Some(1));
        let end = m.step(StepKind::End, "Slutt", Some(1), Some(1));
        m.link(start, measure);
        m.link(measure, assess);
        m.link_as(assess, end, "grønn", TransitionKind::Normal);
        m.link_as(assess, call, "rød", TransitionKind::Normal);
        m.link(call, end);
        m.need("Målinger til sykepleier", vec![measure], 0, 1);
        m
    }

    pub fn variant(&self) -> &Variant {
        self.doc.variant(self.vid).expect("test variant")
    }

    pub fn edit(&mut self, edit: Edit) {
        apply(&mut self.doc, edit).expect("test edit");
    }

    pub fn step(&mut self, kind: StepKind, label: &str, actor: Option<usize>, phase: Option<usize>) -> StepId {
        let step = Step::new(kind, label, actor.map(|i| self.actors[i]), phase.map(|i| self.phases[i]));
        let id = step.id;
        self.edit(Edit::AddStep { variant: self.vid, step });
        id
    }

    /// The step with this label.
    pub fn find(&self, label: &str) -> StepId {
        self.variant().steps().find(|s| s.label == label).expect("step label").id
    }

    pub fn link(&mut self, from: StepId, to: StepId) -> TransitionId {
        self.link_as(from, to, "", TransitionKind::Normal)
    }

    pub fn link_as(&mut self, from: StepId, to: StepId, label: &str, kind: TransitionKind) -> TransitionId {
        let mut transition = Transition::new(from, to, label);
        transition.kind = kind;
        let id = transition.id;
        self.edit(Edit::AddTransition { variant: self.vid, transition });
        id
    }

    /// A complete, met need from actor `provider` to actor `consumer` at `steps`.
    pub fn need(&mut self, title: &str, steps: Vec<StepId>, provider: usize, consumer: usize) -> NeedId {
        let mut need = DataNeed::new(title, steps, Party::pair(Some(self.actors[provider]), Some(self.actors[consumer])));
        need.info_types = vec![self.doc.info_types[0].id];
        need.form = InteractionForm::LookUp;
        need.status = NeedStatus::Met;
        let id = need.id;
        self.edit(Edit::AddNeed { variant: self.vid, need });
        id
    }

    /// Changes a need in place.
    pub fn change_need(&mut self, id: NeedId, change: impl FnOnce(&mut DataNeed)) {
        let mut need = self.variant().need(id).expect("need").clone();
        change(&mut need);
        self.edit(Edit::UpdateNeed { variant: self.vid, need });
    }

    /// Changes a step in place.
    pub fn change_step(&mut self, id: StepId, change: impl FnOnce(&mut Step)) {
        let mut step = self.variant().step(id).expect("step").clone();
        change(&mut step);
        self.edit(Edit::UpdateStep { variant: self.vid, step });
    }

    /// The only need of the variant.
    pub fn only_need(&self) -> NeedId {
        let mut needs = self.variant().needs();
        let id = needs.next().expect("a need").id;
        assert!(needs.next().is_none());
        id
    }

    /// The findings of one rule.
    pub fn findings(&self, rule: &str) -> Vec<Finding> {
        validate(&self.doc).into_iter().filter(|f| f.rule == rule).collect()
    }

    pub fn step_ref(&self, id: StepId) -> ElementRef {
        ElementRef::Step { variant: self.vid, id }
    }
}
