//! One source searched: its raw bytes first, then, only when they may match, decoded,
//! parsed and searched paragraph by paragraph.

use super::hits::{Hit, find};
use super::pattern::Pattern;
use crate::corpus::{LoadError, Source, decode, parse_bytes, parse_decoded, read_source};
use crate::outline::{Document, Text};

/// A speech with matches, and the matches.
pub struct Found {
    pub doc: Document,
    pub hits: Vec<Hit>,
}

/// Searches one source: `Ok(None)` when nothing matches.
pub fn search_source(
    source: &Source,
    pattern: &Pattern,
    max: u64,
) -> Result<Option<Found>, LoadError> {
    let bytes = read_source(source, max)?;
    if bytes.is_empty() {
        return Err(LoadError::new(source.display(), "empty file".into()));
    }
    if cannot_match(pattern, &bytes) {
        return Ok(None);
    }
    let name = source.display();
    let doc = if pattern.may_match(&bytes) {
        parse_bytes(&name, &bytes, Text::Keep, |doc, _| doc)?
    } else {
        // Decoded to know (UTF-16, a regular expression over GB18030, marks), and parsed
        // from that decoding.
        let decoded = decode(&bytes).map_err(|e| LoadError::new(name.clone(), e.to_string()))?;
        if !pattern.may_match(decoded.text.as_bytes()) {
            return Ok(None);
        }
        parse_decoded(&name, decoded, Text::Keep, |doc, _| doc)
    };
    let hits = find(&doc, pattern);
    Ok((!hits.is_empty()).then_some(Found { doc, hits }))
}

/// Whether a file certainly has no match, from its raw bytes. UTF-8 text is scanned as
/// it is, GB18030 and Big5 text for the words in those encodings; UTF-16, and marks
/// the decoder removes (a zero-width space inside a phrase), need the file decoded.
fn cannot_match(pattern: &Pattern, bytes: &[u8]) -> bool {
    if pattern.may_match(bytes) {
        return false;
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if simdutf8::basic::from_utf8(body).is_ok() {
        let marks = ["\u{FEFF}", "\u{200B}"];
        return !marks
            .iter()
            .any(|m| memchr::memmem::find(body, m.as_bytes()).is_some());
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return false;
    }
    pattern.may_match_legacy(bytes) == Some(false)
}
