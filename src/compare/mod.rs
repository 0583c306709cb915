//! Comparing two variants: what was added, removed or changed from a source variant (usually
//! the current pathway, "Nå-situasjon") to a target variant (usually "Ønsket forløp").
//!
//! Elements are matched by id, never by name: a variant copied from another keeps its element
//! ids, and so does the same variant in a copy of the file. An element with the same id and a
//! different label is *changed* (renamed); an element whose id is gone and another with a new
//! id in its place are *removed* and *added* (replaced). Steps, transitions and needs come from
//! the two variants; actors, phases and information types from their documents (two variants
//! of one document share those, so they differ only between two files).
//!
//! A [`Diff`] is plain serialisable data with display strings already in the chosen language,
//! for the app's compare list, the CLI's `diff` and the report; [`text`], [`markdown`] and
//! [`json`] render it, and `export::diagram::compare` draws it.

mod fields;
mod render;

pub use render::{json, markdown, text};

use crate::model::*;
use fields::Fields;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One side of a comparison: which document and variant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DiffSide {
    pub document: DocumentId,
    pub title: String,
    pub variant: VariantId,
    pub variant_name: String,
}

/// The kinds of element a comparison looks at, in the order a diff lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ElementKind {
    Actor,
    Phase,
    InfoType,
    Step,
    Transition,
    Need,
}

impl ElementKind {
    pub const ALL: [ElementKind; 6] = [Self::Actor, Self::Phase, Self::InfoType, Self::Step, Self::Transition, Self::Need];

    /// The singular name ("Steg", "Step").
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Actor, Lang::Nb) => "Aktør",
            (Self::Actor, Lang::En) => "Actor",
            (Self::Phase, Lang::Nb) => "Fase",
            (Self::Phase, Lang::En) => "Phase",
            (Self::InfoType, Lang::Nb) => "Informasjonstype",
            (Self::InfoType, Lang::En) => "Information type",
            (Self::Step, Lang::Nb) => "Steg",
            (Self::Step, Lang::En) => "Step",
            (Self::Transition, Lang::Nb) => "Overgang",
            (Self::Transition, Lang::En) => "Transition",
            (Self::Need, Lang::Nb) => "Informasjonsbehov",
            (Self::Need, Lang::En) => "Information need",
        }
    }

    /// The plural name ("Steg", "Steps").
    pub fn plural(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Actor, Lang::Nb) => "Aktører",
            (Self::Actor, Lang::En) => "Actors",
            (Self::Phase, Lang::Nb) => "Faser",
            (Self::Phase, Lang::En) => "Phases",
            (Self::InfoType, Lang::Nb) => "Informasjonstyper",
            (Self::InfoType, Lang::En) => "Information types",
            (Self::Step, Lang::Nb) => "Steg",
            (Self::Step, Lang::En) => "Steps",
            (Self::Transition, Lang::Nb) => "Overganger",
            (Self::Transition, Lang::En) => "Transitions",
            (Self::Need, Lang::Nb) => "Informasjonsbehov",
            (Self::Need, Lang::En) => "Information needs",
        }
    }
}

/// What happened to an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 3] = [Self::Added, Self::Removed, Self::Changed];

    /// The symbol that marks it in lists and pictures, so colour is never the only cue.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Added => "+",
            Self::Removed => "−",
            Self::Changed => "~",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Added, Lang::Nb) => "Lagt til",
            (Self::Added, Lang::En) => "Added",
            (Self::Removed, Lang::Nb) => "Fjernet",
            (Self::Removed, Lang::En) => "Removed",
            (Self::Changed, Lang::Nb) => "Endret",
            (Self::Changed, Lang::En) => "Changed",
        }
    }
}

/// One field of a changed element, from what to what: `before` and `after` for people (names
/// instead of ids, labels of kinds), `before_value` and `after_value` as in the file format
/// (any JSON value).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FieldChange {
    /// The field's stable key, as in the file format ("label", "form", "actor" ...).
    pub field: String,
    /// The field's name in the diff's language.
    pub name: String,
    pub before: String,
    pub after: String,
    pub before_value: serde_json::Value,
    pub after_value: serde_json::Value,
}

