//! A minimal, deterministic XML writer: two-space indentation, attributes in the order given,
//! and every piece of user text escaped. Attribute values also escape tab, carriage return
//! and line feed as character references so they survive attribute-value normalisation, and
//! characters XML 1.0 cannot carry at all (most C0 controls) become U+FFFD.

pub use crate::xmltext::{escape_attr, escape_text};

/// What a name looks like after a trip through XML (for comparing with a read-back value).
pub fn xml_safe(s: &str) -> String {
    crate::xmltext::safe(s).into_owned()
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
    fn escapes_markup_quotes_newlines_and_controls() {
        assert_eq!(escape_attr("a<b & \"c\" 'd'\næøå"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&#10;æøå");
        assert_eq!(escape_text("x\ny\r\u{1}"), "x\ny&#13;\u{FFFD}");
        assert_eq!(xml_safe("a\u{1}\n"), "a\u{FFFD}\n");
    }

    #[test]
    fn writes_nested_elements() {
        let mut x = Xml::new();
        x.open("a", &[("id", "1")]);
        x.text("b", &[], "t & u");
        x.empty("c", &[("n", "ø")]);
        x.close("a");
        assert_eq!(x.finish(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a id=\"1\">\n  <b>t &amp; u</b>\n  <c n=\"ø\"/>\n</a>\n");
    }
}
