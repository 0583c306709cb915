//! A small, bounded element tree read with quick-xml, the first pass of the BPMN import.
//!
//! Safe on hostile input: a `<!DOCTYPE` is refused (so no DTD, no entity expansion, no
//! external entities), only the five predefined entities and character references are
//! resolved, and the input size, element count and nesting depth are bounded. The tree is an
//! arena (a `Vec` of elements with child indices), so nothing downstream needs recursion.
//! Malformed XML gives an error with line and column. UTF-8 (with or without BOM) and
//! ISO-8859-1 input are read; other encodings are refused with a clear message.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use std::borrow::Cow;

/// Largest BPMN file read, in bytes.
pub const MAX_BYTES: usize = 128 << 20;
/// Most elements in one file: a pathway of 10,000 steps has about 220,000, so this holds
/// some 45,000 steps while keeping the tree of a hostile file to a few hundred megabytes.
pub const MAX_ELEMENTS: usize = 1_000_000;
/// Deepest element nesting.
pub const MAX_DEPTH: usize = 200;

pub use crate::format::bpmn::{NS_BPMNDI, NS_CAREPATH, NS_DC, NS_DI, NS_MODEL};

/// Which namespace an element is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ns {
    Model,
    BpmnDi,
    Dc,
    Di,
    Carepath,
    /// The ArchiMate Open Exchange Format (read by [`crate::import::archimate`]).
    Archimate,
    Other,
}

/// An attribute: unprefixed by local name, prefixed as written (`xsi:type`), and its value.
/// Both are slices of the file's text unless an entity had to be resolved: a file of 40,000
/// steps holds some 900,000 of them, and copying each doubled the import's memory.
pub type Attr<'a> = (Cow<'a, str>, Cow<'a, str>);

/// One element: namespace, local name and direct text; its attributes and children are ranges
/// of the tree's shared arrays (see [`Tree::attrs`], [`Tree::kids`]), not a vector each.
#[derive(Debug)]
pub struct Element<'a> {
    pub ns: Ns,
    pub name: Cow<'a, str>,
    attrs: (u32, u32),
    children: (u32, u32),
    pub text: String,
    /// Byte offset of the start tag in the (UTF-8) text.
    pub offset: usize,
}

/// The parsed file. Element 0 is the root element.
#[derive(Debug)]
pub struct Tree<'a> {
    pub elements: Vec<Element<'a>>,
    attrs: Vec<Attr<'a>>,
    /// Every element's children, element by element, in document order.
    children: Vec<u32>,
    /// Each `id` to its element: BPMN's own elements and Carepath's extension elements, the
    /// first where an extension element repeats a BPMN id.
    pub ids: foldhash::HashMap<Cow<'a, str>, u32>,
    text: &'a str,
    /// Where each line after the first starts, built on the first position asked for, so a
    /// report naming thousands of places reads the text once, not once per place.
    line_starts: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> Tree<'a> {
    pub fn get(&self, i: u32) -> &Element<'a> {
        &self.elements[i as usize]
    }
    /// An element's attributes in the order written.
    pub fn attrs(&self, i: u32) -> &[Attr<'a>] {
        let (start, len) = self.get(i).attrs;
        &self.attrs[start as usize..(start + len) as usize]
    }
    /// An attribute's value.
    pub fn attr(&self, i: u32, name: &str) -> Option<&str> {
        self.attrs(i).iter().find(|(k, _)| k == name).map(|(_, v)| v.as_ref())
    }
    /// An element's children in document order.
    pub fn kids(&self, i: u32) -> &[u32] {
        let (start, len) = self.get(i).children;
        &self.children[start as usize..(start + len) as usize]
    }
    /// Children in a namespace with a local name.
    pub fn children<'s>(&'s self, i: u32, ns: Ns, name: &'s str) -> impl Iterator<Item = u32> + 's {
        self.kids(i).iter().copied().filter(move |&c| {
            let e = self.get(c);
            e.ns == ns && e.name == name
        })
    }
    /// The first such child.
    pub fn child(&self, i: u32, ns: Ns, name: &str) -> Option<u32> {
        self.children(i, ns, name).next()
    }
    /// 1-based line and column (in characters) of an element's start tag.
    pub fn line_col(&self, i: u32) -> (usize, usize) {
        let starts = self.line_starts.get_or_init(|| self.text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(k, _)| k + 1).collect());
        let offset = self.get(i).offset.min(self.text.len());
        // the lines starting at or before the offset
        let line = starts.partition_point(|&s| s <= offset);
        let start = if line == 0 { 0 } else { starts[line - 1] };
        (line + 1, column(&self.text.as_bytes()[start..offset]))
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    (line, column(&before[start..]))
}

