//! The HTML report renders in headless Chromium (scripts/report/render.mjs): self-contained
//! (nothing fetched), no script, the diagrams drawn, nothing wider than the window, and the
//! user's text shown exactly as typed. A full-page screenshot and a print PDF are kept under
//! the test target directory. Needs Node.js and /usr/bin/chromium (install-deps.sh --test).

#[path = "support/node_packages.rs"]
mod node_packages;
#[path = "support/report_doc.rs"]
mod report_doc;

use carepath::model::Lang;
use carepath::report::{self, ReportFormat, ReportOptions};
use report_doc::*;
use std::path::Path;
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

#[test]
fn chromium_renders_the_html_report_with_text_intact() {
    assert!(Path::new(CHROMIUM).exists(), "{CHROMIUM} is needed for this test (Debian package chromium; scripts/install-deps.sh --test)");
    let script = match node_packages::installed("report", &["playwright-core"]) {
        Ok(dir) => dir.join("render.mjs"),
        Err(why) => panic!("playwright-core is needed for this test: {why}"),
    };
    let doc = copd_with_tricky_text();
    let dir = out_dir("report-html");
    for lang in [Lang::Nb, Lang::En] {
        let name = if lang == Lang::Nb { "kols-nb" } else { "kols-en" };
        let html = dir.join(format!("{name}.html"));
        let png = dir.join(format!("{name}.png"));
        report::write(&doc, &ReportOptions::new(ReportFormat::Html, lang), &html).unwrap();
        let run = Command::new("node").arg(&script).arg(&html).arg(&png).output().unwrap();
        assert!(run.status.success(), "Chromium could not render {}:\n{}", html.display(), String::from_utf8_lossy(&run.stderr));
        let seen: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
        assert_eq!(seen["h1"], "Digital hjemmeoppfølging – KOLS");
        // one diagram per variant, and the picture of the changes from current to desired
        assert_eq!(seen["diagrams"], doc.variants.len() + 1);
        assert!(seen["heat"].as_u64().unwrap() > 0, "the sharing matrix has coloured cells");
        let cells: Vec<&str> = seen["cells"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
        assert!(cells.contains(&TRICKY), "the user text is not intact in the page");
        let headings = seen["headings"].to_string();
        let expected = if lang == Lang::Nb { "Analyse av informasjonsbehov" } else { "Information-needs analysis" };
        assert!(headings.contains(expected), "{headings}");
        assert!(std::fs::metadata(&png).unwrap().len() > 50_000, "the screenshot is nearly empty");
        println!("screenshot: {}", png.display());
    }
}
