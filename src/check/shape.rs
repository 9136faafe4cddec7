//! Rules that compare sibling headings: how their lines end (`heading-punct`) and
//! whether one breaks the wording or length the others share (`parallel`).

use super::place::At;
use super::{Finding, Rule};
use crate::outline::chars::{is_cjk, is_pad, norm};
use crate::outline::{Document, Kind, Node};
use std::collections::HashMap;

/// Every list of siblings: the top level, then the children of each node.
fn sibling_lists(doc: &Document) -> impl Iterator<Item = Vec<usize>> + '_ {
    std::iter::once(None)
        .chain((0..doc.nodes.len()).map(Some))
        .map(|p| doc.children_of(p).collect::<Vec<_>>())
        .filter(|s| s.len() >= 2)
}

/// How a heading line ends: its last punctuation mark, or `None` when it ends with a
/// word (or a closing quote or bracket, which belong to the title).
fn ending(line: &str) -> Option<char> {
    let last = line.chars().next_back().map(norm)?;
    matches!(last, '。' | '！' | '？' | '；' | '：' | '，' | '、' | '.').then_some(last)
}

fn describe(end: Option<char>) -> String {
    match end {
        Some(c) => format!("with {c}"),
        None => "without punctuation".to_string(),
    }
}

fn describe_zh(end: Option<char>) -> String {
    match end {
        Some(c) => format!("以{c}"),
        None => "不带标点".to_string(),
    }
}

/// `heading-punct`: numbered sibling headings whose lines end differently. Only
/// headings alone on their line are compared: one followed by body text on the same
/// line (`（一）抓项目。今年…`) must end its sentence, so its `。` says nothing about style.
/// The most common ending (the first heading's, on a tie) is the style; the others are
/// reported where their line ends.
pub fn heading_punct(doc: &Document, out: &mut Vec<Finding>) {
    for siblings in sibling_lists(doc) {
        // (paragraph, where its line's last character starts, its length, ending)
        let lines: Vec<(usize, usize, usize, Option<char>)> = siblings
            .iter()
            .filter_map(|&i| {
                let n = &doc.nodes[i];
                if n.kind != Kind::Heading || doc.node_marker(n).is_empty() {
                    return None;
                }
                let text = doc.para_text(n.para);
                let line = text.trim_end_matches(|c: char| is_pad(c) || c.is_whitespace());
                let lead = doc.paragraphs.get(n.para).map_or(text.len(), |p| p.lead);
                let last = line.char_indices().next_back().map_or(0, |c| c.0);
                (lead >= line.len()).then(|| (n.para, last, line.len(), ending(line)))
            })
            .collect();
        if lines.len() < 2 {
            continue;
        }
        let Some((style, count)) = majority(lines.iter().map(|l| l.3)) else {
            continue;
        };
        let total = lines.len();
        for &(para, last, len, end) in &lines {
            if end == style {
                continue;
            }
            // At the mark that differs, or just after the line when one is missing.
            let offset = if end.is_some() { last } else { len };
            out.push(Finding {
                rule: Rule::HeadingPunct,
                at: At::Para { para, offset },
                message: format!(
                    "heading ends {}, unlike its siblings ({count} of {total} end {})",
                    describe(end),
                    describe(style)
                ),
                zh: format!(
                    "标题{}结尾，与同级不一致（{total} 个中有 {count} 个{}结尾）",
                    describe_zh(end),
                    describe_zh(style)
                ),
            });
        }
    }
}

/// A byte offset moved back to a character boundary of `text`.
fn fix_offset(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The most common value and how often it occurs; a tie goes to the one seen first.
fn majority<T: Copy + Eq + std::hash::Hash>(items: impl Iterator<Item = T>) -> Option<(T, usize)> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    let mut index: HashMap<T, usize> = HashMap::new();
    for t in items {
        match index.get(&t) {
            Some(&k) => counts[k].1 += 1,
            None => {
                index.insert(t, counts.len());
                counts.push((t, 1));
            }
        }
    }
    counts
        .into_iter()
        .fold(None, |best: Option<(T, usize)>, c| match best {
            Some(b) if b.1 >= c.1 => Some(b),
            _ => Some(c),
        })
}

/// Most siblings that break one pattern: one, or a quarter of a longer list.
fn few(n: usize) -> usize {
    (n / 4).max(1)
}

