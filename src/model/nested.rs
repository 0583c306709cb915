//! Sub-pathways with a flow of their own. A step whose `within` names a sub-pathway step
//! belongs to that step's nested flow; every other step belongs to the variant's main flow.
//! All steps stay in the variant's one graph (so edits, undo and storage need nothing new);
//! a transition joins two steps of the same flow. What draws, checks or walks one flow
//! works on [`Variant::flow_of`], the variant cut down to that flow.

use super::ids::{NeedId, StepId};
use super::step::Step;
use super::variant::{Variant, VariantDataError};
use foldhash::{HashMap, HashSet};
use std::borrow::Cow;

impl Variant {
    /// Whether any step lies in a sub-pathway's own flow.
    pub fn has_nested(&self) -> bool {
        self.nested > 0
    }

    /// The steps of one flow (`None`: the main flow), in no particular order.
    pub fn flow_steps(&self, within: Option<StepId>) -> impl Iterator<Item = &Step> {
        self.steps().filter(move |s| s.within == within)
    }

    /// Whether a sub-pathway step holds a flow of its own.
    pub fn holds_flow(&self, id: StepId) -> bool {
        self.has_nested() && self.steps().any(|s| s.within == Some(id))
    }

    /// The sub-pathway steps that hold a flow, outer before inner, each level in the order
    /// of the steps' ids.
    pub fn nested_flows(&self) -> Vec<StepId> {
        if !self.has_nested() {
            return Vec::new();
        }
        let children = self.children();
        let mut out = Vec::new();
        let mut level: Vec<StepId> = children.get(&None).cloned().unwrap_or_default();
        while !level.is_empty() {
            let mut next = Vec::new();
            for id in level {
                if let Some(kids) = children.get(&Some(id)) {
                    out.push(id);
                    next.extend(kids.iter().copied());
                }
            }
            next.sort_unstable();
            level = next;
        }
        out
    }

    /// The sub-pathway steps around a step, outermost first (empty for the main flow).
    pub fn enclosing(&self, id: StepId) -> Vec<StepId> {
        let mut out = Vec::new();
        let mut at = self.step(id).and_then(|s| s.within);
        while let Some(p) = at {
            if out.contains(&p) || out.len() > self.step_count() {
                break;
            }
            out.push(p);
            at = self.step(p).and_then(|s| s.within);
        }
        out.reverse();
        out
    }

    /// Every step inside a sub-pathway at any depth, outer before inner.
    pub fn descendants(&self, id: StepId) -> Vec<StepId> {
        if !self.has_nested() {
            return Vec::new();
        }
        let children = self.children();
        let mut out: Vec<StepId> = Vec::new();
        let mut queue = vec![id];
        let mut i = 0;
        while i < queue.len() {
            if let Some(kids) = children.get(&Some(queue[i])) {
                for &k in kids {
                    if k != id && !out.contains(&k) {
                        out.push(k);
                        queue.push(k);
                    }
                }
            }
            i += 1;
        }
        out
    }

