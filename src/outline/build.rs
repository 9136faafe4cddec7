//! The document under construction: the paragraphs and outline items the line passes
//! find, part after part, and the tree, 字数 and warnings made from them at the end.
//!
//! It keeps what the line passes leave behind and nothing per line beyond that: with
//! `Text::Drop` only the paragraphs an outline points at (node starts, the closing, the
//! appendix) are kept, so an outline's memory follows its headings, not its lines.

use super::chars::count_chars;
use super::framing::announced_count;
use super::model::*;
use super::nesting::{Item, ItemKind, family_ranks, parents};
use super::numbering::check_numbering;
use super::parse::Text;
use super::why::Why;
use std::borrow::Cow;
use std::ops::Range;

/// Titles longer than this are cut (a lost line break can make a heading huge).
const MAX_TITLE_CHARS: usize = 1000;
/// Warnings kept per document.
const MAX_WARNINGS: usize = 100;
/// Outline nodes per document, at least. A collected-works volume has a few thousand;
/// past this a file is a list, not a speech, and the rest of its headings are read as
/// text. A bigger file may hold more: see `node_limit`.
pub const MAX_NODES: usize = 100_000;
/// Bytes of text per node allowed past `MAX_NODES`: a node costs about 250 bytes while
/// the tree is built, so this keeps an outline within 3× its file (a year of a newspaper
/// in one 200 MB file may have 1.25 million headings).
const BYTES_PER_NODE: usize = 160;

/// How many nodes the outline of a text of `len` bytes holds.
pub fn node_limit(len: usize) -> usize {
    MAX_NODES.max(len / BYTES_PER_NODE)
}
/// Removed lines listed per document; the rest are counted in a warning.
pub const MAX_REMOVED: usize = 100_000;

/// An outline item waiting for the tree: where it starts and its label in `labels`.
struct Pending {
    item: Item,
    para: usize,
    line: usize,
    label: Range<usize>,
    marker_len: usize,
}

/// A node a line pass found, with its paragraph.
pub struct Found<'t> {
    pub item: Item,
    pub marker: &'t str,
    pub title: &'t str,
    /// Byte length of the part shown as heading (marker + title).
    pub lead: usize,
    /// The heading has no sentence end: a line break was probably lost.
    pub flagged: bool,
}

pub struct Builder {
    keep: Text,
    paragraphs: Vec<Paragraph>,
    /// Speech characters before each paragraph in `paragraphs`.
    before: Vec<usize>,
    /// Characters of every paragraph read so far.
    chars: usize,
    text: String,
    labels: String,
    pending: Vec<Pending>,
    removed: Vec<Removed>,
    unlisted: usize,
    warnings: Vec<Warning>,
    closing_para: Option<usize>,
    appendix_para: Option<usize>,
    /// The first count announced in the preamble, with its line.
    announced: Option<(usize, usize)>,
    /// A node or the closing has been read: the preamble is over.
    preamble_over: bool,
    /// Nodes this document may hold: `node_limit`.
    max_nodes: usize,
    /// Headings read as text once `max_nodes` was reached, and the first one's line.
    over_nodes: usize,
    over_nodes_line: Option<usize>,
    /// Line of the first paragraph: where a cut title is reported.
    first_line: Option<usize>,
}

impl Builder {
    pub fn new(keep: Text, text_len: usize) -> Builder {
        let mut text = String::new();
        if keep == Text::Keep {
            text.reserve(text_len);
        }
        Builder {
            keep,
            paragraphs: Vec::new(),
            before: Vec::new(),
            chars: 0,
            text,
            labels: String::new(),
            pending: Vec::new(),
            // Most speeches have a few junk lines and warnings: room for them up front.
            removed: Vec::with_capacity(8),
            unlisted: 0,
            warnings: Vec::with_capacity(8),
            closing_para: None,
            appendix_para: None,
            announced: None,
            preamble_over: false,
            max_nodes: node_limit(text_len),
            over_nodes: 0,
            over_nodes_line: None,
            first_line: None,
        }
    }

    /// Room for `n` more paragraphs when they are all kept.
    pub fn reserve(&mut self, n: usize) {
        if self.keep == Text::Keep {
            self.paragraphs.reserve(n);
            self.before.reserve(n);
        }
    }

