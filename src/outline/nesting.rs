//! Nesting by evidence (spec §7): which heading family is above which, from the document
//! itself, with the default rank as fallback; then the tree, built with a stack.

use super::markers::{Family, PointGroup};
use std::collections::HashMap;

/// What a tree item is, for nesting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Heading {
        family: Family,
        delim: char,
    },
    /// A lead sentence standing alone: a heading that holds only the paragraph it sums
    /// up, so a leaf, like a point.
    Lead,
    Point {
        group: PointGroup,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: ItemKind,
    pub number: Option<u32>,
}

const N: usize = Family::ALL.len();

/// Rank of each family (lower = nearer the top) for the headings of one document.
pub fn family_ranks(items: &[Item]) -> [usize; N] {
    let heads: Vec<(Family, Option<u32>)> = items
        .iter()
        .filter_map(|it| match it.kind {
            ItemKind::Heading { family, .. } => Some((family, it.number)),
            ItemKind::Point { .. } | ItemKind::Lead => None,
        })
        .collect();
    let mut first = [usize::MAX; N];
    let mut last = [0usize; N];
    for (pos, (f, _)) in heads.iter().enumerate() {
        let i = f.index();
        first[i] = first[i].min(pos);
        last[i] = pos;
    }
    // score[a][b]: evidence that family b sits below family a.
    let mut score = [[0usize; N]; N];
    for (pos, (b, _)) in heads.iter().enumerate() {
        for a in 0..N {
            // b lies between two headings of a.
            if a != b.index() && first[a] < pos && pos < last[a] {
                score[a][b.index()] += 1;
            }
        }
    }
    // b's numbering restarts at 1 after each heading of a.
    for (pos, (a, _)) in heads.iter().enumerate() {
        let mut seen = [false; N];
        for (b, n) in &heads[pos + 1..] {
            if b == a {
                break;
            }
            if !seen[b.index()] {
                seen[b.index()] = true;
                if *n == Some(1) {
                    score[a.index()][b.index()] += 1;
                }
            }
        }
    }
    let present: Vec<usize> = (0..N).filter(|&i| first[i] != usize::MAX).collect();
    let above = |a: usize, b: usize| match score[a][b].cmp(&score[b][a]) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => a < b,
    };
    // A family's height is how many others it is above: a total order even when the
    // evidence is not transitive.
    let mut order: Vec<(usize, usize)> = present
        .iter()
        .map(|&a| {
            (
                present.iter().filter(|&&b| b != a && above(a, b)).count(),
                a,
            )
        })
        .collect();
    order.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    let mut ranks = [usize::MAX; N];
    for (r, &(_, f)) in order.iter().enumerate() {
        ranks[f] = r;
    }
    ranks
}

/// Parent of each item, by the stack rule: pop while the top is not above the new
/// heading. Points and lead sentences sit one level under the heading they follow and
/// hold no children, except a run of points lying between two points of another run,
/// which nests under the earlier of them (`第二点…` `首先…` `其次…` `第三点…`).
pub fn parents(items: &[Item], ranks: &[usize; N]) -> Vec<Option<usize>> {
    let inner = inner_points(items);
    let mut stack: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        match it.kind {
            ItemKind::Heading { family, .. } => {
                let r = ranks[family.index()];
                while let Some(&top) = stack.last() {
                    let keep = match items[top].kind {
                        ItemKind::Heading { family: tf, .. } => ranks[tf.index()] < r,
                        ItemKind::Point { .. } | ItemKind::Lead => false,
                    };
                    if keep {
                        break;
                    }
                    stack.pop();
                }
            }
            ItemKind::Point { group } if inner[i] => {
                // Pop earlier siblings of the inner run (and any inner point): the outer
                // point stays, so points nest one level deep at most.
                while stack.last().is_some_and(|&t| match items[t].kind {
                    ItemKind::Point { group: g } => g == group || inner[t],
                    _ => false,
                }) {
                    stack.pop();
                }
            }
            ItemKind::Point { .. } | ItemKind::Lead => {
                while stack
                    .last()
                    .is_some_and(|&t| !matches!(items[t].kind, ItemKind::Heading { .. }))
                {
                    stack.pop();
                }
            }
        }
        out.push(stack.last().copied());
        stack.push(i);
    }
    out
}

