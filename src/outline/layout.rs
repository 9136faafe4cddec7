//! Physical lines to logical lines, repairing damaged layouts (spec §8): text flattened
//! onto a few huge lines is split, hard-wrapped text is joined back into paragraphs.

use super::chars::{char_len_capped, is_terminal, norm, trim};
use super::framing::is_salutation;
use super::junk::{is_page_number, is_separator};
use super::markdown;
use super::markers::{Family, PointGroup, heading_marker, point_marker};
use std::borrow::Cow;

/// One logical line: a paragraph candidate, trimmed, with the 1-based physical line
/// where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    pub no: usize,
    pub text: Cow<'a, str>,
    /// Markdown heading level (the number of `#`), 0 for an ordinary line.
    pub md: u8,
}

/// What layout repair found: the logical lines, junk it dropped while joining, and a note.
pub struct Layout<'a> {
    pub lines: Vec<Line<'a>>,
    pub dropped: Vec<(usize, &'a str)>,
    pub repaired: Option<&'static str>,
    /// Physical lines in the text, blank ones included.
    pub physical_lines: usize,
}

const FLAT_CHARS: usize = 1000;

pub fn logical_lines(text: &str) -> Layout<'_> {
    let mut count = 0;
    // Sized at a guess: a speech's lines average well over 64 bytes, and a vector grown
    // from nothing reallocates at every doubling.
    let mut physical: Vec<(usize, &str, bool)> = Vec::with_capacity(text.len() / 64 + 8);
    for raw in split_lines(text) {
        count += 1;
        let t = trim(raw);
        if !t.is_empty() {
            // Indented when trimming moved the start.
            let indented = !std::ptr::eq(t.as_ptr(), raw.as_ptr());
            physical.push((count, t, indented));
        }
    }
    let total: usize = physical.iter().map(|p| p.1.len()).sum();
    let mut layout = lines_of(physical, total, count);
    if markdown::is_markdown(&layout.lines) {
        markdown::strip(&mut layout.lines);
    }
    layout
}

fn lines_of(physical: Vec<(usize, &str, bool)>, total: usize, count: usize) -> Layout<'_> {
    // Byte length over-estimates chars by up to 3×; the check is only a gate. A short
    // speech scraped onto a line is flattened too, when its numbering runs on in it.
    if physical.len() <= 3 && (total / 3 > FLAT_CHARS || physical.iter().any(|p| runs_on(p.1))) {
        let lines = physical
            .iter()
            .flat_map(|&(no, t, _)| {
                split_flattened(t).into_iter().map(move |s| Line {
                    no,
                    text: Cow::Borrowed(s),
                    md: 0,
                })
            })
            .collect();
        return Layout {
            lines,
            dropped: vec![],
            repaired: Some("text was flattened onto few lines: split at its markers"),
            physical_lines: count,
        };
    }
    if let Some(width) = hard_wrap_width(&physical) {
        return join_hard_wrapped(&physical, width, count);
    }
    // A heading broken after its opening bracket (`（` / `三）…`) is one line again.
    if !physical.iter().any(|p| matches!(p.1, "（" | "(")) {
        let lines = physical
            .into_iter()
            .map(|(no, t, _)| Line {
                no,
                text: Cow::Borrowed(t),
                md: 0,
            })
            .collect();
        return Layout {
            lines,
            dropped: vec![],
            repaired: None,
            physical_lines: count,
        };
    }
    let mut lines: Vec<Line> = Vec::with_capacity(physical.len());
    let mut open_bracket: Option<(usize, &str)> = None;
    for (no, t, _) in physical {
        if let Some((first, b)) = open_bracket.take() {
            lines.push(Line {
                no: first,
                text: Cow::Owned(format!("{b}{t}")),
                md: 0,
            });
            continue;
        }
        if matches!(t, "（" | "(") {
            open_bracket = Some((no, t));
            continue;
        }
        lines.push(Line {
            no,
            text: Cow::Borrowed(t),
            md: 0,
        });
    }
    if let Some((no, b)) = open_bracket {
        lines.push(Line {
            no,
            text: Cow::Borrowed(b),
            md: 0,
        });
    }
    Layout {
        lines,
        dropped: vec![],
        repaired: None,
        physical_lines: count,
    }
}

