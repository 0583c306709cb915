//! Sequences of random edits on a file-backed session: every accepted edit is undone (the
//! document must equal the one before, in canonical JSON) and redone; every refused edit
//! leaves the document exactly as it was. At the end the file read back must equal the
//! document in memory, and the file reopened with its history must undo back to the start.
//! The modification time is the one thing an undo changes on purpose, so it is set aside in
//! the comparisons after undo.
#![no_main]
use arbitrary::{Result, Unstructured};
use carepath::edit::Edit;
use carepath::export::json::to_json;
use carepath::model::*;
use carepath::store::{read, Session};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

#[path = "../common/scratch.rs"]
mod scratch;
use scratch::folder;

fn base() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| carepath::sample::generate(8))
}

/// Canonical JSON with the modification time set aside.
fn content(doc: &Document) -> String {
    let mut d = doc.clone();
    d.metadata.modified = base().metadata.modified;
    to_json(&d)
}

fn text(u: &mut Unstructured) -> Result<String> {
    let s: String = u.arbitrary()?;
    Ok(s.chars().take(120).collect())
}

fn pick<T: Clone>(u: &mut Unstructured, items: &[T]) -> Result<Option<T>> {
    if items.is_empty() || u.ratio(1, 8)? {
        return Ok(None);
    }
    Ok(Some(items[u.choose_index(items.len())?].clone()))
}

fn value<T: Copy>(u: &mut Unstructured, all: &[T]) -> Result<T> {
    Ok(*u.choose(all)?)
}

fn position(u: &mut Unstructured) -> Result<Option<Position>> {
    Ok(if u.arbitrary()? { Some(Position { x: u.arbitrary()?, y: u.arbitrary()? }) } else { None })
}

