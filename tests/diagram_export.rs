//! Diagram export end to end: the COPD template's SVG against a committed snapshot, the SVG as
//! well-formed XML with escaped user text, the PNG's size, the PDF's text through poppler's
//! `pdftotext` (poppler-utils, which `scripts/install-deps.sh --test` installs), and the CLI
//! options.
//!
//! To accept a changed drawing: `UPDATE_SNAPSHOTS=1 cargo test --test diagram_export`, then
//! look at the new file before committing it.

use carepath::edit::{apply, Edit};
use carepath::export::diagram::{to_pdf, to_png, to_svg, DiagramOptions, Page};
use carepath::layout::{LayoutOptions, Orientation};
use carepath::model::*;
use std::path::Path;
use std::process::Command;

/// The COPD template with its stored dates (template::load stamps the current time).
fn copd() -> Document {
    carepath::import::json::from_json(carepath::template::json("copd").unwrap()).unwrap()
}

fn snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(name);
    assert!(
        path.exists() || std::env::var_os("UPDATE_SNAPSHOTS").is_some(),
        "{} is missing: UPDATE_SNAPSHOTS=1 writes it (look at it before committing)",
        path.display()
    );
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        eprintln!("wrote snapshot {}", path.display());
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    if expected != actual {
        let fresh = path.with_extension("new.svg");
        std::fs::write(&fresh, actual).unwrap();
        panic!("{} differs from the snapshot; the new output is in {} (UPDATE_SNAPSHOTS=1 accepts it)", path.display(), fresh.display());
    }
}

#[test]
fn copd_svg_matches_the_snapshot() {
    let doc = copd();
    for (i, v) in doc.variants.iter().enumerate() {
        let svg = to_svg(&doc, v.id, &DiagramOptions::default()).unwrap();
        assert_eq!(svg, to_svg(&doc, v.id, &DiagramOptions::default()).unwrap(), "deterministic");
        snapshot(&format!("copd-variant-{}.svg", i + 1), &svg);
    }
}

#[test]
fn svg_is_well_formed_and_escapes_user_text() {
    let mut doc = copd();
    let vid = doc.variants[0].id;
    let mut step = doc.variants[0].steps_sorted()[3].clone();
    step.label = "<script>alert('x')</script> & \"sitat\" – blåbærsyltetøy".into();
    apply(&mut doc, Edit::UpdateStep { variant: vid, step }).unwrap();
    for orientation in [Orientation::Horizontal, Orientation::Vertical] {
        let opts = DiagramOptions { layout: LayoutOptions { orientation, needs: true, flow: None, hide_unused_lanes: false }, ..Default::default() };
        let svg = to_svg(&doc, vid, &opts).unwrap();
        assert!(!svg.contains("<script>"));
        let xml = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
        let texts: String = xml.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap()).collect::<Vec<_>>().join(" ");
        let squeezed: String = texts.split_whitespace().collect();
        assert!(squeezed.contains("<script>alert('x')</script>&\"sitat\"–blåbærsyltetøy"), "the label survives escaping");
        assert!(texts.contains("blåbærsyltetøy"));
        assert!(texts.contains("Pasient og pårørende"));
        assert!(texts.contains("Under arbeid") && texts.contains("v0.5") && texts.contains("ikke normert"));
    }
}

#[test]
fn the_need_layer_is_optional() {
    let doc = copd();
    let vid = doc.variants[1].id;
    let with = to_svg(&doc, vid, &DiagramOptions::default()).unwrap();
    let without = to_svg(&doc, vid, &DiagramOptions { layout: LayoutOptions { needs: false, ..Default::default() }, ..Default::default() }).unwrap();
    assert!(with.contains("marker-end=\"url(#need-"));
    assert!(!without.contains("marker-end=\"url(#need-"));
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let reader = decoder.read_info().expect("a PNG");
    let info = reader.info();
    (info.width, info.height)
}

fn svg_size(svg: &str) -> (f64, f64) {
    let xml = roxmltree::Document::parse(svg).unwrap();
    let root = xml.root_element();
    (root.attribute("width").unwrap().parse().unwrap(), root.attribute("height").unwrap().parse().unwrap())
}

