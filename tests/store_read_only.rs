//! Documents this user may not write: a read-only file, a file in a read-only folder, a file on
//! a read-only mount, a file the user may not read at all, and the 0444 side files an older
//! build left beside a read-only file. Reading (`info`, `export`) works and creates nothing
//! beside the file; editing is refused with `read_only`; "permission denied" says so.
//!
//! File modes mean nothing to root, so the program runs as user `nobody` (through `setpriv`)
//! when the tests run as root, and as the user itself otherwise. The read-only mount needs
//! root (a tmpfs remounted read-only); without it that test says so and checks the rest.
#![cfg(unix)]

use carepath::store::{read, Session};
use carepath::ErrorCode;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOBODY: u32 = 65534;

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions
    unsafe { libc::geteuid() == 0 }
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn chown_nobody(path: &Path) {
    if is_root() {
        std::os::unix::fs::chown(path, Some(NOBODY), Some(NOBODY)).unwrap();
    }
}

/// A folder the other user can reach, with the program in it (the build folder may be in a
/// home folder that user cannot enter).
struct Place {
    dir: tempfile::TempDir,
    program: PathBuf,
}

fn place() -> Place {
    let dir = tempfile::Builder::new().prefix("carepath-ro").tempdir_in("/tmp").unwrap();
    chmod(dir.path(), 0o755);
    let program = dir.path().join("carepath");
    let built = Path::new(env!("CARGO_BIN_EXE_carepath"));
    if std::fs::hard_link(built, &program).is_err() {
        std::fs::copy(built, &program).unwrap();
    }
    chmod(&program, 0o755);
    Place { dir, program }
}

impl Place {
    /// A sub-folder anyone may write into.
    fn folder(&self, name: &str) -> PathBuf {
        let f = self.dir.path().join(name);
        std::fs::create_dir(&f).unwrap();
        chmod(&f, 0o777);
        f
    }
    /// Runs the program as the other user (or as this one when not root).
    fn run(&self, args: &[&str]) -> Output {
        let mut cmd = if is_root() {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(&self.program);
            c
        } else {
            Command::new(&self.program)
        };
        cmd.args(args).output().expect("the program runs")
    }
}

fn good_file(path: &Path) {
    let mut s = Session::create(path, carepath::template::load("copd").unwrap()).unwrap();
    s.apply(rename(s.document(), "Nå – lest")).unwrap();
    drop(s);
    chown_nobody(path);
}

fn rename(doc: &carepath::model::Document, name: &str) -> carepath::edit::Edit {
    let v = &doc.variants[0];
    carepath::edit::Edit::UpdateVariant { id: v.id, name: name.into(), kind: v.kind, description: v.description.clone() }
}

