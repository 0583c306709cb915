//! Handlers for the document's structure: actors (lanes), phases (columns), the information
//! catalogue and variants.

use super::check::{self, duplicate, unknown};
use super::usage::{self, usage};
use super::Edit;
use crate::error::{CoreError, ErrorCode, Result};
use crate::model::*;

/// Inserts `item` at `order` (clamped) and renumbers every order from 0.
fn place<T>(list: &mut Vec<T>, item: T, order: u32, set: impl Fn(&mut T, u32)) {
    let at = (order as usize).min(list.len());
    list.insert(at, item);
    for (i, x) in list.iter_mut().enumerate() {
        set(x, i as u32);
    }
}

fn check_actor(a: &Actor) -> Result<()> {
    check::label("actor name", &a.name)?;
    check::label("organisation", &a.organisation)?;
    if let Some(c) = &a.colour {
        check::label("colour", c)?;
    }
    Ok(())
}

/// Adds an actor; one without a colour takes the next colour of the lane palette, so lanes
/// can be told apart from the start.
pub(super) fn add_actor(doc: &mut Document, mut actor: Actor) -> Result<Edit> {
    if doc.actor(actor.id).is_some() {
        return Err(duplicate("actor", actor.id));
    }
    check_actor(&actor)?;
    if actor.colour.is_none() {
        actor.colour = Some(next_lane_colour(&doc.actors).to_string());
    }
    let id = actor.id;
    let order = actor.order;
    place(&mut doc.actors, actor, order, |a, o| a.order = o);
    Ok(Edit::RemoveActor { id })
}

pub(super) fn update_actor(doc: &mut Document, actor: Actor) -> Result<Edit> {
    let i = doc.actors.iter().position(|a| a.id == actor.id).ok_or_else(|| unknown("actor", actor.id))?;
    check_actor(&actor)?;
    let old = doc.actors.remove(i);
    let order = actor.order;
    place(&mut doc.actors, actor, order, |a, o| a.order = o);
    Ok(Edit::UpdateActor { actor: old })
}

pub(super) fn remove_actor(doc: &mut Document, id: ActorId) -> Result<Edit> {
    let i = doc.actors.iter().position(|a| a.id == id).ok_or_else(|| unknown("actor", id))?;
    let usage::Use { steps, needs } = usage(doc).actors[&id];
    if steps + needs > 0 {
        return Err(CoreError::new(
            ErrorCode::InUse,
            format!(
                "actor '{}' is used by {steps} step(s) and {needs} need(s); move or remove them first",
                doc.actors[i].name
            ),
        ));
    }
    let actor = doc.actors.remove(i);
    for (k, a) in doc.actors.iter_mut().enumerate() {
        a.order = k as u32;
    }
    Ok(Edit::AddActor { actor })
}

pub(super) fn add_phase(doc: &mut Document, phase: Phase) -> Result<Edit> {
    if doc.phase(phase.id).is_some() {
        return Err(duplicate("phase", phase.id));
    }
    check::label("phase name", &phase.name)?;
    check::text("phase description", &phase.description)?;
    let id = phase.id;
    let order = phase.order;
    place(&mut doc.phases, phase, order, |p, o| p.order = o);
    Ok(Edit::RemovePhase { id })
}

pub(super) fn update_phase(doc: &mut Document, phase: Phase) -> Result<Edit> {
    let i = doc.phases.iter().position(|p| p.id == phase.id).ok_or_else(|| unknown("phase", phase.id))?;
    check::label("phase name", &phase.name)?;
    check::text("phase description", &phase.description)?;
    let old = doc.phases.remove(i);
    let order = phase.order;
    place(&mut doc.phases, phase, order, |p, o| p.order = o);
    Ok(Edit::UpdatePhase { phase: old })
}

pub(super) fn remove_phase(doc: &mut Document, id: PhaseId) -> Result<Edit> {
    let i = doc.phases.iter().position(|p| p.id == id).ok_or_else(|| unknown("phase", id))?;
    let steps = usage(doc).phases[&id].steps;
    if steps > 0 {
        return Err(CoreError::new(
            ErrorCode::InUse,
            format!("phase '{}' is used by {steps} step(s); move or remove them first", doc.phases[i].name),
        ));
    }
    let phase = doc.phases.remove(i);
    for (k, p) in doc.phases.iter_mut().enumerate() {
        p.order = k as u32;
    }
    Ok(Edit::AddPhase { phase })
}

