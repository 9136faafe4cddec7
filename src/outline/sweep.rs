//! The junk pass: which logical lines are junk, and why. Each line is tested alone
//! (`junk`, `chrome`), then its neighbours add what a line alone cannot tell: a label's
//! value on the next line, font-size widget pieces, breadcrumb items around a lone `>`,
//! a caption above its credit, and the page footer once the speech has ended.

use super::chars::char_len_capped;
use super::chrome::{
    FONT_PIECE, LABELS, furniture, inner_furniture, is_arrow, is_short_value, is_widget_piece,
    label_alone,
};
use super::junk::{is_page_number, is_separator, junk_phrase};
use super::layout::Line;
use super::why::Why;

/// Label lines count as junk only this near the top or bottom of a file, or outside the
/// stretch of real paragraphs.
const EDGE_LINES: usize = 15;

/// A line of at least this many bytes that ends a sentence is speech, not furniture.
const SUBSTANTIAL_BYTES: usize = 150;

/// The junk reason of each line (`None`: kept). `marked[i]` says line `i` starts with a
/// heading marker (never junk while the speech lasts); `last_line` is the file's last
/// physical line.
pub fn sweep(lines: &[Line], marked: &[bool], last_line: usize) -> Vec<Option<Why>> {
    let substantial: Vec<bool> = lines.iter().map(|l| is_substantial(&l.text)).collect();
    let first_sub = substantial.iter().position(|&s| s);
    let last_sub = last_fresh_substantial(lines, &substantial);
    let edge = |i: usize| {
        let no = lines[i].no;
        no <= EDGE_LINES
            || no + EDGE_LINES > last_line
            || first_sub.is_none_or(|f| i < f)
            || last_sub.is_none_or(|l| i > l)
    };
    let mut junk: Vec<Option<Why>> = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let t: &str = &l.text;
        // A long line that ends a sentence is speech: one test, well predicted.
        if substantial[i] {
            junk.push(None);
            continue;
        }
        let why = if is_separator(t) {
            Some(Why::Separator)
        } else if is_page_number(t) {
            Some(Why::PageNumber)
        } else if marked[i] {
            None
        } else if let Some(p) = junk_phrase(t) {
            Some(Why::Advert(p))
        } else if edge(i) {
            furniture(t)
        } else {
            inner_furniture(t)
        };
        junk.push(why);
    }
    // Neighbours: only lines next to furniture can be told by it.
    let free = |junk: &[Option<Why>], j: usize| {
        j < lines.len() && junk[j].is_none() && !marked[j] && !substantial[j]
    };
    for i in 0..lines.len() {
        let Some(why) = junk[i] else { continue };
        match why {
            // `来源：` / `某某日报`; `图片：` / a caption sentence.
            Why::Label(l)
                if free(&junk, i + 1)
                    && label_alone(&lines[i].text)
                    && is_label_value(l, &lines[i + 1].text) =>
            {
                junk[i + 1] = Some(Why::LabelValue(l));
            }
            // `【字体：` / `大` / `中` / `小` / `】`.
            Why::Widget(_) if !is_arrow(Some(why)) => {
                let mut j = i + 1;
                while free(&junk, j) && is_widget_piece(&lines[j].text) {
                    junk[j] = Some(Why::Widget(FONT_PIECE));
                    j += 1;
                }
            }
            // `首页` / `>` / `要闻`: the items around a lone arrow.
            Why::Widget(_) => {
                for j in [i.wrapping_sub(1), i + 1] {
                    if free(&junk, j) && is_breadcrumb_item(&lines[j].text) {
                        junk[j] = Some(Why::Breadcrumb);
                    }
                }
            }
            // A picture description above its credit.
            Why::Credit
                if i > 0
                    && free(&junk, i - 1)
                    && char_len_capped(&lines[i - 1].text, 100) <= 100 =>
            {
                junk[i - 1] = Some(Why::Caption);
            }
            _ => {}
        }
    }
    // A speech of short paragraphs has no long line: its last sentence ends it.
    let end = last_sub.or_else(|| {
        (0..lines.len())
            .rev()
            .find(|&i| junk[i].is_none() && lines[i].text.ends_with(['。', '！', '？', '!', '?']))
    });
    sweep_footer(&mut junk, end);
    junk
}

/// A breadcrumb item: a column name of a few characters.
fn is_breadcrumb_item(t: &str) -> bool {
    char_len_capped(t, 16) <= 15 && is_short_value(t)
}

/// What a label standing alone is followed by: a short value, or for a picture label
/// the caption sentence.
fn is_label_value(label: u8, t: &str) -> bool {
    if matches!(
        LABELS.get(usize::from(label)),
        Some(&("图片" | "图" | "摄影"))
    ) {
        return char_len_capped(t, 100) <= 100;
    }
    is_short_value(t)
}

/// A long line that ends a sentence: speech, not furniture.
fn is_substantial(t: &str) -> bool {
    t.len() >= SUBSTANTIAL_BYTES && t.ends_with(['。', '！', '？', '；', '”', '!', '?', ';'])
}

