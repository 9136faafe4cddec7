//! The output of `gangmu search` for one speech: lines like a compiler's
//! (`PATH:LINE: 标题 › 二、… › （一）…: …match…`), JSON objects, or a count.

use super::hits::{Crumb, Step, breadcrumb, char_ranges, crumb, steps};
use super::scan::Found;
use crate::text::{Ambiguous, sanitize, truncate};
use serde::Serialize;
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
    let reset = paint(RESET);
    let marks = doc.landmarks();
    // Hits of a speech share most of their steps: each is written once.
    let mut shown: Vec<(Step, String)> = Vec::new();
    for h in &found.hits {
        let _ = write!(
            out,
            "{}{path}{reset}:{}{}{reset}: {}",
            paint(PATH),
            paint(LINE),
            h.line,
            paint(CRUMBS),
        );
        for (k, step) in steps(doc, marks, h.para).into_iter().enumerate() {
            if k > 0 {
                out.extend_from_slice(" › ".as_bytes());
            }
            let at = match shown.iter().position(|(s, _)| *s == step) {
                Some(at) => at,
                None => {
                    let c = crumb(doc, marks, step);
                    let label = sanitize(&crate::outline::label(&c.marker, &c.title)).into_owned();
                    let cut = truncate(&label, CRUMB_COLS, Ambiguous::Narrow)
                        .0
                        .into_owned();
                    shown.push((step, cut));
                    shown.len() - 1
                }
            };
            out.extend_from_slice(shown[at].1.as_bytes());
        }
        let _ = write!(out, "{reset}: ");
        snippet(doc.para_text(h.para), &h.ranges, paint(MATCH), reset, out);
        out.push(b'\n');
    }
}

/// Whether `text` takes more than `cols` columns, found without measuring all of a long
/// paragraph: no character takes more columns than it has bytes.
fn wider_than(text: &str, cols: usize, amb: Ambiguous) -> bool {
    if text.len() <= cols {
        return false;
    }
    let mut w = 0;
    text.chars().any(|c| {
        w += crate::text::char_width(c, amb);
        w > cols
    })
}

/// The paragraph, or a window of it around the first match, with the matches painted.
fn snippet(text: &str, ranges: &[(usize, usize)], on: &str, off: &str, out: &mut Vec<u8>) {
    let amb = Ambiguous::Narrow;
    let (mut start, mut end) = (0, text.len());
    if wider_than(text, SNIPPET_COLS, amb) {
        let first = ranges.first().map_or(0, |r| r.0);
        start = text[..first]
            .char_indices()
            .rev()
            .nth(LEAD_CHARS - 1)
            .map_or(0, |(i, _)| i);
        let mut cols = 0;
        end = text.len();
        for (i, c) in text[start..].char_indices() {
            cols += crate::text::char_width(c, amb);
            if cols > SNIPPET_COLS {
                end = start + i;
                break;
            }
        }
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
