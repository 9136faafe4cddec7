//! The search and filter line being typed: its text and a cursor, with the editing keys
//! of a shell's prompt (←/→, Home/End, Ctrl-A/E, Delete, Ctrl-U, Ctrl-W).

use super::state::InputKind;
use serde::{Deserialize, Serialize};

/// An edit of the line other than typing a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Edit {
    Left,
    Right,
    Home,
    End,
    /// The character before the cursor.
    Backspace,
    /// The character under the cursor.
    Delete,
    /// Ctrl-W: the word before the cursor, and the spaces after it.
    DeleteWord,
    /// Ctrl-U: everything before the cursor.
    DeleteToStart,
}

/// The line being typed at the bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub kind: InputKind,
    pub text: String,
    /// Byte offset of the cursor in `text`, always on a character boundary.
    pub cursor: usize,
}

impl Input {
    /// A line holding `text`, the cursor at its end.
    pub fn new(kind: InputKind, text: String) -> Input {
        let cursor = text.len();
        Input { kind, text, cursor }
    }

    /// Inserts at the cursor, which moves past the insertion.
    pub fn insert(&mut self, s: &str) {
        self.text.insert_str(self.cursor, s);
        self.cursor += s.len();
    }

    /// Inserts pasted text: line breaks, tabs and other controls become single spaces,
    /// so a paragraph pasted whole is one query.
    pub fn paste(&mut self, pasted: &str) {
        let mut out = String::with_capacity(pasted.len());
        let mut space = self.text[..self.cursor].ends_with(' ');
        for c in pasted.chars() {
            if c.is_control() || c.is_whitespace() {
                if !space && (self.cursor > 0 || !out.is_empty()) {
                    out.push(' ');
                }
                space = true;
            } else {
                out.push(c);
                space = false;
            }
        }
        self.insert(&out);
    }

    /// Applies `e`; whether the text changed (the cursor alone moving does not).
    pub fn edit(&mut self, e: Edit) -> bool {
        let before = self.prev();
        let after = self.next();
        match e {
            Edit::Left => self.cursor = before,
            Edit::Right => self.cursor = after,
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::Backspace => return self.cut(before, self.cursor),
            Edit::Delete => return self.cut(self.cursor, after),
            Edit::DeleteToStart => return self.cut(0, self.cursor),
            Edit::DeleteWord => {
                let head = &self.text[..self.cursor];
                let word_end = head.trim_end().len();
                let start = head[..word_end]
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                return self.cut(start, self.cursor);
            }
        }
        false
    }

    /// Removes `from..to` (the cursor ends at `from`); whether anything was removed.
    fn cut(&mut self, from: usize, to: usize) -> bool {
        self.text.replace_range(from..to, "");
        self.cursor = from;
        from < to
    }

    /// Boundary of the character before the cursor (or 0).
    fn prev(&self) -> usize {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    /// Boundary after the character under the cursor (or the end).
    fn next(&self) -> usize {
        self.text[self.cursor..]
            .chars()
            .next()
            .map_or(self.cursor, |c| self.cursor + c.len_utf8())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Input {
        Input::new(InputKind::Search, text.to_string())
    }

    #[test]
    fn the_cursor_moves_by_characters_and_typing_goes_there() {
        let mut i = line("营商环境");
        assert!(!i.edit(Edit::Left));
        i.edit(Edit::Left);
        i.insert("优化");
        assert_eq!(i.text, "营商优化环境");
        i.edit(Edit::Home);
        assert!(!i.edit(Edit::Backspace), "nothing before the start");
        assert!(i.edit(Edit::Delete));
        assert_eq!(i.text, "商优化环境");
        i.edit(Edit::End);
        assert!(!i.edit(Edit::Right));
        assert_eq!(i.cursor, i.text.len());
    }

    #[test]
    fn ctrl_w_deletes_a_word_and_ctrl_u_the_start() {
        let mut i = line("基层 减负  ");
        assert!(i.edit(Edit::DeleteWord));
        assert_eq!(i.text, "基层 ");
        assert!(i.edit(Edit::DeleteWord));
        assert_eq!(i.text, "");
        let mut i = line("甲乙 丙丁");
        i.edit(Edit::Left);
        assert!(i.edit(Edit::DeleteToStart));
        assert_eq!((i.text.as_str(), i.cursor), ("丁", 0));
    }

    #[test]
    fn a_paste_is_one_line_at_the_cursor() {
        let mut i = line("甲丁");
        i.edit(Edit::Left);
        i.paste("乙\n\n丙\t");
        assert_eq!(i.text, "甲乙 丙 丁");
        assert_eq!(&i.text[..i.cursor], "甲乙 丙 ");
    }
}
