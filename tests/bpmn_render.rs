//! bpmn-js (the bpmn.io viewer) draws Carepath's BPMN export (each COPD variant, both as
//! two pools in one file, and the desired one as a pool per actor) in headless Chromium without
//! import warnings or console errors, with every diagram shape and edge on the canvas
//! (`scripts/bpmn/render.mjs`). The screenshots are kept under the test target directory and
//! their paths printed. Needs Node.js and /usr/bin/chromium (`scripts/install-deps.sh --test`
//! installs both).

#[path = "support/node_packages.rs"]
mod node_packages;

use carepath::export::bpmn::{to_bpmn, to_bpmn_pools, to_bpmn_variants};
use std::path::{Path, PathBuf};
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

/// `scripts/bpmn/render.mjs`, with its packages installed by `npm ci` on first use.
fn render_script() -> PathBuf {
    assert!(Path::new(CHROMIUM).exists(), "{CHROMIUM} is needed for this test (Debian package chromium; scripts/install-deps.sh --test)");
    match node_packages::installed("bpmn", &["bpmn-js", "playwright-core"]) {
        Ok(dir) => dir.join("render.mjs"),
        Err(why) => panic!("bpmn-js is needed for this test: {why}"),
    }
}

#[test]
fn bpmn_js_renders_copd_variants_without_errors() {
    let script = render_script();
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bpmn-render");
    std::fs::create_dir_all(&out).unwrap();
    let copd = carepath::template::load("copd").unwrap();
    let all: Vec<_> = copd.variants.iter().map(|v| v.id).collect();
    let files = copd.variants.iter().enumerate().map(|(i, v)| (format!("copd-{i}"), v.name.clone(), to_bpmn(&copd, v.id).unwrap()));
    let files = files.chain([("copd-all".to_string(), "every variant".to_string(), to_bpmn_variants(&copd, &all).unwrap())]);
    let files = files.chain([("copd-pools".to_string(), "a pool per actor".to_string(), to_bpmn_pools(&copd, copd.variants[1].id).unwrap())]);
    for (name, what, xml) in files {
        let bpmn = out.join(format!("{name}.bpmn"));
        let png = out.join(format!("{name}.png"));
        std::fs::write(&bpmn, xml).unwrap();
        let _ = std::fs::remove_file(&png);
        let run = Command::new("node").arg(&script).arg(&bpmn).arg(&png).output().unwrap();
        assert!(
            run.status.success(),
            "bpmn-js could not render {} ({}):\n{}{}",
            bpmn.display(),
            what,
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        );
        let size = std::fs::metadata(&png).map(|m| m.len()).unwrap_or(0);
        assert!(size > 10_000, "{} is missing or nearly empty ({size} bytes)", png.display());
        println!("screenshot of {what}: {}", png.display());
    }
}
