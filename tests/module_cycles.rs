//! The core's modules depend on each other in one direction (docs/architecture.md): this test
//! reads every `crate::MODULE` a module's code names (test code left out) and fails when the
//! modules form a cycle other than those listed as still to break (none now).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Cycles known and listed in docs/architecture.md under "Cycles still to break".
const KNOWN: &[&[&str]] = &[];

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let p = entry.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") && !p.file_name().is_some_and(|n| n == "tests.rs") {
            out.push(p);
        }
    }
}

/// The module a file belongs to: `src/NAME.rs` or `src/NAME/…`; `None` for the crate root,
/// the CLI and the binary.
fn module_of(rel: &Path) -> Option<String> {
    let first = rel.components().next()?.as_os_str().to_string_lossy().to_string();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (!["lib", "main", "cli"].contains(&name.as_str())).then_some(name)
}

/// The modules named as `crate::NAME` in the code before any `#[cfg(test)]`, comments left out.
fn named(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = BTreeSet::new();
    for line in code.lines().map(str::trim_start).filter(|l| !l.starts_with("//")) {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            // `crate::{a::X, b}` names several
            let group = rest.strip_prefix('{').map(|g| g.split('}').next().unwrap_or(g));
            for item in group.map_or(vec![rest], |g| g.split(',').collect()) {
                let name: String = item.trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        }
    }
    out
}

/// The files of modules declared under `#[cfg(test)]` (`#[cfg(test)] mod testkit;`).
fn test_only(all: &[PathBuf]) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    for f in all {
        let text = std::fs::read_to_string(f).unwrap();
        let dir = if f.file_name().is_some_and(|n| n == "mod.rs" || n == "lib.rs") { f.parent().unwrap().to_path_buf() } else { f.with_extension("") };
        let mut lines = text.lines().map(str::trim);
        while let Some(l) = lines.next() {
            if l == "#[cfg(test)]" {
                let next = lines.next().unwrap_or("");
                if let Some(name) = next.strip_prefix("mod ").or_else(|| next.strip_prefix("pub mod ")).and_then(|n| n.strip_suffix(';')) {
                    out.insert(dir.join(format!("{name}.rs")));
                    out.insert(dir.join(name).join("mod.rs"));
                }
            }
        }
    }
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut all = Vec::new();
    files(&src(), &mut all);
    let tests = test_only(&all);
    all.retain(|f| !tests.contains(f));
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in all {
        let rel = f.strip_prefix(src()).unwrap().to_path_buf();
        let Some(m) = module_of(&rel) else { continue };
        let text = std::fs::read_to_string(&f).unwrap();
        let deps = g.entry(m.clone()).or_default();
        deps.extend(named(&text).into_iter().filter(|d| *d != m));
    }
    // only edges between modules of the crate (not `crate::Result` and the like)
    let modules: BTreeSet<String> = g.keys().cloned().collect();
    for deps in g.values_mut() {
        deps.retain(|d| modules.contains(d));
    }
    g
}

/// The strongly connected groups of more than one module (Tarjan).
fn cycles(g: &BTreeMap<String, BTreeSet<String>>) -> Vec<BTreeSet<String>> {
    struct T<'a> {
        g: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        out: Vec<BTreeSet<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a str) {
        let i = t.index.len();
        t.index.insert(v, i);
        t.low.insert(v, i);
        t.stack.push(v);
        t.on.insert(v);
        for w in &t.g[v] {
            if !t.index.contains_key(w.as_str()) {
                visit(t, w);
                let lw = t.low[w.as_str()];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if t.on.contains(w.as_str()) {
                let iw = t.index[w.as_str()];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if t.low[v] == t.index[v] {
            let mut group = BTreeSet::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                group.insert(w.to_string());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                t.out.push(group);
            }
        }
    }
    let mut t = T { g, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), on: BTreeSet::new(), out: Vec::new() };
    for v in g.keys() {
        if !t.index.contains_key(v.as_str()) {
            visit(&mut t, v);
        }
    }
    t.out
}

#[test]
fn the_core_s_modules_form_no_cycle() {
    let g = graph();
    assert!(g.len() > 15 && g["store"].contains("edit") && g["import"].contains("format"), "{g:?}");
    assert!(!g["import"].contains("export"), "import reads what it shares with export from `format`");
    assert!(!g["report"].contains("export"), "reports draw through `diagram` and write through `tempfiles`");
    let known: Vec<BTreeSet<String>> = KNOWN.iter().map(|c| c.iter().map(|s| s.to_string()).collect()).collect();
    let found = cycles(&g);
    let new: Vec<_> = found.iter().filter(|c| !known.contains(c)).collect();
    assert!(new.is_empty(), "module cycles (break them, or list them in docs/architecture.md and KNOWN): {new:?}\n{g:#?}");
}

#[test]
fn a_cycle_is_found_and_test_code_and_comments_do_not_count() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, b) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        g.entry(a.into()).or_default().insert(b.into());
        g.entry(b.into()).or_default();
    }
    assert_eq!(cycles(&g), vec![["a", "b", "c"].iter().map(|s| s.to_string()).collect::<BTreeSet<_>>()]);
    let text = "use crate::model::Step;\nuse crate::{layout::Layout, rules};\n// crate::store is only mentioned\nfn f() { crate::edit::apply(); }\n#[cfg(test)]\nmod tests { use crate::export; }";
    assert_eq!(named(text), ["edit", "layout", "model", "rules"].iter().map(|s| s.to_string()).collect());
}