/// Lines at the top of a page that a repeated head block after its footer may copy.
const HEAD_COPY_LINES: usize = 40;

/// The last substantial line that is not a copy of one of the first lines (a page may
/// repeat the speech's head after its footer).
fn last_fresh_substantial(lines: &[Line], substantial: &[bool]) -> Option<usize> {
    (0..lines.len())
        .rev()
        .filter(|&i| substantial[i])
        .find(|&i| {
            let start = prefix(&lines[i].text, 30);
            !lines[..i.min(HEAD_COPY_LINES)]
                .iter()
                .any(|l| l.text.starts_with(start))
        })
}

fn prefix(s: &str, mut n: usize) -> &str {
    n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    &s[..n]
}

/// Once furniture follows the speech's last paragraph, the page's footer has begun:
/// everything after it (related links, a repeated headline) is not the speech.
fn sweep_footer(junk: &mut [Option<Why>], end: Option<usize>) {
    let Some(last) = end else {
        return;
    };
    let start = (last + 1..junk.len()).find(|&i| {
        matches!(
            junk[i],
            Some(
                Why::Widget(_)
                    | Why::Breadcrumb
                    | Why::Label(_)
                    | Why::Timestamp
                    | Why::Dateline
                    | Why::Credit
                    | Why::Caption
                    | Why::EndMark
                    | Why::ImageLink
            )
        )
    });
    if let Some(s) = start {
        for j in &mut junk[s + 1..] {
            if j.is_none() {
                *j = Some(Why::Footer);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(usize, Option<Why>)> {
        let lines: Vec<Line> = text
            .lines()
            .enumerate()
            .map(|(i, t)| Line {
                no: i + 1,
                text: t.into(),
                md: 0,
            })
            .collect();
        let marked: Vec<bool> = text
            .lines()
            .map(|t| super::super::markers::heading_marker(t).is_some())
            .collect();
        let n = lines.len();
        sweep(&lines, &marked, n)
            .into_iter()
            .enumerate()
            .map(|(i, w)| (i + 1, w))
            .collect()
    }

    fn junk_lines(text: &str) -> Vec<usize> {
        run(text)
            .into_iter()
            .filter(|(_, w)| w.is_some())
            .map(|(l, _)| l)
            .collect()
    }

    const PARA: &str = "今年以来，全省上下坚持稳中求进工作总基调，统筹发展和安全，经济运行总体平稳、稳中有进，主要指标好于预期，高质量发展迈出坚实步伐，人民群众获得感幸福感安全感持续增强。";

    #[test]
    fn page_chrome_one_piece_per_line() {
        let text = format!(
            "您的位置：\n首页\n>\n要闻动态\n某省政府工作报告\n来源：\n某省日报\n2025-01-22 08:15:20\n【字体：\n大\n中\n小\n】\n各位代表：\n{PARA}\n一、工作回顾\n{PARA}\n"
        );
        assert_eq!(junk_lines(&text), [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13]);
        let w = run(&text);
        assert_eq!(
            w[6].1.map(|w| w.to_string()).as_deref(),
            Some("value of the web label 来源 above")
        );
        assert_eq!(w[3].1, Some(Why::Breadcrumb));
    }

    #[test]
    fn the_footer_runs_to_the_end_after_the_speech() {
        let text = format!(
            "某省政府工作报告\n各位代表：\n{PARA}\n各位代表！让我们团结奋斗！\n名词解释\n1.“两新”：指设备更新和以旧换新。\n责任编辑：\n王某\n相关链接>>\n某省人大会议开幕\n某省政府工作报告\n各位代表：现在，我代表省人民政府向大会报告工作。\n"
        );
        assert_eq!(junk_lines(&text), [7, 8, 9, 10, 11, 12]);
    }

    #[test]
    fn newspaper_tail_caption_and_credit() {
        let text = format!(
            "在大桥通车仪式上的讲话\n同志们：\n{PARA}\n谢谢大家。\n（新华社某地10月8日电）\n图片：\n某某出席通车仪式并讲话。\n（新华社记者 某某 摄）\n"
        );
        assert_eq!(junk_lines(&text), [5, 6, 7, 8]);
        let text = format!(
            "在大桥通车仪式上的讲话\n同志们：\n{}\n某某出席通车仪式并讲话。\n（新华社记者 某某 摄）\n{}\n",
            para(1),
            para(2)
        );
        assert_eq!(junk_lines(&text), [4, 5], "a caption above its credit");
    }

    /// Distinct paragraphs: a paragraph repeated word for word reads as a page repeating
    /// its head after the footer.
    fn para(k: usize) -> String {
        format!("第{k}项工作：{PARA}")
    }

    #[test]
    fn labels_in_the_middle_of_a_speech_are_speech() {
        let mut text = String::from("在会上的讲话\n同志们：\n");
        for k in 0..20 {
            text.push_str(&para(k));
            text.push('\n');
        }
        text.push_str("时间：要抓紧\n");
        for k in 20..40 {
            text.push_str(&para(k));
            text.push('\n');
        }
        assert!(junk_lines(&text).is_empty());
    }
}
