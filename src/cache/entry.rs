//! One speech's outline as the cache keeps it: the document without its text, each
//! paragraph placed in the decoded file, so that a search can rebuild the document from
//! the entry and the file instead of parsing the file again.
//!
//! Numbers are LEB128 varints, most of them differences from the one before, so an
//! entry is about a twentieth of its speech. A paragraph whose text is not one run of
//! the file (lines joined after a lost break, Markdown taken off) keeps its text in the
//! entry, and so does a heading's label that does not open its paragraph.
//!
//! For a UTF-8 or GB18030 file whose paragraphs each decode alone from a run of its bytes,
//! the entry also keeps those runs, in a fixed-width table (`raw::Places`): a search can
//! then look in the raw file and decode only the paragraphs a match falls in, reading
//! only the rows of those (`search::sketch`).

use super::raw::{self, Coding, Places};
use super::varint::{In, Out, utf8};
use crate::outline::{Document, Kind, Node, Paragraph, Role, Why};
use std::ops::Range;

/// The entry for `doc`, parsed from `text` (the decoded file), which was read from
/// `file`'s bytes.
///
/// In order: a head (coding, counts, title, the first title, closing and appendix
/// paragraphs), the table of places when there is one, the nodes and the labels that do
/// not open their paragraphs, then the paragraphs and the texts that are no run of the
/// file. A raw search reads up to the labels and stops.
pub fn encode(doc: &Document, text: &str, file: &[u8]) -> Vec<u8> {
    let places = places(doc, text);
    let mut out = Out(Vec::with_capacity(
        64 + doc.paragraphs.len() * 20 + doc.nodes.len() * 12,
    ));
    // Where the paragraphs lie in the file's bytes, when each decodes alone.
    let table = Coding::of(doc.encoding).and_then(|coding| {
        let spans: Option<Vec<Range<usize>>> = (places.iter().zip(&doc.paragraphs))
            .map(|(at, p)| at.map(|at| at..at + p.span.len()))
            .collect();
        let in_file = raw::places(file, text, &spans?, coding)?;
        Some((
            coding,
            raw::table(&in_file, doc.paragraphs.iter().map(|p| p.line))?,
        ))
    });
    out.0.push(table.as_ref().map_or(0, |(c, _)| c.code()));
    out.num(doc.paragraphs.len());
    out.num(doc.nodes.len());
    out.num(doc.chars);
    out.opt(doc.announced);
    out.str(&doc.title);
    out.opt(doc.subtitle.as_ref().map(String::len));
    out.0
        .extend_from_slice(doc.subtitle.as_deref().unwrap_or("").as_bytes());
    for role in LANDMARKS {
        let first = doc.paragraphs.iter().position(|p| p.role == role);
        out.opt(first);
        if let Some(p) = first {
            out.num(doc.paragraphs[p].line);
        }
    }
    if let Some((_, table)) = &table {
        out.0.extend_from_slice(table);
    }
    let mut other_labels = String::new();
    for (i, n) in doc.nodes.iter().enumerate() {
        out.num(n.level);
        out.0.push(u8::from(n.kind == Kind::Point));
        out.num(n.line);
        out.num(n.chars);
        out.opt(n.parent.map(|p| i - p - 1));
        out.num(n.end - i);
        out.num(n.para);
        let (marker, title) = (doc.node_marker(n), doc.node_title(n));
        out.num(marker.len());
        out.num(title.len());
        let opens = doc
            .para_text(n.para)
            .strip_prefix(marker)
            .is_some_and(|t| t.starts_with(title));
        out.0.push(u8::from(opens));
        if !opens {
            other_labels.push_str(marker);
            other_labels.push_str(title);
        }
    }
    out.str(&other_labels);
    let mut literals = String::new();
    let mut end = 0;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        out.num(p.line);
        out.0.push(role_code(p.role));
        out.opt(p.node);
        out.num(p.lead);
        match places[i] {
            // From the file: how far after the last paragraph's end it starts.
            Some(start) => {
                out.num((start - end) << 1);
                end = start + p.span.len();
            }
            None => {
                out.num(literals.len() << 1 | 1);
                literals.push_str(doc.para_text(i));
            }
        }
        out.num(p.span.len());
    }
    out.str(&literals);
    out.0
}

