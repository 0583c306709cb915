//! The diagram as SVG text: a title block with the document's metadata, the lanes and phase
//! headers, the need layer, the transitions and the steps, all drawn from one [`Layout`], and
//! a legend. A pure function of the document: the same input gives the same bytes. All user
//! text is escaped; text uses the embedded font's family name, so the PNG and PDF renderers,
//! which load only that font, draw exactly what the layout measured.

use super::legend;
use super::style::{esc, form_key, form_style, num, put, signal_style, transition_style};
use crate::layout::text::{self, Style, FONT_FAMILY};
use crate::layout::{Layout, Orientation, TextBlock};
use crate::model::*;

/// Room around the whole drawing.
pub const MARGIN: f64 = 20.0;
const TITLE: Style = Style::new(20.0, true);
const SUBTITLE: Style = Style::new(13.0, false);
const META: Style = Style::new(11.0, false);
const META_HEAD: Style = Style::new(11.0, true);

/// Writes lines of a text block centred in it.
pub fn text_block(out: &mut String, t: &TextBlock, fill: &str) {
    if t.lines.is_empty() {
        return;
    }
    let lh = t.size * text::LINE_HEIGHT;
    let weight = if t.bold { " font-weight=\"bold\"" } else { "" };
    put(out, format_args!("<text font-size=\"{}\"{weight} fill=\"{fill}\" text-anchor=\"middle\">", num(t.size)));
    let cx = num(t.x + t.w / 2.0);
    for (i, line) in t.lines.iter().enumerate() {
        let y = t.y + i as f64 * lh + 0.97 * t.size;
        put(out, format_args!("<tspan x=\"{cx}\" y=\"{}\">{}</tspan>", num(y), esc(line)));
    }
    out.push_str("</text>\n");
}

fn points(pts: &[crate::layout::Point]) -> String {
    let mut d = String::with_capacity(pts.len() * 16);
    for (i, p) in pts.iter().enumerate() {
        put(&mut d, format_args!("{}{} {}", if i == 0 { "M" } else { " L" }, num(p.x), num(p.y)));
    }
    d
}

/// The marker definitions every body needs.
pub fn defs(out: &mut String) {
    out.push_str("<defs>\n");
    for kind in TransitionKind::ALL {
        let (colour, _) = transition_style(*kind);
        put(out, format_args!(
            "<marker id=\"arrow-{}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\" markerUnits=\"userSpaceOnUse\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"{colour}\"/></marker>\n",
            kind_key(*kind)
        ));
    }
    for signal in Signal::ALL {
        if let Some((colour, _)) = signal_style(*signal) {
            put(out, format_args!(
                "<marker id=\"arrow-signal-{}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\" markerUnits=\"userSpaceOnUse\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"{colour}\"/></marker>\n",
                signal_key(*signal)
            ));
        }
    }
    for form in InteractionForm::ALL {
        let (colour, _) = form_style(*form);
        put(out, format_args!(
            "<marker id=\"need-{}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\" markerUnits=\"userSpaceOnUse\"><path d=\"M0 1 L9 5 L0 9\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.6\"/></marker>\n",
            form_key(*form)
        ));
    }
    out.push_str("</defs>\n");
}

fn kind_key(kind: TransitionKind) -> &'static str {
    match kind {
        TransitionKind::Normal => "normal",
        TransitionKind::Loop => "loop",
        TransitionKind::Exception => "exception",
    }
}

/// Lanes, headers, needs, transitions and steps, in diagram units from (0, 0).
pub fn body(out: &mut String, doc: &Document, variant: &Variant, l: &Layout) {
    shapes(out, doc, variant, l);
    labels(out, l, &|_| true);
}

/// The body without the labels of transitions and needs.
pub fn shapes(out: &mut String, _doc: &Document, variant: &Variant, l: &Layout) {
    frame(out, variant, l);
    out.push_str("<g class=\"needs\">\n");
    for n in &l.needs {
        for (i, p) in n.paths.iter().enumerate() {
            if n.relays.contains(&i) {
                relay_line(out, n.form, p);
            } else {
                need_line(out, n.form, p, true, true);
            }
        }
    }
    out.push_str("</g>\n<g class=\"transitions\">\n");
    for e in &l.edges {
        edge_line(out, e.kind, e.signal, &e.points, true, true);
    }
    out.push_str("</g>\n");
    steps(out, l);
}

