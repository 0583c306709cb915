//! Text made safe for XML 1.0, the one place every XML writer goes through: the BPMN writer,
//! the SVG diagrams, the Word report (through docx-rs and its package parts) and the XLSX
//! register. XML 1.0 cannot carry most C0 control characters (a vertical tab pasted from
//! PowerPoint, U+0001 …) or U+FFFE / U+FFFF, not even as character references; they become
//! U+FFFD, the replacement character, so the reader sees that something was there.

use std::borrow::Cow;

/// Whether XML 1.0 can carry the character.
pub fn allowed(c: char) -> bool {
    !(((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// The text with every character XML 1.0 forbids replaced by U+FFFD; borrowed when there is
/// none (the usual case).
pub fn safe(s: &str) -> Cow<'_, str> {
    if s.chars().all(allowed) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().map(|c| if allowed(c) { c } else { '\u{FFFD}' }).collect())
    }
}

/// Text escaped for element content.
pub fn escape_text(s: &str) -> String {
    escape(s, Place::Text)
}

/// Text escaped for a double- or single-quoted attribute value: quotes too, and tab, line
/// feed and carriage return as character references so they survive attribute-value
/// normalisation.
pub fn escape_attr(s: &str) -> String {
    escape(s, Place::Attr)
}

/// Text escaped for content or an attribute value alike (both quotes escaped), its tabs and
/// newlines kept as they are: for SVG and HTML, where the writer breaks lines itself.
pub fn escape_markup(s: &str) -> String {
    escape(s, Place::Markup)
}

/// Where escaped text goes.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Text,
    Attr,
    Markup,
}

fn escape(s: &str, place: Place) -> String {
    let quotes = place != Place::Text;
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            '\'' if quotes => out.push_str("&apos;"),
            '\n' if place == Place::Attr => out.push_str("&#10;"),
            '\t' if place == Place::Attr => out.push_str("&#9;"),
            '\r' if place != Place::Markup => out.push_str("&#13;"),
            c if !allowed(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Builds an XML document into a string.
pub struct Xml {
    out: String,
    depth: usize,
}

impl Default for Xml {
    fn default() -> Self {
        Self::new()
    }
}

impl Xml {
    pub fn new() -> Self {
        Self { out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), depth: 0 }
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            self.out.push_str(&escape_attr(v));
            self.out.push('"');
        }
    }

    /// `<name attrs>` and one level deeper.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    /// `</name>` one level up.
    pub fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.indent();
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// `<name attrs/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// `<name attrs>text</name>`.
    pub fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.tag(name, attrs);
        self.out.push('>');
        self.out.push_str(&escape_text(text));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_become_the_replacement_character_and_markup_is_escaped() {
        let s = "a\u{0b}b\u{01}c\u{1f}d\u{FFFF}e\tf\ng\rh";
        assert_eq!(safe(s), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\tf\ng\rh");
        assert!(matches!(safe("plain æøå"), Cow::Borrowed(_)));
        assert_eq!(escape_text("<a & \"b\"\u{0b}>"), "&lt;a &amp; \"b\"\u{FFFD}&gt;");
        assert_eq!(escape_attr("'x'\n\t\u{01}"), "&apos;x&apos;&#10;&#9;\u{FFFD}");
        assert_eq!(escape_markup("'x'\n\t\u{01}<"), "&apos;x&apos;\n\t\u{FFFD}&lt;");
        for text in [escape_text(s), escape_attr(s)] {
            let xml = format!("<r a=\"{}\">{}</r>", escape_attr(s), text);
            roxmltree::Document::parse(&xml).unwrap();
        }
    }
}
