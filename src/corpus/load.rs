//! Reading one source into a parsed document.

use super::decode::{DecodeError, Decoded, HEAD_BYTES, decode, head_is_binary};
use super::find::{Source, io_reason};
use super::size::over_limit;
use crate::outline::{Document, Text, parse_with};
use crate::text::sanitize;
use serde::Serialize;
use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

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

impl LoadError {
    /// `gangmu: PATH: MESSAGE`, coloured or not. A file name can hold escape sequences
    /// and stderr is usually a terminal: both parts are sanitized.
    pub fn line(&self, color: bool) -> String {
        let reason = super::reason::shown(&self.message);
        crate::color::error_line(&sanitize(&self.path), &sanitize(&reason), color)
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.line(false))
    }
}

/// Reads, decodes and parses one source, keeping paragraph texts or not (`Text`), and
/// reading no more than `max` bytes of it. Files are only ever opened for reading.
pub fn load_source(source: &Source, keep: Text, max: u64) -> Result<Document, LoadError> {
    load_with(source, keep, max, |doc, _| doc)
}

/// `load_source`, also returning the decoded text the document was parsed from.
pub fn load_decoded(
    source: &Source,
    keep: Text,
    max: u64,
) -> Result<(Document, String), LoadError> {
    load_with(source, keep, max, |doc, text| (doc, text.to_string()))
}

/// Reads, decodes and parses one source, and hands the document and its decoded text
/// to `then`.
fn load_with<T>(
    source: &Source,
    keep: Text,
    max: u64,
    then: impl FnOnce(Document, &str) -> T,
) -> Result<T, LoadError> {
    let bytes = read_source(source, max)?;
    parse_bytes(&source.display(), &bytes, keep, then)
}

/// The bytes of one source, at most `max` of them.
pub fn read_source(source: &Source, max: u64) -> Result<Cow<'static, [u8]>, LoadError> {
    read_source_meta(source, max).map(|(bytes, _)| bytes)
}

/// `read_source`, with what the open file said of itself (for a file).
pub fn read_source_meta(
    source: &Source,
    max: u64,
) -> Result<(Cow<'static, [u8]>, Option<std::fs::Metadata>), LoadError> {
    let fail = |message: String| LoadError::new(source.display(), message);
    match source {
        Source::Embedded(_, b) => Ok((Cow::Borrowed(*b), None)),
        Source::File(p) => read_regular_file(p, max)
            .map(|(b, m)| (Cow::Owned(b), Some(m)))
            .map_err(fail),
        Source::Stdin => read_bounded(std::io::stdin().lock(), max)
            .map(|b| (Cow::Owned(b), None))
            .map_err(fail),
    }
}

/// Decodes and parses the bytes of the file `name`, and hands the document and its
/// decoded text to `then`.
pub fn parse_bytes<T>(
    name: &str,
    bytes: &[u8],
    keep: Text,
    then: impl FnOnce(Document, &str) -> T,
) -> Result<T, LoadError> {
    let decoded = decode(bytes).map_err(|e| LoadError::new(name.to_string(), e.to_string()))?;
    Ok(parse_decoded(name, decoded, keep, then))
}

/// Parses text already decoded from the file `name` (its decoding note becomes a
/// warning), and hands the document and the text to `then`.
pub fn parse_decoded<T>(
    name: &str,
    decoded: Decoded<'_>,
    keep: Text,
    then: impl FnOnce(Document, &str) -> T,
) -> T {
    let stem = file_stem(name);
    let mut doc = parse_with(&decoded.text, name, stem, decoded.encoding, keep);
    if let Some(w) = decoded.note {
        doc.add_warning(w);
    }
    then(doc, &decoded.text)
}

/// Files up to this size are read in one call, binary or not.
const WHOLE_BYTES: usize = 1 << 20;

/// Reads a regular file of at most `max` bytes. It is opened without blocking and
/// checked through the open handle, so a FIFO put in a file's place after it was listed
/// is refused instead of waiting for a writer.
fn read_regular_file(path: &Path, max: u64) -> Result<(Vec<u8>, std::fs::Metadata), String> {
    let mut buf = Vec::new();
    let (n, meta) = read_regular_file_into(path, max, &mut buf)?;
    buf.truncate(n);
    Ok((buf, meta))
}

