//! `carepath git ...`: `.carepath` files in git. `setup` tells the current repository to diff
//! and merge them with Carepath; `diff-driver` and `textconv` are what `git diff` and
//! `git log -p` then call, `merge-driver` what `git merge` calls (a three-way merge element by
//! element and field by field, conflicts recorded as review comments; exit 1 on a conflict,
//! as git expects of a merge driver).

use super::Outcome;
use carepath::compare::{self, Side};
use carepath::merge::{self, MergeOptions};
use carepath::model::*;
use carepath::store::{self, Session};
use clap::Subcommand;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The line `setup` adds to `.gitattributes`.
pub const ATTRIBUTES: &str = "*.carepath diff=carepath merge=carepath";

#[derive(Subcommand, Debug)]
pub enum GitCommand {
    /// Set up the git repository of the current directory: add the `.gitattributes` line and
    /// the `git config` entries that make `git diff` and `git merge` use Carepath.
    Setup {
        /// Language of the change lists and conflict comments (nb or en).
        #[arg(long, default_value = "nb")]
        lang: Lang,
    },
    /// git's external diff command: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE.
    /// Prints Carepath's change list.
    DiffDriver {
        #[arg(long, default_value = "nb")]
        lang: Lang,
        #[arg(num_args = 1.., required = true)]
        args: Vec<PathBuf>,
    },
    /// git's textconv: the document as canonical JSON, for `git log -p` and `git show`.
    Textconv { file: PathBuf },
    /// git's merge driver: BASE OURS THEIRS [PATH]. Writes the merge into OURS; exit code 0:
    /// merged; 1: merged with conflicts (recorded as comments); 2: not merged (OURS untouched).
    MergeDriver {
        #[arg(long, default_value = "nb")]
        lang: Lang,
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        /// The file's path in the repository, for messages.
        path: Option<String>,
    },
}

pub fn run(command: GitCommand) -> Outcome {
    match command {
        GitCommand::Setup { lang } => setup(lang),
        GitCommand::DiffDriver { lang, args } => diff_driver(&args, lang),
        GitCommand::Textconv { file } => {
            let doc = store::read(&file).map_err(|e| e.message)?;
            super::commands::write_out(None, carepath::export::json::to_json(&doc).as_bytes())
        }
        GitCommand::MergeDriver { lang, base, ours, theirs, path } => merge_driver(&base, &ours, &theirs, path.as_deref(), lang),
    }
}

/// Runs git and returns its trimmed standard output, or None when it fails.
fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string()).filter(|s| !s.is_empty())
}

/// How git should call this program: the app's binary needs `--cli`; a path with spaces is quoted.
fn this_program() -> Result<String, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot tell where this program is: {e}"))?;
    let shown = exe.to_string_lossy().to_string();
    let quoted = if shown.contains(|c: char| c.is_whitespace() || c == '\'') { format!("'{}'", shown.replace('\'', "'\\''")) } else { shown };
    let is_app = exe.file_stem().is_some_and(|s| s.to_string_lossy().starts_with("carepath-desktop"));
    Ok(if is_app { format!("{quoted} --cli") } else { quoted })
}

fn setup(lang: Lang) -> Outcome {
    let top = git(&["rev-parse", "--show-toplevel"]).ok_or("not in a git repository (git rev-parse --show-toplevel failed); run this inside one")?;
    let attributes = Path::new(&top).join(".gitattributes");
    let existing = match std::fs::read_to_string(&attributes) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", attributes.display())),
    };
    if !existing.lines().any(|l| l.trim() == ATTRIBUTES) {
        let sep = if existing.is_empty() || existing.ends_with('\n') { "" } else { "\n" };
        std::fs::write(&attributes, format!("{existing}{sep}{ATTRIBUTES}\n")).map_err(|e| format!("{}: {e}", attributes.display()))?;
        println!("{}: added '{ATTRIBUTES}'", attributes.display());
    }
    let me = this_program()?;
    let lang = lang.code();
    let entries = [
        ("diff.carepath.command", format!("{me} git diff-driver --lang {lang}")),
        ("diff.carepath.textconv", format!("{me} git textconv")),
        ("merge.carepath.name", "Carepath document merge".to_string()),
        ("merge.carepath.driver", format!("{me} git merge-driver --lang {lang} %O %A %B %P")),
    ];
    for (key, value) in entries {
        let ok = Command::new("git").args(["config", key, &value]).status().map_err(|e| format!("git config: {e}"))?;
        if !ok.success() {
            return Err(format!("git config {key} failed"));
        }
        println!("git config {key} \"{value}\"");
    }
    Ok(ExitCode::SUCCESS)
}

/// A side of a diff or merge: a document, or none for /dev/null or an empty file (the file
/// did not exist on that side).
fn read_side(path: &Path) -> Result<Option<Document>, String> {
    if path == Path::new("/dev/null") || std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
        return Ok(None);
    }
    store::read(path).map(Some).map_err(|e| e.message)
}

