//! The output of `gangmu search` for one speech: lines like a compiler's
//! (`PATH:LINE: 标题 › 二、… › （一）…: …match…`), JSON objects, or a count.

use super::hits::{Crumb, Landmarks, Step, breadcrumb, char_ranges, leaf, parts, steps};
use super::scan::Found;
use super::speech::Speech;
use crate::text::{Ambiguous, sanitize, truncate};
use serde::Serialize;
use std::borrow::Cow;
use std::io::Write;

/// Widest a breadcrumb step is shown, in columns.
const CRUMB_COLS: usize = 24;
/// Widest the text around a match is shown, in columns.
const SNIPPET_COLS: usize = 100;
/// How much text is kept before the first match when the paragraph is cut.
const LEAD_CHARS: usize = 20;

const PATH: &str = "\x1b[35m";
const LINE: &str = "\x1b[32m";
const CRUMBS: &str = "\x1b[36m";
const MATCH: &str = "\x1b[1;31m";
const RESET: &str = "\x1b[0m";

/// One match as `--format json` and `jsonl` give it.
#[derive(Serialize)]
struct Item<'a> {
    path: &'a str,
    line: usize,
    /// 1-based, in characters of `text`.
    column: usize,
    breadcrumb: Vec<Crumb>,
    /// The paragraph the match is in, as written (indentation left out).
    text: &'a str,
    /// Character ranges of the matches in `text`, end excluded.
    matches: Vec<(usize, usize)>,
}

/// The JSON objects of a speech's matches, each followed by `sep`.
pub fn json(found: &Found, sep: &[u8], out: &mut Vec<u8>) {
    let doc = &*found.doc;
    let marks = doc.landmarks();
    for h in &found.hits {
        let text = doc.para_text(h.para);
        let matches = char_ranges(text, &h.ranges);
        let item = Item {
            path: doc.path(),
            line: h.line,
            column: matches.first().map_or(1, |m| m.0 + 1),
            breadcrumb: breadcrumb(doc, marks, h.para),
            text,
            matches,
        };
        // Serialising plain strings and numbers into a vector cannot fail.
        let _ = serde_json::to_writer(&mut *out, &item);
        out.extend_from_slice(sep);
    }
}

/// `PATH:N`, N the number of matches.
pub fn count(found: &Found, color: bool, out: &mut Vec<u8>) {
    let n: usize = found.hits.iter().map(|h| h.ranges.len()).sum();
    let path = sanitize(found.doc.path());
    let (p, r) = if color { (PATH, RESET) } else { ("", "") };
    let _ = writeln!(out, "{p}{path}{r}:{n}");
}

/// One line per matching paragraph.
pub fn text(found: &Found, color: bool, out: &mut Vec<u8>) {
    let doc = &*found.doc;
    let path = sanitize(doc.path());
    let paint = |code: &'static str| if color { code } else { "" };
    let reset = paint(RESET).as_bytes();
    let marks = doc.landmarks();
    // Hits of a speech mostly stand in the sections of other hits: each breadcrumb is
    // written once, keyed by its last step (which decides the others).
    let mut shown: Vec<(Step, Vec<u8>)> = Vec::with_capacity(found.hits.len());
    let mut labels: Vec<(Step, String)> = Vec::with_capacity(8);
    let mut number = itoa::Buffer::new();
    for h in &found.hits {
        for part in [paint(PATH).as_bytes(), path.as_bytes(), reset, b":"] {
            out.extend_from_slice(part);
        }
        out.extend_from_slice(paint(LINE).as_bytes());
        out.extend_from_slice(number.format(h.line).as_bytes());
        out.extend_from_slice(reset);
        out.extend_from_slice(b": ");
        out.extend_from_slice(paint(CRUMBS).as_bytes());
        let last = leaf(doc, marks, h.para);
        let at = match shown.iter().position(|(s, _)| *s == last) {
            Some(at) => at,
            None => {
                shown.push((last, trail(doc, marks, h.para, &mut labels)));
                shown.len() - 1
            }
        };
        out.extend_from_slice(&shown[at].1);
        out.extend_from_slice(reset);
        out.extend_from_slice(b": ");
        snippet(
            doc.para_text(h.para),
            &h.ranges,
            paint(MATCH),
            paint(RESET),
            out,
        );
        out.push(b'\n');
    }
}

/// A paragraph's breadcrumb as shown: each step's label cut to `CRUMB_COLS`, and kept
/// in `labels` for the speech's other breadcrumbs.
fn trail(
    doc: &dyn Speech,
    marks: Landmarks,
    para: usize,
    labels: &mut Vec<(Step, String)>,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 * CRUMB_COLS);
    for (k, step) in steps(doc, marks, para).into_iter().enumerate() {
        if k > 0 {
            out.extend_from_slice(" › ".as_bytes());
        }
        let at = match labels.iter().position(|(s, _)| *s == step) {
            Some(at) => at,
            None => {
                let (marker, title, _) = parts(doc, marks, step);
                let mut label = crate::outline::label(marker, title);
                // Mostly neither sanitized nor cut: the label is kept as it was built.
                if let Cow::Owned(clean) = sanitize(&label) {
                    label = clean;
                }
                if let Cow::Owned(cut) = truncate(&label, CRUMB_COLS, Ambiguous::Narrow).0 {
                    label = cut;
                }
                labels.push((step, label));
                labels.len() - 1
            }
        };
        out.extend_from_slice(labels[at].1.as_bytes());
    }
    out
}

/// The paragraph, or a window of it around the first match, with the matches painted.
/// A paragraph wider than `SNIPPET_COLS` shows `LEAD_CHARS` before its first match and
/// as much after as fits.
fn snippet(text: &str, ranges: &[(usize, usize)], on: &str, off: &str, out: &mut Vec<u8>) {
    let amb = Ambiguous::Narrow;
    // Where the text from `from` passes `SNIPPET_COLS`, if it does. No character takes
    // more columns than it has bytes, so a short text is not measured.
    let cut = |from: usize| {
        if text.len() - from <= SNIPPET_COLS {
            return None;
        }
        let (over, _) = crate::text::measure(&text[from..], SNIPPET_COLS, amb);
        over.map(|i| from + i)
    };
    let (mut start, mut end) = (0, text.len());
    if let Some(whole) = cut(0) {
        let first = ranges.first().map_or(0, |r| r.0);
        start = text[..first]
            .char_indices()
            .rev()
            .nth(LEAD_CHARS - 1)
            .map_or(0, |(i, _)| i);
        end = match start {
            0 => whole,
            _ => cut(start).unwrap_or(text.len()),
        };
    }
    if start > 0 {
        out.extend_from_slice("…".as_bytes());
    }
    let mut at = start;
    for &(a, b) in ranges {
        let (a, b) = (a.max(at), b.min(end));
        if a >= b {
            continue;
        }
        out.extend_from_slice(sanitize(&text[at..a]).as_bytes());
        out.extend_from_slice(on.as_bytes());
        out.extend_from_slice(sanitize(&text[a..b]).as_bytes());
        out.extend_from_slice(off.as_bytes());
        at = b;
    }
    out.extend_from_slice(sanitize(&text[at..end]).as_bytes());
    if end < text.len() {
        out.extend_from_slice("…".as_bytes());
    }
}
