//! Rules about data-sharing needs: every hand-over between actors is covered by a need, and
//! each need says who provides and who consumes, which information, and how it travels. In
//! the desired pathway, a need that stays unmet is worth a warning.

use super::analysis::Coverage;
use super::context::{Emit, VariantCtx};
use crate::model::limits::short;
use crate::model::{DataNeed, InteractionForm, NeedStatus, VariantKind};

pub(super) fn handover_without_need(cx: &VariantCtx, out: &mut Emit) {
    let coverage = Coverage::of(cx.v);
    for t in &cx.transitions {
        let (Some(from), Some(to)) = (cx.v.step(t.from), cx.v.step(t.to)) else { continue };
        let (Some(a), Some(b)) = (from.actor, to.actor) else { continue };
        if a == b || coverage.covers(t.from, t.to, a, b) {
            continue;
        }
        let (sf, st) = (cx.step_label(t.from), cx.step_label(t.to));
        let (af, at) = (cx.actor_name(a), cx.actor_name(b));
        out.push(
            vec![cx.transition_ref(t.id), cx.step_ref(t.from), cx.step_ref(t.to)],
            format!("Overleveringen fra «{sf}» ({af}) til «{st}» ({at}) har ikke noe informasjonsbehov som dekker den."),
            format!("The hand-over from '{sf}' ({af}) to '{st}' ({at}) has no data-sharing need covering it."),
        );
    }
}

fn each_need(cx: &VariantCtx, out: &mut Emit, broken: impl Fn(&DataNeed) -> bool, nb: &str, en: &str) {
    for n in cx.v.needs().filter(|n| broken(n)) {
        let title = short(&n.title);
        out.push(vec![cx.need_ref(n.id)], format!("Behovet «{title}» {nb}"), format!("Need '{title}' {en}"));
    }
}

pub(super) fn need_without_actors(cx: &VariantCtx, out: &mut Emit) {
    each_need(
        cx,
        out,
        |n| n.sources().next().is_none() || n.consumers().next().is_none(),
        "mangler en part som produsent eller datatilbyder, eller en datakonsument.",
        "lacks a party as producer or provider, or a consumer.",
    );
}

pub(super) fn need_without_info_type(cx: &VariantCtx, out: &mut Emit) {
    each_need(cx, out, |n| n.info_types.is_empty(), "har ingen informasjonstype.", "has no information type.");
}

pub(super) fn need_without_form(cx: &VariantCtx, out: &mut Emit) {
    each_need(
        cx,
        out,
        |n| n.form == InteractionForm::Unknown,
        "har ukjent samhandlingsform.",
        "has an unknown interaction form.",
    );
}

pub(super) fn unmet_need_in_desired(cx: &VariantCtx, out: &mut Emit) {
    if cx.v.kind == VariantKind::Desired {
        let nb = "er ikke dekket i ønsket forløp.";
        each_need(cx, out, |n| n.status == NeedStatus::Unmet, nb, "is unmet in the desired pathway.");
    }
}

pub(super) fn partly_met_need_in_desired(cx: &VariantCtx, out: &mut Emit) {
    if cx.v.kind == VariantKind::Desired {
        let nb = "er bare delvis dekket i ønsket forløp.";
        each_need(cx, out, |n| n.status == NeedStatus::PartlyMet, nb, "is only partly met in the desired pathway.");
    }
}

#[cfg(test)]
mod tests {
    use crate::edit::Edit;
    use crate::model::*;
    use crate::rules::testkit::Model;

    #[test]
    fn handover_without_need_until_a_need_covers_it_either_way() {
        assert!(Model::valid().findings("handover-without-need").is_empty());
        let mut m = Model::valid();
        let need = m.only_need();
        m.edit(Edit::RemoveNeed { variant: m.vid, id: need });
        let f = m.findings("handover-without-need");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].elements[1], m.step_ref(m.find("Måle")));
        assert!(f[0].message_nb.contains("(Pasient) til «Vurdere» (Sykepleier)"));
        // the reverse direction at the receiving step covers it too
        let assess = m.find("Vurdere");
        m.need("Plan til pasient", vec![assess], 1, 0);
        assert!(m.findings("handover-without-need").is_empty());
    }

    #[test]
    fn a_need_between_other_actors_does_not_cover_a_handover() {
        let mut m = Model::valid();
        let need = m.only_need();
        m.change_need(need, |n| n.parties.retain(|p| p.role != DataRole::Consumer));
        assert_eq!(m.findings("handover-without-need").len(), 1);
    }

    #[test]
    fn a_party_keeps_its_actor_from_being_deleted_and_a_party_of_no_actor_is_refused() {
        let mut m = Model::valid();
        let hub = Actor { id: ActorId::new(), name: "VKP".into(), kind: ActorKind::System, organisation: String::new(), colour: None, order: 2 };
        let hub_id = hub.id;
        m.edit(Edit::AddActor { actor: hub });
        let need = m.only_need();
        m.change_need(need, |n| n.parties.push(Party::new(hub_id, DataRole::Processor)));
        let mut d = m.doc.clone();
        let e = crate::edit::apply(&mut d, Edit::RemoveActor { id: hub_id }).unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::InUse, "{}", e.message);
        // a party naming an actor the document does not have, e.g. from a hand-edited file
        let mut n = m.variant().need(need).unwrap().clone();
        n.parties.push(Party::new(ActorId::new(), DataRole::Consumer));
        let e = crate::edit::apply(&mut d, Edit::UpdateNeed { variant: m.vid, need: n.clone() }).unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::UnknownId, "{}", e.message);
        // and one actor twice in one role
        n.parties.pop();
        n.parties.push(n.parties[0]);
        let e = crate::edit::apply(&mut d, Edit::UpdateNeed { variant: m.vid, need: n }).unwrap_err();
        assert!(e.message.contains("takes part twice"), "{}", e.message);
    }

    #[test]
    fn need_fields_rules_fire_on_missing_fields() {
        let m = Model::valid();
        for rule in ["need-without-actors", "need-without-info-type", "need-without-form"] {
            assert!(m.findings(rule).is_empty(), "{rule}");
        }
        let mut m = Model::valid();
        let need = m.only_need();
        m.change_need(need, |n| {
            n.parties.retain(|p| p.role != DataRole::Consumer);
            n.info_types.clear();
            n.form = InteractionForm::Unknown;
        });
        for rule in ["need-without-actors", "need-without-info-type", "need-without-form"] {
            let f = m.findings(rule);
            assert_eq!(f.len(), 1, "{rule}");
            assert_eq!(f[0].elements, vec![ElementRef::Need { variant: m.vid, id: need }]);
        }
    }

    #[test]
    fn unmet_and_partly_met_needs_count_only_in_the_desired_pathway() {
        let mut m = Model::valid();
        let need = m.only_need();
        m.change_need(need, |n| n.status = NeedStatus::Unmet);
        let f = m.findings("unmet-need-in-desired");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, crate::rules::Severity::Warning);
        assert_eq!(f[0].message_nb, "Behovet «Målinger til sykepleier» er ikke dekket i ønsket forløp.");
        m.change_need(need, |n| n.status = NeedStatus::PartlyMet);
        assert!(m.findings("unmet-need-in-desired").is_empty());
        assert_eq!(m.findings("partly-met-need-in-desired")[0].severity, crate::rules::Severity::Info);
        let v = m.variant();
        let (id, name, description) = (v.id, v.name.clone(), v.description.clone());
        m.edit(Edit::UpdateVariant { id, name, kind: VariantKind::Current, description });
        assert!(m.findings("partly-met-need-in-desired").is_empty());
    }
}
