//! Where each paragraph of a cached speech lies in the file's own bytes, so that a
//! search can look for a phrase in the raw file and decode only the paragraphs it falls
//! in. Kept only when every paragraph, its bytes decoded on their own, is exactly its
//! text: UTF-8 and GB18030 files. Anything else (UTF-16, Big5, a mark the decoder drops
//! inside a paragraph, lines joined after a hard wrap) is searched the long way.

use crate::corpus::gbk;
use std::borrow::Cow;
use std::ops::Range;

/// An encoding whose bytes a paragraph can be decoded from alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Utf8,
    Gb18030,
}

impl Coding {
    /// The coding of a file the decoder named `encoding`.
    pub fn of(encoding: &str) -> Option<Coding> {
        match encoding {
            "UTF-8" => Some(Coding::Utf8),
            "GB18030" => Some(Coding::Gb18030),
            _ => None,
        }
    }

    pub fn code(self) -> u8 {
        match self {
            Coding::Utf8 => 1,
            Coding::Gb18030 => 2,
        }
    }

    /// `None` for 0 (no places in the file) and for damage.
    pub fn from_code(c: u8) -> Option<Coding> {
        match c {
            1 => Some(Coding::Utf8),
            2 => Some(Coding::Gb18030),
            _ => None,
        }
    }

    /// A run of the file's bytes as text; `None` when they are not in this coding.
    pub fn decode(self, bytes: &[u8]) -> Option<Cow<'_, str>> {
        match self {
            Coding::Utf8 => simdutf8::basic::from_utf8(bytes).ok().map(Cow::Borrowed),
            Coding::Gb18030 => gbk::decode_pairs(bytes).map(Cow::Owned).or_else(|| {
                encoding_rs::GB18030
                    .decode_without_bom_handling_and_without_replacement(bytes)
                    .map(|t| Cow::Owned(t.into_owned()))
            }),
        }
    }

    /// How many bytes of `raw`, from `at`, character `c` of the decoded text came from.
    fn width(self, c: char, raw: &[u8], at: usize) -> usize {
        if c == '\n' && raw.get(at) == Some(&b'\r') {
            // CRLF, or a lone CR, became one LF.
            return if raw.get(at + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
        }
        match self {
            Coding::Utf8 => c.len_utf8(),
            Coding::Gb18030 if c.is_ascii() => 1,
            // A four-byte sequence has a digit second.
            Coding::Gb18030 => match raw.get(at + 1) {
                Some(b) if b.is_ascii_digit() => 4,
                _ => 2,
            },
        }
    }
}

/// The byte ranges in `raw` (the file) of the paragraphs at `spans` of `text` (the file
/// decoded), in order; `None` unless each range decodes alone to exactly its paragraph.
pub fn places(
    raw: &[u8],
    text: &str,
    spans: &[Range<usize>],
    coding: Coding,
) -> Option<Vec<Range<usize>>> {
    // A UTF-8 file read as it is (no BOM, no CR, nothing dropped): its places are the
    // paragraphs' own spans, already runs of valid UTF-8. The usual case, and cheap.
    if coding == Coding::Utf8 && text.as_bytes() == raw {
        let ordered = spans.windows(2).all(|w| w[0].end <= w[1].start);
        let inside = spans.last().is_none_or(|s| s.end <= raw.len());
        return (ordered && inside).then(|| spans.to_vec());
    }
    let mut r = match coding {
        Coding::Utf8 if raw.starts_with(b"\xEF\xBB\xBF") => 3,
        _ => 0,
    };
    let mut d = 0;
    // Walks the decoded text from `d` to `to`, the file's bytes along with it.
    let walk = |r: &mut usize, d: &mut usize, to: usize| -> Option<()> {
        for c in text.get(*d..to)?.chars() {
            *r += coding.width(c, raw, *r);
        }
        *d = to;
        (*r <= raw.len()).then_some(())
    };
    let mut out = Vec::with_capacity(spans.len());
    for s in spans {
        if s.start < d {
            return None;
        }
        walk(&mut r, &mut d, s.start)?;
        let start = r;
        walk(&mut r, &mut d, s.end)?;
        let place = start..r;
        if coding.decode(&raw[place.clone()])? != text[s.clone()] {
            return None;
        }
        out.push(place);
    }
    Some(out)
}

/// Bytes a paragraph takes in an entry's table of places: where it starts and ends in
/// the file, and its line, as little-endian `u32`s. Fixed-width, so that a search reads
/// the rows it needs where they lie instead of decoding every paragraph's.
pub const ROW: usize = 12;

