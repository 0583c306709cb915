//! Reading a document back from its rows, in one read transaction so a reader sees one
//! consistent state even while a writer commits. Every row is deserialised, then the whole
//! document is rebuilt through the edit checks ([`crate::import::json::rebuild`]), so a file
//! can never hold what an edit could not make: a dangling or duplicate id is a damaged file.

use super::rows;
use crate::error::{CoreError, ErrorCode, Result};
use crate::model::*;
use rusqlite::Connection;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::path::Path;

/// A failure while reading rows: a missing table or column means a damaged file.
pub(crate) fn sql_error(path: &Path, e: rusqlite::Error) -> CoreError {
    match &e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::Unknown => corrupt(path, e),
        _ => super::file::sql_error(path, e),
    }
}

pub(crate) fn corrupt(path: &Path, what: impl std::fmt::Display) -> CoreError {
    CoreError::new(ErrorCode::Corrupt, format!("{}: the file is damaged ({what})", path.display()))
}

#[derive(Default)]
struct Contents {
    steps: Vec<Step>,
    transitions: Vec<Transition>,
    needs: Vec<DataNeed>,
}

fn parse<T: DeserializeOwned>(path: &Path, kind: &str, id: &str, body: &str) -> Result<T> {
    serde_json::from_str(body).map_err(|e| corrupt(path, format!("{} {id}: {e}", kind.replace('_', " "))))
}

fn text<'r>(path: &Path, row: &'r rusqlite::Row<'_>, i: usize) -> Result<&'r str> {
    row.get_ref(i).map_err(|e| corrupt(path, e))?.as_str().map_err(|e| corrupt(path, e))
}

/// Reads the whole document. The caller holds a read transaction (or the write lock).
pub(crate) fn document(conn: &Connection, path: &Path) -> Result<Document> {
    let sql = |e| sql_error(path, e);
    let (id, metadata): (String, String) = conn
        .query_row("SELECT id, metadata FROM document WHERE singleton = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => corrupt(path, "it has no document row"),
            e => sql(e),
        })?;
    let id: DocumentId = id.parse().map_err(|e| corrupt(path, format!("document id '{id}': {e}")))?;
    let metadata: Metadata = parse(path, "metadata of document", &id.to_string(), &metadata)?;
    let mut doc = Document::bare(id, metadata);
    let mut info_types: Vec<(i64, InfoType)> = Vec::new();
    let mut headers: Vec<(i64, VariantHeader)> = Vec::new();
    let mut contents: HashMap<String, Contents> = HashMap::new();
    let mut stmt = conn.prepare("SELECT kind, variant, id, position, body FROM element").map_err(sql)?;
    let mut rows = stmt.query([]).map_err(sql)?;
    while let Some(row) = rows.next().map_err(sql)? {
        let (kind, variant, id, body) = (text(path, row, 0)?, text(path, row, 1)?, text(path, row, 2)?, text(path, row, 4)?);
        let position: i64 = row.get(3).map_err(|e| corrupt(path, e))?;
        match kind {
            rows::ACTOR => doc.actors.push(parse(path, kind, id, body)?),
            rows::PHASE => doc.phases.push(parse(path, kind, id, body)?),
            rows::INFO_TYPE => info_types.push((position, parse(path, kind, id, body)?)),
            rows::VARIANT => headers.push((position, parse(path, kind, id, body)?)),
            rows::STEP => contents.entry(variant.to_string()).or_default().steps.push(parse(path, kind, id, body)?),
            rows::TRANSITION => {
                contents.entry(variant.to_string()).or_default().transitions.push(parse(path, kind, id, body)?)
            }
            rows::NEED => contents.entry(variant.to_string()).or_default().needs.push(parse(path, kind, id, body)?),
            rows::COMMENT => doc.comments.push(parse(path, kind, id, body)?),
            rows::REVIEW => doc.reviews.push(parse(path, kind, id, body)?),
            other => return Err(corrupt(path, format!("a row of unknown kind '{other}'"))),
        }
    }
    info_types.sort_by_key(|(p, _)| *p);
    doc.info_types = info_types.into_iter().map(|(_, t)| t).collect();
    headers.sort_by_key(|(p, _)| *p);
    for (_, h) in headers {
        let c = contents.remove(&h.id.to_string()).unwrap_or_default();
        let name = h.name.clone();
        let data = VariantData {
            id: h.id,
            name: h.name,
            kind: h.kind,
            description: h.description,
            based_on: h.based_on,
            steps: c.steps,
            transitions: c.transitions,
            needs: c.needs,
        };
        let v = Variant::try_from(data).map_err(|e| corrupt(path, format!("variant '{name}': {e}")))?;
        doc.variants.push(v);
    }
    if let Some(orphan) = contents.keys().next() {
        return Err(corrupt(path, format!("it holds elements of variant {orphan}, which it does not have")));
    }
    crate::import::json::rebuild(doc).map_err(|e| corrupt(path, e.message))
}
