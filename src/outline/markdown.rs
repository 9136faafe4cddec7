//! Markdown speeches (spec §10): `#` marks the title and `##` the parts. The marks are
//! stripped from the text and kept as the line's level; bold around a whole line goes too.

use super::layout::Line;
use std::borrow::Cow;

/// A markdown speech opens with a `#` heading. The extension is no evidence: collected
/// works are often saved as `.txt`.
pub fn is_markdown(lines: &[Line]) -> bool {
    lines
        .first()
        .is_some_and(|l| heading_level(&l.text).is_some())
}

/// `## 标题` → (2, `标题`).
fn heading_level(t: &str) -> Option<(u8, &str)> {
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &t[hashes..];
    let text = rest.trim_start_matches([' ', '\u{3000}', '\t']);
    (text.len() < rest.len() && !text.is_empty()).then_some((hashes as u8, text))
}

/// Strips heading marks and whole-line bold, recording the level on the line.
pub fn strip(lines: &mut [Line]) {
    for l in lines {
        if let Some((level, text)) = heading_level(&l.text) {
            let text = unbold(text);
            l.md = level;
            l.text = cut(&l.text, text);
        } else {
            let text = unbold(&l.text);
            if text.len() < l.text.len() {
                l.text = cut(&l.text, text);
            }
        }
    }
}

/// `**一、总体要求**` → `一、总体要求`.
fn unbold(t: &str) -> &str {
    t.strip_prefix("**")
        .and_then(|r| r.strip_suffix("**"))
        .filter(|r| !r.is_empty())
        .map_or(t, |r| r.trim())
}

/// `part`, a slice of `whole`, as a line text: borrowed when `whole` was.
fn cut<'a>(whole: &Cow<'a, str>, part: &str) -> Cow<'a, str> {
    match whole {
        Cow::Borrowed(w) => {
            let start = part.as_ptr() as usize - w.as_ptr() as usize;
            Cow::Borrowed(&w[start..start + part.len()])
        }
        Cow::Owned(_) => Cow::Owned(part.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line<'_>> {
        text.lines()
            .enumerate()
            .map(|(i, t)| Line {
                no: i + 1,
                text: Cow::Borrowed(t),
                md: 0,
            })
            .collect()
    }

    #[test]
    fn hashes_become_levels() {
        let mut l = lines(
            "# 论几种关系\n（一九五六年）\n## 一、总体要求\n**二、重点任务**\n#不是标题\n正文。",
        );
        assert!(is_markdown(&l));
        strip(&mut l);
        let got: Vec<(u8, &str)> = l.iter().map(|l| (l.md, l.text.as_ref())).collect();
        assert_eq!(
            got,
            [
                (1, "论几种关系"),
                (0, "（一九五六年）"),
                (2, "一、总体要求"),
                (0, "二、重点任务"),
                (0, "#不是标题"),
                (0, "正文。")
            ]
        );
    }

    #[test]
    fn a_hash_later_in_a_plain_speech_is_no_markdown() {
        let l = lines("在会上的讲话\n# 一、总体要求");
        assert!(!is_markdown(&l));
    }
}