/// The lanes with their names, the phase headers and lines between phases, and the corner
/// naming the variant.
pub fn frame(out: &mut String, variant: &Variant, l: &Layout) {
    let horizontal = l.orientation == Orientation::Horizontal;
    put(out, format_args!("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" stroke=\"#90a4ae\"/>\n", num(l.width), num(l.height)));
    out.push_str("<g class=\"lanes\">\n");
    for (i, lane) in l.lanes.iter().enumerate() {
        let fill = if i % 2 == 0 { "#f5f8fc" } else { "#ffffff" };
        put(out, format_args!("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" stroke=\"#90a4ae\"/>\n", num(lane.x), num(lane.y), num(lane.width), num(lane.height)));
        let (hx, hy, hw, hh) = if horizontal {
            (0.0, lane.y, l.lane_header_width, lane.height)
        } else {
            (lane.x, 0.0, lane.width, l.lane_header_width)
        };
        put(out, format_args!("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#e1e9f4\" stroke=\"#90a4ae\"/>\n", num(hx), num(hy), num(hw), num(hh)));
        text_block(out, &lane.header, "#1a2a3a");
    }
    for (i, col) in l.columns.iter().enumerate() {
        let (hx, hy, hw, hh) = if horizontal {
            (col.x, 0.0, col.width, l.column_header_height)
        } else {
            (0.0, col.y, l.column_header_height, col.height)
        };
        put(out, format_args!("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#cfdcec\" stroke=\"#90a4ae\"/>\n", num(hx), num(hy), num(hw), num(hh)));
        text_block(out, &col.header, "#1a2a3a");
        if i > 0 {
            let (x1, y1, x2, y2) = if horizontal {
                (col.x, l.column_header_height, col.x, l.height)
            } else {
                (l.column_header_height, col.y, l.width, col.y)
            };
            put(out, format_args!("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#78909c\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\"/>\n", num(x1), num(y1), num(x2), num(y2)));
        }
    }
    // the corner names the variant
    let (cw, ch) = if horizontal { (l.lane_header_width, l.column_header_height) } else { (l.column_header_height, l.lane_header_width) };
    put(out, format_args!("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#b7c9e0\" stroke=\"#90a4ae\"/>\n", num(cw), num(ch)));
    let corner = Style::new(12.0, true);
    let lines = text::wrap(&variant.name, cw - 12.0, corner);
    let (w, h) = (text::widest(&lines, corner), lines.len() as f64 * corner.line_height());
    let tb = TextBlock { x: (cw - w) / 2.0, y: (ch - h) / 2.0, w, h, size: corner.size, bold: true, lines };
    text_block(out, &tb, "#1a2a3a");
    out.push_str("</g>\n");
}

/// One connector of a need: with the dot where it starts and the arrowhead at its end when
/// the drawing holds them (a line cut at the edge of a figure has neither there).
pub fn need_line(out: &mut String, form: InteractionForm, p: &[crate::layout::Point], dot: bool, arrow: bool) {
    if p.len() < 2 {
        return;
    }
    let (colour, dash) = form_style(form);
    let head = if arrow { format!(" marker-end=\"url(#need-{})\"", form_key(form)) } else { String::new() };
    put(out, format_args!("<path d=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.6\" stroke-dasharray=\"{dash}\"{head}/>", points(p)));
    if dot {
        put(out, format_args!("<circle cx=\"{}\" cy=\"{}\" r=\"2.6\" fill=\"{colour}\"/>", num(p[0].x), num(p[0].y)));
    }
    out.push('\n');
}

/// A connector into a processor's lane (databehandler, e.g. the VKP hub): the need's line with
/// a ring at its end instead of an arrowhead, for information carried on, not consumed there.
pub fn relay_line(out: &mut String, form: InteractionForm, p: &[crate::layout::Point]) {
    let Some(end) = p.last().filter(|_| p.len() >= 2) else { return };
    need_line(out, form, p, true, false);
    let (colour, _) = form_style(form);
    put(out, format_args!("<circle class=\"relay\" cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"1.6\"/>\n", num(end.x), num(end.y)));
}