/// `text.split('\n')`, searching with the memchr crate's SIMD search rather than
/// core's word-at-a-time one: this runs over every byte of every file.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    ends.map(move |end| {
        let line = &text[start..end];
        start = end + 1;
        line
    })
}

/// Splits a flattened line before a salutation, before markers that continue a
/// numbering sequence the text establishes, and, when the text kept no paragraph joints
/// at all, before enumeration words that continue theirs.
fn split_flattened(line: &str) -> Vec<&str> {
    let mut cuts = Vec::new();
    let mut next_expected = [1u32; Family::ALL.len()];
    // Without joints, a point word after a sentence end is the only trace of a paragraph.
    let split_points = paragraph_joints(line) < 2;
    let mut next_point: Vec<(PointGroup, u32)> = Vec::new();
    let mut salutation_done = false;
    let mut prev: Option<char> = None;
    // A photo credit run into the text is cut out; the text after it starts afresh.
    let mut credit_end = 0;
    for (i, c) in line.char_indices() {
        if i < credit_end {
            prev = Some(c);
            continue;
        }
        let after_credit = i > 0 && i == credit_end;
        let after_break = after_credit
            || prev
                .is_none_or(|p| is_terminal(p) || matches!(norm(p), '”' | ' ' | '\u{3000}' | '：'));
        let after_sentence =
            after_credit || prev.is_some_and(|p| is_terminal(p) || matches!(norm(p), '”'));
        prev = Some(c);
        let rest = &line[i..];
        // The salutation may follow the speaker's name with no break (`…习近平同志们：`).
        if !salutation_done
            && i < 600
            && matches!(c, '同' | '各' | '尊' | '亲' | '女')
            && is_salutation(&rest[..floor_boundary(rest, 200)])
        {
            salutation_done = true;
            // The head block before the salutation lost its line breaks to spaces:
            // advert, title and date lines come back as separate lines.
            if cuts.is_empty() {
                cuts.extend(head_breaks(&line[..i]));
            }
            cuts.push(i);
            continue;
        }
        if i == 0 || !after_break {
            continue;
        }
        // `。 新华社记者 某某/摄`: a credit ends the paragraph before it.
        let lead = rest.len() - rest.trim_start_matches([' ', '\u{3000}']).len();
        if let Some(len) = credit_len(&rest[lead..]) {
            cuts.push(i);
            credit_end = i + lead + len;
            cuts.push(credit_end);
            continue;
        }
        // A space after a finished sentence was a paragraph break.
        if after_sentence && matches!(c, ' ' | '\u{3000}') {
            cuts.push(i);
            continue;
        }
        if rest.starts_with("同志们，") || rest.starts_with("同志们！") {
            cuts.push(i);
            continue;
        }
        let head = &rest[..floor_boundary(rest, 64)];
        if let Some(m) = heading_marker(head) {
            let Some(n) = m.number else { continue };
            let slot = &mut next_expected[m.family.index()];
            // A sub-level restarts at 1 under each new parent.
            if n == *slot || (n == 1 && m.family != Family::CnNum && m.family != Family::Part) {
                *slot = n + 1;
                cuts.push(i);
                // A heading's line break often became a space: the title ends there.
                if let Some(sp) = heading_end_at_space(&rest[m.len..]) {
                    cuts.push(i + m.len + sp);
                }
            }
            continue;
        }
        if split_points
            && after_sentence
            && let Some(p) = point_marker(head)
            && let Some(n) = p.number
        {
            let slot = match next_point.iter_mut().find(|s| s.0 == p.group) {
                Some(s) => s,
                None => {
                    next_point.push((p.group, 1));
                    next_point.last_mut().expect("just pushed")
                }
            };
            // A run restarts at 1 in the next part.
            if n == slot.1 || n == 1 {
                slot.1 = n + 1;
                cuts.push(i);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for c in cuts {
        out.push(trim(&line[start..c]));
        start = c;
    }
    out.push(trim(&line[start..]));
    out.retain(|s| !s.is_empty());
    out
}

/// Spaces that follow a finished sentence, not counting those before a photo credit: the
/// paragraph breaks a flattening kept.
fn paragraph_joints(line: &str) -> usize {
    let mut n = 0;
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        if matches!(c, ' ' | '\u{3000}')
            && prev.is_some_and(|p| is_terminal(p) || norm(p) == '”')
            && credit_len(line[i..].trim_start_matches([' ', '\u{3000}'])).is_none()
        {
            n += 1;
        }
        prev = Some(c);
    }
    n
}

/// `新华社记者 某某/摄` or `（记者 某某 摄）` at the start of `s`: its byte length.
fn credit_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix('（').unwrap_or(s);
    if !(body.starts_with("新华社记者") || body.starts_with("记者") || body.starts_with("本报记者"))
    {
        return None;
    }
    // The credit ends at 摄 within a few names.
    let end = s.char_indices().take(24).find(|&(_, c)| c == '摄')?.0 + '摄'.len_utf8();
    let end = if s[end..].starts_with('）') {
        end + '）'.len_utf8()
    } else {
        end
    };
    Some(end)
}

/// Where the head block before a flattened salutation breaks: at its spaces, and around
/// a bracketed date (`…的讲话（2020年1月8日）习近平`).
fn head_breaks(head: &str) -> Vec<usize> {
    let mut out: Vec<usize> = head
        .match_indices([' ', '\u{3000}'])
        .map(|(j, _)| j)
        .filter(|&j| j > 0)
        .collect();
    let mut from = 0;
    while let Some(open) = head[from..].find(['（', '(']).map(|o| from + o) {
        let Some(close) = head[open..].find(['）', ')']).map(|c| open + c) else {
            break;
        };
        let inner = &head[open..close];
        let after = close + head[close..].chars().next().map_or(1, char::len_utf8);
        if inner.contains('年') && (inner.contains('月') || inner.contains('日')) {
            out.push(open);
            out.push(after);
        }
        from = after;
    }
    out.retain(|&j| j > 0 && j < head.len());
    out
}

/// A line in which a numbering sequence runs on after sentence ends (`…。一、…。二、…`).
fn runs_on(line: &str) -> bool {
    let mut want = 1;
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        if prev.is_some_and(|p| is_terminal(p) || matches!(norm(p), '”' | ' ' | '\u{3000}'))
            && let Some(m) = heading_marker(&line[i..i + floor_boundary(&line[i..], 64)])
            && m.family == Family::CnNum
            && m.number == Some(want)
        {
            want += 1;
            if want > 2 {
                return true;
            }
        }
        prev = Some(c);
    }
    false
}

