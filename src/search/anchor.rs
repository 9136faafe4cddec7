//! A faster scan of raw UTF-8 bytes for a literal word whose forms all have the same
//! length: a run of characters every form shares (`商` in `[营營]商[环環]境`) is found
//! with `memmem`, at about twice the speed of the many-literal scan the expression
//! gets, and the other positions are checked where it stands. It finds exactly what
//! the expression finds, leftmost first and without overlaps.

use memchr::memmem::Finder;
use regex::bytes::Regex;
use std::collections::BTreeSet;
use std::ops::Range;

/// Where a word's shared run is, and the byte forms of each of its other positions.
#[derive(Debug, Clone)]
pub struct Anchor {
    finder: Finder<'static>,
    /// Byte offset of the run in every form of the word.
    offset: usize,
    /// Byte length of every form of the word.
    len: usize,
    /// The other positions: their offset and the bytes each may be.
    others: Vec<(usize, Vec<Vec<u8>>)>,
}

/// Candidates a file may give before their rate is judged, and the rate (one per so
/// many bytes) above which the run is too common to be worth it: the expression's scan
/// takes over for the rest of the file.
const TRIAL: usize = 8;
const RARE: usize = 256;

impl Anchor {
    /// The anchor for a word given as the characters each position may be; `None` when
    /// a position's forms differ in length or no position has a single form.
    pub fn new(positions: &[&BTreeSet<char>]) -> Option<Anchor> {
        let mut at = Vec::with_capacity(positions.len());
        let mut offset = 0;
        for set in positions {
            let mut lens = set.iter().map(|c| c.len_utf8());
            let len = lens.next()?;
            if lens.any(|l| l != len) {
                return None;
            }
            at.push((offset, len));
            offset += len;
        }
        // The longest run of positions with one form each.
        let (mut best, mut run) = (0..0, 0..0);
        for (i, set) in positions.iter().enumerate() {
            if set.len() == 1 {
                run = if run.is_empty() {
                    i..i + 1
                } else {
                    run.start..i + 1
                };
                if run.len() > best.len() {
                    best = run.clone();
                }
            } else {
                run = 0..0;
            }
        }
        if best.is_empty() {
            return None;
        }
        let shared: String = positions[best.clone()]
            .iter()
            .filter_map(|s| s.first())
            .collect();
        let others = (0..positions.len())
            .filter(|i| !best.contains(i))
            .map(|i| {
                let forms = positions[i]
                    .iter()
                    .map(|c| c.to_string().into_bytes())
                    .collect();
                (at[i].0, forms)
            })
            .collect();
        Some(Anchor {
            finder: Finder::new(shared.as_bytes()).into_owned(),
            offset: at[best.start].0,
            len: offset,
            others,
        })
    }

    /// The matches in `hay`, as `regex.find_iter` gives them (`regex` is the word's
    /// expression, which takes over when the shared run is common in this file).
    pub fn find_iter<'h>(&'h self, hay: &'h [u8], regex: &'h Regex) -> Matches<'h> {
        Matches {
            anchor: self,
            hay,
            regex,
            from: 0,
            resume: 0,
            candidates: 0,
        }
    }

    fn is_at(&self, hay: &[u8], start: usize) -> bool {
        self.others.iter().all(|(off, forms)| {
            let at = start + off;
            forms.iter().any(|f| hay.get(at..at + f.len()) == Some(f))
        })
    }
}

/// The matches of an `Anchor` in one haystack.
pub struct Matches<'h> {
    anchor: &'h Anchor,
    hay: &'h [u8],
    regex: &'h Regex,
    /// Where the next search for the run starts.
    from: usize,
    /// Where the last match ended: matches do not overlap.
    resume: usize,
    candidates: usize,
}

impl Iterator for Matches<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let a = self.anchor;
        loop {
            if self.candidates > TRIAL && self.candidates * RARE > self.from {
                // The rest of the file the expression's way.
                let m = self.regex.find_at(self.hay, self.resume)?;
                self.resume = m.end();
                return Some(m.range());
            }
            let pos = self.from + a.finder.find(self.hay.get(self.from..)?)?;
            // Runs may overlap (`哈哈` in `哈哈哈`): the next search starts one byte on.
            self.from = pos + 1;
            self.candidates += 1;
            let Some(start) = pos.checked_sub(a.offset) else {
                continue;
            };
            if start < self.resume || start + a.len > self.hay.len() {
                continue;
            }
            if a.is_at(self.hay, start) {
                self.resume = start + a.len;
                return Some(start..self.resume);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::variants::classes;

    fn anchor(word: &str) -> Option<Anchor> {
        let sets = classes(word);
        Anchor::new(&sets.iter().collect::<Vec<_>>())
    }

    fn both(word: &str, hay: &str) {
        let sets = classes(word);
        let source: String = sets
            .iter()
            .map(|s| {
                let alts: Vec<String> = s.iter().map(|c| regex::escape(&c.to_string())).collect();
                format!("(?:{})", alts.join("|"))
            })
            .collect();
        let re = Regex::new(&source).unwrap();
        let a = anchor(word).expect("an anchor");
        let want: Vec<Range<usize>> = re.find_iter(hay.as_bytes()).map(|m| m.range()).collect();
        let got: Vec<Range<usize>> = a.find_iter(hay.as_bytes(), &re).collect();
        assert_eq!(got, want, "{word} in {hay}");
    }

    #[test]
    fn the_anchor_finds_what_the_expression_finds() {
        both(
            "营商环境",
            "优化營商環境和营商环境，營商环境、营商環境；商环境营商",
        );
        both("营商环境", "");
        both("哈哈哈", "哈哈哈哈哈哈哈");
        both("两个确立", "「兩個確立」和两个确立，两个确立两个确立");
        // A common run: the expression takes over, and finds the same.
        let common = format!("{}营商环境{}", "商".repeat(500), "營商環境".repeat(3));
        both("营商环境", &common);
    }

    #[test]
    fn words_without_a_shared_run_or_with_mixed_lengths_have_none() {
        assert!(anchor("观点").is_none(), "both characters have two forms");
        assert!(
            anchor("ab").is_none(),
            "ASCII letters have full-width forms"
        );
        assert!(anchor("营商环境").is_some());
    }
}
