//! `gangmu outline --explain`: every line of the decoded file with the role the parser
//! gave it and why, one line each. The reasons are the ones the parser recorded with its
//! decisions, so the explanation cannot disagree with the outline.

use crate::lang::tr;
use crate::outline::{Document, Kind, Role};
use crate::text::{Ambiguous, sanitize, truncate};
use std::fmt::Write as _;

/// Columns of a line's text shown after its role.
const EXCERPT: usize = 40;

/// The explanation of `doc`, parsed from `text` with paragraph texts kept.
pub fn explain(doc: &Document, text: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "== {}  ({}, title: {})",
        sanitize(&doc.path),
        doc.encoding,
        sanitize(&doc.title)
    );
    let mut removed = doc.removed.iter().peekable();
    let mut paras = doc.paragraphs.iter().enumerate().peekable();
    let mut last_para_line = 0;
    for (i, raw) in text.split('\n').enumerate() {
        let no = i + 1;
        let mut said = false;
        while let Some(r) = removed.next_if(|r| r.line == no) {
            let _ = writeln!(
                out,
                "L{no} {}{} | {}",
                tr("删除", "junk"),
                paren(&r.why.shown()),
                excerpt(&r.text)
            );
            said = true;
        }
        while let Some((k, p)) = paras.next_if(|(_, p)| p.line == no) {
            let _ = writeln!(
                out,
                "L{no} {} | {}",
                role(doc, k),
                excerpt(doc.para_text(k))
            );
            let _ = p;
            last_para_line = no;
            said = true;
        }
        if said {
            continue;
        }
        if raw.trim().is_empty() {
            let _ = writeln!(out, "L{no} {}", tr("空行", "blank"));
        } else if last_para_line > 0 {
            let _ = writeln!(
                out,
                "L{no} {} | {}",
                crate::tr!("并入 L{last_para_line}", "joined to L{last_para_line}"),
                excerpt(raw.trim())
            );
        } else {
            let _ = writeln!(
                out,
                "L{no} {} | {}",
                tr("正文", "body"),
                excerpt(raw.trim())
            );
        }
    }
    out
}

/// `heading 一、 level 1 (numbered)`, `junk (…)`, `closing (last rallying paragraph)`.
fn role(doc: &Document, k: usize) -> String {
    let p = &doc.paragraphs[k];
    let why = paren(&p.why.shown());
    let plain = |w: crate::outline::Why| p.why == w;
    match p.role {
        Role::Title => format!("{}{why}", tr("标题", "title")),
        Role::Subtitle => format!("{}{why}", tr("副标题", "subtitle")),
        Role::Meta => format!("{}{why}", tr("讲话信息", "meta")),
        Role::Salutation => tr("称呼", "salutation").into(),
        Role::Body if plain(crate::outline::Why::Body) => tr("正文", "body").into(),
        Role::Body => format!("{}{why}", tr("正文", "body")),
        Role::Heading => match p.node.map(|n| &doc.nodes[n]) {
            Some(n) => {
                let kind = match n.kind {
                    Kind::Heading => tr("标题", "heading"),
                    Kind::Point => tr("列举", "point"),
                };
                let marker = doc.node_marker(n);
                let marker = if marker.is_empty() {
                    String::new()
                } else {
                    format!(" {}", sanitize(marker))
                };
                let level = n.level;
                crate::tr!(
                    "{kind}{marker} 第 {level} 级{why}",
                    "{kind}{marker} level {level}{why}"
                )
            }
            None => format!("{}{why}", tr("标题", "heading")),
        },
        Role::Closing if plain(crate::outline::Why::InClosing) => tr("结束语", "closing").into(),
        Role::Closing => format!("{}{why}", tr("结束语", "closing")),
        Role::Appendix if plain(crate::outline::Why::Appendix) => tr("附件", "appendix").into(),
        Role::Appendix => format!("{}{why}", tr("附件", "appendix")),
    }
}

/// A reason in brackets of the language's width: `（有序号）`, ` (numbered)`.
fn paren(why: &str) -> String {
    crate::tr!("（{why}）", " ({why})")
}

fn excerpt(t: &str) -> String {
    let clean = sanitize(t);
    let (cut, _) = truncate(&clean, EXCERPT, Ambiguous::Narrow);
    cut.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::parse;

    #[test]
    fn every_line_gets_its_role_and_reason() {
        crate::lang::pin(crate::lang::Lang::En);
        let text = "来源：某某日报\n在全市工作会议上的讲话\n\n同志们：\n一、总体要求\n各项工作要扎实推进。\n二、重点任务\n各项工作要扎实推进。\n同志们，让我们共同努力！\n";
        let doc = parse(text, "t.txt", "t", "UTF-8");
        let out = explain(&doc, text);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[1].starts_with("L1 junk (web label: 来源)"), "{out}");
        assert!(lines[2].starts_with("L2 title (title wording)"), "{out}");
        assert!(lines[3].starts_with("L3 blank"), "{out}");
        assert!(lines[4].starts_with("L4 salutation"), "{out}");
        assert!(
            lines[5].starts_with("L5 heading 一、 level 1 (numbered)"),
            "{out}"
        );
        assert!(
            lines[9].starts_with("L9 closing (last rallying paragraph)"),
            "{out}"
        );
        assert_eq!(lines.len(), 1 + text.split('\n').count());
    }

    #[test]
    fn controls_from_the_file_are_shown_escaped() {
        let text = "在会上的讲话\x1b[2J\n同志们：\n正文\u{202e}。\n";
        let doc = parse(text, "t.txt", "t", "UTF-8");
        let out = explain(&doc, text);
        assert!(
            !out.chars()
                .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
            "{out}"
        );
    }

    #[test]
    fn in_chinese_the_roles_and_reasons_are_chinese() {
        crate::lang::pin(crate::lang::Lang::Zh);
        let text = "来源：某某日报\n在全市工作会议上的讲话\n同志们：\n一、总体要求\n各项工作要扎实推进。\n二、重点任务\n各项工作要扎实推进。\n同志们，让我们共同努力！\n";
        let doc = parse(text, "t.txt", "t", "UTF-8");
        let out = explain(&doc, text);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[1].starts_with("L1 删除（网页标签：来源）"), "{out}");
        assert!(lines[2].starts_with("L2 标题（标题用语）"), "{out}");
        assert!(
            lines[4].starts_with("L4 标题 一、 第 1 级（有序号）"),
            "{out}"
        );
        assert!(lines[8].starts_with("L8 结束语（最后一段号召）"), "{out}");
    }
}
