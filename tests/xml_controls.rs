//! Text with characters XML 1.0 forbids (a vertical tab pasted from PowerPoint, U+0001,
//! U+001F) gives well-formed XML in every format that is XML: each part of the Word report
//! and of the XLSX register, the BPMN file and the SVG diagram, read back by a real parser.

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