fn check_info_type(t: &InfoType) -> Result<()> {
    check::label("information type name", &t.name)?;
    check::text("information type description", &t.description)?;
    for c in &t.codes {
        check::label("information service code", c)?;
    }
    if t.priority == Some(0) {
        return Err(CoreError::new(ErrorCode::InvalidValue, "an information type's priority rank starts at 1"));
    }
    Ok(())
}

pub(super) fn add_info_type(doc: &mut Document, info_type: InfoType, index: Option<u32>) -> Result<Edit> {
    if doc.info_type(info_type.id).is_some() {
        return Err(duplicate("information type", info_type.id));
    }
    check_info_type(&info_type)?;
    let id = info_type.id;
    let at = index.map_or(doc.info_types.len(), |i| (i as usize).min(doc.info_types.len()));
    doc.info_types.insert(at, info_type);
    Ok(Edit::RemoveInfoType { id })
}

pub(super) fn update_info_type(doc: &mut Document, info_type: InfoType) -> Result<Edit> {
    let i = doc
        .info_types
        .iter()
        .position(|t| t.id == info_type.id)
        .ok_or_else(|| unknown("information type", info_type.id))?;
    check_info_type(&info_type)?;
    let old = std::mem::replace(&mut doc.info_types[i], info_type);
    Ok(Edit::UpdateInfoType { info_type: old })
}

pub(super) fn remove_info_type(doc: &mut Document, id: InfoTypeId) -> Result<Edit> {
    let i = doc.info_types.iter().position(|t| t.id == id).ok_or_else(|| unknown("information type", id))?;
    let needs = usage(doc).info_types[&id].needs;
    if needs > 0 {
        return Err(CoreError::new(
            ErrorCode::InUse,
            format!("information type '{}' is used by {needs} need(s); change them first", doc.info_types[i].name),
        ));
    }
    let info_type = doc.info_types.remove(i);
    Ok(Edit::AddInfoType { info_type, index: Some(i as u32) })
}

/// Adds an already built variant after checking every reference in it.
pub(crate) fn insert_variant(doc: &mut Document, v: Variant, index: Option<u32>) -> Result<Edit> {
    if doc.variant(v.id).is_some() {
        return Err(duplicate("variant", v.id));
    }
    check::whole_variant(doc, &v)?;
    let id = v.id;
    let at = index.map_or(doc.variants.len(), |i| (i as usize).min(doc.variants.len()));
    doc.variants.insert(at, v);
    Ok(Edit::RemoveVariant { id })
}

pub(super) fn add_variant(doc: &mut Document, data: VariantData, index: Option<u32>) -> Result<Edit> {
    let name = data.name.clone();
    let v = Variant::try_from(data)
        .map_err(|e| CoreError::new(ErrorCode::InvalidValue, format!("variant '{}': {e}", crate::model::limits::short(&name))))?;
    insert_variant(doc, v, index)
}

pub(super) fn copy_variant(
    doc: &mut Document,
    source: VariantId,
    id: VariantId,
    name: String,
    kind: VariantKind,
) -> Result<Edit> {
    let src = check::variant(doc, source)?;
    let at = doc.variants.iter().position(|v| v.id == source).map(|i| i as u32 + 1);
    let copy = src.copy_as(id, name, kind);
    insert_variant(doc, copy, at)
}

pub(super) fn update_variant(
    doc: &mut Document,
    id: VariantId,
    name: String,
    kind: VariantKind,
    description: String,
) -> Result<Edit> {
    check::label("variant name", &name)?;
    check::text("variant description", &description)?;
    let v = doc.variant_mut(id).ok_or_else(|| unknown("variant", id))?;
    let old_name = std::mem::replace(&mut v.name, name);
    let old_kind = std::mem::replace(&mut v.kind, kind);
    let old_description = std::mem::replace(&mut v.description, description);
    Ok(Edit::UpdateVariant { id, name: old_name, kind: old_kind, description: old_description })
}

pub(super) fn remove_variant(doc: &mut Document, id: VariantId) -> Result<Edit> {
    let i = doc.variants.iter().position(|v| v.id == id).ok_or_else(|| unknown("variant", id))?;
    let v = doc.variants.remove(i);
    Ok(Edit::AddVariant { variant: Box::new(v.to_data()), index: Some(i as u32) })
}