    /// The variant cut down to one flow (`None`: the main flow): its steps, the transitions
    /// between them, and the needs at any of them (their steps cut down to the flow; a need
    /// at no step belongs to the main flow). Borrowed when there is nothing to cut.
    pub fn flow_of(&self, within: Option<StepId>) -> Cow<'_, Variant> {
        if within.is_none() && !self.has_nested() {
            return Cow::Borrowed(self);
        }
        let mut v = Variant::new(self.id, self.name.clone());
        v.kind = self.kind;
        v.description = self.description.clone();
        v.based_on = self.based_on;
        v.numbers = Some(std::sync::Arc::new(self.need_numbers()));
        let mut steps: Vec<&Step> = self.flow_steps(within).collect();
        steps.sort_unstable_by_key(|s| s.id);
        let ids: HashSet<StepId> = steps.iter().map(|s| s.id).collect();
        for s in steps {
            v.insert_step(s.clone());
        }
        for t in self.transitions_sorted() {
            if ids.contains(&t.from) && ids.contains(&t.to) {
                v.insert_transition(t.clone());
            }
        }
        for n in self.needs() {
            let here = if n.steps.is_empty() { within.is_none() } else { n.steps.iter().any(|s| ids.contains(s)) };
            if here {
                let mut n = n.clone();
                n.steps.retain(|s| ids.contains(s));
                v.insert_need(n);
            }
        }
        Cow::Owned(v)
    }

    /// The flow a need belongs to: that of its first step (the main flow for none).
    pub fn flow_of_need(&self, id: NeedId) -> Option<StepId> {
        self.need(id).and_then(|n| n.steps.first()).and_then(|s| self.step(*s)).and_then(|s| s.within)
    }

    /// The steps of each flow by the step that holds it (`None`: the main flow), each list by id.
    fn children(&self) -> HashMap<Option<StepId>, Vec<StepId>> {
        let mut out: HashMap<Option<StepId>, Vec<StepId>> = HashMap::default();
        for s in self.steps() {
            out.entry(s.within).or_default().push(s.id);
        }
        for v in out.values_mut() {
            v.sort_unstable();
        }
        out
    }

    /// Checks what a file may not hold: a step within a missing step or within itself, a
    /// transition between two flows.
    pub(super) fn check_nesting(&self) -> Result<(), VariantDataError> {
        if !self.has_nested() {
            return Ok(());
        }
        for s in self.steps_sorted() {
            let Some(w) = s.within else { continue };
            match self.step(w) {
                None => return Err(VariantDataError::DanglingWithin { step: s.id, within: w }),
                Some(o) if o.kind != super::kinds::StepKind::SubPathway => {
                    return Err(VariantDataError::WithinNoSubPathway { step: s.id, within: w })
                }
                _ => {}
            }
            if self.lies_within(w, s.id) {
                return Err(VariantDataError::WithinItself(s.id));
            }
        }
        for t in self.transitions_sorted() {
            if self.step(t.from).map(|s| s.within) != self.step(t.to).map(|s| s.within) {
                return Err(VariantDataError::CrossFlowTransition(t.id));
            }
        }
        Ok(())
    }

    /// Whether `step` is `outer` or lies within it at any depth.
    pub fn lies_within(&self, step: StepId, outer: StepId) -> bool {
        let mut at = Some(step);
        let mut hops = 0;
        while let Some(id) = at {
            if id == outer {
                return true;
            }
            hops += 1;
            if hops > self.step_count() {
                return true;
            }
            at = self.step(id).and_then(|s| s.within);
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use crate::model::*;

    fn nested() -> (Variant, StepId, StepId, StepId) {
        let mut v = Variant::new(VariantId::new(), "Nå");
        let a = Step::new(StepKind::Activity, "a", None, None);
        let sub = Step::new(StepKind::SubPathway, "sub", None, None);
        let mut inner = Step::new(StepKind::Activity, "inner", None, None);
        inner.within = Some(sub.id);
        let mut inner2 = Step::new(StepKind::Activity, "inner2", None, None);
        inner2.within = Some(sub.id);
        let (ia, is, ii) = (a.id, sub.id, inner.id);
        let t = Transition::new(inner.id, inner2.id, "");
        let main = Transition::new(a.id, sub.id, "");
        for s in [a, sub, inner, inner2] {
            v.insert_step(s);
        }
        v.insert_transition(t);
        v.insert_transition(main);
        (v, ia, is, ii)
    }

    #[test]
    fn a_flow_is_cut_out_with_its_own_transitions() {
        let (v, a, sub, inner) = nested();
        assert!(v.has_nested());
        let main = v.flow_of(None);
        assert_eq!(main.step_count(), 2);
        assert_eq!(main.transition_count(), 1);
        assert!(main.step(inner).is_none());
        let own = v.flow_of(Some(sub));
        assert_eq!(own.step_count(), 2);
        assert_eq!(own.transition_count(), 1);
        assert!(own.step(a).is_none());
        assert_eq!(own.need_numbers(), v.need_numbers(), "a need keeps its number in a nested flow");
        assert_eq!(v.nested_flows(), vec![sub]);
        assert_eq!(v.enclosing(inner), vec![sub]);
        assert_eq!(v.descendants(sub).len(), 2);
        assert!(v.lies_within(inner, sub) && !v.lies_within(a, sub));
    }

    #[test]
    fn a_file_with_a_broken_nesting_is_refused() {
        let (v, a, sub, inner) = nested();
        let mut data = v.to_data();
        data.steps.iter_mut().find(|s| s.id == inner).unwrap().within = Some(StepId::new());
        assert!(matches!(Variant::try_from(data), Err(VariantDataError::DanglingWithin { .. })));
        let mut data = v.to_data();
        data.steps.iter_mut().find(|s| s.id == sub).unwrap().within = Some(inner);
        data.steps.iter_mut().find(|s| s.id == inner).unwrap().kind = StepKind::SubPathway;
        assert!(matches!(Variant::try_from(data), Err(VariantDataError::WithinItself(_))));
        let mut data = v.to_data();
        data.steps.iter_mut().find(|s| s.id == inner).unwrap().within = Some(a);
        assert!(matches!(Variant::try_from(data), Err(VariantDataError::WithinNoSubPathway { .. })));
        let mut data = v.to_data();
        data.transitions.push(Transition::new(a, inner, "across"));
        assert!(matches!(Variant::try_from(data), Err(VariantDataError::CrossFlowTransition(_))));
        assert!(Variant::try_from(v.to_data()).is_ok());
    }

    #[test]
    fn the_count_of_nested_steps_follows_every_change() {
        let (mut v, _, sub, inner) = nested();
        let mut s = v.step(inner).unwrap().clone();
        s.within = None;
        v.replace_step(s);
        assert!(v.has_nested());
        let last = v.flow_steps(Some(sub)).next().unwrap().id;
        v.remove_step(last);
        assert!(!v.has_nested());
        assert!(matches!(v.flow_of(None), std::borrow::Cow::Borrowed(_)));
    }
}