/// The 1-based column (in characters) after the bytes of a line before a place.
fn column(line_before: &[u8]) -> usize {
    String::from_utf8_lossy(line_before).chars().count() + 1
}

/// Decodes the bytes to text: UTF-8 (not copied), or ISO-8859-1 when the declaration says so.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    if bytes.len() > MAX_BYTES {
        return Err(format!("the file is {} bytes; at most {MAX_BYTES} are read", bytes.len()));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) || bytes.starts_with(&[0xFF, 0xFE]) {
        return Err("UTF-16 files are not supported; save the file as UTF-8".into());
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_ascii_lowercase();
    let declared = head
        .strip_prefix("<?xml")
        .and_then(|d| d.split("?>").next())
        .and_then(|d| d.split("encoding").nth(1))
        .and_then(|rest| rest.split(['"', '\'']).nth(1))
        .map(str::trim)
        .unwrap_or("utf-8");
    match declared {
        "utf-8" | "utf8" | "us-ascii" | "ascii" => std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
            let (line, col) = line_col(&String::from_utf8_lossy(&bytes[..e.valid_up_to()]), usize::MAX);
            format!("line {line}, column {col}: not valid UTF-8 text")
        }),
        "iso-8859-1" | "latin1" | "latin-1" | "iso_8859-1" | "l1" => Ok(Cow::Owned(bytes.iter().map(|&b| b as char).collect())),
        other => Err(format!("encoding '{other}' is not supported; save the file as UTF-8")),
    }
}

fn namespace(r: &ResolveResult) -> Ns {
    match r {
        ResolveResult::Bound(ns) => match ns.0 {
            b if b == NS_MODEL => Ns::Model,
            b if b == NS_BPMNDI => Ns::BpmnDi,
            b if b == NS_DC => Ns::Dc,
            b if b == NS_DI => Ns::Di,
            b if b == NS_CAREPATH => Ns::Carepath,
            b if b == crate::format::archimate::NS => Ns::Archimate,
            _ => Ns::Other,
        },
        _ => Ns::Other,
    }
}

/// `part` as a slice of `text` when it lies inside it (no copy), else a copy of it.
fn within<'a>(text: &'a str, part: &[u8]) -> Cow<'a, str> {
    let (base, at) = (text.as_ptr() as usize, part.as_ptr() as usize);
    if at >= base && at - base + part.len() <= text.len() {
        if let Some(s) = text.get(at - base..at - base + part.len()) {
            return Cow::Borrowed(s);
        }
    }
    Cow::Owned(String::from_utf8_lossy(part).into_owned())
}

