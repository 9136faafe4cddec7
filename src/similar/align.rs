//! Two speeches side by side: which text of each the other has too (the same
//! 8-character passages `compare` counts), where each place of one stands in the other,
//! and where they differ. The browser's comparison view draws from this; it knows
//! nothing of the terminal.

use super::pairs::{K, covered, runs_of};
use super::text::{Roller, each_char_at};
use crate::outline::Document;
use std::collections::HashMap;

/// A place in a speech: paragraph and byte in its text.
pub type Place = (usize, usize);

/// One speech of the two.
#[derive(Debug, Clone, Default)]
pub struct Side {
    /// Each compared character's paragraph and byte range, in order.
    at: Vec<(u32, u32, u32)>,
    /// Whether each character stands in a passage the other speech has.
    covered: Vec<bool>,
    /// For each character, the character of the other speech it stands for: where the
    /// passage is found there, or, in text the other lacks, the last place before it
    /// that was found.
    other: Vec<u32>,
    /// Shared byte ranges of each paragraph, in order.
    shared: HashMap<u32, Vec<(u32, u32)>>,
}

impl Side {
    /// Shared byte ranges of paragraph `para`, in order.
    pub fn shared(&self, para: usize) -> &[(u32, u32)] {
        self.shared
            .get(&(para as u32))
            .map_or(&[][..], |v| v.as_slice())
    }

    /// Share of this speech's compared characters that the other has, in percent.
    pub fn percent(&self) -> f64 {
        let n = self.covered.len().max(1);
        self.covered.iter().filter(|&&c| c).count() as f64 * 100.0 / n as f64
    }

    /// The text of `len` compared characters from the `from`th, as (paragraph, start
    /// byte, end byte), a range a paragraph.
    pub fn spans(&self, from: usize, len: usize) -> Vec<(usize, u32, u32)> {
        let mut out: Vec<(usize, u32, u32)> = Vec::new();
        for &(p, start, end) in self.at.iter().skip(from).take(len) {
            match out.last_mut() {
                Some(last) if last.0 == p as usize => last.2 = end,
                _ => out.push((p as usize, start, end)),
            }
        }
        out
    }

    /// The first compared character at or after `place` (the last one past the end).
    fn index(&self, place: Place) -> Option<usize> {
        if self.at.is_empty() {
            return None;
        }
        let i = self
            .at
            .partition_point(|&(p, s, _)| (p as usize, s as usize) < place);
        Some(i.min(self.at.len() - 1))
    }

    fn place(&self, i: usize) -> Place {
        let (p, s, _) = self.at[i.min(self.at.len() - 1)];
        (p as usize, s as usize)
    }
}

/// A place where the speeches differ: text one has and the other lacks (or both, where
/// one replaced the other's words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Difference {
    /// Where it is in each speech (for the speech without the text: where it would be).
    pub a: Place,
    pub b: Place,
    /// Characters compared that only A, and only B, has here.
    pub only_a: usize,
    pub only_b: usize,
    /// Where those characters start among each side's compared characters.
    pub a_at: usize,
    pub b_at: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Alignment {
    pub a: Side,
    pub b: Side,
    /// In reading order of A.
    pub differences: Vec<Difference>,
}

impl Alignment {
    pub fn new(a: &Document, b: &Document) -> Alignment {
        let (mut sa, ha) = side(a);
        let (mut sb, hb) = side(b);
        sa.covered = covered(&ha, &hb, sa.at.len());
        sb.covered = covered(&hb, &ha, sb.at.len());
        sa.other = follow(&ha, &hb, &sa.covered);
        sb.other = follow(&hb, &ha, &sb.covered);
        sa.shared = ranges(&sa);
        sb.shared = ranges(&sb);
        let differences = differences(&sa, &sb);
        Alignment {
            a: sa,
            b: sb,
            differences,
        }
    }

    /// Where B stands for the place `a` of A: the two sides scroll together by this.
    pub fn b_for(&self, a: Place) -> Place {
        match (self.a.index(a), self.b.at.is_empty()) {
            (Some(i), false) => self.b.place(self.a.other[i] as usize),
            _ => (0, 0),
        }
    }

