//! The diff picture: the target variant drawn as usual, with what changed from the source
//! variant marked on it. Added elements get a green frame and a "+" badge, changed ones an
//! orange frame and a "~" badge, and removed ones come back as faded, dashed ghosts with a
//! "−" badge — colour and symbol together, so the picture reads in grey too. A legend
//! explains the marks above the usual legend.
//!
//! Ghosts are laid out together with the target: the removed steps (with the removed
//! transitions and needs between steps that are drawn) are put into a copy of the target
//! variant, so the layout places each in its lane × phase cell, where it was in the flow,
//! without overlapping anything.

use super::style::{esc, num, put};
use super::{legend, raster, svg, DiagramOptions};
use crate::compare::{diff_variants, ChangeKind, Diff, ElementKind, Side};
use crate::error::{CoreError, ErrorCode, Result};
use crate::layout::text::{self, Style, FONT_FAMILY};
use crate::layout::{layout_with, Layout, Point};
use crate::model::*;
use std::collections::{HashMap, HashSet};

const ADDED: &str = "#2e7d32";
const REMOVED: &str = "#c62828";
const CHANGED: &str = "#e65100";
const TITLE: Style = Style::new(20.0, true);
const SUBTITLE: Style = Style::new(13.0, false);

fn colour(c: ChangeKind) -> &'static str {
    match c {
        ChangeKind::Added => ADDED,
        ChangeKind::Removed => REMOVED,
        ChangeKind::Changed => CHANGED,
    }
}

/// The target variant with the source's removed steps, transitions and needs put back as
/// ghosts, in a copy of the target document (with any lane or column only the ghosts need).
fn with_ghosts(source: Side, target: Side, diff: &Diff) -> Result<(Document, HashSet<uuid::Uuid>)> {
    let mut doc = target.doc.clone();
    let mut data = target.variant.to_data();
    let mut ghosts = HashSet::new();
    let removed = |kind: ElementKind| diff.entries.iter().filter(move |e| e.kind == kind && e.change == ChangeKind::Removed);
    for e in removed(ElementKind::Step) {
        let ElementRef::Step { id, .. } = e.element else { continue };
        let Some(s) = source.variant.step(id) else { continue };
        let mut s = s.clone();
        s.position = None;
        if let Some(a) = s.actor.filter(|a| doc.actor(*a).is_none()) {
            match source.doc.actor(a) {
                Some(actor) => doc.actors.push(Actor { order: doc.actors.len() as u32, ..actor.clone() }),
                None => s.actor = None,
            }
        }
        if let Some(p) = s.phase.filter(|p| doc.phase(*p).is_none()) {
            match source.doc.phase(p) {
                Some(phase) => doc.phases.push(Phase { order: doc.phases.len() as u32, ..phase.clone() }),
                None => s.phase = None,
            }
        }
        ghosts.insert(s.id.0);
        data.steps.push(s);
    }
    let drawn: HashSet<StepId> = data.steps.iter().map(|s| s.id).collect();
    for e in removed(ElementKind::Transition) {
        let ElementRef::Transition { id, .. } = e.element else { continue };
        if let Some(t) = source.variant.transition(id).filter(|t| drawn.contains(&t.from) && drawn.contains(&t.to)) {
            ghosts.insert(t.id.0);
            data.transitions.push(t.clone());
        }
    }
    for e in removed(ElementKind::Need) {
        let ElementRef::Need { id, .. } = e.element else { continue };
        let Some(n) = source.variant.need(id) else { continue };
        let mut n = n.clone();
        n.steps.retain(|s| drawn.contains(s));
        n.info_types.retain(|t| doc.info_type(*t).is_some());
        n.parties.retain(|p| doc.actor(p.actor).is_some());
        ghosts.insert(n.id.0);
        data.needs.push(n);
    }
    data.steps.sort_by_key(|s| s.id);
    data.transitions.sort_by_key(|t| t.id);
    data.needs.sort_by_key(|n| n.id);
    let merged = Variant::try_from(data).map_err(|e| CoreError::new(ErrorCode::InvalidValue, format!("the diff picture could not be made: {e}")))?;
    let i = doc.variants.iter().position(|v| v.id == target.variant.id).expect("the target is in its document");
    doc.variants[i] = merged;
    Ok((doc, ghosts))
}

