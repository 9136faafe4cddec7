//! Finding speech files, decoding their bytes and loading them in parallel.

pub mod decode;
pub mod find;
pub mod gbk;
pub mod listing;
pub mod load;
pub mod mixed;
pub mod natural;
pub mod reason;
pub mod samples;
pub mod size;
pub mod synth;

pub use decode::{DecodeError, Decoded, decode};
pub use find::{Source, find_sources, find_sources_with, paths_or_stdin, stdin_is_readable};
pub use load::{
    LoadError, load_decoded, load_source, parse_bytes, parse_decoded, read_file_into, read_source,
    read_source_meta,
};
pub use natural::natural_cmp;
pub use size::{DEFAULT_MAX_SIZE, parse_size, show_size};
