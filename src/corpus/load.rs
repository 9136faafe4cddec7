//! Reading one source into a parsed document.

use super::decode::decode;
use super::find::{Source, io_reason};
use crate::outline::{Document, Text, parse_with};
use crate::text::sanitize;
use serde::Serialize;
use std::io::Read;

/// A file that could not be outlined, and why: shown as one line, exported in `errors`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadError {
    pub path: String,
    pub message: String,
}

impl LoadError {
    pub fn new(path: String, message: String) -> Self {
        LoadError { path, message }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A file name can hold escape sequences; stderr is usually a terminal.
        let (path, message) = (sanitize(&self.path), sanitize(&self.message));
        write!(f, "gangmu: {path}: {message}")
    }
}

/// Reads, decodes and parses one source, keeping paragraph texts or not (`Text`). Files are only ever opened for reading.
pub fn load_source(source: &Source, keep: Text) -> Result<Document, LoadError> {
    let name = source.display();
    let fail = |message: String| LoadError::new(name.clone(), message);
    let owned;
    let bytes: &[u8] = match source {
        Source::Embedded(_, b) => b,
        Source::File(p) => {
            // Re-check: the file may have been replaced by a FIFO since it was listed.
            let meta = std::fs::metadata(p).map_err(|e| fail(io_reason(&e)))?;
            if !meta.is_file() {
                return Err(fail("not a regular file (skipped)".into()));
            }
            owned = std::fs::read(p).map_err(|e| fail(io_reason(&e)))?;
            &owned
        }
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| fail(io_reason(&e)))?;
            owned = buf;
            &owned
        }
    };
    let decoded = decode(bytes).map_err(|e| fail(e.to_string()))?;
    let stem = file_stem(&name);
    Ok(parse_with(
        &decoded.text,
        &name,
        &stem,
        decoded.encoding,
        keep,
    ))
}

/// The file name without directory and extension: the title when a speech has none.
fn file_stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rfind('.') {
        Some(i) if i > 0 => base[..i].to_string(),
        _ => base.to_string(),
    }
}
