//! Clinician review over the model's comments and review decisions, without touching the
//! pathway itself: threads of comments with replies (`reply_to`), resolving and reopening a
//! thread, a decision per element and reviewer (proposed, accepted, needs change, rejected —
//! `ReviewStatus`), listings with filters, and a summary for the report.
//!
//! Every operation returns an [`Edit`] for the caller to apply through `Session::apply`, so it
//! is durable and undoable like any other edit. Sending a copy for review and merging the
//! reviewed copy back live in [`exchange`].

pub mod exchange;
mod markers;
mod summary;

pub use exchange::{
    merge, merge_file, plan_merge, send_for_review, MergeItem, MergeReport, NotPlaced,
    NotPlacedReason,
};
pub use markers::{markers, Marker};
pub use summary::{summary, summary_markdown, ReviewSummary, StatusCount};

use crate::edit::Edit;
use crate::error::{CoreError, ErrorCode, Result};
use crate::model::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A comment that starts a thread, and its replies in the order they were written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Thread {
    pub root: Comment,
    /// Replies to the root or to other replies, by creation time then id.
    pub replies: Vec<Comment>,
    /// The element the thread is about, for people ("Steg «Måle» (Nå-situasjon)").
    pub target_label: String,
    /// Whether the thread is still open (its first comment is not resolved).
    pub open: bool,
}

/// A review decision with the element it is about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Decision {
    pub review: Review,
    pub target_label: String,
}

/// Which threads and decisions a listing shows. Every condition given must hold.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct ReviewFilter {
    /// Only open threads.
    pub open_only: bool,
    /// Only threads with a comment by, and decisions by, someone whose name holds this text
    /// (case-insensitive: "kari" finds "Kari Lege"). Blank means anyone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Only decisions with this status (threads are not filtered by it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ReviewStatus>,
    /// Only what is about this variant or its elements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variant: Option<VariantId>,
    /// Only what is about this one element.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<ElementRef>,
}

/// Threads and decisions, in a fixed order (threads by first comment, decisions by time).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewListing {
    pub threads: Vec<Thread>,
    pub decisions: Vec<Decision>,
}

/// The variant an element belongs to, if any.
pub fn variant_of(target: &ElementRef) -> Option<VariantId> {
    match *target {
        ElementRef::Variant { id } => Some(id),
        ElementRef::Step { variant, .. }
        | ElementRef::Transition { variant, .. }
        | ElementRef::Need { variant, .. } => Some(variant),
        _ => None,
    }
}

/// An element for people: its kind and name, and the variant it is in.
pub fn describe(doc: &Document, target: &ElementRef, lang: Lang) -> String {
    let nb = lang == Lang::Nb;
    let in_variant = |v: VariantId| {
        doc.variant(v)
            .map(|v| format!(" ({})", v.name))
            .unwrap_or_default()
    };
    let gone = if nb { "(slettet)" } else { "(deleted)" };
    let named = |kind: &str, name: Option<String>| {
        format!("{kind} «{}»", name.unwrap_or_else(|| gone.into()))
    };
    match *target {
        ElementRef::Document => (if nb { "Dokumentet" } else { "The document" }).into(),
        ElementRef::Actor { id } => named(
            if nb { "Aktør" } else { "Actor" },
            doc.actor(id).map(|a| a.name.clone()),
        ),
        ElementRef::Phase { id } => named(
            if nb { "Fase" } else { "Phase" },
            doc.phase(id).map(|p| p.name.clone()),
        ),
        ElementRef::InfoType { id } => named(
            if nb {
                "Informasjonstype"
            } else {
                "Information type"
            },
            doc.info_type(id).map(|t| t.name.clone()),
        ),
        ElementRef::Variant { id } => named("Variant", doc.variant(id).map(|v| v.name.clone())),
        ElementRef::Step { variant, id } => {
            named(
                if nb { "Steg" } else { "Step" },
                doc.variant(variant)
                    .and_then(|v| v.step(id))
                    .map(|s| s.label.clone()),
            ) + &in_variant(variant)
        }
        ElementRef::Transition { variant, id } => {
            let v = doc.variant(variant);
            let label = v.and_then(|v| {
                let t = v.transition(id)?;
                let name = |s| v.step(s).map(|s| s.label.clone()).unwrap_or_default();
                Some(format!("{} → {}", name(t.from), name(t.to)))
            });
            named(if nb { "Overgang" } else { "Transition" }, label) + &in_variant(variant)
        }
        ElementRef::Need { variant, id } => {
            named(
                if nb {
                    "Informasjonsbehov"
                } else {
                    "Information need"
                },
                doc.variant(variant)
                    .and_then(|v| v.need(id))
                    .map(|n| n.title.clone()),
            ) + &in_variant(variant)
        }
    }
}