    pub fn warn(
        &mut self,
        kind: WarnKind,
        line: usize,
        message: impl Into<String>,
        zh: impl Into<String>,
    ) {
        self.warnings.push(Warning::new(kind, line, message, zh));
    }

    /// Warns once per document, however many parts find the same thing.
    pub fn warn_once(&mut self, kind: WarnKind, line: usize, (message, zh): (&str, &str)) {
        if !self.warnings.iter().any(|w| w.message == message) {
            self.warn(kind, line, message, zh);
        }
    }

    /// Lines removed as junk, in line order after those of earlier parts.
    pub fn remove(&mut self, mut lines: Vec<Removed>) {
        lines.sort_by_key(|r| r.line);
        let room = MAX_REMOVED.saturating_sub(self.removed.len());
        if lines.len() > room {
            self.unlisted += lines.len() - room;
            lines.truncate(room);
        }
        self.removed.append(&mut lines);
    }

    /// The next paragraph of the speech, with the node it starts, if any.
    pub fn push(&mut self, line: usize, role: Role, why: Why, t: &str, node: Option<Found>) {
        let mut role = role;
        let node = match node {
            Some(_) if self.pending.len() >= self.max_nodes => {
                self.over_nodes += 1;
                self.over_nodes_line.get_or_insert(line);
                role = Role::Body;
                None
            }
            n => n,
        };
        if !self.preamble_over {
            if node.is_some() || role == Role::Closing {
                self.preamble_over = true;
            } else if self.announced.is_none() && matches!(role, Role::Body | Role::Salutation) {
                self.announced = announced_count(t).map(|n| (n, line));
            }
        }
        self.first_line.get_or_insert(line);
        let landmark = node.is_some()
            || (role == Role::Closing && self.closing_para.is_none())
            || (role == Role::Appendix && self.appendix_para.is_none());
        let chars = count_chars(t);
        if self.keep == Text::Drop && !landmark {
            self.chars += chars;
            return;
        }
        let index = self.paragraphs.len();
        match role {
            Role::Closing if self.closing_para.is_none() => self.closing_para = Some(index),
            Role::Appendix if self.appendix_para.is_none() => self.appendix_para = Some(index),
            _ => {}
        }
        let mut p = Paragraph {
            line,
            role,
            why,
            span: 0..0,
            node: None,
            lead: 0,
        };
        if self.keep == Text::Keep {
            let start = self.text.len();
            self.text.push_str(t);
            p.span = start..self.text.len();
        }
        if let Some(found) = node {
            p.node = Some(self.pending.len());
            p.lead = found.lead;
            if found.flagged {
                self.warn(
                    WarnKind::LostBreak,
                    line,
                    "heading line has no sentence end: a line break was probably lost",
                    "标题行后面没有句末标点：可能丢了一个换行",
                );
            }
            let title = cap_title(found.title, line, &mut self.warnings);
            let start = self.labels.len();
            self.labels.push_str(found.marker);
            self.labels.push_str(&title);
            self.pending.push(Pending {
                item: found.item,
                para: index,
                line,
                label: start..self.labels.len(),
                marker_len: found.marker.len(),
            });
        }
        self.paragraphs.push(p);
        self.before.push(self.chars);
        self.chars += chars;
    }

