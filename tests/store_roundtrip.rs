//! The `.carepath` file keeps exactly what was written: whole documents, comments and
//! reviews, undo and redo history across closing and reopening, and "save as" copies.

use carepath::edit::Edit;
use carepath::export::json::to_json;
use carepath::model::*;
use carepath::store::{read, Session};
use carepath::ErrorCode;
use std::path::Path;

fn first_variant(s: &Session) -> VariantId {
    s.document().variants[0].id
}

fn add_step(variant: VariantId, label: &str) -> (StepId, Edit) {
    let step = Step::new(StepKind::Activity, label, None, None);
    (step.id, Edit::AddStep { variant, step })
}

#[test]
fn a_generated_pathway_of_200_steps_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("forløp.carepath");
    let doc = carepath::sample::generate(200);
    let expected = to_json(&doc);
    drop(Session::create(&path, doc).unwrap());
    assert_eq!(to_json(&read(&path).unwrap()), expected);
    let s = Session::open(&path).unwrap();
    assert_eq!(to_json(s.document()), expected);
    assert!(!s.can_undo());
}

#[test]
fn comments_reviews_and_norwegian_text_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kols.carepath");
    let mut s = Session::create(&path, carepath::sample::generate(20)).unwrap();
    let v = first_variant(&s);
    let step = s.document().variants[0].steps_sorted()[3].id;
    let first = Comment {
        id: CommentId::new(),
        target: ElementRef::Step { variant: v, id: step },
        author: "Åse Øvrebø".into(),
        created: Timestamp::parse("2026-02-01T10:00:00Z").unwrap(),
        text: "Hvem mottar målingene i helgene? «Sykepleier» på vakt?".into(),
        resolved: false,
        reply_to: None,
        accepts: None,
    };
    let reply = Comment { id: CommentId::new(), reply_to: Some(first.id), text: "Legevakten – ærlig talt".into(), ..first.clone() };
    let review = Review {
        id: ReviewId::new(),
        target: ElementRef::Variant { id: v },
        reviewer: "Bjørn".into(),
        status: ReviewStatus::ChangesRequested,
        time: Timestamp::parse("2026-02-02T09:30:00Z").unwrap(),
        note: "Mangler døgnrytme".into(),
    };
    s.apply(Edit::AddComment { comment: first }).unwrap();
    s.apply(Edit::AddComment { comment: reply }).unwrap();
    s.apply(Edit::AddReview { review }).unwrap();
    let expected = to_json(s.document());
    assert_eq!(s.document().comments.len(), 2);
    assert_eq!(to_json(&read(&path).unwrap()), expected);
    drop(s);
    let s = Session::open(&path).unwrap();
    assert_eq!(to_json(s.document()), expected);
    assert_eq!(s.history().done.len(), 3);
}

#[test]
fn undo_and_redo_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("u.carepath");
    let mut s = Session::create(&path, carepath::sample::generate(10)).unwrap();
    let v = first_variant(&s);
    let (a, e) = add_step(v, "a");
    s.apply(e).unwrap();
    let (b, e) = add_step(v, "b");
    s.apply(e).unwrap();
    let (c, e) = add_step(v, "c");
    s.apply(e).unwrap();
    s.undo().unwrap();
    let after_undo = to_json(s.document());
    drop(s);

    let mut s = Session::open(&path).unwrap();
    assert_eq!(to_json(s.document()), after_undo);
    assert_eq!((s.history().done.len(), s.history().undone.len()), (2, 1));
    assert_eq!(s.undo_label().as_deref(), Some("add step"));
    s.redo().unwrap();
    assert!(s.document().variants[0].step(c).is_some());
    s.undo().unwrap();
    s.undo().unwrap();
    drop(s);

    let mut s = Session::open(&path).unwrap();
    let steps = &s.document().variants[0];
    assert!(steps.step(a).is_some() && steps.step(b).is_none() && steps.step(c).is_none());
    s.redo().unwrap();
    s.redo().unwrap();
    assert_eq!(s.redo().unwrap_err().code, ErrorCode::NothingToUndo);
    drop(s);
    let mut s = Session::open(&path).unwrap();
    assert!(s.document().variants[0].step(c).is_some());
    for _ in 0..3 {
        s.undo().unwrap();
    }
    let err = s.undo().unwrap_err();
    assert_eq!(err.code, ErrorCode::NothingToUndo);
    assert_eq!(to_json(s.document()), to_json(&read(&path).unwrap()));
}

