//! Writing a document as rows: the document row (id and metadata) and one `element` row per
//! actor, phase, information type, variant header, step, transition, need, comment and review,
//! each holding the element's JSON. After an edit only the rows [`Changed`] names are written,
//! so the cost of an edit does not grow with the size of the document; ordered lists (lanes,
//! columns, the catalogue, the variants) are rewritten whole because an edit may shift them.

use crate::edit::Changed;
use crate::model::*;
use rusqlite::{params, Connection};
use serde::Serialize;
use std::collections::BTreeSet;

pub(crate) const ACTOR: &str = "actor";
pub(crate) const PHASE: &str = "phase";
pub(crate) const INFO_TYPE: &str = "info_type";
pub(crate) const VARIANT: &str = "variant";
pub(crate) const STEP: &str = "step";
pub(crate) const TRANSITION: &str = "transition";
pub(crate) const NEED: &str = "need";
pub(crate) const COMMENT: &str = "comment";
pub(crate) const REVIEW: &str = "review";


fn json(value: &impl Serialize) -> rusqlite::Result<String> {
    serde_json::to_string(value).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

fn put(conn: &Connection, kind: &str, variant: &str, id: &str, position: i64, body: &impl Serialize) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT OR REPLACE INTO element (kind, variant, id, position, body) VALUES (?1, ?2, ?3, ?4, ?5)")?
        .execute(params![kind, variant, id, position, json(body)?])?;
    Ok(())
}

fn delete(conn: &Connection, kind: &str, variant: &str, id: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM element WHERE kind = ?1 AND variant = ?2 AND id = ?3")?
        .execute(params![kind, variant, id])?;
    Ok(())
}

fn delete_kind(conn: &Connection, kind: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM element WHERE kind = ?1 AND variant = ''")?.execute([kind])?;
    Ok(())
}

/// Writes the document row: id and metadata.
pub(crate) fn write_document_row(conn: &Connection, doc: &Document) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT OR REPLACE INTO document (singleton, id, metadata) VALUES (1, ?1, ?2)")?
        .execute(params![doc.id.to_string(), json(&doc.metadata)?])?;
    Ok(())
}

/// Writes every row of a document into an empty file.
pub(crate) fn write_all(conn: &Connection, doc: &Document) -> rusqlite::Result<()> {
    write_document_row(conn, doc)?;
    write_actors(conn, doc)?;
    write_phases(conn, doc)?;
    write_info_types(conn, doc)?;
    write_variant_headers(conn, doc)?;
    for v in &doc.variants {
        write_variant_contents(conn, doc, v.id)?;
    }
    for c in &doc.comments {
        put(conn, COMMENT, "", &c.id.to_string(), 0, c)?;
    }
    for r in &doc.reviews {
        put(conn, REVIEW, "", &r.id.to_string(), 0, r)?;
    }
    Ok(())
}

fn write_actors(conn: &Connection, doc: &Document) -> rusqlite::Result<()> {
    delete_kind(conn, ACTOR)?;
    doc.actors.iter().try_for_each(|a| put(conn, ACTOR, "", &a.id.to_string(), a.order as i64, a))
}

fn write_phases(conn: &Connection, doc: &Document) -> rusqlite::Result<()> {
    delete_kind(conn, PHASE)?;
    doc.phases.iter().try_for_each(|p| put(conn, PHASE, "", &p.id.to_string(), p.order as i64, p))
}

fn write_info_types(conn: &Connection, doc: &Document) -> rusqlite::Result<()> {
    delete_kind(conn, INFO_TYPE)?;
    let mut i = 0;
    doc.info_types.iter().try_for_each(|t| {
        i += 1;
        put(conn, INFO_TYPE, "", &t.id.to_string(), i - 1, t)
    })
}

fn write_variant_headers(conn: &Connection, doc: &Document) -> rusqlite::Result<()> {
    delete_kind(conn, VARIANT)?;
    let mut i = 0;
    doc.variants.iter().try_for_each(|v| {
        i += 1;
        put(conn, VARIANT, "", &v.id.to_string(), i - 1, &VariantHeader::of(v))
    })
}

/// Replaces the steps, transitions and needs of a variant (removes them if it is gone).
fn write_variant_contents(conn: &Connection, doc: &Document, id: VariantId) -> rusqlite::Result<()> {
    let vid = id.to_string();
    conn.prepare_cached("DELETE FROM element WHERE kind IN ('step', 'transition', 'need') AND variant = ?1")?
        .execute([&vid])?;
    let Some(v) = doc.variant(id) else { return Ok(()) };
    for s in v.steps() {
        put(conn, STEP, &vid, &s.id.to_string(), 0, s)?;
    }
    for t in v.transitions() {
        put(conn, TRANSITION, &vid, &t.id.to_string(), 0, t)?;
    }
    for n in v.needs() {
        put(conn, NEED, &vid, &n.id.to_string(), 0, n)?;
    }
    Ok(())
}

/// Writes exactly the rows an applied edit touched, and the document row.
pub(crate) fn write_changed(conn: &Connection, doc: &Document, changed: &[Changed]) -> rusqlite::Result<()> {
    write_document_row(conn, doc)?;
    let whole: BTreeSet<VariantId> =
        changed.iter().filter_map(|c| if let Changed::Variant { variant } = c { Some(*variant) } else { None }).collect();
    let mut headers = !whole.is_empty();
    for c in changed {
        match *c {
            Changed::Metadata => {}
            Changed::Actors => write_actors(conn, doc)?,
            Changed::Phases => write_phases(conn, doc)?,
            Changed::InfoTypes => write_info_types(conn, doc)?,
            Changed::VariantHeader { .. } => headers = true,
            Changed::Variant { variant } => write_variant_contents(conn, doc, variant)?,
            Changed::Step { variant, .. } | Changed::Transition { variant, .. } | Changed::Need { variant, .. }
                if whole.contains(&variant) => {}
            Changed::Step { variant, id } => {
                let (vid, sid) = (variant.to_string(), id.to_string());
                match doc.variant(variant).and_then(|v| v.step(id)) {
                    Some(s) => put(conn, STEP, &vid, &sid, 0, s)?,
                    None => delete(conn, STEP, &vid, &sid)?,
                }
            }
            Changed::Transition { variant, id } => {
                let (vid, tid) = (variant.to_string(), id.to_string());
                match doc.variant(variant).and_then(|v| v.transition(id)) {
                    Some(t) => put(conn, TRANSITION, &vid, &tid, 0, t)?,
                    None => delete(conn, TRANSITION, &vid, &tid)?,
                }
            }
            Changed::Need { variant, id } => {
                let (vid, nid) = (variant.to_string(), id.to_string());
                match doc.variant(variant).and_then(|v| v.need(id)) {
                    Some(n) => put(conn, NEED, &vid, &nid, 0, n)?,
                    None => delete(conn, NEED, &vid, &nid)?,
                }
            }
            Changed::Comment { id } => match doc.comment(id) {
                Some(x) => put(conn, COMMENT, "", &id.to_string(), 0, x)?,
                None => delete(conn, COMMENT, "", &id.to_string())?,
            },
            Changed::Review { id } => match doc.review(id) {
                Some(x) => put(conn, REVIEW, "", &id.to_string(), 0, x)?,
                None => delete(conn, REVIEW, "", &id.to_string())?,
            },
        }
    }
    if headers {
        write_variant_headers(conn, doc)?;
    }
    Ok(())
}
