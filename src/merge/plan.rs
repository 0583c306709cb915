//! What a merge changes on ours: one edit per element theirs changed, in an order the core
//! accepts (additions and updates from lanes to needs, then removals from needs to lanes,
//! then comments and review decisions), and the conflicts found on the way.

use super::fields::{self, shown};
use super::{Conflict, MergeOptions};
use crate::edit::Edit;
use crate::model::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// One planned edit, what it is about (for a refusal's comment), and its element.
pub struct Change {
    pub edit: Edit,
    pub target: ElementRef,
    pub what: String,
    removal: bool,
}

impl Change {
    /// A removal whose element is already gone (removed with the step it belonged to).
    pub fn is_gone(&self, doc: &Document) -> bool {
        self.removal && !self.target_exists(doc)
    }
    pub fn target_exists(&self, doc: &Document) -> bool {
        doc.contains(&self.target)
    }
}

pub struct Planned {
    pub changes: Vec<Change>,
    pub conflicts: Vec<Conflict>,
}

/// What happens to one element.
enum Decision<T> {
    Keep,
    Add(T),
    Update(T),
    Remove,
}

struct Planner<'a> {
    options: &'a MergeOptions,
    adds: Vec<Change>,
    removals: Vec<Change>,
    conflicts: Vec<Conflict>,
}


/// The three versions of each element, by id: ours' order, then theirs' new ones, then the
/// ones only the base has.
fn three<'a, T, K: Hash + Eq + Copy>(base: &'a [T], ours: &'a [T], theirs: &'a [T], key: impl Fn(&T) -> K) -> Vec<(K, Option<&'a T>, Option<&'a T>, Option<&'a T>)> {
    let index = |list: &'a [T]| list.iter().map(|e| (key(e), e)).collect::<HashMap<K, &'a T>>();
    let (b, o, t) = (index(base), index(ours), index(theirs));
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for k in ours.iter().chain(theirs).chain(base).map(&key) {
        if seen.insert(k) {
            out.push((k, b.get(&k).copied(), o.get(&k).copied(), t.get(&k).copied()));
        }
    }
    out
}

impl Planner<'_> {
    /// Decides one element; conflicts go to the planner, described with `name`.
    fn decide<T: Serialize + DeserializeOwned + Clone + PartialEq>(&mut self, target: ElementRef, name: &str, b: Option<&T>, o: Option<&T>, t: Option<&T>) -> Decision<T> {
        if o == t || t == b {
            return Decision::Keep;
        }
        if o == b {
            return match (b, t) {
                (_, None) => Decision::Remove,
                (None, Some(t)) => Decision::Add(t.clone()),
                (Some(_), Some(t)) => Decision::Update(t.clone()),
            };
        }
        // both sides changed it, differently
        match (o, t) {
            (None, Some(t)) => {
                self.conflict(target, deleted_text(self.options, name, &self.options.ours, &self.options.theirs, true));
                Decision::Add(t.clone())
            }
            (Some(_), None) => {
                self.conflict(target, deleted_text(self.options, name, &self.options.theirs, &self.options.ours, false));
                Decision::Keep
            }
            (Some(o), Some(t)) => {
                let merged = match b {
                    Some(b) => fields::merge(b, o, t),
                    // added on both sides with different contents: every differing field conflicts
                    None => fields::merge_unrelated(o, t),
                };
                for f in &merged.conflicts {
                    let text = field_text(self.options, name, &f.field, &f.ours, &f.theirs);
                    self.conflict(target, text);
                }
                if merged.value == *o {
                    Decision::Keep
                } else {
                    Decision::Update(merged.value)
                }
            }
            (None, None) => Decision::Keep,
        }
    }

    fn conflict(&mut self, target: ElementRef, text: String) {
        self.conflicts.push(Conflict { target, text });
    }

    fn push(&mut self, target: ElementRef, what: String, edit: Option<Edit>, removal: bool) {
        if let Some(edit) = edit {
            let change = Change { edit, target, what, removal };
            if removal {
                self.removals.push(change);
            } else {
                self.adds.push(change);
            }
        }
    }

    /// Plans a list of elements of one kind: `edit` makes the add, update or remove edit.
    fn elements<T, K>(&mut self, base: &[T], ours: &[T], theirs: &[T], key: impl Fn(&T) -> K, target: impl Fn(K) -> ElementRef, name: impl Fn(&T) -> String, edit: impl Fn(Decision<T>, K, usize) -> Option<Edit>)
    where
        T: Serialize + DeserializeOwned + Clone + PartialEq,
        K: Hash + Eq + Copy,
    {
        let position: HashMap<K, usize> = theirs.iter().enumerate().map(|(i, e)| (key(e), i)).collect();
        for (k, b, o, t) in three(base, ours, theirs, &key) {
            let n = name(t.or(o).or(b).expect("one side has it"));
            let index = position.get(&k).copied().unwrap_or(0);
            let d = self.decide(target(k), &n, b, o, t);
            let removal = matches!(d, Decision::Remove);
            let e = edit(d, k, index);
            self.push(target(k), n, e, removal);
        }
    }
}

