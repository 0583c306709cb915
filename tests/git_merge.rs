//! `.carepath` files in real git repositories: `carepath git setup`, then `git diff` shows
//! Carepath's change list and `git merge` merges two branches' edits element by element,
//! recording a conflict as a review comment and stopping the merge as git does on a conflict.

use carepath::edit::Edit;
use carepath::model::*;
use carepath::store::{self, Session};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FILE: &str = "kols.carepath";

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn git(repo: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(repo)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Kari Nordmann")
        .env("GIT_AUTHOR_EMAIL", "kari@example.org")
        .env("GIT_COMMITTER_NAME", "Kari Nordmann")
        .env("GIT_COMMITTER_EMAIL", "kari@example.org")
        .output()
        .expect("git runs (install git)")
}

fn ok(repo: &Path, args: &[&str]) -> String {
    let out = git(repo, args);
    assert!(out.status.success(), "git {args:?}: {}{}", text(&out.stdout), text(&out.stderr));
    text(&out.stdout)
}

fn commit(repo: &Path, author: &str, message: &str) {
    ok(repo, &["add", "-A"]);
    ok(repo, &["commit", "-q", "-m", message, "--author", &format!("{author} <test@example.org>")]);
}

/// A repository with the COPD document committed on `main`, set up with `carepath git setup`.
fn repo() -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let repo = d.path().to_path_buf();
    ok(&repo, &["init", "-q", "-b", "main"]);
    let out = Command::new(env!("CARGO_BIN_EXE_carepath")).args(["new", FILE, "--template", "copd"]).current_dir(&repo).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = Command::new(env!("CARGO_BIN_EXE_carepath"))
        .args(["git", "setup", "--lang", "en"])
        .current_dir(&repo)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(out.status.success(), "setup: {}", text(&out.stderr));
    let attributes = std::fs::read_to_string(repo.join(".gitattributes")).unwrap();
    assert!(attributes.contains("*.carepath diff=carepath merge=carepath"), "{attributes}");
    commit(&repo, "Kari Nordmann", "COPD pathway");
    (d, repo)
}

fn doc(repo: &Path) -> Document {
    store::read(&repo.join(FILE)).unwrap()
}

fn step(doc: &Document, n: usize) -> Step {
    doc.variants[0].steps_sorted()[n].clone()
}

/// Changes step `n`'s label on the checked-out branch.
fn relabel(repo: &Path, n: usize, label: &str) -> StepId {
    let d = doc(repo);
    let s = step(&d, n);
    let mut session = Session::open(&repo.join(FILE)).unwrap();
    session.apply(Edit::UpdateStep { variant: d.variants[0].id, step: Step { label: label.into(), ..s.clone() } }).unwrap();
    s.id
}

fn label(doc: &Document, id: StepId) -> Option<String> {
    doc.variants[0].step(id).map(|s| s.label.clone())
}

/// Makes theirs' edit on a branch `kommune` (committed by Ola Nordmann) and ours on `main`
/// (by Kari Nordmann), then merges `kommune` into `main`; returns both edits' results and
/// what `git merge` said.
fn merge_branches<T, U>(repo: &Path, theirs: impl FnOnce(&Path) -> T, ours: impl FnOnce(&Path) -> U) -> (T, U, Output) {
    ok(repo, &["checkout", "-q", "-b", "kommune"]);
    let t = theirs(repo);
    commit(repo, "Ola Nordmann", "kommune's edit");
    ok(repo, &["checkout", "-q", "main"]);
    let o = ours(repo);
    commit(repo, "Kari Nordmann", "sykehus' edit");
    (t, o, git(repo, &["merge", "--no-edit", "kommune"]))
}

fn validate(repo: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_carepath")).args(["validate", FILE]).current_dir(repo).output().unwrap();
    assert!(out.status.code() != Some(2), "the merged file validates: {}{}", text(&out.stdout), text(&out.stderr));
}

