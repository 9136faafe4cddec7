//! Text layout with no terminal knowledge: display widths, sanitizing untrusted text,
//! Chinese line breaking, truncation by width, and the wrapped rows of a whole speech.

pub mod fold;
pub mod layout;
pub mod sanitize;
pub mod truncate;
pub mod width;
pub mod wrap;

pub use layout::{Layout, Row};
pub use sanitize::sanitize;
pub use truncate::{fit_path, truncate, truncate_in};
pub use width::{Ambiguous, char_width, measure, str_width};
pub use wrap::{Piece, wrap};