/// An edit built from the fuzzer's bytes against the document as it is: mostly on elements
/// that exist, sometimes on fresh ids, odd text and odd numbers.
fn edit(u: &mut Unstructured, doc: &Document, depth: u32) -> Result<Edit> {
    let v = &doc.variants[u.choose_index(doc.variants.len())?];
    let variant = v.id;
    let actors: Vec<ActorId> = doc.actors.iter().map(|a| a.id).collect();
    let phases: Vec<PhaseId> = doc.phases.iter().map(|p| p.id).collect();
    let steps: Vec<StepId> = v.steps().map(|s| s.id).collect();
    let transitions: Vec<TransitionId> = v.transitions().map(|t| t.id).collect();
    let needs: Vec<NeedId> = v.needs().map(|n| n.id).collect();
    let step_id = |u: &mut Unstructured| -> Result<StepId> { Ok(pick(u, &steps)?.unwrap_or_default()) };
    Ok(match u.choose_index(18)? {
        0 => {
            let mut step = Step::new(value(u, StepKind::ALL)?, text(u)?, pick(u, &actors)?, pick(u, &phases)?);
            step.position = position(u)?;
            Edit::AddStep { variant, step }
        }
        1 => match pick(u, &steps)?.and_then(|id| v.step(id).cloned()) {
            Some(mut step) => {
                step.label = text(u)?;
                step.kind = value(u, StepKind::ALL)?;
                step.actor = pick(u, &actors)?;
                step.phase = pick(u, &phases)?;
                step.position = position(u)?;
                step.participants = pick(u, &actors)?.into_iter().collect();
                Edit::UpdateStep { variant, step }
            }
            None => Edit::RemoveStep { variant, id: StepId::new() },
        },
        2 => Edit::RemoveStep { variant, id: step_id(u)? },
        3 => {
            let mut t = Transition::new(step_id(u)?, step_id(u)?, text(u)?);
            t.kind = value(u, TransitionKind::ALL)?;
            t.signal = value(u, Signal::ALL)?;
            Edit::AddTransition { variant, transition: t }
        }
        4 => match pick(u, &transitions)?.and_then(|id| v.transition(id).cloned()) {
            Some(mut t) => {
                t.label = text(u)?;
                t.kind = value(u, TransitionKind::ALL)?;
                t.to = step_id(u)?;
                Edit::UpdateTransition { variant, transition: t }
            }
            None => Edit::RemoveTransition { variant, id: TransitionId::new() },
        },
        5 => Edit::RemoveTransition { variant, id: pick(u, &transitions)?.unwrap_or_default() },
        6 => {
            let at: Vec<StepId> = (0..u.int_in_range(0..=2)?).map(|_| step_id(u)).collect::<Result<_>>()?;
            let mut need = DataNeed::new(text(u)?, at, Party::pair(pick(u, &actors)?, pick(u, &actors)?));
            need.form = value(u, InteractionForm::ALL)?;
            need.status = value(u, NeedStatus::ALL)?;
            let types: Vec<InfoTypeId> = doc.info_types.iter().map(|t| t.id).collect();
            need.info_types = pick(u, &types)?.into_iter().collect();
            need.what = text(u)?;
            Edit::AddNeed { variant, need }
        }
        7 => match pick(u, &needs)?.and_then(|id| v.need(id).cloned()) {
            Some(mut need) => {
                need.title = text(u)?;
                need.production = value(u, Production::ALL)?;
                if let Some(actor) = pick(u, &actors)? {
                    need.parties.push(Party::new(actor, value(u, DataRole::ALL)?));
                }
                Edit::UpdateNeed { variant, need }
            }
            None => Edit::RemoveNeed { variant, id: NeedId::new() },
        },
        8 => Edit::RemoveNeed { variant, id: pick(u, &needs)?.unwrap_or_default() },
        9 => Edit::AddActor {
            actor: Actor {
                id: ActorId::new(),
                name: text(u)?,
                kind: value(u, ActorKind::ALL)?,
                organisation: text(u)?,
                colour: if u.arbitrary()? { Some(text(u)?) } else { None },
                order: u.int_in_range(0..=20)?,
            },
        },
        10 => match pick(u, &doc.actors)? {
            Some(mut actor) if u.arbitrary()? => {
                actor.name = text(u)?;
                actor.order = u.int_in_range(0..=20)?;
                Edit::UpdateActor { actor }
            }
            other => Edit::RemoveActor { id: other.map(|a| a.id).unwrap_or_default() },
        },
        11 => Edit::AddPhase { phase: Phase { id: PhaseId::new(), name: text(u)?, description: text(u)?, order: u.int_in_range(0..=20)? } },
        12 => Edit::RemovePhase { id: pick(u, &phases)?.unwrap_or_default() },
        13 => Edit::AddInfoType {
            info_type: InfoType { id: InfoTypeId::new(), name: text(u)?, codes: vec![text(u)?], description: text(u)?, priority: u.arbitrary()? },
            index: if u.arbitrary()? { Some(u.int_in_range(0..=40)?) } else { None },
        },
        14 => match pick(u, &doc.info_types)? {
            Some(t) => Edit::RemoveInfoType { id: t.id },
            None => Edit::RemoveInfoType { id: InfoTypeId::new() },
        },
        15 => match u.choose_index(3)? {
            0 => Edit::CopyVariant { source: variant, id: VariantId::new(), name: text(u)?, kind: value(u, VariantKind::ALL)? },
            1 => Edit::RemoveVariant { id: variant },
            _ => Edit::UpdateVariant { id: variant, name: text(u)?, kind: value(u, VariantKind::ALL)?, description: text(u)? },
        },
        16 => {
            let mut metadata = doc.metadata.clone();
            metadata.title = text(u)?;
            metadata.owners = vec![text(u)?];
            Edit::SetMetadata { metadata }
        }
        _ if depth < 2 => {
            let n = u.int_in_range(0..=3)?;
            let edits = (0..n).map(|_| edit(u, doc, depth + 1)).collect::<Result<_>>()?;
            Edit::Batch { label: text(u)?, edits }
        }
        _ => Edit::RemoveStep { variant, id: step_id(u)? },
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let path = folder().join("e.carepath");
    for entry in std::fs::read_dir(folder()).unwrap() {
        let _ = std::fs::remove_file(entry.unwrap().path());
    }
    let mut s = Session::create(&path, base().clone()).unwrap();
    let start = content(s.document());
    let mut accepted = 0;
    for _ in 0..8 {
        if s.document().variants.is_empty() {
            break;
        }
        let Ok(e) = edit(&mut u, s.document(), 0) else { break };
        let before_doc = s.document().clone();
        let before = to_json(&before_doc);
        match s.apply(e) {
            Ok(_) => {
                let after = content(s.document());
                s.undo().expect("an accepted edit can be undone");
                assert_eq!(content(s.document()), content(&before_doc), "undo restores the document");
                s.redo().expect("an undone edit can be redone");
                assert_eq!(content(s.document()), after, "redo makes the edit again");
                accepted += 1;
            }
            Err(_) => assert_eq!(to_json(s.document()), before, "a refused edit changes nothing"),
        }
    }
    let in_memory = to_json(s.document());
    drop(s);
    assert_eq!(to_json(&read(&path).unwrap()), in_memory, "the file holds the document in memory");
    let mut s = Session::open(&path).unwrap();
    assert_eq!(to_json(s.document()), in_memory, "reopened, the same document");
    for _ in 0..accepted {
        s.undo().expect("the history is kept in the file");
    }
    assert_eq!(content(s.document()), start, "undoing every edit after reopening gives the start");
});
