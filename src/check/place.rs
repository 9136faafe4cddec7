//! Columns: a rule says where in a paragraph or removed line it found something; the
//! column is counted in the line of the decoded file, where the parser's paragraph may
//! start after indentation, markdown marks (`**`) or other paragraphs of a flattened line.

use crate::outline::Document;

/// Where a finding is, as a rule knows it.
pub enum At {
    /// A byte offset in the text of paragraph `para` (`Document::para_text`).
    Para { para: usize, offset: usize },
    /// The start of removed line `index` (`Document::removed`).
    Removed { index: usize },
    /// The first character of line `line` that is not white space.
    Line(usize),
}

/// Characters of a paragraph's start looked for in its line: enough to tell the
/// paragraphs of a flattened line apart.
const PREFIX_CHARS: usize = 16;

pub struct Places<'a> {
    doc: &'a Document,
    text: &'a str,
    /// Byte offset where each line of `text` starts.
    starts: Vec<usize>,
}

impl<'a> Places<'a> {
    pub fn new(doc: &'a Document, text: &'a str) -> Places<'a> {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Places { doc, text, starts }
    }

    /// Line `no` (1-based) of the decoded file, without its line end.
    fn line(&self, no: usize) -> &'a str {
        let Some(&start) = self.starts.get(no.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .starts
            .get(no)
            .map_or(self.text.len(), |&next| next - 1);
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches('\r')
    }

    /// (line, column), both 1-based; the column in characters.
    pub fn locate(&self, at: &At) -> (usize, usize) {
        match *at {
            At::Para { para, offset } => {
                let line = self.doc.paragraphs.get(para).map_or(1, |p| p.line);
                let written = self.doc.para_text(para);
                let start = start_in(self.line(line), written);
                let into = written.get(..offset).map_or(0, |s| s.chars().count());
                (line, start + into + 1)
            }
            At::Removed { index } => match self.doc.removed.get(index) {
                Some(r) => (r.line, start_in(self.line(r.line), &r.text) + 1),
                None => (1, 1),
            },
            At::Line(line) => (line, start_in(self.line(line), "") + 1),
        }
    }
}

/// Characters of `line` before `written` starts in it: where its first characters are
/// found, else after the indentation.
fn start_in(line: &str, written: &str) -> usize {
    let found = [PREFIX_CHARS, 4].into_iter().find_map(|n| {
        let end = written.char_indices().nth(n).map_or(written.len(), |c| c.0);
        let prefix = &written[..end];
        (!prefix.is_empty()).then(|| line.find(prefix)).flatten()
    });
    let byte = found.unwrap_or_else(|| line.len() - line.trim_start().len());
    line[..byte].chars().count()
}

#[cfg(test)]
mod tests {
    use super::start_in;

    #[test]
    fn a_paragraph_starts_after_indentation_marks_or_earlier_paragraphs() {
        assert_eq!(start_in("一、抓项目", "一、抓项目"), 0);
        assert_eq!(start_in("\u{3000}\u{3000}一、抓项目", "一、抓项目"), 2);
        assert_eq!(start_in("**一、抓项目**", "一、抓项目"), 2);
        assert_eq!(
            start_in("序言。一、抓项目。二、抓招商。", "二、抓招商。"),
            9
        );
        // Not found as written: after the indentation.
        assert_eq!(start_in("  某某", "别的"), 2);
    }
}