#[test]
fn a_new_edit_after_undo_drops_the_redo_entries_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.carepath");
    let mut s = Session::create(&path, carepath::sample::generate(10)).unwrap();
    let v = first_variant(&s);
    s.apply(add_step(v, "a").1).unwrap();
    s.apply(add_step(v, "b").1).unwrap();
    s.undo().unwrap();
    s.apply(add_step(v, "c").1).unwrap();
    drop(s);
    let s = Session::open(&path).unwrap();
    assert_eq!((s.history().done.len(), s.history().undone.len()), (2, 0));
}

#[test]
fn a_batch_is_undone_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.carepath");
    let mut s = Session::create(&path, carepath::sample::generate(10)).unwrap();
    let v = first_variant(&s);
    let before = to_json(s.document());
    let (a, ea) = add_step(v, "a");
    let (b, eb) = add_step(v, "b");
    let t = Transition::new(a, b, "så");
    let tid = t.id;
    let batch = Edit::batch("legg til to steg", vec![ea, eb, Edit::AddTransition { variant: v, transition: t }]);
    let changed = s.apply(batch).unwrap();
    assert_eq!(changed.len(), 3);
    assert_eq!(s.undo_label().as_deref(), Some("legg til to steg"));
    drop(s);

    let mut s = Session::open(&path).unwrap();
    assert!(s.document().variants[0].transition(tid).is_some());
    s.undo().unwrap();
    let mut undone = s.document().clone();
    undone.metadata.modified = carepath::model::Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
    assert_eq!(to_json(&undone), before);
    assert!(!s.can_undo());
    drop(s);
    let mut s = Session::open(&path).unwrap();
    assert!(s.document().variants[0].step(a).is_none() && s.document().variants[0].step(b).is_none());
    s.redo().unwrap();
    assert!(s.document().variants[0].transition(tid).is_some());
}

#[test]
fn removing_a_step_and_undoing_it_restores_its_transitions_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rm.carepath");
    let mut s = Session::create(&path, carepath::sample::generate(30)).unwrap();
    let v = first_variant(&s);
    let step = s.document().variants[0].steps_sorted()[5].id;
    s.apply(Edit::RemoveStep { variant: v, id: step }).unwrap();
    assert_eq!(to_json(&read(&path).unwrap()), to_json(s.document()));
    s.undo().unwrap();
    assert_eq!(to_json(&read(&path).unwrap()), to_json(s.document()));
    s.apply(Edit::RemoveVariant { id: v }).unwrap();
    assert_eq!(read(&path).unwrap().variants.len(), 0);
    s.undo().unwrap();
    assert_eq!(to_json(&read(&path).unwrap()), to_json(s.document()));
}

#[test]
fn a_failed_edit_changes_neither_document_nor_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.carepath");
    let mut s = Session::create(&path, carepath::sample::generate(10)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let json = to_json(s.document());
    let err = s.apply(Edit::RemoveStep { variant: first_variant(&s), id: StepId::new() }).unwrap_err();
    assert_eq!(err.code, ErrorCode::UnknownId);
    assert_eq!(to_json(s.document()), json);
    assert!(!s.can_undo());
    drop(s);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn create_refuses_an_existing_file_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.carepath");
    std::fs::write(&path, b"mine").unwrap();
    let err = Session::create(&path, Document::new("Ny")).err().unwrap();
    assert_eq!(err.code, ErrorCode::AlreadyExists);
    assert!(err.message.contains("x.carepath"), "{}", err.message);
    assert_eq!(std::fs::read(&path).unwrap(), b"mine");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
}

fn only_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn save_as_writes_a_full_copy_and_continues_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.carepath"), dir.path().join("kopi æøå.carepath"));
    let mut s = Session::create(&old, carepath::sample::generate(50)).unwrap();
    let v = first_variant(&s);
    let (a, e) = add_step(v, "before");
    s.apply(e).unwrap();
    s.save_as(&new).unwrap();
    assert_eq!(s.path(), new);
    let (b, e) = add_step(v, "after");
    s.apply(e).unwrap();

    // the old file is released and does not get later edits
    let o = Session::open(&old).unwrap();
    assert!(o.document().variants[0].step(a).is_some());
    assert!(o.document().variants[0].step(b).is_none());
    drop(o);
    // the copy is the one in use, and holds everything including history
    assert_eq!(Session::open(&new).err().unwrap().code, ErrorCode::FileInUse);
    assert_eq!(to_json(&read(&new).unwrap()), to_json(s.document()));
    drop(s);
    let mut c = Session::open(&new).unwrap();
    assert_eq!(c.history().done.len(), 2);
    c.undo().unwrap();
    c.undo().unwrap();
    assert!(c.document().variants[0].step(a).is_none());
    drop(c);
    assert_eq!(only_files(dir.path()), ["kopi æøå.carepath", "old.carepath"]);
}