/// One added, removed or changed element.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DiffEntry {
    pub kind: ElementKind,
    pub change: ChangeKind,
    /// The element: in the target variant, or for a removed one in the source variant.
    pub element: ElementRef,
    /// Its name or label (in the target; for a removed element, in the source).
    pub label: String,
    /// Whether the element kept its id and got a new name or label.
    pub renamed: bool,
    /// The name or label it had, when renamed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before_label: Option<String>,
    /// For a changed element, each changed field in a fixed order; otherwise empty.
    pub fields: Vec<FieldChange>,
}

/// How many elements of one kind were added, removed and changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DiffCount {
    pub kind: ElementKind,
    pub added: u32,
    pub removed: u32,
    pub changed: u32,
}

/// The differences from a source variant to a target variant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Diff {
    /// The language of the display strings.
    pub lang: Lang,
    pub source: DiffSide,
    pub target: DiffSide,
    /// Ordered by element kind, then change (added, removed, changed), then label and id.
    pub entries: Vec<DiffEntry>,
}

impl Diff {
    /// Whether the two variants are the same (as far as a diff looks).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Counts per element kind, every kind listed.
    pub fn counts(&self) -> Vec<DiffCount> {
        ElementKind::ALL
            .iter()
            .map(|&kind| {
                let n = |c: ChangeKind| self.entries.iter().filter(|e| e.kind == kind && e.change == c).count() as u32;
                DiffCount { kind, added: n(ChangeKind::Added), removed: n(ChangeKind::Removed), changed: n(ChangeKind::Changed) }
            })
            .collect()
    }

    /// The entry about an element, if any.
    pub fn entry(&self, element: &ElementRef) -> Option<&DiffEntry> {
        self.entries.iter().find(|e| &e.element == element)
    }
}

/// A variant in its document: one side of a comparison.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    pub doc: &'a Document,
    pub variant: &'a Variant,
}