/// Which points belong to a run nested in another: between two consecutive points of
/// another group within one heading's scope.
fn inner_points(items: &[Item]) -> Vec<bool> {
    let mut inner = vec![false; items.len()];
    let group = |k: usize| match items[k].kind {
        ItemKind::Point { group } => Some(group),
        _ => None,
    };
    // Most speeches use one kind of enumeration word: nothing can nest.
    let mut groups = items.iter().filter_map(|it| match it.kind {
        ItemKind::Point { group } => Some(group),
        _ => None,
    });
    let Some(first) = groups.next() else {
        return inner;
    };
    if groups.all(|g| g == first) {
        return inner;
    }
    let mut points: Vec<usize> = Vec::new();
    let mut next_same: Vec<Option<usize>> = Vec::new();
    let mut last_seen: HashMap<PointGroup, usize> = HashMap::new();
    let mut cover: Vec<i32> = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let end = (start + 1..items.len())
            .find(|&k| matches!(items[k].kind, ItemKind::Heading { .. }))
            .unwrap_or(items.len());
        points.clear();
        points.extend((start..end).filter(|&k| group(k).is_some()));
        // The next point of each point's group, found walking back once.
        next_same.clear();
        next_same.resize(points.len(), None);
        last_seen.clear();
        for (a, &p) in points.iter().enumerate().rev() {
            if let Some(g) = group(p) {
                next_same[a] = last_seen.insert(g, a);
            }
        }
        // Runs lying between two consecutive points of another group: ranges of
        // `points`, added up with a difference array so overlaps cost nothing more.
        cover.clear();
        cover.resize(points.len() + 1, 0);
        for (a, &j) in points.iter().enumerate() {
            let Some(b) = next_same[a] else { continue };
            // `最后` (no number) ends a run; nothing follows it in sequence.
            let consecutive = match (items[j].number, items[points[b]].number) {
                (Some(x), Some(y)) => y == x + 1,
                (Some(_), None) => true,
                _ => false,
            };
            if consecutive && b - a > 2 {
                cover[a + 1] += 1;
                cover[b] -= 1;
            }
        }
        let mut depth = 0;
        for (a, &p) in points.iter().enumerate() {
            depth += cover[a];
            inner[p] = depth > 0;
        }
        start = end;
    }
    inner
}

#[cfg(test)]
mod tests {
    use super::*;
    use Family::*;

    fn h(family: Family, n: u32) -> Item {
        Item {
            kind: ItemKind::Heading {
                family,
                delim: '、',
            },
            number: Some(n),
        }
    }
    fn p(n: u32) -> Item {
        Item {
            kind: ItemKind::Point {
                group: PointGroup::Shi,
            },
            number: Some(n),
        }
    }

    #[test]
    fn standard_order_without_evidence_uses_default_rank() {
        let items = [h(CnNum, 1), h(BrCn, 1), h(Arabic, 1)];
        let r = family_ranks(&items);
        assert!(r[CnNum.index()] < r[BrCn.index()] && r[BrCn.index()] < r[Arabic.index()]);
        assert_eq!(parents(&items, &r), [None, Some(0), Some(1)]);
    }

    #[test]
    fn skipped_level_nests_directly() {
        let items = [
            h(CnNum, 1),
            h(Arabic, 1),
            h(Arabic, 2),
            h(CnNum, 2),
            h(Arabic, 1),
        ];
        let r = family_ranks(&items);
        assert_eq!(parents(&items, &r), [None, Some(0), Some(0), None, Some(3)]);
    }

    #[test]
    fn non_standard_order_from_evidence() {
        // 1. above （一）: （一） restarts under each 1.
        let items = [
            h(Arabic, 1),
            h(BrCn, 1),
            h(BrCn, 2),
            h(Arabic, 2),
            h(BrCn, 1),
            h(BrCn, 2),
        ];
        let r = family_ranks(&items);
        assert!(r[Arabic.index()] < r[BrCn.index()]);
        assert_eq!(
            parents(&items, &r),
            [None, Some(0), Some(0), None, Some(3), Some(3)]
        );
    }

