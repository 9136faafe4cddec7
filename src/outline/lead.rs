//! Standalone lead sentences (spec §10). Government reports set their sub-points as bold
//! lead sentences; a copy that puts each on a line of its own leaves short one-sentence
//! lines, each followed by the longer paragraph it sums up. The evidence is the
//! alternation, or parallel wording; a lone short sentence is body.

use super::cands::Cand;
use super::chars::{char_len_capped, is_terminal, norm};
use super::framing::is_address_start;
use super::why::Why;

/// Paragraphs allowed between two lead sentences of one run.
const MAX_GAP: usize = 2;

/// Marks runs of lead sentences as headings, unless the text puts every sentence on a
/// line of its own. Whether it marked any.
pub fn mark_lead_sentences(cands: &mut [Cand], texts: &[&str]) -> bool {
    let leads: Vec<usize> = (1..cands.len().saturating_sub(1))
        .filter(|&k| is_lead_candidate(cands, texts, k))
        .collect();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    // Pairs that alternate strictly: runs too, once the speech shows the pattern elsewhere.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    while start < leads.len() {
        let mut end = start + 1;
        while end < leads.len()
            && leads[end] - leads[end - 1] <= MAX_GAP + 1
            && !cands[leads[end - 1]..leads[end]]
                .iter()
                .any(Cand::is_heading)
        {
            end += 1;
        }
        let run = &leads[start..end];
        // Three or more, one paragraph each; or two or more in parallel wording.
        let strict = run.windows(2).all(|w| w[1] - w[0] == 2);
        if (run.len() >= 3 && strict) || (run.len() >= 2 && parallel(run.iter().map(|&k| texts[k])))
        {
            runs.push((start, end));
        } else if run.len() == 2 && strict {
            pairs.push((start, end));
        }
        start = end;
    }
    if !runs.is_empty() {
        runs.extend(pairs);
    }
    // Counted only when there is something to mark: it reads every line.
    if runs.is_empty() || one_sentence_per_line(texts) {
        return false;
    }
    for (start, end) in runs {
        let n = (end - start).min(u16::MAX as usize) as u16;
        for &k in &leads[start..end] {
            cands[k] = Cand::Lead(Why::LeadSentence(n));
        }
    }
    true
}

/// One short sentence standing alone, after a finished paragraph or a heading, and
/// followed by a body paragraph at least twice its length.
fn is_lead_candidate(cands: &[Cand], texts: &[&str], k: usize) -> bool {
    let t = texts[k];
    if t.len() > 3 * 60
        || !t.ends_with('。')
        || !matches!(cands[k], Cand::Body(Why::Body | Why::LonePoint))
        || !matches!(cands[k + 1], Cand::Body(Why::Body | Why::LonePoint))
    {
        return false;
    }
    // Byte lengths first: the paragraph after a lead is much the longer.
    if texts[k + 1].len() < t.len() * 3 / 2 || texts[k + 1].len() < 60 {
        return false;
    }
    let after_paragraph = cands[k - 1].is_heading()
        || texts[k - 1]
            .chars()
            .last()
            .is_some_and(|c| is_terminal(c) || norm(c) == '”');
    if !after_paragraph || sentence_ends(t) != 1 || is_address_start(t) {
        return false;
    }
    let n = char_len_capped(t, 61);
    let next = char_len_capped(texts[k + 1], 2 * n + 60);
    (6..=60).contains(&n) && next >= 2 * n && next >= 60
}

/// The sentences open with the same words (`这五年，我们…`), and say different things.
fn parallel<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> bool {
    let mut distinct = lines.clone();
    let Some(first) = distinct.next() else {
        return false;
    };
    if !distinct.all(|t| t != first) {
        return false;
    }
    let mut lines = lines;
    lines.next();
    let common = lines.fold(first.len(), |len, t| {
        first[..len]
            .char_indices()
            .zip(t.chars())
            .find(|((_, a), b)| a != b)
            .map_or(len.min(t.len()), |((i, _), _)| i)
    });
    first[..common].chars().count() >= 3
}

/// Lines looked at to tell a text of one sentence per line.
const SAMPLE_LINES: usize = 300;

/// Most lines are one sentence each (aligned translations, segmented newspaper text):
/// there every sentence stands alone, so standing alone is no evidence.
pub fn one_sentence_per_line(texts: &[&str]) -> bool {
    let lines = texts.iter().filter(|t| t.len() >= 8).take(SAMPLE_LINES);
    let (mut all, mut single) = (0usize, 0usize);
    for t in lines {
        all += 1;
        single += usize::from(!ends_mid_line(t));
    }
    all >= 20 && single * 10 >= all * 7
}

/// How many sentence ends (`。！？；`) a line has, counting no further than two. The
/// bytes are searched, not decoded: this runs over whole speeches.
fn sentence_ends(t: &str) -> usize {
    let b = t.as_bytes();
    // `。` is E3 80 82; `！` `？` `；` are EF BC 81, 9F, 9B.
    let wide = |i: usize, lead: u8, mid: u8| i >= 2 && b[i - 2] == lead && b[i - 1] == mid;
    let ascii = memchr::memchr3_iter(b'!', b'?', b';', b).take(2).count();
    let cjk = memchr::memchr3_iter(0x82, 0x81, 0x9F, b)
        .filter(|&i| {
            if b[i] == 0x82 {
                wide(i, 0xE3, 0x80)
            } else {
                wide(i, 0xEF, 0xBC)
            }
        })
        .take(2)
        .count();
    let semi = memchr::memchr_iter(0x9B, b)
        .filter(|&i| wide(i, 0xEF, 0xBC))
        .take(2)
        .count();
    (ascii + cjk + semi).min(2)
}