fn change_of(diff: &Diff) -> HashMap<uuid::Uuid, ChangeKind> {
    let id = |e: &ElementRef| match *e {
        ElementRef::Step { id, .. } => Some(id.0),
        ElementRef::Transition { id, .. } => Some(id.0),
        ElementRef::Need { id, .. } => Some(id.0),
        ElementRef::Actor { id } => Some(id.0),
        ElementRef::Phase { id } => Some(id.0),
        _ => None,
    };
    diff.entries.iter().filter_map(|e| id(&e.element).map(|i| (i, e.change))).collect()
}

/// A round badge with a symbol, centred at (x, y), naming its element in `data-id` (the
/// app's compare mode finds the element's marks by it).
fn badge(out: &mut String, id: Option<uuid::Uuid>, c: ChangeKind, x: f64, y: f64) {
    badge_sized(out, id, c, x, y, 9.0);
}

/// A badge of radius `r` (needs get smaller ones: in a desired pathway most of them change).
fn badge_sized(out: &mut String, id: Option<uuid::Uuid>, c: ChangeKind, x: f64, y: f64, r: f64) {
    put(out, format_args!(
        "<g{}><circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.5\"/><text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"bold\" fill=\"#ffffff\" text-anchor=\"middle\">{}</text></g>\n",
        id.map(|id| format!(" data-id=\"{id}\"")).unwrap_or_default(),
        num(x), num(y), num(r), colour(c), num(x), num(y + 0.55 * r), num(1.5 * r), c.symbol()
    ));
}

fn path_d(pts: &[Point]) -> String {
    let mut d = String::new();
    for (i, p) in pts.iter().enumerate() {
        put(&mut d, format_args!("{}{} {}", if i == 0 { "M" } else { " L" }, num(p.x), num(p.y)));
    }
    d
}

/// The point halfway along a polyline.
fn middle(pts: &[Point]) -> Option<Point> {
    let seg = |a: &Point, b: &Point| ((b.x - a.x).powi(2) + (b.y - a.y).powi(2)).sqrt();
    let total: f64 = pts.windows(2).map(|w| seg(&w[0], &w[1])).sum();
    let mut left = total / 2.0;
    for w in pts.windows(2) {
        let l = seg(&w[0], &w[1]);
        if l >= left && l > 0.0 {
            let f = left / l;
            return Some(Point { x: w[0].x + f * (w[1].x - w[0].x), y: w[0].y + f * (w[1].y - w[0].y) });
        }
        left -= l;
    }
    pts.first().copied()
}

