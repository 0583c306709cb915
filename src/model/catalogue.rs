//! The default information catalogue every new document starts with (from the domain brief),
//! each entry with the national information service it maps to.

use super::document::InfoType;
use super::ids::InfoTypeId;

/// (name, code, description) of the default catalogue, in display order.
pub const DEFAULT_CATALOGUE: &[(&str, Option<&str>, &str)] = &[
    ("Målinger", Some("IT07"), "Målinger fra medisinsk utstyr: SpO2, puls, blodtrykk, vekt, temperatur, blodsukker"),
    ("Skjemabesvarelser", Some("IT17"), "Svar på spørreskjema, f.eks. symptomskår"),
    ("Varsel", Some("IT19"), "Varsel (trafikklys grønn/gul/rød) mot referanseverdier"),
    ("Vurdering", Some("IT09"), "Helsepersonells vurdering"),
    ("Notat / journalnotat", Some("IT09"), "Notat og journalnotat"),
    ("Klinisk oppsummering", Some("IT01"), "Klinisk oppsummering"),
    ("Hendelse", Some("IT19"), "Hendelse: innleggelse, startet behandling"),
    ("Legemiddelliste", Some("IT03"), "Pasientens legemiddelliste (PLL)"),
    ("Plan", Some("IT08"), "Behandlingsplan, egenbehandlingsplan, pasientplan"),
    ("Basisinfo pasient", Some("IT12"), "Demografi og kontaktinformasjon"),
    ("Tjenester / Hjelpemidler / Logistikk", Some("IT23"), "Tjenester, hjelpemidler og utstyrslogistikk"),
    ("Dialog", Some("IT10"), "Tekst- eller videodialog mellom helsepersonell eller med pasienten (video: IT11)"),
    ("Skjemadefinisjon / plandefinisjon", Some("IT14"), "Definisjoner av skjema og retningslinjer"),
];

/// A fresh copy of the default catalogue with new ids.
pub fn default_catalogue() -> Vec<InfoType> {
    DEFAULT_CATALOGUE
        .iter()
        .map(|(name, code, description)| InfoType {
            id: InfoTypeId::new(),
            name: (*name).to_string(),
            code: code.map(str::to_string),
            description: (*description).to_string(),
        })
        .collect()
}
