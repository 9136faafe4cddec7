//! Parsing a decoded speech into its outline (spec §2–§9).

pub mod chars;
pub mod framing;
mod head;
mod layout;
pub mod markers;
pub mod model;
mod nesting;
pub(crate) mod parse;

pub use model::{Document, InlinePoint, Kind, Node, Paragraph, Removed, Role, Warning};
pub use parse::{Text, parse, parse_with};
