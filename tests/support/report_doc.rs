//! The documents the report tests write, and the real readers they are read back with
//! (LibreOffice, Python's csv module). A missing reader fails the test with the way to
//! install it.
#![allow(dead_code)]

use carepath::edit::{apply, Edit};
use carepath::model::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// User text that would break every format if it were not escaped.
pub const TRICKY: &str = "Måling <script>alert(\"x\")</script> | *viktig* _under_ 'sitat' & [lenke](http://x)\nny linje # æøå ÆØÅ";

/// The COPD template with [`TRICKY`] as the title, contents and requirements of the first
/// need of every variant.
pub fn copd_with_tricky_text() -> Document {
    let mut doc = carepath::template::load("copd").unwrap();
    for i in 0..doc.variants.len() {
        let v = &doc.variants[i];
        let mut need = v.needs_sorted_first().clone();
        need.title = TRICKY.to_string();
        need.what = format!("Hva: {TRICKY}");
        need.requirements = format!("Krav: {TRICKY}");
        let id = v.id;
        apply(&mut doc, Edit::UpdateNeed { variant: id, need }).unwrap();
    }
    doc
}

trait FirstNeed {
    fn needs_sorted_first(&self) -> &DataNeed;
}
impl FirstNeed for Variant {
    fn needs_sorted_first(&self) -> &DataNeed {
        self.needs().min_by_key(|n| n.id).expect("the template's variants have needs")
    }
}

/// Every need title of the document.
pub fn need_titles(doc: &Document) -> Vec<String> {
    doc.variants.iter().flat_map(|v| v.needs().map(|n| n.title.clone())).collect()
}

/// A fresh, empty folder under the test target directory.
pub fn out_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Converts `file` with LibreOffice headless (`to` as for `--convert-to`) into `dir`, with a
/// private profile so parallel runs do not meet, and returns the converted file.
pub fn libreoffice(file: &Path, to: &str, ext: &str, dir: &Path) -> PathBuf {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|c| Command::new(c).arg("--version").output().is_ok());
    let soffice = soffice.unwrap_or_else(|| {
        panic!("LibreOffice is needed for this test: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui (scripts/install-deps.sh --test)")
    });
    let profile = dir.join("lo-profile");
    let run = Command::new(soffice)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .unwrap();
    let out = dir.join(file.file_stem().unwrap()).with_extension(ext);
    assert!(
        run.status.success() && out.exists(),
        "LibreOffice could not convert {}:\n{}{}",
        file.display(),
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    out
}

/// The rows of a CSV file as Python's csv module reads them.
pub fn python_csv(file: &Path) -> Vec<Vec<String>> {
    let script = "import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n    print(json.dumps(list(csv.reader(f))))";
    let run = Command::new("python3").args(["-c", script]).arg(file).output().expect("python3 is needed for this test (Debian python3)");
    assert!(run.status.success(), "python's csv could not read {}: {}", file.display(), String::from_utf8_lossy(&run.stderr));
    serde_json::from_slice(&run.stdout).unwrap()
}

/// Text with every run of white space made one space.
pub fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
