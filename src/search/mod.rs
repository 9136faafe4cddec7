//! Search across speeches: where a phrase is said, and in which section. The pattern
//! folds width, case and script (`pattern`, `variants`); a file's raw bytes are
//! scanned first (`anchor`: a shared run of the word found first) and only files that may match are parsed (`scan`); each hit gets its
//! breadcrumb (`hits`); `gangmu search` prints them (`run`, `render`).

mod anchor;
pub mod hits;
pub mod pattern;
mod render;
mod run;
pub mod scan;
mod sketch;
pub mod speech;
mod variants;

pub use hits::{Crumb, Hit, Landmarks, breadcrumb, char_ranges};
pub use pattern::{Options, Pattern};
pub use run::run;
pub use scan::{Found, search_source};
pub use speech::Speech;
