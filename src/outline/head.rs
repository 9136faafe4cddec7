//! The head block (spec §3, §10): everything before the salutation, the first heading or
//! the first body paragraph. Finds the title, subtitle and metadata; lines before the
//! title that are not metadata are junk (advert blocks, column names, page headlines).

use super::chars::{char_len_capped, is_cjk, is_terminal, norm};
use super::framing::{
    DASHES, has_person_prefix, is_date_line, is_occasion_line, is_salutation, is_speaker_line,
    is_title_text, subtitle_of, title_of,
};
use super::markers::{heading_marker, point_marker, spaced_title};
use super::why::Why;

/// What each head-block line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadRole {
    Title,
    Subtitle,
    Meta,
    Junk,
}

#[derive(Debug, Default)]
pub struct Head {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// Roles of lines `0..body_start` (by index into the lines given), with reasons.
    pub roles: Vec<(HeadRole, Why)>,
    /// Index of the salutation line, if any.
    pub salutation: Option<usize>,
    /// First line after the head block (the salutation, if any, is in the body).
    pub body_start: usize,
}

/// Head blocks are short; a file that never leaves one is read as body from its title on.
const MAX_HEAD_LINES: usize = 40;

/// Reads the head block of `lines` (the logical lines left after junk removal); `md`
/// gives each line's markdown heading level.
pub fn read_head(lines: &[&str], md: &[u8]) -> Head {
    let end = head_end(lines, md);
    let head = &lines[..end.0];
    let mut title = choose_title(head, md);
    // A subtitle: the dash line under the title, possibly split over two lines.
    let mut subtitle: Vec<usize> = Vec::new();
    if let Some(t) = &title {
        let s = t.lines.end;
        if s < head.len() && subtitle_of(head[s]).is_some() {
            subtitle.push(s);
            let dashless = head[s].trim_start_matches(DASHES);
            if s + 1 < head.len()
                && !is_title_text(dashless)
                && !is_meta(head[s + 1])
                && is_title_text(&format!("{dashless}{}", head[s + 1]))
            {
                subtitle.push(s + 1);
            }
        }
    }
    // A generic own title (`政府工作报告`) under a page headline that names it fully.
    if let Some(t) = &mut title
        && t.why != Why::TitleMarkdown
        && char_len_capped(&t.text, 10) <= 8
        && let Some(full) = head[..t.lines.start]
            .iter()
            .map(|l| clean_title(l))
            .find(|l| {
                l.len() > t.text.len()
                    && l.ends_with(t.text.as_str())
                    && char_len_capped(l, 40) <= 40
            })
    {
        t.text = full.to_string();
    }
    let title_at = title.as_ref().map(|t| t.lines.clone());
    let roles = (0..end.0)
        .map(|i| match &title_at {
            Some(r) if r.contains(&i) => {
                let why = title.as_ref().map_or(Why::TitleWords, |t| t.why);
                (
                    HeadRole::Title,
                    if i == r.start {
                        why
                    } else {
                        Why::TitleContinued
                    },
                )
            }
            _ if subtitle.contains(&i) => (HeadRole::Subtitle, Why::Subtitle),
            Some(r) if i < r.start && !is_meta_line(lines[i]) => (HeadRole::Junk, Why::BeforeTitle),
            Some(_) if has_person_prefix(lines[i]) && title_of(lines[i]).is_some() => {
                (HeadRole::Junk, Why::Headline)
            }
            _ => (HeadRole::Meta, Why::Meta),
        })
        .collect();
    Head {
        title: title.map(|t| t.text),
        subtitle: (!subtitle.is_empty()).then(|| {
            subtitle
                .iter()
                .map(|&i| lines[i])
                .collect::<Vec<_>>()
                .join("")
        }),
        roles,
        salutation: end.1,
        body_start: end.0,
    }
}

/// The title found: its text, the head lines it takes, and why.
struct Title {
    text: String,
    lines: std::ops::Range<usize>,
    why: Why,
}

