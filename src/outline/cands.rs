//! What each body line might be, and the document-wide checks that decide (spec §4–§6,
//! §10): preview lists, numbering sequences for old-style headings, spaced part titles,
//! unnumbered headings and lone points. Each decision keeps its reason.

use super::chars::{char_len_capped, is_cjk, is_terminal, norm};
use super::framing::{
    is_date_line, is_salutation, is_speaker_line, is_thanks, is_transition, title_of,
};
use super::markers::{
    Family, Marker, PointGroup, PointMarker, old_style_marker, point_marker, spaced_title,
};
use super::why::Why;

/// What a body line is, before nesting.
#[derive(Debug, Clone)]
pub enum Cand {
    Body(Why),
    /// A heading with a marker (numbered, old style, spaced, markdown).
    Heading(Marker, Why),
    /// A short line standing alone (§6).
    Unnumbered(Why),
    /// A one-sentence lead standing alone (§10): a heading that holds one paragraph.
    Lead(Why),
    Point(PointMarker),
}

impl Cand {
    pub fn is_body(&self) -> bool {
        matches!(self, Cand::Body(_))
    }

    /// A heading of any kind: it ends a scope of points.
    pub fn is_heading(&self) -> bool {
        matches!(
            self,
            Cand::Heading(..) | Cand::Unnumbered(_) | Cand::Lead(_)
        )
    }
}

/// The candidate of each body line from the line alone. `markers` holds the heading
/// marker found by the junk pass, `md` the markdown level, `salutation` the line index.
pub fn classify(
    texts: &[&str],
    markers: Vec<Option<Marker>>,
    md: &[u8],
    salutation: Option<usize>,
) -> Vec<Cand> {
    texts
        .iter()
        .zip(markers)
        .enumerate()
        .map(|(k, (t, marker))| {
            if Some(k) == salutation {
                return Cand::Body(Why::Salutation);
            }
            if md.get(k).is_some_and(|&l| l >= 1) {
                // `## 一、…` and `## 一　…` keep their numeral as marker.
                let m = marker.or_else(|| old_style_marker(t)).unwrap_or(Marker {
                    family: Family::Markdown,
                    number: None,
                    len: 0,
                    delim: '#',
                });
                return Cand::Heading(m, Why::Markdown);
            }
            if let Some(m) = marker {
                return Cand::Heading(m, Why::Numbered);
            }
            // Old-style numerals and spaced titles are short lines: long ones skip both.
            let short = t.len() <= 3 * 40;
            if let Some(m) = short.then(|| old_style_marker(t)).flatten() {
                let why = if m.len == t.len() {
                    Why::BareNumeral
                } else {
                    Why::OldStyle
                };
                Cand::Heading(m, why)
            } else if short && spaced_title(t) {
                let m = Marker {
                    family: Family::Spaced,
                    number: None,
                    len: 0,
                    delim: ' ',
                };
                Cand::Heading(m, Why::Spaced)
            } else if let Some(p) = point_marker(t) {
                Cand::Point(p)
            } else {
                Cand::Body(Why::Body)
            }
        })
        .collect()
}

/// A date right under a heading (`引　　言` / `（一九七九年五月二日）`) dates that part:
/// metadata, not body.
pub fn mark_part_dates(cands: &mut [Cand], texts: &[&str]) {
    for k in 1..cands.len() {
        // The bracket first: it is rare, so the test is cheap and well predicted.
        if texts[k].starts_with(['（', '('])
            && cands[k].is_body()
            && cands[k - 1].is_heading()
            && is_date_line(texts[k])
            && texts[k].contains('年')
        {
            cands[k] = Cand::Body(Why::Meta);
        }
    }
}

/// A signature at the end (`董事长：王某某` / `2013年3月26日`) is metadata, as under a title.
pub fn mark_signature(cands: &mut [Cand], texts: &[&str]) {
    for k in (0..cands.len()).rev() {
        let t = texts[k];
        if !cands[k].is_body() || !(is_speaker_line(t) || (is_date_line(t) && t.contains('年'))) {
            return;
        }
        cands[k] = Cand::Body(Why::Meta);
    }
}

/// Short marker lines in a row in the preamble, announcing what follows, are a list.
pub fn demote_preview_list(cands: &mut [Cand], texts: &[&str]) {
    let Some(start) = cands.iter().position(|c| matches!(c, Cand::Heading(..))) else {
        return;
    };
    let Cand::Heading(first, _) = &cands[start] else {
        return;
    };
    let family = first.family;
    let mut end = start;
    while let Some(Cand::Heading(m, _)) = cands.get(end) {
        let expected = (end - start + 1) as u32;
        if m.family != family || m.number != Some(expected) || char_len_capped(texts[end], 40) > 40
        {
            break;
        }
        end += 1;
    }
    let restarts_later = cands[end..]
        .iter()
        .any(|c| matches!(c, Cand::Heading(m, _) if m.family == family && m.number == Some(1)));
    if end - start >= 2 && restarts_later {
        for c in &mut cands[start..end] {
            *c = Cand::Body(Why::PreviewList);
        }
    }
}