fn diff_driver(args: &[PathBuf], lang: Lang) -> Outcome {
    let [path, old, _, _, new, ..] = args else {
        return Err("git diff-driver: expected PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE (as git calls it)".into());
    };
    let (a, b) = (read_side(old)?, read_side(new)?);
    let text = documents_diff(&path.to_string_lossy(), a.as_ref(), b.as_ref(), lang);
    super::commands::write_out(None, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The change list from one version of a document to the next: the title, then per variant
/// (matched by id) what `carepath diff` prints, then the comments and review decisions.
pub fn documents_diff(path: &str, old: Option<&Document>, new: Option<&Document>, lang: Lang) -> String {
    let en = lang == Lang::En;
    let mut out = format!("carepath diff {path}\n");
    let (old, new) = match (old, new) {
        (None, None) => return out,
        (None, Some(d)) => {
            let _ = writeln!(out, "{} '{}'", if en { "new document" } else { "nytt dokument" }, d.metadata.title);
            let empty = Document::bare(d.id, d.metadata.clone());
            return out + &variants_diff(&empty, d, lang);
        }
        (Some(d), None) => {
            let _ = writeln!(out, "{} '{}'", if en { "document deleted" } else { "dokumentet er slettet" }, d.metadata.title);
            return out;
        }
        (Some(a), Some(b)) => (a, b),
    };
    if old.metadata.title != new.metadata.title {
        let _ = writeln!(out, "{}: '{}' → '{}'", if en { "title" } else { "tittel" }, old.metadata.title, new.metadata.title);
    }
    out += &variants_diff(old, new, lang);
    if old.comments != new.comments || old.reviews != new.reviews {
        let (ca, cb, ra, rb) = (old.comments.len(), new.comments.len(), old.reviews.len(), new.reviews.len());
        let _ = writeln!(out, "{}: {ca} → {cb}; {}: {ra} → {rb}", if en { "comments" } else { "kommentarer" }, if en { "review decisions" } else { "vurderinger" });
    }
    out
}

fn variants_diff(old: &Document, new: &Document, lang: Lang) -> String {
    let en = lang == Lang::En;
    let mut out = String::new();
    for v in &old.variants {
        if new.variant(v.id).is_none() {
            let _ = writeln!(out, "\n{} '{}'", if en { "variant removed:" } else { "variant fjernet:" }, v.name);
        }
    }
    for v in &new.variants {
        match old.variant(v.id) {
            None => {
                let _ = writeln!(out, "\n{} '{}' ({} {})", if en { "variant added:" } else { "variant lagt til:" }, v.name, v.step_count(), if en { "steps" } else { "steg" });
            }
            Some(ov) => {
                let d = compare::diff_variants(Side { doc: old, variant: ov }, Side { doc: new, variant: v }, lang);
                if !d.is_empty() {
                    out.push('\n');
                    out += &compare::text(&d);
                }
            }
        }
    }
    out
}

/// "main (Kari Nordmann)": the branch or commit and who last changed the file there.
fn side_name(rev: &str, name: Option<String>, path: Option<&str>, fallback: &str) -> String {
    let Some(commit) = git(&["rev-parse", "-q", "--verify", rev]) else { return fallback.to_string() };
    let name = name
        .or_else(|| git(&["rev-parse", "--abbrev-ref", rev]).filter(|n| n != "HEAD"))
        .or_else(|| git(&["name-rev", "--name-only", "--no-undefined", &commit]))
        .unwrap_or_else(|| commit.chars().take(8).collect());
    let mut log = vec!["log", "-1", "--format=%an", &commit];
    if let Some(p) = path {
        log.extend(["--", p]);
    }
    match git(&log) {
        Some(author) => format!("{name} ({author})"),
        None => name,
    }
}

/// The commit being merged in and its name: `git merge` names it in `GITHEAD_<commit>` while
/// the drivers run; a rebase or cherry-pick has it in REBASE_HEAD or CHERRY_PICK_HEAD.
fn their_side() -> (String, Option<String>) {
    if let Some((commit, name)) = std::env::vars().find_map(|(k, v)| k.strip_prefix("GITHEAD_").map(|c| (c.to_string(), v))) {
        return (commit, Some(name));
    }
    let head = ["MERGE_HEAD", "REBASE_HEAD", "CHERRY_PICK_HEAD"].into_iter().find(|h| git(&["rev-parse", "-q", "--verify", h]).is_some());
    (head.unwrap_or("MERGE_HEAD").to_string(), None)
}

fn merge_driver(base: &Path, ours: &Path, theirs: &Path, path: Option<&str>, lang: Lang) -> Outcome {
    let shown = path.unwrap_or("document");
    let context = |e: String| format!("{shown}: not merged, left as ours: {e}");
    // the other sides first, so a side that cannot be read leaves ours as it was
    let t = read_side(theirs).map_err(context)?.ok_or_else(|| context("their side is empty".into()))?;
    let b = read_side(base).map_err(context)?;
    let mut session = Session::open(ours).map_err(|e| context(e.message))?;
    let o = session.document();
    // no common ancestor (added on both branches): everything both have differs
    let b = b.unwrap_or_else(|| Document::bare(o.id, o.metadata.clone()));
    let (their_rev, their_name) = their_side();
    let options = MergeOptions {
        ours: side_name("HEAD", None, path, if lang == Lang::En { "ours" } else { "vår side" }),
        theirs: side_name(&their_rev, their_name, path, if lang == Lang::En { "theirs" } else { "deres side" }),
        lang,
    };
    let merge::Merge { edit, conflicts } = merge::merge(&b, o, &t, &options);
    if let Some(edit) = edit {
        session.apply(edit).map_err(|e| context(e.message))?;
        session.sync().map_err(|e| context(e.message))?;
    }
    for c in &conflicts {
        eprintln!("{shown}: {}", c.text);
    }
    Ok(if conflicts.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
