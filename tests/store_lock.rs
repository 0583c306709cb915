//! One writer per file: a second `Session::open`, in this process or another, gets
//! `file_in_use` while `read` keeps working; the lock goes when the session does.
//!
//! The other process is this test binary run again on one test (`child_opens_the_file`),
//! told by an environment variable which file to try.

use carepath::edit::Edit;
use carepath::model::*;
use carepath::store::{read, Session};
use carepath::ErrorCode;
use std::io::Write;
use std::path::Path;
use std::process::Command;

const CHILD_ENV: &str = "CAREPATH_LOCK_CHILD";

/// In the child: tries to read and to open the file, and reports both on stdout.
#[test]
fn child_opens_the_file() {
    let Ok(path) = std::env::var(CHILD_ENV) else { return };
    let path = Path::new(&path);
    let steps = read(path).map(|d| d.step_count().to_string()).unwrap_or_else(|e| format!("{:?}", e.code));
    let open = match Session::open(path) {
        Ok(_) => "ok".to_string(),
        Err(e) => format!("{:?} {}", e.code, e.message),
    };
    let mut out = std::io::stdout().lock();
    // the harness has written "test child_opens_the_file ... " without a line end
    writeln!(out).unwrap();
    writeln!(out, "read {steps}").unwrap();
    writeln!(out, "open {open}").unwrap();
    out.flush().unwrap();
}

fn run_child(path: &Path) -> (String, String) {
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_opens_the_file", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let line = |prefix: &str| {
        text.lines().find_map(|l| l.find(prefix).map(|i| &l[i + prefix.len()..])).unwrap_or_else(|| panic!("no '{prefix}' in: {text}")).to_string()
    };
    (line("read "), line("open "))
}

#[test]
fn a_second_writer_in_another_process_is_refused_while_it_can_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("delt.carepath");
    let mut s = Session::create(&path, carepath::sample::generate(40)).unwrap();
    let v = s.document().variants[0].id;
    s.apply(Edit::AddStep { variant: v, step: Step::new(StepKind::Activity, "ny", None, None) }).unwrap();

    let (steps, open) = run_child(&path);
    assert_eq!(steps, "41", "the reader sees the committed edit");
    assert!(open.starts_with("FileInUse"), "{open}");
    assert!(open.contains("delt.carepath") && open.contains("is open in another Carepath window or process"), "{open}");

    drop(s);
    let (_, open) = run_child(&path);
    assert_eq!(open, "ok", "the lock went with the session");
}

#[test]
fn a_second_writer_in_the_same_process_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("to.carepath");
    let mut s = Session::create(&path, carepath::sample::generate(10)).unwrap();
    let err = Session::open(&path).err().unwrap();
    assert_eq!(err.code, ErrorCode::FileInUse);
    assert!(err.message.contains("is open in another Carepath window or process"), "{}", err.message);
    // the refused attempt did not disturb the first session
    let v = s.document().variants[0].id;
    s.apply(Edit::AddStep { variant: v, step: Step::new(StepKind::Activity, "etter", None, None) }).unwrap();
    assert_eq!(read(&path).unwrap().step_count(), 11);
    drop(s);
    assert_eq!(Session::open(&path).unwrap().document().step_count(), 11);
}