impl<'a> Side<'a> {
    /// The variant `id` of `doc`, or `None` if the document has no such variant.
    pub fn of(doc: &'a Document, id: VariantId) -> Option<Side<'a>> {
        doc.variant(id).map(|variant| Side { doc, variant })
    }

    fn header(&self) -> DiffSide {
        DiffSide {
            document: self.doc.id,
            title: self.doc.metadata.title.clone(),
            variant: self.variant.id,
            variant_name: self.variant.name.clone(),
        }
    }
}

/// The differences from `source` to `target`, display strings in `lang`.
pub fn diff_variants(source: Side, target: Side, lang: Lang) -> Diff {
    let mut entries = Vec::new();
    let cx = fields::Cx { a: source, b: target, lang };
    let (a, b) = (source.doc, target.doc);
    let (av, bv) = (source.variant.id, target.variant.id);

    compare(&mut entries, ElementKind::Actor, &by_id(&a.actors, |x| x.id), &by_id(&b.actors, |x| x.id), |id| ElementRef::Actor { id }, |x| x.name.clone(), |x, y| {
        let mut f = Fields::new(lang);
        cx.actor_fields(&mut f, x, y, rank(&a.actors, &b.actors, x.id, |x| x.id), rank(&b.actors, &a.actors, y.id, |x| x.id));
        f.into_vec()
    });
    compare(&mut entries, ElementKind::Phase, &by_id(&a.phases, |x| x.id), &by_id(&b.phases, |x| x.id), |id| ElementRef::Phase { id }, |x| x.name.clone(), |x, y| {
        let mut f = Fields::new(lang);
        cx.phase_fields(&mut f, x, y, rank(&a.phases, &b.phases, x.id, |x| x.id), rank(&b.phases, &a.phases, y.id, |x| x.id));
        f.into_vec()
    });
    compare(&mut entries, ElementKind::InfoType, &by_id(&a.info_types, |x| x.id), &by_id(&b.info_types, |x| x.id), |id| ElementRef::InfoType { id }, |x| x.name.clone(), |x, y| {
        let mut f = Fields::new(lang);
        cx.info_type_fields(&mut f, x, y);
        f.into_vec()
    });
    let (sa, sb) = (source.variant.steps_sorted(), target.variant.steps_sorted());
    let mut removed = by_id(&sa, |x| x.id);
    let added = by_id(&sb, |x| x.id);
    compare_in(&mut entries, ElementKind::Step, &mut removed, &added, av, bv, |variant, id| ElementRef::Step { variant, id }, |x| x.label.clone(), |x, y| {
        let mut f = Fields::new(lang);
        cx.step_fields(&mut f, x, y);
        f.into_vec()
    });
    let (ta, tb) = (source.variant.transitions_sorted(), target.variant.transitions_sorted());
    let mut removed = by_id(&ta, |x| x.id);
    let added = by_id(&tb, |x| x.id);
    let tlabel_a = |t: &&Transition| cx.transition_label(source, t);
    let tlabel_b = |t: &&Transition| cx.transition_label(target, t);
    compare_labelled(&mut entries, ElementKind::Transition, &mut removed, &added, av, bv, |variant, id| ElementRef::Transition { variant, id }, tlabel_a, tlabel_b, |x| x.label.clone(), |x, y| {
        let mut f = Fields::new(lang);
        cx.transition_fields(&mut f, x, y);
        f.into_vec()
    });
    let (na, nb): (Vec<&DataNeed>, Vec<&DataNeed>) = (source.variant.needs().collect(), target.variant.needs().collect());
    let mut removed = by_id(&na, |x| x.id);
    let added = by_id(&nb, |x| x.id);
    compare_in(&mut entries, ElementKind::Need, &mut removed, &added, av, bv, |variant, id| ElementRef::Need { variant, id }, |x| x.title.clone(), |x, y| {
        let mut f = Fields::new(lang);
        cx.need_fields(&mut f, x, y);
        f.into_vec()
    });

    entries.sort_by(|x, y| {
        (x.kind, x.change, x.label.to_lowercase(), x.element).cmp(&(y.kind, y.change, y.label.to_lowercase(), y.element))
    });
    Diff { lang, source: source.header(), target: target.header(), entries }
}

/// The differences from the current pathway to the desired one, for the report's section
/// "Endringer fra nå-situasjon til ønsket forløp": the first desired variant, compared with
/// the variant it was copied from when that is still there, else the first current variant.
/// `None` when the document lacks either.
pub fn current_to_desired(doc: &Document, lang: Lang) -> Option<Diff> {
    let (current, desired) = current_and_desired(doc)?;
    Some(diff_variants(Side { doc, variant: current }, Side { doc, variant: desired }, lang))
}

/// The two variants [`current_to_desired`] compares: (current, desired).
pub fn current_and_desired(doc: &Document) -> Option<(&Variant, &Variant)> {
    let desired = doc.variants.iter().find(|v| v.kind == VariantKind::Desired)?;
    let current = desired
        .based_on
        .and_then(|b| doc.variant(b))
        .or_else(|| doc.variants.iter().find(|v| v.kind == VariantKind::Current))?;
    Some((current, desired))
}

/// Two variants of one document to compare: from `source` to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct VariantPair {
    pub source: VariantId,
    pub target: VariantId,
}

/// The pair compare mode opens with: current → desired as the report compares them
/// ([`current_and_desired`]) when the document has both; else the variant `shown` (or the
/// first) as the target and the first other variant as the source, or the only variant with
/// itself. `None` for a document without variants.
pub fn default_pair(doc: &Document, shown: Option<VariantId>) -> Option<VariantPair> {
    if let Some((c, d)) = current_and_desired(doc) {
        return Some(VariantPair { source: c.id, target: d.id });
    }
    let target = shown.and_then(|id| doc.variant(id)).or_else(|| doc.variants.first())?;
    let source = doc.variants.iter().find(|v| v.id != target.id).unwrap_or(target);
    Some(VariantPair { source: source.id, target: target.id })
}