/// `parallel` (a note): among three or more siblings of one kind, one whose title does
/// not begin as the others' do (`抓项目` `抓招商` `抓环境` `加强队伍`), or whose length is
/// far from theirs when theirs are alike. Kept conservative: three siblings at least
/// share the opening (two characters, else one) and one, or at most a quarter of the
/// list, does not; so a list of four is the shortest that can break its pattern (in a
/// list of three, two openings alike are as often chance: `部分指标…` `政策…` `部分干部…`).
pub fn parallel(doc: &Document, out: &mut Vec<Finding>) {
    for siblings in sibling_lists(doc) {
        // One kind at a time: numbered headings, unnumbered ones, points.
        let kind_of = |n: &Node| (n.kind, doc.node_marker(n).is_empty());
        let mut groups: Vec<((Kind, bool), Vec<usize>)> = Vec::new();
        for &i in &siblings {
            let n = &doc.nodes[i];
            if doc.node_title(n).is_empty() {
                continue;
            }
            match groups.iter_mut().find(|g| g.0 == kind_of(n)) {
                Some(g) => g.1.push(i),
                None => groups.push((kind_of(n), vec![i])),
            }
        }
        for (_, group) in groups.iter().filter(|g| g.1.len() >= 3) {
            let noted = openings(doc, group, out);
            lengths(doc, group, &noted, out);
        }
    }
}

/// Where node `i`'s title starts in its paragraph.
fn title_at(doc: &Document, i: usize) -> At {
    let n = &doc.nodes[i];
    let text = doc.para_text(n.para);
    let marker = doc.node_marker(n).len();
    let offset = text
        .get(marker..)
        .and_then(|rest| rest.find(doc.node_title(n)))
        .map_or(marker.min(text.len()), |k| marker + k);
    At::Para {
        para: n.para,
        offset: fix_offset(text, offset),
    }
}

/// The opening the most siblings share, two characters then one; the nodes that break
/// it are noted and returned.
fn openings(doc: &Document, group: &[usize], out: &mut Vec<Finding>) -> Vec<usize> {
    let n = group.len();
    for k in [2, 1] {
        let opening = |i: usize| -> Option<&str> {
            let t = doc.node_title(&doc.nodes[i]);
            let o = &t[..t.char_indices().nth(k).map_or(t.len(), |c| c.0)];
            (o.chars().count() == k && o.chars().all(is_cjk)).then_some(o)
        };
        let Some((Some(shared), m)) = majority(group.iter().map(|&i| opening(i))) else {
            continue;
        };
        let d = n - m;
        if m < 3 || d == 0 || d > few(n) {
            continue;
        }
        let odd: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&i| opening(i) != Some(shared))
            .collect();
        for &i in &odd {
            let title = doc.node_title(&doc.nodes[i]);
            let own = &title[..title.char_indices().nth(k).map_or(title.len(), |c| c.0)];
            out.push(Finding {
                rule: Rule::Parallel,
                at: title_at(doc, i),
                message: format!(
                    "breaks the parallel wording of its siblings: {m} of {n} begin with {shared}, this one with {own}"
                ),
                zh: format!(
                    "与同级标题不对仗：{n} 个中有 {m} 个以“{shared}”开头，这一个以“{own}”开头"
                ),
            });
        }
        return odd;
    }
    Vec::new()
}

/// One title far longer or shorter than its siblings, whose lengths are alike. Only
/// the longest and the shortest title can be that one, so a list of many thousand
/// siblings costs a sort, not a comparison of each with all the others.
fn lengths(doc: &Document, group: &[usize], noted: &[usize], out: &mut Vec<Finding>) {
    let n = group.len();
    if n < 4 {
        return;
    }
    let mut lens: Vec<(usize, usize)> = group
        .iter()
        .map(|&i| (doc.node_title(&doc.nodes[i]).chars().count(), i))
        .collect();
    lens.sort_unstable();
    // (the candidate, the others' shortest and longest)
    let longest = (lens[n - 1], lens[0].0, lens[n - 2].0);
    let shortest = (lens[0], lens[1].0, lens[n - 1].0);
    for ((l, i), lo, hi) in [longest, shortest] {
        let alike = hi * 2 <= lo * 3 || hi - lo <= 3;
        let long = l >= hi * 2 && l >= hi + 8;
        let short = l * 2 <= lo && l + 6 <= lo;
        // `noted` is in sibling order, as `group` is.
        if !alike || !(long || short) || noted.binary_search(&i).is_ok() {
            continue;
        }
        out.push(Finding {
            rule: Rule::Parallel,
            at: title_at(doc, i),
            message: format!(
                "breaks the parallel length of its siblings: {l} characters, the other {} have {lo}–{hi}",
                n - 1
            ),
            zh: format!(
                "与同级标题长短不齐：{l} 个字，其余 {} 个是 {lo}–{hi} 个字",
                n - 1
            ),
        });
    }
}
