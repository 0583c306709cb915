//! `carepath review ...`: send a copy for review, merge the reviewed copy back, list threads
//! and decisions, comment, resolve and decide. The author is `--author`, else the environment
//! variable `CAREPATH_AUTHOR`. Exit codes: 0 done; 1 a merge left something out; 2 failed.

use super::Outcome;
use carepath::edit::Edit;
use carepath::model::*;
use carepath::review::{self, ReviewFilter};
use carepath::store::{self, Session};
use clap::{Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    Text,
    Json,
    Md,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusArg {
    Proposed,
    Accepted,
    NeedsChange,
    Rejected,
}

impl From<StatusArg> for ReviewStatus {
    fn from(s: StatusArg) -> Self {
        match s {
            StatusArg::Proposed => ReviewStatus::Pending,
            StatusArg::Accepted => ReviewStatus::Approved,
            StatusArg::NeedsChange => ReviewStatus::ChangesRequested,
            StatusArg::Rejected => ReviewStatus::Rejected,
        }
    }
}

/// Where a comment or decision goes.
#[derive(clap::Args, Debug)]
pub struct Anchor {
    /// The element: `document`, or KIND:NAME-OR-ID with KIND one of actor, phase, info-type,
    /// variant, step, transition (id only), need.
    #[arg(long = "on")]
    pub on: String,
    /// The variant of a step, transition or need, by name or id (default: the first).
    #[arg(long)]
    pub variant: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum ReviewCommand {
    /// Write a full copy of the document to a new file, to send to reviewers.
    Send {
        file: PathBuf,
        /// The copy to create (must not exist).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Bring the comments and decisions of a reviewed copy into the document (never its
    /// model), as one undoable edit; report what could not be placed.
    Merge {
        target: PathBuf,
        reviewed: PathBuf,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[arg(long, default_value = "nb")]
        lang: Lang,
    },
    /// List threads and decisions.
    List {
        file: PathBuf,
        /// Only open threads.
        #[arg(long)]
        open: bool,
        /// Only by this person.
        #[arg(long)]
        author: Option<String>,
        /// Only decisions with this status.
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
        /// Only about this variant (name or id).
        #[arg(long)]
        variant: Option<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[arg(long, default_value = "nb")]
        lang: Lang,
    },
    /// Comment on an element, or reply to a comment.
    Comment {
        file: PathBuf,
        #[command(flatten)]
        anchor: Option<Anchor>,
        /// Reply to this comment (id) instead of starting a thread.
        #[arg(long, conflicts_with = "on")]
        reply_to: Option<CommentId>,
        #[arg(long)]
        text: String,
        #[arg(long)]
        author: Option<String>,
    },
    /// Resolve the thread of a comment (or reopen it).
    Resolve {
        file: PathBuf,
        comment: CommentId,
        #[arg(long)]
        reopen: bool,
    },
    /// Accept a warning or note with a reason: `validate` and reports then list it as
    /// accepted, not as a problem. Errors cannot be accepted.
    Accept {
        file: PathBuf,
        /// The rule id, as `validate` prints it (e.g. handover-without-need).
        #[arg(long)]
        rule: String,
        /// The finding's first element.
        #[command(flatten)]
        anchor: Anchor,
        /// Why the finding is fine as it is.
        #[arg(long)]
        reason: String,
        #[arg(long)]
        author: Option<String>,
    },
    /// Withdraw an acceptance (by the comment id `accept` printed or `validate --format json`
    /// gives).
    Withdraw { file: PathBuf, comment: CommentId },
    /// Record your decision on an element.
    Decide {
        file: PathBuf,
        #[command(flatten)]
        anchor: Anchor,
        #[arg(long, value_enum)]
        status: StatusArg,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        author: Option<String>,
    },
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

/// `--author`, else `CAREPATH_AUTHOR`.
fn author(given: Option<String>) -> Result<String, String> {
    given
        .or_else(|| std::env::var("CAREPATH_AUTHOR").ok())
        .filter(|a| !a.trim().is_empty())
        .ok_or_else(|| "who is writing? give --author NAME or set CAREPATH_AUTHOR".to_string())
}

pub fn run(cmd: ReviewCommand) -> Outcome {
    match cmd {
        ReviewCommand::Send { file, output } => {
            let doc = store::read(&file).map_err(|e| e.message)?;
            review::send_for_review(&doc, &output).map_err(|e| e.message)?;
            eprintln!(
                "wrote {} for review (a copy of {})",
                shown(&output),
                shown(&file)
            );
            Ok(ExitCode::SUCCESS)
        }
        ReviewCommand::Merge {
            target,
            reviewed,
            format,
            lang,
        } => merge(&target, &reviewed, format, lang),
        ReviewCommand::List {
            file,
            open,
            author,
            status,
            variant,
            format,
            lang,
        } => {
            let doc = store::read(&file).map_err(|e| e.message)?;
            let variant = match variant {
                Some(v) => Some(
                    doc.variant_named(&v)
                        .ok_or_else(|| {
                            format!("{}: there is no variant named '{v}'", shown(&file))
                        })?
                        .id,
                ),
                None => None,
            };
            let filter = ReviewFilter {
                open_only: open,
                author,
                status: status.map(Into::into),
                variant,
                target: None,
            };
            let listing = review::list(&doc, &filter, lang);
            let text = match format {
                ListFormat::Json => {
                    serde_json::to_string_pretty(&listing).map_err(|e| e.to_string())? + "\n"
                }
                ListFormat::Md => {
                    let mut s = review::summary(&doc, lang);
                    s.open = listing.threads.into_iter().filter(|t| t.open).collect();
                    s.all_decisions = listing.decisions;
                    review::summary_markdown(&s, lang)
                }
                ListFormat::Text => listing_text(&listing, lang),
            };
            super::commands::write_out(None, text.as_bytes())
        }
        ReviewCommand::Comment {
            file,
            anchor,
            reply_to,
            text,
            author: who,
        } => {
            let who = author(who)?;
            edit(&file, |doc| match (reply_to, &anchor) {
                (Some(id), _) => review::reply(doc, id, &who, &text).map_err(|e| e.message),
                (None, Some(a)) => {
                    review::comment(doc, element(doc, a)?, &who, &text).map_err(|e| e.message)
                }
                (None, None) => Err(
                    "say what the comment is on (--on) or which comment it answers (--reply-to)"
                        .into(),
                ),
            })
        }
        ReviewCommand::Resolve {
            file,
            comment,
            reopen,
        } => edit(&file, |doc| {
            review::resolve(doc, comment, !reopen).map_err(|e| e.message)
        }),
        ReviewCommand::Accept {
            file,
            rule,
            anchor,
            reason,
            author: who,
        } => {
            let who = author(who)?;
            edit(&file, |doc| {
                let target = element(doc, &anchor)?;
                let findings = carepath::rules::validate(doc);
                let f = findings
                    .iter()
                    .find(|f| f.rule == rule && f.elements.first() == Some(&target))
                    .ok_or_else(|| {
                        format!(
                            "there is no '{rule}' finding on {} (run validate to see the findings)",
                            anchor.on
                        )
                    })?;
                review::accept(doc, f, &who, &reason).map_err(|e| e.message)
            })
        }
        ReviewCommand::Withdraw { file, comment } => edit(&file, |doc| {
            review::withdraw(doc, comment).map_err(|e| e.message)
        }),
        ReviewCommand::Decide {
            file,
            anchor,
            status,
            note,
            author: who,
        } => {
            let who = author(who)?;
            edit(&file, |doc| {
                review::decide(doc, element(doc, &anchor)?, &who, status.into(), &note)
                    .map_err(|e| e.message)
            })
        }
    }
}

/// Opens the file for writing, applies one edit, and says what it did.
fn edit(file: &Path, make: impl FnOnce(&Document) -> Result<Edit, String>) -> Outcome {
    let mut session = Session::open(file).map_err(|e| e.message)?;
    let e = make(session.document()).map_err(|m| format!("{}: {m}", shown(file)))?;
    let id = match &e {
        Edit::AddComment { comment } | Edit::UpdateComment { comment } => comment.id.to_string(),
        Edit::AddReview { review } | Edit::UpdateReview { review } => review.id.to_string(),
        _ => String::new(),
    };
    session
        .apply(e)
        .map_err(|e| format!("{}: {}", shown(file), e.message))?;
    println!("{id}");
    Ok(ExitCode::SUCCESS)
}

fn merge(target: &Path, reviewed: &Path, format: ListFormat, lang: Lang) -> Outcome {
    let mut session = Session::open(target).map_err(|e| e.message)?;
    let (report, copy) = review::merge_file(&mut session, reviewed).map_err(|e| e.message)?;
    session.sync().map_err(|e| e.message)?;
    drop(session);
    let text = match format {
        ListFormat::Json => {
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n"
        }
        _ => report.to_text(&copy, lang),
    };
    super::commands::write_out(None, text.as_bytes())?;
    eprintln!("merged {} into {}", shown(reviewed), shown(target));
    Ok(if report.not_placed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn listing_text(l: &review::ReviewListing, lang: Lang) -> String {
    let nb = lang == Lang::Nb;
    let mut out = String::new();
    for t in &l.threads {
        let state = match (t.open, nb) {
            (true, true) => "åpen",
            (true, false) => "open",
            (false, true) => "løst",
            (false, false) => "resolved",
        };
        out.push_str(&format!("[{state}] {} — {}\n", t.target_label, t.root.id));
        for c in std::iter::once(&t.root).chain(&t.replies) {
            let indent = if c.reply_to.is_some() {
                "    ↳ "
            } else {
                "  "
            };
            out.push_str(&format!(
                "{indent}{} ({}): {}\n",
                c.author,
                c.created.to_rfc3339(),
                c.text.replace('\n', " ")
            ));
        }
    }
    for d in &l.decisions {
        let r = &d.review;
        let note = if r.note.is_empty() {
            String::new()
        } else {
            format!(" — {}", r.note.replace('\n', " "))
        };
        out.push_str(&format!(
            "{}: {} ({}, {}){note}\n",
            d.target_label,
            r.status.label(lang),
            r.reviewer,
            r.time.to_rfc3339()
        ));
    }
    out
}

/// The element an `--on` names.
fn element(doc: &Document, a: &Anchor) -> Result<ElementRef, String> {
    let on = a.on.trim();
    if on.eq_ignore_ascii_case("document") {
        return Ok(ElementRef::Document);
    }
    let (kind, name) = on
        .split_once(':')
        .ok_or_else(|| format!("--on '{on}': expected document or KIND:NAME (e.g. step:Måle)"))?;
    let name = name.trim();
    let same = |x: &str, id: String| x.trim().to_lowercase() == name.to_lowercase() || id == name;
    let missing = || format!("there is no {kind} '{name}'");
    let variant = || match &a.variant {
        Some(v) => doc
            .variant_named(v)
            .ok_or_else(|| format!("there is no variant named '{v}'")),
        None => doc
            .variants
            .first()
            .ok_or_else(|| "the document has no variant".to_string()),
    };
    Ok(match kind.trim().to_ascii_lowercase().as_str() {
        "actor" => ElementRef::Actor { id: doc.actors.iter().find(|x| same(&x.name, x.id.to_string())).ok_or_else(missing)?.id },
        "phase" => ElementRef::Phase { id: doc.phases.iter().find(|x| same(&x.name, x.id.to_string())).ok_or_else(missing)?.id },
        "info-type" | "info_type" => ElementRef::InfoType { id: doc.info_types.iter().find(|x| same(&x.name, x.id.to_string())).ok_or_else(missing)?.id },
        "variant" => ElementRef::Variant { id: doc.variant_named(name).ok_or_else(missing)?.id },
        "step" => {
            let v = variant()?;
            let s = v.steps_sorted().into_iter().find(|x| same(&x.label, x.id.to_string())).ok_or_else(missing)?;
            ElementRef::Step { variant: v.id, id: s.id }
        }
        "transition" => {
            let v = variant()?;
            let t = v.transitions_sorted().into_iter().find(|x| x.id.to_string() == name).ok_or_else(missing)?;
            ElementRef::Transition { variant: v.id, id: t.id }
        }
        "need" => {
            let v = variant()?;
            let n = v.needs().find(|x| same(&x.title, x.id.to_string())).ok_or_else(missing)?;
            ElementRef::Need { variant: v.id, id: n.id }
        }
        other => return Err(format!("--on '{on}': unknown kind '{other}' (actor, phase, info-type, variant, step, transition, need or document)")),
    })
}
