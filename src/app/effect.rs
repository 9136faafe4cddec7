//! What the browser asks of the world outside its state: `update` records it, the event
//! loop does it (writing to the terminal, running an editor). Tests read the requests
//! without a terminal.

use crate::outline::Document;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Put this text on the system clipboard (OSC 52).
    Copy(String),
    /// Leave the screen, edit `path` at `line` in the user's editor, come back and read
    /// the file again.
    Edit { path: PathBuf, line: usize },
    /// Look for near-duplicates among these speeches, off the event loop, and answer
    /// with `Action::NearFound`.
    FindNear(Vec<Arc<Document>>),
}
