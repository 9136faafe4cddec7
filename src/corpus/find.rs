//! Turning command-line paths into an ordered list of sources to read.

use super::load::LoadError;
use std::cmp::Ordering;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Where a speech comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    Stdin,
    Embedded(&'static str, &'static [u8]),
}

impl Source {
    /// The name shown to the user and written to `path` in exports.
    pub fn display(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Stdin => "-".to_string(),
            Source::Embedded(name, _) => (*name).to_string(),
        }
    }
}

/// Expands `paths` into sources: files as given, directories walked recursively for
/// `.txt` (plus `extra_exts`), in natural order. With no path, the bundled samples.
/// Paths that cannot be read are returned as errors; the rest still load.
pub fn find_sources(paths: &[PathBuf], extra_exts: &[String]) -> (Vec<Source>, Vec<LoadError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    if paths.is_empty() {
        sources.extend(
            super::samples::SAMPLES
                .iter()
                .map(|(name, bytes)| Source::Embedded(name, bytes)),
        );
        return (sources, errors);
    }
    let exts: Vec<String> = std::iter::once("txt".to_string())
        .chain(
            extra_exts
                .iter()
                .map(|e| e.trim_start_matches('.').to_lowercase()),
        )
        .filter(|e| !e.is_empty())
        .collect();
    let mut seen_dirs = HashSet::new();
    for p in paths {
        if p.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        match fs::metadata(p) {
            Err(e) => errors.push(LoadError::new(p.display().to_string(), io_reason(&e))),
            Ok(m) if m.is_dir() => walk(p, &exts, &mut seen_dirs, &mut sources, &mut errors),
            Ok(m) if m.is_file() => sources.push(Source::File(p.clone())),
            Ok(_) => errors.push(LoadError::new(
                p.display().to_string(),
                "not a regular file (skipped)".to_string(),
            )),
        }
    }
    (sources, errors)
}

fn walk(
    dir: &Path,
    exts: &[String],
    seen: &mut HashSet<PathBuf>,
    sources: &mut Vec<Source>,
    errors: &mut Vec<LoadError>,
) {
    // Canonical paths break symlink loops and avoid reading a directory twice.
    match fs::canonicalize(dir) {
        Ok(c) => {
            if !seen.insert(c) {
                return;
            }
        }
        Err(e) => {
            errors.push(LoadError::new(dir.display().to_string(), io_reason(&e)));
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errors.push(LoadError::new(dir.display().to_string(), io_reason(&e)));
            return;
        }
    };
    // The entry's type comes with the directory listing: ordinary files and
    // directories need no stat of their own, which matters in a folder of 100,000.
    // Sorted by name alone (the directory is common to all), each name made text once;
    // names in one directory differ, and the raw path settles lossy look-alikes.
    let mut entries: Vec<(String, PathBuf, Option<fs::FileType>)> = entries
        .filter_map(|e| {
            let e = e.ok()?;
            let name = e.file_name().to_string_lossy().into_owned();
            Some((name, e.path(), e.file_type().ok()))
        })
        .collect();
    entries.sort_unstable_by(|a, b| natural_cmp(&a.0, &b.0).then_with(|| a.1.cmp(&b.1)));
    for (_, p, kind) in entries {
        match kind {
            Some(k) if k.is_dir() => walk(&p, exts, seen, sources, errors),
            Some(k) if k.is_file() => {
                if has_ext(&p, exts) {
                    sources.push(Source::File(p));
                }
            }
            _ => follow(p, exts, seen, sources, errors),
        }
    }
}

/// A symlink, or an entry of unknown or special type: what it points to decides.
fn follow(
    p: PathBuf,
    exts: &[String],
    seen: &mut HashSet<PathBuf>,
    sources: &mut Vec<Source>,
    errors: &mut Vec<LoadError>,
) {
    // fs::metadata follows symlinks: a dangling or looping link fails here. Such an
    // entry, or a FIFO, socket or device, is never opened (reading a FIFO could block
    // forever), but when its name says speech the user hears why it was skipped.
    let m = match fs::metadata(&p) {
        Ok(m) => m,
        Err(e) => {
            if has_ext(&p, exts) {
                errors.push(LoadError::new(p.display().to_string(), io_reason(&e)));
            }
            return;
        }
    };
    if m.is_dir() {
        walk(&p, exts, seen, sources, errors);
    } else if has_ext(&p, exts) {
        if m.is_file() {
            sources.push(Source::File(p));
        } else {
            errors.push(LoadError::new(
                p.display().to_string(),
                "not a regular file (skipped)".to_string(),
            ));
        }
    }
}

fn has_ext(p: &Path, exts: &[String]) -> bool {
    p.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| exts.contains(&e))
}

pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Compares strings with digit runs as numbers: `2.txt` < `10.txt`.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let da = a.iter().take_while(|c| c.is_ascii_digit()).count();
                let db = b.iter().take_while(|c| c.is_ascii_digit()).count();
                let (na, nb) = (trim_zeros(&a[..da]), trim_zeros(&b[..db]));
                let ord = na
                    .len()
                    .cmp(&nb.len())
                    .then_with(|| na.cmp(nb))
                    .then(da.cmp(&db));
                if ord != Ordering::Equal {
                    return ord;
                }
                a = &a[da..];
                b = &b[db..];
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(y);
                }
                a = &a[1..];
                b = &b[1..];
            }
        }
    }
}

fn trim_zeros(d: &[u8]) -> &[u8] {
    let z = d.iter().take_while(|&&c| c == b'0').count();
    &d[z..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_puts_2_before_10() {
        let mut v = vec![
            "10.txt", "2.txt", "1.txt", "b/1.txt", "a10.txt", "a9.txt", "02.txt",
        ];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            v,
            [
                "1.txt", "2.txt", "02.txt", "10.txt", "a9.txt", "a10.txt", "b/1.txt"
            ]
        );
    }
}
