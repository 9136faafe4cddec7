//! The outline as Markdown, to paste into a document: the title as `#`, the subtitle
//! under it, then the nodes as a nested list (two spaces a level, as CommonMark nests
//! `- ` items), each with its 字数 and line, and the closing and appendix last.

use crate::outline::{Document, Kind, label};
use crate::text::sanitize;
use std::fmt::Write as _;

/// The document as Markdown. It may go to a terminal, so text from the file is
/// sanitized before it is escaped.
pub fn to_markdown(doc: &Document) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}", escape(&sanitize(&doc.title)));
    if let Some(sub) = &doc.subtitle {
        let _ = write!(s, "\n{}\n", escape(&sanitize(sub)));
    }
    let has_list = !doc.nodes.is_empty() || doc.closing_line.is_some();
    if has_list || doc.appendix_line.is_some() {
        s.push('\n');
    }
    for n in &doc.nodes {
        let indent = "  ".repeat(n.level.saturating_sub(1));
        let (marker, title) = (doc.node_marker(n), doc.node_title(n));
        // As the text output writes them: a point's marker apart from its words
        // (`第一 压实…`), since the mark after it (`第一，`) is not kept.
        let text = match n.kind {
            Kind::Point if !marker.is_empty() && !title.is_empty() => format!("{marker} {title}"),
            _ => label(marker, title),
        };
        let (text, chars, line) = (escape(&sanitize(&text)), thousands(n.chars), n.line);
        let _ = writeln!(
            s,
            "{indent}- {}",
            crate::tr!(
                "{text}（{chars}字，第{line}行）",
                "{text} ({chars} characters, line {line})"
            )
        );
    }
    if let Some(l) = doc.closing_line {
        let _ = writeln!(
            s,
            "- {}",
            crate::tr!("结束语（第{l}行）", "结束语 (line {l})")
        );
    }
    if let Some(l) = doc.appendix_line {
        let _ = writeln!(s, "- {}", crate::tr!("附件（第{l}行）", "附件 (line {l})"));
    }
    s
}

/// `1234567` → `1,234,567`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Text that renders as written: the ASCII marks that mean something inline
/// (emphasis, code, links, HTML, entities, strikethrough, a heading's closing `#`) get a
/// backslash, and so does what would open a block at the start of a line (`> `, `- `,
/// `+ `, `1. `, `1) `, `=`). Chinese punctuation means nothing to Markdown and is left.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // A leading run of digits followed by `.` or `)` would start an ordered list.
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    // Only before a space (or at the end) do they open a block: `1.事故` is no list.
    let spaced = |i: usize| {
        text[i..]
            .chars()
            .nth(1)
            .is_none_or(|n| n == ' ' || n == '\t')
    };
    for (i, c) in text.char_indices() {
        let at_start = i == 0;
        let starts_block = match c {
            '-' | '+' => at_start && spaced(i),
            '=' => at_start,
            '.' | ')' => digits > 0 && i == digits && spaced(i),
            _ => false,
        };
        if starts_block
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '&' | '~' | '|'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1234), "1,234");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn markdown_marks_are_escaped_and_chinese_left_alone() {
        assert_eq!(escape("一、总体要求"), "一、总体要求");
        assert_eq!(escape("抓好*重点*和_难点_"), "抓好\\*重点\\*和\\_难点\\_");
        assert_eq!(escape("[附件]<b>&amp;"), "\\[附件\\]\\<b\\>\\&amp;");
        // Only before a space is `1.` a list: `1.事故` and `1.5亿元` stay as written.
        assert_eq!(escape("1.5亿元"), "1.5亿元");
        assert_eq!(escape("1.事故总量"), "1.事故总量");
        assert_eq!(escape("1. 事故"), "1\\. 事故");
        assert_eq!(escape("-列表"), "-列表");
        assert_eq!(escape("2) 办法"), "2\\) 办法");
        assert_eq!(escape("- 列表"), "\\- 列表");
        assert_eq!(escape("a-b"), "a-b");
        assert_eq!(escape("标题 #"), "标题 \\#");
        assert_eq!(escape("（一）抓好"), "（一）抓好");
    }
}
