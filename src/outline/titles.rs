//! The title of a marked line (spec §5): where the heading's title ends and the body
//! run into its line begins, read past quotes and brackets.

use super::chars::{is_pad, norm, norm_chars};

/// Where the title of a marked line ends and its body begins (§5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleSplit {
    /// Byte range of the title in the line (marker, padding and trailing punctuation excluded).
    pub title: (usize, usize),
    /// Byte length of the heading part (marker, title and its terminator).
    pub lead: usize,
    /// A long line with no terminator at all: probably a lost line break.
    pub unterminated: bool,
}

const SHORT_TITLE: usize = 50;

/// Splits a heading line after a marker of `marker_len` bytes.
pub fn split_heading(line: &str, marker_len: usize) -> TitleSplit {
    let start = skip_after_marker(line, marker_len);
    let rest = &line[start..];
    let short = rest.chars().take(SHORT_TITLE + 1).count() <= SHORT_TITLE;
    if short
        && !rest
            .chars()
            .any(|c| matches!(norm(c), '。' | '！' | '？' | '；'))
    {
        let end = start + trim_trailing_punct(rest).len();
        return TitleSplit {
            title: (start, end),
            lead: line.len(),
            unterminated: false,
        };
    }
    match first_terminator(rest, true) {
        Some((i, len)) => TitleSplit {
            title: (start, start + trim_trailing_punct(&rest[..i]).len()),
            lead: start + i + len,
            unterminated: false,
        },
        None => TitleSplit {
            title: (start, start + trim_trailing_punct(rest).len()),
            lead: line.len(),
            unterminated: true,
        },
    }
}

/// The title of a point: its lead sentence, without the comma after the enumeration word.
pub fn split_point(line: &str, marker_len: usize) -> TitleSplit {
    let start = skip_after_marker(line, marker_len);
    let rest = &line[start..];
    let (end, lead) = match first_terminator(rest, true) {
        Some((i, len)) => (start + i, start + i + len),
        None => (line.len(), line.len()),
    };
    let title_end = start + trim_trailing_punct(&line[start..end]).len();
    TitleSplit {
        title: (start, title_end),
        lead,
        unterminated: false,
    }
}

/// Past the marker, skip padding and the comma/colon that follows an enumeration word.
fn skip_after_marker(line: &str, marker_len: usize) -> usize {
    let mut i = marker_len.min(line.len());
    while !line.is_char_boundary(i) {
        i -= 1;
    }
    for (j, c) in norm_chars(&line[i..]) {
        if !(is_pad(c) || matches!(c, '，' | '、' | '：' | '.')) {
            return i + j;
        }
    }
    line.len()
}

/// The first `。！？；：` outside quotes and brackets: (byte offset, byte length).
pub fn first_terminator(s: &str, colon: bool) -> Option<(usize, usize)> {
    let mut quotes = Quotes::default();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Ideographs U+4000..U+9FFF (lead bytes E4..E9) are most of a line and never
        // punctuation: stepped over without decoding.
        if (0xE4..=0xE9).contains(&b[i]) {
            i += 3;
            continue;
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        if quotes.ends_at(c, colon) {
            return Some((i, c.len_utf8()));
        }
        i += c.len_utf8();
    }
    None
}

/// How deep a reading is inside quotes and brackets, for `first_terminator`.
#[derive(Default)]
struct Quotes {
    depth: u32,
    ascii_quote: bool,
}

impl Quotes {
    /// Reads `c`; whether it ends the sentence (or the lead, at a colon when `colon`).
    fn ends_at(&mut self, c: char, colon: bool) -> bool {
        let outside = self.depth == 0 && !self.ascii_quote;
        match norm(c) {
            '“' | '‘' | '《' | '（' | '【' | '「' | '『' | '〔' => {
                self.depth = self.depth.saturating_add(1)
            }
            '”' | '’' | '》' | '）' | '】' | '」' | '』' | '〕' => {
                self.depth = self.depth.saturating_sub(1)
            }
            '"' => self.ascii_quote = !self.ascii_quote,
            '。' | '！' | '？' | '；' => return outside,
            '：' => return colon && outside,
            _ => {}
        }
        false
    }
}

/// Drops trailing punctuation and padding from a title.
pub fn trim_trailing_punct(s: &str) -> &str {
    s.trim_end_matches(|c: char| {
        is_pad(c)
            || matches!(
                norm(c),
                '。' | '！' | '？' | '；' | '：' | '，' | '、' | '.' | '…' | '—' | '-'
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::markers::{heading_marker, point_marker};

    /// `first_terminator` decoding every character, without the ideograph skip.
    fn first_terminator_by_chars(s: &str, colon: bool) -> Option<(usize, usize)> {
        let mut quotes = Quotes::default();
        s.char_indices()
            .find(|&(_, c)| quotes.ends_at(c, colon))
            .map(|(i, c)| (i, c.len_utf8()))
    }

    proptest::proptest! {
        #[test]
        fn first_terminator_skipping_ideographs_finds_the_same(s in "([“”《》（）()\"。！？；：:!?;甲乙䀀鿿]|\\PC){0,60}", colon: bool) {
            proptest::prop_assert_eq!(first_terminator(&s, colon), first_terminator_by_chars(&s, colon));
        }
    }

    fn title(line: &str) -> (&str, &str, bool) {
        let m = heading_marker(line).expect("marker");
        let s = split_heading(line, m.len);
        (&line[s.title.0..s.title.1], &line[s.lead..], s.unterminated)
    }

    #[test]
    fn heading_titles_and_run_in_bodies() {
        assert_eq!(
            title("一、守正创新：写好新时代答卷"),
            ("守正创新：写好新时代答卷", "", false)
        );
        assert_eq!(
            title("（一）提高站位，压实责任："),
            ("提高站位，压实责任", "", false)
        );
        assert_eq!(
            title("（二）抓实项目建设。今年全区安排重点项目一百个。"),
            ("抓实项目建设", "今年全区安排重点项目一百个。", false)
        );
        assert_eq!(
            title("1.关于“稳中求进，以进促稳”的要求。必须坚持。"),
            ("关于“稳中求进，以进促稳”的要求", "必须坚持。", false)
        );
        assert_eq!(
            title("一、 加强领导,压实责任"),
            ("加强领导,压实责任", "", false)
        );
        let long = format!("三、{}", "坚持以人民为中心的发展思想".repeat(6));
        let (t, rest, flag) = title(&long);
        assert_eq!((t.len(), rest, flag), (long.len() - "三、".len(), "", true));
        let colon = format!("二、抓统筹：{}。", "把各项工作往前赶".repeat(8));
        assert_eq!(title(&colon).0, "抓统筹");
    }

    #[test]
    fn point_titles_are_lead_sentences() {
        let line = "一是抓项目建设，推进重大工程。今年要开工五十个。";
        let p = point_marker(line).unwrap();
        let s = split_point(line, p.len);
        assert_eq!(&line[s.title.0..s.title.1], "抓项目建设，推进重大工程");
        assert_eq!(&line[s.lead..], "今年要开工五十个。");
        let line = "首先，要提高政治站位。";
        let p = point_marker(line).unwrap();
        let s = split_point(line, p.len);
        assert_eq!(&line[s.title.0..s.title.1], "要提高政治站位");
    }
}
