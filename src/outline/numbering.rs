//! Numbering problems, recorded as warnings rather than failing (spec §7): gaps, repeats
//! and restarts in sibling numbering, and mixed marker styles at one level.

use super::model::{Node, WarnKind, Warning};
use super::nesting::{Item, ItemKind};
use std::collections::HashMap;

/// Kinds of numbering among one node's children looked up by a scan.
const FEW_KINDS: usize = 8;

/// A marker written with half-width punctuation (`(一)`, `1.`), which matching folds
/// together with the full-width form (`（一）`, `1．`) but a reader sees.
fn half_width(marker: &str) -> bool {
    marker.chars().any(|c| c.is_ascii_punctuation())
}

/// A numbered heading's style: its family, delimiter, and whether its marks are ASCII.
type StyleKey = (super::markers::Family, char, bool);

/// Gaps, repeats and restarts in sibling numbering; mixed marker styles at one level.
pub fn check_numbering(nodes: &[Node], labels: &str, items: &[Item], warnings: &mut Vec<Warning>) {
    // Pre-order: the children of p are p+1, then each child's `end`, up to p's `end`.
    let children = |parent: Option<usize>| {
        let (mut i, end) = parent.map_or((0, nodes.len()), |p| (p + 1, nodes[p].end));
        std::iter::from_fn(move || {
            (i < end).then(|| {
                let cur = i;
                i = nodes[cur].end.max(cur + 1);
                cur
            })
        })
    };
    // A few kinds per sibling list: a small vector, reused, beats a hash map.
    let mut last: Vec<(ItemKind, (u32, usize))> = Vec::new();
    // Past a few kinds (a speech may number points with many verbs: 一抓 一看 一讲…),
    // an index finds a kind's slot without a scan.
    let mut index: HashMap<ItemKind, usize> = HashMap::new();
    for parent in std::iter::once(None).chain((0..nodes.len()).map(Some)) {
        last.clear();
        index.clear();
        // The level's usual style (family, delimiter, width): the most common among the
        // numbered headings, the first on a tie. Each heading written otherwise is
        // reported once, at its own line, beside one written the usual way.
        let style_of = |i: usize| match items[i].kind {
            ItemKind::Heading { family, delim } if !family.is_unnumbered() => {
                Some((family, delim, half_width(nodes[i].marker_in(labels))))
            }
            _ => None,
        };
        let mut styles: Vec<(StyleKey, usize, usize)> = Vec::new();
        for i in children(parent) {
            if let Some(k) = style_of(i) {
                match styles.iter_mut().find(|s| s.0 == k) {
                    Some(s) => s.1 += 1,
                    None => styles.push((k, 1, i)),
                }
            }
        }
        let usual = styles
            .iter()
            .max_by_key(|s| (s.1, std::cmp::Reverse(s.2)))
            .map(|s| (s.0, s.2));
        for i in children(parent) {
            // Numbering runs per family (delimiter aside) or per point group.
            let key = match items[i].kind {
                ItemKind::Heading { family, .. } => ItemKind::Heading { family, delim: ' ' },
                point => point,
            };
            if let (Some(k), Some((norm, j))) = (style_of(i), usual)
                && k != norm
            {
                let (what, zh) = if k.0 != norm.0 {
                    ("marker styles", "序号")
                } else if k.1 != norm.1 {
                    ("delimiters", "标点")
                } else {
                    ("full- and half-width marks", "全角半角")
                };
                let (a, b) = (nodes[j].marker_in(labels), nodes[i].marker_in(labels));
                warnings.push(Warning::new(
                    WarnKind::MixedStyle,
                    nodes[i].line,
                    format!("mixed {what} at one level: {b} where the others are {a}"),
                    format!("同一层级{zh}不统一：{b}，其余是 {a}"),
                ));
            }
            let Some(n) = items[i].number else { continue };
            let line = nodes[i].line;
            let marker = nodes[i].marker_in(labels);
            let slot = if last.len() <= FEW_KINDS {
                last.iter().position(|(k, _)| *k == key)
            } else {
                index.get(&key).copied()
            };
            match slot.map(|s| last[s].1) {
                None if n != 1 && matches!(items[i].kind, ItemKind::Heading { .. }) => {
                    warnings.push(Warning::new(
                        WarnKind::NumberingStart,
                        line,
                        format!("numbering starts at {marker}"),
                        format!("编号从 {marker} 开始"),
                    ));
                }
                Some((prev, j)) if n == prev => {
                    let before = nodes[j].marker_in(labels);
                    warnings.push(Warning::new(
                        WarnKind::NumberingRepeat,
                        line,
                        format!("numbering repeats: {before} then {marker}"),
                        format!("编号重复：{before} 之后是 {marker}"),
                    ))
                }
                Some((prev, j)) if n > prev + 1 => {
                    let before = nodes[j].marker_in(labels);
                    warnings.push(Warning::new(
                        WarnKind::NumberingGap,
                        line,
                        format!("numbering gap: {before} then {marker}"),
                        format!("编号跳号：{before} 之后是 {marker}"),
                    ))
                }
                Some((prev, j)) if n < prev => {
                    let before = nodes[j].marker_in(labels);
                    warnings.push(Warning::new(
                        WarnKind::NumberingRestart,
                        line,
                        format!("numbering restarts: {before} then {marker}"),
                        format!("编号重新开始：{before} 之后是 {marker}"),
                    ))
                }
                _ => {}
            }
            match slot {
                Some(s) => last[s].1 = (n, i),
                None => {
                    last.push((key, (n, i)));
                    if last.len() > FEW_KINDS {
                        if index.is_empty() {
                            index.extend(last.iter().enumerate().map(|(s, (k, _))| (*k, s)));
                        } else {
                            index.insert(key, last.len() - 1);
                        }
                    }
                }
            }
        }
    }
}
