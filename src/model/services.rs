//! The national information services (informasjonstjenester) of the target architecture for
//! digital home follow-up, by code. An information type of the catalogue maps to one or more
//! of them; a code not in this list is a warning (rule `unknown-info-service`), not an error,
//! since the national list grows.

use super::kinds::Lang;
use schemars::JsonSchema;
use serde::Serialize;

/// One national information service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct InfoService {
    /// "IT17".
    pub code: &'static str,
    /// Name in Norwegian bokmål.
    pub name_nb: &'static str,
    /// Name in English.
    pub name_en: &'static str,
}

impl InfoService {
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nb => self.name_nb,
            Lang::En => self.name_en,
        }
    }
}

const fn service(code: &'static str, name_nb: &'static str, name_en: &'static str) -> InfoService {
    InfoService { code, name_nb, name_en }
}

/// Every information service Carepath knows, by code.
pub const INFO_SERVICES: &[InfoService] = &[
    service("IT01", "Klinisk oppsummering", "Clinical summary"),
    service("IT03", "Legemidler", "Medicines"),
    service("IT07", "Målinger fra medisinsk utstyr", "Measurements from medical devices"),
    service("IT08", "Planer", "Plans"),
    service("IT09", "Journaldokumenter", "Record documents"),
    service("IT10", "Tekstdialog", "Text dialogue"),
    service("IT11", "Video", "Video"),
    service("IT12", "Demografi", "Demographics"),
    service("IT14", "Klinisk kunnskap (skjema- og plandefinisjoner)", "Clinical knowledge (form and plan definitions)"),
    service("IT17", "Målinger og funn", "Measurements and findings"),
    service("IT19", "Prosedyrer og hendelser", "Procedures and events"),
    service("IT23", "Tjenester og hjelpemidler", "Services and assistive devices"),
];

/// The information service with this code (exact, as the list writes it).
pub fn info_service(code: &str) -> Option<&'static InfoService> {
    INFO_SERVICES.iter().find(|s| s.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_named_in_both_languages() {
        for w in INFO_SERVICES.windows(2) {
            assert!(w[0].code < w[1].code, "{} before {}", w[0].code, w[1].code);
        }
        for s in INFO_SERVICES {
            assert!(s.code.starts_with("IT") && s.code.len() == 4, "{}", s.code);
            assert!(!s.name(Lang::Nb).is_empty() && !s.name(Lang::En).is_empty());
        }
        assert_eq!(info_service("IT17").map(|s| s.name(Lang::En)), Some("Measurements and findings"));
        assert!(info_service("IT99").is_none());
        assert!(info_service("it17").is_none());
    }
}
