//! The closed world a report is typeset in: one Typst source, the report's pictures as
//! in-memory files, and only the fonts built into the program. Nothing is read from disk or
//! the network, so the PDF is the same on every machine. File names are fixed and few
//! (`/main.typ`, `/figure-N.svg`), as Typst keeps every file id it has seen for the life of
//! the process.

use crate::layout::text::{FONT_BOLD, FONT_REGULAR};
use std::collections::HashMap;
use std::sync::OnceLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The standard library and the fonts, made once per process.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts: Vec<Font> = [FONT_REGULAR, FONT_BOLD].iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect();
        Shared { library: LazyHash::new(Library::default()), book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
    })
}

/// A file id in the report's project.
pub fn file_id(path: &str) -> FileId {
    RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).expect("a valid fixed path")).intern()
}

pub struct ReportWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
    /// The report's date (the document's last change), for `datetime.today()`.
    today: Option<Datetime>,
}

impl ReportWorld {
    pub fn new(source: String, files: Vec<(String, Vec<u8>)>, today: Option<Datetime>) -> Self {
        let main = Source::new(file_id("/main.typ"), source);
        let files = files.into_iter().map(|(name, bytes)| (file_id(&name), Bytes::new(bytes))).collect();
        ReportWorld { main, files, today }
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &shared().library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &shared().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.get(&id).cloned().ok_or(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        shared().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}
