//! What is looked for: one or more words, each a regular expression over the text as
//! it is, so matches are ranges of the text itself. Folding is built into the
//! expression (`营商环境` becomes `[营營]商[环環]境`) rather than applied to the text:
//! the same expression then scans the raw bytes of a UTF-8 file before it is parsed.

use super::anchor::Anchor;
use super::variants::classes;
use regex::Regex;
use regex::bytes::Regex as BytesRegex;
use std::collections::BTreeSet;
use std::fmt::Write;

/// How the query is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// A regular expression rather than literal words.
    pub regex: bool,
    /// The whole query as one phrase, spaces included.
    pub phrase: bool,
    /// No folding: the text must have exactly these characters.
    pub exact: bool,
}

/// A compiled query: every word must occur in a paragraph for it to match.
#[derive(Debug, Clone)]
pub struct Pattern {
    words: Vec<Regex>,
    raw: Vec<BytesRegex>,
    /// The words in GB18030 and Big5 bytes (literal words only).
    legacy: Option<Vec<BytesRegex>>,
    /// Per word, one scan of a file's raw bytes for it in UTF-8, GB18030 or Big5, or
    /// for a mark the decoder drops (literal words only): see `screen`.
    screen: Option<Vec<BytesRegex>>,
    /// Literal words without white space: see `per_paragraph`.
    per_paragraph: bool,
    /// The first word's shared run, when it has one (literal words only).
    anchor: Option<Anchor>,
}

/// How the first word is looked for in a file's raw bytes.
pub enum Locator<'p> {
    Regex(&'p BytesRegex),
    /// Its shared run first, the expression when the run is common in a file.
    Anchor(&'p Anchor, &'p BytesRegex),
}

/// The matches a `Locator` gives, as byte ranges, leftmost first, not overlapping.
pub enum Located<'p, 'h> {
    Regex(regex::bytes::Matches<'p, 'h>),
    Anchor(super::anchor::Matches<'h>),
}

impl<'p> Locator<'p> {
    pub fn find_iter<'h>(&self, hay: &'h [u8]) -> Located<'p, 'h>
    where
        'p: 'h,
    {
        match *self {
            Locator::Regex(r) => Located::Regex(r.find_iter(hay)),
            Locator::Anchor(a, r) => Located::Anchor(a.find_iter(hay, r)),
        }
    }
}

impl Iterator for Located<'_, '_> {
    type Item = std::ops::Range<usize>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Located::Regex(m) => m.next().map(|m| m.range()),
            Located::Anchor(m) => m.next(),
        }
    }
}

impl Pattern {
    pub fn new(query: &str, opts: Options) -> Result<Pattern, String> {
        let literal: Vec<Vec<Unit>> = if opts.regex {
            Vec::new()
        } else if opts.phrase {
            vec![units(query, opts.exact)]
        } else {
            query
                .split_whitespace()
                .map(|w| units(w, opts.exact))
                .collect()
        };
        let sources: Vec<String> = if opts.regex {
            vec![regex_source(query, opts.exact)]
        } else {
            literal.iter().map(|u| literal_source(u)).collect()
        };
        if query.trim().is_empty() || sources.is_empty() {
            return Err("the pattern is empty".into());
        }
        let build = |s: &String| {
            regex::RegexBuilder::new(s)
                .size_limit(1 << 24)
                .build()
                .map_err(|e| first_line(&e.to_string()))
        };
        let words = sources.iter().map(build).collect::<Result<Vec<_>, _>>()?;
        let bytes = |s: &String| {
            regex::bytes::RegexBuilder::new(s)
                .size_limit(1 << 24)
                .build()
                .map_err(|e| first_line(&e.to_string()))
        };
        let raw = sources.iter().map(bytes).collect::<Result<Vec<_>, _>>()?;
        let (legacy, screen) = if opts.regex {
            (None, None)
        } else {
            let legacy: Vec<String> = literal.iter().map(|u| legacy_source(u)).collect();
            let screen: Vec<String> = sources
                .iter()
                .zip(&legacy)
                .map(|(utf8, legacy)| format!(r"(?:{utf8})|(?:{legacy})|\x{{FEFF}}|\x{{200B}}"))
                .collect();
            (
                Some(legacy.iter().map(bytes).collect::<Result<Vec<_>, _>>()?),
                Some(screen.iter().map(bytes).collect::<Result<Vec<_>, _>>()?),
            )
        };
        let per_paragraph = !opts.regex
            && literal.iter().flatten().all(|u| match u {
                Unit::Chars(set) => !set.iter().any(|c| c.is_whitespace()),
                Unit::Space => false,
            });
        let anchor = match literal.first() {
            Some(units) if !opts.regex => {
                let sets: Option<Vec<&BTreeSet<char>>> = units
                    .iter()
                    .map(|u| match u {
                        Unit::Chars(set) => Some(set),
                        Unit::Space => None,
                    })
                    .collect();
                sets.and_then(|s| Anchor::new(&s))
            }
            _ => None,
        };
        // A pattern that matches nothing at all (`a*`) would list every paragraph.
        if words.iter().any(|w| w.is_match("")) {
            return Err("the pattern matches empty text".into());
        }
        Ok(Pattern {
            words,
            raw,
            legacy,
            screen,
            per_paragraph,
            anchor,
        })
    }

