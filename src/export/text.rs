//! The outline as an indented text tree a person can read.

use crate::color::{Paint, style};
use crate::outline::{Document, Kind};
use crate::text::sanitize;
use crate::tr;

/// The document as an indented text tree. It goes to a terminal, so
/// control characters and bidi overrides from the file are shown, never sent raw.
pub fn to_text(doc: &Document) -> String {
    to_text_painted(doc, false)
}

/// `to_text`, coloured when `color`: the path as search shows it, the title and the
/// headings' titles bold, markers (and 结束语, 附件) in their colour, `warning` as rustc
/// colours it. Painting adds codes around the sanitized text and changes nothing else.
pub fn to_text_painted(doc: &Document, color: bool) -> String {
    use std::fmt::Write as _;
    let p = Paint(color);
    let mut s = String::new();
    let zh = crate::lang::is_zh();
    let mut facts = vec![doc.encoding.to_string(), format!("{}字", doc.chars)];
    if let Some(n) = doc.announced {
        facts.push(tr!("预告 {n} 部分", "announced {n}"));
    }
    if !doc.removed.is_empty() {
        let n = doc.removed.len();
        facts.push(tr!("删除杂项 {n} 行", "{n} junk lines removed"));
    }
    let path = p.paint(style::PATH, &sanitize(&doc.path));
    let _ = if zh {
        writeln!(s, "== {path}（{}）", facts.join("，"))
    } else {
        writeln!(s, "== {path}  ({})", facts.join(", "))
    };
    let _ = writeln!(s, "{}", p.paint(style::BOLD, &sanitize(&doc.title)));
    if let Some(sub) = &doc.subtitle {
        let _ = writeln!(s, "{}", sanitize(sub));
    }
    for n in &doc.nodes {
        let indent = "  ".repeat(n.level);
        let (marker, title) = (doc.node_marker(n), doc.node_title(n));
        // The label as written (`一、标题`, `一　标题`, `一是 标题`), in two parts: the
        // marker, and what follows it.
        let (rest, title_style) = match n.kind {
            Kind::Heading => {
                let label = crate::outline::label(marker, title);
                (label[marker.len()..].to_string(), style::BOLD)
            }
            Kind::Point if marker.is_empty() => (title.to_string(), ""),
            Kind::Point => (format!(" {title}"), ""),
        };
        let (line, chars) = (n.line, n.chars);
        let _ = writeln!(
            s,
            "{indent}{}{}  {}",
            p.paint(style::MARKER, &sanitize(marker)),
            p.paint(title_style, &sanitize(&rest)),
            tr!("［第{line}行，{chars}字］", "[L{line}, {chars}字]")
        );
    }
    if let Some(l) = doc.closing_line {
        let at = tr!("［第{l}行］", "[L{l}]");
        let _ = writeln!(s, "  {}  {at}", p.paint(style::MARKER, "结束语"));
    }
    if let Some(l) = doc.appendix_line {
        let at = tr!("［第{l}行］", "[L{l}]");
        let _ = writeln!(s, "  {}  {at}", p.paint(style::MARKER, "附件"));
    }
    for w in &doc.warnings {
        let (line, text) = (w.line, sanitize(w.text()));
        let label = p.paint(style::WARNING, crate::lang::tr("警告", "warning"));
        let _ = if zh {
            writeln!(s, "  {label} 第{line}行：{text}")
        } else {
            writeln!(s, "  {label} L{line}: {text}")
        };
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::parse;

    #[test]
    fn text_export_shows_controls_and_bidi_overrides() {
        crate::lang::pin(crate::lang::Lang::En);
        let doc = parse(
            "在会上的讲话\x1b]52;c;eA==\x07\u{202e}\n同志们：\n一、抓项目\n正文。\n",
            "a\x1b[2J.txt",
            "a",
            "UTF-8",
        );
        let text = to_text(&doc);
        assert!(text.contains("␛]52;c;eA==␇\u{fffd}"), "{text}");
        assert!(text.contains("a␛[2J.txt"), "{text}");
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
    }

    #[test]
    fn text_export_sends_no_control_bytes_from_the_file() {
        let src = "在会议上的讲话\x1b]0;pwned\x07\n同志们：\n一、清屏\x1b[2J\x1b[?1049l\n正文\x1b[6n。\n二、\u{202e}标题\u{9b}31m\n正文。\n";
        let doc = parse(src, "a\x1b[2J.txt", "a", "UTF-8");
        let text = to_text(&doc);
        let bad: Vec<char> = text
            .chars()
            .filter(|&c| (c.is_control() && c != '\n') || ('\u{202A}'..='\u{202E}').contains(&c))
            .collect();
        assert!(bad.is_empty(), "{bad:?} in {text}");
        assert!(text.contains("清屏␛[2J␛["), "{text}");
        assert!(text.contains("a␛[2J.txt"), "{text}");
    }
}
