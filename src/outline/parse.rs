//! PLACEHOLDER parser: lines become paragraphs, `一、` lines level-1 headings,
//! `（一）` lines level-2. The real parser replaces this.

use super::model::*;

pub fn parse(text: &str, path: &str, stem: &str, encoding: &'static str) -> Document {
    let mut doc = Document {
        path: path.to_string(),
        title: stem.to_string(),
        subtitle: None,
        encoding,
        chars: 0,
        announced: None,
        closing_line: None,
        removed: vec![],
        warnings: vec![],
        nodes: vec![],
        paragraphs: vec![],
    };
    let mut stack: Vec<usize> = vec![];
    for (i, raw) in text.lines().enumerate() {
        let t = raw.trim_matches(|c: char| c.is_whitespace());
        if t.is_empty() {
            continue;
        }
        doc.chars += t.chars().filter(|c| !c.is_whitespace()).count();
        let level = if t.starts_with("一、") || t.starts_with("二、") || t.starts_with("三、")
        {
            Some(1)
        } else if t.starts_with("（一）") || t.starts_with("（二）") || t.starts_with("（三）")
        {
            Some(2)
        } else {
            None
        };
        let para = doc.paragraphs.len();
        let mut node = None;
        if let Some(level) = level {
            while stack.last().is_some_and(|&n| doc.nodes[n].level >= level) {
                stack.pop();
            }
            let id = doc.nodes.len();
            let marker_len = t
                .char_indices()
                .nth(if level == 1 { 2 } else { 3 })
                .map_or(t.len(), |x| x.0);
            doc.nodes.push(Node {
                level: stack.len() + 1,
                kind: Kind::Heading,
                marker: t[..marker_len].to_string(),
                title: t[marker_len..].to_string(),
                line: i + 1,
                chars: 0,
                parent: stack.last().copied(),
                end: id + 1,
                para,
            });
            for &a in &stack {
                doc.nodes[a].end = id + 1;
            }
            stack.push(id);
            node = Some(id);
        }
        doc.paragraphs.push(Paragraph {
            line: i + 1,
            role: if node.is_some() {
                Role::Heading
            } else {
                Role::Body
            },
            text: t.to_string(),
            node,
            lead: if node.is_some() { t.len() } else { 0 },
            inline_points: vec![],
        });
    }
    doc
}
