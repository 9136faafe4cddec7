//! The outline model: what the parser produces and every consumer reads.

use super::why::Why;
use serde::Serialize;
use std::ops::Range;

/// What a node is: a numbered or unnumbered heading, or an enumerated point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Heading,
    Point,
}

/// One node of the outline, kept in a flat pre-order array (`Document::nodes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Depth in the tree, 1 = top.
    pub level: usize,
    pub kind: Kind,
    /// Where its marker and title are in `Document::labels`, one after the other: one
    /// string per speech rather than one per node. See `Document::node_marker` and
    /// `Document::node_title`.
    label: Range<usize>,
    /// Byte length of the marker at the start of `label`.
    marker_len: usize,
    /// 1-based line in the decoded file.
    pub line: usize,
    /// Non-whitespace characters of its text, children included.
    pub chars: usize,
    /// Index of the parent node in `Document::nodes`.
    pub parent: Option<usize>,
    /// One past the last node of this node's subtree (pre-order).
    pub end: usize,
    /// Index in `Document::paragraphs` of the paragraph where the node starts.
    pub para: usize,
}

impl Node {
    /// A node whose marker and title are `labels[label]` (the future
    /// `Document::labels`), the marker its first `marker_len` bytes. The tree fields
    /// (`parent`, `end`, `para`, `chars`) are the parser's to fill in.
    pub fn new(
        level: usize,
        kind: Kind,
        line: usize,
        label: Range<usize>,
        marker_len: usize,
    ) -> Node {
        Node {
            level,
            kind,
            label,
            marker_len,
            line,
            chars: 0,
            parent: None,
            end: 0,
            para: 0,
        }
    }

    /// Its marker, given the labels string it was appended to.
    pub fn marker_in<'a>(&self, labels: &'a str) -> &'a str {
        labels
            .get(self.label.start..self.label.start + self.marker_len)
            .unwrap_or("")
    }

    /// Its title, given the labels string it was appended to.
    pub fn title_in<'a>(&self, labels: &'a str) -> &'a str {
        labels
            .get(self.label.start + self.marker_len..self.label.end)
            .unwrap_or("")
    }
}

/// A node's marker and title as one label: `一、总体要求`, `一是抓项目`; an old-style
/// numeral keeps the space it was written with (`一　工业和农业的关系`).
pub fn label(marker: &str, title: &str) -> String {
    let mut out = String::with_capacity(marker.len() + 3 + title.len());
    push_label(&mut out, marker, title);
    out
}

/// `label`, written at the end of `out`.
pub fn push_label(out: &mut String, marker: &str, title: &str) {
    let old_style =
        !marker.is_empty() && !title.is_empty() && marker.chars().all(super::chars::is_cn_numeral);
    out.push_str(marker);
    if old_style {
        out.push('\u{3000}');
    }
    out.push_str(title);
}

/// What a paragraph of the reading text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Subtitle,
    Meta,
    Salutation,
    Body,
    /// A paragraph that starts a node (heading or point); see `Paragraph::node`.
    Heading,
    Closing,
    /// After the speech: `附件`, `名词解释`, `注释` and what follows them.
    Appendix,
}

/// An enumeration word in the middle of a paragraph (`…：一是抓项目；二是…`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InlinePoint {
    /// Byte offset of the marker in the paragraph text.
    pub offset: usize,
    pub marker: String,
}

/// One paragraph of the speech as it is read, junk removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub line: usize,
    pub role: Role,
    /// Why it has its role (`gangmu outline --explain`).
    pub why: Why,
    /// Where its text (the line as written, trimmed of indentation) is in
    /// `Document::text`: see `Document::para_text`.
    pub span: Range<usize>,
    /// The node this paragraph starts, if any.
    pub node: Option<usize>,
    /// Byte length of the part shown as heading (marker + title) when `node` is set.
    pub lead: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub line: usize,
    pub text: String,
    /// Why it was removed; `--explain` shows it, the JSON does not.
    #[serde(skip)]
    pub why: Why,
}

/// What a warning is about, so that a consumer (`gangmu check`) can tell warnings
/// apart without reading their English messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarnKind {
    /// Sibling numbering that does not start at one (`二、` first).
    NumberingStart,
    /// A number skipped (`一、` then `三、`).
    NumberingGap,
    /// A number said twice (`（二）` then `（二）`).
    NumberingRepeat,
    /// A number lower than the one before (`（三）` then `（二）`).
    NumberingRestart,
    /// One level written two ways (`1.` and `1、`, `（一）` and `一、`).
    MixedStyle,
    /// The preamble announces a count the top-level sections do not match.
    Announced,
    /// A long heading line with no sentence end: a line break was probably lost.
    LostBreak,
    /// Flattened or hard-wrapped text the layout pass repaired.
    Repaired,
    /// Bytes or characters that could not be decoded.
    Decoding,
    /// A title cut at the length limit.
    TitleCut,
    /// A limit of the outline reached (warnings, nodes, junk lines listed).
    Limit,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub line: usize,
    pub message: String,
    /// The same in Chinese, shown when that is the interface language (JSON keeps the
    /// English `message`, the same in both).
    #[serde(skip)]
    pub zh: String,
    /// What it is about; the JSON does not show it.
    #[serde(skip)]
    pub kind: WarnKind,
}

