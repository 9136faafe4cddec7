//! Physical lines to logical lines, repairing damaged layouts (spec §8): text flattened
//! onto a few huge lines is split (`flat`), hard-wrapped text is joined back into
//! paragraphs (`wrapped`), a heading broken after its bracket is joined, markdown marks
//! are stripped (`markdown`).

use super::chars::trim;
use super::flat::{runs_on, split_flattened};
use super::markdown;
use super::wrapped::{hard_wrap_width, join_hard_wrapped};
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
    /// What was repaired, in English and in Chinese.
    pub repaired: Option<(&'static str, &'static str)>,
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
            repaired: Some((
                "text was flattened onto few lines: split at its markers",
                "全文挤在少数几行里：已按序号分段",
            )),
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
    fn a_heading_broken_after_its_bracket_is_one_line() {
        let l = logical_lines("一、工作回顾\n（\n三）改革开放持续深化。\n正文。\n");
        assert_eq!(
            texts(&l),
            ["一、工作回顾", "（三）改革开放持续深化。", "正文。"]
        );
        assert_eq!(l.lines[1].no, 2, "the heading starts on the bracket's line");
    }
}