/// One transition's line, in its kind's style or its signal's colour (with a dot where it
/// leaves), the dot and arrowhead as for [`need_line`].
pub fn edge_line(out: &mut String, kind: TransitionKind, signal: Signal, pts: &[crate::layout::Point], dot: bool, arrow: bool) {
    if pts.len() < 2 {
        return;
    }
    let (colour, dash) = transition_style(kind);
    let dash = dash.map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default();
    match signal_style(signal) {
        // a signal: its colour, a heavier line, its own arrowhead and a dot where it leaves
        Some((line, _)) => {
            let head = if arrow { format!(" marker-end=\"url(#arrow-signal-{})\"", signal_key(signal)) } else { String::new() };
            put(out, format_args!("<path d=\"{}\" fill=\"none\" stroke=\"{line}\" stroke-width=\"2.2\"{dash}{head}/>\n", points(pts)));
            if dot {
                put(out, format_args!("<circle cx=\"{}\" cy=\"{}\" r=\"3.2\" fill=\"{line}\"/>\n", num(pts[0].x), num(pts[0].y)));
            }
        }
        None => {
            let head = if arrow { format!(" marker-end=\"url(#arrow-{})\"", kind_key(kind)) } else { String::new() };
            put(out, format_args!("<path d=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\"{dash}{head}/>\n", points(pts)));
        }
    }
}

/// The steps.
pub fn steps(out: &mut String, l: &Layout) {
    out.push_str("<g class=\"steps\">\n");
    for b in &l.steps {
        step(out, b);
        // a joint step's participants: a disc each in the actor's colour, named on hover
        for m in &b.participants {
            put(out, format_args!(
                "<circle class=\"participant\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.2\"><title>{}</title></circle>\n",
                num(m.at.x),
                num(m.at.y),
                num(m.r),
                esc(&m.colour),
                esc(&m.name)
            ));
        }
    }
    out.push_str("</g>\n");
}

/// The labels of transitions and the badges of needs that `keep` accepts.
pub fn labels(out: &mut String, l: &Layout, keep: &dyn Fn(&TextBlock) -> bool) {
    out.push_str("<g class=\"labels\">\n");
    for e in &l.edges {
        if let Some(t) = e.label.as_ref().filter(|t| keep(t)) {
            match signal_style(e.signal) {
                // the signal's chip: its fill, its colour around, the label in bold
                Some((line, fill)) => {
                    put(out, format_args!(
                        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"{fill}\" stroke=\"{line}\" stroke-width=\"1.2\"/>\n",
                        num(t.x - 1.0),
                        num(t.y),
                        num(t.w + 2.0),
                        num(t.h)
                    ));
                    text_block(out, &TextBlock { bold: true, ..t.clone() }, line);
                }
                None => {
                    put(out, format_args!("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" fill-opacity=\"0.9\"/>\n", num(t.x - 1.0), num(t.y), num(t.w + 2.0), num(t.h)));
                    text_block(out, t, transition_style(e.kind).0);
                }
            }
        }
    }
    for n in &l.needs {
        for t in n.badge.iter().chain(&n.tags).filter(|t| keep(t)) {
            let (colour, _) = form_style(n.form);
            put(out, format_args!("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"1.2\"/>\n", num(t.x), num(t.y), num(t.w), num(t.h)));
            let inner = TextBlock { x: t.x, y: t.y + crate::layout::BADGE_PAD, ..t.clone() };
            text_block(out, &inner, "#263238");
        }
    }
    out.push_str("</g>\n");
}

