//! Applying an edit: dispatch to one small handler per operation, each of which checks first,
//! then changes the document, and returns the inverse edit. A failing edit leaves the document
//! exactly as it was (a failing batch is rolled back).

use super::check::{self, duplicate, unknown};
use super::{flow, lanes, Edit};
use crate::error::{CoreError, ErrorCode, Result};
use crate::model::*;

/// Applies `edit` to `doc` and returns the edit that undoes it.
pub fn apply(doc: &mut Document, edit: Edit) -> Result<Edit> {
    match edit {
        Edit::SetMetadata { metadata } => set_metadata(doc, metadata),
        Edit::AddActor { actor } => lanes::add_actor(doc, actor),
        Edit::UpdateActor { actor } => lanes::update_actor(doc, actor),
        Edit::RemoveActor { id } => lanes::remove_actor(doc, id),
        Edit::AddPhase { phase } => lanes::add_phase(doc, phase),
        Edit::UpdatePhase { phase } => lanes::update_phase(doc, phase),
        Edit::RemovePhase { id } => lanes::remove_phase(doc, id),
        Edit::AddInfoType { info_type, index } => lanes::add_info_type(doc, info_type, index),
        Edit::UpdateInfoType { info_type } => lanes::update_info_type(doc, info_type),
        Edit::RemoveInfoType { id } => lanes::remove_info_type(doc, id),
        Edit::AddVariant { variant, index } => lanes::add_variant(doc, *variant, index),
        Edit::CopyVariant { source, id, name, kind } => lanes::copy_variant(doc, source, id, name, kind),
        Edit::UpdateVariant { id, name, kind, description } => lanes::update_variant(doc, id, name, kind, description),
        Edit::RemoveVariant { id } => lanes::remove_variant(doc, id),
        Edit::AddStep { variant, step } => flow::add_step(doc, variant, step),
        Edit::UpdateStep { variant, step } => flow::update_step(doc, variant, step),
        Edit::RemoveStep { variant, id } => flow::remove_step(doc, variant, id),
        Edit::AddTransition { variant, transition } => flow::add_transition(doc, variant, transition),
        Edit::UpdateTransition { variant, transition } => flow::update_transition(doc, variant, transition),
        Edit::RemoveTransition { variant, id } => flow::remove_transition(doc, variant, id),
        Edit::AddNeed { variant, need } => flow::add_need(doc, variant, need),
        Edit::UpdateNeed { variant, need } => flow::update_need(doc, variant, need),
        Edit::RemoveNeed { variant, id } => flow::remove_need(doc, variant, id),
        Edit::AddComment { comment } => add_comment(doc, comment),
        Edit::UpdateComment { comment } => update_comment(doc, comment),
        Edit::RemoveComment { id } => remove_comment(doc, id),
        Edit::AddReview { review } => add_review(doc, review),
        Edit::UpdateReview { review } => update_review(doc, review),
        Edit::RemoveReview { id } => remove_review(doc, id),
        Edit::Batch { label, edits } => batch(doc, label, edits),
    }
}