/// The marks drawn over the body: frames, ghost layer and badges.
fn marks(out: &mut String, l: &Layout, change: &HashMap<uuid::Uuid, ChangeKind>) {
    let of = |id: uuid::Uuid| change.get(&id).copied();
    // ghosts: removed elements, faded and dashed
    out.push_str("<g class=\"removed\" opacity=\"0.5\">\n");
    for n in l.needs.iter().filter(|n| of(n.id.0) == Some(ChangeKind::Removed)) {
        for p in n.paths.iter().filter(|p| p.len() >= 2) {
            put(out, format_args!("<path data-id=\"{}\" d=\"{}\" fill=\"none\" stroke=\"{REMOVED}\" stroke-width=\"1.6\" stroke-dasharray=\"3 4\"/>\n", n.id.0, path_d(p)));
        }
    }
    for e in l.edges.iter().filter(|e| of(e.id.0) == Some(ChangeKind::Removed)) {
        put(out, format_args!("<path data-id=\"{}\" d=\"{}\" fill=\"none\" stroke=\"{REMOVED}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" marker-end=\"url(#arrow-removed)\"/>\n", e.id.0, path_d(&e.points)));
        if let Some(t) = &e.label {
            svg::text_block(out, t, REMOVED);
        }
    }
    for b in l.steps.iter().filter(|b| of(b.id.0) == Some(ChangeKind::Removed)) {
        svg::step(out, b);
        put(out, format_args!(
            "<rect data-id=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"10\" fill=\"none\" stroke=\"{REMOVED}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n",
            b.id.0, num(b.x - 4.0), num(b.y - 4.0), num(b.w + 8.0), num(b.h + 8.0)
        ));
    }
    out.push_str("</g>\n<g class=\"changes\">\n");
    for e in &l.edges {
        let Some(c) = of(e.id.0) else { continue };
        if c != ChangeKind::Removed {
            put(out, format_args!("<path data-id=\"{}\" d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"5\" stroke-opacity=\"0.35\"/>\n", e.id.0, path_d(&e.points), colour(c)));
        }
        if let Some(m) = middle(&e.points) {
            badge(out, Some(e.id.0), c, m.x, m.y);
        }
    }
    for b in &l.steps {
        let Some(c) = of(b.id.0) else { continue };
        if c != ChangeKind::Removed {
            put(out, format_args!(
                "<rect data-id=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"10\" fill=\"none\" stroke=\"{}\" stroke-width=\"3\"/>\n",
                b.id.0, num(b.x - 4.0), num(b.y - 4.0), num(b.w + 8.0), num(b.h + 8.0), colour(c)
            ));
        }
        badge(out, Some(b.id.0), c, b.x + b.w + 2.0, b.y - 2.0);
    }
    for n in &l.needs {
        let Some(c) = of(n.id.0) else { continue };
        match &n.badge {
            Some(t) => badge_sized(out, Some(n.id.0), c, t.x + t.w, t.y, 6.5),
            None => {
                if let Some(m) = n.paths.first().and_then(|p| middle(p)) {
                    badge_sized(out, Some(n.id.0), c, m.x, m.y, 6.5);
                }
            }
        }
    }
    for lane in &l.lanes {
        if let Some((a, c)) = lane.actor.and_then(|a| of(a.0).map(|c| (a, c))) {
            badge(out, Some(a.0), c, lane.header.x + 10.0, lane.header.y + 4.0);
        }
    }
    for col in &l.columns {
        if let Some((p, c)) = col.phase.and_then(|p| of(p.0).map(|c| (p, c))) {
            badge(out, Some(p.0), c, col.header.x + 10.0, col.header.y + 4.0);
        }
    }
    out.push_str("</g>\n");
}

/// The key to the marks; returns its height.
fn key(out: &mut String, diff: &Diff, x: f64, y: f64) -> f64 {
    let lang = diff.lang;
    let head = match lang {
        Lang::Nb => format!("Endringer fra «{}»", diff.source.variant_name),
        Lang::En => format!("Changes from “{}”", diff.source.variant_name),
    };
    put(out, format_args!("<g class=\"change-key\">\n<text x=\"{}\" y=\"{}\" font-size=\"12\" font-weight=\"bold\" fill=\"#102030\">{}</text>\n", num(x), num(y + 12.0), esc(&head)));
    let mut cx = x;
    let cy = y + 34.0;
    for c in ChangeKind::ALL {
        let name = match (c, lang) {
            (ChangeKind::Removed, Lang::Nb) => "Fjernet (vist som skygge)".to_string(),
            (ChangeKind::Removed, Lang::En) => "Removed (shown as a ghost)".to_string(),
            _ => c.label(lang).to_string(),
        };
        let dash = if c == ChangeKind::Removed { " stroke-dasharray=\"6 4\"" } else { "" };
        put(out, format_args!("<rect x=\"{}\" y=\"{}\" width=\"36\" height=\"20\" rx=\"5\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"2.5\"{dash}/>\n", num(cx + 4.0), num(cy - 10.0), colour(c)));
        badge(out, None, c, cx + 40.0, cy - 10.0);
        put(out, format_args!("<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#102030\">{}</text>\n", num(cx + 56.0), num(cy + 4.0), esc(&name)));
        cx += 56.0 + text::width(&name, Style::new(11.0, false)).ceil() + 28.0;
    }
    out.push_str("</g>\n");
    48.0
}

