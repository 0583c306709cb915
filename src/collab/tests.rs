use super::*;
use crate::edit::apply;
use crate::export::json::to_json;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::{HashMap, HashSet};

fn copd() -> Document {
    crate::template::load("copd").unwrap()
}

/// One participant: the core's document and its replica, as the app holds them.
struct Peer {
    doc: Document,
    replica: Replica,
    notices: Vec<Notice>,
    left_out: Vec<String>,
}

impl Peer {
    fn sharing(doc: Document, who: &str) -> Peer {
        let replica = Replica::share(&doc, who);
        Peer { doc, replica, notices: Vec::new(), left_out: Vec::new() }
    }

    /// Joins from the state another peer (or the server) holds.
    fn joining(state: &[u8], who: &str) -> Peer {
        let replica = Replica::load(state, who).unwrap();
        let doc = replica.document().expect("the shared form holds a document").doc;
        Peer { doc, replica, notices: Vec::new(), left_out: Vec::new() }
    }

    /// A local edit: the core first, then the shared form. `false` when the core refused it.
    fn edit(&mut self, edit: Edit) -> bool {
        match apply(&mut self.doc, edit.clone()) {
            Ok(inverse) => {
                self.doc.metadata.modified = Timestamp::now();
                let changed = Changed::of_applied(&edit, &inverse);
                self.replica.record(&self.doc, &changed);
                true
            }
            Err(_) => false,
        }
    }

    fn take(&mut self, incoming: Incoming) {
        if let Some(e) = incoming.edit {
            apply(&mut self.doc, e).expect("the incoming edit applies");
        }
        if let Some(m) = incoming.modified {
            self.doc.metadata.modified = m;
        }
        self.notices.extend(incoming.notices);
        self.left_out = incoming.left_out;
    }

    fn receive(&mut self, update: &[u8]) {
        self.receive_all(&[update]);
    }

    fn receive_all(&mut self, updates: &[&[u8]]) {
        let incoming = self.replica.receive_all(updates, &self.doc).unwrap();
        self.take(incoming);
    }

    fn undo(&mut self) -> bool {
        match self.replica.undo(&self.doc) {
            Some(i) => {
                self.take(i);
                true
            }
            None => false,
        }
    }

    /// The document equals the projection of its own shared form.
    fn assert_in_step(&self) {
        let projected = self.replica.document().unwrap().doc;
        assert_eq!(to_json(&projected), to_json(&self.doc), "{}: document and shared form differ", self.replica.author());
    }
}

fn v(doc: &Document) -> VariantId {
    doc.variants[0].id
}

fn nth_step(doc: &Document, n: usize) -> Step {
    doc.variants[0].steps_sorted()[n].clone()
}

/// Sends every waiting update of `from` to `to`.
fn send(from: &Peer, to: &mut Peer) {
    for u in from.replica.take_updates() {
        to.receive(&u);
    }
}

/// Both peers send what they made since the last exchange to the other, at once.
fn exchange(a: &mut Peer, b: &mut Peer) {
    let (ua, ub) = (a.replica.take_updates(), b.replica.take_updates());
    for u in &ub {
        a.receive(u);
    }
    for u in &ua {
        b.receive(u);
    }
}

#[test]
fn shared_form_projects_back_to_the_same_document() {
    let doc = copd();
    let peer = Peer::sharing(doc.clone(), "Kari");
    peer.assert_in_step();
    let joined = Peer::joining(&peer.replica.state(), "Ola");
    assert_eq!(to_json(&joined.doc), to_json(&doc));
    assert!(joined.replica.document().unwrap().left_out.is_empty());
}

#[test]
fn two_peers_converge_and_different_fields_both_survive() {
    let mut a = Peer::sharing(copd(), "Kari");
    let mut b = Peer::joining(&a.replica.state(), "Ola");
    a.replica.take_updates();
    let s = nth_step(&a.doc, 2);
    let variant = v(&a.doc);
    assert!(a.edit(Edit::UpdateStep { variant, step: Step { label: "Ny etikett".into(), ..s.clone() } }));
    assert!(b.edit(Edit::UpdateStep { variant, step: Step { duration: Some("daglig".into()), ..s.clone() } }));
    exchange(&mut a, &mut b);
    assert_eq!(to_json(&a.doc), to_json(&b.doc));
    let merged = a.doc.variants[0].step(s.id).unwrap();
    assert_eq!(merged.label, "Ny etikett");
    assert_eq!(merged.duration.as_deref(), Some("daglig"));
    assert!(a.notices.is_empty() && b.notices.is_empty(), "different fields replace nothing");
    a.assert_in_step();
    b.assert_in_step();
}

