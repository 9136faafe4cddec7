//! A search of a cached speech in its raw file: the first word looked for in the file's
//! own bytes, only the paragraphs it falls in decoded and searched, the outline read
//! from the cache entry. It gives what a parse would, without decoding the whole file
//! or building its document: most of a search's time when a phrase is in most speeches.

use super::hits::{Hit, Landmarks, Step, leaf};
use super::pattern::{Pattern, merge};
use super::speech::Speech;
use crate::cache::entry::{self, RawNode};
use crate::cache::raw::Coding;
use std::ops::Range;

/// What the output needs of a speech, from its cache entry: the outline, and the texts
/// of the paragraphs with hits.
pub struct Sketch {
    path: String,
    title: String,
    marks: Landmarks,
    /// The lines of the closing and the appendix, where they start.
    mark_lines: [Option<(usize, usize)>; 2],
    /// The paragraphs with hits, their lines and where their texts are in `text`, in
    /// order.
    texts: Vec<(usize, usize, Range<usize>)>,
    text: String,
    sections: Vec<RawNode>,
    /// The labels of the sections the hits stand in (the others are not shown), and
    /// where each is in `labels`.
    shown: Vec<(usize, Range<usize>)>,
    labels: String,
}

/// The hits in the file `file` (its bytes, as read) whose cache entry is `entry`, and
/// the speech they are in; `Some(None)` when there are none. `None` when the entry
/// cannot say (the pattern is not literal words, the file's paragraphs have no places
/// in its bytes, a place does not decode): the file is then searched the long way.
pub fn search(
    path: impl FnOnce() -> String,
    file: &[u8],
    entry: &[u8],
    pattern: &Pattern,
) -> Option<Option<(Sketch, Vec<Hit>)>> {
    if !pattern.per_paragraph() {
        return None;
    }
    // An entry without places is not read further.
    let coding = Coding::from_code(*entry.first()?)?;
    let locate = pattern.locator(coding == Coding::Gb18030)?;
    // The scan is leftmost-first and its matches never overlap, so a match it passes
    // over lies under one it gives.
    let mut matches = locate.find_iter(file).peekable();
    if matches.peek().is_none() {
        return Some(None);
    }
    let spare = SPARE.with_borrow_mut(std::mem::take);
    let outline = entry::outline(entry, spare.sections)?;
    let places = outline.places;
    if outline.coding != coding
        || places
            .len()
            .checked_sub(1)
            .is_some_and(|l| places.place(l).end > file.len())
    {
        return None;
    }
    // The paragraphs a match of the first word overlaps.
    let mut candidates: Vec<usize> = Vec::new();
    for m in matches {
        let mut p = places.first_ending_after(m.start);
        while p < places.len() && places.place(p).start < m.end {
            if candidates.last() != Some(&p) {
                candidates.push(p);
            }
            p += 1;
        }
    }
    let [title, closing, appendix] = outline.landmarks;
    // Made now, so that its buffers go back to the thread however this ends.
    let mut sketch = Sketch {
        path: String::new(),
        marks: Landmarks::new(
            title.map_or(1, |t| t.1),
            closing.map(|c| c.0),
            appendix.map(|a| a.0),
        ),
        mark_lines: [closing, appendix],
        texts: spare.texts,
        text: spare.text,
        sections: outline.nodes,
        shown: spare.shown,
        labels: spare.labels,
        title: String::new(),
    };
    let mut hits = Vec::with_capacity(candidates.len());
    // The paragraphs' texts, one after another in one buffer: their bytes in the file
    // are about their size in UTF-8.
    let bytes: usize = candidates.iter().map(|&p| places.place(p).len()).sum();
    sketch.text.reserve(bytes + bytes / 2);
    for p in candidates {
        let text = coding.decode(file.get(places.place(p))?)?;
        if let Some(ranges) = ranges_in(pattern, &text) {
            let line = places.line(p);
            hits.push(Hit {
                para: p,
                line,
                ranges,
            });
            let start = sketch.text.len();
            sketch.text.push_str(&text);
            sketch.texts.push((p, line, start..sketch.text.len()));
        }
    }
    if hits.is_empty() {
        return Some(None);
    }
    sketch.path = path();
    sketch.title = outline.title.to_string();
    // Only the sections the hits stand in are shown: only their labels are found. A
    // section's parents come before it, so the walk up ends.
    for h in &hits {
        let mut node = match leaf(&sketch, sketch.marks, h.para) {
            Step::Node(i) => Some(i),
            _ => None,
        };
        while let Some(i) = node {
            if sketch.shown.iter().any(|s| s.0 == i) {
                // Found before, and so were its parents'.
                break;
            }
            let n = &sketch.sections[i];
            node = n.parent;
            let start = sketch.labels.len();
            match &n.elsewhere {
                Some(r) => sketch.labels.push_str(outline.other_labels.get(r.clone())?),
                None => {
                    let len = n.marker + n.title;
                    match sketch.texts.binary_search_by_key(&n.para, |t| t.0) {
                        Ok(k) => {
                            let text = &sketch.text[sketch.texts[k].2.clone()];
                            sketch.labels.push_str(text.get(..len)?);
                        }
                        Err(_) => {
                            let text = coding.decode(file.get(places.place(n.para))?)?;
                            sketch.labels.push_str(text.get(..len)?);
                        }
                    }
                }
            }
            if !sketch.labels[start..].is_char_boundary(n.marker) {
                return None;
            }
            sketch.shown.push((i, start..sketch.labels.len()));
        }
    }
    Some(Some((sketch, hits)))
}