/// The roles whose first paragraph the head names: the breadcrumbs' landmarks.
const LANDMARKS: [Role; 3] = [Role::Title, Role::Closing, Role::Appendix];

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
    let mut paragraphs = Vec::new();
    let mut places = Vec::new();
    let read = read(bytes, |n, p| {
        if places.is_empty() {
            paragraphs.reserve_exact(n);
            places.reserve_exact(n);
        }
        places.push(p.place);
        paragraphs.push(Paragraph {
            line: p.line,
            role: p.role,
            why: Why::Body,
            span: 0..0,
            node: p.node,
            lead: p.lead,
        });
    });
    let Some(e) = read else {
        return Err(text);
    };
    let text = place_text(text, e.literals, &places, &mut paragraphs)?;
    let Some((nodes, labels)) = nodes(&text, &paragraphs, &e.nodes, e.other_labels) else {
        return Err(text);
    };
    let line_of = |role| paragraphs.iter().find(|p| p.role == role).map(|p| p.line);
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
        nodes,
        paragraphs,
        labels,
        text,
    })
}

/// An entry read, but for its paragraphs, which `read` hands out one by one.
pub struct Read<'a> {
    pub title: String,
    subtitle: Option<String>,
    chars: usize,
    announced: Option<usize>,
    pub nodes: Vec<RawNode>,
    literals: &'a str,
    pub other_labels: &'a str,
}

/// A paragraph as the entry gives it.
pub struct ParaRecord {
    pub line: usize,
    pub role: Role,
    node: Option<usize>,
    lead: usize,
    /// Whether its text is in the decoded file (else in `literals`), and where.
    place: (bool, Range<usize>),
}

/// What a raw search reads of an entry: its head, table of places and outline, not its
/// paragraphs.
pub struct Outline<'a> {
    pub title: &'a str,
    pub coding: Coding,
    pub places: Places<'a>,
    /// The first title, closing and appendix paragraphs, and their lines.
    pub landmarks: [Option<(usize, usize)>; 3],
    pub nodes: Vec<RawNode>,
    pub other_labels: &'a str,
}

/// The head of an entry.
struct Head<'a> {
    n_paras: usize,
    n_nodes: usize,
    chars: usize,
    announced: Option<usize>,
    title: &'a str,
    subtitle: Option<&'a str>,
    landmarks: [Option<(usize, usize)>; 3],
    /// With the file's coding, when every paragraph has a place in its bytes.
    places: Option<(Coding, Places<'a>)>,
}

fn head<'a>(r: &mut In<'a>) -> Option<Head<'a>> {
    let size = r.0.len();
    let coding = match r.u8()? {
        0 => None,
        c => Some(Coding::from_code(c)?),
    };
    let n_paras = r.num()?;
    let n_nodes = r.num()?;
    // Each paragraph takes at least 6 bytes (and a row of places) and each node 10: a
    // count the entry cannot hold is damage, found before anything is allocated for it.
    let per_para = if coding.is_some() { 6 + raw::ROW } else { 6 };
    if n_paras
        .checked_mul(per_para)?
        .checked_add(n_nodes.checked_mul(10)?)?
        > size
    {
        return None;
    }
    let chars = r.num()?;
    let announced = r.opt()?;
    let title = r.str()?;
    let subtitle = match r.opt()? {
        None => None,
        Some(n) => Some(utf8(r.take(n)?)?),
    };
    let mut landmarks = [None; 3];
    for mark in &mut landmarks {
        if let Some(p) = r.opt()? {
            *mark = Some((p, r.num()?));
        }
    }
    let places = match coding {
        Some(c) => Some((c, Places::new(r.take(n_paras.checked_mul(raw::ROW)?)?))),
        None => None,
    };
    Some(Head {
        n_paras,
        n_nodes,
        chars,
        announced,
        title,
        subtitle,
        landmarks,
        places,
    })
}

/// An entry's head and outline for a raw search, the nodes read into `nodes` (emptied
/// first, so a search thread reuses one vector); `None` when it has no places or is
/// damaged.
pub fn outline(bytes: &[u8], mut nodes: Vec<RawNode>) -> Option<Outline<'_>> {
    let mut r = In(bytes);
    let h = head(&mut r)?;
    let (coding, places) = h.places?;
    raw_nodes(&mut r, h.n_nodes, h.n_paras, &mut nodes)?;
    Some(Outline {
        title: h.title,
        coding,
        places,
        landmarks: h.landmarks,
        nodes,
        other_labels: r.str()?,
    })
}

