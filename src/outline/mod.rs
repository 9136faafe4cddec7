//! Parsing a decoded speech into its outline (spec §2–§9).

pub mod model;
mod parse;

pub use model::{Document, InlinePoint, Kind, Node, Paragraph, Removed, Role, Warning};
pub use parse::parse;
