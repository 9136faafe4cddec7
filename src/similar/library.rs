//! Near-duplicates among speeches already in memory (the browser's): the same sketch,
//! candidates and exact comparison as `gangmu similar`, without reading files again.

use super::pairs::{Pair, Sketch, Speech, candidates, compare};
use crate::outline::Document;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// A speech's near-duplicate, seen from the speech.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Neighbour {
    /// Its index among the speeches.
    pub doc: usize,
    /// Share of this speech that the other has, and of the other that this one has, in %.
    pub mine_in_it: f64,
    pub its_in_mine: f64,
}

/// Every speech's near-duplicates (those sharing at least `min` percent of one of the
/// two), the most similar first. Speeches with none are absent.
pub fn neighbours(
    docs: &[Arc<Document>],
    min: f64,
    common: usize,
) -> HashMap<usize, Vec<Neighbour>> {
    let sketches: Vec<Sketch> = docs.par_iter().map(|d| Sketch::new(d)).collect();
    let cands = candidates(&sketches, min, common.max(2));
    drop(sketches);
    let mut wanted: Vec<usize> = cands
        .iter()
        .flat_map(|&(i, j)| [i as usize, j as usize])
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let speeches: HashMap<usize, Speech> = wanted
        .par_iter()
        .map(|&i| (i, Speech::new(&docs[i])))
        .collect();
    let pairs: Vec<Pair> = cands
        .par_iter()
        .map(|&(i, j)| {
            let (i, j) = (i as usize, j as usize);
            compare(&speeches[&i], &speeches[&j], i, j)
        })
        .filter(|p| p.larger() >= min)
        .collect();
    let mut out: HashMap<usize, Vec<Neighbour>> = HashMap::new();
    for p in &pairs {
        out.entry(p.a).or_default().push(Neighbour {
            doc: p.b,
            mine_in_it: p.a_in_b,
            its_in_mine: p.b_in_a,
        });
        out.entry(p.b).or_default().push(Neighbour {
            doc: p.a,
            mine_in_it: p.b_in_a,
            its_in_mine: p.a_in_b,
        });
    }
    for list in out.values_mut() {
        list.sort_by(|x, y| {
            let big = |n: &Neighbour| n.mine_in_it.max(n.its_in_mine);
            big(y).total_cmp(&big(x)).then(x.doc.cmp(&y.doc))
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_is_a_neighbour_both_ways_and_an_unrelated_speech_is_not() {
        let body = "要坚持以人民为中心的发展思想，把增进民生福祉作为发展的根本目的。\
                    今年粮食产量再创新高，农民收入持续增长，乡村面貌焕然一新。\
                    各级干部要敢于担当、善于作为，以钉钉子精神抓好工作落实。";
        let other = "春节将至，向全市人民致以新春的祝福。过去一年，我们经受住了考验，\
                     城市建设迈出新步伐，社会事业全面进步，人民生活持续改善。";
        let docs: Vec<Arc<Document>> = [
            format!("甲\n{body}\n"),
            format!("乙\n{other}\n"),
            format!("丙\n{body}\n{other}\n"),
        ]
        .iter()
        .map(|t| Arc::new(crate::outline::parse(t, "t.txt", "t", "UTF-8")))
        .collect();
        let near = neighbours(&docs, 30.0, 100);
        let of_a = &near[&0];
        assert_eq!(of_a.len(), 1);
        assert_eq!(of_a[0].doc, 2);
        assert_eq!(of_a[0].mine_in_it, 100.0);
        assert!(
            of_a[0].its_in_mine > 45.0 && of_a[0].its_in_mine < 75.0,
            "{:?}",
            of_a[0]
        );
        // 丙 holds all of 甲 and of 乙: both are its neighbours; 甲 and 乙 share nothing.
        assert_eq!(near[&2].len(), 2);
        assert!(near[&1].iter().all(|n| n.doc == 2));
    }
}
