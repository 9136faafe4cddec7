//! Which speeches share text. Every speech is sketched by a sample of its 8-character
//! passages (one hash in eight, the same hashes in every speech); an index of the
//! samples finds the pairs worth comparing without looking at all N²/2 of them; those
//! are then compared exactly, passage by passage.
//!
//! A passage found in more than `common` speeches is a set phrase or a template
//! (`同志们，让我们更加紧密地团结在…`), not one speech copying another: it makes no
//! pair by itself, though it still counts in the exact comparison of a pair found
//! otherwise.

use super::text::{Norm, Roller, each_char, shingles};
use crate::outline::Document;
use rayon::prelude::*;
use std::collections::HashMap;

/// Characters in a passage: shorter runs are the language, not a copy.
pub const K: usize = 8;
/// One passage hash in `SAMPLE` is indexed. A pair is only found through a shared
/// sample, so a copy of fewer than about a hundred 字 can go unseen (no sample among
/// its passages); winnowing would guarantee one per window at about twice the memory.
const SAMPLE: u64 = 8;
/// The low bits of an index entry that hold the speech.
const DOC_MASK: u64 = (1 << 24) - 1;
/// At most about this many (speech, speech) entries are counted (8 bytes each).
const PAIR_BUDGET: usize = 50_000_000;

/// What the first pass keeps of a speech: its name, size and sampled passage hashes
/// (about 1 KB per thousand 字), so that 100,000 speeches fit in memory.
pub struct Sketch {
    pub path: String,
    pub title: String,
    /// 字数 as the outline gives it.
    pub chars: usize,
    /// The sampled hashes, in text order (a passage repeated in the speech repeats).
    sample: Vec<u64>,
}

impl Sketch {
    pub fn new(doc: &Document) -> Sketch {
        // Streamed: no copy of the text is made for the sketch.
        let mut roll = Roller::<K>::default();
        let mut sample = Vec::with_capacity(doc.text.len() / 24 + 4);
        each_char(doc, |c, _| {
            if let Some(h) = roll.push(c)
                && h % SAMPLE == 0
            {
                sample.push(h);
            }
        });
        // Sorted and made unique with everyone's, in `sorted_entries`.
        Sketch {
            path: doc.path.clone(),
            title: doc.title.clone(),
            chars: doc.chars,
            sample,
        }
    }
}

/// A speech of a candidate pair, read again to be compared exactly.
pub struct Speech {
    norm: Norm,
    hashes: Vec<u64>,
    /// Each paragraph's section, as a breadcrumb.
    sections: Vec<String>,
}

impl Speech {
    pub fn new(doc: &Document) -> Speech {
        let norm = Norm::of(doc);
        let hashes = shingles::<K>(&norm.chars);
        Speech {
            norm,
            hashes,
            sections: sections(doc),
        }
    }
}

/// Each paragraph's breadcrumb: the chain of headings down to the last one that
/// starts at or before it.
fn sections(doc: &Document) -> Vec<String> {
    let mut out = vec![String::new(); doc.paragraphs.len()];
    let mut k = 0;
    let mut current = String::new();
    for (p, slot) in out.iter_mut().enumerate() {
        while k < doc.nodes.len() && doc.nodes[k].para <= p {
            let mut chain = Vec::new();
            let mut n = Some(k);
            while let Some(i) = n {
                let node = &doc.nodes[i];
                chain.push(crate::outline::label(
                    doc.node_marker(node),
                    doc.node_title(node),
                ));
                n = node.parent.filter(|&q| q < i);
            }
            chain.reverse();
            current = chain.join(" › ");
            k += 1;
        }
        slot.clone_from(&current);
    }
    out
}

/// Two speeches that share text.
#[derive(Debug, Clone)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    /// Share of A's characters in passages B has too, in percent.
    pub a_in_b: f64,
    pub b_in_a: f64,
    /// Passages of A found in B (maximal runs), and their characters.
    pub passages: usize,
    pub shared: usize,
    /// Sections of A and of B where the shared passages are, in order, each once.
    pub sections_a: Vec<String>,
    pub sections_b: Vec<String>,
}

impl Pair {
    pub fn larger(&self) -> f64 {
        self.a_in_b.max(self.b_in_a)
    }
}