/// A sentence end before the line's last character: the line holds more than one clause.
fn ends_mid_line(t: &str) -> bool {
    let last = t.chars().last().map_or(0, char::len_utf8);
    sentence_ends(&t[..t.len() - last]) > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARA: &str = "全年新开工重点项目三百个，完成投资两千亿元，一批打基础、利长远的重大工程建成投用，产业结构持续优化，发展后劲明显增强，人民群众得到了实实在在的好处。";

    fn marked(lines: &[&str]) -> Vec<usize> {
        let mut cands: Vec<Cand> = lines.iter().map(|_| Cand::Body(Why::Body)).collect();
        mark_lead_sentences(&mut cands, lines);
        (0..cands.len())
            .filter(|&k| matches!(cands[k], Cand::Lead(_)))
            .collect()
    }

    #[test]
    fn alternation_makes_lead_sentences() {
        let lines = [
            PARA,
            "经济运行稳中向好。",
            PARA,
            "改革开放持续深化。",
            PARA,
            "民生福祉不断增进。",
            PARA,
        ];
        assert_eq!(marked(&lines), [1, 3, 5]);
        let lines = [
            PARA,
            "经济运行稳中向好。",
            PARA,
            PARA,
            "改革开放持续深化。",
            PARA,
            "民生福祉不断增进。",
            PARA,
        ];
        assert!(
            marked(&lines).is_empty(),
            "without parallel wording, strictly one paragraph each"
        );
    }

    #[test]
    fn two_in_parallel_wording_are_enough() {
        let lines = [
            PARA,
            "这一年，我们稳住了经济大盘。",
            PARA,
            "这一年，我们守住了民生底线。",
            PARA,
        ];
        assert_eq!(marked(&lines), [1, 3]);
        let lines = [
            PARA,
            "这一年，我们稳住了经济大盘。",
            PARA,
            "这一年，我们稳住了经济大盘。",
            PARA,
        ];
        assert!(
            marked(&lines).is_empty(),
            "the same sentence twice is no parallel wording"
        );
        let lines = [PARA, "经济运行稳中向好。", PARA, "改革开放持续深化。", PARA];
        assert!(marked(&lines).is_empty(), "two without parallel wording");
    }

    #[test]
    fn a_pair_counts_where_the_speech_shows_the_pattern_elsewhere() {
        let head = Cand::Heading(
            crate::outline::markers::heading_marker("（一）扩大需求").unwrap(),
            Why::Numbered,
        );
        let lines = [
            "（一）扩大需求",
            "扩大有效投资。",
            PARA,
            "积极促进消费。",
            PARA,
            "稳住外贸外资。",
            PARA,
            "（二）发展产业",
            "推动制造业升级。",
            PARA,
            "发展数字经济。",
            PARA,
        ];
        let mut cands: Vec<Cand> = lines.iter().map(|_| Cand::Body(Why::Body)).collect();
        cands[0] = head.clone();
        cands[7] = head;
        mark_lead_sentences(&mut cands, &lines);
        let leads: Vec<usize> = (0..cands.len())
            .filter(|&k| matches!(cands[k], Cand::Lead(_)))
            .collect();
        assert_eq!(leads, [1, 3, 5, 8, 10]);
        // Alone, the pair is no evidence.
        let mut cands: Vec<Cand> = lines[7..].iter().map(|_| Cand::Body(Why::Body)).collect();
        cands[0] = Cand::Heading(
            crate::outline::markers::heading_marker("（二）发展产业").unwrap(),
            Why::Numbered,
        );
        mark_lead_sentences(&mut cands, &lines[7..]);
        assert!(!cands.iter().any(|c| matches!(c, Cand::Lead(_))));
    }

    #[test]
    fn a_lone_short_sentence_is_body() {
        let lines = [PARA, "春回大地千峰秀，日暖神州万象新。", PARA, PARA];
        assert!(marked(&lines).is_empty());
    }

    #[test]
    fn sentence_ends_are_counted_up_to_two() {
        assert_eq!(sentence_ends("要抓落实。"), 1);
        assert_eq!(sentence_ends("要抓落实！要见成效？"), 2);
        assert_eq!(sentence_ends("一；二；三；"), 2);
        assert_eq!(sentence_ends("没有句末"), 0);
        assert_eq!(sentence_ends("Yes! No"), 1);
        // Characters whose last byte looks like a sentence end are not one.
        assert_eq!(sentence_ends("傂傁"), 0);
    }

    #[test]
    fn sentence_per_line_text_is_recognised() {
        let mut lines = vec!["今年的任务很重。"; 25];
        lines.push(PARA);
        assert!(one_sentence_per_line(&lines));
        let para = format!("{PARA}{PARA}");
        let lines = vec![para.as_str(); 25];
        assert!(!one_sentence_per_line(&lines));
    }
}