/// Old-style headings (`一　标题`, a bare `一`) and spaced part titles count only as a
/// document's way of numbering its parts: two or more, the numerals in sequence (a run
/// may restart at 一 in the next part).
pub fn keep_old_style_runs(cands: &mut [Cand]) {
    let mut old: Vec<(usize, Option<u32>)> = Vec::new();
    let mut spaced: Vec<usize> = Vec::new();
    for (k, c) in cands.iter().enumerate() {
        if let Cand::Heading(m, _) = c
            && m.delim == ' '
        {
            match m.family {
                Family::CnNum => old.push((k, m.number)),
                Family::Spaced => spaced.push(k),
                _ => {}
            }
        }
    }
    let in_sequence = old.first().is_some_and(|o| o.1 == Some(1))
        && old.windows(2).all(|w| match (w[0].1, w[1].1) {
            (Some(a), Some(b)) => b == a + 1 || b == 1,
            _ => false,
        });
    if old.len() < 2 || !in_sequence {
        for (k, _) in old {
            cands[k] = Cand::Body(Why::LoneOldStyle);
        }
    }
    if spaced.len() < 2 {
        for k in spaced {
            cands[k] = Cand::Body(Why::Body);
        }
    }
}

/// Unnumbered headings (§6): short bare lines standing alone between paragraphs.
pub fn mark_unnumbered(cands: &mut [Cand], texts: &[&str]) {
    let candidates: Vec<usize> = (1..cands.len().saturating_sub(1))
        .filter(|&k| {
            // The neighbours first: they turn most lines away for less.
            cands[k].is_body()
                && (cands[k + 1].is_body() || matches!(cands[k + 1], Cand::Point(_)))
                && (matches!(cands[k - 1], Cand::Heading(..))
                    || texts[k - 1].chars().last().is_some_and(ends_paragraph))
                && looks_like_bare_heading(texts[k])
                && !looks_like_bare_heading(texts[k + 1])
                && !is_date_line(texts[k + 1])
                && !is_speaker_line(texts[k + 1])
        })
        .collect();
    let numbered = cands.iter().any(|c| matches!(c, Cand::Heading(..)));
    if candidates.len() >= 2 || (candidates.len() == 1 && !numbered) {
        let n = candidates.len().min(u16::MAX as usize) as u16;
        for k in candidates {
            cands[k] = Cand::Unnumbered(Why::StandsAlone(n));
        }
    }
}

fn ends_paragraph(c: char) -> bool {
    is_terminal(c) || matches!(norm(c), '：' | '”' | '」' | '…')
}

fn looks_like_bare_heading(t: &str) -> bool {
    // Most short lines end a sentence: one look at the end turns them away.
    if t.len() > 4 * 41 || t.chars().last().is_some_and(is_terminal) {
        return false;
    }
    let n = char_len_capped(t, 40);
    if !(4..=40).contains(&n) {
        return false;
    }
    // Mostly Chinese, not counting the quotes and dashes some titles carry.
    let cjk = t.chars().filter(|&c| is_cjk(c)).count();
    let letters = cjk + t.chars().filter(char::is_ascii_alphanumeric).count();
    let last = t.chars().last().map(norm);
    cjk * 10 >= letters * 7
        && cjk >= 4
        && !t.chars().any(is_terminal)
        && !matches!(last, Some('，' | '、' | '：' | '…' | '”' | '》'))
        && !matches!(t.chars().next(), Some('《' | '"' | '‘' | '（' | '('))
        && !is_transition(t)
        && !is_salutation(t)
        && !is_thanks(t)
        && !is_date_line(t)
        && !is_speaker_line(t)
        && title_of(t).is_none()
}

/// A single stray `最后，` is not a point: a list needs siblings. Points in the preamble of
/// a speech with headings introduce the meeting, not its parts. A numeral-and-verb word
/// (`一抓`) is a point only in a numbered run of three from 一.
pub fn drop_lone_points(cands: &mut [Cand]) {
    let has_headings = cands.iter().any(Cand::is_heading);
    // Scopes come one after another: one vector of members, reused.
    let mut scope: Option<usize> = None;
    let mut members: Vec<(PointGroup, usize)> = Vec::new();
    for k in 0..=cands.len() {
        let boundary = k == cands.len() || cands[k].is_heading();
        if boundary {
            decide_points(cands, &mut members, scope.is_none() && has_headings);
            scope = Some(k);
        } else if let Cand::Point(p) = &cands[k] {
            members.push((p.group, k));
        }
    }
}