/// Draws one step: its shape by kind and its label.
pub fn step(out: &mut String, b: &crate::layout::StepBox) {
    let (x, y, w, h) = (b.x, b.y, b.w, b.h);
    let (cx, cy, r) = (x + w / 2.0, y + h / 2.0, w.min(h) / 2.0);
    match b.kind {
        StepKind::Activity | StepKind::SubPathway => {
            put(out, format_args!("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"10\" fill=\"#ffffff\" stroke=\"#2b4c7e\" stroke-width=\"1.5\"/>\n", num(x), num(y), num(w), num(h)));
            if b.kind == StepKind::SubPathway {
                let (mx, my) = (cx - 6.0, y + h - 16.0);
                put(out, format_args!(
                    "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"#ffffff\" stroke=\"#2b4c7e\"/><path d=\"M{} {} h8 M{} {} v8\" stroke=\"#2b4c7e\" stroke-width=\"1.4\"/>\n",
                    num(mx), num(my), num(mx + 2.0), num(my + 6.0), num(cx), num(my + 2.0)
                ));
            }
        }
        StepKind::Decision => {
            put(out, format_args!(
                "<path d=\"M{} {} L{} {} L{} {} L{} {} z\" fill=\"#fff6dc\" stroke=\"#8d6e00\" stroke-width=\"1.5\"/>\n",
                num(cx), num(y), num(x + w), num(cy), num(cx), num(y + h), num(x), num(cy)
            ));
        }
        StepKind::Start => {
            put(out, format_args!("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#e6f4ea\" stroke=\"#2e7d32\" stroke-width=\"2\"/>\n", num(cx), num(cy), num(r)));
        }
        StepKind::End => {
            put(out, format_args!("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#fdecea\" stroke=\"#8e1b14\" stroke-width=\"4.5\"/>\n", num(cx), num(cy), num(r - 1.5)));
        }
        StepKind::Event => {
            put(out, format_args!(
                "<circle cx=\"{0}\" cy=\"{1}\" r=\"{2}\" fill=\"#fff3e0\" stroke=\"#a64b00\" stroke-width=\"1.5\"/><circle cx=\"{0}\" cy=\"{1}\" r=\"{3}\" fill=\"none\" stroke=\"#a64b00\" stroke-width=\"1.5\"/>\n",
                num(cx), num(cy), num(r), num(r - 4.0)
            ));
        }
    }
    text_block(out, &b.label, "#102030");
    if b.number > 0 {
        let (x, y, r) = (b.number_at.x, b.number_at.y, b.number_r);
        let size = crate::layout::NUMBER_TEXT.size;
        put(out, format_args!(
            "<circle cx=\"{x}\" cy=\"{y}\" r=\"{r}\" fill=\"#37474f\"/><text x=\"{x}\" y=\"{ty}\" font-size=\"{s}\" font-weight=\"bold\" fill=\"#ffffff\" text-anchor=\"middle\">{n}</text>\n",
            x = num(x),
            y = num(y),
            r = num(r),
            ty = num(y + 0.36 * size),
            s = num(size),
            n = b.number
        ));
    }
}

/// The title block: title, variant, and the metadata table. Returns its height.
pub fn title_block(out: &mut String, doc: &Document, variant: &Variant, lang: Lang, x: f64, y: f64) -> f64 {
    let m = &doc.metadata;
    put(out, format_args!("<g class=\"title\" transform=\"translate({} {})\">\n", num(x), num(y)));
    put(out, format_args!("<text x=\"0\" y=\"{}\" font-size=\"20\" font-weight=\"bold\" fill=\"#102030\">{}</text>\n", num(0.97 * TITLE.size), esc(&m.title)));
    let kind = variant.kind.label(lang);
    let sub = if variant.name.trim() == kind { variant.name.clone() } else { format!("{} ({kind})", variant.name) };
    put(out, format_args!("<text x=\"0\" y=\"{}\" font-size=\"13\" fill=\"#37474f\">{}</text>\n", num(TITLE.line_height() + 0.97 * SUBTITLE.size), esc(&sub)));
    let heads: [&str; 5] = match lang {
        Lang::Nb => ["Status", "Versjon", "Modenhet", "Normeringsnivå", "Dato"],
        Lang::En => ["Status", "Version", "Maturity", "Normative level", "Date"],
    };
    let date = m.modified.0.format("%Y-%m-%d").to_string();
    let values = [m.status.label(lang).to_string(), m.version.clone(), m.maturity.label(lang).to_string(), m.normative_level.clone(), date];
    let top = TITLE.line_height() + SUBTITLE.line_height() + 8.0;
    let row = 20.0;
    let mut cx = 0.0;
    for (head, value) in heads.iter().zip(&values) {
        let w = (text::width(head, META_HEAD).max(text::width(value, META)) + 16.0).ceil();
        put(out, format_args!("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#e1e9f4\" stroke=\"#90a4ae\"/>\n", num(cx), num(top), num(w), num(row)));
        put(out, format_args!("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" stroke=\"#90a4ae\"/>\n", num(cx), num(top + row), num(w), num(row)));
        put(out, format_args!("<text x=\"{}\" y=\"{}\" font-size=\"11\" font-weight=\"bold\" fill=\"#102030\">{}</text>\n", num(cx + 8.0), num(top + 14.0), esc(head)));
        put(out, format_args!("<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#102030\">{}</text>\n", num(cx + 8.0), num(top + row + 14.0), esc(value)));
        cx += w;
    }
    out.push_str("</g>\n");
    top + 2.0 * row
}

