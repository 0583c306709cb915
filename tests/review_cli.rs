//! `carepath review` on real .carepath files: send a copy, comment and decide in it, merge it
//! back into the real SQLite file (reopened and checked), merge twice without duplicates, a
//! later resolution updates, the merge undoes as one, and a comment on an element deleted
//! meanwhile is reported with exit code 1.

use carepath::edit::Edit;
use carepath::model::*;
use carepath::store::{self, Session};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const STEP: &str = "step:Ser måleserier og trend i nasjonal målingstjeneste";

fn carepath(args: &[&str], author: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_carepath"));
    c.args(args).env_remove("CAREPATH_AUTHOR");
    if let Some(a) = author {
        c.env("CAREPATH_AUTHOR", a);
    }
    c.output().expect("carepath runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "{}{}", text(&out.stdout), text(&out.stderr));
    text(&out.stdout).trim().to_string()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A COPD document and a copy sent for review, with a thread (and reply) on a step of the
/// desired pathway, a document comment and a decision, all written through the CLI.
fn sent_and_reviewed(dir: &Path) -> (PathBuf, PathBuf, String) {
    let f = dir.join("kols.carepath");
    ok(&carepath(&["new", s(&f), "--template", "copd"], None));
    let copy = dir.join("til-gjennomgang.carepath");
    ok(&carepath(&["review", "send", s(&f), "-o", s(&copy)], None));
    let root = ok(&carepath(&["review", "comment", s(&copy), "--on", STEP, "--variant", "Ønsket forløp", "--text", "Trenger vi rådata | eller trend?"], Some("Kari Lege")));
    ok(&carepath(&["review", "comment", s(&copy), "--reply-to", &root, "--text", "Trend holder."], Some("Per Overlege")));
    ok(&carepath(&["review", "comment", s(&copy), "--on", "document", "--text", "Ser bra ut.", "--author", "Kari Lege"], None));
    ok(&carepath(&["review", "decide", s(&copy), "--on", STEP, "--variant", "Ønsket forløp", "--status", "needs-change", "--note", "Avklar tilgang"], Some("Kari Lege")));
    (f, copy, root)
}

#[test]
fn send_comment_merge_twice_resolve_and_undo() {
    let d = tempfile::tempdir().unwrap();
    let (f, copy, root) = sent_and_reviewed(d.path());
    // the copy is a full, independent file: the original has none of the review
    let original = store::read(&f).unwrap();
    assert!(original.comments.is_empty() && original.reviews.is_empty());
    let reviewed = store::read(&copy).unwrap();
    assert_eq!((reviewed.comments.len(), reviewed.reviews.len()), (3, 1));
    assert_eq!(reviewed.id, original.id);
    // sending over an existing file is refused
    let out = carepath(&["review", "send", s(&f), "-o", s(&copy)], None);
    assert_eq!(out.status.code(), Some(2));

    let out = carepath(&["review", "merge", s(&f), s(&copy)], None);
    let report = ok(&out);
    assert!(report.contains("Nye kommentarer: 3") && report.contains("Nye vurderinger: 1") && report.contains("Ikke plassert: 0"), "{report}");
    // reopen the real file: the review is there, the model untouched
    let merged = store::read(&f).unwrap();
    assert_eq!(merged.comments, reviewed.comments);
    assert_eq!(merged.reviews, reviewed.reviews);
    assert_eq!(carepath::export::json::to_json(&Document { comments: vec![], reviews: vec![], metadata: original.metadata.clone(), ..merged.clone() }),
        carepath::export::json::to_json(&original));

    // again: nothing added twice
    let report = ok(&carepath(&["review", "merge", s(&f), s(&copy), "--format", "json"], None));
    let v: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(v["comments_added"].as_array().unwrap().len(), 0);
    assert_eq!(v["unchanged"], 4);
    assert_eq!(store::read(&f).unwrap().comments.len(), 3);

    // resolved later in the copy: the merge updates it
    ok(&carepath(&["review", "resolve", s(&copy), &root], None));
    let report = ok(&carepath(&["review", "merge", s(&f), s(&copy), "--lang", "en"], None));
    assert!(report.contains("Comments updated: 1"), "{report}");
    let id: CommentId = root.parse().unwrap();
    assert!(store::read(&f).unwrap().comment(id).unwrap().resolved);

    // the listing shows the thread resolved and the decision
    let list = ok(&carepath(&["review", "list", s(&f)], None));
    assert!(list.contains("[løst] Steg «Ser måleserier og trend i nasjonal målingstjeneste» (Ønsket forløp)"), "{list}");
    assert!(list.contains("    ↳ Per Overlege"), "{list}");
    assert!(list.contains("Må endres (Kari Lege"), "{list}");
    let open = ok(&carepath(&["review", "list", s(&f), "--open", "--format", "json"], None));
    let v: serde_json::Value = serde_json::from_str(&open).unwrap();
    assert_eq!(v["threads"].as_array().unwrap().len(), 1, "only the document comment is open");
    let md = ok(&carepath(&["review", "list", s(&f), "--format", "md"], None));
    assert!(md.contains("| Dokumentet | Kari Lege |"), "{md}");

    // a merge undoes as one
    let mut session = Session::open(&f).unwrap();
    assert_eq!(session.undo_label().as_deref(), Some("merge review"));
    session.undo().unwrap();
    assert!(!session.document().comment(id).unwrap().resolved);
    drop(session);
    assert!(!store::read(&f).unwrap().comment(id).unwrap().resolved);
}

#[test]
fn a_comment_on_an_element_deleted_meanwhile_is_reported() {
    let d = tempfile::tempdir().unwrap();
    let (f, copy, _) = sent_and_reviewed(d.path());
    // meanwhile the modeller deletes the step in the real file
    let mut session = Session::open(&f).unwrap();
    let v = session.document().variant_named("Ønsket forløp").unwrap();
    let step = v.steps().find(|s| s.label == "Ser måleserier og trend i nasjonal målingstjeneste").unwrap().id;
    let vid = v.id;
    session.apply(Edit::RemoveStep { variant: vid, id: step }).unwrap();
    drop(session);

    let out = carepath(&["review", "merge", s(&f), s(&copy)], None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(report.contains("Ikke plassert: 3"), "{report}");
    assert!(report.contains("«Trenger vi rådata | eller trend?» — elementet den gjelder, er slettet"), "{report}");
    assert!(report.contains("kommentaren den svarer på, kunne ikke plasseres"), "{report}");
    let merged = store::read(&f).unwrap();
    assert_eq!(merged.comments.len(), 1, "only the document comment is placed");
    assert_eq!(merged.comments[0].target, ElementRef::Document);
    assert!(merged.reviews.is_empty());
}

#[test]
fn review_errors_name_the_cause() {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("kols.carepath");
    ok(&carepath(&["new", s(&f), "--template", "copd"], None));
    let out = carepath(&["review", "comment", s(&f), "--on", "document", "--text", "hei"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("CAREPATH_AUTHOR"));
    let out = carepath(&["review", "comment", s(&f), "--on", "step:Finnes ikke", "--text", "hei"], Some("Kari"));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("kols.carepath") && text(&out.stderr).contains("Finnes ikke"), "{}", text(&out.stderr));
    let out = carepath(&["review", "merge", s(&f), s(&d.path().join("borte.carepath"))], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("borte.carepath"));
    // a copy of another document places nothing and says why
    let other = d.path().join("annen.carepath");
    ok(&carepath(&["new", s(&other)], None));
    ok(&carepath(&["review", "comment", s(&other), "--on", "document", "--text", "feil fil"], Some("Kari")));
    let out = carepath(&["review", "merge", s(&f), s(&other)], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("kopien er av et annet dokument"));
    assert!(store::read(&f).unwrap().comments.is_empty());
}