/// Parses a whole file's text (see [`decode`]) into a tree that borrows from it.
pub fn parse(text: &str) -> Result<Tree<'_>, String> {
    // sized once from the start tags (at most one per '<' not opening an end tag, comment or
    // declaration): growing a vector of 50 MB by doubling copied it a dozen times
    let tags = memchr::memchr_iter(b'<', text.as_bytes()).filter(|&p| !matches!(text.as_bytes().get(p + 1), Some(b'/' | b'?' | b'!'))).count();
    let mut elements: Vec<Element> = Vec::with_capacity(tags.min(MAX_ELEMENTS));
    let mut parents: Vec<u32> = Vec::with_capacity(tags.min(MAX_ELEMENTS));
    let mut attrs: Vec<Attr> = Vec::with_capacity(tags.min(MAX_ELEMENTS));
    let mut stack: Vec<u32> = Vec::new();
    {
        let mut reader = NsReader::from_str(text);
        let at = |reader: &NsReader<&[u8]>, pos: u64| {
            let (line, col) = line_col(text, pos as usize);
            let _ = reader;
            format!("line {line}, column {col}")
        };
        loop {
            let pos = reader.buffer_position();
            let (res, event) = match reader.read_resolved_event() {
                Ok(x) => x,
                Err(e) => return Err(format!("{}: malformed XML: {e}", at(&reader, reader.error_position()))),
            };
            match event {
                Event::Start(ref s) | Event::Empty(ref s) => {
                    if elements.len() >= MAX_ELEMENTS {
                        return Err(format!("{}: more than {MAX_ELEMENTS} elements", at(&reader, pos)));
                    }
                    if stack.len() >= MAX_DEPTH {
                        return Err(format!("{}: elements nested deeper than {MAX_DEPTH} levels", at(&reader, pos)));
                    }
                    if stack.is_empty() && !elements.is_empty() {
                        return Err(format!("{}: a second root element", at(&reader, pos)));
                    }
                    let ns = namespace(&res);
                    let name = within(text, s.local_name().into_inner().as_bytes());
                    let first = attrs.len() as u32;
                    for a in s.attributes() {
                        let a = a.map_err(|e| format!("{}: malformed attribute: {e}", at(&reader, pos)))?;
                        if a.key.as_namespace_binding().is_some() {
                            continue;
                        }
                        let key = within(text, a.key.into_inner().as_bytes());
                        if a.value.contains('<') {
                            return Err(format!("{}: attribute '{key}' holds a raw '<', which XML forbids (write &lt;)", at(&reader, pos)));
                        }
                        let value = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .map_err(|e| format!("{}: attribute '{key}': {e}", at(&reader, pos)))?;
                        let value = match value {
                            Cow::Borrowed(v) => within(text, v.as_bytes()),
                            Cow::Owned(v) => Cow::Owned(v),
                        };
                        attrs.push((key, value));
                    }
                    let idx = elements.len() as u32;
                    let own = (first, attrs.len() as u32 - first);
                    elements.push(Element { ns, name, attrs: own, children: (0, 0), text: String::new(), offset: pos as usize });
                    parents.push(stack.last().copied().unwrap_or(u32::MAX));
                    if matches!(event, Event::Start(_)) {
                        stack.push(idx);
                    }
                }
                Event::End(_) => {
                    stack.pop();
                }
                Event::Text(t) => {
                    if let Some(&cur) = stack.last() {
                        let content = t.xml10_content();
                        let el = &mut elements[cur as usize];
                        if !el.text.is_empty() || !content.trim().is_empty() {
                            el.text.push_str(&content);
                        }
                    }
                }
                Event::CData(t) => {
                    if let Some(&cur) = stack.last() {
                        elements[cur as usize].text.push_str(&t);
                    }
                }
                Event::GeneralRef(r) => {
                    let ch = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => {
                            let name = r.to_string();
                            match resolve_predefined_entity(&name) {
                                Some(s) => s.to_string(),
                                None => return Err(format!("{}: unknown entity '&{name};' (only the predefined XML entities are allowed)", at(&reader, pos))),
                            }
                        }
                        Err(e) => return Err(format!("{}: bad character reference: {e}", at(&reader, pos))),
                    };
                    if let Some(&cur) = stack.last() {
                        elements[cur as usize].text.push_str(&ch);
                    }
                }
                Event::DocType(_) => {
                    return Err(format!(
                        "{}: the file has a DOCTYPE declaration; BPMN files need none, and Carepath refuses them (no DTDs or entities)",
                        at(&reader, pos)
                    ))
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
                Event::Eof => break,
            }
        }
        if !stack.is_empty() {
            return Err(format!("{}: the file ends inside an element", at(&reader, text.len() as u64)));
        }
    }
    if elements.is_empty() {
        return Err("the file has no XML element".into());
    }
    let children = sibling_runs(&mut elements, &parents);
    let mut tree = Tree { elements, attrs, children, ids: Default::default(), text, line_starts: Default::default() };
    tree.ids = unique_ids(&tree)?;
    Ok(tree)
}

