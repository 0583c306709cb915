//! The diagram's visual vocabulary: colours and line styles of transitions and of each
//! interaction form, and small SVG writing helpers (escaping, number formatting). Every kind
//! differs in line pattern as well as colour, so a diagram printed in grey stays readable.

use crate::model::{InteractionForm, Signal, TransitionKind};
use std::fmt::Write;

/// Ink for outlines and ordinary transitions.
pub const INK: &str = "#263238";

/// Stroke colour and dash pattern of a transition kind.
pub fn transition_style(kind: TransitionKind) -> (&'static str, Option<&'static str>) {
    match kind {
        TransitionKind::Normal => (INK, None),
        TransitionKind::Loop => ("#1e5aa8", Some("7 4")),
        // long dash and two short ones: unlike every need's pattern (shared editing is a
        // short dash and two dots)
        TransitionKind::Exception => ("#b3261e", Some("16 3 3 3 3 3")),
    }
}

/// Line colour and chip fill of a transition's signal (none for no signal).
pub fn signal_style(signal: Signal) -> Option<(&'static str, &'static str)> {
    match signal {
        Signal::None => None,
        Signal::Green => Some(("#2e7d32", "#e8f5e9")),
        Signal::Yellow => Some(("#a86b00", "#fff4cc")),
        Signal::Red => Some(("#c62828", "#ffebee")),
    }
}

/// Stroke colour and dash pattern of a need connector by interaction form.
pub fn form_style(form: InteractionForm) -> (&'static str, &'static str) {
    match form {
        InteractionForm::LookUp => ("#1565c0", "2 3"),
        InteractionForm::Messaging => ("#2e7d32", "8 3"),
        InteractionForm::DocumentSharing => ("#00838f", "10 3 2 3"),
        InteractionForm::SharedEditing => ("#6a1b9a", "5 2 1 2 1 2"),
        InteractionForm::EventStream => ("#e65100", "1 2"),
        InteractionForm::Synchronous => ("#5d4037", "14 4"),
        InteractionForm::Manual => ("#ad1457", "2 2 2 7"),
        InteractionForm::Unknown => ("#757575", "2 7"),
    }
}

/// A short stable name used in marker ids.
pub fn form_key(form: InteractionForm) -> usize {
    InteractionForm::ALL.iter().position(|f| *f == form).unwrap_or(0)
}

/// Text escaped for XML content and attribute values.
pub fn esc(text: &str) -> String {
    crate::xmltext::escape_markup(text)
}

/// A number with at most two decimals and no trailing zeros, the same on every machine.
pub fn num(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    let r = if r == 0.0 { 0.0 } else { r };
    let mut s = format!("{r:.2}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    s
}

/// Appends formatted text to an SVG buffer (writing to a String cannot fail).
pub fn put(out: &mut String, args: std::fmt::Arguments) {
    let _ = out.write_fmt(args);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_numbers() {
        assert_eq!(esc("<a & \"b\" 'c'>\u{1}æ"), "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;\u{FFFD}æ");
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.004), "1");
        assert_eq!(num(2.25), "2.25");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(12.5), "12.5");
    }

    #[test]
    fn every_form_has_its_own_pattern_and_colour() {
        let styles: Vec<_> = InteractionForm::ALL.iter().map(|f| form_style(*f)).collect();
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert!(a.0 != b.0 && a.1 != b.1);
            }
        }
        // and no transition kind draws like a need
        for kind in TransitionKind::ALL {
            let (_, dash) = transition_style(*kind);
            assert!(styles.iter().all(|s| Some(s.1) != dash), "{kind:?}");
        }
        assert_ne!(transition_style(TransitionKind::Loop).1, transition_style(TransitionKind::Exception).1);
    }
}

#[cfg(test)]
mod signal_tests {
    use crate::model::{Lang, Signal};

    #[test]
    fn the_copd_traffic_light_is_drawn_in_its_colours_with_named_chips() {
        let doc = crate::template::load("copd").unwrap();
        for v in &doc.variants {
            let signals: Vec<Signal> = v.transitions().map(|t| t.signal).filter(|s| !s.is_none()).collect();
            assert_eq!(signals.len(), 3, "{}", v.name);
            let svg = crate::diagram::to_svg(&doc, v.id, &Default::default()).unwrap();
            for (signal, colour) in [(Signal::Green, "#2e7d32"), (Signal::Yellow, "#a86b00"), (Signal::Red, "#c62828")] {
                assert!(svg.contains(&format!("stroke=\"{colour}\" stroke-width=\"2.2\"")), "{signal:?} line");
                // the chip names the outcome in words as well
                assert!(svg.contains(&format!(">{}</tspan>", signal.label(Lang::Nb).to_lowercase())), "{signal:?} chip");
            }
        }
        assert_eq!(Signal::Yellow.label(Lang::En), "Yellow");
    }
}
