//! The closing (spec §3, §10): the last paragraph after the last section that addresses
//! the audience (`同志们，…`, `各位代表！…`); failing that, a final wish right before the
//! thanks, or the thanks alone. Everything after its start is closing, points included.

use super::cands::Cand;
use super::framing::{is_address_start, is_thanks};
use super::why::Why;

/// Where the closing starts, as an index into `texts`, and why.
pub fn find_closing(cands: &[Cand], texts: &[&str]) -> Option<(usize, Why)> {
    // After the last heading; in a speech of points only, after the last point.
    let last_heading = cands.iter().rposition(Cand::is_heading);
    let last_point = cands.iter().rposition(|c| matches!(c, Cand::Point(_)));
    let after = last_heading.or(last_point).map_or(0, |k| k + 1);
    let body = |k: usize| matches!(cands[k], Cand::Body(w) if w != Why::Salutation);
    if let Some(k) = (after..texts.len())
        .rev()
        .find(|&k| body(k) && is_address_start(texts[k]))
    {
        return Some((k, Why::ClosingAddress));
    }
    // In a speech of points only, the last address may open its closing with a last run
    // of points (`同志们，…希望大家做到三点：` / `一是要…`), when it rallies or wishes.
    if last_heading.is_none()
        && let Some(k) = (0..after)
            .rev()
            .find(|&k| body(k) && is_address_start(texts[k]))
        && rallies(texts[k])
        && one_run_after(cands, k)
    {
        return Some((k, Why::ClosingAddress));
    }
    let wish = |k: usize| {
        let t = texts[k];
        (t.starts_with("最后，") || t.starts_with("最后,"))
            && t.contains('祝')
            && texts.get(k + 1).is_some_and(|n| is_thanks(n))
    };
    if let Some(k) = (after..texts.len()).rev().find(|&k| body(k) && wish(k)) {
        return Some((k, Why::ClosingWish));
    }
    (after..texts.len())
        .rev()
        .find(|&k| body(k) && is_thanks(texts[k]))
        .map(|k| (k, Why::ClosingThanks))
}

/// Words of a closing that calls on or wishes its audience.
fn rallies(t: &str) -> bool {
    ["希望", "让我们", "祝", "号召", "期待", "期望"]
        .iter()
        .any(|w| t.contains(w))
}

/// After paragraph `k` come the points of one run, numbered from one, and their text.
fn one_run_after(cands: &[Cand], k: usize) -> bool {
    let mut want = 1;
    let mut group = None;
    for c in &cands[k + 1..] {
        match c {
            Cand::Point(p) => {
                if group.is_some_and(|g| g != p.group) || p.number != Some(want) {
                    return false;
                }
                group = Some(p.group);
                want += 1;
            }
            c if c.is_heading() => return false,
            _ => {}
        }
    }
    group.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closing(lines: &[(&str, Cand)]) -> Option<(usize, Why)> {
        let texts: Vec<&str> = lines.iter().map(|l| l.0).collect();
        let cands: Vec<Cand> = lines.iter().map(|l| l.1.clone()).collect();
        find_closing(&cands, &texts)
    }

    fn body() -> Cand {
        Cand::Body(Why::Body)
    }

    fn head() -> Cand {
        Cand::Unnumbered(Why::StandsAlone(2))
    }

    #[test]
    fn the_last_address_after_the_last_section() {
        let lines = [
            ("各位代表！过去一年很不平凡。", body()),
            ("三、加强政府自身建设", head()),
            (
                "各位代表！做好今年工作，对政府自身建设提出了更高要求。",
                body(),
            ),
            ("各位代表！我们要支持国防和军队建设。", body()),
            ("各位代表！让我们团结奋斗！", body()),
        ];
        assert_eq!(closing(&lines), Some((4, Why::ClosingAddress)));
    }

    #[test]
    fn a_wish_before_the_thanks_then_the_thanks() {
        let lines = [
            ("正文。", body()),
            ("最后，祝大家新年快乐！", body()),
            ("谢谢。", body()),
        ];
        assert_eq!(closing(&lines), Some((1, Why::ClosingWish)));
        let lines = [("正文。", body()), ("谢谢大家！", body())];
        assert_eq!(closing(&lines), Some((1, Why::ClosingThanks)));
        let lines = [("正文。", body()), ("让我们团结奋斗！", body())];
        assert_eq!(
            closing(&lines),
            None,
            "rallying without an address is no closing"
        );
    }
}