/// The table for `places` and the paragraphs' `lines`; `None` when a number does not
/// fit 32 bits (a file of over 4 GiB).
pub fn table(places: &[Range<usize>], lines: impl Iterator<Item = usize>) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(places.len() * ROW);
    for (p, line) in places.iter().zip(lines) {
        for n in [p.start, p.end, line] {
            out.extend_from_slice(&u32::try_from(n).ok()?.to_le_bytes());
        }
    }
    Some(out)
}

/// An entry's table of places, read where it lies. A damaged table can give places out
/// of order or past the file: readers slice the file with `get`.
#[derive(Clone, Copy)]
pub struct Places<'a>(&'a [u8]);

impl<'a> Places<'a> {
    /// The table of `bytes.len() / ROW` paragraphs.
    pub fn new(bytes: &'a [u8]) -> Self {
        Places(bytes)
    }

    pub fn len(&self) -> usize {
        self.0.len() / ROW
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn num(&self, i: usize, k: usize) -> usize {
        let at = i * ROW + k * 4;
        self.0
            .get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map_or(0, |b| u32::from_le_bytes(b) as usize)
    }

    /// Paragraph `i`'s bytes in the file.
    pub fn place(&self, i: usize) -> Range<usize> {
        self.num(i, 0)..self.num(i, 1)
    }

    /// The line paragraph `i` starts on.
    pub fn line(&self, i: usize) -> usize {
        self.num(i, 2)
    }

    /// The first paragraph that ends after byte `at` of the file.
    pub fn first_ending_after(&self, at: usize) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.num(mid, 1) <= at {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans_of(text: &str, paras: &[&str]) -> Vec<Range<usize>> {
        let mut at = 0;
        paras
            .iter()
            .map(|p| {
                let s = at + text[at..].find(p).unwrap();
                at = s + p.len();
                s..at
            })
            .collect()
    }

    #[test]
    fn utf8_places_skip_the_bom_and_carriage_returns() {
        let text = "标题\n同志们：\n  一、抓发展\n";
        let raw = "\u{FEFF}标题\r\n同志们：\r\n  一、抓发展\r\n";
        let spans = spans_of(text, &["标题", "同志们：", "一、抓发展"]);
        let places = places(raw.as_bytes(), text, &spans, Coding::Utf8).unwrap();
        for (p, s) in places.iter().zip(&spans) {
            assert_eq!(&raw[p.clone()], &text[s.clone()]);
        }
    }

    #[test]
    fn gb18030_places_are_the_paragraphs_bytes() {
        let text = "营商环境\n二、优化𠀀服务\n";
        let (raw, _, bad) = encoding_rs::GB18030.encode(text);
        assert!(!bad);
        let spans = spans_of(text, &["营商环境", "二、优化𠀀服务"]);
        let places = places(&raw, text, &spans, Coding::Gb18030).unwrap();
        for (p, s) in places.iter().zip(&spans) {
            assert_eq!(
                Coding::Gb18030.decode(&raw[p.clone()]).unwrap(),
                &text[s.clone()]
            );
        }
    }

    #[test]
    fn the_table_gives_back_its_places_and_lines() {
        let places = [0..6, 7..7, 9..30];
        let bytes = table(&places, [1, 2, 5].into_iter()).unwrap();
        let t = Places::new(&bytes);
        assert_eq!(t.len(), 3);
        assert_eq!((t.place(2), t.line(2)), (9..30, 5));
        let after: Vec<usize> = [0, 5, 6, 7, 8, 29, 30]
            .map(|at| t.first_ending_after(at))
            .into();
        assert_eq!(after, [0, 0, 1, 2, 2, 2, 3]);
        // Past the table: nothing, not a panic.
        assert_eq!((t.place(9), t.line(9)), (0..0, 0));
        let past_u32 = [Range {
            start: 0,
            end: u32::MAX as usize + 1,
        }];
        assert_eq!(table(&past_u32, [1].into_iter()), None);
    }

    #[test]
    fn a_paragraph_the_decoder_changed_has_no_place() {
        // The decoder dropped a zero-width space inside the paragraph.
        let text = "营商环境\n";
        let raw = "营商\u{200B}环境\n";
        let spans = spans_of(text, &["营商环境"]);
        assert_eq!(places(raw.as_bytes(), text, &spans, Coding::Utf8), None);
        // Paragraphs out of order, or past the file's end.
        assert_eq!(
            places(raw.as_bytes(), text, &[3..6, 0..3], Coding::Utf8),
            None
        );
        let past_end = [Range { start: 0, end: 6 }];
        assert_eq!(places(b"ab", "abcdef", &past_end, Coding::Utf8), None);
    }
}
