//! One source searched: its raw bytes first, then, only when they may match, decoded
//! and searched paragraph by paragraph, its outline taken from the cache or parsed.

use super::hits::{Hit, find};
use super::pattern::Pattern;
use super::sketch;
use super::speech::Speech;
use crate::cache::{Outcome, Reader, Stamp, entry};
use crate::corpus::{
    Decoded, LoadError, Source, decode, parse_decoded, read_file_into, read_source_meta,
};
use crate::outline::{Document, Text};
use std::borrow::Cow;
use std::cell::RefCell;

/// A speech with matches, and the matches.
pub struct Found {
    pub doc: Box<dyn Speech + Send>,
    pub hits: Vec<Hit>,
}

/// A source searched: its matches, if any, and what it leaves in the cache.
pub struct Searched {
    pub found: Option<Found>,
    pub cache: Outcome,
}

thread_local! {
    /// A search thread's file buffer, read into file after file.
    static FILE: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Largest buffer a search thread keeps between files.
const KEPT_BUFFER: usize = 1 << 20;

/// Searches one source, with the outline cache when there is one.
pub fn search_source(
    source: &Source,
    pattern: &Pattern,
    max: u64,
    cache: Option<&Reader>,
) -> Result<Searched, LoadError> {
    match source {
        Source::File(path) => FILE.with_borrow_mut(|buf| {
            let read = read_file_into(path, max, buf);
            let searched = read.and_then(|(n, meta)| {
                search_bytes(source, Cow::Borrowed(&buf[..n]), Some(meta), pattern, cache)
            });
            if buf.len() > KEPT_BUFFER {
                *buf = Vec::new();
            }
            searched
        }),
        _ => {
            let (bytes, meta) = read_source_meta(source, max)?;
            search_bytes(source, bytes, meta, pattern, cache)
        }
    }
}

/// Searches a source's bytes, as read.
fn search_bytes(
    source: &Source,
    bytes: Cow<'_, [u8]>,
    meta: Option<std::fs::Metadata>,
    pattern: &Pattern,
    cache: Option<&Reader>,
) -> Result<Searched, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::new(source.display(), "empty file".into()));
    }
    // The file's key and stamp, and its entry if that is still good.
    let keyed = match (cache, source, &meta) {
        (Some(c), Source::File(p), Some(m)) => {
            let (key, stamp) = (c.key(p), Stamp::of(m));
            let entry = c.find(&key, &stamp);
            Some((c, key, stamp, entry))
        }
        _ => None,
    };
    let kept = keyed
        .as_ref()
        .and_then(|k| k.3)
        .map_or(Outcome::Nothing, Outcome::Kept);
    let nothing = |cache| Ok(Searched { found: None, cache });
    let stored = keyed.as_ref().and_then(|(c, _, _, e)| c.entry((*e)?));
    // A literal phrase in a cached file: looked for in the raw bytes, the paragraphs it
    // is in decoded alone. That scan is the file's only one.
    if let Some(stored) = stored
        && let Some(found) = sketch::search(|| source.display(), &bytes, stored, pattern)
    {
        let found = found.map(|(sketch, hits)| Found {
            doc: Box::new(sketch),
            hits,
        });
        return Ok(Searched { found, cache: kept });
    }
    let name = source.display();
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    // Literal words are screened in one pass over the raw bytes; a regular expression
    // scans UTF-8 text as it is, and GB18030 and Big5 text once decoded.
    let screened = if utf16 { None } else { pattern.screen(body) };
    if screened == Some(true) {
        return nothing(kept);
    }
    let raw_match = screened.is_none() && pattern.may_match(&bytes);
    if screened.is_none() && !raw_match && cannot_match(pattern, &bytes) {
        return nothing(kept);
    }
    let decoded = decode(&bytes).map_err(|e| LoadError::new(name.clone(), e.to_string()))?;
    // Without a screen, decoded to know (UTF-16, a regular expression over GB18030,
    // marks). What a screen lets through almost always matches: the search of the text
    // below says for the rare rest (the word in another encoding's bytes, a lone mark).
    if screened.is_none() && !raw_match && !pattern.may_match(decoded.text.as_bytes()) {
        return nothing(kept);
    }
    let keyed = keyed.map(|(_, key, stamp, _)| (key.into_owned(), stamp));
    let (doc, cache) = match stored {
        None => parse(&name, decoded, &bytes, keyed),
        Some(stored) => {
            let encoding = decoded.encoding;
            // A file read whole as UTF-8 is its own text: its buffer, not a copy.
            // (The file's bytes stay apart from the text only when they are not it.)
            let (text, file) = if matches!(&decoded.text, Cow::Borrowed(t) if t.len() == bytes.len())
            {
                drop(decoded);
                // SAFETY: `decode` read these very bytes, all of them, as UTF-8.
                (
                    unsafe { String::from_utf8_unchecked(bytes.into_owned()) },
                    None,
                )
            } else {
                (decoded.text.into_owned(), Some(bytes))
            };
            match entry::decode(stored, &name, text, encoding) {
                Ok(doc) => (doc, kept),
                // A damaged entry is replaced.
                Err(text) => {
                    let file = file.map_or_else(|| text.as_bytes().to_vec(), Cow::into_owned);
                    let decoded = Decoded {
                        text: Cow::Owned(text),
                        encoding,
                        note: None,
                    };
                    parse(&name, decoded, &file, keyed)
                }
            }
        }
    };
    let hits = find(&doc, pattern);
    let found = (!hits.is_empty()).then(|| Found {
        doc: Box::new(doc),
        hits,
    });
    Ok(Searched { found, cache })
}

/// The outline parsed, and its new cache entry when the file is cached.
fn parse(
    name: &str,
    decoded: Decoded<'_>,
    file: &[u8],
    keyed: Option<(Vec<u8>, Stamp)>,
) -> (Document, Outcome) {
    parse_decoded(name, decoded, Text::Keep, |doc, text| {
        let outcome = keyed.map_or(Outcome::Nothing, |(key, stamp)| Outcome::New {
            key,
            stamp,
            entry: entry::encode(&doc, text, file),
        });
        (doc, outcome)
    })
}

/// Whether a file certainly has no match, from its raw bytes, given that the pattern
/// is not in them as they are. UTF-8 text is scanned as it is, GB18030 and Big5 text
/// for the words in those encodings; UTF-16, and marks the decoder removes (a
/// zero-width space inside a phrase), need the file decoded.
fn cannot_match(pattern: &Pattern, bytes: &[u8]) -> bool {
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
