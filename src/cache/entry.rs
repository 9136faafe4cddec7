//! One speech's outline as the cache keeps it: the document without its text, each
//! paragraph placed in the decoded file, so that a search can rebuild the document from
//! the entry and the file instead of parsing the file again.
//!
//! Little-endian u32 fields; a paragraph whose text is not one run of the file (lines
//! joined after a lost break, Markdown taken off) keeps its text in the entry.

use crate::outline::{Document, Kind, Node, Paragraph, Role, Why};
use std::ops::Range;

/// `u32::MAX` stands for "none" in optional fields.
const NONE: u32 = u32::MAX;

/// The entry for `doc`, parsed from `text` (the decoded file), or `None` when a figure
/// does not fit the format (a file over 4 GB).
pub fn encode(doc: &Document, text: &str) -> Option<Vec<u8>> {
    let places = places(doc, text);
    let mut literals = String::new();
    let mut out = Out(Vec::with_capacity(64 + doc.paragraphs.len() * 21 + doc.nodes.len() * 37));
    out.u32(len32(doc.paragraphs.len())?);
    out.u32(len32(doc.nodes.len())?);
    out.u32(len32(doc.chars)?);
    out.opt(doc.announced)?;
    out.str(&doc.title)?;
    out.u32(doc.subtitle.as_ref().map_or(Some(NONE), |s| len32(s.len()))?);
    out.0.extend_from_slice(doc.subtitle.as_deref().unwrap_or("").as_bytes());
    let mut labels = String::new();
    let mut node_labels = Vec::with_capacity(doc.nodes.len());
    for n in &doc.nodes {
        let start = labels.len();
        labels.push_str(doc.node_marker(n));
        let marker_len = labels.len() - start;
        labels.push_str(doc.node_title(n));
        node_labels.push((start, labels.len(), marker_len));
    }
    out.str(&labels)?;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        out.u32(len32(p.line)?);
        out.0.push(role_code(p.role));
        out.opt(p.node)?;
        out.u32(len32(p.lead)?);
        match places[i] {
            Some(start) => {
                out.0.push(0);
                out.u32(len32(start)?);
            }
            None => {
                out.0.push(1);
                out.u32(len32(literals.len())?);
                literals.push_str(doc.para_text(i));
            }
        }
        out.u32(len32(p.span.len())?);
    }
    for (n, &(start, end, marker_len)) in doc.nodes.iter().zip(&node_labels) {
        out.u32(len32(n.level)?);
        out.0.push(u8::from(n.kind == Kind::Point));
        out.u32(len32(n.line)?);
        out.u32(len32(n.chars)?);
        out.opt(n.parent)?;
        out.u32(len32(n.end)?);
        out.u32(len32(n.para)?);
        out.u32(len32(start)?);
        out.u32(len32(end)?);
        out.u32(len32(marker_len)?);
    }
    out.str(&literals)?;
    Some(out.0)
}

/// The document an entry describes, its paragraphs read from `text` (the decoded file),
/// or the text back when the entry does not fit it: a damaged cache is read as a miss,
/// never trusted. Explanations (`Why`), removed lines and warnings are not kept: the
/// document serves a search, not `outline --explain`.
pub fn decode(
    bytes: &[u8],
    path: &str,
    text: String,
    encoding: &'static str,
) -> Result<Document, String> {
    let Some(mut e) = read(bytes) else {
        return Err(text);
    };
    let text = place_text(text, e.literals, &e.places, &mut e.paragraphs)?;
    let line_of = |role| e.paragraphs.iter().find(|p| p.role == role).map(|p| p.line);
    Ok(Document {
        path: path.to_string(),
        closing_line: line_of(Role::Closing),
        appendix_line: line_of(Role::Appendix),
        title: e.title,
        subtitle: e.subtitle,
        encoding,
        chars: e.chars,
        announced: e.announced,
        removed: Vec::new(),
        warnings: Vec::new(),
        nodes: e.nodes,
        paragraphs: e.paragraphs,
        labels: e.labels,
        text,
    })
}

/// An entry read, before its paragraphs are placed in the text.
struct Read<'a> {
    title: String,
    subtitle: Option<String>,
    chars: usize,
    announced: Option<usize>,
    labels: String,
    paragraphs: Vec<Paragraph>,
    /// Per paragraph: whether its text is in the file (else in `literals`), and where.
    places: Vec<(bool, Range<usize>)>,
    nodes: Vec<Node>,
    literals: &'a str,
}