#[test]
fn git_diff_shows_carepaths_change_list() {
    let (_d, repo) = repo();
    relabel(&repo, 0, "Pasient måler selv");
    let diff = ok(&repo, &["diff"]);
    assert!(diff.contains("carepath diff kols.carepath"), "{diff}");
    assert!(diff.contains("Pasient måler selv"), "{diff}");
    assert!(!diff.contains("Binary files"), "{diff}");
    // git log -p goes through textconv: the canonical JSON, line by line
    commit(&repo, "Kari Nordmann", "relabel");
    let log = ok(&repo, &["log", "-p", "-1"]);
    assert!(log.contains("+") && log.contains("\"label\": \"Pasient måler selv\""), "{log}");
}

#[test]
fn edits_of_different_steps_on_two_branches_merge_cleanly_and_undo_as_one() {
    let (_d, repo) = repo();
    let (theirs, ours, out) = merge_branches(&repo, |r| relabel(r, 1, "Kommunens steg"), |r| relabel(r, 0, "Sykehusets steg"));
    assert!(out.status.success(), "clean merge: {}{}", text(&out.stdout), text(&out.stderr));
    let d = doc(&repo);
    assert_eq!(label(&d, ours).as_deref(), Some("Sykehusets steg"));
    assert_eq!(label(&d, theirs).as_deref(), Some("Kommunens steg"));
    assert!(!d.comments.iter().any(|c| c.text.contains("merge conflict")));
    validate(&repo);
    // the merge is one entry of the file's history: undo takes the other branch's edit away
    let mut session = Session::open(&repo.join(FILE)).unwrap();
    assert!(session.undo_label().unwrap().contains("kommune"), "{:?}", session.undo_label());
    session.undo().unwrap();
    assert_eq!(label(session.document(), theirs), label(&doc_at(&repo, "main~1"), theirs));
    assert_eq!(label(session.document(), ours).as_deref(), Some("Sykehusets steg"));
    session.undo().unwrap();
    assert_ne!(label(session.document(), ours).as_deref(), Some("Sykehusets steg"));
    drop(session);
    // no SQLite side files are left in the work tree
    let status = ok(&repo, &["status", "--porcelain", "--untracked-files=all"]);
    assert!(!status.contains("-wal") && !status.contains("-shm") && !status.contains("merge_file"), "{status}");
}

fn doc_at(repo: &Path, rev: &str) -> Document {
    let out = git(repo, &["show", &format!("{rev}:{FILE}")]);
    let tmp = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(tmp.path(), &out.stdout).unwrap();
    store::read(tmp.path()).unwrap()
}

#[test]
fn the_same_field_on_both_branches_is_a_conflict_recorded_in_the_document() {
    let (_d, repo) = repo();
    let (id, _, out) = merge_branches(&repo, |r| relabel(r, 0, "Kommunens navn"), |r| relabel(r, 0, "Sykehusets navn"));
    assert_eq!(out.status.code(), Some(1), "git stops on the conflict: {}{}", text(&out.stdout), text(&out.stderr));
    let said = text(&out.stdout) + &text(&out.stderr);
    assert!(said.contains("CONFLICT") && said.contains(FILE), "{said}");
    let d = doc(&repo);
    assert_eq!(label(&d, id).as_deref(), Some("Sykehusets navn"), "ours is kept");
    let c = d.comments.iter().find(|c| c.text.starts_with("merge conflict")).expect("the conflict is a comment");
    assert_eq!(c.target, ElementRef::Step { variant: d.variants[0].id, id });
    for part in ["'Sykehusets navn'", "'Kommunens navn'", "Kari Nordmann", "Ola Nordmann", "kommune"] {
        assert!(c.text.contains(part), "{part} in {}", c.text);
    }
    validate(&repo);
    // the user resolves by keeping the file and committing
    commit(&repo, "Kari Nordmann", "merged");
}

