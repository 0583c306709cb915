//! The default information catalogue every new document starts with (from the domain brief):
//! each entry with the national information services it maps to and its rank in the target
//! architecture's priority order (1 egenbehandlingsplan, 2 legemiddelliste, 3 målinger,
//! vurderinger and varsel, 4 dialog, 5 hjelpemidler).

use super::document::InfoType;
use super::ids::InfoTypeId;

/// One entry of the default catalogue.
pub struct CatalogueEntry {
    pub name: &'static str,
    pub codes: &'static [&'static str],
    pub priority: Option<u8>,
    pub description: &'static str,
}

const fn entry(name: &'static str, codes: &'static [&'static str], priority: Option<u8>, description: &'static str) -> CatalogueEntry {
    CatalogueEntry { name, codes, priority, description }
}

/// The default catalogue, in display order.
pub const DEFAULT_CATALOGUE: &[CatalogueEntry] = &[
    entry("Målinger", &["IT17", "IT07"], Some(3), "Målinger fra medisinsk utstyr: SpO2, puls, blodtrykk, vekt, temperatur, blodsukker"),
    entry("Skjemabesvarelser", &["IT17"], None, "Svar på spørreskjema, f.eks. symptomskår"),
    entry("Varsel", &["IT17"], Some(3), "Varsel (trafikklys grønn/gul/rød) mot referanseverdier: funn på målingene"),
    entry("Vurdering", &[], Some(3), "Helsepersonells vurdering"),
    entry("Notat / journalnotat", &["IT09"], None, "Notat og journalnotat"),
    entry("Klinisk oppsummering", &["IT01"], None, "Klinisk oppsummering"),
    entry("Hendelse", &["IT19", "IT03"], None, "Hendelse: innleggelse, startet behandling; legemiddelendring (IT03)"),
    entry("Legemiddelliste", &["IT03"], Some(2), "Pasientens legemiddelliste (PLL)"),
    entry("Egenbehandlingsplan", &["IT08"], Some(1), "Pasientens egenbehandlingsplan, delt ved «endre og dele»"),
    entry("Behandlingsplan", &["IT08"], None, "Helsepersonells behandlingsplan"),
    entry("Pasientplan", &["IT08"], None, "Pasientens samlede plan"),
    entry("Basisinfo pasient", &["IT12"], None, "Demografi og kontaktinformasjon"),
    entry("Tjenester / Hjelpemidler / Logistikk", &["IT23"], Some(5), "Tjenester, hjelpemidler og utstyrslogistikk"),
    entry("Dialog", &["IT10", "IT11"], Some(4), "Tekst- (IT10) eller videodialog (IT11) mellom helsepersonell eller med pasienten"),
    entry("Skjemadefinisjon", &["IT14"], None, "Definisjoner av skjema, f.eks. symptomskjema"),
    entry("Plandefinisjon", &["IT14"], None, "Malen en plan lages fra (retningslinje)"),
    entry("Oppgaveruting", &[], None, "Ruting av oppgaver, f.eks. et varsel til riktig sykepleier på vakt"),
];

/// A fresh copy of the default catalogue with new ids.
pub fn default_catalogue() -> Vec<InfoType> {
    DEFAULT_CATALOGUE
        .iter()
        .map(|e| InfoType {
            id: InfoTypeId::new(),
            name: e.name.to_string(),
            codes: e.codes.iter().map(|c| c.to_string()).collect(),
            description: e.description.to_string(),
            priority: e.priority,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::info_service;

    #[test]
    fn every_default_code_is_a_known_service_and_the_plans_are_three_types() {
        for e in DEFAULT_CATALOGUE {
            for c in e.codes {
                assert!(info_service(c).is_some(), "{}: {c}", e.name);
            }
        }
        let by = |n: &str| DEFAULT_CATALOGUE.iter().find(|e| e.name == n).unwrap();
        assert_eq!(by("Varsel").codes, ["IT17"]);
        assert_eq!(by("Målinger").codes, ["IT17", "IT07"]);
        assert_eq!(by("Hendelse").codes, ["IT19", "IT03"]);
        for plan in ["Egenbehandlingsplan", "Behandlingsplan", "Pasientplan"] {
            assert_eq!(by(plan).codes, ["IT08"]);
        }
        assert_eq!(by("Plandefinisjon").codes, ["IT14"]);
        assert!(by("Oppgaveruting").codes.is_empty());
        let ranked: Vec<(&str, u8)> = DEFAULT_CATALOGUE.iter().filter_map(|e| e.priority.map(|p| (e.name, p))).collect();
        assert_eq!(ranked.iter().find(|(_, p)| *p == 1).map(|(n, _)| *n), Some("Egenbehandlingsplan"));
        assert_eq!(ranked.iter().find(|(_, p)| *p == 2).map(|(n, _)| *n), Some("Legemiddelliste"));
        assert_eq!(ranked.iter().find(|(_, p)| *p == 5).map(|(n, _)| *n), Some("Tjenester / Hjelpemidler / Logistikk"));
    }
}