/// The pairs the samples say may share `min` percent of the smaller speech (with room
/// for the sample's error and for the set phrases left out), as indexes, in order.
pub fn candidates(sketches: &[Sketch], min: f64, common: usize) -> Vec<(u32, u32)> {
    // Every sampled hash with its speech, sorted: equal hashes side by side. A sort
    // beats a map of lists by far at millions of entries.
    // One u64 an entry: the hash's top 40 bits over the speech's index (24 bits, up to
    // 16 million speeches), so the sort compares plain integers. Hashes that agree in
    // 40 bits but differ below only add a candidate, which the exact comparison drops.
    let all = sorted_entries(sketches);
    let pairs = pair_entries(&all, sketches.len(), common);
    drop(all);
    pairs
        .chunk_by(|x, y| x == y)
        .filter(|g| {
            let (i, j) = ((g[0] >> 32) as usize, (g[0] & 0xFFFF_FFFF) as usize);
            let smaller = sketches[i]
                .sample
                .len()
                .min(sketches[j].sample.len())
                .max(1);
            // The shared samples are a sample: a pair stays a candidate unless even a
            // generous bound on its share (three standard deviations, which counts for
            // short speeches with few samples) is well below the threshold (the set
            // phrases left out of the samples still count in the exact comparison).
            let shared = g.len() as f64;
            let bound = shared + 3.0 * (shared + 1.0).sqrt();
            g.len() >= 2 && bound * 100.0 / smaller as f64 >= min * 0.6
        })
        .map(|g| ((g[0] >> 32) as u32, g[0] as u32))
        .collect()
}

/// One entry `first << 32 | second` for each sampled passage two speeches share, sorted.
/// Entries are counted by their first speech in one pass over the groups and written in
/// place in a second, so the buckets are sorted on their own, in parallel and in cache,
/// with no second buffer.
fn pair_entries(all: &[u64], speeches: usize, common: usize) -> Vec<u64> {
    let groups = || {
        all.chunk_by(|x, y| x & !DOC_MASK == y & !DOC_MASK)
            .filter(|g| g.len() >= 2 && g.len() <= common)
    };
    let n = speeches.max(1);
    let buckets = 4096.min(n);
    let bucket = |i: u64| (i as usize * buckets) / n;
    // Memory stays bounded whatever `common` is: past this many entries the rest of
    // the shared passages are left to those already counted.
    let mut start = vec![0usize; buckets + 1];
    let mut used = 0;
    let mut total = 0usize;
    for g in groups() {
        if total > PAIR_BUDGET {
            break;
        }
        used += 1;
        for (x, &ei) in g.iter().enumerate() {
            start[bucket(ei & DOC_MASK) + 1] += g.len() - x - 1;
        }
        total += g.len() * (g.len() - 1) / 2;
    }
    for b in 1..start.len() {
        start[b] += start[b - 1];
    }
    let mut next = start.clone();
    let mut out = vec![0u64; total];
    for g in groups().take(used) {
        for (x, &ei) in g.iter().enumerate() {
            let i = ei & DOC_MASK;
            let b = bucket(i);
            for &ej in &g[x + 1..] {
                out[next[b]] = i << 32 | (ej & DOC_MASK);
                next[b] += 1;
            }
        }
    }
    let mut parts: Vec<&mut [u64]> = Vec::with_capacity(buckets);
    let mut rest: &mut [u64] = &mut out;
    for b in 0..buckets {
        let (head, tail) = rest.split_at_mut(start[b + 1] - start[b]);
        parts.push(head);
        rest = tail;
    }
    parts.par_iter_mut().for_each(|p| p.sort_unstable());
    out
}

/// Every sampled hash with its speech, sorted. The hashes are uniform, so one pass
/// spreads them over 4,096 buckets by their top bits and each bucket is sorted on its
/// own, in parallel and in cache: several times faster than one sort of everything.
fn sorted_entries(sketches: &[Sketch]) -> Vec<u64> {
    const BITS: u32 = 12;
    let bucket = |e: u64| (e >> (64 - BITS)) as usize;
    let total: usize = sketches.iter().map(|s| s.sample.len()).sum();
    let entries = || {
        sketches
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.sample.iter().map(move |&h| (h & !DOC_MASK) | i as u64))
    };
    let mut start = vec![0usize; (1 << BITS) + 1];
    for e in entries() {
        start[bucket(e) + 1] += 1;
    }
    for b in 1..start.len() {
        start[b] += start[b - 1];
    }
    let mut next = start.clone();
    let mut out = vec![0u64; total];
    for e in entries() {
        let b = bucket(e);
        out[next[b]] = e;
        next[b] += 1;
    }
    let mut parts: Vec<&mut [u64]> = Vec::with_capacity(1 << BITS);
    let mut rest: &mut [u64] = &mut out;
    for b in 0..(1 << BITS) {
        let (head, tail) = rest.split_at_mut(start[b + 1] - start[b]);
        parts.push(head);
        rest = tail;
    }
    parts.par_iter_mut().for_each(|p| p.sort_unstable());
    // A passage a speech repeats counts once.
    out.dedup();
    out
}