#[test]
fn delete_on_one_branch_and_edit_on_the_other_is_reported_and_nothing_is_lost() {
    let (_d, repo) = repo();
    let d0 = doc(&repo);
    let gone = step(&d0, 3);
    let delete = |r: &Path| Session::open(&r.join(FILE)).unwrap().apply(Edit::RemoveStep { variant: d0.variants[0].id, id: gone.id }).unwrap();
    let (_, _, out) = merge_branches(&repo, delete, |r| relabel(r, 3, "Endret av sykehuset"));
    assert_eq!(out.status.code(), Some(1), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stderr).contains("was deleted by kommune"), "{}", text(&out.stderr));
    let d = doc(&repo);
    assert_eq!(label(&d, gone.id).as_deref(), Some("Endret av sykehuset"));
    assert!(d.comments.iter().any(|c| c.text.contains("was deleted by kommune")));
    validate(&repo);
}

#[test]
fn a_merge_driver_given_a_broken_side_leaves_ours_untouched() {
    let d = tempfile::tempdir().unwrap();
    let ours = d.path().join("ours");
    let out = Command::new(env!("CARGO_BIN_EXE_carepath")).args(["new", ours.to_str().unwrap(), "--template", "copd"]).output().unwrap();
    assert!(out.status.success());
    let before = std::fs::read(&ours).unwrap();
    let broken = d.path().join("theirs");
    std::fs::write(&broken, b"not a carepath file").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_carepath"))
        .args(["git", "merge-driver", ours.to_str().unwrap(), ours.to_str().unwrap(), broken.to_str().unwrap(), "pathways/kols.carepath"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("pathways/kols.carepath") && err.contains("left as ours"), "{err}");
    assert_eq!(std::fs::read(&ours).unwrap(), before);
}

#[test]
fn a_document_open_while_git_merges_into_it_refuses_edits_and_leaves_the_merge_intact() {
    let (_d, repo) = repo();
    ok(&repo, &["checkout", "-q", "-b", "kommune"]);
    let theirs = relabel(&repo, 1, "Kommunens steg");
    commit(&repo, "Ola Nordmann", "kommune's edit");
    ok(&repo, &["checkout", "-q", "main"]);
    // the document stays open (as in the app) while git writes the merge into its place
    let mut open = Session::open(&repo.join(FILE)).unwrap();
    let before = open.document().clone();
    let out = git(&repo, &["merge", "--no-edit", "kommune"]);
    assert!(out.status.success(), "{}{}", text(&out.stdout), text(&out.stderr));
    assert_eq!(open.on_disk(), store::OnDisk::Replaced);
    let s = step(&before, 0);
    let err = open.apply(Edit::UpdateStep { variant: before.variants[0].id, step: Step { label: "Gått tapt".into(), ..s } }).unwrap_err();
    assert_eq!(err.code, carepath::ErrorCode::FileReplaced);
    assert!(err.message.contains("kols.carepath") && err.message.contains("replaced the file") && err.message.contains("not made"), "{}", err.message);
    assert!(open.undo().is_err(), "undo is refused as well");
    drop(open);
    // closing the old session touched nothing of the merged file
    let merged = doc(&repo);
    assert_eq!(label(&merged, theirs).as_deref(), Some("Kommunens steg"));
    validate(&repo);
    let reopened = Session::open(&repo.join(FILE)).unwrap();
    assert_eq!(label(reopened.document(), theirs).as_deref(), Some("Kommunens steg"));
}

#[test]
fn a_document_deleted_while_open_refuses_edits_and_can_still_be_saved_as_a_copy() {
    let (_d, repo) = repo();
    let mut open = Session::open(&repo.join(FILE)).unwrap();
    std::fs::remove_file(repo.join(FILE)).unwrap();
    assert_eq!(open.on_disk(), store::OnDisk::Gone);
    let d = open.document().clone();
    let err = open.apply(Edit::UpdateStep { variant: d.variants[0].id, step: step(&d, 0) }).unwrap_err();
    assert_eq!(err.code, carepath::ErrorCode::FileReplaced);
    assert!(err.message.contains("moved or deleted") && err.message.contains("Save as"), "{}", err.message);
    let copy = repo.join("berget.carepath");
    open.save_as(&copy).unwrap();
    drop(open);
    assert_eq!(store::read(&copy).unwrap().step_count(), d.step_count());
}
