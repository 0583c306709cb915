//! Writing user text into Markdown safely: table cells and inline text are escaped so a
//! label with `|`, `*`, `<` or a line break cannot break the table or inject markup.

/// Text escaped for inline Markdown (and the HTML MkDocs lets through): Markdown's special
/// characters get a backslash, `<`, `>` and `&` become entities, line breaks become spaces.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' => {}
            '\n' | '\t' => out.push(' '),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

/// One table cell: escaped, never empty (an empty cell is written as `–`).
pub fn cell(text: &str) -> String {
    let t = inline(text.trim());
    if t.is_empty() {
        "–".into()
    } else {
        t
    }
}

/// A Markdown table from a header and rows of already escaped cells.
pub fn table(head: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    out.push_str(&format!("|{}\n", " --- |".repeat(head.len())));
    for r in rows {
        out.push_str(&format!("| {} |\n", r.join(" | ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_a_table_or_inject_html() {
        assert_eq!(cell("a|b <script>\nc"), "a\\|b &lt;script&gt; c");
        assert_eq!(cell("  "), "–");
        assert_eq!(inline("*ÆØÅ*"), "\\*ÆØÅ\\*");
        let t = table(&["A", "B"], &[vec!["1".into(), "2".into()]]);
        assert_eq!(t, "| A | B |\n| --- | --- |\n| 1 | 2 |\n");
    }
}
