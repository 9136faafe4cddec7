//! A whole speech laid out as rows at one width: the text pane's model. Built once per
//! width and kept; each row maps to a paragraph and a byte range of its (sanitized) text.

use super::sanitize::sanitize;
use super::width::{Ambiguous, str_width};
use super::wrap::{Piece, Unit, wrap_into};
use crate::outline::{Document, Role};

/// `Row::para` of a blank separator row.
pub const BLANK: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub para: u32,
    pub start: u32,
    pub end: u32,
    /// Columns before the text (first-line indent, centring).
    pub indent: u16,
}

impl Row {
    pub fn is_blank(&self) -> bool {
        self.para == BLANK
    }
}

/// Sanitized paragraph texts of one document, shared by every width.
#[derive(Debug, Clone, Default)]
pub struct Texts {
    /// `Some` only where sanitizing changed the text.
    owned: Vec<Option<String>>,
}

impl Texts {
    pub fn new(doc: &Document) -> Self {
        Texts {
            owned: (0..doc.paragraphs.len())
                .map(|i| match sanitize(doc.para_text(i)) {
                    std::borrow::Cow::Borrowed(_) => None,
                    std::borrow::Cow::Owned(s) => Some(s),
                })
                .collect(),
        }
    }

    /// The drawable text of paragraph `i`.
    pub fn get<'a>(&'a self, doc: &'a Document, i: usize) -> &'a str {
        match self.owned.get(i) {
            Some(Some(s)) => s,
            _ => doc.para_text(i),
        }
    }

    /// Byte length of the heading part (`Paragraph::lead`) in the drawable text.
    pub fn lead(&self, doc: &Document, i: usize) -> usize {
        let Some(p) = doc.paragraphs.get(i) else {
            return 0;
        };
        let text = doc.para_text(i);
        let lead = p.lead.min(text.len());
        if !text.is_char_boundary(lead) {
            return self.get(doc, i).len();
        }
        match self.owned.get(i) {
            Some(Some(_)) => sanitize(&text[..lead]).len(),
            _ => lead,
        }
    }
}

/// The rows of one document at one width.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub width: usize,
    pub amb: Ambiguous,
    pub rows: Vec<Row>,
    /// First row of each paragraph.
    pub para_row: Vec<u32>,
}

/// Columns of the first-line indent of reading paragraphs (two full-width spaces).
pub const INDENT: usize = 4;

fn starts_block(doc: &Document, i: usize, closing: Option<usize>) -> bool {
    let p = &doc.paragraphs[i];
    let prev = doc.paragraphs[i - 1].role;
    let head = |r: Role| matches!(r, Role::Title | Role::Subtitle | Role::Meta);
    Some(i) == closing
        || (p.role == Role::Appendix && prev != Role::Appendix)
        || (head(prev) && !head(p.role))
        || p.node
            .and_then(|n| doc.nodes.get(n))
            .is_some_and(|n| n.level == 1)
}

impl Layout {
    pub fn new(doc: &Document, texts: &Texts, width: usize, amb: Ambiguous) -> Self {
        let width = width.max(1);
        let mut rows = Vec::with_capacity(doc.paragraphs.len() * 3);
        let mut para_row = Vec::with_capacity(doc.paragraphs.len());
        let mut scratch: Vec<Unit> = Vec::new();
        let mut pieces: Vec<Piece> = Vec::new();
        let closing = doc.closing_para();
        for (i, p) in doc.paragraphs.iter().enumerate() {
            if i > 0 && starts_block(doc, i, closing) {
                rows.push(Row {
                    para: BLANK,
                    start: 0,
                    end: 0,
                    indent: 0,
                });
            }
            para_row.push(rows.len() as u32);
            let text = texts.get(doc, i);
            let indent = match p.role {
                Role::Title | Role::Subtitle | Role::Meta => {
                    let w = str_width(text, amb);
                    if w < width { (width - w) / 2 } else { 0 }
                }
                Role::Salutation => 0,
                _ if width >= 3 * INDENT => INDENT,
                _ => 0,
            };
            pieces.clear();
            wrap_into(text, width, indent, amb, &mut scratch, &mut pieces);
            for (k, piece) in pieces.iter().enumerate() {
                rows.push(Row {
                    para: i as u32,
                    start: piece.start as u32,
                    end: piece.end as u32,
                    indent: if k == 0 { indent as u16 } else { 0 },
                });
            }
        }
        Layout {
            width,
            amb,
            rows,
            para_row,
        }
    }

    /// The row holding byte `byte` of paragraph `para`.
    pub fn row_of(&self, para: usize, byte: usize) -> usize {
        let Some(&first) = self.para_row.get(para) else {
            return self.rows.len().saturating_sub(1);
        };
        let mut r = first as usize;
        while r + 1 < self.rows.len()
            && self.rows[r + 1].para == para as u32
            && self.rows[r + 1].start as usize <= byte
        {
            r += 1;
        }
        r
    }

    /// The paragraph shown at row `row`, or the next one for a blank row.
    pub fn para_at(&self, row: usize) -> Option<usize> {
        let r = self.rows.get(row)?;
        if r.is_blank() {
            return match self.rows.get(row + 1) {
                Some(n) if !n.is_blank() => Some(n.para as usize),
                _ => None,
            };
        }
        Some(r.para as usize)
    }
}
