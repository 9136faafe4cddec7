//! The output of `gangmu search` for one speech: lines like a compiler's
//! (`PATH:LINE: 标题 › 二、… › （一）…: …match…`), JSON objects, or a count.

use super::hits::{Crumb, Landmarks, Step, breadcrumb, char_ranges, leaf, parts, steps_into};
use super::scan::Found;
use super::speech::Speech;
use crate::outline::push_label;
use crate::text::{Ambiguous, sanitize, truncate_in};
use serde::Serialize;
use std::borrow::Cow;
use std::io::Write;
use std::ops::Range;

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
    let mut trails = Trails::new(doc);
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
        out.extend_from_slice(trails.of(h.para));
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

/// A speech's breadcrumbs as shown, each step's label cut to `CRUMB_COLS`. Hits of a
/// speech mostly stand in the sections of other hits: each breadcrumb is written once,
/// keyed by its last step (which decides the others), and each label once, all into
/// two buffers.
struct Trails<'a> {
    doc: &'a dyn Speech,
    marks: Landmarks,
    b: Buffers,
}

/// What `Trails` writes into: kept by each thread from speech to speech, emptied.
#[derive(Default)]
struct Buffers {
    /// Where each breadcrumb is in `trails`.
    shown: Vec<(Step, Range<usize>)>,
    trails: Vec<u8>,
    /// Where each step's label is in `labels`.
    label_at: Vec<(Step, Range<usize>)>,
    labels: String,
    steps: Vec<Step>,
}

thread_local! {
    static SPARE: std::cell::RefCell<Buffers> = std::cell::RefCell::default();
}

impl Drop for Trails<'_> {
    fn drop(&mut self) {
        let mut b = std::mem::take(&mut self.b);
        // A speech of unusual size does not leave its buffers behind.
        if b.trails.capacity() + b.labels.capacity() > 1 << 16 {
            return;
        }
        b.shown.clear();
        b.trails.clear();
        b.label_at.clear();
        b.labels.clear();
        b.steps.clear();
        // `try_with`: a thread being torn down keeps nothing, and does not panic.
        let _ = SPARE.try_with(|s| *s.borrow_mut() = b);
    }
}

impl<'a> Trails<'a> {
    fn new(doc: &'a dyn Speech) -> Self {
        Trails {
            doc,
            marks: doc.landmarks(),
            b: SPARE.with_borrow_mut(std::mem::take),
        }
    }

    /// The breadcrumb of paragraph `para`.
    fn of(&mut self, para: usize) -> &[u8] {
        let last = leaf(self.doc, self.marks, para);
        if let Some((_, r)) = self.b.shown.iter().find(|(s, _)| *s == last) {
            return &self.b.trails[r.clone()];
        }
        steps_into(self.doc, self.marks, para, &mut self.b.steps);
        let start = self.b.trails.len();
        for k in 0..self.b.steps.len() {
            if k > 0 {
                self.b.trails.extend_from_slice(" › ".as_bytes());
            }
            let label = self.label(self.b.steps[k]);
            self.b
                .trails
                .extend_from_slice(self.b.labels[label].as_bytes());
        }
        self.b.shown.push((last, start..self.b.trails.len()));
        &self.b.trails[start..]
    }

    /// Where a step's label is in `labels`, written there the first time.
    fn label(&mut self, step: Step) -> Range<usize> {
        if let Some((_, r)) = self.b.label_at.iter().find(|(s, _)| *s == step) {
            return r.clone();
        }
        let start = self.b.labels.len();
        let (marker, title, _) = parts(self.doc, self.marks, step);
        push_label(&mut self.b.labels, marker, title);
        // Mostly neither sanitized nor cut: then nothing is copied.
        if let Cow::Owned(clean) = sanitize(&self.b.labels[start..]) {
            self.b.labels.truncate(start);
            self.b.labels.push_str(&clean);
        }
        truncate_in(&mut self.b.labels, start, CRUMB_COLS, Ambiguous::Narrow);
        self.b.label_at.push((step, start..self.b.labels.len()));
        start..self.b.labels.len()
    }
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
    let first = ranges.first().map_or(0, |r| r.0);
    // Where the window would start; it does only when the text is wider than the window.
    let lead = text[..first]
        .char_indices()
        .rev()
        .nth(LEAD_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let (start, end) = if lead == 0 {
        (0, cut(0).unwrap_or(text.len()))
    } else if let Some(end) = cut(lead) {
        // What does not fit from `lead` does not fit whole: one measure is enough.
        (lead, end)
    } else if cut(0).is_none() {
        (0, text.len())
    } else {
        (lead, text.len())
    };
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
