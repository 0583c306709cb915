//! Rules about lanes and columns: every step sits in an actor's lane and a phase's column, and
//! every actor drawn as a lane does something somewhere.

use super::context::{Emit, VariantCtx};
use crate::model::limits::short;
use crate::model::{info_service, Document, ElementRef};
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
    let used: HashSet<_> =
        doc.variants.iter().flat_map(|v| v.steps().flat_map(|s| s.actor.into_iter().chain(s.participants.iter().copied()))).collect();
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

/// A code of the catalogue that is not a national information service Carepath knows: a
/// warning, since the national list grows, naming the code and the information type.
pub(super) fn unknown_info_service(doc: &Document, out: &mut Emit) {
    for t in &doc.info_types {
        for code in t.codes.iter().filter(|c| info_service(c).is_none()) {
            let (name, code) = (short(&t.name), short(code));
            out.push(
                vec![ElementRef::InfoType { id: t.id }],
                format!("Informasjonstypen «{name}» har koden «{code}», som ikke er en kjent nasjonal informasjonstjeneste (IT01–IT23)."),
                format!("Information type '{name}' has the code '{code}', which is not a known national information service (IT01–IT23)."),
            );
        }
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

/// A participant of a joint step that is the step's own lane actor: already responsible for
/// the step, so listing it again says nothing (likely a slip when the step moved lanes).
pub(super) fn participant_in_own_lane(cx: &VariantCtx, out: &mut Emit) {
    for s in cx.steps.iter().filter(|s| s.actor.is_some_and(|a| s.participants.contains(&a))) {
        let (label, actor) = (cx.step_label(s.id), cx.actor_name(s.actor.unwrap()));
        out.push(
            vec![cx.step_ref(s.id), ElementRef::Actor { id: s.actor.unwrap() }],
            format!("Steget «{label}» har «{actor}» som deltaker, men steget ligger allerede i svømmebanen til «{actor}»."),
            format!("Step '{label}' has '{actor}' as a participant, but the step already sits in the lane of '{actor}'."),
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
    fn an_unknown_information_service_code_is_a_warning_naming_it() {
        let mut m = Model::valid();
        assert!(m.findings("unknown-info-service").is_empty(), "the default catalogue's codes are all known");
        let mut t = m.doc.info_types[0].clone();
        t.codes = vec!["IT17".into(), "IT99".into(), "it07".into()];
        let id = t.id;
        m.edit(crate::edit::Edit::UpdateInfoType { info_type: t });
        let f = m.findings("unknown-info-service");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f.iter().all(|f| f.severity == crate::rules::Severity::Warning && f.elements == vec![ElementRef::InfoType { id }]));
        assert!(f[0].message_en.contains("'IT99'") && f[1].message_en.contains("'it07'"), "{}", f[0].message_en);
    }

    #[test]
    fn a_participant_that_is_its_steps_lane_actor_is_a_warning_and_participating_counts_as_work() {
        let mut m = Model::valid();
        let id = ActorId::new();
        let gp = Actor { id, name: "Fastlege".into(), kind: ActorKind::Gp, organisation: String::new(), colour: None, order: 2 };
        m.edit(crate::edit::Edit::AddActor { actor: gp });
        assert_eq!(m.findings("actor-without-steps").len(), 1);
        let s = m.find("Måle");
        let mut step = m.variant().step(s).unwrap().clone();
        step.participants = vec![id];
        m.edit(crate::edit::Edit::UpdateStep { variant: m.vid, step: step.clone() });
        assert!(m.findings("actor-without-steps").is_empty(), "a participant takes part in the pathway");
        assert!(m.findings("participant-in-own-lane").is_empty());
        // removing an actor that takes part is refused like removing one with steps
        let mut d = m.doc.clone();
        assert_eq!(crate::edit::apply(&mut d, crate::edit::Edit::RemoveActor { id }).unwrap_err().code, crate::ErrorCode::InUse);
        step.participants.push(step.actor.unwrap());
        m.edit(crate::edit::Edit::UpdateStep { variant: m.vid, step });
        let f = m.findings("participant-in-own-lane");
        assert_eq!(f.len(), 1);
        assert!(f[0].message_en.contains("already sits in the lane"), "{}", f[0].message_en);
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