fn counts_line(diff: &Diff) -> String {
    let lang = diff.lang;
    let n = |c: ChangeKind| diff.entries.iter().filter(|e| e.change == c).count();
    ChangeKind::ALL.iter().map(|&c| format!("{} {} {}", c.symbol(), n(c), c.label(lang).to_lowercase())).collect::<Vec<_>>().join(" · ")
}

/// The diff picture as SVG text.
pub fn to_svg(source: Side, target: Side, opts: &DiagramOptions) -> Result<String> {
    let diff = diff_variants(source, target, opts.lang);
    let (doc, ghosts) = with_ghosts(source, target, &diff)?;
    let l = layout_with(&doc, target.variant.id, &opts.layout)?;
    let variant = doc.variant(target.variant.id).expect("merged variant");
    let change = change_of(&diff);
    let live = Layout {
        steps: l.steps.iter().filter(|s| !ghosts.contains(&s.id.0)).cloned().collect(),
        edges: l.edges.iter().filter(|e| !ghosts.contains(&e.id.0)).cloned().collect(),
        needs: l.needs.iter().filter(|n| !ghosts.contains(&n.id.0)).cloned().collect(),
        ..l.clone()
    };
    let m = svg::MARGIN;
    let title = match opts.lang {
        Lang::Nb => format!("Endringer fra «{}» til «{}»", diff.source.variant_name, diff.target.variant_name),
        Lang::En => format!("Changes from “{}” to “{}”", diff.source.variant_name, diff.target.variant_name),
    };
    let sub = if diff.source.title == diff.target.title {
        format!("{} — {}", doc.metadata.title, counts_line(&diff))
    } else {
        format!("{} → {} — {}", diff.source.title, diff.target.title, counts_line(&diff))
    };
    let head_h = TITLE.line_height() + SUBTITLE.line_height() + 8.0;
    let body_y = m + head_h + 8.0;
    let inner_w = l.width.max(text::width(&title, TITLE)).max(text::width(&sub, SUBTITLE));
    let mut tail = String::new();
    let key_y = body_y + l.height + 16.0;
    let key_h = key(&mut tail, &diff, m, key_y);
    let legend_h = legend::legend(&mut tail, &live, opts.lang, m, key_y + key_h + 8.0, inner_w);
    let width = (inner_w + 2.0 * m).ceil();
    let height = (key_y + key_h + 8.0 + legend_h + m).ceil();
    let mut out = String::with_capacity(8192 + l.steps.len() * 800);
    put(&mut out, format_args!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\">\n",
        w = num(width),
        h = num(height)
    ));
    put(&mut out, format_args!("<title>{}</title>\n", esc(&format!("{} – {title}", doc.metadata.title))));
    svg::defs(&mut out);
    put(&mut out, format_args!(
        "<defs><marker id=\"arrow-removed\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\" markerUnits=\"userSpaceOnUse\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"{REMOVED}\"/></marker></defs>\n"
    ));
    put(&mut out, format_args!("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", num(width), num(height)));
    put(&mut out, format_args!("<text x=\"{}\" y=\"{}\" font-size=\"20\" font-weight=\"bold\" fill=\"#102030\">{}</text>\n", num(m), num(m + 0.97 * TITLE.size), esc(&title)));
    put(&mut out, format_args!("<text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"#37474f\">{}</text>\n", num(m), num(m + TITLE.line_height() + 0.97 * SUBTITLE.size), esc(&sub)));
    put(&mut out, format_args!("<g class=\"diagram\" transform=\"translate({} {})\">\n", num(m), num(body_y)));
    svg::body(&mut out, &doc, variant, &live);
    marks(&mut out, &l, &change);
    out.push_str("</g>\n");
    out.push_str(&tail);
    out.push_str("</svg>\n");
    Ok(out)
}

/// The diff picture as PNG bytes at `opts.scale`.
pub fn to_png(source: Side, target: Side, opts: &DiagramOptions) -> Result<Vec<u8>> {
    raster::png(&to_svg(source, target, opts)?, opts.scale)
}

/// The diff picture as a one-page vector PDF.
pub fn to_pdf(source: Side, target: Side, opts: &DiagramOptions) -> Result<Vec<u8>> {
    super::pdf::assemble(&[to_svg(source, target, opts)?])
}
