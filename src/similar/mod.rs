//! `gangmu similar`: which speeches copy which (issue 15). See `pairs` for the method.

pub mod align;
mod library;
mod pairs;
mod render;
mod run;
mod text;

pub use library::{Neighbour, neighbours};
pub use pairs::{K, Pair, Sketch, Speech, candidates, compare, families};
pub use run::run;
pub use text::{Norm, shingles};