/// Plans the merge of `base → theirs` into `ours`.
pub fn plan(base: &Document, ours: &Document, theirs: &Document, options: &MergeOptions) -> Planned {
    let mut p = Planner { options, adds: Vec::new(), removals: Vec::new(), conflicts: Vec::new() };
    let lang = options.lang;

    // metadata, without the times each side stamps
    let stamp = |m: &Metadata| Metadata { created: ours.metadata.created, modified: ours.metadata.modified, ..m.clone() };
    let (mb, mo, mt) = (stamp(&base.metadata), stamp(&ours.metadata), stamp(&theirs.metadata));
    if let Decision::Update(metadata) = p.decide(ElementRef::Document, &ours.metadata.title, Some(&mb), Some(&mo), Some(&mt)) {
        p.push(ElementRef::Document, ours.metadata.title.clone(), Some(Edit::SetMetadata { metadata }), false);
    }

    p.elements(&base.actors, &ours.actors, &theirs.actors, |a| a.id, |id| ElementRef::Actor { id }, |a| format!("{} '{}'", kind_name(lang, "actor"), a.name), |d, id, _| match d {
        Decision::Add(actor) => Some(Edit::AddActor { actor }),
        Decision::Update(actor) => Some(Edit::UpdateActor { actor }),
        Decision::Remove => Some(Edit::RemoveActor { id }),
        Decision::Keep => None,
    });
    p.elements(&base.phases, &ours.phases, &theirs.phases, |a| a.id, |id| ElementRef::Phase { id }, |a| format!("{} '{}'", kind_name(lang, "phase"), a.name), |d, id, _| match d {
        Decision::Add(phase) => Some(Edit::AddPhase { phase }),
        Decision::Update(phase) => Some(Edit::UpdatePhase { phase }),
        Decision::Remove => Some(Edit::RemovePhase { id }),
        Decision::Keep => None,
    });
    p.elements(&base.info_types, &ours.info_types, &theirs.info_types, |a| a.id, |id| ElementRef::InfoType { id }, |a| format!("{} '{}'", kind_name(lang, "info_type"), a.name), |d, id, index| match d {
        Decision::Add(info_type) => Some(Edit::AddInfoType { info_type, index: Some(index as u32) }),
        Decision::Update(info_type) => Some(Edit::UpdateInfoType { info_type }),
        Decision::Remove => Some(Edit::RemoveInfoType { id }),
        Decision::Keep => None,
    });

    // variants: whole ones added or removed; in both, the header and then the contents
    let data = |d: &Document| d.variants.iter().map(Variant::to_data).collect::<Vec<_>>();
    let (vb, vo, vt) = (data(base), data(ours), data(theirs));
    for (id, b, o, t) in three(&vb, &vo, &vt, |v| v.id) {
        let target = ElementRef::Variant { id };
        let name = format!("{} '{}'", kind_name(lang, "variant"), t.or(o).or(b).expect("one side has it").name);
        match (o, t) {
            (Some(o), Some(t)) => {
                let hb = b.map(VariantHeader::of_data);
                if let Decision::Update(h) = p.decide(target, &name, hb.as_ref(), Some(&VariantHeader::of_data(o)), Some(&VariantHeader::of_data(t))) {
                    p.push(target, name.clone(), Some(Edit::UpdateVariant { id, name: h.name, kind: h.kind, description: h.description }), false);
                }
                contents(&mut p, id, b, o, t);
            }
            _ => {
                let index = vt.iter().position(|v| v.id == id).map(|i| i as u32);
                match p.decide(target, &name, b, o, t) {
                    Decision::Add(v) => p.push(target, name, Some(Edit::AddVariant { variant: Box::new(v), index }), false),
                    Decision::Remove => p.push(target, name, Some(Edit::RemoveVariant { id }), true),
                    _ => {}
                }
            }
        }
    }

    // comments and review decisions, after every other change (their targets exist by then)
    let (adds, removals) = (p.adds.len(), p.removals.len());
    p.elements(&base.comments, &ours.comments, &theirs.comments, |c| c.id, |_| ElementRef::Document, |c| format!("{} ({})", kind_name(lang, "comment"), c.author), |d, id, _| match d {
        Decision::Add(comment) => Some(Edit::AddComment { comment }),
        Decision::Update(comment) => Some(Edit::UpdateComment { comment }),
        Decision::Remove => Some(Edit::RemoveComment { id }),
        Decision::Keep => None,
    });
    p.elements(&base.reviews, &ours.reviews, &theirs.reviews, |r| r.id, |_| ElementRef::Document, |r| format!("{} ({})", kind_name(lang, "review"), r.reviewer), |d, id, _| match d {
        Decision::Add(review) => Some(Edit::AddReview { review }),
        Decision::Update(review) => Some(Edit::UpdateReview { review }),
        Decision::Remove => Some(Edit::RemoveReview { id }),
        Decision::Keep => None,
    });
    let review: Vec<Change> = p.adds.split_off(adds).into_iter().chain(p.removals.split_off(removals)).collect();

    // removals run from the smallest element to the largest: needs, transitions, steps, variants, ...
    p.removals.sort_by_key(|c| removal_rank(&c.edit));
    let changes = p.adds.into_iter().chain(p.removals).chain(review).collect();
    Planned { changes, conflicts: p.conflicts }
}

