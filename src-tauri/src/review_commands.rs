//! Commands for comparing variants, clinician review and the scenario walk-through, each a
//! few lines over the core (`carepath::compare`, `carepath::review`, `carepath::walkthrough`).
//! Comments and decisions come back as an `Edit` for the window to send through
//! `apply_edit`, so they are undone like any other edit; merging a reviewed copy applies its
//! one batch edit here and flushes it to disk at once.

use crate::commands::AppState;
use crate::Session;
use carepath::compare::{self, Diff, Side};
use carepath::edit::Edit;
use carepath::export::ExportOptions;
use carepath::model::{CommentId, Document, ElementRef, Lang, ReviewStatus, VariantId};
use carepath::review::{self, Marker, MergeReport, ReviewFilter, ReviewListing};
use carepath::summary::VariantSummary;
use carepath::walkthrough::{self, Walk, WalkOptions};
use carepath::{CoreError, ErrorCode, Result};
use std::path::PathBuf;
use tauri::State;

fn with_session<T>(state: &AppState, f: impl FnOnce(&mut Session) -> Result<T>) -> Result<T> {
    let mut guard = state
        .session
        .lock()
        .map_err(|_| CoreError::new(ErrorCode::Io, "the document state is poisoned"))?;
    match guard.as_mut() {
        Some(s) => f(s),
        None => Err(CoreError::new(
            ErrorCode::InvalidValue,
            "no document is open",
        )),
    }
}

fn document(state: &AppState) -> Result<Document> {
    with_session(state, |s| Ok(s.document().clone()))
}

fn side(doc: &Document, id: VariantId) -> Result<Side<'_>> {
    Side::of(doc, id).ok_or_else(|| {
        CoreError::new(
            ErrorCode::UnknownId,
            format!("there is no variant with id {id}"),
        )
    })
}

/// The pair compare mode opens with (current → desired as the report compares them, else
/// the variant shown and another).
#[tauri::command]
pub fn compare_pair(state: State<AppState>, shown: Option<VariantId>) -> Result<Option<compare::VariantPair>> {
    with_session(&state, |s| Ok(compare::default_pair(s.document(), shown)))
}

/// The differences from one variant of the open document to another.
#[tauri::command]
pub fn diff_variants(
    state: State<AppState>,
    source: VariantId,
    target: VariantId,
    lang: Lang,
) -> Result<Diff> {
    let doc = document(&state)?;
    Ok(compare::diff_variants(
        side(&doc, source)?,
        side(&doc, target)?,
        lang,
    ))
}

/// The differences from a variant in another .carepath file to a variant of the open document.
#[tauri::command]
pub fn diff_with_file(
    app: tauri::AppHandle,
    state: State<AppState>,
    path: PathBuf,
    source: VariantId,
    target: VariantId,
    lang: Lang,
) -> Result<Diff> {
    crate::files::check(&app, &path)?;
    let doc = document(&state)?;
    let other = carepath::store::read(&path)?;
    let from = side(&other, source).map_err(|e| e.context(path.display()))?;
    Ok(compare::diff_variants(from, side(&doc, target)?, lang))
}

/// The variants of another `.carepath` file (read only, never locked), to choose the one to
/// compare with.
#[tauri::command]
pub fn file_variants(app: tauri::AppHandle, path: PathBuf) -> Result<Vec<VariantSummary>> {
    crate::files::check(&app, &path)?;
    let other = carepath::store::read(&path)?;
    Ok(carepath::summary::summary(&other).variants)
}

/// Exports the diff picture from `source` to `options.variant` (SVG, PNG or PDF) to `path`.
#[tauri::command]
pub async fn export_compare(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    source: VariantId,
    options: ExportOptions,
    path: PathBuf,
) -> Result<()> {
    crate::files::check(&app, &path)?;
    let doc = document(&state)?;
    tauri::async_runtime::spawn_blocking(move || {
        let bytes = carepath::export::render_compare(
            side(&doc, source)?,
            side(&doc, options.variant)?,
            &options,
        )?;
        carepath::export::write_file(&path, &bytes)
    })
    .await
    .map_err(|e| CoreError::new(ErrorCode::Io, format!("the export stopped: {e}")))?
}

/// A new thread (`reply_to` absent) or a reply; returns the edit to apply.
#[tauri::command]
pub fn review_comment(
    state: State<AppState>,
    target: ElementRef,
    reply_to: Option<CommentId>,
    author: String,
    text: String,
) -> Result<Edit> {
    let doc = document(&state)?;
    match reply_to {
        Some(id) => review::reply(&doc, id, &author, &text),
        None => review::comment(&doc, target, &author, &text),
    }
}

