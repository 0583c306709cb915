//! Writing user text into Markdown safely, as Python-Markdown (MkDocs) and CommonMark read
//! it: Markdown punctuation gets a backslash, `<` and `&` become entities, a `|` in a table
//! cell becomes `\|`, and a newline becomes `<br>`, so no user text can start a heading, list,
//! quote or code block, break a table or inject HTML. One escaping serves the reports and the
//! CLI's Markdown output.

/// Escapes text for a Markdown paragraph, heading or table cell.
pub fn escape(text: &str, in_table: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let lines: Vec<&str> = text.split('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        let line = line.trim_end_matches('\r');
        // leading spaces would make an indented code block at the start of a paragraph
        let line = if i == 0 { line.trim_start() } else { line };
        let mut digits_only = i == 0;
        for (j, c) in line.chars().enumerate() {
            // `+`, `-` and `>` start a list or quote only as the text's first character, and
            // `.` an ordered list only after nothing but digits
            let block_start = i == 0 && (j == 0 && matches!(c, '+' | '-' | '>') || c == '.' && digits_only && j > 0);
            digits_only &= c.is_ascii_digit();
            match c {
                '+' | '-' | '.' | '>' if !block_start => out.push(c),
                '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '#' | '+' | '-' | '.' | '!' | '>' => {
                    out.push('\\');
                    out.push(c);
                }
                '<' => out.push_str("&lt;"),
                '&' => out.push_str("&amp;"),
                '|' if in_table => out.push_str("\\|"),
                '|' => out.push_str("&#124;"),
                '~' => out.push_str("&#126;"),
                '^' => out.push_str("&#94;"),
                '=' => out.push_str("&#61;"),
                '\t' => out.push(' '),
                // other control characters have no place in Markdown
                c if (c as u32) < 0x20 => {}
                c => out.push(c),
            }
        }
    }
    out
}

/// Text escaped for a Markdown paragraph or heading.
pub fn inline(text: &str) -> String {
    escape(text, false)
}

/// One table cell: escaped, never empty (an empty cell is written as `–`).
pub fn cell(text: &str) -> String {
    let t = escape(text.trim(), true);
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
        assert_eq!(cell("a|b <script>\nc"), "a\\|b &lt;script><br>c");
        assert_eq!(inline("a|b\u{7}"), "a&#124;b");
        assert_eq!(cell("  "), "–");
        assert_eq!(inline("*ÆØÅ*"), "\\*ÆØÅ\\*");
        let t = table(&["A", "B"], &[vec!["1".into(), "2".into()]]);
        assert_eq!(t, "| A | B |\n| --- | --- |\n| 1 | 2 |\n");
    }

    #[test]
    fn user_text_cannot_make_markup() {
        assert_eq!(escape("a|b", true), "a\\|b");
        assert_eq!(escape("<script>", false), "&lt;script>");
        assert_eq!(escape("# x\n- y", false), "\\# x<br>- y");
        assert_eq!(escape("- a", false), "\\- a");
        assert_eq!(escape("12. mai", false), "12\\. mai");
        assert_eq!(escape("v0.5", false), "v0.5");
        assert_eq!(escape("*fet*", true), "\\*fet\\*");
    }
}