fn batch(doc: &mut Document, label: String, edits: Vec<Edit>) -> Result<Edit> {
    let mut inverses = Vec::with_capacity(edits.len());
    for (i, e) in edits.into_iter().enumerate() {
        match apply(doc, e) {
            Ok(inv) => inverses.push(inv),
            Err(err) => {
                for inv in inverses.into_iter().rev() {
                    // an inverse of an edit just applied always applies
                    let _ = apply(doc, inv);
                }
                let place = if label.is_empty() { format!("edit {} of a batch", i + 1) } else { format!("edit {} of '{}'", i + 1, label) };
                return Err(err.context(place));
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch { label, edits: inverses })
}

/// The size limits on the metadata's text, for edits and for documents read from files.
pub(crate) fn check_metadata(metadata: &Metadata) -> Result<()> {
    check::label("title", &metadata.title)?;
    check::label("patient group", &metadata.patient_group)?;
    check::text("description", &metadata.description)?;
    check::label("version", &metadata.version)?;
    check::label("normative level", &metadata.normative_level)?;
    for o in &metadata.owners {
        check::label("owner", o)?;
    }
    Ok(())
}

fn set_metadata(doc: &mut Document, mut metadata: Metadata) -> Result<Edit> {
    check_metadata(&metadata)?;
    metadata.created = doc.metadata.created;
    metadata.modified = doc.metadata.modified;
    let old = std::mem::replace(&mut doc.metadata, metadata);
    Ok(Edit::SetMetadata { metadata: old })
}

/// `before` is the comment an update replaces. A thread whose element has since been deleted
/// stays usable: it can still be resolved, reopened and answered, as long as the comment keeps
/// the thread's element.
fn check_comment(doc: &Document, c: &Comment, before: Option<&Comment>) -> Result<()> {
    check::label("comment author", &c.author)?;
    check::text("comment", &c.text)?;
    let same_thread = before.map(|b| b.target == c.target).unwrap_or(false)
        || c.reply_to.and_then(|r| doc.comment(r)).map(|p| p.target == c.target).unwrap_or(false);
    if !doc.contains(&c.target) && !same_thread {
        return Err(CoreError::new(ErrorCode::UnknownId, format!("the comment is on {:?}, which the document does not have", c.target)));
    }
    if let Some(r) = c.reply_to {
        doc.comment(r).ok_or_else(|| unknown("comment", r))?;
    }
    if let Some(rule) = &c.accepts {
        if !crate::rules::acceptable(rule) {
            return Err(CoreError::new(
                ErrorCode::InvalidValue,
                format!("\"{rule}\" is not a rule whose findings can be accepted: only warnings and notes can"),
            ));
        }
        if c.text.trim().is_empty() {
            return Err(CoreError::new(ErrorCode::InvalidValue, "accepting a warning needs a reason"));
        }
    }
    Ok(())
}

fn add_comment(doc: &mut Document, c: Comment) -> Result<Edit> {
    if doc.comment(c.id).is_some() {
        return Err(duplicate("comment", c.id));
    }
    check_comment(doc, &c, None)?;
    let id = c.id;
    let at = doc.comments.partition_point(|x| x.id < id);
    doc.comments.insert(at, c);
    Ok(Edit::RemoveComment { id })
}

fn update_comment(doc: &mut Document, c: Comment) -> Result<Edit> {
    let i = doc.comments.iter().position(|x| x.id == c.id).ok_or_else(|| unknown("comment", c.id))?;
    check_comment(doc, &c, Some(&doc.comments[i]))?;
    let old = std::mem::replace(&mut doc.comments[i], c);
    Ok(Edit::UpdateComment { comment: old })
}

fn remove_comment(doc: &mut Document, id: CommentId) -> Result<Edit> {
    let i = doc.comments.iter().position(|x| x.id == id).ok_or_else(|| unknown("comment", id))?;
    if doc.comments.iter().any(|c| c.reply_to == Some(id)) {
        return Err(CoreError::new(ErrorCode::InUse, "the comment has replies; remove them first"));
    }
    Ok(Edit::AddComment { comment: doc.comments.remove(i) })
}

fn check_review(doc: &Document, r: &Review) -> Result<()> {
    check::label("reviewer", &r.reviewer)?;
    check::text("review note", &r.note)?;
    if !doc.contains(&r.target) {
        return Err(CoreError::new(ErrorCode::UnknownId, format!("the review is of {:?}, which the document does not have", r.target)));
    }
    Ok(())
}

fn add_review(doc: &mut Document, r: Review) -> Result<Edit> {
    if doc.review(r.id).is_some() {
        return Err(duplicate("review", r.id));
    }
    check_review(doc, &r)?;
    let id = r.id;
    let at = doc.reviews.partition_point(|x| x.id < id);
    doc.reviews.insert(at, r);
    Ok(Edit::RemoveReview { id })
}

fn update_review(doc: &mut Document, r: Review) -> Result<Edit> {
    let i = doc.reviews.iter().position(|x| x.id == r.id).ok_or_else(|| unknown("review", r.id))?;
    check_review(doc, &r)?;
    let old = std::mem::replace(&mut doc.reviews[i], r);
    Ok(Edit::UpdateReview { review: old })
}

fn remove_review(doc: &mut Document, id: ReviewId) -> Result<Edit> {
    let i = doc.reviews.iter().position(|x| x.id == id).ok_or_else(|| unknown("review", id))?;
    Ok(Edit::AddReview { review: doc.reviews.remove(i) })
}
