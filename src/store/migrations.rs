//! Migrations of a file's rows written in Rust: where the JSON of elements changes shape, every
//! element row and every edit of the history is brought to the current shape
//! ([`crate::format::upgrade`]), so the document opens and its undo history keeps working.
//! The SQL migrations live beside this file in `migrations_sql/`.

use rusqlite::{params, Transaction};

/// Rewrites every element body and every history edit whose JSON is of an older shape. A body
/// that is not JSON is left for the loader to report as damage.
pub(super) fn upgrade_rows(tx: &Transaction) -> rusqlite::Result<()> {
    let upgraded = |body: &str| -> Option<String> {
        let mut v: serde_json::Value = serde_json::from_str(body).ok()?;
        crate::format::upgrade::to_current(&mut v).then(|| v.to_string())
    };
    let mut changed: Vec<(String, String, String, String)> = Vec::new();
    {
        let mut stmt = tx.prepare("SELECT kind, variant, id, body FROM element WHERE kind IN ('need', 'info_type')")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(body) = upgraded(r.get_ref(3)?.as_str().unwrap_or("")) {
                changed.push((r.get(0)?, r.get(1)?, r.get(2)?, body));
            }
        }
    }
    for (kind, variant, id, body) in changed {
        tx.execute("UPDATE element SET body = ?4 WHERE kind = ?1 AND variant = ?2 AND id = ?3", params![kind, variant, id, body])?;
    }
    let mut edits: Vec<(i64, String, String)> = Vec::new();
    {
        let mut stmt = tx.prepare("SELECT seq, edit, inverse FROM history")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (edit, inverse) = (r.get_ref(1)?.as_str().unwrap_or(""), r.get_ref(2)?.as_str().unwrap_or(""));
            let (e, i) = (upgraded(edit), upgraded(inverse));
            if e.is_some() || i.is_some() {
                edits.push((r.get(0)?, e.unwrap_or_else(|| edit.to_string()), i.unwrap_or_else(|| inverse.to_string())));
            }
        }
    }
    for (seq, edit, inverse) in edits {
        tx.execute("UPDATE history SET edit = ?2, inverse = ?3 WHERE seq = ?1", params![seq, edit, inverse])?;
    }
    Ok(())
}
