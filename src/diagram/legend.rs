//! The legend under the diagram: the shapes of step kinds, the line styles of transition
//! kinds, and the line style and colour of each interaction form the need layer shows. Items
//! flow left to right and wrap to the diagram's width.

use super::style::{esc, form_key, form_style, num, put, transition_style};
use crate::layout::text::{self, Style};
use crate::layout::Layout;
use crate::model::*;

const ITEM: Style = Style::new(11.0, false);
const HEAD: Style = Style::new(12.0, true);
const SYMBOL: f64 = 44.0;
const ROW: f64 = 26.0;

enum Symbol {
    Step(StepKind),
    Transition(TransitionKind),
    Form(InteractionForm),
    /// A connector that ends in a processor's lane.
    Relay,
    /// A joint step's participant, in the actor's colour.
    Participant(String),
}

fn draw(out: &mut String, s: &Symbol, x: f64, y: f64) {
    let cy = y + ROW / 2.0;
    match s {
        Symbol::Step(kind) => match kind {
            StepKind::Activity | StepKind::SubPathway => {
                put(out, format_args!("<rect x=\"{}\" y=\"{}\" width=\"36\" height=\"18\" rx=\"4\" fill=\"#ffffff\" stroke=\"#2b4c7e\" stroke-width=\"1.2\"/>\n", num(x + 4.0), num(cy - 9.0)));
                if *kind == StepKind::SubPathway {
                    put(out, format_args!("<path d=\"M{} {} h6 M{} {} v6\" stroke=\"#2b4c7e\" stroke-width=\"1.2\"/>\n", num(x + 19.0), num(cy + 4.0), num(x + 22.0), num(cy + 1.0)));
                }
            }
            StepKind::Decision => put(out, format_args!(
                "<path d=\"M{} {} L{} {} L{} {} L{} {} z\" fill=\"#fff6dc\" stroke=\"#8d6e00\" stroke-width=\"1.2\"/>\n",
                num(x + 22.0), num(cy - 10.0), num(x + 40.0), num(cy), num(x + 22.0), num(cy + 10.0), num(x + 4.0), num(cy)
            )),
            StepKind::Start => put(out, format_args!("<circle cx=\"{}\" cy=\"{}\" r=\"8\" fill=\"#e6f4ea\" stroke=\"#2e7d32\" stroke-width=\"1.6\"/>\n", num(x + 22.0), num(cy))),
            StepKind::End => put(out, format_args!("<circle cx=\"{}\" cy=\"{}\" r=\"7\" fill=\"#fdecea\" stroke=\"#8e1b14\" stroke-width=\"3.5\"/>\n", num(x + 22.0), num(cy))),
            StepKind::Event => put(out, format_args!(
                "<circle cx=\"{0}\" cy=\"{1}\" r=\"9\" fill=\"#fff3e0\" stroke=\"#a64b00\" stroke-width=\"1.2\"/><circle cx=\"{0}\" cy=\"{1}\" r=\"6\" fill=\"none\" stroke=\"#a64b00\" stroke-width=\"1.2\"/>\n",
                num(x + 22.0), num(cy)
            )),
        },
        Symbol::Transition(kind) => {
            let (colour, dash) = transition_style(*kind);
            let dash = dash.map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default();
            let key = match kind {
                TransitionKind::Normal => "normal",
                TransitionKind::Loop => "loop",
                TransitionKind::Exception => "exception",
            };
            put(out, format_args!("<path d=\"M{} {} h36\" stroke=\"{colour}\" stroke-width=\"1.5\"{dash} marker-end=\"url(#arrow-{key})\"/>\n", num(x + 2.0), num(cy)));
        }
        Symbol::Form(form) => {
            let (colour, dash) = form_style(*form);
            // as in the diagram: a dot where the information comes from, the arrow at its consumer
            put(out, format_args!(
                "<path d=\"M{} {} h36\" stroke=\"{colour}\" stroke-width=\"1.6\" stroke-dasharray=\"{dash}\" marker-end=\"url(#need-{})\"/><circle cx=\"{}\" cy=\"{}\" r=\"2.6\" fill=\"{colour}\"/>\n",
                num(x + 2.0), num(cy), form_key(*form), num(x + 2.0), num(cy)
            ));
        }
        Symbol::Relay => put(out, format_args!(
            "<path d=\"M{} {} h34\" stroke=\"#546e7a\" stroke-width=\"1.6\"/><circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"#ffffff\" stroke=\"#546e7a\" stroke-width=\"1.6\"/>\n",
            num(x + 2.0), num(cy), num(x + 38.0), num(cy)
        )),
        Symbol::Participant(colour) => put(out, format_args!(
            "<rect x=\"{}\" y=\"{}\" width=\"36\" height=\"18\" rx=\"4\" fill=\"#ffffff\" stroke=\"#2b4c7e\" stroke-width=\"1.2\"/><circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.2\"/>\n",
            num(x + 4.0), num(cy - 9.0), num(x + 31.0), num(cy - 9.0), esc(colour)
        )),
    }
}