    /// Where A stands for the place `b` of B.
    pub fn a_for(&self, b: Place) -> Place {
        match (self.b.index(b), self.a.at.is_empty()) {
            (Some(i), false) => self.a.place(self.b.other[i] as usize),
            _ => (0, 0),
        }
    }
}

/// A speech's compared characters with their places, and the hash of the passage that
/// starts at each (`len - K + 1` of them).
fn side(doc: &Document) -> (Side, Vec<u64>) {
    let mut s = Side::default();
    let mut roll = Roller::<K>::default();
    let mut hashes = Vec::new();
    each_char_at(doc, |c, p, (start, end)| {
        s.at.push((p, start, end));
        if let Some(h) = roll.push(c) {
            hashes.push(h);
        }
    });
    (s, hashes)
}

/// For each of my characters, the other speech's character it stands for. A passage
/// found several times there is taken where it keeps the order best: nearest to just
/// after the last place found.
fn follow(mine: &[u64], theirs: &[u64], covered: &[bool]) -> Vec<u32> {
    let mut at: HashMap<u64, Vec<u32>> = HashMap::with_capacity(theirs.len());
    for (j, &h) in theirs.iter().enumerate() {
        at.entry(h).or_default().push(j as u32);
    }
    let mut out = vec![u32::MAX; covered.len()];
    let mut next = 0u32;
    for (i, h) in mine.iter().enumerate() {
        let Some(found) = at.get(h) else { continue };
        let k = found.partition_point(|&j| j < next);
        let j = match (found.get(k), k.checked_sub(1).map(|k| found[k])) {
            (Some(&after), Some(before)) if next - before < after - next => before,
            (Some(&after), _) => after,
            (None, before) => before.unwrap_or(0),
        };
        for t in 0..K {
            if out[i + t] == u32::MAX {
                out[i + t] = j + t as u32;
            }
        }
        next = j + 1;
    }
    // Text the other lacks stands where the last shared text before it does.
    let mut last = 0;
    for o in &mut out {
        if *o == u32::MAX {
            *o = last;
        } else {
            last = *o;
        }
    }
    out
}

/// Shared byte ranges per paragraph: runs of covered characters, the punctuation
/// between them included.
fn ranges(s: &Side) -> HashMap<u32, Vec<(u32, u32)>> {
    let mut out: HashMap<u32, Vec<(u32, u32)>> = HashMap::new();
    let mut run: Option<(u32, u32, u32)> = None;
    for (&(p, start, end), &c) in s.at.iter().zip(&s.covered) {
        run = match (run, c) {
            (Some((rp, rs, _)), true) if rp == p => Some((rp, rs, end)),
            (r, true) => {
                if let Some((rp, rs, re)) = r {
                    out.entry(rp).or_default().push((rs, re));
                }
                Some((p, start, end))
            }
            (Some((rp, rs, re)), false) => {
                out.entry(rp).or_default().push((rs, re));
                None
            }
            (None, false) => None,
        };
    }
    if let Some((rp, rs, re)) = run {
        out.entry(rp).or_default().push((rs, re));
    }
    out
}