fn removal_rank(edit: &Edit) -> u8 {
    match edit {
        Edit::RemoveNeed { .. } => 0,
        Edit::RemoveTransition { .. } => 1,
        Edit::RemoveStep { .. } => 2,
        Edit::RemoveVariant { .. } => 3,
        Edit::RemoveInfoType { .. } => 4,
        Edit::RemovePhase { .. } => 5,
        _ => 6,
    }
}

/// The steps, transitions and needs of a variant both sides have.
fn contents(p: &mut Planner, variant: VariantId, b: Option<&VariantData>, o: &VariantData, t: &VariantData) {
    let lang = p.options.lang;
    let empty = VariantData::empty(variant, "", VariantKind::Current);
    let b = b.unwrap_or(&empty);
    // steps ours still uses in a transition or need it added or changed: theirs' removal of
    // such a step would take ours' work with it
    let mut used = HashSet::new();
    for (_, tb, to, _) in three(&b.transitions, &o.transitions, &t.transitions, |x| x.id) {
        if let Some(to) = to.filter(|to| Some(*to) != tb) {
            used.extend([to.from, to.to]);
        }
    }
    for (_, nb, no, _) in three(&b.needs, &o.needs, &t.needs, |x| x.id) {
        if let Some(no) = no.filter(|no| Some(*no) != nb) {
            used.extend(no.steps.iter().copied());
        }
    }
    let target = |id| ElementRef::Step { variant, id };
    for (id, sb, so, st) in three(&b.steps, &o.steps, &t.steps, |s| s.id) {
        let name = format!("{} '{}'", kind_name(lang, "step"), st.or(so).or(sb).expect("one side has it").label);
        let d = p.decide(target(id), &name, sb, so, st);
        let edit = match d {
            Decision::Add(step) => Some(Edit::AddStep { variant, step }),
            Decision::Update(step) => Some(Edit::UpdateStep { variant, step }),
            Decision::Remove if used.contains(&id) => {
                let text = deleted_text(p.options, &name, &p.options.theirs, &p.options.ours, false);
                p.conflict(target(id), text);
                None
            }
            Decision::Remove => Some(Edit::RemoveStep { variant, id }),
            Decision::Keep => None,
        };
        let removal = matches!(edit, Some(Edit::RemoveStep { .. }));
        p.push(target(id), name, edit, removal);
    }
    let step_name = |id: StepId| t.steps.iter().chain(&o.steps).find(|s| s.id == id).map(|s| s.label.clone()).unwrap_or_default();
    p.elements(&b.transitions, &o.transitions, &t.transitions, |x| x.id, |id| ElementRef::Transition { variant, id }, |x| format!("{} '{}' → '{}'", kind_name(lang, "transition"), step_name(x.from), step_name(x.to)), |d, id, _| match d {
        Decision::Add(transition) => Some(Edit::AddTransition { variant, transition }),
        Decision::Update(transition) => Some(Edit::UpdateTransition { variant, transition }),
        Decision::Remove => Some(Edit::RemoveTransition { variant, id }),
        Decision::Keep => None,
    });
    p.elements(&b.needs, &o.needs, &t.needs, |x| x.id, |id| ElementRef::Need { variant, id }, |x| format!("{} '{}'", kind_name(lang, "need"), x.title), |d, id, _| match d {
        Decision::Add(need) => Some(Edit::AddNeed { variant, need }),
        Decision::Update(need) => Some(Edit::UpdateNeed { variant, need }),
        Decision::Remove => Some(Edit::RemoveNeed { variant, id }),
        Decision::Keep => None,
    });
}