/// An entry's parts, `paragraph` given each paragraph with their number; `None` when
/// the entry is damaged.
pub fn read<'a>(bytes: &'a [u8], mut paragraph: impl FnMut(usize, ParaRecord)) -> Option<Read<'a>> {
    let mut r = In(bytes);
    let h = head(&mut r)?;
    let n_paras = h.n_paras;
    let mut nodes = Vec::new();
    raw_nodes(&mut r, h.n_nodes, n_paras, &mut nodes)?;
    let other_labels = r.str()?;
    let mut end = 0usize;
    for _ in 0..n_paras {
        let line = r.num()?;
        let role = role_of(r.u8()?)?;
        let node = r.opt()?.filter(|&n| n < h.n_nodes);
        let lead = r.num()?;
        let at = r.num()?;
        let len = r.num()?;
        let place = if at & 1 == 0 {
            let start = end.checked_add(at >> 1)?;
            end = start.checked_add(len)?;
            (true, start..end)
        } else {
            (false, (at >> 1)..(at >> 1).checked_add(len)?)
        };
        paragraph(
            n_paras,
            ParaRecord {
                line,
                role,
                node,
                lead,
                place,
            },
        );
    }
    let literals = r.str()?;
    Some(Read {
        title: h.title.to_string(),
        subtitle: h.subtitle.map(str::to_string),
        chars: h.chars,
        announced: h.announced,
        nodes,
        literals,
        other_labels,
    })
}

fn raw_nodes(
    r: &mut In<'_>,
    n_nodes: usize,
    n_paras: usize,
    nodes: &mut Vec<RawNode>,
) -> Option<()> {
    nodes.clear();
    nodes.reserve(n_nodes);
    // Where the next label that does not open its paragraph starts in `other_labels`.
    let mut other = 0usize;
    for i in 0..n_nodes {
        let level = r.num()?;
        let kind = if r.u8()? == 1 {
            Kind::Point
        } else {
            Kind::Heading
        };
        let line = r.num()?;
        let chars = r.num()?;
        // Pre-order: a parent comes before its child, a subtree ends after its node.
        let parent = match r.opt()? {
            Some(back) => Some(i.checked_sub(back.checked_add(1)?)?),
            None => None,
        };
        let end = i.checked_add(r.num()?)?;
        let para = r.num()?;
        if end <= i || end > n_nodes || para >= n_paras {
            return None;
        }
        let (marker, title) = (r.num()?, r.num()?);
        let len = marker.checked_add(title)?;
        let elsewhere = match r.u8()? == 1 {
            true => None,
            false => {
                other = other.checked_add(len)?;
                Some(other - len..other)
            }
        };
        nodes.push(RawNode {
            level,
            kind,
            line,
            chars,
            parent,
            end,
            para,
            marker,
            title,
            elsewhere,
        });
    }
    Some(())
}

/// A node as the entry gives it, its label not yet found.
pub struct RawNode {
    level: usize,
    kind: Kind,
    pub line: usize,
    chars: usize,
    pub parent: Option<usize>,
    end: usize,
    pub para: usize,
    /// Byte lengths of marker and title.
    pub marker: usize,
    pub title: usize,
    /// Where the label is in `other_labels`; `None` when it opens the node's paragraph.
    pub elsewhere: Option<Range<usize>>,
}

