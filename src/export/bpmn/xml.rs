//! The BPMN writer's XML helpers: the deterministic writer ([`Xml`], shared with the ArchiMate
//! export in [`crate::xmltext`]): two-space indentation, attributes in the order given,
//! and every piece of user text escaped. Attribute values also escape tab, carriage return
//! and line feed as character references so they survive attribute-value normalisation, and
//! characters XML 1.0 cannot carry at all (most C0 controls) become U+FFFD.

pub use crate::xmltext::{escape_attr, escape_text, Xml};

/// What a name looks like after a trip through XML (for comparing with a read-back value).
pub fn xml_safe(s: &str) -> String {
    crate::xmltext::safe(s).into_owned()
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