/// The threads and decisions that pass `filter`, described in `lang`.
#[tauri::command]
pub fn review_list(state: State<AppState>, filter: ReviewFilter, lang: Lang) -> Result<ReviewListing> {
    with_session(&state, |s| Ok(review::list(s.document(), &filter, lang)))
}

/// What the canvas marks in review mode on `variant`'s picture.
#[tauri::command]
pub fn review_markers(state: State<AppState>, variant: VariantId) -> Result<Vec<Marker>> {
    with_session(&state, |s| Ok(review::markers(s.document(), variant)))
}

/// Resolves or reopens the thread of a comment; returns the edit to apply.
#[tauri::command]
pub fn review_resolve(state: State<AppState>, comment: CommentId, resolved: bool) -> Result<Edit> {
    review::resolve(&document(&state)?, comment, resolved)
}

/// Accepts a warning or note with a reason; returns the edit to apply.
#[tauri::command]
pub fn accept_finding(
    state: State<AppState>,
    finding: carepath::rules::Finding,
    author: String,
    reason: String,
) -> Result<Edit> {
    review::accept(&document(&state)?, &finding, &author, &reason)
}

/// Withdraws an acceptance; returns the edit to apply.
#[tauri::command]
pub fn withdraw_acceptance(state: State<AppState>, comment: CommentId) -> Result<Edit> {
    review::withdraw(&document(&state)?, comment)
}

/// The reviewer's decision on an element; returns the edit to apply.
#[tauri::command]
pub fn review_decide(
    state: State<AppState>,
    target: ElementRef,
    reviewer: String,
    status: ReviewStatus,
    note: String,
) -> Result<Edit> {
    review::decide(&document(&state)?, target, &reviewer, status, &note)
}

/// Writes a copy of the open document to a new file for reviewers.
#[tauri::command]
pub fn send_for_review(app: tauri::AppHandle, state: State<AppState>, path: PathBuf) -> Result<()> {
    crate::files::check(&app, &path)?;
    review::send_for_review(&document(&state)?, &path)
}

/// Brings the comments and decisions of a reviewed copy into the open document (one
/// undoable edit, flushed to disk) and reports what could not be placed.
#[tauri::command]
pub fn merge_review(
    app: tauri::AppHandle,
    state: State<AppState>,
    path: PathBuf,
) -> Result<MergeReport> {
    crate::files::check(&app, &path)?;
    with_session(&state, |s| {
        let (report, _) = review::merge_file(s, &path)?;
        s.sync()?;
        Ok(report)
    })
}

/// A walk through a variant.
#[tauri::command]
pub fn walk_variant(
    state: State<AppState>,
    variant: VariantId,
    options: WalkOptions,
) -> Result<Walk> {
    walkthrough::walk(&document(&state)?, variant, &options)
}

/// The reviewer's name from the app's settings ("" until it is set).
#[tauri::command]
pub fn review_author(app: tauri::AppHandle) -> String {
    crate::startup::author(&app)
}

/// Keeps the reviewer's name in the app's settings.
#[tauri::command]
pub fn set_review_author(app: tauri::AppHandle, name: String) {
    crate::startup::set_author(&app, &name);
}

/// The diff picture as SVG text, for the window's compare mode: from `source` (in the .carepath
/// file at `path`, or in the open document) to `options.variant` of the open document.
#[tauri::command]
pub async fn compare_picture(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    path: Option<PathBuf>,
    source: VariantId,
    options: ExportOptions,
) -> Result<String> {
    if let Some(p) = &path {
        crate::files::check(&app, p)?;
    }
    let doc = document(&state)?;
    tauri::async_runtime::spawn_blocking(move || {
        let other = match &path {
            Some(p) => Some(carepath::store::read(p)?),
            None => None,
        };
        let from = side(other.as_ref().unwrap_or(&doc), source).map_err(|e| match &path {
            Some(p) => e.context(p.display()),
            None => e,
        })?;
        let d = carepath::export::diagram::DiagramOptions {
            layout: options.layout,
            lang: options.lang,
            scale: options.scale,
            page: options.page,
        };
        carepath::export::diagram::compare::to_svg(from, side(&doc, options.variant)?, &d)
    })
    .await
    .map_err(|e| {
        CoreError::new(
            ErrorCode::Io,
            format!("drawing the comparison stopped: {e}"),
        )
    })?
}
