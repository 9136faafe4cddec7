//! Hard-wrapped text (spec §8): converted from PDF or Word with a break every 25–40
//! characters. Recognised by rows of one width that stop mid-sentence; joined back into
//! paragraphs.

use super::chars::{char_len_capped, is_terminal, norm};
use super::framing::is_salutation;
use super::junk::{is_page_number, is_separator};
use super::layout::{Layout, Line};
use super::markers::{heading_marker, point_marker};
use std::borrow::Cow;

/// The widest hard wrap recognised, in characters.
const MAX_WRAP: usize = 60;

/// Hard-wrapped text: most lines about the same length, not ending a sentence.
pub fn hard_wrap_width(physical: &[(usize, &str, bool)]) -> Option<usize> {
    if physical.len() < 12 || !may_be_hard_wrapped(physical) {
        return None;
    }
    common_open_width(physical)
}

/// The width most rows are wrapped at, when enough of them stop mid-sentence.
fn common_open_width(physical: &[(usize, &str, bool)]) -> Option<usize> {
    // Only lengths up to the widest wrap width matter; longer lines share the last bucket
    // and cost nothing to measure.
    let lens: Vec<usize> = physical
        .iter()
        .map(|p| char_len_capped(p.1, MAX_WRAP + 2))
        .collect();
    let mut hist = [0usize; MAX_WRAP + 4];
    for &l in &lens {
        hist[l] += 1;
    }
    // Converted text wraps every 25–40 characters (spec §8); shorter modes are headings.
    let (mode, _) = hist.iter().enumerate().skip(20).max_by_key(|&(_, n)| *n)?;
    if mode > MAX_WRAP {
        return None;
    }
    let near_mode = |l: usize| l + 2 >= mode && l <= mode + 2;
    let near = lens.iter().filter(|&&l| near_mode(l)).count();
    let open = physical
        .iter()
        .zip(&lens)
        .filter(|&(p, &l)| near_mode(l) && !p.1.chars().last().is_some_and(ends_paragraph))
        .count();
    // Headings, short last rows and page numbers take up to half the lines of a wrapped
    // speech; rows of one width that stop mid-sentence are the mark of a hard wrap.
    (near >= 8 && near * 10 >= physical.len() * 4 && open * 10 >= near * 7).then_some(mode)
}

/// A cheap necessary condition for `hard_wrap_width`, which most speeches fail for want
/// of open rows near one width; rows' byte lengths show that without counting
/// characters. A row of 18–62 characters (`near_mode`) has 18–248 bytes, and at least
/// 28% of rows must be such rows not ending a paragraph (7/10 of 4/10), six at least
/// (7/10 of 8).
fn may_be_hard_wrapped(physical: &[(usize, &str, bool)]) -> bool {
    let open_band = physical
        .iter()
        .filter(|p| (18..=4 * (MAX_WRAP + 2)).contains(&p.1.len()))
        .filter(|p| !p.1.chars().last().is_some_and(ends_paragraph))
        .count();
    open_band >= 6 && open_band * 100 >= physical.len() * 28
}

fn ends_paragraph(c: char) -> bool {
    is_terminal(c) || matches!(norm(c), '：' | '”' | '」')
}

pub fn join_hard_wrapped<'a>(
    physical: &[(usize, &'a str, bool)],
    width: usize,
    physical_lines: usize,
) -> Layout<'a> {
    let mut lines: Vec<Line<'a>> = Vec::new();
    let mut dropped = Vec::new();
    let mut open = false;
    let mut last_len = 0;
    for &(no, t, indented) in physical {
        // A page number or separator inside a paragraph is dropped and the halves joined.
        if is_page_number(t) || is_separator(t) {
            dropped.push((no, t));
            continue;
        }
        let starts_new = !open
            || indented
            || heading_marker(t).is_some()
            || point_marker(t).is_some()
            || is_salutation(t)
            // The last row of a paragraph is short.
            || last_len + 4 < width;
        if starts_new {
            lines.push(Line {
                no,
                text: Cow::Borrowed(t),
                md: 0,
            });
        } else if let Some(cur) = lines.last_mut() {
            cur.text.to_mut().push_str(t);
        }
        last_len = char_len_capped(t, 200);
        open = !t.chars().last().is_some_and(ends_paragraph);
    }
    Layout {
        lines,
        dropped,
        repaired: Some((
            "hard-wrapped text: lines joined into paragraphs",
            "文本按固定宽度折行：已把行接成段落",
        )),
        physical_lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::layout::logical_lines;

    fn texts(l: &Layout) -> Vec<String> {
        l.lines.iter().map(|l| l.text.to_string()).collect()
    }

    #[test]
    fn hard_wrapped_text_is_joined() {
        let mut text = String::from("在全市工作会议上的讲话\n同志们：\n");
        let body = "我们要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，奋力谱写新篇章。";
        for k in 0..4 {
            text.push_str(&format!("{}、第{k}部分工作\n", ["一", "二", "三", "四"][k]));
            let chars: Vec<char> = body.repeat(3).chars().collect();
            for (j, row) in chars.chunks(30).enumerate() {
                text.push_str(&row.iter().collect::<String>());
                text.push('\n');
                if k == 1 && j == 1 {
                    text.push_str("- 3 -\n");
                }
            }
        }
        let l = logical_lines(&text);
        assert!(l.repaired.is_some());
        let t = texts(&l);
        assert_eq!(t[2], "一、第0部分工作");
        assert_eq!(t[3], body.repeat(3));
        assert_eq!(t[5], body.repeat(3), "page number dropped, halves joined");
        assert_eq!(l.dropped.len(), 1);
        assert_eq!(l.lines[3].no, 4);
    }

    proptest::proptest! {
        #[test]
        fn the_cheap_hard_wrap_check_never_rejects_a_hard_wrap(
            width in 20usize..=60,
            (open, closed, other) in (0usize..24, 0usize..24, 0usize..40),
            c in "[甲a𠀀]",
        ) {
            // Open and closed rows of one width, and long or short rows, in every mix.
            let mut rows = vec![c.repeat(width); open];
            rows.extend(vec![c.repeat(width - 1) + "。"; closed]);
            rows.extend((0..other).map(|k| c.repeat(if k % 2 == 0 { 90 } else { 5 })));
            let physical: Vec<(usize, &str, bool)> =
                rows.iter().enumerate().map(|(i, r)| (i + 1, r.as_str(), false)).collect();
            if common_open_width(&physical).is_some() {
                proptest::prop_assert!(may_be_hard_wrapped(&physical));
            }
        }
    }

    #[test]
    fn many_short_heading_lines_are_not_a_hard_wrap() {
        let mut text = String::from("在全市工作会议上的讲话\n同志们：\n");
        for k in 0..12 {
            text.push_str(&format!("在第{k}方面再加力\n"));
            text.push_str(
                "各级干部要坚持问题导向，扎实推进各项工作落地见效，确保全年目标任务圆满完成。\n",
            );
        }
        assert!(logical_lines(&text).repaired.is_none());
    }
}