#[test]
fn review_comments_replies_and_decisions_travel() {
    use crate::model::{ElementRef, ReviewStatus};
    let mut a = Peer::sharing(copd(), "Kari");
    let mut b = Peer::joining(&a.replica.state(), "Ola");
    a.replica.take_updates();
    let target = ElementRef::Step { variant: v(&a.doc), id: nth_step(&a.doc, 3).id };
    let before = a.doc.comments.len();
    assert!(a.edit(crate::review::comment(&a.doc, target.clone(), "Kari", "Hvem ringer pasienten?").unwrap()));
    send(&a, &mut b);
    let asked = b.doc.comments.last().expect("the comment arrived").clone();
    assert_eq!((asked.author.as_str(), asked.text.as_str()), ("Kari", "Hvem ringer pasienten?"));
    // Ola answers and decides at once, Kari resolves the thread
    assert!(b.edit(crate::review::reply(&b.doc, asked.id, "Ola", "Oppfølgingstjenesten.").unwrap()));
    assert!(b.edit(crate::review::decide(&b.doc, target.clone(), "Ola", ReviewStatus::Approved, "ok").unwrap()));
    assert!(a.edit(crate::review::resolve(&a.doc, asked.id, true).unwrap()));
    exchange(&mut a, &mut b);
    assert_eq!(to_json(&a.doc), to_json(&b.doc));
    assert_eq!(a.doc.comments.len(), before + 2, "the comment and the reply, on both");
    assert!(a.doc.comments.iter().any(|c| c.id == asked.id && c.resolved), "Kari's resolve travelled");
    let decided = a.doc.reviews.iter().find(|r| r.target == target).expect("Ola's decision travelled");
    assert_eq!((decided.reviewer.as_str(), decided.status), ("Ola", ReviewStatus::Approved));
}

#[test]
fn same_field_resolves_to_one_writer_and_tells_the_other() {
    // the winner depends on the replicas' random client ids: try several pairs
    for _ in 0..12 {
        same_field_once();
    }
}

fn same_field_once() {
    let mut a = Peer::sharing(copd(), "Kari");
    let mut b = Peer::joining(&a.replica.state(), "Ola");
    a.replica.take_updates();
    let s = nth_step(&a.doc, 1);
    let variant = v(&a.doc);
    a.edit(Edit::UpdateStep { variant, step: Step { label: "Kari sin".into(), ..s.clone() } });
    b.edit(Edit::UpdateStep { variant, step: Step { label: "Ola sin".into(), ..s.clone() } });
    exchange(&mut a, &mut b);
    assert_eq!(to_json(&a.doc), to_json(&b.doc));
    let label = a.doc.variants[0].step(s.id).unwrap().label.clone();
    let (loser, winner) = if label == "Kari sin" { (&b, "Kari") } else { (&a, "Ola") };
    assert_eq!(loser.notices.len(), 1, "{:?}", loser.notices);
    let n = &loser.notices[0];
    assert_eq!((n.field.as_str(), n.by.as_str()), ("label", winner));
    assert_eq!(n.theirs, Value::from(label.clone()));
    let winner_peer = if winner == "Kari" { &a } else { &b };
    assert!(winner_peer.notices.is_empty());
}

#[test]
fn undo_takes_back_only_own_edits() {
    let mut a = Peer::sharing(copd(), "Kari");
    let mut b = Peer::joining(&a.replica.state(), "Ola");
    a.replica.take_updates();
    let variant = v(&a.doc);
    let (s1, s2) = (nth_step(&a.doc, 1), nth_step(&a.doc, 2));
    a.edit(Edit::UpdateStep { variant, step: Step { label: "A1".into(), ..s1.clone() } });
    send(&a, &mut b);
    b.edit(Edit::UpdateStep { variant, step: Step { label: "B2".into(), ..s2.clone() } });
    send(&b, &mut a);
    // Kari's undo takes back her label, not Ola's later one
    assert!(a.undo());
    assert_eq!(a.doc.variants[0].step(s1.id).unwrap().label, s1.label);
    assert_eq!(a.doc.variants[0].step(s2.id).unwrap().label, "B2");
    send(&a, &mut b);
    assert_eq!(to_json(&a.doc), to_json(&b.doc));
    assert!(!a.undo(), "nothing more of Kari's to undo");
    // a removed step comes back with its transitions on undo
    let s3 = nth_step(&b.doc, 3);
    let before = to_json(&b.doc);
    assert!(b.edit(Edit::RemoveStep { variant, id: s3.id }));
    assert!(b.undo());
    assert_eq!(to_json(&b.doc).replace(|c: char| c.is_whitespace(), "").len(), before.replace(|c: char| c.is_whitespace(), "").len());
    assert!(b.doc.variants[0].step(s3.id).is_some());
    b.assert_in_step();
}

