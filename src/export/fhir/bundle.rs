//! The Bundle's shape as borrowed, typed structures, serialised straight to the output: the
//! fields in the order FHIR's JSON examples use (resourceType first), absent ones left out.

use serde::Serialize;
use std::borrow::Cow;

pub type Text<'a> = Cow<'a, str>;

fn is_empty<T>(v: &[T]) -> bool {
    v.is_empty()
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bundle<'a> {
    pub resource_type: &'static str,
    pub id: String,
    pub language: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub timestamp: String,
    pub entry: Vec<Entry<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry<'a> {
    pub full_url: String,
    pub resource: Resource<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
pub enum Resource<'a> {
    Plan(Box<PlanDefinition<'a>>),
    Activity(ActivityDefinition<'a>),
}

#[derive(Serialize)]
pub struct Meta {
    pub profile: [&'static str; 1],
}

#[derive(Serialize)]
pub struct Coding {
    pub system: &'static str,
    pub code: &'static str,
    pub display: &'static str,
}

#[derive(Serialize)]
pub struct CodeableConcept<'a> {
    #[serde(skip_serializing_if = "is_empty")]
    pub coding: Vec<Coding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Text<'a>>,
}

#[derive(Serialize)]
pub struct UsageContextCode {
    pub system: &'static str,
    pub code: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UsageContext<'a> {
    pub code: UsageContextCode,
    pub value_codeable_concept: CodeableConcept<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanDefinition<'a> {
    pub resource_type: &'static str,
    pub id: String,
    pub meta: Meta,
    pub language: &'static str,
    pub url: String,
    pub version: Text<'a>,
    pub name: String,
    pub title: String,
    #[serde(rename = "type")]
    pub kind: CodeableConcept<'a>,
    pub status: &'static str,
    pub experimental: bool,
    pub date: String,
    pub publisher: Text<'a>,
    pub description: Text<'a>,
    #[serde(skip_serializing_if = "is_empty")]
    pub use_context: Vec<UsageContext<'a>>,
    pub action: Vec<Action<'a>>,
}

#[derive(Serialize)]
pub struct Role<'a> {
    pub text: Text<'a>,
}

#[derive(Serialize)]
pub struct Participant<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub role: Role<'a>,
}

#[derive(Serialize)]
pub struct Expression {
    pub description: String,
    pub language: &'static str,
}

#[derive(Serialize)]
pub struct Condition {
    pub kind: &'static str,
    pub expression: Expression,
}

#[derive(Serialize)]
pub struct Display {
    pub display: String,
}

#[derive(Serialize)]
pub struct CodeFilter {
    pub path: &'static str,
    pub code: [Display; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DataRequirement {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub code_filter: [CodeFilter; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RelatedAction {
    pub action_id: String,
    pub relationship: &'static str,
}

#[derive(Serialize)]
pub struct Code {
    pub text: &'static str,
}

/// A phase's action (holding its steps) or a step's.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Action<'a> {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_equivalent: Option<Text<'a>>,
    pub code: [Code; 1],
    #[serde(skip_serializing_if = "is_empty")]
    pub condition: &'a [Condition],
    #[serde(skip_serializing_if = "is_empty")]
    pub input: Vec<DataRequirement>,
    #[serde(skip_serializing_if = "is_empty")]
    pub output: Vec<DataRequirement>,
    #[serde(skip_serializing_if = "is_empty")]
    pub related_action: Vec<RelatedAction>,
    #[serde(skip_serializing_if = "is_empty")]
    pub participant: Vec<Participant<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selection_behavior: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definition_canonical: Option<String>,
    #[serde(skip_serializing_if = "is_empty")]
    pub action: Vec<Action<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityDefinition<'a> {
    pub resource_type: &'static str,
    pub id: String,
    pub language: &'static str,
    pub url: String,
    pub version: Text<'a>,
    pub name: String,
    pub title: Text<'a>,
    pub status: &'static str,
    pub experimental: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text<'a>>,
    pub kind: &'static str,
    #[serde(skip_serializing_if = "is_empty")]
    pub participant: Vec<Participant<'a>>,
}
