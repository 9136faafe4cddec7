//! What the browser asks of the world outside its state: `update` records it, the event
//! loop does it (writing to the terminal, running an editor). Tests read the requests
//! without a terminal.

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the system clipboard (OSC 52).
    Copy(String),
    /// Leave the screen, edit `path` at `line` in the user's editor, come back and read
    /// the file again.
    Edit { path: PathBuf, line: usize },
}