fn by_id<T, K: Ord>(items: &[T], key: impl Fn(&T) -> K) -> BTreeMap<K, &T> {
    items.iter().map(|x| (key(x), x)).collect()
}

/// The position of `id` among the elements of `list` that `other` has too, so inserting or
/// removing a lane does not count as moving every lane after it.
fn rank<T, K: PartialEq + Copy>(list: &[T], other: &[T], id: K, key: impl Fn(&T) -> K) -> usize {
    // the documents keep lanes and columns in order
    list.iter().filter(|x| other.iter().any(|o| key(o) == key(x))).position(|x| key(x) == id).unwrap_or(0)
}

/// Compares document-level elements (their references need no variant).
#[allow(clippy::too_many_arguments)]
fn compare<K: Ord + Copy, T>(
    out: &mut Vec<DiffEntry>,
    kind: ElementKind,
    a: &BTreeMap<K, &T>,
    b: &BTreeMap<K, &T>,
    at: impl Fn(K) -> ElementRef,
    name: impl Fn(&T) -> String,
    fields: impl Fn(&T, &T) -> Vec<FieldChange>,
) {
    let mut a = a.clone();
    let at2 = |_: VariantId, id: K| at(id);
    let nil = VariantId(uuid::Uuid::nil());
    compare_labelled(out, kind, &mut a, b, nil, nil, at2, &name, &name, &name, fields);
}

/// Compares elements of the two variants, whose own label names them.
#[allow(clippy::too_many_arguments)]
fn compare_in<K: Ord + Copy, T>(
    out: &mut Vec<DiffEntry>,
    kind: ElementKind,
    a: &mut BTreeMap<K, &T>,
    b: &BTreeMap<K, &T>,
    av: VariantId,
    bv: VariantId,
    at: impl Fn(VariantId, K) -> ElementRef,
    name: impl Fn(&T) -> String,
    fields: impl Fn(&T, &T) -> Vec<FieldChange>,
) {
    compare_labelled(out, kind, a, b, av, bv, at, &name, &name, &name, fields);
}

/// The general comparison: `shown_a`/`shown_b` give the label shown for an element of each
/// side, `own` the element's own name field (whose change makes it "renamed").
#[allow(clippy::too_many_arguments)]
fn compare_labelled<K: Ord + Copy, T>(
    out: &mut Vec<DiffEntry>,
    kind: ElementKind,
    a: &mut BTreeMap<K, &T>,
    b: &BTreeMap<K, &T>,
    av: VariantId,
    bv: VariantId,
    at: impl Fn(VariantId, K) -> ElementRef,
    shown_a: impl Fn(&T) -> String,
    shown_b: impl Fn(&T) -> String,
    own: impl Fn(&T) -> String,
    fields: impl Fn(&T, &T) -> Vec<FieldChange>,
) {
    for (&id, y) in b {
        match a.remove(&id) {
            None => out.push(DiffEntry {
                kind,
                change: ChangeKind::Added,
                element: at(bv, id),
                label: shown_b(y),
                renamed: false,
                before_label: None,
                fields: Vec::new(),
            }),
            Some(x) => {
                let fields = fields(x, y);
                if fields.is_empty() {
                    continue;
                }
                let renamed = own(x) != own(y);
                out.push(DiffEntry {
                    kind,
                    change: ChangeKind::Changed,
                    element: at(bv, id),
                    label: shown_b(y),
                    renamed,
                    before_label: renamed.then(|| shown_a(x)),
                    fields,
                });
            }
        }
    }
    for (id, x) in std::mem::take(a) {
        out.push(DiffEntry {
            kind,
            change: ChangeKind::Removed,
            element: at(av, id),
            label: shown_a(x),
            renamed: false,
            before_label: None,
            fields: Vec::new(),
        });
    }
}

#[cfg(test)]
mod tests;