/// The width the title block needs.
pub fn title_width(doc: &Document, variant: &Variant, lang: Lang) -> f64 {
    let m = &doc.metadata;
    let cells = [
        ("Normeringsnivå", m.normative_level.as_str()),
        ("Modenhet", m.maturity.label(lang)),
        ("Status", m.status.label(lang)),
        ("Versjon", m.version.as_str()),
        ("Dato", "2000-00-00"),
    ];
    let table: f64 = cells.iter().map(|(h, v)| (text::width(h, META_HEAD).max(text::width(v, META)) + 16.0).ceil()).sum();
    table.max(text::width(&m.title, TITLE)).max(text::width(&variant.name, SUBTITLE) + 120.0)
}

/// The whole diagram as one SVG document: title block, body and legend.
pub fn document(doc: &Document, variant: &Variant, l: &Layout, lang: Lang) -> String {
    document_scaled(doc, variant, l, lang, 1.0)
}

/// The whole diagram, its displayed size (not its content) scaled by `display`.
pub fn document_scaled(doc: &Document, variant: &Variant, l: &Layout, lang: Lang, display: f64) -> String {
    framed(doc, variant, l, lang, display, (l.width, l.height), |out| body(out, doc, variant, l)).0
}

/// One SVG document of a figure: the title block, the figure's `body` (`size` wide and high,
/// drawn by `body` at its own origin) and the legend of `l` under it; with the document's width
/// and height.
pub(super) fn framed(doc: &Document, variant: &Variant, l: &Layout, lang: Lang, display: f64, size: (f64, f64), body: impl FnOnce(&mut String)) -> (String, (f64, f64)) {
    let (body_w, body_h) = size;
    let mut out = String::with_capacity(4096 + l.steps.len() * 600);
    let mut head = String::new();
    let title_h = title_block(&mut head, doc, variant, lang, MARGIN, MARGIN);
    let body_y = MARGIN + title_h + 16.0;
    let inner_w = body_w.max(title_width(doc, variant, lang));
    let mut leg = String::new();
    let legend_h = legend::legend(&mut leg, l, lang, MARGIN, body_y + body_h + 16.0, inner_w);
    let width = (inner_w + 2.0 * MARGIN).ceil();
    let height = (body_y + body_h + 16.0 + legend_h + MARGIN).ceil();
    put(&mut out, format_args!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{dw}\" height=\"{dh}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\">\n",
        w = num(width),
        h = num(height),
        dw = num(width * display),
        dh = num(height * display)
    ));
    put(&mut out, format_args!("<title>{}</title>\n", esc(&format!("{} – {}", doc.metadata.title, variant.name))));
    defs(&mut out);
    put(&mut out, format_args!("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", num(width), num(height)));
    out.push_str(&head);
    put(&mut out, format_args!("<g class=\"diagram\" transform=\"translate({} {})\">\n", num(MARGIN), num(body_y)));
    body(&mut out);
    out.push_str("</g>\n");
    out.push_str(&leg);
    out.push_str("</svg>\n");
    (out, (width, height))
}

/// A short stable name for a signal in marker ids.
fn signal_key(signal: Signal) -> &'static str {
    match signal {
        Signal::None => "none",
        Signal::Green => "green",
        Signal::Yellow => "yellow",
        Signal::Red => "red",
    }
}
