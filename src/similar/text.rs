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
        for (i, p) in doc.paragraphs.iter().enumerate() {
            if matches!(p.role, Role::Title | Role::Subtitle | Role::Meta) {
                continue;
            }
            for c in doc.para_text(i).chars() {
                let c = crate::text::fold::fold(c);
                if kept(c) {
                    n.chars.push(c);
                    n.para.push(i as u32);
                }
            }
        }
        n
    }
}

/// Letters and digits: the common CJK block and ASCII answered at once, the rest by
/// the Unicode tables (slow enough to dominate a corpus otherwise).
fn kept(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}')
        || c.is_ascii_alphanumeric()
        || (!c.is_ascii() && c.is_alphanumeric())
}

/// The hash of every run of `k` characters, in order (`chars.len() - k + 1` of them),
/// by a polynomial rolling hash, then mixed so that any bits can be sampled.
pub fn shingles(chars: &[char], k: usize) -> Vec<u64> {
    if chars.len() < k || k == 0 {
        return Vec::new();
    }
    const B: u64 = 0x100_0000_01B3;
    let top = (1..k).fold(1u64, |p, _| p.wrapping_mul(B));
    let mut h = chars[..k]
        .iter()
        .fold(0u64, |h, &c| h.wrapping_mul(B).wrapping_add(c as u64));
    let mut out = Vec::with_capacity(chars.len() - k + 1);
    out.push(mix(h));
    for i in k..chars.len() {
        h = h
            .wrapping_sub((chars[i - k] as u64).wrapping_mul(top))
            .wrapping_mul(B)
            .wrapping_add(chars[i] as u64);
        out.push(mix(h));
    }
    out
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
        let h = shingles(&chars, 4);
        assert_eq!(h.len(), chars.len() - 3);
        // The same four characters give the same hash wherever they stand.
        assert_eq!(h[0], h[8]);
        assert_ne!(h[0], h[1]);
        let direct = shingles(&chars[8..], 4);
        assert_eq!(direct[0], h[8]);
        assert!(shingles(&chars[..3], 4).is_empty());
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
