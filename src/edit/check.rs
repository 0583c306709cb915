//! The checks an edit must pass before it touches the document: ids exist (or are new),
//! references stay inside one variant, text is not absurdly long.

use crate::model::limits::short;
use crate::error::{CoreError, ErrorCode, Result};
use crate::model::limits::{check_len, MAX_LABEL_CHARS, MAX_TEXT_CHARS};
use crate::model::*;

pub(super) fn unknown(what: &str, id: impl std::fmt::Display) -> CoreError {
    CoreError::new(ErrorCode::UnknownId, format!("there is no {what} with id {id}"))
}

pub(super) fn duplicate(what: &str, id: impl std::fmt::Display) -> CoreError {
    CoreError::new(ErrorCode::DuplicateId, format!("there is already {} {what} with id {id}", article(what)))
}

/// "a" or "an" before an English noun.
fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

pub(super) fn label(field: &str, text: &str) -> Result<()> {
    check_len(field, text, MAX_LABEL_CHARS).map_err(|m| CoreError::new(ErrorCode::InvalidValue, m))
}

pub(super) fn text(field: &str, text: &str) -> Result<()> {
    check_len(field, text, MAX_TEXT_CHARS).map_err(|m| CoreError::new(ErrorCode::InvalidValue, m))
}

pub(super) fn variant(doc: &Document, id: VariantId) -> Result<&Variant> {
    doc.variant(id).ok_or_else(|| unknown("variant", id))
}

pub(super) fn actor_ref(doc: &Document, who: impl Fn() -> String, id: Option<ActorId>) -> Result<()> {
    match id {
        Some(id) if doc.actor(id).is_none() => Err(CoreError::new(
            ErrorCode::UnknownId,
            format!("{} names actor {id}, which the document does not have", who()),
        )),
        _ => Ok(()),
    }
}

/// A step of `variant`; a step that exists only in another variant is a cross-variant error.
pub(crate) fn step_in(doc: &Document, variant: &Variant, who: impl Fn() -> String, id: StepId) -> Result<()> {
    if variant.step(id).is_some() {
        return Ok(());
    }
    if doc.variants.iter().any(|v| v.id != variant.id && v.step(id).is_some()) {
        return Err(CoreError::new(
            ErrorCode::CrossVariant,
            format!("{} names step {id} of another variant; it must stay within variant '{}'", who(), variant.name),
        ));
    }
    Err(CoreError::new(
        ErrorCode::UnknownId,
        format!("{} names step {id}, which variant '{}' does not have", who(), variant.name),
    ))
}

/// The first item that occurs again later in the list.
fn repeated<T: PartialEq + Copy>(items: &[T]) -> Option<T> {
    (0..items.len()).find(|&i| items[..i].contains(&items[i])).map(|i| items[i])
}

pub(super) fn step(doc: &Document, s: &Step) -> Result<()> {
    label("step label", &s.label)?;
    text("step description", &s.description)?;
    if let Some(d) = &s.duration {
        label("step duration", d)?;
    }
    let who = || format!("step '{}'", short(&s.label));
    actor_ref(doc, who, s.actor)?;
    for &p in &s.participants {
        actor_ref(doc, who, Some(p))?;
    }
    if let Some(p) = repeated(&s.participants) {
        let name = doc.actor(p).map_or(String::new(), |a| short(&a.name).to_string());
        return Err(CoreError::new(ErrorCode::InvalidValue, format!("{}: '{name}' takes part twice", who())));
    }
    if let Some(p) = s.phase {
        if doc.phase(p).is_none() {
            return Err(CoreError::new(
                ErrorCode::UnknownId,
                format!("{} names phase {p}, which the document does not have", who()),
            ));
        }
    }
    if let Some(pos) = s.position {
        if !pos.x.is_finite() || !pos.y.is_finite() {
            return Err(CoreError::new(ErrorCode::InvalidValue, format!("{} has a position that is not a number", who())));
        }
    }
    Ok(())
}

pub(super) fn transition(doc: &Document, v: &Variant, t: &Transition) -> Result<()> {
    label("transition label", &t.label)?;
    let who = || format!("transition {}", t.id);
    step_in(doc, v, who, t.from)?;
    step_in(doc, v, who, t.to)
}

pub(super) fn need(doc: &Document, v: &Variant, n: &DataNeed) -> Result<()> {
    label("need title", &n.title)?;
    for (field, value) in n.texts() {
        text(field, value).map_err(|e| CoreError::new(e.code, format!("need {}", e.message)))?;
    }
    let who = || format!("need '{}'", short(&n.title));
    for &s in &n.steps {
        step_in(doc, v, who, s)?;
    }
    for p in &n.parties {
        actor_ref(doc, who, Some(p.actor))?;
    }
    if let Some(p) = repeated(&n.parties) {
        let name = doc.actor(p.actor).map_or(String::new(), |a| short(&a.name).to_string());
        return Err(CoreError::new(
            ErrorCode::InvalidValue,
            format!("{}: '{name}' takes part twice as {}", who(), p.role.label(Lang::En).to_lowercase()),
        ));
    }
    for &t in &n.info_types {
        if doc.info_type(t).is_none() {
            return Err(CoreError::new(
                ErrorCode::UnknownId,
                format!("{} names information type {t}, which the catalogue does not have", who()),
            ));
        }
    }
    Ok(())
}

/// Every reference inside a whole variant resolves against the document.
pub(super) fn whole_variant(doc: &Document, v: &Variant) -> Result<()> {
    label("variant name", &v.name)?;
    for s in v.steps() {
        step(doc, s)?;
    }
    for t in v.transitions() {
        label("transition label", &t.label)?;
    }
    for n in v.needs() {
        need(doc, v, n)?;
    }
    Ok(())
}

