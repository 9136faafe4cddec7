//! A speech as `similar` compares it: the characters of its reading text (junk already
//! removed by the parser), folded (full-/half-width, case), without whitespace and
//! punctuation, each remembered with the paragraph it came from. The title, subtitle
//! and meta lines are left out: a reused title is not reused text.

use crate::outline::{Document, Role};

pub struct Norm {
    pub chars: Vec<char>,
    /// The paragraph of each character.
    pub para: Vec<u32>,
}

impl Norm {
    pub fn of(doc: &Document) -> Norm {
        // About one kept character per three bytes of Chinese text.
        let cap = doc.text.len() / 3 + 16;
        let mut n = Norm {
            chars: Vec::with_capacity(cap),
            para: Vec::with_capacity(cap),
        };
        each_char(doc, |c, p| {
            n.chars.push(c);
            n.para.push(p);
        });
        n
    }
}

/// Every character compared, in order, with its paragraph: folded, letters and digits
/// only, title, subtitle and meta lines left out.
pub fn each_char(doc: &Document, mut f: impl FnMut(char, u32)) {
    each_char_at(doc, |c, p, _| f(c, p));
}

/// As `each_char`, with where each character stands: its paragraph and the byte range
/// in the paragraph's text.
pub fn each_char_at(doc: &Document, mut f: impl FnMut(char, u32, (u32, u32))) {
    for (i, p) in doc.paragraphs.iter().enumerate() {
        if matches!(p.role, Role::Title | Role::Subtitle | Role::Meta) {
            continue;
        }
        for (b, c) in doc.para_text(i).char_indices() {
            let folded = crate::text::fold::fold(c);
            if kept(folded) {
                let end = b + c.len_utf8();
                f(folded, i as u32, (b as u32, end as u32));
            }
        }
    }
}

/// A polynomial rolling hash over the last `K` characters pushed.
pub struct Roller<const K: usize> {
    window: [u64; K],
    /// Characters pushed so far.
    n: usize,
    h: u64,
    top: u64,
}

const B: u64 = 0x100_0000_01B3;

impl<const K: usize> Default for Roller<K> {
    fn default() -> Self {
        Roller {
            window: [0; K],
            n: 0,
            h: 0,
            top: (1..K).fold(1u64, |p, _| p.wrapping_mul(B)),
        }
    }
}

impl<const K: usize> Roller<K> {
    /// Pushes a character; the hash of the last `K`, once there are that many.
    pub fn push(&mut self, c: char) -> Option<u64> {
        let slot = self.n % K;
        if self.n >= K {
            self.h = self
                .h
                .wrapping_sub(self.window[slot].wrapping_mul(self.top));
        }
        self.h = self.h.wrapping_mul(B).wrapping_add(c as u64);
        self.window[slot] = c as u64;
        self.n += 1;
        (self.n >= K).then(|| mix(self.h))
    }
}

/// Letters and digits: the common CJK block and ASCII answered at once, the rest by
/// the Unicode tables (slow enough to dominate a corpus otherwise).
fn kept(c: char) -> bool {
    match c {
        '\u{4E00}'..='\u{9FFF}' => true,
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        // Chinese and general punctuation, full-width forms (folded already).
        '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' => false,
        c => c.is_alphanumeric(),
    }
}

/// The hash of every run of `K` characters, in order (`chars.len() - K + 1` of them),
/// mixed so that any bits can be sampled.
pub fn shingles<const K: usize>(chars: &[char]) -> Vec<u64> {
    let mut r = Roller::<K>::default();
    chars.iter().filter_map(|&c| r.push(c)).collect()
}

/// splitmix64's finaliser: nearby inputs give unrelated outputs.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rolling_hashes_are_the_hashes_of_each_window() {
        let chars: Vec<char> = "营商环境是生产力营商环境".chars().collect();
        let h = shingles::<4>(&chars);
        assert_eq!(h.len(), chars.len() - 3);
        // The same four characters give the same hash wherever they stand.
        assert_eq!(h[0], h[8]);
        assert_ne!(h[0], h[1]);
        let direct = shingles::<4>(&chars[8..]);
        assert_eq!(direct[0], h[8]);
        assert!(shingles::<4>(&chars[..3]).is_empty());
    }

    #[test]
    fn folded_without_punctuation_and_the_title() {
        let doc = crate::outline::parse(
            "在会上的讲话\n同志们：\n要抓好ＡＢＣ，“营商”环境！\n",
            "a.txt",
            "a",
            "UTF-8",
        );
        let n = Norm::of(&doc);
        let s: String = n.chars.iter().collect();
        assert_eq!(s, "同志们要抓好abc营商环境");
        assert_eq!(n.chars.len(), n.para.len());
    }
}
