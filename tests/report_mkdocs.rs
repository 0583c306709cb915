//! The Markdown report is a page MkDocs with the Material theme builds with `--strict` (no
//! warnings: every picture it names exists), and the built page shows the tables and the
//! user's text exactly as typed. MkDocs comes from PyPI into a private venv
//! (scripts/report/mkdocs-venv.sh, run by scripts/install-deps.sh --test).

#[path = "support/report_doc.rs"]
mod report_doc;

use carepath::model::Lang;
use carepath::report::{self, ReportFormat, ReportOptions};
use report_doc::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn mkdocs() -> PathBuf {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/report/mkdocs-venv.sh");
    let run = Command::new("bash").arg(&script).output().unwrap();
    assert!(
        run.status.success(),
        "MkDocs with mkdocs-material is needed for this test ({} failed; it needs python3-venv and PyPI):\n{}",
        script.display(),
        String::from_utf8_lossy(&run.stderr)
    );
    PathBuf::from(String::from_utf8(run.stdout).unwrap().trim())
}

/// The text of every table cell of an HTML page, as Python's HTML parser reads it (a `<br>`
/// read as a newline).
fn cells(page: &Path, python: &Path) -> Vec<String> {
    let script = r#"
import html.parser, json, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True); self.cells = []; self.cur = None
    def handle_starttag(self, tag, attrs):
        if tag in ('td', 'th'): self.cur = ''
        elif tag == 'br' and self.cur is not None: self.cur += '\n'
        elif tag == 'script' and self.cur is not None: self.cur += '<<SCRIPT ELEMENT>>'
    def handle_endtag(self, tag):
        if tag in ('td', 'th') and self.cur is not None: self.cells.append(self.cur.strip()); self.cur = None
    def handle_data(self, d):
        if self.cur is not None: self.cur += d
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read()); print(json.dumps(p.cells))
"#;
    let run = Command::new(python).args(["-c", script]).arg(page).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    serde_json::from_slice(&run.stdout).unwrap()
}

#[test]
fn mkdocs_material_builds_the_page_strictly_and_shows_the_text_intact() {
    let mkdocs = mkdocs();
    let doc = copd_with_tricky_text();
    let dir = out_dir("report-mkdocs");
    let page = dir.join("docs/index.md");
    std::fs::create_dir_all(page.parent().unwrap()).unwrap();
    let written = report::write(&doc, &ReportOptions::new(ReportFormat::Md, Lang::Nb), &page).unwrap();
    assert!(written.iter().any(|p| p.ends_with("img/tjenesteforlop-na-situasjon.png")));
    assert!(written.iter().any(|p| p.ends_with("img/tjenesteforlop-onsket-forlop.svg")));
    let text = std::fs::read_to_string(&page).unwrap();
    // the overview: the pathway wrapped into rows, no wider than 3 : 1, linked to the whole drawing
    assert!(text.contains("[![Tjenesteforløp: Nå-situasjon – oversikt](img/tjenesteforlop-na-situasjon-oversikt.png){ width=\"700\" }](img/tjenesteforlop-na-situasjon.svg)"), "{text}");
    let png = std::fs::read(dir.join("docs/img/tjenesteforlop-na-situasjon-oversikt.png")).unwrap();
    let (w, h) = (u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap()));
    assert!(w as f64 / h as f64 <= 3.0, "the overview is {w} × {h}");
    // one figure per phase, linked to its full-size SVG, shown at most 700 px wide so that a
    // step label (12 units) is at least 9 px high
    for (k, phase) in doc.phases.iter().enumerate().take(1) {
        assert!(text.contains(&format!("[![Tjenesteforløp: Nå-situasjon – {}", phase.name)), "{k}");
    }
    for line in text.lines().filter(|l| l.starts_with("[![Tjenesteforløp") && !l.contains("oversikt")) {
        let width: f64 = line.split("width=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
        let file = line.rsplit("](").next().unwrap().trim_end_matches(')');
        let svg = std::fs::read_to_string(dir.join("docs").join(file)).unwrap();
        let units: f64 = svg.split(" width=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
        assert!(width <= 700.0 && 12.0 * width / units >= 9.0 - 1e-9, "{line}: labels {} px high", 12.0 * width / units);
    }
    // the eleven-column analysis in three tables that fit the page
    assert!(text.contains("| Nr. | Informasjonsbehov | Informasjonstjeneste | Parter og roller |"));
    assert!(text.contains("| Nr. | Informasjonsbehov | Hva | Hvorfor |"));
    assert!(text.contains("| Nr. | Informasjonsbehov | Hvor (kilde) | Hvordan | Samhandlingsform | Når og hvor lenge | Sammenheng med andre informasjonstjenester |"));
    assert!(text.contains("<span class=\"carepath-status\""), "the status is a badge");
    std::fs::write(
        dir.join("mkdocs.yml"),
        "site_name: Carepath-rapport\ntheme:\n  name: material\n  language: nb\nmarkdown_extensions:\n  - tables\n  - attr_list\n  - md_in_html\n",
    )
    .unwrap();
    let run = Command::new(&mkdocs).args(["build", "--strict", "--quiet"]).current_dir(&dir).output().unwrap();
    assert!(run.status.success(), "mkdocs build --strict failed:\n{}{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr));
    let site = dir.join("site/index.html");
    let built = std::fs::read_to_string(&site).unwrap();
    assert!(built.contains("width=\"700\""), "the figure's width attribute did not reach the page");
    assert!(dir.join("site/img/tjenesteforlop-na-situasjon.png").exists());
    assert!(!built.contains("<script>alert"), "user text became a script element");
    let cells = cells(&site, &mkdocs.with_file_name("python"));
    assert!(cells.iter().any(|c| c == TRICKY), "the user text is not intact in a table cell");
    assert!(cells.iter().any(|c| c == &format!("Hva: {TRICKY}")));
    assert!(cells.iter().any(|c| c == "Slå opp og tilgjengeliggjøre") || cells.iter().any(|c| c == "Sende og motta"));
    println!("MkDocs site: {}", site.display());
}