    /// Whether each word is literal characters without white space: each of its
    /// matches is then a fixed number of characters within one line, so the matches in
    /// a paragraph are the same whether it is searched alone or within the whole text.
    pub fn per_paragraph(&self) -> bool {
        self.per_paragraph
    }

    /// The first word over a file's raw bytes: in UTF-8, or in GB18030 (or Big5)
    /// bytes; literal words only.
    pub fn locator(&self, legacy: bool) -> Option<Locator<'_>> {
        match legacy {
            false => {
                let raw = self.screen.as_ref().and(self.raw.first())?;
                Some(match &self.anchor {
                    Some(a) => Locator::Anchor(a, raw),
                    None => Locator::Regex(raw),
                })
            }
            true => self.legacy.as_ref()?.first().map(Locator::Regex),
        }
    }

    /// Whether every word occurs somewhere in `bytes` (read as UTF-8): a file where one
    /// does not cannot match, and is not parsed.
    pub fn may_match(&self, bytes: &[u8]) -> bool {
        self.raw.iter().all(|r| r.is_match(bytes))
    }

    /// Whether a GB18030 or Big5 file may match, from its raw bytes (every word in one
    /// of the two encodings); `None` when the pattern cannot tell (a regular
    /// expression): the file must be decoded to know.
    pub fn may_match_legacy(&self, bytes: &[u8]) -> Option<bool> {
        let legacy = self.legacy.as_ref()?;
        Some(legacy.iter().all(|r| r.is_match(bytes)))
    }

    /// Whether a file certainly has no match, from one scan of its raw bytes (a UTF-8
    /// BOM taken off, not UTF-16) for each word in any of its encodings; `None` when the
    /// pattern cannot tell (a regular expression). A zero-width space or BOM in the
    /// text, which the decoder drops and which may split a word, counts as a hit.
    pub fn screen(&self, body: &[u8]) -> Option<bool> {
        let screen = self.screen.as_ref()?;
        Some(!screen.iter().all(|r| r.is_match(body)))
    }

    /// The words' expressions, each over text as it is.
    pub fn words(&self) -> &[Regex] {
        &self.words
    }
}

