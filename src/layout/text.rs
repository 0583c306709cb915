//! Text measurement with the diagram's own font. The font files (DejaVu Sans, regular and
//! bold, under `assets/fonts/` with their licence) are embedded in the binary, so the layout
//! measures text exactly as every export draws it, on every machine. Labels wrap at word
//! boundaries to a given width; a word longer than the width is broken between characters.

use std::sync::OnceLock;

/// DejaVu Sans, the font every diagram is measured and drawn with.
pub static FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold, for lane and phase headers and the title.
pub static FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// The family name to use in SVG `font-family`.
pub const FONT_FAMILY: &str = "DejaVu Sans";
/// Line height as a multiple of the font size.
pub const LINE_HEIGHT: f64 = 1.25;

/// Advance widths of one font, in em, with a fast table for the Latin range.
struct Metrics {
    face: ttf_parser::Face<'static>,
    per_em: f64,
    latin: Vec<f64>,
}

impl Metrics {
    fn load(data: &'static [u8]) -> Metrics {
        let face = ttf_parser::Face::parse(data, 0).expect("the embedded font parses");
        let per_em = face.units_per_em() as f64;
        let mut m = Metrics { face, per_em, latin: Vec::new() };
        m.latin = (0u32..0x250).map(|c| char::from_u32(c).map_or(0.0, |c| m.lookup(c))).collect();
        m
    }
    fn lookup(&self, c: char) -> f64 {
        let glyph = self.face.glyph_index(c).or_else(|| self.face.glyph_index('?'));
        glyph.and_then(|g| self.face.glyph_hor_advance(g)).map_or(0.6, |a| a as f64 / self.per_em)
    }
    fn advance(&self, c: char) -> f64 {
        match self.latin.get(c as usize) {
            Some(&a) => a,
            None => self.lookup(c),
        }
    }
}

fn metrics(bold: bool) -> &'static Metrics {
    static REGULAR: OnceLock<Metrics> = OnceLock::new();
    static BOLD: OnceLock<Metrics> = OnceLock::new();
    if bold {
        BOLD.get_or_init(|| Metrics::load(FONT_BOLD))
    } else {
        REGULAR.get_or_init(|| Metrics::load(FONT_REGULAR))
    }
}

/// A text style: font size and weight.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    pub size: f64,
    pub bold: bool,
}

impl Style {
    pub const fn new(size: f64, bold: bool) -> Style {
        Style { size, bold }
    }
    /// Distance between baselines.
    pub fn line_height(self) -> f64 {
        self.size * LINE_HEIGHT
    }
}

/// Width of a single line of text.
pub fn width(text: &str, style: Style) -> f64 {
    let m = metrics(style.bold);
    text.chars().map(|c| m.advance(c)).sum::<f64>() * style.size
}

/// Wraps text into lines no wider than `max` (except that every line holds at least one
/// character). Whitespace runs collapse to one space; an empty text gives no lines.
pub fn wrap(text: &str, max: f64, style: Style) -> Vec<String> {
    let m = metrics(style.bold);
    let max_em = (max / style.size).max(0.0);
    let space = m.advance(' ');
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0;
        for word in paragraph.split_whitespace() {
            let word_w: f64 = word.chars().map(|c| m.advance(c)).sum();
            if !line.is_empty() && line_w + space + word_w <= max_em {
                line.push(' ');
                line.push_str(word);
                line_w += space + word_w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_w = 0.0;
            }
            if word_w <= max_em {
                line.push_str(word);
                line_w = word_w;
                continue;
            }
            // a word wider than the line: break it between characters
            for c in word.chars() {
                let a = m.advance(c);
                if !line.is_empty() && line_w + a > max_em {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                line.push(c);
                line_w += a;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// The widest of some lines.
pub fn widest(lines: &[String], style: Style) -> f64 {
    lines.iter().map(|l| width(l, style)).fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Style = Style::new(12.0, false);

    #[test]
    fn widths_come_from_the_font() {
        // DejaVu Sans: 'i' is narrower than 'm'; Norwegian letters have real glyphs
        assert!(width("i", S) < width("m", S));
        assert!(width("æøå", S) > 15.0);
        assert!(width("Hei", Style::new(12.0, true)) > width("Hei", S));
        assert_eq!(width("", S), 0.0);
    }

    #[test]
    fn long_text_wraps_within_the_width() {
        let text = "Måler SpO2, puls, blodtrykk og vekt og svarer på symptomskjema ".repeat(8);
        assert!(text.len() >= 500);
        let lines = wrap(&text, 150.0, S);
        assert!(lines.len() > 10);
        for l in &lines {
            assert!(width(l, S) <= 150.0, "{l}");
        }
        assert_eq!(lines.join(" "), text.split_whitespace().collect::<Vec<_>>().join(" "));
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken() {
        let lines = wrap(&"x".repeat(100), 60.0, S);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width(l, S) <= 60.0));
        assert!(wrap("   ", 60.0, S).is_empty());
    }
}