/// What a `Sketch` is written into, kept by each search thread from speech to speech.
#[derive(Default)]
struct Spare {
    texts: Vec<(usize, usize, Range<usize>)>,
    text: String,
    sections: Vec<RawNode>,
    shown: Vec<(usize, Range<usize>)>,
    labels: String,
}

thread_local! {
    static SPARE: std::cell::RefCell<Spare> = std::cell::RefCell::default();
}

impl Drop for Sketch {
    fn drop(&mut self) {
        let mut spare = Spare {
            texts: std::mem::take(&mut self.texts),
            text: std::mem::take(&mut self.text),
            sections: std::mem::take(&mut self.sections),
            shown: std::mem::take(&mut self.shown),
            labels: std::mem::take(&mut self.labels),
        };
        // The buffers of a speech of unusual size are not kept.
        if spare.text.capacity() + spare.labels.capacity() > 1 << 16
            || spare.sections.capacity() > 1 << 12
        {
            return;
        }
        spare.texts.clear();
        spare.text.clear();
        spare.shown.clear();
        spare.labels.clear();
        // `try_with`: a thread being torn down keeps nothing, and does not panic.
        let _ = SPARE.try_with(|s| *s.borrow_mut() = spare);
    }
}

/// The byte ranges of every word's matches in one paragraph's text, when all words
/// are in it, as `hits::find` gives them.
fn ranges_in(pattern: &Pattern, text: &str) -> Option<Vec<(usize, usize)>> {
    let words = pattern.words();
    let mut ranges = Vec::new();
    for w in words {
        let before = ranges.len();
        ranges.extend(w.find_iter(text).map(|m| (m.start(), m.end())));
        if ranges.len() == before {
            return None;
        }
    }
    if words.len() > 1 {
        ranges = merge(ranges);
    }
    Some(ranges)
}

impl Speech for Sketch {
    fn path(&self) -> &str {
        &self.path
    }

    fn title(&self) -> &str {
        &self.title
    }

    fn landmarks(&self) -> Landmarks {
        self.marks
    }

    fn para_line(&self, p: usize) -> usize {
        match self.texts.binary_search_by_key(&p, |t| t.0) {
            Ok(k) => self.texts[k].1,
            Err(_) => (self.mark_lines.iter().flatten())
                .find(|m| m.0 == p)
                .map_or(0, |m| m.1),
        }
    }

    fn para_text(&self, p: usize) -> &str {
        match self.texts.binary_search_by_key(&p, |t| t.0) {
            Ok(k) => self.text.get(self.texts[k].2.clone()).unwrap_or(""),
            Err(_) => "",
        }
    }

    fn section_of(&self, p: usize) -> Option<usize> {
        self.sections
            .partition_point(|n| n.para <= p)
            .checked_sub(1)
    }

    fn parent(&self, node: usize) -> Option<usize> {
        self.sections.get(node)?.parent
    }

    fn section(&self, node: usize) -> (&str, &str, usize) {
        let Some(n) = self.sections.get(node) else {
            return ("", "", 0);
        };
        let label = (self.shown.iter().find(|s| s.0 == node))
            .and_then(|s| self.labels.get(s.1.clone()))
            .unwrap_or("");
        let (marker, title) = label.split_at(n.marker.min(label.len()));
        (marker, title, n.line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{parse_bytes, samples::SAMPLES};
    use crate::outline::Text;
    use crate::search::hits::{breadcrumb, find};
    use crate::search::pattern::Options;

    /// Every sample whose paragraphs have places in its bytes gives, searched raw, the
    /// hits, texts and breadcrumbs a parse gives; the GB18030 form of one does too.
    #[test]
    fn a_raw_search_gives_what_a_parse_gives() {
        let mut files: Vec<(String, Vec<u8>)> = SAMPLES
            .iter()
            .map(|(n, b)| (n.to_string(), b.to_vec()))
            .collect();
        let text = std::str::from_utf8(SAMPLES[0].1).expect("UTF-8 sample");
        let (gb, _, bad) = encoding_rs::GB18030.encode(text);
        assert!(!bad);
        files.push(("gb.txt".into(), gb.into_owned()));
        let mut raw_searched = 0;
        for query in ["发展", "工作", "同志们", "發展 工作"] {
            let pattern = Pattern::new(query, Options::default()).unwrap();
            for (name, bytes) in &files {
                let (doc, entry) = parse_bytes(name, bytes, Text::Keep, |doc, text| {
                    let e = entry::encode(&doc, text, bytes);
                    (doc, e)
                })
                .unwrap();
                let Some(found) = search(|| name.clone(), bytes, &entry, &pattern) else {
                    continue;
                };
                raw_searched += 1;
                let hits = find(&doc, &pattern);
                let Some((sketch, raw_hits)) = found else {
                    assert!(hits.is_empty(), "{name} {query}");
                    continue;
                };
                assert_eq!(raw_hits, hits, "{name} {query}");
                for h in &hits {
                    assert_eq!(sketch.para_text(h.para), doc.para_text(h.para));
                    assert_eq!(
                        breadcrumb(&sketch, sketch.landmarks(), h.para),
                        breadcrumb(&doc, Landmarks::of(&doc), h.para),
                        "{name} {query}"
                    );
                }
            }
        }
        assert!(raw_searched >= 8, "most samples are searched raw");
        // A phrase with a space cannot be searched paragraph by paragraph.
        let (name, bytes) = (&files[0].0, &files[0].1);
        let entry = parse_bytes(name, bytes, Text::Keep, |doc, text| {
            entry::encode(&doc, text, bytes)
        })
        .unwrap();
        let spaced = Options {
            phrase: true,
            ..Options::default()
        };
        let p = Pattern::new("同志 们", spaced).unwrap();
        assert!(search(|| name.clone(), bytes, &entry, &p).is_none());
    }
}
