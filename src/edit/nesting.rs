//! The checks that keep sub-pathways' own flows sound: a step lies within a sub-pathway step
//! of the same variant and never within itself, a step holding a flow stays a sub-pathway, a
//! step with transitions does not change flow, and a transition joins steps of one flow.

use super::check::step_in;
use crate::error::{CoreError, ErrorCode, Result};
use crate::model::limits::short;
use crate::model::*;

fn invalid(message: String) -> CoreError {
    CoreError::new(ErrorCode::InvalidValue, message)
}

/// `old` is the step as it is before an update (none for a new step).
pub(super) fn step(doc: &Document, v: &Variant, s: &Step, old: Option<&Step>) -> Result<()> {
    let who = || format!("step '{}'", short(&s.label));
    if let Some(w) = s.within {
        step_in(doc, v, who, w)?;
        let outer = v.step(w).expect("checked above");
        if outer.kind != StepKind::SubPathway {
            return Err(invalid(format!("{}: '{}' is not a sub-pathway, so it holds no flow of its own", who(), short(&outer.label))));
        }
        if v.lies_within(w, s.id) {
            return Err(invalid(format!("{} cannot lie within itself", who())));
        }
    }
    let Some(old) = old else { return Ok(()) };
    if old.kind == StepKind::SubPathway && s.kind != StepKind::SubPathway && v.holds_flow(s.id) {
        let n = v.flow_steps(Some(s.id)).count();
        return Err(invalid(format!("{} holds a flow of {n} steps; it stays a sub-pathway until they are moved or removed", who())));
    }
    if old.within != s.within && (v.outgoing(s.id).next().is_some() || v.incoming(s.id).next().is_some()) {
        return Err(invalid(format!("{} has transitions in its flow; remove them before moving it to another flow", who())));
    }
    Ok(())
}

/// Both ends of a transition in one flow.
pub(super) fn transition(v: &Variant, t: &Transition) -> Result<()> {
    let (Some(a), Some(b)) = (v.step(t.from), v.step(t.to)) else { return Ok(()) };
    if a.within != b.within {
        return Err(invalid(format!(
            "transition from '{}' to '{}' would join two flows; a sub-pathway's own flow has its own transitions",
            short(&a.label),
            short(&b.label)
        )));
    }
    Ok(())
}