    /// The tree, 字数 and the document-wide warnings.
    pub fn finish(
        mut self,
        path: &str,
        title: Option<&str>,
        subtitle: Option<String>,
        stem: &str,
        encoding: &'static str,
    ) -> Document {
        let items: Vec<Item> = self.pending.iter().map(|p| p.item.clone()).collect();
        let ranks = family_ranks(&items);
        let parent = parents(&items, &ranks);
        let mut nodes: Vec<Node> = Vec::with_capacity(items.len());
        for (idx, p) in self.pending.iter().enumerate() {
            let level = parent[idx].map_or(1, |q| nodes[q].level + 1);
            let kind = match p.item.kind {
                ItemKind::Heading { .. } | ItemKind::Lead => Kind::Heading,
                ItemKind::Point { .. } => Kind::Point,
            };
            let mut node = Node::new(level, kind, p.line, p.label.clone(), p.marker_len);
            (node.parent, node.end, node.para) = (parent[idx], idx + 1, p.para);
            nodes.push(node);
        }
        for j in (0..nodes.len()).rev() {
            if let Some(p) = nodes[j].parent {
                nodes[p].end = nodes[p].end.max(nodes[j].end);
            }
        }
        // 字数: the appendix is not the speech, nor is the closing part of any section.
        let before = |i: usize| self.before.get(i).copied().unwrap_or(self.chars);
        let speech_end = self.appendix_para.unwrap_or(self.paragraphs.len());
        let stop = self.closing_para.unwrap_or(speech_end);
        for i in 0..nodes.len() {
            let end = nodes[i].end;
            let to = if end < nodes.len() {
                nodes[end].para
            } else {
                stop
            };
            nodes[i].chars = before(to.max(nodes[i].para)) - before(nodes[i].para);
        }
        let chars = before(speech_end);

        check_numbering(&nodes, &self.labels, &items, &mut self.warnings);
        if let Some((n, line)) = self.announced {
            let top = nodes.iter().filter(|n| n.level == 1).count();
            if top != n {
                self.warn(
                    WarnKind::Announced,
                    line,
                    format!("announced {n} parts, but found {top} top-level sections"),
                    format!("预告讲 {n} 个方面，实际找到 {top} 个一级标题"),
                );
            }
        }
        let title = match title {
            Some(t) => {
                let line = self.first_line.unwrap_or(1);
                cap_title(t, line, &mut self.warnings).into_owned()
            }
            None => stem.to_string(),
        };
        let mut warnings = self.warnings;
        warnings.sort_by(|a, b| (a.line, &a.message).cmp(&(b.line, &b.message)));
        // A broken file can have a warning per line; the first ones say what is wrong.
        if warnings.len() > MAX_WARNINGS {
            let more = warnings.len() - MAX_WARNINGS;
            warnings.truncate(MAX_WARNINGS);
            let line = warnings.last().map_or(1, |w| w.line);
            warnings.push(Warning::new(
                WarnKind::Limit,
                line,
                format!("… and {more} more warnings"),
                format!("……另有 {more} 条提示"),
            ));
        }
        // What the limits cut is said last, after the cap on warnings: it is about
        // the whole file.
        if let Some(line) = self.over_nodes_line {
            let n = self.over_nodes;
            warnings.push(Warning::new(
                WarnKind::Limit,
                line,
                format!("{n} more headings than the {MAX_NODES} an outline holds: read as text"),
                format!("标题超过纲目上限 {MAX_NODES} 个，多出的 {n} 个按正文处理"),
            ));
        }
        if self.unlisted > 0 {
            let n = self.unlisted;
            warnings.push(Warning::new(
                WarnKind::Limit,
                self.removed.last().map_or(1, |r| r.line),
                format!("{n} more junk lines removed than the {MAX_REMOVED} listed"),
                format!("删除的杂行超过列出的 {MAX_REMOVED} 行，另有 {n} 行未列出"),
            ));
        }
        let paragraphs = self.paragraphs;
        // Reserved for the whole input; junk and indentation were left out.
        let mut text = self.text;
        text.shrink_to_fit();
        Document {
            path: path.to_string(),
            title,
            subtitle,
            encoding,
            chars,
            announced: self.announced.map(|a| a.0),
            closing_line: self.closing_para.map(|c| paragraphs[c].line),
            appendix_line: self.appendix_para.map(|a| paragraphs[a].line),
            removed: self.removed,
            warnings,
            nodes,
            paragraphs,
            labels: self.labels,
            text,
        }
    }
}

fn cap_title<'a>(
    title: impl Into<Cow<'a, str>>,
    line: usize,
    warnings: &mut Vec<Warning>,
) -> Cow<'a, str> {
    let title = title.into();
    // Fewer bytes than the cap means fewer characters too.
    if title.len() <= MAX_TITLE_CHARS {
        return title;
    }
    match title.char_indices().nth(MAX_TITLE_CHARS) {
        None => title,
        Some((cut, _)) => {
            warnings.push(Warning::new(
                WarnKind::TitleCut,
                line,
                format!("title longer than {MAX_TITLE_CHARS} characters: cut"),
                format!("标题超过 {MAX_TITLE_CHARS} 字，已截断"),
            ));
            Cow::Owned(format!("{}…", &title[..cut]))
        }
    }
}