fn kind_name(lang: Lang, kind: &str) -> &'static str {
    match (kind, lang) {
        ("actor", Lang::Nb) => "aktør",
        ("actor", Lang::En) => "actor",
        ("phase", Lang::Nb) => "fase",
        ("phase", Lang::En) => "phase",
        ("info_type", Lang::Nb) => "informasjonstype",
        ("info_type", Lang::En) => "information type",
        ("variant", Lang::Nb) => "variant",
        ("variant", Lang::En) => "variant",
        ("step", Lang::Nb) => "steg",
        ("step", Lang::En) => "step",
        ("transition", Lang::Nb) => "overgang",
        ("transition", Lang::En) => "transition",
        ("need", Lang::Nb) => "informasjonsbehov",
        ("need", Lang::En) => "information need",
        ("comment", Lang::Nb) => "kommentar",
        ("comment", Lang::En) => "comment",
        ("review", Lang::Nb) => "vurdering",
        _ => "review",
    }
}

fn prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "flettekonflikt",
        Lang::En => "merge conflict",
    }
}

/// The author of the conflict comments.
pub fn author(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "Carepath-fletting",
        Lang::En => "Carepath merge",
    }
}

/// The label of the merge in the undo history.
pub fn label(options: &MergeOptions) -> String {
    match options.lang {
        Lang::Nb => format!("flett inn {}", options.theirs),
        Lang::En => format!("merge {}", options.theirs),
    }
}

fn field_text(o: &MergeOptions, name: &str, field: &str, ours: &Value, theirs: &Value) -> String {
    let (a, b) = (shown(ours), shown(theirs));
    match o.lang {
        Lang::Nb => format!("{}: {name}, feltet '{field}': beholdt {a} ({}); den andre verdien var {b} ({})", prefix(o.lang), o.ours, o.theirs),
        Lang::En => format!("{}: {name}, field '{field}': kept {a} ({}); the other value was {b} ({})", prefix(o.lang), o.ours, o.theirs),
    }
}

/// `deleter` removed the element and `changer` changed it; it is kept (with the changes when
/// `readded`).
fn deleted_text(o: &MergeOptions, name: &str, deleter: &str, changer: &str, readded: bool) -> String {
    match (o.lang, readded) {
        (Lang::Nb, true) => format!("{}: {name} ble slettet av {deleter} og endret av {changer}; beholdt med endringene fra {changer}", prefix(o.lang)),
        (Lang::Nb, false) => format!("{}: {name} ble slettet av {deleter} og endret eller brukt av {changer}; beholdt", prefix(o.lang)),
        (Lang::En, true) => format!("{}: {name} was deleted by {deleter} and changed by {changer}; kept with {changer}'s changes", prefix(o.lang)),
        (Lang::En, false) => format!("{}: {name} was deleted by {deleter} and changed or used by {changer}; kept", prefix(o.lang)),
    }
}

/// A change from theirs the core refused on the merged document.
pub fn refused_text(o: &MergeOptions, what: &str, reason: &str) -> String {
    match o.lang {
        Lang::Nb => format!("{}: endringen av {what} fra {} kunne ikke tas inn: {reason}", prefix(o.lang), o.theirs),
        Lang::En => format!("{}: the change to {what} from {} could not be carried over: {reason}", prefix(o.lang), o.theirs),
    }
}