/// Writes the legend with its top left at (x, y), wrapping at `width`; returns its height.
pub fn legend(out: &mut String, l: &Layout, lang: Lang, x: f64, y: f64, width: f64) -> f64 {
    let mut items: Vec<(Symbol, String)> = StepKind::ALL.iter().map(|k| (Symbol::Step(*k), k.label(lang).to_string())).collect();
    for k in TransitionKind::ALL {
        let name = match (k, lang) {
            (TransitionKind::Normal, Lang::Nb) => "Overgang".to_string(),
            (TransitionKind::Normal, Lang::En) => "Transition".to_string(),
            _ => k.label(lang).to_string(),
        };
        items.push((Symbol::Transition(*k), name));
    }
    for f in InteractionForm::ALL.iter().filter(|f| l.needs.iter().any(|n| n.form == **f)) {
        let prefix = if lang == Lang::Nb { "Informasjonsbehov: " } else { "Information need: " };
        items.push((Symbol::Form(*f), format!("{prefix}{}", f.label(lang))));
    }
    if l.needs.iter().any(|n| !n.relays.is_empty()) {
        let name = if lang == Lang::Nb { "Videreformidles av databehandler" } else { "Carried on by a processor" };
        items.push((Symbol::Relay, name.to_string()));
    }
    // the actors taking part in joint steps, each once, in the order the steps are drawn
    let mut seen: Vec<ActorId> = Vec::new();
    for m in l.steps.iter().flat_map(|b| &b.participants) {
        if !seen.contains(&m.actor) {
            seen.push(m.actor);
            let prefix = if lang == Lang::Nb { "Deltaker: " } else { "Participant: " };
            items.push((Symbol::Participant(m.colour.clone()), format!("{prefix}{}", m.name)));
        }
    }
    let head = if lang == Lang::Nb { "Tegnforklaring" } else { "Legend" };
    put(out, format_args!("<g class=\"legend\">\n<text x=\"{}\" y=\"{}\" font-size=\"12\" font-weight=\"bold\" fill=\"#102030\">{}</text>\n", num(x), num(y + 0.97 * HEAD.size), esc(head)));
    let (mut cx, mut cy) = (x, y + HEAD.line_height() + 4.0);
    for (symbol, name) in &items {
        let w = SYMBOL + text::width(name, ITEM).ceil() + 24.0;
        if cx > x && cx + w > x + width {
            cx = x;
            cy += ROW;
        }
        draw(out, symbol, cx, cy);
        put(out, format_args!("<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#102030\">{}</text>\n", num(cx + SYMBOL + 4.0), num(cy + ROW / 2.0 + 4.0), esc(name)));
        cx += w;
    }
    out.push_str("</g>\n");
    cy + ROW - y
}
