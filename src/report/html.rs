//! The report as one self-contained HTML file: the CSS and the diagrams (SVG) are inline, so
//! it reads offline and nothing is fetched; print styles keep tables and figures whole and
//! repeat table headers on every page. The sharing matrix is a heat map.

use super::content::*;
use super::tr;
use std::fmt::Write;

/// Escapes text for HTML element content and attribute values: the escaping of the SVG
/// diagrams the page inlines (`& < > " '` as entities, characters XML forbids dropped).
pub use crate::diagram::style::esc as escape;

/// Escaped text with its newlines as `<br>`.
fn lines(text: &str) -> String {
    escape(text).replace("\r\n", "\n").replace('\n', "<br>")
}

const STYLE: &str = r#"
:root { --ink: #1f2933; --line: #cbd2d9; --head: #e4e7eb; --accent: #00695c; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 24px 32px; line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.9em; margin: 0 0 .6em; color: var(--accent); }
h2 { font-size: 1.45em; margin: 1.8em 0 .6em; border-bottom: 2px solid var(--accent); padding-bottom: .2em; }
h3 { font-size: 1.15em; margin: 1.4em 0 .5em; }
h4 { font-size: 1em; margin: 1.1em 0 .4em; color: #52606d; }
p { margin: .5em 0; }
.table-wrap { overflow-x: auto; margin: .5em 0 1em; }
table { border-collapse: collapse; width: 100%; font-size: .88em; }
th, td { border: 1px solid var(--line); padding: 4px 7px; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
th { background: var(--head); font-weight: 600; }
tbody tr:nth-child(even) td { background: #f7f8fa; }
table.meta { width: auto; }
figure { margin: 1em 0; }
figure .diagram { overflow-x: auto; border: 1px solid var(--line); padding: 4px; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-style: italic; color: #52606d; margin-top: .3em; }
table.heat td, table.heat th { text-align: center; min-width: 5em; }
table.heat th[scope=row] { text-align: left; }
table.heat td.empty { color: #9aa5b1; }
table.heat tbody tr:nth-child(even) td.empty { background: #ffffff; }
.legend { font-size: .85em; color: #52606d; }
.legend span { display: inline-block; width: 1.4em; height: .9em; border: 1px solid var(--line); vertical-align: middle; margin: 0 .2em 0 .6em; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  @page { size: A4 landscape; margin: 14mm; }
  h2, h3, h4 { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap, figure .diagram { overflow: visible; }
  th, tbody tr:nth-child(even) td, table.heat td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

fn table(out: &mut String, t: &Table, class: &str) {
    let _ = write!(out, "<div class=\"table-wrap\"><table class=\"{class}\"><thead><tr>");
    for c in &t.columns {
        let _ = write!(out, "<th>{}</th>", lines(c));
    }
    out.push_str("</tr></thead><tbody>\n");
    for r in &t.rows {
        out.push_str("<tr>");
        for c in r {
            let _ = write!(out, "<td>{}</td>", lines(c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
}

fn heat_map(out: &mut String, m: &HeatMap, lang: crate::model::Lang) {
    out.push_str("<div class=\"table-wrap\"><table class=\"heat\"><thead><tr>");
    let _ = write!(out, "<th>{}</th>", lines(&m.corner));
    for l in &m.labels {
        let _ = write!(out, "<th scope=\"col\">{}</th>", lines(l));
    }
    out.push_str("</tr></thead><tbody>\n");
    for (label, cells) in m.labels.iter().zip(&m.cells) {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", lines(label));
        for c in cells {
            if c.count == 0 {
                out.push_str("<td class=\"empty\">·</td>");
            } else {
                let _ = write!(
                    out,
                    "<td style=\"background:{}\" title=\"{}\"><strong>{}</strong><br><small>{}</small></td>",
                    m.colour(c.count),
                    escape(&c.text),
                    c.count,
                    escape(&c.text)
                );
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
    let _ = write!(out, "<p class=\"legend\">{}:", tr(lang, "Antall behov", "Number of needs"));
    for n in 1..=m.max().min(5) {
        let _ = write!(out, "<span style=\"background:{}\"></span>{n}", m.colour(n));
    }
    if m.max() > 5 {
        let _ = write!(out, " … {}", m.max());
    }
    out.push_str("</p>\n");
}

/// The diagram SVG without its XML declaration, fit for inlining.
fn inline_svg(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => svg,
    }
}

/// The whole HTML file.
pub fn render(report: &Report) -> String {
    let lang = report.lang.code();
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"Carepath\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&report.title)
    );
    let mut first_table = true;
    for b in &report.blocks {
        match b {
            Block::Heading { level, text } => {
                let l = (*level).clamp(1, 6);
                let _ = writeln!(out, "<h{l}>{}</h{l}>", lines(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "<p>{}</p>", lines(text));
            }
            Block::Table(t) => {
                table(&mut out, t, if first_table { "meta" } else { "" });
                first_table = false;
            }
            Block::HeatMap(m) => heat_map(&mut out, m, report.lang),
            Block::Figure(f) => {
                let _ = writeln!(
                    out,
                    "<figure role=\"group\" aria-label=\"{}\"><div class=\"diagram\">{}</div><figcaption>{}</figcaption></figure>",
                    escape(&f.caption),
                    inline_svg(&f.svg),
                    lines(&f.caption)
                );
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(escape("<script>\"x\" & 'y'</script>"), "&lt;script&gt;&quot;x&quot; &amp; &apos;y&apos;&lt;/script&gt;");
        assert_eq!(lines("a\nb"), "a<br>b");
    }
}
