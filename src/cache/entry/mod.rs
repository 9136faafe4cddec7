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

mod read;

use super::raw::{self, Coding};
use super::varint::Out;
use crate::outline::{Document, Kind, Node, Paragraph, Role, Why};
pub use read::{Outline, ParaRecord, RawNode, Read, outline, read};
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