#[test]
fn a_step_in_a_lane_removed_meanwhile_is_left_out_alike_everywhere() {
    let mut a = Peer::sharing(copd(), "Kari");
    let mut b = Peer::joining(&a.replica.state(), "Ola");
    a.replica.take_updates();
    let variant = v(&a.doc);
    // a new, empty lane; Kari removes it while Ola puts a step in it
    let lane = Actor { id: ActorId::new(), name: "Frisklivssentral".into(), kind: ActorKind::Municipal, organisation: String::new(), colour: None, order: 0 };
    a.edit(Edit::AddActor { actor: lane.clone() });
    send(&a, &mut b);
    a.edit(Edit::RemoveActor { id: lane.id });
    let phase = b.doc.phases[0].id;
    let step = Step::new(StepKind::Activity, "Gruppetrening", Some(lane.id), Some(phase));
    assert!(b.edit(Edit::AddStep { variant, step: step.clone() }));
    exchange(&mut a, &mut b);
    assert_eq!(to_json(&a.doc), to_json(&b.doc));
    assert!(a.doc.variants[0].step(step.id).is_none());
    assert!(b.left_out.iter().any(|l| l.contains(&step.id.to_string())), "{:?}", b.left_out);
}

#[test]
fn reconcile_writes_what_the_file_has_and_the_shared_form_lacks() {
    let mut a = Peer::sharing(copd(), "Kari");
    let kept = a.replica.state();
    // edits committed to the file after the shared form's state was last kept
    let variant = v(&a.doc);
    let s = nth_step(&a.doc, 2);
    a.edit(Edit::UpdateStep { variant, step: Step { label: "Etter lagring".into(), ..s.clone() } });
    a.edit(Edit::RemoveStep { variant, id: nth_step(&a.doc, 4).id });
    let mut restarted = Replica::load(&kept, "Kari").unwrap();
    assert!(restarted.reconcile(&a.doc));
    assert_eq!(to_json(&restarted.document().unwrap().doc), to_json(&a.doc));
    assert!(!restarted.reconcile(&a.doc), "nothing more to write");
    // the reconciled edits travel like any others
    let mut b = Peer::joining(&kept, "Ola");
    for u in restarted.take_updates() {
        b.receive(&u);
    }
    assert_eq!(b.doc.variants[0].step(s.id).unwrap().label, "Etter lagring");
}

#[test]
fn a_bad_update_is_refused_and_changes_nothing() {
    let mut a = Peer::sharing(copd(), "Kari");
    let before = to_json(&a.doc);
    let state = a.replica.state();
    let err = a.replica.receive(&[0xff, 0x01, 0x02], &a.doc).unwrap_err();
    assert!(err.message.contains("shared document update"), "{}", err.message);
    assert_eq!(a.replica.state(), state);
    assert_eq!(to_json(&a.doc), before);
}

