//! Text with characters XML 1.0 forbids (a vertical tab pasted from PowerPoint, U+0001,
//! U+001F) gives well-formed XML in every format that is XML: each part of the Word report
//! and of the XLSX register, the BPMN file and the SVG diagram, read back by a real parser.
//! And every control character from U+0000 to U+001F in every text field of the model gives
//! files real readers open: xmllint (BPMN, SVG), resvg (SVG), LibreOffice (DOCX, XLSX).

#[path = "support/report_doc.rs"]
mod report_doc;

use carepath::edit::{apply, Edit};
use carepath::export::{self, ExportFormat, ExportOptions};
use carepath::model::*;
use std::io::Read;

const PASTED: &str = "Ringer\u{0b}pasienten \u{01}og\u{1f} avtaler";

fn document() -> Document {
    let mut doc = carepath::template::load("copd").unwrap();
    let metadata = Metadata { title: format!("KOLS\u{0b}{PASTED}"), owners: vec![format!("Eier\u{01}")], ..doc.metadata.clone() };
    apply(&mut doc, Edit::SetMetadata { metadata }).unwrap();
    let actor = Actor { name: format!("Pasient\u{0b}og pårørende"), ..doc.actors[0].clone() };
    apply(&mut doc, Edit::UpdateActor { actor }).unwrap();
    for i in 0..doc.variants.len() {
        let v = &doc.variants[i];
        let id = v.id;
        let step = Step { label: PASTED.to_string(), ..v.steps().min_by_key(|s| s.id).unwrap().clone() };
        let need = DataNeed { title: PASTED.to_string(), what: PASTED.to_string(), ..v.needs().min_by_key(|n| n.id).unwrap().clone() };
        apply(&mut doc, Edit::UpdateStep { variant: id, step }).unwrap();
        apply(&mut doc, Edit::UpdateNeed { variant: id, need }).unwrap();
    }
    doc
}

fn bytes(doc: &Document, format: ExportFormat) -> Vec<u8> {
    let opts = ExportOptions {
        format,
        variant: doc.variants[0].id,
        layout: Default::default(),
        scale: 1.0,
        page: Default::default(),
        lang: Lang::Nb,
        variants: Vec::new(),
        phases: Vec::new(),
        overview: false,
        pools: false,
        fhir_base: None,
    };
    export::render(doc, &opts).unwrap_or_else(|e| panic!("{format:?}: {}", e.message))
}

fn well_formed(what: &str, xml: &str) {
    if let Err(e) = roxmltree::Document::parse_with_options(xml, roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() }) {
        panic!("{what} is not well-formed XML: {e}");
    }
    assert!(!xml.chars().any(|c| matches!(c, '\u{0b}' | '\u{01}' | '\u{1f}')), "{what} still holds a forbidden character");
}

/// Every XML part of a zip package is well-formed; returns how many there were.
fn every_part(what: &str, zip: &[u8]) -> usize {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut n = 0;
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let name = f.name().to_string();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut text = String::new();
            f.read_to_string(&mut text).unwrap();
            well_formed(&format!("{what} {name}"), &text);
            n += 1;
        }
    }
    n
}

#[test]
fn every_xml_output_is_well_formed_with_control_characters_in_the_text() {
    let doc = document();
    let docx = bytes(&doc, ExportFormat::Docx);
    assert!(every_part("docx", &docx) >= 5);
    let xlsx = bytes(&doc, ExportFormat::Xlsx);
    assert!(every_part("xlsx", &xlsx) >= 5);
    let bpmn = String::from_utf8(bytes(&doc, ExportFormat::Bpmn)).unwrap();
    well_formed("bpmn", &bpmn);
    let svg = String::from_utf8(bytes(&doc, ExportFormat::Svg)).unwrap();
    well_formed("svg", &svg);
    // the text is still there, the forbidden characters shown as U+FFFD
    assert!(svg.contains("Ringer\u{FFFD}pasienten") || svg.contains("Ringer\u{FFFD}"), "the step label is drawn");
    assert!(bpmn.contains("Ringer\u{FFFD}pasienten \u{FFFD}og\u{FFFD} avtaler"));
}

/// Every control character, between words.
fn controls() -> String {
    (0u32..0x20).map(|c| format!("a{}b", char::from_u32(c).unwrap())).collect::<Vec<_>>().join(" ")
}

