//! Flattened text (spec §8): a speech scraped onto one or a few lines is split back into
//! paragraphs at its salutation, at markers that continue a numbering sequence, at the
//! spaces that were paragraph breaks, and, when it kept no breaks at all, at point words
//! continuing a run and after photo credits run into it.

use super::chars::{is_terminal, norm, trim};
use super::framing::is_salutation;
use super::markers::{Family, PointGroup, heading_marker, point_marker};

/// Splits a flattened line before a salutation, before markers that continue a
/// numbering sequence the text establishes, and, when the text kept no paragraph joints
/// at all, before enumeration words that continue theirs.
pub fn split_flattened(line: &str) -> Vec<&str> {
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
        // Numeral-and-verb words (`一抓`) need a run to tell them from text: never split at one.
        if split_points
            && after_sentence
            && let Some(p) = point_marker(head)
            && !matches!(p.group, PointGroup::Verb(_))
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
pub fn runs_on(line: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use crate::outline::layout::{Layout, logical_lines};

    fn texts(l: &Layout) -> Vec<String> {
        l.lines.iter().map(|l| l.text.to_string()).collect()
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
