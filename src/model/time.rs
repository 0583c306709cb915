//! Timestamps: UTC, whole seconds, written as RFC 3339 (`2026-11-24T15:09:00Z`) in every text
//! format, so a document always serialises to the same bytes.

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

/// A point in time, UTC, to the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub DateTime<Utc>);

impl Timestamp {
    /// Now, truncated to whole seconds.
    pub fn now() -> Self {
        Self(Utc::now().trunc_subsecs(0))
    }

    /// Parses RFC 3339 text with any offset; the result is UTC to the second.
    pub fn parse(text: &str) -> Result<Self, chrono::ParseError> {
        Ok(Self(DateTime::parse_from_rfc3339(text)?.with_timezone(&Utc).trunc_subsecs(0)))
    }

    /// RFC 3339 text, UTC, `Z` suffix.
    pub fn to_rfc3339(&self) -> String {
        self.0.to_rfc3339_opts(SecondsFormat::Secs, true)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(d)?;
        Timestamp::parse(&text).map_err(|e| {
            serde::de::Error::custom(format!("'{text}' is not an RFC 3339 time: {e}"))
        })
    }
}

impl JsonSchema for Timestamp {
    fn schema_name() -> Cow<'static, str> {
        "Timestamp".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 time in UTC, whole seconds"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_utc_whole_seconds_and_reads_any_offset() {
        let t = Timestamp::parse("2026-11-24T16:09:30.75+01:00").unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"2026-11-24T15:09:30Z\"");
        assert!(serde_json::from_str::<Timestamp>("\"yesterday\"").is_err());
    }
}
