//! Cutting a text with very many lines into parts the line passes read one at a time.
//!
//! The line passes keep a few hundred bytes per line while they run; a file of millions
//! of short lines would need gigabytes for them at once. Parts of at most `PART_LINES`
//! lines bound that, whatever the line lengths. A speech (a few thousand lines) is
//! always one part; the tree is built over all parts, so headings nest across them.

/// Lines per part: about 30 MB of line records at a time.
pub const PART_LINES: usize = 1 << 17;
/// How far past its share a part may run to end at a blank line, where a paragraph
/// (perhaps hard-wrapped over several lines) certainly ends.
const BLANK_SEARCH: usize = 2_000;

/// One part: the 0-based line number of its first line, and its text (without the line
/// break that ends it).
pub type Part<'a> = (usize, &'a str);

/// `text` cut at line breaks into parts of at most `max` lines (plus `BLANK_SEARCH`
/// when that reaches a blank line), of about equal size.
pub fn parts(text: &str, max: usize) -> Vec<Part<'_>> {
    let max = max.max(1);
    // Fewer bytes than `max` means fewer lines: the usual case costs nothing.
    if text.len() < max {
        return vec![(0, text)];
    }
    // Counted, not collected: a list of the breaks would cost 8 bytes a line.
    let bytes = text.as_bytes();
    let lines = memchr::memchr_iter(b'\n', bytes).count() + 1;
    if lines <= max {
        return vec![(0, text)];
    }
    let share = lines.div_ceil(lines.div_ceil(max));
    // The break ending the line that starts at `from`, if it is not the last line.
    let end_of = |from: usize| memchr::memchr(b'\n', &bytes[from..]).map(|i| from + i);
    let mut out = Vec::new();
    let (mut first, mut start) = (0, 0);
    'parts: while lines - first > share {
        // Line `j`, from `from` to the break `brk`: first the part's last by its share…
        let (mut j, mut from, mut brk, mut next) = (first, start, start, start);
        for n in 0..share {
            let Some(b) = end_of(next) else {
                break 'parts;
            };
            (j, from, brk, next) = (first + n, next, b, b + 1);
        }
        // …then a blank line soon after, if there is one.
        let mut cut = (j, brk);
        for _ in 0..=BLANK_SEARCH {
            if text[from..brk].trim().is_empty() {
                cut = (j, brk);
                break;
            }
            let Some(b) = end_of(brk + 1) else { break };
            (j, from, brk) = (j + 1, brk + 1, b);
        }
        out.push((first, &text[start..cut.1]));
        (first, start) = (cut.0 + 1, cut.1 + 1);
    }
    out.push((first, &text[start..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(parts: &[Part]) -> String {
        parts.iter().map(|p| p.1).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn short_texts_are_one_part() {
        assert_eq!(parts("甲\n乙\n", 3), vec![(0, "甲\n乙\n")]);
        assert_eq!(parts("", 3), vec![(0, "")]);
    }

    #[test]
    fn parts_cover_the_text_with_their_first_line_numbers() {
        let text: String = (0..10).map(|i| format!("l{i}\n")).collect();
        let got = parts(&text, 3);
        assert_eq!(joined(&got), text);
        for (first, part) in &got {
            assert!(part.split('\n').count() <= 3 + BLANK_SEARCH);
            assert!(part.starts_with(&format!("l{first}")) || part.is_empty());
        }
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn a_part_ends_at_a_blank_line_when_one_is_near() {
        let text = "a\nb\nc\nd\n\ne\nf\ng\nh";
        let got = parts(text, 4);
        assert_eq!(got, vec![(0, "a\nb\nc\nd\n"), (5, "e\nf\ng"), (8, "h")]);
        assert_eq!(joined(&got), text);
    }
}