#[test]
fn png_decodes_with_the_size_of_the_diagram_times_the_scale() {
    let doc = copd();
    let vid = doc.variants[0].id;
    let (w, h) = svg_size(&to_svg(&doc, vid, &DiagramOptions::default()).unwrap());
    let png = to_png(&doc, vid, &DiagramOptions { scale: 0.5, ..Default::default() }).unwrap();
    assert_eq!(png_size(&png), ((w * 0.5).ceil() as u32, (h * 0.5).ceil() as u32));
}

fn pdftotext(pdf: &[u8]) -> String {
    // a missing reader fails the test: it would otherwise pass without looking at the PDF
    assert!(
        Command::new("pdftotext").arg("-v").output().is_ok(),
        "pdftotext is needed to read the PDF back: install poppler-utils (apt-get install poppler-utils, or scripts/install-deps.sh --test)"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext").arg(&path).arg("-").output().unwrap();
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn pdf_holds_the_labels_as_text_with_norwegian_letters() {
    let doc = copd();
    let vid = doc.variants[0].id;
    let pdf = to_pdf(&doc, vid, &DiagramOptions::default()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdftotext(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in ["Digital hjemmeoppfølging – KOLS", "Pasient og pårørende", "Fatter vedtak om digital", "Møter til konsultasjon på", "Fastlegen vurderer og gir råd", "Tegnforklaring"] {
        assert!(flat.contains(needle), "'{needle}' missing from the PDF text:\n{flat}");
    }
}

#[test]
fn pdf_tiles_onto_landscape_pages_with_the_lane_headers_on_each() {
    let doc = copd();
    let vid = doc.variants[0].id;
    for page in [Page::A4, Page::A3] {
        let pdf = to_pdf(&doc, vid, &DiagramOptions { page, ..Default::default() }).unwrap();
        let text = pdftotext(&pdf);
        let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
        assert!(pages.len() >= 3, "{page:?}: {} pages", pages.len());
        for p in &pages[..pages.len() - 1] {
            assert!(p.contains("Hjemmetjeneste"), "{page:?}: a tile without lane headers:\n{p}");
        }
        assert!(pages.last().unwrap().contains("Tegnforklaring"));
    }
}

#[test]
fn the_cli_exports_svg_png_and_pdf_with_its_options() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kols.carepath");
    let bin = env!("CARGO_BIN_EXE_carepath");
    assert!(Command::new(bin).args(["new", file.to_str().unwrap(), "--template", "copd"]).status().unwrap().success());
    let run = |args: &[&str]| Command::new(bin).arg("export").arg(&file).args(args).output().unwrap();
    let svg = dir.path().join("ønsket.svg");
    let out = run(&["--format", "svg", "--variant", "Ønsket forløp", "--vertical", "--no-needs", "-o", svg.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Ønsket forløp") && !text.contains("url(#need-"));
    let png = dir.path().join("d.png");
    assert!(run(&["--format", "png", "--scale", "0.25", "-o", png.to_str().unwrap()]).status.success());
    assert!(png_size(&std::fs::read(&png).unwrap()).0 > 100);
    let pdf = dir.path().join("d.pdf");
    assert!(run(&["--format", "pdf", "--page", "a3", "-o", pdf.to_str().unwrap()]).status.success());
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let bad = run(&["--format", "svg", "--variant", "Finnes ikke"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("Nå-situasjon"));
    let huge = run(&["--format", "png", "--scale", "100"]);
    assert_eq!(huge.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&huge.stderr).contains("at most"));
}

/// The page sizes of a PDF, in points, from its media boxes.
fn page_sizes(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/MediaBox [")
        .map(|(i, m)| {
            let rest = &text[i + m.len()..];
            let v: Vec<f64> = rest[..rest.find(']').unwrap()].split_whitespace().map(|x| x.parse().unwrap()).collect();
            (v[2] - v[0], v[3] - v[1])
        })
        .collect()
}

#[test]
fn pdf_pages_are_the_diagram_or_landscape_a4_and_a3() {
    let doc = copd();
    let vid = doc.variants[0].id;
    let (w, h) = svg_size(&to_svg(&doc, vid, &DiagramOptions::default()).unwrap());
    assert_eq!(page_sizes(&to_pdf(&doc, vid, &DiagramOptions::default()).unwrap()), vec![(w, h)]);
    for (page, size) in [(Page::A4, (841.89, 595.28)), (Page::A3, (1190.55, 841.89))] {
        for orientation in [Orientation::Horizontal, Orientation::Vertical] {
            let opts = DiagramOptions { page, layout: LayoutOptions { orientation, needs: true, flow: None, hide_unused_lanes: false }, ..Default::default() };
            let sizes = page_sizes(&to_pdf(&doc, vid, &opts).unwrap());
            assert!(sizes.len() >= 3, "{page:?} {orientation:?}: {} pages", sizes.len());
            for s in sizes {
                assert!((s.0 - size.0).abs() < 0.01 && (s.1 - size.1).abs() < 0.01, "{page:?} {orientation:?}: a page of {s:?}");
            }
        }
    }
}

#[test]
fn vertical_tiles_repeat_the_lane_headers_too() {
    let doc = copd();
    let vid = doc.variants[1].id;
    let opts = DiagramOptions { page: Page::A4, layout: LayoutOptions { orientation: Orientation::Vertical, needs: true, flow: None, hide_unused_lanes: false }, ..Default::default() };
    let text = pdftotext(&to_pdf(&doc, vid, &opts).unwrap());
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert!(pages.len() >= 3);
    for p in &pages[..pages.len() - 1] {
        let flat = p.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("Pasient og pårørende") && flat.contains("Fastlege"), "a tile without lane headers:\n{p}");
    }
}

#[test]
fn a_wide_generated_pathway_is_never_cropped() {
    let doc = carepath::sample::generate(140);
    let v = &doc.variants[0];
    let steps = v.steps_sorted();
    let (first, last) = (&steps.first().unwrap().label, &steps.last().unwrap().label);
    let (w, h) = svg_size(&to_svg(&doc, v.id, &DiagramOptions::default()).unwrap());
    assert!(w > 14_400.0, "wider than a PDF page may be: {w}");
    // one page: scaled down to the largest page a viewer takes, every step on it
    let pdf = to_pdf(&doc, v.id, &DiagramOptions::default()).unwrap();
    let sizes = page_sizes(&pdf);
    assert_eq!(sizes.len(), 1);
    assert!((sizes[0].0 - 14_400.0).abs() < 0.5 && (sizes[0].1 - h * 14_400.0 / w).abs() < 1.0, "{sizes:?} for {w} × {h}");
    let text = pdftotext(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for s in &steps {
        if !s.label.trim().is_empty() {
            assert!(flat.contains(s.label.as_str()), "'{}' missing from the one-page PDF", s.label);
        }
    }
    // tiles: every step on some page, the last one included
    let tiled = pdftotext(&to_pdf(&doc, v.id, &DiagramOptions { page: Page::A3, ..Default::default() }).unwrap());
    assert!(tiled.contains(first.as_str()) && tiled.contains(last.as_str()));
    // a PNG at a scale that fits the pixel limit has the whole width
    let png = to_png(&doc, v.id, &DiagramOptions { scale: 0.25, ..Default::default() }).unwrap();
    assert_eq!(png_size(&png), ((w * 0.25).ceil() as u32, (h * 0.25).ceil() as u32));
}

#[test]
fn a3_tiles_are_even_and_the_legend_shares_the_last_page() {
    let doc = copd();
    for v in &doc.variants {
        let pdf = to_pdf(&doc, v.id, &DiagramOptions { page: Page::A3, ..Default::default() }).unwrap();
        let text = pdftotext(&pdf);
        let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
        let last = pages.last().unwrap();
        assert!(last.contains("Tegnforklaring") && last.contains("Hjemmetjeneste"), "{}: the legend has a page of its own", v.name);
        // no page holds only the end of the pathway: every page has several steps' words
        for p in &pages {
            assert!(p.split_whitespace().count() > 40, "{}: a nearly empty page:\n{p}", v.name);
        }
    }
}

#[test]
fn export_draws_one_phase_or_a_range_with_the_lane_names() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kols.carepath");
    let bin = env!("CARGO_BIN_EXE_carepath");
    assert!(Command::new(bin).args(["new", file.to_str().unwrap(), "--template", "copd"]).status().unwrap().success());
    let run = |args: &[&str]| Command::new(bin).arg("export").arg(&file).args(args).output().unwrap();
    let whole = String::from_utf8(run(&["--format", "svg", "--strip"]).stdout).unwrap();
    let one = run(&["--format", "svg", "--phase", "Oppstart"]);
    assert!(one.status.success(), "{}", String::from_utf8_lossy(&one.stderr));
    let one = String::from_utf8(one.stdout).unwrap();
    let range = String::from_utf8(run(&["--format", "svg", "--phase", "Oppstart", "--phase", "Forverring"]).stdout).unwrap();
    let (w_whole, _) = svg_size(&whole);
    let (w_one, _) = svg_size(&one);
    let (w_range, _) = svg_size(&range);
    assert!(w_one < w_range && w_range < w_whole, "{w_one} {w_range} {w_whole}");
    assert!(one.contains(">pårørende<") && one.contains(">Oppstart<"), "the lane names and the phase asked for");
    let pdf = dir.path().join("oppstart.pdf");
    assert!(run(&["--format", "pdf", "--phase", "oppstart", "-o", pdf.to_str().unwrap()]).status.success());
    assert_eq!(page_sizes(&std::fs::read(&pdf).unwrap()).len(), 1);
    let bad = run(&["--format", "svg", "--phase", "Finnes ikke"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("Identifisering og henvisning"), "the error lists the phases");
    let wrong = run(&["--format", "json", "--phase", "Oppstart"]);
    assert_eq!(wrong.status.code(), Some(2));
}

/// A whole variant wider than 3 : 1 is drawn as the overview unless `--strip` asks for the
/// strip; the overview is no wider than 3 : 1 and says so on standard error.
#[test]
fn a_strip_too_wide_for_a_page_is_exported_as_the_overview() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kols.carepath");
    let bin = env!("CARGO_BIN_EXE_carepath");
    // a long pathway in four lanes: a strip far wider than 3 : 1 (the templates' are near it)
    let long = carepath::sample::generate(80);
    let variant = long.variants[0].name.clone();
    carepath::store::Session::create(&file, long).unwrap();
    let run = |args: &[&str]| Command::new(bin).arg("export").arg(&file).args(args).output().unwrap();
    for variant in [variant.as_str()] {
        let strip = run(&["--format", "svg", "--variant", variant, "--strip"]);
        assert!(strip.status.success() && strip.stderr.is_empty(), "{}", String::from_utf8_lossy(&strip.stderr));
        let (sw, sh) = svg_size(&String::from_utf8(strip.stdout).unwrap());
        assert!(sw / sh > 3.0, "{variant}: the strip is {sw} × {sh}; this test needs one wider than 3 : 1");
        let auto = run(&["--format", "svg", "--variant", variant]);
        assert!(String::from_utf8_lossy(&auto.stderr).contains("--strip"), "{}", String::from_utf8_lossy(&auto.stderr));
        let auto = String::from_utf8(auto.stdout).unwrap();
        let (w, h) = svg_size(&auto);
        assert!(w / h <= 3.0, "{variant}: the default figure is {w} × {h}");
        // a figure of its own: the title block above, the legend under it
        assert!(auto.contains("Generert forløp") && auto.contains(">Tegnforklaring<"), "{variant}: no title block or legend");
        let overview = String::from_utf8(run(&["--format", "svg", "--variant", variant, "--overview"]).stdout).unwrap();
        assert_eq!(auto, overview, "{variant}: the default figure is the overview");
        // one PDF page of the same shape, and a PNG too
        let pdf = dir.path().join("kols.pdf");
        assert!(run(&["--format", "pdf", "--variant", variant, "-o", pdf.to_str().unwrap()]).status.success());
        let pages = page_sizes(&std::fs::read(&pdf).unwrap());
        assert_eq!(pages.len(), 1);
        assert!(pages[0].0 / pages[0].1 <= 3.0, "{pages:?}");
        let png = dir.path().join("kols.png");
        assert!(run(&["--format", "png", "--variant", variant, "-o", png.to_str().unwrap()]).status.success());
        let (pw, ph) = png_size(&std::fs::read(&png).unwrap());
        assert!(pw as f64 / ph as f64 <= 3.0, "{pw} × {ph}");
    }
    // tiled pages and the vertical layout keep their own shape; --strip with --overview is refused
    let tiles = run(&["--format", "pdf", "--page", "a4", "-o", dir.path().join("t.pdf").to_str().unwrap()]);
    assert!(tiles.status.success() && !String::from_utf8_lossy(&tiles.stderr).contains("--strip"));
    let vertical = run(&["--format", "svg", "--vertical"]);
    assert!(vertical.status.success() && vertical.stderr.is_empty());
    assert_eq!(run(&["--format", "svg", "--strip", "--overview"]).status.code(), Some(2));
}

/// Too large a picture is refused from the layout's size or the step count, before anything
/// is drawn, with what to do instead; a picture of the same pathway at a scale that fits is made.
#[test]
fn huge_pictures_are_refused_before_they_are_drawn() {
    use carepath::export::diagram::{to_pdf, to_png, DiagramOptions, MAX_PDF_STEPS};
    let doc = carepath::sample::generate(MAX_PDF_STEPS + 1);
    let v = doc.variants[0].id;
    let e = to_pdf(&doc, v, &DiagramOptions::default()).unwrap_err();
    assert!(e.message.contains("too many for one PDF picture") && e.message.contains("--phase"), "{}", e.message);
    let small = carepath::sample::generate(300);
    let sv = small.variants[0].id;
    let l = carepath::layout::layout(&small, sv).unwrap();
    let too_big = 32_001.0 / l.width.max(l.height);
    let e = to_png(&small, sv, &DiagramOptions { scale: too_big, ..DiagramOptions::default() }).unwrap_err();
    assert!(e.message.contains("too large for a PNG") && e.message.contains("at most"), "{}", e.message);
    assert!(to_png(&small, sv, &DiagramOptions { scale: 0.2, ..DiagramOptions::default() }).unwrap().starts_with(b"\x89PNG"));
}

/// A figure shows the lanes its variant uses: the current COPD pathway has no step, part or
/// need of the desired one's system actors, so `carepath export` leaves their lanes out, while
/// the canvas's layout keeps every lane to draw in.
#[test]
fn a_figure_leaves_out_the_lanes_its_variant_does_not_use() {
    let doc = carepath::template::load("copd").unwrap();
    let (cur, des) = (&doc.variants[0], &doc.variants[1]);
    let all = carepath::layout::layout(&doc, cur.id).unwrap();
    assert_eq!(all.lanes.len(), doc.actors.len());
    let opts = LayoutOptions { hide_unused_lanes: true, ..LayoutOptions::default() };
    let used = carepath::layout::layout_with(&doc, cur.id, &opts).unwrap();
    assert_eq!(used.lanes.len(), doc.actors.len() - 4, "the hub, the EPJ, the national service and Helsenorge left out");
    assert!(used.height < all.height);
    assert_eq!(carepath::layout::layout_with(&doc, des.id, &opts).unwrap().lanes.len(), doc.actors.len(), "the desired pathway uses them all");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kols.carepath");
    let bin = env!("CARGO_BIN_EXE_carepath");
    assert!(Command::new(bin).args(["new", file.to_str().unwrap(), "--template", "copd"]).status().unwrap().success());
    let svg = |variant: &str| {
        let out = Command::new(bin).arg("export").arg(&file).args(["--format", "svg", "--strip", "--variant", variant]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(!svg("Nå-situasjon").contains(">Helsenorge<"));
    assert!(svg("Ønsket forløp").contains(">Helsenorge<"));
}