impl Warning {
    /// The message in the interface language, chosen when it is shown.
    pub fn text(&self) -> &str {
        if crate::lang::is_zh() {
            &self.zh
        } else {
            &self.message
        }
    }

    pub fn new(
        kind: WarnKind,
        line: usize,
        message: impl Into<String>,
        zh: impl Into<String>,
    ) -> Self {
        Warning {
            line,
            message: message.into(),
            zh: zh.into(),
            kind,
        }
    }
}

/// A parsed speech.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub path: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub encoding: &'static str,
    /// Non-whitespace characters of the speech, junk excluded.
    pub chars: usize,
    pub announced: Option<usize>,
    pub closing_line: Option<usize>,
    /// Where an appendix after the speech starts (`附件`, `名词解释`, `注释`), if any.
    pub appendix_line: Option<usize>,
    pub removed: Vec<Removed>,
    pub warnings: Vec<Warning>,
    /// Pre-order; a node's subtree is `nodes[i + 1..nodes[i].end]`.
    pub nodes: Vec<Node>,
    pub paragraphs: Vec<Paragraph>,
    /// The nodes' markers and titles one after another: see `node_marker`, `node_title`.
    pub labels: String,
    /// The paragraphs' texts one after another, in one allocation rather than one per
    /// paragraph; empty when parsed with `Text::Drop`.
    pub text: String,
}

impl Document {
    /// Indices of the children of `parent` (`None` = top level), in order.
    pub fn children_of(&self, parent: Option<usize>) -> impl Iterator<Item = usize> + '_ {
        let (mut i, end) = match parent {
            Some(p) => (p + 1, self.nodes[p].end),
            None => (0, self.nodes.len()),
        };
        std::iter::from_fn(move || {
            if i >= end {
                return None;
            }
            let cur = i;
            i = self.nodes[cur].end;
            Some(cur)
        })
    }

    /// The marker of node `n` as written (`（一）`, `一是`), or "" when unnumbered.
    pub fn node_marker(&self, n: &Node) -> &str {
        n.marker_in(&self.labels)
    }

    /// The title of node `n`, without marker and trailing punctuation.
    pub fn node_title(&self, n: &Node) -> &str {
        n.title_in(&self.labels)
    }

    /// The text of paragraph `i` ("" when texts were dropped).
    pub fn para_text(&self, i: usize) -> &str {
        self.paragraphs
            .get(i)
            .and_then(|p| self.text.get(p.span.clone()))
            .unwrap_or("")
    }

    /// Enumeration words inside paragraph `i` (`…：一是…；二是…`), found on demand:
    /// the outline export never needs them.
    pub fn inline_points(&self, i: usize) -> Vec<InlinePoint> {
        let lead = self.paragraphs.get(i).map_or(0, |p| p.lead);
        super::parse::inline_points(self.para_text(i), lead)
    }

    /// Index of the paragraph where the closing starts, if any.
    pub fn closing_para(&self) -> Option<usize> {
        self.paragraphs.iter().position(|p| p.role == Role::Closing)
    }

    /// Adds a warning found outside the parser (decoding), in line order.
    pub fn add_warning(&mut self, w: Warning) {
        let at = self.warnings.partition_point(|x| x.line <= w.line);
        self.warnings.insert(at, w);
    }

    /// Index of the paragraph where the appendix starts, if any.
    pub fn appendix_para(&self) -> Option<usize> {
        self.paragraphs
            .iter()
            .position(|p| p.role == Role::Appendix)
    }
}

#[cfg(test)]
mod tests {
    use super::label;

    #[test]
    fn labels_keep_the_space_of_old_style_numerals() {
        assert_eq!(label("一、", "总体要求"), "一、总体要求");
        assert_eq!(label("一是", "抓项目"), "一是抓项目");
        assert_eq!(
            label("一", "工业和农业的关系"),
            "一\u{3000}工业和农业的关系"
        );
        assert_eq!(label("十二", "其他"), "十二\u{3000}其他");
        assert_eq!(label("一", ""), "一");
        assert_eq!(label("第一", "抓落实"), "第一抓落实");
    }
}