/// Lays the children out parent by parent (a counting sort of the elements by parent, which
/// keeps document order) and gives each element its range.
fn sibling_runs(elements: &mut [Element], parents: &[u32]) -> Vec<u32> {
    for &p in parents.iter().filter(|&&p| p != u32::MAX) {
        elements[p as usize].children.1 += 1;
    }
    let mut next = 0;
    for e in elements.iter_mut() {
        e.children.0 = next;
        next += e.children.1;
    }
    let mut filled: Vec<u32> = elements.iter().map(|e| e.children.0).collect();
    let mut children = vec![0; next as usize];
    for (i, &p) in parents.iter().enumerate().filter(|(_, &p)| p != u32::MAX) {
        children[filled[p as usize] as usize] = i as u32;
        filled[p as usize] += 1;
    }
    children
}

/// The map of ids, checking that every `id` of a BPMN element is unique in the file (an XML
/// ID): a second element with an id already used is refused with both places. Other tools'
/// extension elements are neither checked nor mapped: their `id` is theirs (an ADONIS file
/// repeats a process id in its own target). The map is built once and used by the import
/// (foldhash: the ids of a 40,000-step file are hashed twice as fast as with SipHash, and
/// it is seeded per process, so a hostile file cannot choose colliding ids).
fn unique_ids<'a>(tree: &Tree<'a>) -> Result<foldhash::HashMap<Cow<'a, str>, u32>, String> {
    let (elements, text) = (&tree.elements, tree.text);
    let mut ids: foldhash::HashMap<Cow<'a, str>, u32> = foldhash::HashMap::with_capacity_and_hasher(elements.len() / 2, Default::default());
    // BPMN elements whose id an extension element took first (rare): checked among themselves
    let mut shadowed: foldhash::HashMap<Cow<'a, str>, u32> = Default::default();
    for (i, e) in elements.iter().enumerate().filter(|(_, e)| e.ns != Ns::Other) {
        let Some(id) = tree.attrs(i as u32).iter().find(|(k, _)| k == "id").map(|(_, v)| v) else { continue };
        let Some(&first) = ids.get(id.as_ref()) else {
            ids.insert(id.clone(), i as u32);
            continue;
        };
        if e.ns == Ns::Carepath {
            continue;
        }
        let first = if elements[first as usize].ns == Ns::Carepath {
            match shadowed.insert(id.clone(), i as u32) {
                Some(f) => f,
                None => continue,
            }
        } else {
            first
        };
        let (line, col) = line_col(text, e.offset);
        let (l1, c1) = line_col(text, elements[first as usize].offset);
        return Err(format!("line {line}, column {col}: the id '{id}' is already used by the element at line {l1}, column {c1}; BPMN ids must be unique"));
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes and parses as the import does (the text is leaked: tests only).
    fn read(bytes: &[u8]) -> Result<Tree<'static>, String> {
        let text: &'static str = Box::leak(decode(bytes)?.into_owned().into_boxed_str());
        parse(text)
    }

    #[test]
    fn refuses_a_second_element_with_the_same_id_naming_both_places() {
        let xml = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"p\">\n  <task id=\"a\"/>\n  <task id=\"a\"/>\n</process></definitions>";
        let err = read(xml.as_bytes()).unwrap_err();
        assert_eq!(err, "line 4, column 3: the id 'a' is already used by the element at line 3, column 3; BPMN ids must be unique");
        assert!(read(xml.replacen("id=\"a\"", "id=\"b\"", 1).as_bytes()).is_ok());
    }

    #[test]
    fn element_places_from_the_line_index_match_counting_from_the_start() {
        let text = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"p\">\n  <task id=\"å\"/><task id=\"b\"/>\n\n   <task id=\"c\"/>\n</process></definitions>";
        let t = parse(text).unwrap();
        assert_eq!(t.elements.len(), 5);
        for i in 0..t.elements.len() as u32 {
            assert_eq!(t.line_col(i), line_col(text, t.get(i).offset), "element {i}");
        }
        assert_eq!(t.line_col(3), (3, 17), "after a two-byte character the column counts characters");
        assert_eq!(t.line_col(4), (5, 4));
    }

    #[test]
    fn names_and_plain_values_are_slices_of_the_text() {
        let text = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><task id=\"a\" name=\"x &amp; y\"/></definitions>";
        let t = parse(text).unwrap();
        let task = t.get(1);
        assert!(matches!(task.name, Cow::Borrowed("task")));
        let attrs = t.attrs(1);
        assert!(matches!(attrs[0], (Cow::Borrowed("id"), Cow::Borrowed("a"))), "{attrs:?}");
        assert!(matches!(&attrs[1].1, Cow::Owned(v) if v == "x & y"), "{attrs:?}");
    }

    #[test]
    fn an_extension_element_taking_an_id_first_does_not_hide_a_repeated_bpmn_id() {
        let xml = format!(
            "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:cp=\"{NS_CAREPATH}\">\n<cp:x id=\"a\"/>\n<task id=\"a\"/>\n<task id=\"a\"/></definitions>"
        );
        let err = read(xml.as_bytes()).unwrap_err();
        assert!(err.starts_with("line 4, column 1: the id 'a' is already used by the element at line 3, column 1"), "{err}");
        let once = read(xml.replacen("<task id=\"a\"/>\n", "", 1).as_bytes()).unwrap();
        assert_eq!(once.ids.get("a"), Some(&1), "the first element keeps the id");
    }

    #[test]
    fn refuses_a_raw_less_than_in_an_attribute() {
        let xml = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <task id=\"a\" name=\"x < y\"/></definitions>";
        let err = read(xml.as_bytes()).unwrap_err();
        assert!(err.starts_with("line 2, column 3: attribute 'name' holds a raw '<'"), "{err}");
        assert_eq!(read(xml.replace(" < ", " &lt; ").as_bytes()).unwrap().attr(1, "name"), Some("x < y"));
    }

    #[test]
    fn reads_namespaces_entities_and_text() {
        let t = read(
            br#"<?xml version="1.0"?><b:definitions xmlns:b="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><b:task name="A &amp; &#xE6;&#10;b"><b:documentation>x &lt; y &#248;</b:documentation></b:task></b:definitions>"#,
        )
        .unwrap();
        assert_eq!(t.get(0).ns, Ns::Model);
        let task = t.child(0, Ns::Model, "task").unwrap();
        assert_eq!(t.attr(task, "name"), Some("A & æ\nb"));
        let doc = t.child(task, Ns::Model, "documentation").unwrap();
        assert_eq!(t.get(doc).text, "x < y ø");
    }

    #[test]
    fn refuses_doctype_and_unknown_entities() {
        let e = read(b"<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>&e;</x>").unwrap_err();
        assert!(e.contains("DOCTYPE") && e.starts_with("line 2"), "{e}");
        let e = read(b"<x>&e;</x>").unwrap_err();
        assert!(e.contains("unknown entity"), "{e}");
    }

    #[test]
    fn malformed_xml_names_line_and_column() {
        let e = read(b"<a>\n  <b></c>\n</a>").unwrap_err();
        assert!(e.starts_with("line 2, column"), "{e}");
        let e = read(b"<a>\n<b>").unwrap_err();
        assert!(e.contains("ends inside"), "{e}");
    }

    #[test]
    fn bounds_the_number_of_elements() {
        let many = format!("<a>{}</a>", "<x/>".repeat(MAX_ELEMENTS));
        let e = read(many.as_bytes()).unwrap_err();
        assert!(e.contains("more than 1000000 elements") && e.starts_with("line 1, column"), "{e}");
    }

    #[test]
    fn bounds_depth_and_reads_latin1() {
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        assert!(read(deep.as_bytes()).unwrap_err().contains("deeper"));
        let latin = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a n=\"\xe6\xf8\xe5\"/>";
        let t = read(latin).unwrap();
        assert_eq!(t.attr(0, "n"), Some("æøå"));
        assert!(read(b"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><a/>").unwrap_err().contains("Shift_JIS".to_ascii_lowercase().as_str()));
    }
}
