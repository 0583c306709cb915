//! Rules about lanes and columns: every step sits in an actor's lane and a phase's column, and
//! every actor drawn as a lane does something somewhere.

use super::context::{Emit, VariantCtx};
use crate::model::limits::short;
use crate::model::{Document, ElementRef};
use foldhash::HashSet;

pub(super) fn no_variants(doc: &Document, out: &mut Emit) {
    if doc.variants.is_empty() {
        out.push(
            vec![ElementRef::Document],
            "Dokumentet har ingen varianter ennå; legg til en nå-situasjon eller et ønsket forløp.".into(),
            "The document has no variants yet; add a current or a desired pathway.".into(),
        );
    }
}

pub(super) fn actor_without_steps(doc: &Document, out: &mut Emit) {
    let used: HashSet<_> = doc.variants.iter().flat_map(|v| v.steps().filter_map(|s| s.actor)).collect();
    let mut actors: Vec<_> = doc.actors.iter().collect();
    actors.sort_by_key(|a| (a.order, a.id));
    for a in actors.into_iter().filter(|a| !used.contains(&a.id)) {
        let name = short(&a.name);
        out.push(
            vec![ElementRef::Actor { id: a.id }],
            format!("Aktøren «{name}» har ingen steg i noen variant."),
            format!("Actor '{name}' has no steps in any variant."),
        );
    }
}

pub(super) fn step_without_actor(cx: &VariantCtx, out: &mut Emit) {
    for s in cx.steps.iter().filter(|s| s.actor.is_none()) {
        let label = cx.step_label(s.id);
        out.push(
            vec![cx.step_ref(s.id)],
            format!("Steget «{label}» har ingen aktør (svømmebane)."),
            format!("Step '{label}' has no actor (lane)."),
        );
    }
}

pub(super) fn step_without_phase(cx: &VariantCtx, out: &mut Emit) {
    for s in cx.steps.iter().filter(|s| s.phase.is_none()) {
        let label = cx.step_label(s.id);
        out.push(
            vec![cx.step_ref(s.id)],
            format!("Steget «{label}» hører ikke til noen fase."),
            format!("Step '{label}' belongs to no phase."),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::model::*;
    use crate::rules::testkit::Model;
    use crate::rules::validate;

    #[test]
    fn no_variants_is_reported_once_for_an_empty_document() {
        let doc = Document::new("Tomt");
        let f = validate(&doc);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].rule.as_str(), f[0].variant), ("no-variants", None));
        assert!(Model::valid().findings("no-variants").is_empty());
    }

    #[test]
    fn actor_without_steps_names_idle_lanes() {
        let mut m = Model::valid();
        assert!(m.findings("actor-without-steps").is_empty());
        let id = ActorId::new();
        let actor = Actor { id, name: "Fastlege".into(), kind: ActorKind::Gp, organisation: String::new(), colour: None, order: 2 };
        m.edit(crate::edit::Edit::AddActor { actor });
        let f = m.findings("actor-without-steps");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].elements, vec![ElementRef::Actor { id }]);
        assert_eq!(f[0].message_nb, "Aktøren «Fastlege» har ingen steg i noen variant.");
    }

    #[test]
    fn step_without_actor_and_step_without_phase() {
        let m = Model::valid();
        assert!(m.findings("step-without-actor").is_empty() && m.findings("step-without-phase").is_empty());
        let mut m = Model::valid();
        let measure = m.find("Måle");
        m.change_step(measure, |s| s.actor = None);
        let call = m.find("Ringe pasient");
        m.change_step(call, |s| s.phase = None);
        let (a, p) = (m.findings("step-without-actor"), m.findings("step-without-phase"));
        assert_eq!(a.iter().map(|f| f.elements[0]).collect::<Vec<_>>(), vec![m.step_ref(measure)]);
        assert_eq!(p.iter().map(|f| f.elements[0]).collect::<Vec<_>>(), vec![m.step_ref(call)]);
    }
}