/// The exact comparison: which of A's characters stand in an 8-character passage that B
/// has too, and the other way round.
pub fn compare(sa: &Speech, sb: &Speech, a: usize, b: usize) -> Pair {
    let cover_a = covered(&sa.hashes, &sb.hashes, sa.norm.chars.len());
    let cover_b = covered(&sb.hashes, &sa.hashes, sb.norm.chars.len());
    let pct = |c: &[bool]| {
        if c.is_empty() {
            0.0
        } else {
            c.iter().filter(|&&x| x).count() as f64 * 100.0 / c.len() as f64
        }
    };
    let runs_a = runs(&cover_a);
    Pair {
        a,
        b,
        a_in_b: pct(&cover_a),
        b_in_a: pct(&cover_b),
        passages: runs_a.len(),
        shared: runs_a.iter().map(|r| r.1 - r.0).sum(),
        sections_a: where_(sa, &runs_a),
        sections_b: where_(sb, &runs(&cover_b)),
    }
}

/// For each character of a text of `len` characters with passage hashes `mine`,
/// whether it stands in a passage `theirs` has.
pub(super) fn covered(mine: &[u64], theirs: &[u64], len: usize) -> Vec<bool> {
    let mut set = theirs.to_vec();
    set.sort_unstable();
    set.dedup();
    let mut cover = vec![false; len];
    for (i, h) in mine.iter().enumerate() {
        if set.binary_search(h).is_ok() {
            cover[i..i + K].iter_mut().for_each(|c| *c = true);
        }
    }
    cover
}

/// Maximal runs of covered characters, as (start, end).
fn runs(cover: &[bool]) -> Vec<(usize, usize)> {
    runs_of(cover, true)
}

/// Maximal runs of `value` in `flags`, as (start, end).
pub(super) fn runs_of(flags: &[bool], value: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &c) in flags.iter().chain(std::iter::once(&!value)).enumerate() {
        match (c == value, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The sections where `runs` start, in order, each once (`全文` before any heading).
fn where_(s: &Speech, runs: &[(usize, usize)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &(start, _) in runs {
        let para = s.norm.para[start] as usize;
        let sec = s.sections.get(para).cloned().unwrap_or_default();
        let sec = if sec.is_empty() {
            "（开头）".into()
        } else {
            sec
        };
        if !out.contains(&sec) {
            out.push(sec);
        }
    }
    out
}

/// Families: speeches connected by pairs, each listed longest first; families in the
/// order of their longest speech's position.
pub fn families(sketches: &[Sketch], pairs: &[Pair]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..sketches.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for p in pairs {
        let (x, y) = (root(&mut parent, p.a), root(&mut parent, p.b));
        if x != y {
            parent[x.max(y)] = x.min(y);
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut seen = std::collections::HashSet::new();
    for p in pairs {
        for i in [p.a, p.b] {
            if seen.insert(i) {
                let r = root(&mut parent, i);
                groups.entry(r).or_default().push(i);
            }
        }
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    for g in &mut out {
        g.sort_by(|&x, &y| sketches[y].chars.cmp(&sketches[x].chars).then(x.cmp(&y)));
    }
    out.sort_by_key(|g| g[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` characters of the common CJK block from a small generator, as unrelated as
    /// two speeches' wording.
    fn text(seed: u64, n: usize) -> String {
        let mut x = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                char::from_u32(0x4E00 + ((x >> 33) % 0x5000) as u32).unwrap_or('中')
            })
            .collect()
    }

    fn doc(body: &str) -> Document {
        crate::outline::parse(&format!("标题\n{body}\n"), "t.txt", "t", "UTF-8")
    }

    #[test]
    fn short_copies_with_few_shared_samples_are_candidates() {
        // A 230-字 speech that takes 100 字 of another: 43% of it, above 30%. With a
        // one-in-eight sample that is about twelve shared samples, few enough to fall
        // short of the share by chance; none of forty such pairs may be missed. (Far
        // fewer shared samples, and a copy can go unseen: see the note on `SAMPLE`.)
        for seed in 0..40 {
            let base = text(seed * 2 + 1, 600);
            let shared: String = base.chars().skip(200).take(100).collect();
            let copy = format!(
                "{}{shared}{}",
                text(seed * 2 + 1000, 60),
                text(seed + 5000, 70)
            );
            let sketches = [Sketch::new(&doc(&base)), Sketch::new(&doc(&copy))];
            let shared_samples = sketches[1]
                .sample
                .iter()
                .filter(|h| sketches[0].sample.contains(h))
                .count();
            assert_eq!(
                candidates(&sketches, 30.0, 100),
                [(0, 1)],
                "seed {seed}: {} and {} samples, {shared_samples} shared",
                sketches[0].sample.len(),
                sketches[1].sample.len()
            );
        }
    }

    #[test]
    fn unrelated_speeches_are_no_candidates() {
        let sketches: Vec<Sketch> = (0..20).map(|s| Sketch::new(&doc(&text(s, 800)))).collect();
        assert!(candidates(&sketches, 30.0, 100).is_empty());
    }
}