/// Where the head block ends, and the salutation if that is what ends it. With a
/// salutation ahead, everything before it is head; without one, the head also ends at a
/// sentence or a spaced part title once a title has been seen.
fn head_end(lines: &[&str], md: &[u8]) -> (usize, Option<usize>) {
    let stops = |i: usize| {
        let t = lines[i];
        if t.starts_with("原标题") || t.starts_with("标题：") {
            return false;
        }
        md.get(i).is_some_and(|&l| l >= 2)
            || heading_marker(t).is_some()
            || point_marker(t).is_some()
            || is_body_paragraph(t)
    };
    let limit = lines.len().min(MAX_HEAD_LINES);
    for (i, t) in lines.iter().enumerate().take(limit) {
        if is_salutation(t) {
            return (i, Some(i));
        }
        if stops(i) {
            break;
        }
    }
    let mut titled = false;
    for (i, &t) in lines.iter().enumerate().take(limit) {
        if stops(i) || (titled && (is_sentence(t) || spaced_title(t))) {
            return (i, None);
        }
        titled |= md.get(i) == Some(&1) || title_of(t).is_some() || subtitle_of(t).is_some();
    }
    if lines.len() > MAX_HEAD_LINES {
        // Never left the head: the body starts after the title or subtitle.
        let last = (0..limit)
            .rev()
            .find(|&i| title_of(lines[i]).is_some() || subtitle_of(lines[i]).is_some());
        return (last.map_or(0, |t| t + 1), None);
    }
    (lines.len(), None)
}

/// The title, from the strongest evidence present: a markdown `#`; a `原标题：` label;
/// the line (or two) above a dash subtitle; title wording, preferring the last such line
/// that does not name the speaker; a short line right before the salutation; a first
/// line followed only by date and speaker lines.
fn choose_title(head: &[&str], md: &[u8]) -> Option<Title> {
    let one = |i: usize, text: &str, why| Title {
        text: clean_title(text).to_string(),
        lines: i..i + 1,
        why,
    };
    if let Some(i) = (0..head.len()).find(|&i| md.get(i) == Some(&1)) {
        return Some(one(i, head[i], Why::TitleMarkdown));
    }
    for (i, t) in head.iter().enumerate() {
        for label in ["原标题：", "原标题:", "标题："] {
            if let Some(rest) = t
                .strip_prefix(label)
                .map(str::trim)
                .filter(|r| !r.is_empty())
            {
                return Some(one(i, rest, Why::TitleLabel));
            }
        }
    }
    if let Some(s) = (0..head.len()).find(|&s| subtitle_of(head[s]).is_some()) {
        let above = s
            .checked_sub(1)
            .filter(|&p| is_title_candidate(head[p]) && !is_meta(head[p]));
        if let Some(p) = above {
            // A title split over two lines: the upper half is no title by itself.
            let upper = p.checked_sub(1).filter(|&u| {
                is_title_candidate(head[u])
                    && !is_meta(head[u])
                    && title_of(head[u]).is_none()
                    && subtitle_of(head[u]).is_none()
                    && char_len_capped(head[u], 6) >= 6
            });
            return Some(match upper {
                Some(u) => Title {
                    text: format!("{} {}", clean_title(head[u]), clean_title(head[p])),
                    lines: u..p + 1,
                    why: Why::TitleAboveSubtitle,
                },
                None => one(p, head[p], Why::TitleAboveSubtitle),
            });
        }
        let dashless = head[s].trim_start_matches(DASHES);
        if is_title_text(dashless) {
            return Some(one(s, dashless, Why::TitleWords));
        }
    }
    let titled: Vec<usize> = (0..head.len())
        .filter(|&i| title_of(head[i]).is_some())
        .collect();
    let own = titled
        .iter()
        .rev()
        .find(|&&i| !has_person_prefix(head[i]))
        .or(titled.first());
    if let Some(&i) = own {
        return Some(one(
            i,
            title_of(head[i]).unwrap_or(head[i]),
            Why::TitleWords,
        ));
    }
    if let Some(&last) = head.last()
        && is_title_candidate(last)
        && !is_meta(last)
    {
        return Some(one(head.len() - 1, last, Why::TitleBeforeSalutation));
    }
    let first = (0..head.len()).find(|&i| is_title_candidate(head[i]) && !is_meta(head[i]))?;
    head[first + 1..]
        .iter()
        .all(|t| is_meta(t))
        .then(|| one(first, head[first], Why::TitleFirstLine))
}