/// Text only A has, and text only B has, placed in A's order; a gap of B at the place
/// of a gap of A is one difference (words replaced).
fn differences(a: &Side, b: &Side) -> Vec<Difference> {
    // Each gap as (A index, B index, only A, only B).
    let mut all: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (s, e) in runs_of(&a.covered, false) {
        all.push((s, a.other[s] as usize + usize::from(s > 0), e - s, 0));
    }
    for (s, e) in runs_of(&b.covered, false) {
        let at = b.other[s] as usize + usize::from(s > 0);
        match all.iter_mut().find(|d| d.3 == 0 && d.0 == at) {
            Some(d) => {
                d.1 = s;
                d.3 = e - s;
            }
            None => all.push((at, s, 0, e - s)),
        }
    }
    all.sort_unstable();
    let clamp = |side: &Side, i: usize| {
        if side.at.is_empty() {
            (0, 0)
        } else {
            side.place(i)
        }
    };
    all.into_iter()
        .map(|(ia, ib, only_a, only_b)| Difference {
            a: clamp(a, ia),
            b: clamp(b, ib),
            only_a,
            only_b,
            a_at: ia,
            b_at: ib,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        crate::outline::parse(text, "t.txt", "t", "UTF-8")
    }

    const SHARED: &str = "要坚持以人民为中心的发展思想，把增进民生福祉作为发展的根本目的。";
    const OTHER: &str = "今年粮食产量再创新高，农民收入持续增长，乡村面貌焕然一新。";

    #[test]
    fn shared_text_is_found_on_both_sides_and_the_rest_is_a_difference() {
        let a = doc(&format!("标题\n{SHARED}\n{OTHER}\n"));
        let b = doc(&format!("另一个标题\n{SHARED}\n"));
        let al = Alignment::new(&a, &b);
        assert_eq!(al.b.percent(), 100.0);
        assert!(al.a.percent() > 40.0 && al.a.percent() < 60.0);
        // The shared sentence is one range from its first character to its last.
        let pa = (0..a.paragraphs.len())
            .find(|&i| a.para_text(i).starts_with("要坚持"))
            .unwrap();
        let r = al.a.shared(pa);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].0, 0);
        let text = a.para_text(pa);
        assert_eq!(
            &text[r[0].0 as usize..r[0].1 as usize],
            &SHARED[..SHARED.len() - 3]
        );
        // The other paragraph of A is the one difference, and B has nothing there.
        assert_eq!(al.differences.len(), 1);
        let d = al.differences[0];
        assert_eq!(d.only_b, 0);
        assert!(a.para_text(d.a.0).starts_with("今年"));
        assert!(d.only_a > 20);
    }

    #[test]
    fn the_sides_scroll_to_the_same_passage() {
        let a = doc(&format!("标题\n{OTHER}\n{SHARED}\n"));
        let b = doc(&format!("标题二\n{SHARED}\n{OTHER}\n"));
        let al = Alignment::new(&a, &b);
        let pa = (0..a.paragraphs.len())
            .find(|&i| a.para_text(i).starts_with("要坚持"))
            .unwrap();
        let pb = (0..b.paragraphs.len())
            .find(|&i| b.para_text(i).starts_with("要坚持"))
            .unwrap();
        // Six characters into the shared sentence on A is six characters into it on B.
        let at = SHARED.char_indices().nth(6).unwrap().0;
        assert_eq!(al.b_for((pa, at)), (pb, at));
        assert_eq!(al.a_for((pb, at)), (pa, at));
    }

    #[test]
    fn a_replaced_word_is_one_difference_with_both_sides() {
        let a = doc(&format!(
            "标题\n{SHARED}各级干部要敢于担当善于作为。{OTHER}\n"
        ));
        let b = doc(&format!(
            "标题\n{SHARED}各级领导要敢于担当善于作为。{OTHER}\n"
        ));
        let al = Alignment::new(&a, &b);
        assert_eq!(al.differences.len(), 1, "{:?}", al.differences);
        let d = al.differences[0];
        assert_eq!((d.only_a, d.only_b), (2, 2));
        let text = a.para_text(d.a.0);
        assert!(text[d.a.1..].starts_with("干部"));
        assert!(b.para_text(d.b.0)[d.b.1..].starts_with("领导"));
    }

    #[test]
    fn nothing_in_common_and_empty_speeches_do_not_panic() {
        let a = doc("标题\n");
        let b = doc(&format!("标题\n{OTHER}\n"));
        for (x, y) in [(&a, &b), (&b, &a), (&a, &a)] {
            let al = Alignment::new(x, y);
            let _ = al.b_for((0, 0));
            let _ = al.a_for((5, 100));
            assert!(al.a.percent() <= 0.0 || x.paragraphs.len() > 1);
        }
    }
}