/// Decides the points of one scope, group by group. Sorting brings each group's members
/// together in reading order, so a speech of many groups costs no more than one of a few.
fn decide_points(cands: &mut [Cand], members: &mut Vec<(PointGroup, usize)>, preamble: bool) {
    members.sort_unstable();
    for run in members.chunk_by(|a, b| a.0 == b.0) {
        let g = run[0].0;
        let lone = match g {
            PointGroup::Verb(_) => !numbered_from_one(cands, run),
            _ => run.len() < 2,
        };
        for &(_, k) in run {
            if lone {
                // A numeral and a verb alone is ordinary text (`一年来`), no stray point.
                let why = match g {
                    PointGroup::Verb(_) => Why::Body,
                    _ => Why::LonePoint,
                };
                cands[k] = Cand::Body(why);
            } else if preamble {
                cands[k] = Cand::Body(Why::PreamblePoint);
            }
        }
    }
    members.clear();
}

/// The members of one group are numbered 1, 2, 3… in order, three at least.
fn numbered_from_one(cands: &[Cand], run: &[(PointGroup, usize)]) -> bool {
    run.len() >= 3
        && run.iter().enumerate().all(
            |(i, &(_, k))| matches!(&cands[k], Cand::Point(p) if p.number == Some(i as u32 + 1)),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::markers::heading_marker;

    fn cands(lines: &[&str]) -> Vec<Cand> {
        let markers = lines.iter().map(|t| heading_marker(t)).collect();
        classify(lines, markers, &[], None)
    }

    #[test]
    fn old_style_headings_need_a_sequence() {
        let lines = [
            "一　工业和农业",
            "正文。",
            "二　沿海和内地",
            "正文。",
            "三",
            "正文。",
        ];
        let mut c = cands(&lines);
        keep_old_style_runs(&mut c);
        let heads: Vec<usize> = (0..c.len()).filter(|&k| c[k].is_heading()).collect();
        assert_eq!(heads, [0, 2, 4]);
        assert!(matches!(c[4], Cand::Heading(_, Why::BareNumeral)));
        // One numeral and a space is a sentence that happens to start so.
        let lines = ["三　五成群的人", "正文。"];
        let mut c = cands(&lines);
        keep_old_style_runs(&mut c);
        assert!(matches!(c[0], Cand::Body(Why::LoneOldStyle)));
    }

    #[test]
    fn verb_points_need_a_numbered_run_of_three() {
        let lines = [
            "一抓组织领导，压实责任。",
            "二抓学习教育。",
            "三抓整改落实。",
        ];
        let mut c = cands(&lines);
        drop_lone_points(&mut c);
        assert!(c.iter().all(|c| matches!(c, Cand::Point(_))));
        let lines = [
            "一些同志认识不到位。",
            "二些不存在。",
            "一个时期以来，问题突出。",
        ];
        let mut c = cands(&lines);
        drop_lone_points(&mut c);
        assert!(
            c.iter().all(|c| matches!(c, Cand::Body(Why::Body))),
            "{c:?}"
        );
    }

    #[test]
    fn spaced_part_titles_come_in_twos() {
        let lines = ["引　　言", "同志们！今天开会。", "结　　论", "正文。"];
        let mut c = cands(&lines);
        keep_old_style_runs(&mut c);
        assert!(c[0].is_heading() && c[2].is_heading());
        let lines = ["结 束 语", "正文。"];
        let mut c = cands(&lines);
        keep_old_style_runs(&mut c);
        assert!(c[0].is_body());
    }

    #[test]
    fn a_date_under_a_part_heading_is_metadata() {
        let lines = [
            "引　　言",
            "（一九七九年五月二日）",
            "同志们！今天开会。",
            "结　　论",
            "（一九七九年五月二十三日）",
            "正文。",
        ];
        let mut c = cands(&lines);
        keep_old_style_runs(&mut c);
        mark_part_dates(&mut c, &lines);
        assert!(matches!(c[1], Cand::Body(Why::Meta)) && matches!(c[4], Cand::Body(Why::Meta)));
        assert!(matches!(c[2], Cand::Body(Why::Body)));
    }

    #[test]
    fn quoted_words_may_open_an_unnumbered_heading() {
        let para = "各项工作扎实推进，取得了明显成效，为今后发展打下了坚实基础。";
        let lines = [
            para,
            "“强企梦”——靠创新驱动实现",
            para,
            "“强企梦”——以实干精神引领",
            para,
        ];
        let mut c = cands(&lines);
        mark_unnumbered(&mut c, &lines);
        assert!(matches!(c[1], Cand::Unnumbered(_)) && matches!(c[3], Cand::Unnumbered(_)));
        // A whole quotation is no heading.
        let lines = [para, "“实干才能梦想成真”", para, "“空谈误国实干兴邦”", para];
        let mut c = cands(&lines);
        mark_unnumbered(&mut c, &lines);
        assert!(c.iter().all(Cand::is_body));
    }

    #[test]
    fn a_signature_at_the_end_is_metadata() {
        let lines = [
            "新的一年，让我们携手并进！",
            "某某公司董事长：王某某",
            "2024年1月1日",
        ];
        let mut c = cands(&lines);
        mark_signature(&mut c, &lines);
        assert!(matches!(c[0], Cand::Body(Why::Body)));
        assert!(matches!(c[1], Cand::Body(Why::Meta)) && matches!(c[2], Cand::Body(Why::Meta)));
    }
}