/// A file's bytes, as `read_source_meta` reads them, put at the start of `buf`; their
/// length. `buf` is only ever grown, with zeros, so that a buffer used for file after
/// file is neither allocated nor cleared again (a search's many reads).
pub fn read_file_into(
    path: &Path,
    max: u64,
    buf: &mut Vec<u8>,
) -> Result<(usize, std::fs::Metadata), LoadError> {
    read_regular_file_into(path, max, buf)
        .map_err(|m| LoadError::new(path.to_string_lossy().into_owned(), m))
}

fn read_regular_file_into(
    path: &Path,
    max: u64,
    buf: &mut Vec<u8>,
) -> Result<(usize, std::fs::Metadata), String> {
    let mut open = std::fs::OpenOptions::new();
    open.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        open.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = open.open(path).map_err(|e| io_reason(&e))?;
    let meta = file.metadata().map_err(|e| io_reason(&e))?;
    if !meta.is_file() {
        return Err("not a regular file (skipped)".into());
    }
    // A file that claims more than the limit is refused before anything is allocated.
    if meta.len() > max {
        return Err(over_limit(meta.len(), max));
    }
    // Exactly the size just read off the handle, usually in one read(): no probing for
    // the end, and a file that grows meanwhile is read as it was when opened.
    let len = usize::try_from(meta.len()).map_err(|e| e.to_string())?;
    if buf.is_empty() {
        // Zeroed pages from the system, touched only as they are read into.
        *buf = vec![0; len];
    } else if buf.len() < len {
        buf.resize(len, 0);
    }
    let bytes = &mut buf[..len];
    // A big file's head first: a binary file (a sparse one of zeros, an image) is
    // refused from it before the rest is read (the vector's untouched pages cost no
    // memory). A speech-sized file is read in one call, and `decode` judges it whole.
    let head = if len <= WHOLE_BYTES { len } else { HEAD_BYTES };
    let mut filled = fill(&mut file, &mut bytes[..head])?;
    if filled == head && head < len {
        if head_is_binary(&bytes[..head]) {
            return Err(DecodeError::Binary.to_string());
        }
        filled += fill(&mut file, &mut bytes[head..])?;
    }
    // Some file systems (procfs, some FUSE mounts) report a size of 0 for files that
    // have content, and some of those never end (`/proc/self/pagemap`): read to the end
    // or the limit.
    if filled == 0 {
        *buf = read_bounded(file, max)?;
        filled = buf.len();
    }
    Ok((filled, meta))
}

/// Reads into `buf` until it is full or the file ends; returns the bytes read.
fn fill(file: &mut std::fs::File, buf: &mut [u8]) -> Result<usize, String> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io_reason(&e)),
        }
    }
    Ok(filled)
}

/// Reads a stream to its end, refusing it past `max` bytes: standard input or a file
/// that does not say its size may never end (`/dev/zero`, `yes`).
fn read_bounded(stream: impl Read, max: u64) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    stream
        .take(max.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| io_reason(&e))?;
    if buf.len() as u64 > max {
        return Err(format!(
            "more than {}, over the limit (--max-size)",
            super::size::show_size(max)
        ));
    }
    Ok(buf)
}

/// The file name without directory and extension: the title when a speech has none.
fn file_stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rfind('.') {
        Some(i) if i > 0 => &base[..i],
        _ => base,
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_in_a_files_place_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("swapped.txt");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo not available: skipped");
            return;
        }
        // Listed as a file, then found to be a FIFO when read: no writer ever opens it.
        let err = load_source(&Source::File(path), Text::Drop, u64::MAX).unwrap_err();
        assert!(err.message.contains("not a regular file"), "{err}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_that_reports_no_size_is_still_read_to_its_end() {
        // procfs reports 0 bytes for files full of text.
        let doc = load_source(
            &Source::File("/proc/self/status".into()),
            Text::Keep,
            super::super::size::DEFAULT_MAX_SIZE,
        )
        .unwrap();
        assert!(doc.chars > 0);
    }
}