#[test]
fn save_as_onto_the_same_file_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("same.carepath");
    let mut s = Session::create(&path, carepath::sample::generate(10)).unwrap();
    s.save_as(&path).unwrap();
    s.apply(add_step(first_variant(&s), "x").1).unwrap();
    drop(s);
    assert_eq!(Session::open(&path).unwrap().history().done.len(), 1);
}

#[test]
fn sync_puts_every_committed_edit_into_the_main_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("synk.carepath");
    let mut s = Session::create(&path, carepath::sample::generate(20)).unwrap();
    let variant = first_variant(&s);
    let (id, edit) = add_step(variant, "Lagt til før synk");
    s.apply(edit).unwrap();
    s.sync().unwrap();
    // the main file alone (without its write-ahead log) must now hold the edit
    let copy = dir.path().join("bare-hovedfilen.carepath");
    std::fs::copy(&path, &copy).unwrap();
    let doc = read(&copy).unwrap();
    assert!(doc.variants[0].step(id).is_some(), "the edit was not flushed into the main file");
    drop(s);
}

#[test]
fn review_mode_undo_and_redo_touch_only_comments_and_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kols.carepath");
    let mut s = Session::create(&path, carepath::template::load("copd").unwrap()).unwrap();
    let v = first_variant(&s);
    let (step, add) = add_step(v, "Ny måling");
    s.apply(add).unwrap();
    let target = ElementRef::Step { variant: v, id: step };
    let comment = carepath::review::comment(s.document(), target, "Kari Lege", "Hvorfor?").unwrap();
    s.apply(comment).unwrap();
    let decision = carepath::review::decide(s.document(), target, "Kari Lege", ReviewStatus::Approved, "").unwrap();
    s.apply(carepath::edit::Edit::batch("vurdering", vec![decision])).unwrap();

    s.undo_review().unwrap();
    s.undo_review().unwrap();
    assert!(s.document().comments.is_empty() && s.document().reviews.is_empty());
    let before = to_json(s.document());
    let refused = s.undo_review().unwrap_err();
    assert_eq!(refused.code, ErrorCode::ReviewOnly);
    assert!(refused.message.contains("add step"), "{}", refused.message);
    assert_eq!(to_json(s.document()), before, "a refused undo changes nothing");
    assert!(s.document().variants[0].step(step).is_some());

    s.redo_review().unwrap();
    assert_eq!(s.document().comments.len(), 1);
    // outside review mode the model edit undoes as always; redoing it is refused in review mode
    s.undo().unwrap();
    s.undo().unwrap();
    assert_eq!(s.redo_review().unwrap_err().code, ErrorCode::ReviewOnly);
    s.redo().unwrap();
    assert!(s.document().variants[0].step(step).is_some());
}

#[test]
fn history_keeps_the_newest_edits_up_to_the_limit_in_memory_and_in_the_file() {
    use carepath::edit::HISTORY_LIMIT;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lang.carepath");
    let mut s = Session::create(&path, carepath::sample::generate(5)).unwrap();
    let v = first_variant(&s);
    let mut ids = Vec::new();
    for i in 0..HISTORY_LIMIT + 25 {
        let (id, edit) = add_step(v, &format!("Steg {i}"));
        s.apply(edit).unwrap();
        ids.push(id);
    }
    assert_eq!(s.history().done.len(), HISTORY_LIMIT);
    let rows: i64 = rusqlite::Connection::open(&path).unwrap().query_row("SELECT count(*) FROM history", [], |r| r.get(0)).unwrap();
    assert_eq!(rows as usize, HISTORY_LIMIT, "the file keeps as many as memory");
    drop(s);

    // reopened: the same newest edits can be undone, the oldest 25 cannot
    let mut s = Session::open(&path).unwrap();
    assert_eq!(s.history().done.len(), HISTORY_LIMIT);
    while s.can_undo() {
        s.undo().unwrap();
    }
    let steps = &s.document().variants[0];
    assert!(ids[..25].iter().all(|id| steps.step(*id).is_some()), "edits beyond the limit stay done");
    assert!(ids[25..].iter().all(|id| steps.step(*id).is_none()));
    assert_eq!(s.redo().unwrap().len(), 1);
}
