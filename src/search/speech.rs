//! What a search's output needs of a speech: its title, its sections, and the lines and
//! texts of the paragraphs with hits. A parsed `Document` has all of it; a `Sketch`,
//! read from the outline cache, has the outline and only the paragraphs that matched.

use super::hits::Landmarks;
use crate::outline::Document;

pub trait Speech {
    fn path(&self) -> &str;
    fn title(&self) -> &str;
    fn landmarks(&self) -> Landmarks;
    /// The line paragraph `p` starts on, 0 when there is none.
    fn para_line(&self, p: usize) -> usize;
    /// The text of paragraph `p` ("" when it is not known).
    fn para_text(&self, p: usize) -> &str;
    /// The last section to start at or before paragraph `p`.
    fn section_of(&self, p: usize) -> Option<usize>;
    fn parent(&self, node: usize) -> Option<usize>;
    /// A section's marker, title and line.
    fn section(&self, node: usize) -> (&str, &str, usize);
}

impl Speech for Document {
    fn path(&self) -> &str {
        &self.path
    }

    fn title(&self) -> &str {
        &self.title
    }

    fn landmarks(&self) -> Landmarks {
        Landmarks::of(self)
    }

    fn para_line(&self, p: usize) -> usize {
        self.paragraphs.get(p).map_or(0, |p| p.line)
    }

    fn para_text(&self, p: usize) -> &str {
        Document::para_text(self, p)
    }

    fn section_of(&self, p: usize) -> Option<usize> {
        // Nodes are in the order of the text.
        self.nodes.partition_point(|n| n.para <= p).checked_sub(1)
    }

    fn parent(&self, node: usize) -> Option<usize> {
        self.nodes.get(node)?.parent
    }

    fn section(&self, node: usize) -> (&str, &str, usize) {
        match self.nodes.get(node) {
            Some(n) => (self.node_marker(n), self.node_title(n), n.line),
            None => ("", "", 0),
        }
    }
}