    #[test]
    fn points_sit_under_the_heading_they_follow() {
        let items = [h(CnNum, 1), p(1), p(2), h(BrCn, 1), p(1), h(CnNum, 2), p(1)];
        let r = family_ranks(&items);
        assert_eq!(
            parents(&items, &r),
            [None, Some(0), Some(0), Some(0), Some(3), None, Some(5)]
        );
    }

    #[test]
    fn unnumbered_between_numbered_headings_nests_by_position() {
        let u = |_: u32| Item {
            kind: ItemKind::Heading {
                family: Unnumbered,
                delim: ' ',
            },
            number: None,
        };
        let items = [h(CnNum, 1), u(0), u(0), h(CnNum, 2), u(0)];
        let r = family_ranks(&items);
        assert_eq!(parents(&items, &r), [None, Some(0), Some(0), None, Some(3)]);
        // Unnumbered above 一、 when 一、 headings lie between them.
        let items = [u(0), h(CnNum, 1), h(CnNum, 2), u(0), h(CnNum, 1)];
        let r = family_ranks(&items);
        assert_eq!(parents(&items, &r), [None, Some(0), Some(0), None, Some(3)]);
    }

    fn pg(group: PointGroup, n: Option<u32>) -> Item {
        Item {
            kind: ItemKind::Point { group },
            number: n,
        }
    }

    #[test]
    fn a_run_between_two_points_of_another_run_nests_under_the_first() {
        use PointGroup::*;
        let items = [
            h(CnNum, 1),
            pg(Dian, Some(1)),
            pg(Dian, Some(2)),
            pg(Ordinal, Some(1)),
            pg(Ordinal, Some(2)),
            pg(Ordinal, None),
            pg(Dian, Some(3)),
        ];
        let r = family_ranks(&items);
        assert_eq!(
            parents(&items, &r),
            [None, Some(0), Some(0), Some(2), Some(2), Some(2), Some(0)]
        );
        // Two runs one after the other are siblings.
        let items = [
            h(CnNum, 1),
            pg(Shi, Some(1)),
            pg(Shi, Some(2)),
            pg(Ordinal, Some(1)),
            pg(Ordinal, Some(2)),
        ];
        let r = family_ranks(&items);
        assert_eq!(
            parents(&items, &r),
            [None, Some(0), Some(0), Some(0), Some(0)]
        );
    }

    #[test]
    fn lead_sentences_are_leaves_beside_bracketed_headings() {
        let lead = Item {
            kind: ItemKind::Lead,
            number: None,
        };
        let items = [
            h(CnNum, 1),
            lead.clone(),
            lead.clone(),
            h(BrCn, 1),
            h(BrCn, 2),
            h(CnNum, 2),
            h(BrCn, 1),
        ];
        let r = family_ranks(&items);
        assert_eq!(
            parents(&items, &r),
            [None, Some(0), Some(0), Some(0), Some(0), None, Some(5)]
        );
    }

    #[test]
    fn points_nest_one_level_deep_at_most() {
        use PointGroup::*;
        // Between 一要 and 二要, two groups alternating without end: all of them nest
        // under 一要, none under another inner point.
        let mut items = vec![h(CnNum, 1), pg(Yao, Some(1))];
        for k in 0..40 {
            items.push(pg(if k % 2 == 0 { Ordinal } else { Fangmian }, Some(1)));
        }
        items.push(pg(Yao, Some(2)));
        let r = family_ranks(&items);
        let parent = parents(&items, &r);
        let depth = |mut i: usize| {
            let mut d = 0;
            while let Some(p) = parent[i] {
                d += 1;
                i = p;
            }
            d
        };
        assert!((1..items.len()).all(|i| depth(i) <= 2));
        assert!(parent[2..items.len() - 1].iter().all(|&p| p == Some(1)));
    }
}
