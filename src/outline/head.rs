//! The head block (spec §3): everything before the salutation, the first heading or the
//! first body paragraph. Finds the title, subtitle and metadata; lines before the title
//! that are not metadata are junk (advert blocks sit there).

use super::chars::{char_len_capped, is_cjk, is_terminal};
use super::framing::{
    is_date_line, is_salutation, is_speaker_line, is_title_text, subtitle_of, title_of,
};
use super::markers::{heading_marker, point_marker};

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
    /// Roles of lines `0..body_start` (by index into the lines given).
    pub roles: Vec<HeadRole>,
    /// Index of the salutation line, if any.
    pub salutation: Option<usize>,
    /// First line after the head block (the salutation, if any, is in the body).
    pub body_start: usize,
}

/// Head blocks are short; a file that never leaves one is read as body from its title on.
const MAX_HEAD_LINES: usize = 40;

/// Reads the head block of `lines` (the logical lines left after junk removal).
pub fn read_head(lines: &[&str]) -> Head {
    let mut head = Head::default();
    let mut title_at: Option<usize> = None;
    let mut subtitle_at: Option<usize> = None;
    let mut end = lines.len();
    let dashless = |t: &str| t.trim_start_matches(['—', '-', '－', '─']).to_string();
    for (i, &t) in lines.iter().enumerate().take(MAX_HEAD_LINES) {
        if is_salutation(t) {
            head.salutation = Some(i);
            end = i;
            break;
        }
        if let Some(title) = t
            .strip_prefix("原标题：")
            .or_else(|| t.strip_prefix("原标题:"))
        {
            // `原标题：…` gives the title itself, whatever headline stood above it.
            title_at = Some(i);
            subtitle_at = None;
            head.title = Some(title.trim().to_string());
            continue;
        }
        if heading_marker(t).is_some() || point_marker(t).is_some() || is_body_paragraph(t) {
            end = i;
            break;
        }
        let sub = subtitle_of(t);
        if let Some(sub) = sub
            && subtitle_at.is_none()
        {
            if title_at == Some(i.wrapping_sub(1)) {
                subtitle_at = Some(i);
                continue;
            }
            if title_at.is_none() && is_title_text(&dashless(sub)) {
                // `——在…上的讲话` under a main title that does not look like one itself.
                match i
                    .checked_sub(1)
                    .filter(|&p| is_title_candidate(lines[p]) && !is_meta(lines[p]))
                {
                    Some(p) => {
                        title_at = Some(p);
                        subtitle_at = Some(i);
                        head.title = Some(lines[p].to_string());
                    }
                    None => {
                        title_at = Some(i);
                        head.title = Some(dashless(sub));
                    }
                }
                continue;
            }
        }
        if title_at.is_none()
            && let Some(title) = title_of(t)
        {
            title_at = Some(i);
            head.title = Some(title.to_string());
        }
    }
    if end == lines.len() && lines.len() > MAX_HEAD_LINES {
        end = subtitle_at.or(title_at).map_or(0, |t| t + 1);
    }
    // No title line: a short line right before the salutation still names the speech.
    if title_at.is_none()
        && let Some(s) = head.salutation
        && s > 0
        && is_title_candidate(lines[s - 1])
        && !is_meta(lines[s - 1])
    {
        title_at = Some(s - 1);
        head.title = Some(lines[s - 1].to_string());
    }
    head.subtitle = subtitle_at.map(|i| lines[i].to_string());
    head.body_start = end;
    head.roles = (0..end)
        .map(|i| {
            if Some(i) == title_at {
                HeadRole::Title
            } else if Some(i) == subtitle_at {
                HeadRole::Subtitle
            } else if title_at.is_some_and(|t| i < t) && !is_meta(lines[i]) {
                HeadRole::Junk
            } else {
                HeadRole::Meta
            }
        })
        .collect();
    head
}

fn is_meta(t: &str) -> bool {
    is_date_line(t) || is_speaker_line(t)
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

#[cfg(test)]
mod tests {
    use super::*;
    use HeadRole::*;

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
        let h = read_head(&lines);
        assert_eq!(h.title.as_deref(), Some("在全县干部大会上的讲话"));
        assert_eq!(h.roles, [Junk, Junk, Meta, Title, Meta]);
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
        let h = read_head(&lines);
        assert_eq!(h.title.as_deref(), Some("凝心聚力 实干担当"));
        assert_eq!(h.subtitle.as_deref(), Some("——在全市经济工作会议上的讲话"));
        assert_eq!(h.roles, [Title, Subtitle, Meta]);
    }

    #[test]
    fn original_title_label_wins() {
        let lines = [
            "市委书记在大会上强调要抓好作风建设",
            "原标题：在全市作风建设大会上的讲话",
            "同志们：",
        ];
        let h = read_head(&lines);
        assert_eq!(h.title.as_deref(), Some("在全市作风建设大会上的讲话"));
        assert_eq!(h.roles, [Junk, Title]);
    }

    #[test]
    fn no_title_and_no_salutation() {
        let lines = ["一要提高站位。各级干部要切实增强责任感。", "二要压实责任。"];
        let h = read_head(&lines);
        assert_eq!(h.title, None);
        assert_eq!(h.body_start, 0);
    }
}
