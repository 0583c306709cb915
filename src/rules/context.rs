//! What a rule sees and how it reports. [`VariantCtx`] holds one variant with the lookups
//! several rules share (steps and transitions in id order, phase order), built once per
//! variant so no rule pays for them twice. [`Emit`] turns a rule's observations into
//! [`Finding`]s stamped with the rule's id, severity and variant.

use super::{Finding, RuleInfo};
use crate::model::limits::short;
use crate::model::*;
use foldhash::HashMap;

/// One variant of a document, prepared for the rules.
pub(crate) struct VariantCtx<'a> {
    pub v: &'a Variant,
    /// Steps in id order.
    pub steps: Vec<&'a Step>,
    /// Transitions in id order.
    pub transitions: Vec<&'a Transition>,
    phase_order: HashMap<PhaseId, u32>,
    actor_names: HashMap<ActorId, &'a str>,
}

impl<'a> VariantCtx<'a> {
    pub fn new(doc: &'a Document, v: &'a Variant) -> Self {
        Self {
            v,
            steps: v.steps_sorted(),
            transitions: v.transitions_sorted(),
            phase_order: doc.phases.iter().map(|p| (p.id, p.order)).collect(),
            actor_names: doc.actors.iter().map(|a| (a.id, a.name.as_str())).collect(),
        }
    }

    /// A step's position among the columns, if it has a phase the document knows.
    pub fn phase_order(&self, step: &Step) -> Option<u32> {
        step.phase.and_then(|p| self.phase_order.get(&p).copied())
    }

    /// An actor's name for messages; the id when the actor is unknown.
    pub fn actor_name(&self, id: ActorId) -> String {
        self.actor_names.get(&id).map_or_else(|| id.to_string(), |n| short(n))
    }

    /// A step's label for messages.
    pub fn step_label(&self, id: StepId) -> String {
        self.v.step(id).map_or_else(|| id.to_string(), |s| short(&s.label))
    }

    pub fn step_ref(&self, id: StepId) -> ElementRef {
        ElementRef::Step { variant: self.v.id, id }
    }
    pub fn transition_ref(&self, id: TransitionId) -> ElementRef {
        ElementRef::Transition { variant: self.v.id, id }
    }
    pub fn need_ref(&self, id: NeedId) -> ElementRef {
        ElementRef::Need { variant: self.v.id, id }
    }
    pub fn variant_ref(&self) -> ElementRef {
        ElementRef::Variant { id: self.v.id }
    }
}

/// Collects the findings of one rule in one place (the document or a variant).
pub(crate) struct Emit<'o> {
    rule: &'static RuleInfo,
    variant: Option<VariantId>,
    out: &'o mut Vec<Finding>,
}

impl<'o> Emit<'o> {
    pub fn new(rule: &'static RuleInfo, variant: Option<VariantId>, out: &'o mut Vec<Finding>) -> Self {
        Self { rule, variant, out }
    }

    /// Reports one finding about `elements`, in Norwegian bokmål and English.
    pub fn push(&mut self, elements: Vec<ElementRef>, message_nb: String, message_en: String) {
        self.out.push(Finding {
            rule: self.rule.id.to_string(),
            severity: self.rule.severity,
            variant: self.variant,
            elements,
            message_nb,
            message_en,
            acceptable: self.rule.severity != super::Severity::Error,
            accepted: None,
        });
    }
}