fn names(folder: &Path) -> Vec<String> {
    let mut n: Vec<String> = std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    n.sort();
    n
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// `info` and `export` work, nothing appears beside the file, it is unchanged, and an edit
/// is refused with a message that says why.
fn readable_but_not_writable(p: &Place, file: &Path, out: &Path, why: &str) {
    let before = std::fs::read(file).unwrap();
    let folder = file.parent().unwrap();
    let listed = names(folder);
    let f = file.to_str().unwrap();
    let info = p.run(&["info", f]);
    assert!(info.status.success(), "info: {}", text(&info));
    assert!(text(&info).contains("KOLS"), "{}", text(&info));
    let svg = out.join("x.svg");
    let export = p.run(&["export", f, "--format", "svg", "-o", svg.to_str().unwrap()]);
    assert!(export.status.success(), "export: {}", text(&export));
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    let edit = p.run(&["review", "comment", f, "--on", "document", "--text", "hei", "--author", "x"]);
    assert!(!edit.status.success());
    let msg = text(&edit);
    assert!(msg.contains("cannot open for editing") && msg.contains(why), "{msg}");
    assert!(msg.contains(file.file_name().unwrap().to_str().unwrap()), "names the file: {msg}");
    assert_eq!(names(folder), listed, "nothing beside the file");
    assert_eq!(std::fs::read(file).unwrap(), before, "the file is unchanged");
}

#[test]
fn a_read_only_file_is_read_and_exported_and_leaves_no_side_files() {
    let p = place();
    let w = p.folder("w");
    let file = w.join("a.carepath");
    good_file(&file);
    chmod(&file, 0o444);
    readable_but_not_writable(&p, &file, &p.folder("out"), "the file is read-only");
    // made writable again, it can be edited at once (no read-only -shm stands in the way)
    chmod(&file, 0o644);
    let edit = p.run(&["review", "comment", file.to_str().unwrap(), "--on", "document", "--text", "hei", "--author", "x"]);
    assert!(edit.status.success(), "{}", text(&edit));
}

#[test]
fn a_file_in_a_read_only_folder_is_read_and_exported() {
    let p = place();
    let d = p.folder("d");
    let file = d.join("b.carepath");
    good_file(&file);
    chmod(&d, 0o555);
    readable_but_not_writable(&p, &file, &p.folder("out"), "its folder is read-only");
    chmod(&d, 0o755);
}

#[test]
fn a_file_this_user_may_not_read_says_permission_denied() {
    let p = place();
    let w = p.folder("w");
    let file = w.join("p.carepath");
    good_file(&file);
    if is_root() {
        std::os::unix::fs::chown(&file, Some(0), Some(0)).unwrap();
    }
    chmod(&file, 0o000);
    for args in [vec!["info"], vec!["export", "--format", "json"]] {
        let mut a = args.clone();
        a.push(file.to_str().unwrap());
        let o = p.run(&a);
        assert!(!o.status.success());
        assert!(text(&o).contains("p.carepath: permission denied"), "{}", text(&o));
    }
    assert_eq!(names(&w), vec!["p.carepath".to_string()]);
}

#[test]
fn side_files_an_older_build_left_read_only_do_not_block_edits() {
    let p = place();
    let w = p.folder("w");
    let file = w.join("t.carepath");
    good_file(&file);
    let [wal, shm] = ["-wal", "-shm"].map(|s| PathBuf::from(format!("{}{s}", file.display())));
    std::fs::write(&wal, b"").unwrap();
    std::fs::write(&shm, vec![0u8; 32768]).unwrap();
    for f in [&wal, &shm] {
        chown_nobody(f);
        chmod(f, 0o444);
    }
    let edit = p.run(&["review", "comment", file.to_str().unwrap(), "--on", "document", "--text", "hei", "--author", "x"]);
    assert!(edit.status.success(), "{}", text(&edit));
    assert_eq!(names(&w), vec!["t.carepath".to_string()]);
    assert_eq!(read(&file).unwrap().comments.len(), 1);
}

#[test]
fn a_read_only_session_reads_refuses_edits_and_saves_a_writable_copy() {
    let p = place();
    let w = p.folder("w");
    let file = w.join("s.carepath");
    good_file(&file);
    let before = std::fs::read(&file).unwrap();
    let mut s = Session::open_read_only(&file).unwrap();
    assert!(s.is_read_only());
    assert_eq!(s.history().done.len(), 1, "the history is read too");
    let edit = rename(s.document(), "ny");
    let err = s.apply(edit.clone()).unwrap_err();
    assert_eq!(err.code, ErrorCode::ReadOnly);
    assert!(err.message.contains("Save as"), "{}", err.message);
    assert_eq!(s.undo().unwrap_err().code, ErrorCode::ReadOnly);
    assert_eq!(s.save_as(&file).unwrap_err().code, ErrorCode::ReadOnly);
    assert_eq!(names(&w), vec!["s.carepath".to_string()], "a read-only session creates nothing beside the file");
    let copy = w.join("kopi.carepath");
    s.save_as(&copy).unwrap();
    assert!(!s.is_read_only());
    s.apply(edit).unwrap();
    s.undo().unwrap();
    s.redo().unwrap();
    drop(s);
    assert_eq!(read(&copy).unwrap().variants[0].name, "ny");
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

/// A tmpfs mounted here and remounted read-only; unmounted on drop.
struct Mount(PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_file_on_a_read_only_mount_is_read_and_exported() {
    let p = place();
    let m = p.folder("m");
    if !is_root() {
        eprintln!("not root: the read-only mount is not tried (the folder and file cases cover modes)");
        return;
    }
    let mounted = Command::new("mount").args(["-t", "tmpfs", "-o", "size=8m,mode=0777", "tmpfs"]).arg(&m).status();
    if !mounted.map(|s| s.success()).unwrap_or(false) {
        eprintln!("this machine does not allow mounting a tmpfs here: the read-only mount is not tried");
        return;
    }
    let guard = Mount(m.clone());
    let file = m.join("m.carepath");
    good_file(&file);
    let remount = Command::new("mount").args(["-o", "remount,ro"]).arg(&m).status().unwrap();
    assert!(remount.success(), "remount read-only");
    readable_but_not_writable(&p, &file, &p.folder("out"), "read-only");
    // root too is refused by the mount, and reads it in this process without side files
    assert_eq!(Session::open(&file).unwrap_err().code, ErrorCode::ReadOnly);
    assert_eq!(read(&file).unwrap().variants[0].name, "Nå – lest");
    drop(guard);
}