/// The COPD template with every control character in every text field of the model.
fn every_field() -> Document {
    let c = controls();
    let mut doc = carepath::template::load("copd").unwrap();
    let m = &doc.metadata;
    let metadata = Metadata {
        title: format!("KOLS {c}"),
        patient_group: c.clone(),
        description: c.clone(),
        version: c.clone(),
        normative_level: c.clone(),
        owners: vec![c.clone()],
        ..m.clone()
    };
    let mut edits = vec![Edit::SetMetadata { metadata }];
    for a in &doc.actors {
        edits.push(Edit::UpdateActor { actor: Actor { name: format!("{} {c}", a.name), organisation: c.clone(), ..a.clone() } });
    }
    for p in &doc.phases {
        edits.push(Edit::UpdatePhase { phase: Phase { name: format!("{} {c}", p.name), description: c.clone(), ..p.clone() } });
    }
    for t in &doc.info_types {
        edits.push(Edit::UpdateInfoType { info_type: InfoType { name: format!("{} {c}", t.name), description: c.clone(), ..t.clone() } });
    }
    for v in &doc.variants {
        edits.push(Edit::UpdateVariant { id: v.id, name: format!("{} {c}", v.name), kind: v.kind, description: c.clone() });
        for s in v.steps() {
            edits.push(Edit::UpdateStep { variant: v.id, step: Step { label: format!("{} {c}", s.label), description: c.clone(), duration: Some(c.clone()), ..s.clone() } });
        }
        for t in v.transitions() {
            edits.push(Edit::UpdateTransition { variant: v.id, transition: Transition { label: c.clone(), ..t.clone() } });
        }
        for n in v.needs() {
            edits.push(Edit::UpdateNeed {
                variant: v.id,
                need: DataNeed {
                    title: format!("{} {c}", n.title),
                    what: c.clone(),
                    why: c.clone(),
                    source: c.clone(),
                    when: c.clone(),
                    relevance: c.clone(),
                    relations: c.clone(),
                    requirements: c.clone(),
                    notes: c.clone(),
                    ..n.clone()
                },
            });
        }
    }
    for e in edits {
        apply(&mut doc, e).unwrap_or_else(|e| panic!("{}", e.message));
    }
    doc
}

fn xmllint(file: &std::path::Path) {
    let out = std::process::Command::new("xmllint").arg("--noout").arg(file).output().expect("xmllint is needed: apt-get install libxml2-utils");
    assert!(out.status.success(), "xmllint refuses {}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
}

#[test]
fn every_control_character_in_every_field_gives_files_real_readers_open() {
    let doc = every_field();
    let dir = report_doc::out_dir("xml-controls");
    for (format, name) in [(ExportFormat::Bpmn, "kols.bpmn"), (ExportFormat::Svg, "kols.svg")] {
        let path = dir.join(name);
        std::fs::write(&path, bytes(&doc, format)).unwrap();
        xmllint(&path);
    }
    let svg = std::fs::read_to_string(dir.join("kols.svg")).unwrap();
    carepath::export::diagram::raster::tree(&svg).unwrap_or_else(|e| panic!("resvg cannot read the SVG: {}", e.message));
    let docx = dir.join("kols.docx");
    std::fs::write(&docx, bytes(&doc, ExportFormat::Docx)).unwrap();
    assert!(every_part("docx", &std::fs::read(&docx).unwrap()) >= 5);
    let pdf = report_doc::libreoffice(&docx, "pdf", "pdf", &dir);
    assert!(std::fs::metadata(&pdf).unwrap().len() > 10_000, "LibreOffice made no real PDF of the Word report");
    let xlsx = dir.join("behov.xlsx");
    std::fs::write(&xlsx, bytes(&doc, ExportFormat::Xlsx)).unwrap();
    let csv = report_doc::libreoffice(&xlsx, "csv:Text - txt - csv (StarCalc):44,34,76", "csv", &dir);
    let rows = report_doc::python_csv(&csv);
    assert!(rows.len() > doc.variants.iter().map(|v| v.need_count()).sum::<usize>(), "{} rows", rows.len());
    assert!(rows.iter().flatten().any(|cell| cell.contains("a\tb")), "the text is still there, tabs kept");
}