fn read(bytes: &[u8]) -> Option<Read<'_>> {
    let mut r = In(bytes);
    let n_paras = r.len()?;
    let n_nodes = r.len()?;
    // Each paragraph takes at least 22 bytes and each node 37: a count the entry cannot
    // hold is damage, found before anything is allocated for it.
    if n_paras.checked_mul(22)?.checked_add(n_nodes.checked_mul(37)?)? > bytes.len() {
        return None;
    }
    let chars = r.len()?;
    let announced = r.opt()?;
    let title = r.str()?.to_string();
    let subtitle = match r.u32()? {
        NONE => None,
        n => Some(utf8(r.take(usize::try_from(n).ok()?)?)?.to_string()),
    };
    let labels = r.str()?.to_string();
    let mut paragraphs = Vec::with_capacity(n_paras);
    let mut places = Vec::with_capacity(n_paras);
    for _ in 0..n_paras {
        let line = r.len()?;
        let role = role_of(r.u8()?)?;
        let node = r.opt()?.filter(|&n| n < n_nodes);
        let lead = r.len()?;
        let from_file = r.u8()? == 0;
        let start = r.len()?;
        let len = r.len()?;
        places.push((from_file, start..start.checked_add(len)?));
        paragraphs.push(Paragraph {
            line,
            role,
            why: Why::Body,
            span: 0..0,
            node,
            lead,
        });
    }
    let mut nodes: Vec<Node> = Vec::with_capacity(n_nodes);
    for i in 0..n_nodes {
        let level = r.len()?;
        let kind = if r.u8()? == 1 { Kind::Point } else { Kind::Heading };
        let line = r.len()?;
        let chars = r.len()?;
        let parent = r.opt()?;
        let end = r.len()?;
        let para = r.len()?;
        let (start, stop, marker_len) = (r.len()?, r.len()?, r.len()?);
        // Pre-order: a parent comes before its child, a subtree ends after its node.
        let sane = parent.is_none_or(|p| p < i)
            && end > i
            && end <= n_nodes
            && para < n_paras
            && labels.get(start..stop).is_some()
            && labels.is_char_boundary(start + marker_len.min(stop - start));
        if !sane {
            return None;
        }
        let mut n = Node::new(level, kind, line, start..stop, marker_len.min(stop - start));
        n.chars = chars;
        n.parent = parent;
        n.end = end;
        n.para = para;
        nodes.push(n);
    }
    let literals = r.str()?;
    Some(Read {
        title,
        subtitle,
        chars,
        announced,
        labels,
        paragraphs,
        places,
        nodes,
        literals,
    })
}

/// The document's text and its paragraphs' spans in it, or the file's text back when a
/// place is outside it. When every paragraph is a run of the file, the file's text is
/// kept whole (junk lines between the paragraphs stay in it, outside every span): no
/// copy. Otherwise the paragraphs are put one after another, as the parser does.
fn place_text(
    file: String,
    literals: &str,
    places: &[(bool, Range<usize>)],
    paragraphs: &mut [Paragraph],
) -> Result<String, String> {
    let piece = |(from_file, r): &(bool, Range<usize>)| {
        if *from_file {
            file.get(r.clone())
        } else {
            literals.get(r.clone())
        }
    };
    if !places.iter().all(|p| piece(p).is_some()) {
        return Err(file);
    }
    // In order and apart, as the search's lookup of a match's paragraph needs.
    let mut at = 0;
    let in_order = places.iter().all(|(from_file, r)| {
        let ok = *from_file && r.start >= at;
        at = r.end;
        ok
    });
    let text = if in_order {
        for (p, (_, r)) in paragraphs.iter_mut().zip(places) {
            p.span = r.clone();
        }
        file
    } else {
        let mut text = String::new();
        for (p, place) in paragraphs.iter_mut().zip(places) {
            let start = text.len();
            text.push_str(piece(place).unwrap_or(""));
            p.span = start..text.len();
        }
        text
    };
    // The heading part is sliced off the paragraph's text elsewhere.
    for p in paragraphs.iter_mut() {
        let ok = text
            .get(p.span.clone())
            .is_some_and(|t| p.lead <= t.len() && t.is_char_boundary(p.lead));
        if !ok {
            p.lead = 0;
        }
    }
    Ok(text)
}

/// Where each paragraph's text starts in `text`, the decoded file, when it is a run of
/// it that starts on the paragraph's line; in order, so spans never overlap.
fn places(doc: &Document, text: &str) -> Vec<Option<usize>> {
    let bytes = text.as_bytes();
    let mut line = 1;
    // Start of line `line`.
    let mut line_start = 0;
    let mut after = 0;
    doc.paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            while line < p.line {
                line_start = memchr::memchr(b'\n', &bytes[line_start..])
                    .map_or(bytes.len(), |k| line_start + k + 1);
                line += 1;
            }
            let line_end = memchr::memchr(b'\n', &bytes[line_start..])
                .map_or(bytes.len(), |k| line_start + k);
            let from = line_start.max(after);
            let t = doc.para_text(i);
            let k = text.get(from..line_end)?.find(t)?;
            after = from + k + t.len();
            Some(from + k)
        })
        .collect()
}

fn role_code(r: Role) -> u8 {
    match r {
        Role::Title => 0,
        Role::Subtitle => 1,
        Role::Meta => 2,
        Role::Salutation => 3,
        Role::Body => 4,
        Role::Heading => 5,
        Role::Closing => 6,
        Role::Appendix => 7,
    }
}

fn role_of(c: u8) -> Option<Role> {
    Some(match c {
        0 => Role::Title,
        1 => Role::Subtitle,
        2 => Role::Meta,
        3 => Role::Salutation,
        4 => Role::Body,
        5 => Role::Heading,
        6 => Role::Closing,
        7 => Role::Appendix,
        _ => return None,
    })
}

fn len32(n: usize) -> Option<u32> {
    u32::try_from(n).ok().filter(|&n| n != NONE)
}

struct Out(Vec<u8>);

impl Out {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn opt(&mut self, v: Option<usize>) -> Option<()> {
        self.u32(v.map_or(Some(NONE), len32)?);
        Some(())
    }

    fn str(&mut self, s: &str) -> Option<()> {
        self.u32(len32(s.len())?);
        self.0.extend_from_slice(s.as_bytes());
        Some(())
    }
}

struct In<'a>(&'a [u8]);

impl<'a> In<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.u32()?).ok()
    }

    fn opt(&mut self) -> Option<Option<usize>> {
        match self.u32()? {
            NONE => Some(None),
            v => Some(Some(usize::try_from(v).ok()?)),
        }
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = self.len()?;
        utf8(self.take(n)?)
    }
}

/// Checked as fast as the speech's text was: labels are mostly Chinese.
fn utf8(b: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(b).ok()
}
