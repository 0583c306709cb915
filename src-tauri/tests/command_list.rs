//! The window's commands are named in four places: `build.rs` (which makes each need a
//! permission), the handler list in `src/main.rs`, `capabilities/default.json` (which grants
//! them) and the UI's typed wrappers. This test reads all four and fails when they disagree,
//! when the UI calls `invoke` outside its wrappers, or when a command is registered that the
//! UI never calls.

use std::collections::BTreeSet;
mod support;

use std::path::PathBuf;
use support::{read, ui_sources};

/// The UI files allowed to call `invoke`: the typed wrappers.
const WRAPPERS: &[&str] = &["api.ts", "review/api.ts", "dialogs/files.ts"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The text between `open` and the next `close` after it.
fn between<'a>(text: &'a str, open: &str, close: &str, file: &str) -> &'a str {
    let start = text.find(open).unwrap_or_else(|| panic!("{file}: no `{open}`")) + open.len();
    let len = text[start..].find(close).unwrap_or_else(|| panic!("{file}: no `{close}` after `{open}`"));
    &text[start..start + len]
}

fn declared() -> BTreeSet<String> {
    let text = read(&root().join("build.rs"));
    let list = between(&text, "let commands = &[", "];", "build.rs");
    list.split(',').map(|s| s.trim().trim_matches('"').to_string()).filter(|s| !s.is_empty()).collect()
}

fn handlers() -> BTreeSet<String> {
    let text = read(&root().join("src/main.rs"));
    let list = between(&text, "generate_handler![", "]", "src/main.rs");
    list.split(',').map(|s| s.trim().rsplit("::").next().unwrap_or("").to_string()).filter(|s| !s.is_empty()).collect()
}

fn granted() -> BTreeSet<String> {
    let json: serde_json::Value = serde_json::from_str(&read(&root().join("capabilities/default.json"))).expect("capabilities/default.json is JSON");
    json["permissions"]
        .as_array()
        .expect("a permissions list")
        .iter()
        .filter_map(|p| p.as_str())
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect()
}

/// Every command name the UI passes to `invoke`, and the files that call it.
fn invoked() -> (BTreeSet<String>, BTreeSet<String>) {
    let src = root().join("../ui/src");
    let mut files = Vec::new();
    ui_sources(&src, &mut files);
    let (mut names, mut callers) = (BTreeSet::new(), BTreeSet::new());
    for f in files {
        let text = read(&f);
        let rel = f.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let mut rest = text.as_str();
        while let Some(at) = rest.find("invoke") {
            let after = &rest[at + "invoke".len()..];
            rest = after;
            // a call: `invoke(` or `invoke<T>(`, not `invoke }` in an import or a longer name
            let call = match after.chars().next() {
                Some('(') => &after[1..],
                Some('<') => match after.find(">(") {
                    Some(end) => &after[end + 2..],
                    None => continue,
                },
                _ => continue,
            };
            callers.insert(rel.clone());
            let call = call.trim_start();
            let name = call.strip_prefix('"').and_then(|c| c.split('"').next());
            names.insert(name.unwrap_or_else(|| panic!("ui/src/{rel}: invoke without a literal command name")).to_string());
        }
    }
    (names, callers)
}

#[test]
fn the_command_lists_agree_and_the_ui_calls_each_command_through_its_wrappers() {
    let declared = declared();
    assert!(declared.len() > 20, "build.rs lists the commands: {declared:?}");
    assert_eq!(handlers(), declared, "src/main.rs registers the commands build.rs declares");
    assert_eq!(granted(), declared, "capabilities/default.json grants exactly the declared commands (plugins aside)");
    let (names, callers) = invoked();
    let unknown: Vec<_> = names.difference(&declared).collect();
    assert!(unknown.is_empty(), "the UI invokes commands that are not declared: {unknown:?}");
    let unused: Vec<_> = declared.difference(&names).collect();
    assert!(unused.is_empty(), "commands no UI code calls (remove them, or call them): {unused:?}");
    let raw: Vec<_> = callers.iter().filter(|c| !WRAPPERS.contains(&c.as_str())).collect();
    assert!(raw.is_empty(), "raw invoke outside the typed wrappers ({WRAPPERS:?}): {raw:?}");
}
