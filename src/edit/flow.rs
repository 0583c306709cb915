//! Handlers for what lives inside a variant: steps, transitions and data-sharing needs.

use super::check::{self, duplicate, unknown};
use super::nesting;
use super::Edit;
use crate::error::Result;
use crate::model::*;

fn variant_mut(doc: &mut Document, id: VariantId) -> Result<&mut Variant> {
    doc.variant_mut(id).ok_or_else(|| unknown("variant", id))
}

pub(super) fn add_step(doc: &mut Document, variant: VariantId, step: Step) -> Result<Edit> {
    let v = check::variant(doc, variant)?;
    if v.step(step.id).is_some() {
        return Err(duplicate("step", step.id));
    }
    check::step(doc, &step)?;
    nesting::step(doc, v, &step, None)?;
    let id = step.id;
    variant_mut(doc, variant)?.insert_step(step);
    Ok(Edit::RemoveStep { variant, id })
}

pub(super) fn update_step(doc: &mut Document, variant: VariantId, step: Step) -> Result<Edit> {
    let v = check::variant(doc, variant)?;
    let old = v.step(step.id).ok_or_else(|| unknown("step", step.id))?;
    check::step(doc, &step)?;
    nesting::step(doc, v, &step, Some(old))?;
    let old = variant_mut(doc, variant)?.replace_step(step).expect("checked above");
    Ok(Edit::UpdateStep { variant, step: old })
}

/// Removes a step with the flow it holds (a sub-pathway's steps, at any depth).
pub(super) fn remove_step(doc: &mut Document, variant: VariantId, id: StepId) -> Result<Edit> {
    let v = variant_mut(doc, variant)?;
    v.step(id).ok_or_else(|| unknown("step", id))?;
    let mut gone = vec![id];
    gone.extend(v.descendants(id));
    let touched: Vec<DataNeed> = v.needs().filter(|n| n.steps.iter().any(|s| gone.contains(s))).cloned().collect();
    // outer steps first, so the undo adds a sub-pathway before the steps within it
    let mut steps = Vec::new();
    let mut links = Vec::new();
    for &g in gone.iter().rev() {
        let (step, transitions) = v.remove_step(g).expect("a step of this variant");
        steps.push(Edit::AddStep { variant, step });
        links.extend(transitions.into_iter().map(|transition| Edit::AddTransition { variant, transition }));
    }
    steps.reverse();
    let mut undo = steps;
    undo.extend(links);
    for old in touched {
        let mut n = old.clone();
        n.steps.retain(|s| !gone.contains(s));
        v.insert_need(n);
        undo.push(Edit::UpdateNeed { variant, need: old });
    }
    Ok(Edit::Batch { label: String::new(), edits: undo })
}

pub(super) fn add_transition(doc: &mut Document, variant: VariantId, t: Transition) -> Result<Edit> {
    let v = check::variant(doc, variant)?;
    if v.transition(t.id).is_some() {
        return Err(duplicate("transition", t.id));
    }
    check::transition(doc, v, &t)?;
    nesting::transition(v, &t)?;
    let id = t.id;
    variant_mut(doc, variant)?.insert_transition(t);
    Ok(Edit::RemoveTransition { variant, id })
}

pub(super) fn update_transition(doc: &mut Document, variant: VariantId, t: Transition) -> Result<Edit> {
    let v = check::variant(doc, variant)?;
    v.transition(t.id).ok_or_else(|| unknown("transition", t.id))?;
    check::transition(doc, v, &t)?;
    nesting::transition(v, &t)?;
    let old = variant_mut(doc, variant)?.replace_transition(t).expect("checked above");
    Ok(Edit::UpdateTransition { variant, transition: old })
}

pub(super) fn remove_transition(doc: &mut Document, variant: VariantId, id: TransitionId) -> Result<Edit> {
    let transition = variant_mut(doc, variant)?.remove_transition(id).ok_or_else(|| unknown("transition", id))?;
    Ok(Edit::AddTransition { variant, transition })
}

pub(super) fn add_need(doc: &mut Document, variant: VariantId, need: DataNeed) -> Result<Edit> {
    let v = check::variant(doc, variant)?;
    if v.need(need.id).is_some() {
        return Err(duplicate("need", need.id));
    }
    check::need(doc, v, &need)?;
    let id = need.id;
    variant_mut(doc, variant)?.insert_need(need);
    Ok(Edit::RemoveNeed { variant, id })
}

pub(super) fn update_need(doc: &mut Document, variant: VariantId, need: DataNeed) -> Result<Edit> {
    let v = check::variant(doc, variant)?;
    v.need(need.id).ok_or_else(|| unknown("need", need.id))?;
    check::need(doc, v, &need)?;
    let old = variant_mut(doc, variant)?.insert_need(need).expect("checked above");
    Ok(Edit::UpdateNeed { variant, need: old })
}

pub(super) fn remove_need(doc: &mut Document, variant: VariantId, id: NeedId) -> Result<Edit> {
    let need = variant_mut(doc, variant)?.remove_need(id).ok_or_else(|| unknown("need", id))?;
    Ok(Edit::AddNeed { variant, need })
}