/// The nodes and their labels string; `None` when a label is not where the entry says.
fn nodes(
    text: &str,
    paragraphs: &[Paragraph],
    raw: &[RawNode],
    other: &str,
) -> Option<(Vec<Node>, String)> {
    let mut labels = String::new();
    let mut nodes = Vec::with_capacity(raw.len());
    for r in raw {
        let label = match &r.elsewhere {
            None => {
                let len = r.marker + r.title;
                text.get(paragraphs.get(r.para)?.span.clone())?.get(..len)?
            }
            Some(at) => other.get(at.clone())?,
        };
        if !label.is_char_boundary(r.marker) {
            return None;
        }
        let start = labels.len();
        labels.push_str(label);
        let mut n = Node::new(r.level, r.kind, r.line, start..labels.len(), r.marker);
        n.chars = r.chars;
        n.parent = r.parent;
        n.end = r.end;
        n.para = r.para;
        nodes.push(n);
    }
    Some((nodes, labels))
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
            let line_end =
                memchr::memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |k| line_start + k);
            let from = line_start.max(after);
            let t = doc.para_text(i);
            let line = text.get(from..line_end)?;
            // Mostly the line without its indentation; else after a Markdown mark.
            let body = line.trim_start();
            let k = match body.starts_with(t) {
                true => line.len() - body.len(),
                false => memchr::memmem::find(line.as_bytes(), t.as_bytes())?,
            };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{parse_bytes, samples::SAMPLES};
    use crate::outline::Text;

    /// What a search reads of a document, texts included.
    fn seen(d: &Document) -> String {
        let mut out = format!(
            "{}|{:?}|{}|{:?}|{:?}|{:?}|{}\n",
            d.title, d.subtitle, d.chars, d.announced, d.closing_line, d.appendix_line, d.encoding
        );
        for (i, p) in d.paragraphs.iter().enumerate() {
            let t = d.para_text(i);
            let head = t.get(..p.lead).unwrap_or("?");
            out += &format!("{} {:?} {:?} {head:?} {t:?}\n", p.line, p.role, p.node);
        }
        for n in &d.nodes {
            out += &format!(
                "{} {:?} {} {} {:?} {} {} {:?} {:?}\n",
                n.level,
                n.kind,
                n.line,
                n.chars,
                n.parent,
                n.end,
                n.para,
                d.node_marker(n),
                d.node_title(n)
            );
        }
        out
    }

    fn round_trip(name: &str, bytes: &[u8]) -> (Document, Result<Document, String>) {
        parse_bytes(name, bytes, Text::Keep, |doc, text| {
            let entry = encode(&doc, text, bytes);
            let back = decode(&entry, name, text.to_string(), doc.encoding);
            (doc, back)
        })
        .expect("parses")
    }

    #[test]
    fn every_sample_comes_back_as_it_was_parsed() {
        for (name, bytes) in SAMPLES {
            let (doc, back) = round_trip(name, bytes);
            let back = back.unwrap_or_else(|_| panic!("{name}: the entry fits its text"));
            assert_eq!(seen(&back), seen(&doc), "{name}");
        }
    }

    #[test]
    fn joined_paragraphs_keep_their_text_in_the_entry() {
        // Hard-wrapped lines are joined into paragraphs that are no run of the file.
        let (name, bytes) = SAMPLES
            .iter()
            .find(|(n, _)| n.contains("hard_wrapped"))
            .expect("the hard-wrapped sample");
        let (doc, back) = round_trip(name, bytes);
        let back = back.expect("fits");
        assert_eq!(seen(&back), seen(&doc));
        let text = std::str::from_utf8(bytes).expect("UTF-8 sample");
        assert!(places(&doc, text).iter().any(Option::is_none));
    }

    #[test]
    fn a_run_of_the_file_is_not_copied() {
        let (name, bytes) = SAMPLES[0];
        let (_, back) = round_trip(name, bytes);
        let text = std::str::from_utf8(bytes).expect("UTF-8 sample");
        assert_eq!(back.expect("fits").text.len(), text.len());
    }

    #[test]
    fn an_entry_for_other_text_is_refused_or_harmless() {
        let (name, bytes) = SAMPLES[0];
        let entry = parse_bytes(name, bytes, Text::Keep, |doc, text| {
            encode(&doc, text, bytes)
        })
        .unwrap();
        // The file shortened since: places past its end.
        assert!(decode(&entry, name, "短".into(), "UTF-8").is_err());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        /// Damaged entries never panic, and what they give can be searched and shown.
        #[test]
        fn damaged_entries_never_panic(cut in 0usize..4000, flips in proptest::collection::vec((0usize..4000, 0u8..=255), 0..6)) {
            let (name, bytes) = SAMPLES[1];
            let (entry, text) = parse_bytes(name, bytes, Text::Keep, |doc, text| (encode(&doc, text, bytes), text.to_string())).unwrap();
            let mut e = entry[..cut.min(entry.len())].to_vec();
            if cut >= entry.len() {
                e = entry.clone();
            }
            for (at, b) in flips {
                if !e.is_empty() {
                    let n = e.len();
                    e[at % n] = b;
                }
            }
            if let Ok(doc) = decode(&e, name, text, "UTF-8") {
                for i in 0..doc.paragraphs.len() {
                    let _ = doc.para_text(i);
                    let _ = crate::search::hits::breadcrumb(&doc, crate::search::hits::Landmarks::of(&doc), i);
                }
                let p = crate::search::pattern::Pattern::new("发展", Default::default()).unwrap();
                let _ = crate::search::hits::find(&doc, &p);
            }
        }
    }
}