/// The first space within a short title, when no sentence ends before it.
fn heading_end_at_space(after_marker: &str) -> Option<usize> {
    for (k, (j, c)) in after_marker.char_indices().enumerate() {
        if k > 60 || is_terminal(c) {
            return None;
        }
        if matches!(c, ' ' | '\u{3000}') && k > 0 {
            return Some(j);
        }
    }
    None
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The widest hard wrap recognised, in characters.
const MAX_WRAP: usize = 60;

/// Hard-wrapped text: most lines about the same length, not ending a sentence.
fn hard_wrap_width(physical: &[(usize, &str, bool)]) -> Option<usize> {
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

fn join_hard_wrapped<'a>(
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
        repaired: Some("hard-wrapped text: lines joined into paragraphs"),
        physical_lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(l: &Layout) -> Vec<String> {
        l.lines.iter().map(|l| l.text.to_string()).collect()
    }

    #[test]
    fn plain_lines_pass_through_trimmed_with_numbers() {
        let l = logical_lines("\u{3000}\u{3000}甲。\n\n  乙\n");
        assert_eq!(texts(&l), ["甲。", "乙"]);
        assert_eq!(l.lines[1].no, 3);
        assert!(l.repaired.is_none());
    }

    #[test]
    fn flattened_text_is_split_at_salutation_and_markers() {
        let para = "各项工作扎实推进，取得明显成效。".repeat(25);
        let text = format!(
            "仅供学习参考 在全县工作会议上的讲话 同志们：今天召开会议。一、坚定信心 {para}二、突出重点{para}1、2月份增长较快。 新的段落。三、狠抓落实{para}同志们，让我们共同努力。"
        );
        let l = logical_lines(&text);
        let t = texts(&l);
        assert_eq!(t[0], "仅供学习参考");
        assert_eq!(t[1], "在全县工作会议上的讲话");
        assert!(t[2].starts_with("同志们：今天召开会议。"));
        assert_eq!(t[3], "一、坚定信心", "a space ends the heading");
        assert!(t[4].starts_with("各项工作"));
        assert!(t[5].starts_with("二、突出重点"));
        assert!(t[5].contains("1、2月份"), "1、2月份 is not a marker");
        assert_eq!(
            t[6], "新的段落。",
            "a space after a sentence was a paragraph break"
        );
        assert!(t[7].starts_with("三、狠抓落实"));
        assert_eq!(t[8], "同志们，让我们共同努力。");
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

    #[test]
    fn a_heading_broken_after_its_bracket_is_one_line() {
        let l = logical_lines("一、工作回顾\n（\n三）改革开放持续深化。\n正文。\n");
        assert_eq!(
            texts(&l),
            ["一、工作回顾", "（三）改革开放持续深化。", "正文。"]
        );
        assert_eq!(l.lines[1].no, 2, "the heading starts on the bracket's line");
    }

    #[test]
    fn a_short_speech_on_one_line_is_flattened_when_its_numbering_runs_on() {
        let text = "在座谈会上的讲话 同志们：今天开个短会。一、统一思想。要认清形势。二、狠抓落实。要细化任务。三、强化保障。要加大投入。";
        let l = logical_lines(text);
        let t = texts(&l);
        assert!(l.repaired.is_some());
        assert_eq!(t[0], "在座谈会上的讲话");
        assert!(t.iter().any(|x| x.starts_with("二、狠抓落实")), "{t:?}");
        // One sentence that mentions two numbers is not a speech.
        let l = logical_lines("今年要做好一、二季度的工作。");
        assert!(l.repaired.is_none());
    }

    #[test]
    fn without_paragraph_joints_point_runs_and_credits_split_flattened_text() {
        let para = "各级党组织要把学习教育抓在日常、严在经常，推动各项工作落地见效。".repeat(12);
        let text = format!(
            "在总结大会上的讲话（2020年1月8日）王某某同志们：开场白。{para}一是学习更深入。{para}大会召开。 新华社记者 某某/摄二是作风更扎实。{para}三是成效更明显。{para}"
        );
        let l = logical_lines(&text);
        let t = texts(&l);
        assert_eq!(t[0], "在总结大会上的讲话", "{t:?}");
        assert_eq!(t[1], "（2020年1月8日）");
        assert_eq!(
            t[2], "王某某",
            "the salutation is run into the speaker's name"
        );
        assert!(t[3].starts_with("同志们："));
        for p in ["一是学习更深入", "二是作风更扎实", "三是成效更明显"] {
            assert!(t.iter().any(|x| x.starts_with(p)), "{p} in {t:?}");
        }
        assert!(
            t.contains(&"新华社记者 某某/摄".to_string()),
            "the credit stands apart"
        );
        // With joints (a space after a finished sentence), points stay inside paragraphs.
        let text = format!(
            "在会上的讲话 同志们：开场白。 {para}一是学习更深入。{para} 二是作风更扎实。{para}"
        );
        let t = texts(&logical_lines(&text));
        assert!(!t.iter().any(|x| x.starts_with("一是")), "{t:?}");
    }
}
