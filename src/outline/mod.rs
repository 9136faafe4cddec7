//! Parsing a decoded speech into its outline (spec §2–§9).

mod appendix;
mod build;
mod cands;
pub mod chars;
mod chrome;
mod closing;
mod flat;
pub mod framing;
mod head;
mod junk;
mod layout;
mod lead;
mod markdown;
pub mod markers;
pub mod model;
mod nesting;
mod numbering;
pub(crate) mod parse;
mod segment;
mod sweep;
pub mod titles;
pub mod why;
mod wrapped;

pub use build::{MAX_NODES, MAX_REMOVED};
pub use model::{
    Document, InlinePoint, Kind, Node, Paragraph, Removed, Role, WarnKind, Warning, label,
    push_label,
};
pub use parse::{Text, parse, parse_parts, parse_with};
pub use why::Why;
