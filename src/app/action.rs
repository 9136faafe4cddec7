//! Everything that can change the state. Keys map to these through the keymap; the event
//! loop adds resizes, mouse events, text input and loaded documents.

use crate::corpus::LoadError;
use crate::outline::Document;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Tree: previous row. Text: one row up.
    Up,
    Down,
    /// Collapse, or go to the parent.
    Left,
    /// Expand, or go to the first child.
    Right,
    Toggle,
    /// Tree: first row. Text: top of the speech.
    First,
    Last,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    /// Next heading or point in reading order, across speeches.
    NextHeading,
    PrevHeading,
    NextSibling,
    PrevSibling,
    Parent,
    /// Show the tree down to this depth; 0 expands everything.
    Depth(u8),
    SwitchFocus,
    NarrowTree,
    WidenTree,
    Search,
    SearchNext,
    SearchPrev,
    /// Search every open speech (`s`).
    SearchAll,
    Filter,
    Help,
    /// The problems view: the speech's warnings and the files that could not be read.
    Problems,
    /// Copy the selected section's text to the clipboard (`y`).
    CopySection,
    /// Copy the speech's outline as an indented list (`Y`).
    CopyOutline,
    /// Edit the speech at the reading position in `$VISUAL` / `$EDITOR` (`e`).
    OpenEditor,
    /// 字数 or speaking time in the tree (`t`).
    ToggleTime,
    /// `m`: the next letter sets a mark at the reading position.
    SetMark,
    /// `'`: the next letter goes to its mark.
    JumpMark,
    /// The letter after `m` or `'`.
    #[serde(skip)]
    MarkKey(char),
    /// Close an overlay, search or filter.
    Escape,
    Quit,
    /// Ctrl-C: quits from anywhere, even the help overlay or a search line.
    #[serde(skip)]
    Interrupt,
    /// Ctrl-Z: back to the shell until `fg`; the event loop does it, the state is as it was.
    #[serde(skip)]
    Suspend,
    /// The terminal's new size.
    #[serde(skip)]
    Resize(u16, u16),
    /// A left click at a screen position.
    #[serde(skip)]
    Click(u16, u16),
    /// Dragging with the left button held.
    #[serde(skip)]
    Drag(u16, u16),
    #[serde(skip)]
    Release,
    /// Wheel at a position: rows, negative = up.
    #[serde(skip)]
    Wheel(u16, u16, i16),
    /// A character typed into the search or filter line.
    #[serde(skip)]
    Input(char),
    /// Moving in, or deleting from, the search or filter line.
    #[serde(skip)]
    Edit(super::prompt::Edit),
    /// Text pasted into the search or filter line: one edit.
    #[serde(skip)]
    Paste(String),
    /// Runs pending searches and filters for a moment; the event loop sends it when no
    /// key is waiting.
    #[serde(skip)]
    Work,
    #[serde(skip)]
    Submit,
    #[serde(skip)]
    Loaded(Batch),
    /// A speech's file read again after it changed on disk.
    #[serde(skip)]
    Reloaded(Box<Document>),
    /// A speech's file was deleted: the path.
    #[serde(skip)]
    Removed(String),
    /// Something the event loop has to tell (an editor that would not start).
    #[serde(skip)]
    Say(String),
    /// `=`: the current speech's near-duplicates.
    Similar,
    /// The near-duplicates among the open speeches, found off the event loop.
    #[serde(skip)]
    NearFound(Box<super::near::Found>),
}

impl Action {
    /// Whether the action comes from the event loop or the world (loading, a re-read
    /// file, a finished search) rather than from the reader: views that take the keys
    /// let these through.
    pub fn from_outside(&self) -> bool {
        matches!(
            self,
            Action::Resize(..)
                | Action::Loaded(_)
                | Action::Interrupt
                | Action::Work
                | Action::Reloaded(_)
                | Action::Removed(_)
                | Action::Say(_)
                | Action::NearFound(_)
        )
    }
}

/// Progress of background loading.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Batch {
    pub docs: Vec<Document>,
    pub errors: Vec<LoadError>,
    /// How many sources there are, once known.
    pub total: Option<usize>,
    /// Loading has finished.
    pub done: bool,
}
