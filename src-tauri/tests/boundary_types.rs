//! Every value that crosses between the shell and the window has a type generated from the
//! Rust types (`ui/src/generated/carepath.ts`): this test reads the type argument of every
//! `invoke<…>` (a command's answer) and `listen<…>` (an event the shell sends) in the UI and
//! fails when it names a type that is not generated — one declared by hand beside the core's.

use std::collections::BTreeSet;
mod support;

use std::path::PathBuf;
use support::{read, ui_sources};

/// Names a type argument may use besides the generated types.
const BUILT_IN: &[&str] = &["string", "number", "boolean", "null", "undefined", "void", "unknown", "Array", "Record"];

fn ui() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src")
}

/// The names `generated/carepath.ts` exports.
fn generated() -> BTreeSet<String> {
    let text = read(&ui().join("generated/carepath.ts"));
    text.lines()
        .filter_map(|l| l.strip_prefix("export interface ").or_else(|| l.strip_prefix("export type ")))
        .filter_map(|rest| rest.split(|c: char| !(c.is_alphanumeric() || c == '_')).next())
        .map(String::from)
        .collect()
}

/// The type argument after each `word<` in `text`, up to its matching `>`.
fn type_arguments<'a>(text: &'a str, word: &str) -> Vec<&'a str> {
    let open = format!("{word}<");
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(&open) {
        // a call of exactly this name, not the end of a longer one
        let before = rest[..at].chars().next_back();
        let start = at + open.len();
        rest = &rest[start..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let mut depth = 1;
        let end = rest.char_indices().find_map(|(i, c)| {
            match c {
                '<' => depth += 1,
                '>' => depth -= 1,
                _ => {}
            }
            (depth == 0).then_some(i)
        });
        if let Some(end) = end {
            found.push(&rest[..end]);
        }
    }
    found
}

#[test]
fn every_type_crossing_the_boundary_is_generated() {
    let known = generated();
    assert!(known.contains("Document") && known.contains("MenuEvent") && known.contains("UndoState"), "{known:?}");
    let mut files = Vec::new();
    ui_sources(&ui(), &mut files);
    let (mut checked, mut by_hand) = (0, Vec::new());
    for f in files {
        let text = read(&f);
        let rel = f.strip_prefix(ui()).unwrap().display().to_string();
        for word in ["invoke", "listen"] {
            for arg in type_arguments(&text, word) {
                checked += 1;
                let names = arg.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|n| !n.is_empty() && !n.chars().all(|c| c.is_ascii_digit()));
                for n in names {
                    if !known.contains(n) && !BUILT_IN.contains(&n) {
                        by_hand.push(format!("ui/src/{rel}: {word}<{arg}> names {n}"));
                    }
                }
            }
        }
    }
    assert!(checked > 30, "found only {checked} typed invoke/listen calls; has the UI's layout changed?");
    assert!(by_hand.is_empty(), "types crossing the boundary that are not generated from the Rust types:\n{}", by_hand.join("\n"));
}

#[test]
fn type_arguments_are_read_to_their_matching_bracket() {
    let text = "invoke<Record<string, Use>>(\"a\"); listen<MenuEvent>(\"menu\"); reinvoke<X>(); invoke(\"b\")";
    assert_eq!(type_arguments(text, "invoke"), vec!["Record<string, Use>"]);
    assert_eq!(type_arguments(text, "listen"), vec!["MenuEvent"]);
}