/// A random edit the core may accept or refuse.
fn random_edit(rng: &mut StdRng, doc: &Document, who: &str, n: usize) -> Edit {
    let variant = v(doc);
    let steps = doc.variants[0].steps_sorted();
    let step = steps[rng.random_range(0..steps.len())].clone();
    match rng.random_range(0..11) {
        0..=2 => {
            let actor = doc.actors[rng.random_range(0..doc.actors.len())].id;
            let phase = doc.phases[rng.random_range(0..doc.phases.len())].id;
            Edit::AddStep { variant, step: Step::new(StepKind::Activity, format!("{who} {n}"), Some(actor), Some(phase)) }
        }
        3..=4 => Edit::UpdateStep { variant, step: Step { label: format!("{who} {n}"), ..step } },
        5 => Edit::UpdateStep { variant, step: Step { position: Some(Position { x: rng.random_range(0.0..900.0), y: rng.random_range(0.0..500.0) }), ..step } },
        6 | 9 => Edit::RemoveStep { variant, id: step.id },
        7 => {
            let to = steps[rng.random_range(0..steps.len())].id;
            Edit::AddTransition { variant, transition: Transition::new(step.id, to, "") }
        }
        8 => Edit::AddComment {
            comment: Comment { id: CommentId::new(), target: ElementRef::Step { variant, id: step.id }, author: who.into(), created: Timestamp::now(), text: format!("{who} {n}"), resolved: false, reply_to: None, accepts: None },
        },
        _ => Edit::SetMetadata { metadata: Metadata { title: format!("{who} {n}"), ..doc.metadata.clone() } },
    }
}

/// Peers edit at random, updates travel in random batches and orders (some held back, as for a
/// peer offline), and in the end every peer has every update: all documents are identical,
/// and every step added and not removed is there.
fn converge(peers: usize, edits: usize, seed: u64, catch_up: f64) {
    let mut rng = StdRng::seed_from_u64(seed);
    let first = Peer::sharing(copd(), "p0");
    let state = first.replica.state();
    first.replica.take_updates();
    let mut ps: Vec<Peer> = std::iter::once(first).chain((1..peers).map(|i| Peer::joining(&state, &format!("p{i}")))).collect();
    // every update, in the order the server saw it, and how far each peer has read
    let mut log: Vec<(usize, Vec<u8>)> = Vec::new();
    let mut read = vec![0usize; peers];
    let (mut added, mut removed) = (HashSet::new(), HashSet::new());
    let mut writes: HashMap<StepId, Vec<(usize, String)>> = HashMap::new();
    for n in 0..edits * peers {
        let i = rng.random_range(0..peers);
        let e = random_edit(&mut rng, &ps[i].doc, &format!("p{i}"), n);
        if ps[i].edit(e.clone()) {
            match &e {
                Edit::AddStep { step, .. } => {
                    added.insert(step.id);
                }
                Edit::RemoveStep { id, .. } => {
                    removed.insert(*id);
                }
                Edit::UpdateStep { step, .. } => writes.entry(step.id).or_default().push((i, step.label.clone())),
                _ => {}
            }
            log.extend(ps[i].replica.take_updates().into_iter().map(|u| (i, u)));
        }
        // now and then a peer catches up on part of what it has not read
        if rng.random_bool(catch_up) {
            let j = rng.random_range(0..peers);
            let upto = rng.random_range(read[j]..=log.len());
            let theirs: Vec<&[u8]> = log[read[j]..upto].iter().filter(|(from, _)| *from != j).map(|(_, u)| u.as_slice()).collect();
            ps[j].receive_all(&theirs);
            read[j] = upto;
            log.extend(ps[j].replica.take_updates().into_iter().map(|u| (j, u)));
        }
    }
    for (j, p) in ps.iter_mut().enumerate() {
        let theirs: Vec<&[u8]> = log[read[j]..].iter().filter(|(from, _)| *from != j).map(|(_, u)| u.as_slice()).collect();
        p.receive_all(&theirs);
    }
    let reference = to_json(&ps[0].doc);
    for p in &ps {
        assert_eq!(to_json(&p.doc), reference, "{} differs from p0", p.replica.author());
        p.assert_in_step();
    }
    let doc = &ps[0].doc;
    for id in added.difference(&removed) {
        assert!(doc.variants[0].step(*id).is_some() || ps[0].left_out.iter().any(|l| l.contains(&id.to_string())), "step {id} was lost");
    }
    // a step only one peer relabelled carries that peer's last label
    for (id, w) in &writes {
        if removed.contains(id) || w.iter().any(|(p, _)| *p != w[0].0) {
            continue;
        }
        if let Some(s) = doc.variants[0].step(*id) {
            assert_eq!(s.label, w.last().unwrap().1);
        }
    }
}

#[test]
fn three_peers_with_random_edits_and_delays_converge() {
    for seed in 0..4 {
        converge(3, 60, seed, 0.3);
    }
}

#[test]
fn twenty_peers_with_two_hundred_edits_each_converge() {
    converge(20, 200, 42, 0.05);
}
