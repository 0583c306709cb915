//! The content of a report, computed once and written by every format: a list of blocks
//! (headings, paragraphs, tables, figures, a heat map). Writers know these blocks and nothing
//! of the pathway model, so a new section only has to produce blocks.

/// One piece of a report, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading; level 1 is the title, 2 a section, 3 a sub-section.
    Heading { level: u8, text: String },
    /// Plain user or report text; newlines are kept as line breaks.
    Paragraph(String),
    Table(Table),
    Figure(Figure),
    HeatMap(HeatMap),
}

/// A table with a header row. Every row has as many cells as there are columns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// A column that holds the document's status, and that status, for a format that shows
    /// it as a badge.
    pub badge: Option<(usize, crate::model::DocStatus)>,
}

impl Table {
    pub fn new(columns: &[&str]) -> Self {
        Table { columns: columns.iter().map(|c| c.to_string()).collect(), rows: Vec::new(), badge: None }
    }

    /// Adds a row, padded or cut to the number of columns.
    pub fn row(&mut self, mut cells: Vec<String>) {
        cells.resize(self.columns.len(), String::new());
        self.rows.push(cells);
    }
}

/// A pathway diagram, as the SVG the diagram exporter draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// File stem of the picture beside a Markdown page (ASCII, e.g. "tjenesteforlop-na-situasjon").
    pub file: String,
    pub caption: String,
    pub svg: String,
    /// Size of the drawing in diagram units (CSS pixels).
    pub width: f64,
    pub height: f64,
    /// The drawing cut along the flow into parts that print legibly one per page, and its
    /// legend (for the PDF report only; empty otherwise).
    pub parts: Vec<crate::diagram::slices::Slice>,
    pub legend: Option<crate::diagram::slices::Slice>,
    /// The whole pathway wrapped into rows of phases, where the drawing is a strip too wide
    /// to read as one picture (with the parts only).
    pub overview: Option<crate::diagram::slices::Slice>,
}

impl Figure {
    /// The scale at which the PNG is drawn: twice the drawing size for sharpness, but the
    /// longest side kept at most 6,000 pixels (a 1,000-step chain is very wide).
    pub fn png_scale(&self) -> f64 {
        (6000.0 / self.width.max(self.height).max(1.0)).min(2.0)
    }

    /// The picture as PNG bytes, and its size in pixels.
    pub fn png(&self) -> crate::Result<(Vec<u8>, u32, u32)> {
        let scale = self.png_scale();
        let bytes = crate::diagram::raster::png(&self.svg, scale)?;
        Ok((bytes, (self.width * scale).ceil() as u32, (self.height * scale).ceil() as u32))
    }
}

/// An actor × actor matrix: rows are providers, columns consumers; each cell counts needs
/// and names what flows.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatMap {
    /// The corner cell's text, e.g. "Tilbyder \ Konsument".
    pub corner: String,
    pub labels: Vec<String>,
    /// `cells[row][column]`, indexed like `labels`.
    pub cells: Vec<Vec<HeatCell>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeatCell {
    pub count: usize,
    /// The information types that flow, e.g. "Målinger, Varsel".
    pub text: String,
}

impl HeatMap {
    /// The largest count, at least 1.
    pub fn max(&self) -> usize {
        self.cells.iter().flatten().map(|c| c.count).max().unwrap_or(0).max(1)
    }

    /// A fill colour for a count: white for none, then from light to deep teal.
    pub fn colour(&self, count: usize) -> &'static str {
        const STEPS: [&str; 5] = ["#e0f2f1", "#b2dfdb", "#80cbc4", "#4db6ac", "#26a69a"];
        if count == 0 {
            return "#ffffff";
        }
        let i = ((count - 1) * (STEPS.len() - 1)) / (self.max() - 1).max(1);
        STEPS[i.min(STEPS.len() - 1)]
    }

    /// The cell as one line of text: the count and what flows.
    pub fn cell_text(cell: &HeatCell) -> String {
        match (cell.count, cell.text.is_empty()) {
            (0, _) => String::new(),
            (n, true) => n.to_string(),
            (n, false) => format!("{n}: {}", cell.text),
        }
    }
}

/// A whole report: its title, the document's properties and the blocks.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub title: String,
    pub lang: crate::model::Lang,
    pub properties: Properties,
    pub blocks: Vec<Block>,
}

/// What a report file says of itself (Word's and PDF's document properties).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Properties {
    /// The patient group.
    pub subject: String,
    /// The document's owners.
    pub authors: Vec<String>,
    /// RFC 3339, UTC.
    pub created: String,
    pub modified: String,
}

impl Report {
    /// The figures, in order.
    pub fn figures(&self) -> impl Iterator<Item = &Figure> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Figure(f) => Some(f),
            _ => None,
        })
    }
}

/// An ASCII file stem from any text: Norwegian letters spelt out, the rest dashes.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push('o'),
            'å' => out.push('a'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {
                if !out.ends_with('-') {
                    out.push('-')
                }
            }
        }
    }
    let s = out.trim_matches('-').to_string();
    if s.is_empty() { "figur".into() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_tidy() {
        assert_eq!(slug("Nå-situasjon"), "na-situasjon");
        assert_eq!(slug("Ønsket forløp (KOLS)!"), "onsket-forlop-kols");
        assert_eq!(slug("<>"), "figur");
    }

    #[test]
    fn heat_colours_grow_with_counts() {
        let cell = |count| HeatCell { count, text: String::new() };
        let m = HeatMap { corner: String::new(), labels: vec!["a".into(), "b".into()], cells: vec![vec![cell(0), cell(1)], vec![cell(4), cell(2)]] };
        assert_eq!(m.colour(0), "#ffffff");
        assert_ne!(m.colour(1), m.colour(4));
        assert_eq!(m.colour(4), "#26a69a");
    }
}
