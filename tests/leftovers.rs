//! Nothing is left behind: a kill during `import` leaves a temporary database that the next
//! run in that folder removes (and only that: a live process keeps its own); a Markdown report
//! that does not fit on the disk leaves no pictures; an edit on a full disk says "the disk is
//! full" and every accepted edit is still in the file. The full-disk cases need a small tmpfs,
//! which needs root; without it they say so.
#![cfg(unix)]

use carepath::store::{read, Session};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn names(folder: &Path) -> Vec<String> {
    let mut n: Vec<String> = std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    n.sort();
    n
}

/// A BPMN chain of `n` tasks without a diagram.
fn chain(n: usize) -> String {
    let mut x = String::from(r#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x"><process id="p"><startEvent id="s"/>"#);
    let mut prev = "s".to_string();
    for i in 0..n {
        x.push_str(&format!(r#"<task id="t{i}" name="Oppgave {i}"/><sequenceFlow id="f{i}" sourceRef="{prev}" targetRef="t{i}"/>"#));
        prev = format!("t{i}");
    }
    x.push_str("</process></definitions>");
    x
}

#[test]
fn a_kill_during_import_leaves_a_temporary_file_the_next_run_removes() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("lang.bpmn");
    std::fs::write(&source, chain(30_000)).unwrap();
    let out = dir.path().join("ut");
    std::fs::create_dir(&out).unwrap();
    let target = out.join("lang.carepath");
    let mut caught = false;
    for _ in 0..5 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_carepath")).arg("import").arg(&source).arg("-o").arg(&target).spawn().unwrap();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(60) {
            if names(&out).iter().any(|n| n.ends_with(".tmp")) {
                child.kill().unwrap();
                caught = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        child.wait().unwrap();
        if caught {
            break;
        }
        let _ = std::fs::remove_file(&target);
    }
    assert!(caught, "the import was never caught while building its temporary file");
    assert!(!target.exists());
    let left = names(&out);
    assert!(left.iter().any(|n| n.starts_with(".lang.carepath.") && n.ends_with(".tmp")), "{left:?}");
    // a temporary file of a process that is still running (this one) is not touched
    let live = out.join(format!(".annen.carepath.{}-999.tmp", std::process::id()));
    std::fs::write(&live, b"in use").unwrap();
    let new = out.join("ny.carepath");
    let o = Command::new(env!("CARGO_BIN_EXE_carepath")).arg("new").arg(&new).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(names(&out), vec![live.file_name().unwrap().to_string_lossy().into_owned(), "ny.carepath".to_string()]);
}

/// A tmpfs of `size` mounted on a new folder in `dir`; unmounted on drop. None without root.
struct Small(PathBuf);

impl Small {
    fn mount(dir: &Path, size: &str) -> Option<Small> {
        // SAFETY: geteuid has no preconditions
        if unsafe { libc::geteuid() } != 0 {
            eprintln!("not root: the full-disk case is not tried");
            return None;
        }
        let m = dir.join("liten");
        std::fs::create_dir(&m).unwrap();
        let ok = Command::new("mount").args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"]).arg(&m).status();
        if !ok.map(|s| s.success()).unwrap_or(false) {
            eprintln!("this machine does not allow mounting a tmpfs: the full-disk case is not tried");
            return None;
        }
        Some(Small(m))
    }
}

impl Drop for Small {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Fills the drive at `folder` until no byte more fits.
fn fill(folder: &Path) {
    use std::io::Write;
    let mut f = std::fs::File::create(folder.join("fyll")).unwrap();
    let block = vec![0u8; 4096];
    while f.write_all(&block).is_ok() {}
    let _ = f.write_all(&[0u8]);
}

#[test]
fn a_markdown_report_that_does_not_fit_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let doc_path = dir.path().join("kols.carepath");
    drop(Session::create(&doc_path, carepath::template::load("copd").unwrap()).unwrap());
    let Some(small) = Small::mount(dir.path(), "600k") else { return };
    let page = small.0.join("rapport.md");
    let o = Command::new(env!("CARGO_BIN_EXE_carepath")).args(["report", "--format", "md", "-o"]).arg(&page).arg(&doc_path).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "the report fitted after all: make the drive smaller");
    assert!(err.contains("the disk is full"), "{err}");
    assert!(names(&small.0).is_empty(), "nothing left: {:?}", names(&small.0));
    drop(small);
}

#[test]
fn an_edit_on_a_full_disk_says_so_and_keeps_every_accepted_edit() {
    let dir = tempfile::tempdir().unwrap();
    let Some(small) = Small::mount(dir.path(), "2m") else { return };
    let path = small.0.join("kols.carepath");
    let mut s = Session::create(&path, carepath::template::load("copd").unwrap()).unwrap();
    fill(&small.0);
    let v = s.document().variants[0].id;
    let mut refused = None;
    for i in 0..20_000 {
        let mut step = carepath::model::Step::new(carepath::model::StepKind::Activity, format!("Steg {i} {}", "x".repeat(150)), None, None);
        step.description = "beskrivelse ".repeat(300);
        if let Err(e) = s.apply(carepath::edit::Edit::AddStep { variant: v, step }) {
            refused = Some(e);
            break;
        }
    }
    let e = refused.expect("the disk never filled up");
    assert!(e.message.contains("the disk is full"), "{}", e.message);
    assert!(e.message.contains("kols.carepath"), "{}", e.message);
    let in_memory = carepath::export::json::to_json(s.document());
    drop(s);
    std::fs::remove_file(small.0.join("fyll")).unwrap();
    assert_eq!(carepath::export::json::to_json(&read(&path).unwrap()), in_memory, "every accepted edit is in the file");
    drop(small);
}