/// A title without what pages and editions append to it: a footnote mark (`*`, `[1]`),
/// `（附图片1张）`, a bracketed date, markdown bold.
pub fn clean_title(t: &str) -> &str {
    let mut t = t.trim().trim_matches('*').trim();
    loop {
        let before = t.len();
        t = t.trim_end_matches(['*', '＊', '①', '②', '③']).trim_end();
        // A footnote number: `…讲话[1]`.
        if t.ends_with([']', '］'])
            && let Some(open) = t.rfind(['[', '［'])
            && t[open..].chars().any(|c| c.is_ascii_digit())
        {
            t = &t[..open];
        }
        // `（附图片1张）`, `（一九九七年十一月八日）`.
        if t.ends_with(['）', ')'])
            && let Some(open) = t.rfind(['（', '('])
            && open > 0
        {
            let inner = &t[open..];
            let picture = inner.contains("附图")
                || inner.contains("组图")
                || matches!(inner, "（图）" | "(图)");
            let date = is_date_line(inner) && (inner.contains('年') || inner.contains('月'));
            if picture || date {
                t = t[..open].trim_end();
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

/// Date, speaker or occasion; under a title, a bare name too.
fn is_meta(t: &str) -> bool {
    is_meta_line(t) || is_name_and_date(t)
}

/// Date, speaker or occasion: metadata wherever it stands in the head. Above the title,
/// a job word run into a word (`校长专栏`) is a column name, so only the spaced form
/// (`市委书记 王某某`) or `…同志` names a speaker there.
fn is_meta_line(t: &str) -> bool {
    is_date_line(t)
        || is_occasion_line(t)
        || (is_speaker_line(t) && (t.contains([' ', '\u{3000}', '\u{a0}']) || t.ends_with("同志")))
}

/// `王 琛 2020.6.20`, `李某某`: a bare name, possibly with the date. Only under a title is
/// a word of three characters a name rather than a column name.
fn is_name_and_date(t: &str) -> bool {
    let mut cjk = 0;
    for c in t.chars() {
        if is_cjk(c) {
            cjk += 1;
        } else if !(c.is_whitespace()
            || c.is_ascii_digit()
            || matches!(c, '.' | '-' | '/' | '\u{3000}' | '·'))
        {
            return false;
        }
    }
    (2..=3).contains(&cjk)
}

/// A line that could be a main title: short, no sentence end.
fn is_title_candidate(t: &str) -> bool {
    let n = char_len_capped(t, 40);
    (2..=40).contains(&n)
        && !t.chars().any(is_terminal)
        && t.chars().filter(|&c| is_cjk(c)).count() * 2 >= n
}

/// A line that can only be body: long, or a full sentence.
fn is_body_paragraph(t: &str) -> bool {
    let n = char_len_capped(t, 60);
    n > 60 || (n > 30 && t.chars().last().is_some_and(|c| matches!(c, '。' | '？')))
}

/// One or more sentences: ends with `。！？` and is not a date or speaker line.
fn is_sentence(t: &str) -> bool {
    t.chars()
        .last()
        .map(norm)
        .is_some_and(|c| matches!(c, '。' | '！' | '？'))
        && !is_meta(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use HeadRole::*;

    fn head(lines: &[&str]) -> Head {
        read_head(lines, &vec![0; lines.len()])
    }

    fn roles(h: &Head) -> Vec<HeadRole> {
        h.roles.iter().map(|r| r.0).collect()
    }

    #[test]
    fn adverts_before_the_title_are_junk() {
        let lines = [
            "订阅立享全部资料",
            "酷乐文库",
            "（2023年3月5日）",
            "在全县干部大会上的讲话",
            "县委书记 王某某",
            "同志们：",
            "一、总体要求",
        ];
        let h = head(&lines);
        assert_eq!(h.title.as_deref(), Some("在全县干部大会上的讲话"));
        assert_eq!(roles(&h), [Junk, Junk, Meta, Title, Meta]);
        assert_eq!(h.salutation, Some(5));
        assert_eq!(h.body_start, 5);
    }

    #[test]
    fn main_title_with_dash_subtitle() {
        let lines = [
            "凝心聚力 实干担当",
            "——在全市经济工作会议上的讲话",
            "二〇二三年三月五日",
            "同志们：",
        ];
        let h = head(&lines);
        assert_eq!(h.title.as_deref(), Some("凝心聚力 实干担当"));
        assert_eq!(h.subtitle.as_deref(), Some("——在全市经济工作会议上的讲话"));
        assert_eq!(roles(&h), [Title, Subtitle, Meta]);
    }

    #[test]
    fn original_title_label_wins() {
        let lines = [
            "市委书记在大会上强调要抓好作风建设",
            "原标题：在全市作风建设大会上的讲话",
            "同志们：",
        ];
        let h = head(&lines);
        assert_eq!(h.title.as_deref(), Some("在全市作风建设大会上的讲话"));
        assert_eq!(roles(&h), [Junk, Title]);
    }

    #[test]
    fn no_title_and_no_salutation() {
        let lines = ["一要提高站位。各级干部要切实增强责任感。", "二要压实责任。"];
        let h = head(&lines);
        assert_eq!(h.title, None);
        assert_eq!(h.body_start, 0);
    }

    #[test]
    fn a_page_headline_naming_the_speaker_gives_way_to_the_own_title() {
        let lines = [
            "张某某书记在全市干部大会上的讲话",
            "在全市干部大会上的讲话",
            "（2024年3月1日）",
            "张某某",
            "同志们：",
        ];
        let h = head(&lines);
        assert_eq!(h.title.as_deref(), Some("在全市干部大会上的讲话"));
        assert_eq!(roles(&h), [Junk, Title, Meta, Meta]);
        // A caption after the title that names the speaker is no title either.
        let lines = [
            "某市2025年政府工作报告",
            "市长某某作政府工作报告",
            "各位代表：",
        ];
        let h = head(&lines);
        assert_eq!(h.title.as_deref(), Some("某市2025年政府工作报告"));
        assert_eq!(roles(&h), [Title, Junk]);
    }

    #[test]
    fn a_title_split_over_two_lines_above_the_subtitle() {
        let lines = [
            "守初心担使命 谱新篇——在总结大会上的讲话",
            "守初心担使命",
            "奋力开创学校发展新局面",
            "——在总结大会上的讲话",
            "同志们：",
        ];
        let h = head(&lines);
        assert_eq!(
            h.title.as_deref(),
            Some("守初心担使命 奋力开创学校发展新局面")
        );
        assert_eq!(roles(&h), [Junk, Title, Title, Subtitle]);
        // A column name above a one-line title is not its first half.
        let lines = [
            "领导致辞",
            "实干创未来",
            "--致公司年度峰会",
            "春回大地万象新。",
        ];
        let h = head(&lines);
        assert_eq!(h.title.as_deref(), Some("实干创未来"));
        assert_eq!(roles(&h), [Junk, Title, Subtitle]);
        assert_eq!(
            h.body_start, 3,
            "a sentence after the title starts the body"
        );
    }

    #[test]
    fn a_subtitle_split_over_two_lines() {
        let lines = [
            "凝心聚力谋发展",
            "——在全市经济工作会议暨",
            "表彰大会上的讲话",
            "同志们：",
        ];
        let h = head(&lines);
        assert_eq!(
            h.subtitle.as_deref(),
            Some("——在全市经济工作会议暨表彰大会上的讲话")
        );
        assert_eq!(roles(&h), [Title, Subtitle, Subtitle]);
    }

    #[test]
    fn a_generic_title_takes_the_fuller_page_headline() {
        let lines = [
            "2025年某省政府工作报告",
            "政府工作报告",
            "——2025年1月15日在某省人民代表大会上",
            "各位代表：",
        ];
        let h = head(&lines);
        assert_eq!(h.title.as_deref(), Some("2025年某省政府工作报告"));
        assert_eq!(roles(&h), [Junk, Title, Subtitle]);
    }

    #[test]
    fn title_extras_are_stripped() {
        assert_eq!(
            clean_title("在大会上的讲话（一九九七年十一月八日）"),
            "在大会上的讲话"
        );
        assert_eq!(clean_title("政府工作报告*"), "政府工作报告");
        assert_eq!(clean_title("在会上的讲话[1]"), "在会上的讲话");
        assert_eq!(clean_title("新年贺词（附图片1张）"), "新年贺词");
        assert_eq!(clean_title("新春团拜会致辞（2024年）"), "新春团拜会致辞");
        assert_eq!(clean_title("关于（试行）的讲话"), "关于（试行）的讲话");
    }

    #[test]
    fn markdown_title_and_first_line_title() {
        let lines = ["论几种关系", "（一九五六年）", "下面讲五个问题。"];
        let h = read_head(&lines, &[1, 0, 0]);
        assert_eq!(h.title.as_deref(), Some("论几种关系"));
        assert_eq!(h.body_start, 2);
        let lines = [
            "共同创造美好的未来",
            "（二〇〇〇年十二月三十一日）",
            "女士们，先生们，朋友们：",
        ];
        let h = head(&lines);
        assert_eq!(h.title.as_deref(), Some("共同创造美好的未来"));
    }
}