fn person(what: &str, name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CoreError::new(
            ErrorCode::InvalidValue,
            format!("{what} is empty: give a name (--author or CAREPATH_AUTHOR on the command line, the settings in the app)"),
        ));
    }
    Ok(name.to_string())
}

fn anchored(doc: &Document, target: &ElementRef) -> Result<()> {
    if doc.contains(target) {
        Ok(())
    } else {
        Err(CoreError::new(
            ErrorCode::UnknownId,
            format!("the document has no {:?}", target),
        ))
    }
}

/// A new thread on an element.
pub fn comment(doc: &Document, target: ElementRef, author: &str, text: &str) -> Result<Edit> {
    anchored(doc, &target)?;
    let comment = Comment {
        id: CommentId::new(),
        target,
        author: person("the author", author)?,
        created: Timestamp::now(),
        text: text.to_string(),
        resolved: false,
        reply_to: None,
        accepts: None,
    };
    Ok(Edit::AddComment { comment })
}

/// Accepts a warning or note with a reason: a comment on the finding's first element that
/// names the rule, so validation shows the finding as accepted (in the problems panel's
/// "accepted" filter and in reports) instead of as a problem. It starts resolved, as a
/// decided matter; a reviewer can still answer or reopen it, and removing it withdraws the
/// acceptance. Accepting the same finding again replaces the reason.
pub fn accept(
    doc: &Document,
    finding: &crate::rules::Finding,
    author: &str,
    reason: &str,
) -> Result<Edit> {
    if !crate::rules::acceptable(&finding.rule) {
        return Err(CoreError::new(
            ErrorCode::InvalidValue,
            format!(
                "an error cannot be accepted (\"{}\"): fix it instead",
                finding.rule
            ),
        ));
    }
    let target = *finding
        .elements
        .first()
        .ok_or_else(|| CoreError::new(ErrorCode::InvalidValue, "the finding names no element"))?;
    anchored(doc, &target)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(CoreError::new(
            ErrorCode::InvalidValue,
            "give the reason the warning is accepted",
        ));
    }
    let author = person("the author", author)?;
    let earlier = doc
        .comments
        .iter()
        .find(|c| c.target == target && c.accepts.as_deref() == Some(finding.rule.as_str()));
    let comment = Comment {
        id: earlier.map(|c| c.id).unwrap_or_default(),
        target,
        author,
        created: earlier.map(|c| c.created).unwrap_or_else(Timestamp::now),
        text: reason.to_string(),
        resolved: true,
        reply_to: None,
        accepts: Some(finding.rule.clone()),
    };
    Ok(if earlier.is_some() {
        Edit::UpdateComment { comment }
    } else {
        Edit::AddComment { comment }
    })
}

/// Withdraws an acceptance: removes the comment that holds it (and nothing else).
pub fn withdraw(doc: &Document, acceptance: CommentId) -> Result<Edit> {
    let c = doc.comment(acceptance).ok_or_else(|| {
        CoreError::new(
            ErrorCode::UnknownId,
            format!("there is no comment with id {acceptance}"),
        )
    })?;
    if c.accepts.is_none() {
        return Err(CoreError::new(
            ErrorCode::InvalidValue,
            "the comment accepts no warning",
        ));
    }
    Ok(Edit::RemoveComment { id: acceptance })
}

/// A reply to a comment; it is about the same element.
pub fn reply(doc: &Document, to: CommentId, author: &str, text: &str) -> Result<Edit> {
    let parent = doc.comment(to).ok_or_else(|| {
        CoreError::new(
            ErrorCode::UnknownId,
            format!("there is no comment with id {to}"),
        )
    })?;
    let comment = Comment {
        id: CommentId::new(),
        target: parent.target,
        author: person("the author", author)?,
        created: Timestamp::now(),
        text: text.to_string(),
        resolved: false,
        reply_to: Some(to),
        accepts: None,
    };
    Ok(Edit::AddComment { comment })
}

