//! Files that are not good `.carepath` files get a clear error with the right code that names
//! the file, from both `Session::open` and `read`, never a panic; and the file's bytes are
//! exactly as they were afterwards.

use carepath::model::*;
use carepath::store::{read, Session, APPLICATION_ID, FILE_VERSION};
use carepath::ErrorCode;
use rand::RngCore;
use std::path::{Path, PathBuf};

/// A good file of a generated pathway, closed.
fn good_file(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let mut s = Session::create(&path, carepath::sample::generate(200)).unwrap();
    let v = s.document().variants[0].id;
    s.apply(carepath::edit::Edit::AddStep { variant: v, step: Step::new(StepKind::Activity, "siste", None, None) })
        .unwrap();
    drop(s);
    path
}

/// The names in the file's folder.
fn folder(path: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Opens the file both ways; both must fail with `code`, name the file, and leave it and its
/// folder as they were (no `-wal` or `-shm` files left beside it).
fn assert_refused(path: &Path, code: ErrorCode) -> String {
    let before = std::fs::read(path).ok();
    let names = folder(path);
    let err = Session::open(path).expect_err("open must fail");
    assert_eq!(err.code, code, "open: {}", err.message);
    let name = path.file_name().unwrap().to_string_lossy();
    assert!(err.message.contains(&*name), "the message names the file: {}", err.message);
    let err2 = read(path).expect_err("read must fail");
    assert_eq!(err2.code, code, "read: {}", err2.message);
    assert_eq!(std::fs::read(path).ok(), before, "the file is unchanged");
    assert_eq!(folder(path), names, "nothing is left beside the file");
    // and it stays unlocked: a later failure is the same failure, not file_in_use
    assert_eq!(Session::open(path).err().unwrap().code, code);
    err.message
}

#[test]
fn random_bytes_are_not_carepath() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("random.carepath");
    let mut bytes = vec![0u8; 8192];
    rand::rng().fill_bytes(&mut bytes);
    std::fs::write(&path, &bytes).unwrap();
    let msg = assert_refused(&path, ErrorCode::NotCarepath);
    assert!(msg.contains("not a Carepath document"), "{msg}");
}

#[test]
fn text_pretending_to_be_sqlite_is_not_carepath() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fake.carepath");
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.resize(4096, b'x');
    std::fs::write(&path, &bytes).unwrap();
    assert_refused(&path, ErrorCode::NotCarepath);
}

#[test]
fn an_empty_file_is_not_carepath() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.carepath");
    std::fs::write(&path, b"").unwrap();
    let msg = assert_refused(&path, ErrorCode::NotCarepath);
    assert!(msg.contains("empty"), "{msg}");
}

#[test]
fn a_missing_file_is_an_io_error_and_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("borte.carepath");
    let err = Session::open(&path).err().unwrap();
    assert_eq!(err.code, ErrorCode::Io);
    assert!(err.message.contains("borte.carepath") && err.message.contains("no such file"), "{}", err.message);
    assert_eq!(read(&path).unwrap_err().code, ErrorCode::Io);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_folder_is_not_carepath() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mappe.carepath");
    std::fs::create_dir(&path).unwrap();
    assert_eq!(Session::open(&path).err().unwrap().code, ErrorCode::NotCarepath);
}

#[test]
fn a_truncated_file_is_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let path = good_file(dir.path(), "cut.carepath");
    let bytes = std::fs::read(&path).unwrap();
    for keep in [bytes.len() / 2, 3 * 4096 + 17] {
        std::fs::write(&path, &bytes[..keep]).unwrap();
        let msg = assert_refused(&path, ErrorCode::Corrupt);
        assert!(msg.contains("damaged"), "{msg}");
    }
}

#[test]
fn a_corrupt_page_is_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let path = good_file(dir.path(), "page.carepath");
    let good = std::fs::read(&path).unwrap();
    let pages = good.len() / 4096;
    assert!(pages > 8, "the file has {pages} pages");
    // page 1 after its header, and pages spread over the file: whichever table they hold
    let mut rng = rand::rng();
    for page in [0, 1, 2, pages / 3, pages / 2, pages - 2, pages - 1] {
        let mut bytes = good.clone();
        let start = if page == 0 { 100 } else { page * 4096 };
        rng.fill_bytes(&mut bytes[start..(page + 1) * 4096]);
        std::fs::write(&path, &bytes).unwrap();
        let msg = assert_refused(&path, ErrorCode::Corrupt);
        assert!(msg.contains("damaged"), "page {page}: {msg}");
    }
}

#[test]
fn a_file_from_a_newer_carepath_is_refused_with_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = good_file(dir.path(), "ny.carepath");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", FILE_VERSION + 7).unwrap();
    drop(conn);
    let msg = assert_refused(&path, ErrorCode::NewerVersion);
    assert!(msg.contains(&format!("file version {}", FILE_VERSION + 7)), "{msg}");
    assert!(msg.contains(&format!("up to {FILE_VERSION}")), "{msg}");
    assert!(msg.contains("update Carepath"), "{msg}");
}

#[test]
fn another_programs_sqlite_database_is_not_carepath() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.carepath");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hei');")
        .unwrap();
    drop(conn);
    let msg = assert_refused(&path, ErrorCode::NotCarepath);
    assert!(msg.contains("another program"), "{msg}");
}

#[test]
fn a_carepath_mark_without_tables_is_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hollow.carepath");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {FILE_VERSION}; CREATE TABLE x (y);"))
        .unwrap();
    drop(conn);
    assert_refused(&path, ErrorCode::Corrupt);
}

#[test]
fn a_dangling_reference_in_a_row_is_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let path = good_file(dir.path(), "dangling.carepath");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (id, body): (String, String) =
        conn.query_row("SELECT id, body FROM element WHERE kind = 'step' LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    let mut step: serde_json::Value = serde_json::from_str(&body).unwrap();
    step["actor"] = serde_json::json!(ActorId::new());
    conn.execute("UPDATE element SET body = ?1 WHERE kind = 'step' AND id = ?2", [step.to_string(), id]).unwrap();
    drop(conn);
    let msg = assert_refused(&path, ErrorCode::Corrupt);
    assert!(msg.contains("does not have"), "{msg}");
}

#[test]
fn reading_a_good_file_leaves_no_files_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = good_file(dir.path(), "ok.carepath");
    let before = std::fs::read(&path).unwrap();
    read(&path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_carepath_file_is_recognised_by_its_header_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = good_file(dir.path(), "ja.carepath");
    assert!(carepath::store::is_carepath_file(&path));
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE t (x);").unwrap();
    assert!(!carepath::store::is_carepath_file(&other));
    std::fs::write(dir.path().join("short"), b"SQLite format 3\0").unwrap();
    assert!(!carepath::store::is_carepath_file(&dir.path().join("short")));
    assert!(!carepath::store::is_carepath_file(&dir.path().join("none")));
}