/// Ranges sorted, those that overlap (`营商 营商环境`) made one.
pub fn merge(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (a, b) in ranges {
        match merged.last_mut() {
            Some(last) if a < last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

fn first_line(s: &str) -> String {
    // The regex crate's messages draw the pattern over several lines; the last says
    // what is wrong.
    s.lines()
        .rev()
        .find(|l| l.trim_start().starts_with("error:"))
        .map_or_else(
            || s.lines().next().unwrap_or("").to_string(),
            |l| l.trim().to_string(),
        )
}

/// One position of a literal word: the characters it may be, or a run of white space.
enum Unit {
    Chars(BTreeSet<char>),
    Space,
}

/// A literal word's positions: each character with its forms (only itself when
/// `exact`); runs of spaces as one.
fn units(word: &str, exact: bool) -> Vec<Unit> {
    let mut spaced = false;
    let word: String = word
        .chars()
        .filter(|c| {
            let space = c.is_whitespace();
            let keep = !(space && spaced);
            spaced = space;
            keep
        })
        .collect();
    let sets = if exact {
        word.chars().map(|c| BTreeSet::from([c])).collect()
    } else {
        classes(&word)
    };
    word.chars()
        .zip(sets)
        .map(|(c, set)| {
            if c.is_whitespace() && !exact {
                Unit::Space
            } else {
                Unit::Chars(set)
            }
        })
        .collect()
}

/// A literal word as an expression over UTF-8 text: each character as the class of its
/// forms, spaces as any run of white space.
fn literal_source(units: &[Unit]) -> String {
    let mut out = String::new();
    for u in units {
        match u {
            Unit::Space => out.push_str(r"\s+"),
            Unit::Chars(set) => push_class(&mut out, set.iter().copied(), true),
        }
    }
    out
}

/// The same word as an expression over raw GB18030 or Big5 bytes, for files in those
/// encodings to be scanned before they are decoded.
fn legacy_source(units: &[Unit]) -> String {
    let one = |enc: &'static encoding_rs::Encoding| {
        let mut out = String::new();
        for u in units {
            match u {
                // ASCII white space, or the ideographic space (A1A1 in both).
                Unit::Space => out.push_str(r"(?:\s|\xA1\xA1)+"),
                Unit::Chars(set) => {
                    let forms: BTreeSet<Vec<u8>> = set
                        .iter()
                        .filter_map(|c| {
                            let mut buf = [0; 4];
                            let (b, _, bad) = enc.encode(c.encode_utf8(&mut buf));
                            (!bad).then(|| b.into_owned())
                        })
                        .collect();
                    out.push_str("(?:");
                    for (k, f) in forms.iter().enumerate() {
                        if k > 0 {
                            out.push('|');
                        }
                        for b in f {
                            let _ = write!(out, "\\x{b:02X}");
                        }
                    }
                    // No form in this encoding: nothing can match.
                    if forms.is_empty() {
                        out.push_str("[^\\x00-\\xFF]");
                    }
                    out.push(')');
                }
            }
        }
        out
    };
    format!(
        "(?-u)(?:{})|(?:{})",
        one(encoding_rs::GB18030),
        one(encoding_rs::BIG5)
    )
}

/// `[abc]` (or a lone character), each character escaped.
fn push_class(out: &mut String, chars: impl Iterator<Item = char> + Clone, brackets: bool) {
    let n = chars.clone().count();
    if brackets && n > 1 {
        out.push('[');
    }
    for c in chars {
        if c.is_ascii_punctuation() || c == ' ' {
            let _ = write!(out, "\\x{:02X}", c as u32);
        } else {
            out.push(c);
        }
    }
    if brackets && n > 1 {
        out.push(']');
    }
}

/// A regular expression with each literal non-ASCII character given all its forms
/// (inside a class, the forms are added to it), and ASCII case ignored.
fn regex_source(pattern: &str, exact: bool) -> String {
    if exact {
        return pattern.to_string();
    }
    let mut out = String::from("(?i)");
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // `[]…]` and `[^]…]`: a first `]` is a member.
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().unwrap_or('^'));
                }
                if chars.peek() == Some(&']') {
                    out.push(chars.next().unwrap_or(']'));
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            c if !c.is_ascii() => {
                let mut buf = [0u8; 4];
                let set = &classes(c.encode_utf8(&mut buf))[0];
                push_class(&mut out, set.iter().copied(), !in_class);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte ranges of every word's matches in `text` when all words occur in it, as
    /// `hits::find` gives them for a paragraph.
    fn ranges(p: &Pattern, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for w in p.words() {
            let before = out.len();
            out.extend(w.find_iter(text).map(|m| (m.start(), m.end())));
            if out.len() == before {
                return Vec::new();
            }
        }
        merge(out)
    }

    fn finds(query: &str, opts: Options, text: &str) -> bool {
        let p = Pattern::new(query, opts).unwrap();
        let found = !ranges(&p, text).is_empty();
        assert_eq!(p.may_match(text.as_bytes()), found, "the byte scan agrees");
        found
    }

    #[test]
    fn literal_words_fold_width_case_and_script() {
        let o = Options::default();
        assert!(finds("發展", o, "推动高质量发展"));
        assert!(finds("营商环境", o, "優化營商環境"));
        assert!(finds("3.基层", o, "３．基层减负"));
        assert!(finds("“温差”", o, "所谓\"温差\"问题"));
        assert!(finds("(一)部分", o, "（一）部分"));
        assert!(finds("gdp", o, "GDP增长"));
        assert!(!finds("营商环境", o, "营商 环境"));
    }

    #[test]
    fn exact_turns_folding_off() {
        let o = Options {
            exact: true,
            ..Options::default()
        };
        assert!(!finds("發展", o, "推动高质量发展"));
        assert!(finds("发展", o, "推动高质量发展"));
        assert!(!finds("gdp", o, "GDP"));
    }

    #[test]
    fn words_must_all_be_in_the_paragraph_and_phrases_keep_spaces() {
        let p = Pattern::new("基层 减负", Options::default()).unwrap();
        assert_eq!(ranges(&p, "为基层减负").len(), 2);
        let overlapping = Pattern::new("营商 营商环境", Options::default()).unwrap();
        assert_eq!(ranges(&overlapping, "优化营商环境").len(), 1, "one range");
        assert_eq!(ranges(&p, "减负要落到基层").len(), 2);
        assert!(ranges(&p, "基层治理").is_empty());
        let phrase = Options {
            phrase: true,
            ..Options::default()
        };
        assert!(finds("two  words", phrase, "two\u{3000}words"));
        assert!(!finds("two words", phrase, "twowords"));
    }

    #[test]
    fn regular_expressions_fold_their_literals() {
        let o = Options {
            regex: true,
            ..Options::default()
        };
        assert!(finds("發展[戰战]略", o, "发展战略"));
        assert!(!finds("[一二三]是", o, "四是"));
        assert!(finds(r"第[一二三]條", o, "第二条"));
        assert!(finds(r"\d+个", o, "12个"));
        assert!(Pattern::new("(", o).is_err());
        assert!(Pattern::new("a*", o).is_err());
        assert!(Pattern::new("  ", Options::default()).is_err());
    }
}