/// The first comment of the thread a comment belongs to.
pub fn thread_root(doc: &Document, id: CommentId) -> Option<&Comment> {
    let mut c = doc.comment(id)?;
    // replies always point at older comments; the bound guards against a damaged file
    for _ in 0..doc.comments.len() {
        match c.reply_to.and_then(|p| doc.comment(p)) {
            Some(p) => c = p,
            None => return Some(c),
        }
    }
    Some(c)
}

/// Resolves (or, with `resolved = false`, reopens) the thread a comment belongs to.
pub fn resolve(doc: &Document, id: CommentId, resolved: bool) -> Result<Edit> {
    let root = thread_root(doc, id).ok_or_else(|| {
        CoreError::new(
            ErrorCode::UnknownId,
            format!("there is no comment with id {id}"),
        )
    })?;
    Ok(Edit::UpdateComment {
        comment: Comment {
            resolved,
            ..root.clone()
        },
    })
}

/// A reviewer's decision on an element: replaces that reviewer's earlier decision on it, or
/// adds a new one.
pub fn decide(
    doc: &Document,
    target: ElementRef,
    reviewer: &str,
    status: ReviewStatus,
    note: &str,
) -> Result<Edit> {
    anchored(doc, &target)?;
    let reviewer = person("the reviewer", reviewer)?;
    let earlier = doc
        .reviews
        .iter()
        .find(|r| r.target == target && r.reviewer.to_lowercase() == reviewer.to_lowercase());
    let review = Review {
        id: earlier.map(|r| r.id).unwrap_or_default(),
        target,
        reviewer,
        status,
        time: Timestamp::now(),
        note: note.to_string(),
    };
    Ok(if earlier.is_some() {
        Edit::UpdateReview { review }
    } else {
        Edit::AddReview { review }
    })
}

/// Every thread of the document, by the time its first comment was written.
pub fn threads(doc: &Document, lang: Lang) -> Vec<Thread> {
    let mut out: Vec<Thread> = Vec::new();
    let mut roots: Vec<&Comment> = doc
        .comments
        .iter()
        .filter(|c| thread_root(doc, c.id).map(|r| r.id) == Some(c.id))
        .collect();
    roots.sort_by_key(|c| (c.created, c.id));
    for root in roots {
        let mut replies: Vec<Comment> = doc
            .comments
            .iter()
            .filter(|c| c.id != root.id && thread_root(doc, c.id).map(|r| r.id) == Some(root.id))
            .cloned()
            .collect();
        replies.sort_by_key(|c| (c.created, c.id));
        out.push(Thread {
            root: root.clone(),
            replies,
            target_label: describe(doc, &root.target, lang),
            open: !root.resolved,
        });
    }
    out
}

/// Threads and decisions that pass the filter.
pub fn list(doc: &Document, filter: &ReviewFilter, lang: Lang) -> ReviewListing {
    let wanted = filter.author.as_deref().map(|a| a.trim().to_lowercase()).filter(|a| !a.is_empty());
    let by = |name: &str| wanted.as_deref().map_or(true, |a| name.to_lowercase().contains(a));
    let in_variant = |t: &ElementRef| {
        filter.variant.map_or(true, |v| variant_of(t) == Some(v)) && filter.target.as_ref().map_or(true, |w| w == t)
    };
    let threads = threads(doc, lang)
        .into_iter()
        .filter(|t| !filter.open_only || t.open)
        .filter(|t| in_variant(&t.root.target))
        .filter(|t| by(&t.root.author) || t.replies.iter().any(|r| by(&r.author)))
        .collect();
    let mut decisions: Vec<Decision> = doc
        .reviews
        .iter()
        .filter(|r| {
            filter.status.map_or(true, |s| r.status == s)
                && by(&r.reviewer)
                && in_variant(&r.target)
        })
        .map(|r| Decision {
            review: r.clone(),
            target_label: describe(doc, &r.target, lang),
        })
        .collect();
    decisions.sort_by_key(|d| (d.review.time, d.review.id));
    ReviewListing { threads, decisions }
}

#[cfg(test)]
mod tests;
