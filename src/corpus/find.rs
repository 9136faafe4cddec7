//! Turning command-line paths into an ordered list of sources to read.

use super::load::LoadError;
use std::borrow::Cow;
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
            // As `display` shows it, without going through a formatter.
            Source::File(p) => p.to_string_lossy().into_owned(),
            Source::Stdin => "-".to_string(),
            Source::Embedded(name, _) => (*name).to_string(),
        }
    }
}

/// The paths to read: those given; with none, `-` when standard input holds something to
/// read (`cat f | gangmu outline`, `gangmu outline < f`), else none, which means the
/// bundled samples.
pub fn paths_or_stdin(paths: &[PathBuf]) -> Cow<'_, [PathBuf]> {
    if paths.is_empty() && stdin_is_readable() {
        Cow::Owned(vec![PathBuf::from("-")])
    } else {
        Cow::Borrowed(paths)
    }
}

/// Standard input is a file or a pipe (or a socket) redirected into gangmu, as ripgrep
/// decides: a terminal holds the user's keys, and `/dev/null` (a character device, as
/// given to daemons, cron jobs and `cmd < /dev/null`) holds nothing.
pub fn stdin_is_readable() -> bool {
    use std::io::IsTerminal;
    let stdin = std::io::stdin();
    !stdin.is_terminal() && redirected(&stdin)
}

#[cfg(unix)]
fn redirected(stdin: &std::io::Stdin) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    // Asked through a duplicate of the descriptor: the metadata of fd 0 itself, whatever
    // path (if any) it was opened from.
    let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
        return false;
    };
    match fs::File::from(fd).metadata() {
        Ok(m) => {
            let t = m.file_type();
            t.is_file() || t.is_fifo() || t.is_socket()
        }
        Err(_) => false,
    }
}

/// Without Unix file types, anything but a terminal counts as redirected input (a
/// redirect from `NUL` then reads nothing and is reported as an empty input).
#[cfg(not(unix))]
fn redirected(_stdin: &std::io::Stdin) -> bool {
    true
}

/// Expands `paths` into sources: files as given, directories walked recursively for
/// `.txt` (plus `extra_exts`), in natural order. With no path, the bundled samples.
/// Paths that cannot be read are returned as errors; the rest still load.
///
/// Inside a walked folder, links to folders are followed only with `follow` (as rg and
/// fd do): a link to `/` would otherwise read every text file on the machine. System
/// folders (`/proc`, `/sys`, `/dev`) are never walked into, only read when named.
pub fn find_sources(
    paths: &[PathBuf],
    extra_exts: &[String],
    follow: bool,
) -> (Vec<Source>, Vec<LoadError>) {
    let mut sources = Vec::new();
    let errors = Vec::new();
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
    let mut walker = Walker {
        exts,
        follow,
        seen: SYSTEM_DIRS
            .iter()
            .filter_map(|d| dir_key(Path::new(d)).ok())
            .collect(),
        sources,
        errors,
    };
    for p in paths {
        if p.as_os_str() == "-" {
            walker.sources.push(Source::Stdin);
            continue;
        }
        if p.as_os_str().is_empty() {
            walker
                .errors
                .push(LoadError::new("''".into(), "empty path (skipped)".into()));
            continue;
        }
        match fs::metadata(p) {
            Err(e) => walker
                .errors
                .push(LoadError::new(p.display().to_string(), io_reason(&e))),
            Ok(m) if m.is_dir() => {
                // Named on the command line, a system folder is walked all the same.
                if let Ok(key) = dir_key(p) {
                    walker.seen.remove(&key);
                }
                walker.walk(p.clone());
            }
            Ok(m) if m.is_file() => walker.sources.push(Source::File(p.clone())),
            Ok(_) => walker.errors.push(LoadError::new(
                p.display().to_string(),
                "not a regular file (skipped)".to_string(),
            )),
        }
    }
    (walker.sources, walker.errors)
}

/// Folders of the system, not of speeches: `/proc` alone holds endless files.
const SYSTEM_DIRS: [&str; 3] = ["/proc", "/sys", "/dev"];

/// What identifies a folder however it is reached: device and inode where there are
/// such, else the canonical path. Asking the inode costs one stat of the path; the
/// canonical path costs a stat per component, which made deep trees cubic.
#[cfg(unix)]
type DirKey = (u64, u64);
#[cfg(not(unix))]
type DirKey = PathBuf;

#[cfg(unix)]
fn dir_key(dir: &Path) -> std::io::Result<DirKey> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(dir).map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn dir_key(dir: &Path) -> std::io::Result<DirKey> {
    fs::canonicalize(dir)
}

struct Walker {
    exts: Vec<String>,
    follow: bool,
    /// Folders walked already (and the system folders): links cannot loop or repeat.
    seen: HashSet<DirKey>,
    sources: Vec<Source>,
    errors: Vec<LoadError>,
}

/// A folder entry: its name as text (for sorting), path and type.
type Entry = (String, PathBuf, Option<fs::FileType>);

impl Walker {
    /// Walks `top` in natural pre-order with a stack of its own, so no depth of folders
    /// can overflow the thread's stack.
    fn walk(&mut self, top: PathBuf) {
        let mut stack: Vec<std::vec::IntoIter<Entry>> = Vec::new();
        if let Some(entries) = self.list(&top) {
            stack.push(entries);
        }
        while let Some(entries) = stack.last_mut() {
            let Some((_, p, kind)) = entries.next() else {
                stack.pop();
                continue;
            };
            let dir = match kind {
                Some(k) if k.is_dir() => Some(p),
                Some(k) if k.is_file() => {
                    self.add_file(p);
                    None
                }
                _ => self.follow(p),
            };
            if let Some(sub) = dir.and_then(|d| self.list(&d)) {
                stack.push(sub);
            }
        }
    }

    /// A folder's entries in natural order, or `None` when it was seen before (a link
    /// loop, a link to a folder walked already, a system folder) or cannot be read.
    fn list(&mut self, dir: &Path) -> Option<std::vec::IntoIter<Entry>> {
        match dir_key(dir) {
            Ok(key) if !self.seen.insert(key) => return None,
            Ok(_) => {}
            Err(e) => {
                self.errors
                    .push(LoadError::new(dir.display().to_string(), io_reason(&e)));
                return None;
            }
        }
        let entries = match fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => {
                self.errors
                    .push(LoadError::new(dir.display().to_string(), io_reason(&e)));
                return None;
            }
        };
        // The entry's type comes with the directory listing: ordinary files and
        // directories need no stat of their own, which matters in a folder of 100,000.
        // Sorted by name alone (the directory is common to all), each name made text
        // once; names in one directory differ, and the raw path settles lossy
        // look-alikes.
        let mut entries: Vec<Entry> = entries
            .filter_map(|e| {
                let e = e.ok()?;
                let name = e.file_name();
                // The path allocated once, at its size (`DirEntry::path` grows it).
                let mut path = PathBuf::with_capacity(dir.as_os_str().len() + 1 + name.len());
                path.push(dir);
                path.push(&name);
                // A UTF-8 name is the text itself, not a copy of it.
                let name = name
                    .into_string()
                    .unwrap_or_else(|n| n.to_string_lossy().into_owned());
                Some((name, path, e.file_type().ok()))
            })
            .collect();
        let order = |a: &Entry, b: &Entry| natural_cmp(&a.0, &b.0).then_with(|| a.1.cmp(&b.1));
        // A folder of 100,000 speeches takes tens of milliseconds to sort: on every core.
        if entries.len() > 4096 {
            rayon::slice::ParallelSliceMut::par_sort_unstable_by(&mut entries[..], order);
        } else {
            entries.sort_unstable_by(order);
        }
        Some(entries.into_iter())
    }

    fn add_file(&mut self, p: PathBuf) {
        if has_ext(&p, &self.exts) {
            self.sources.push(Source::File(p));
        }
    }

    /// A symlink, or an entry of unknown or special type: what it points to decides.
    /// Returns the folder to walk, if it is one and may be walked.
    fn follow(&mut self, p: PathBuf) -> Option<PathBuf> {
        // fs::metadata follows symlinks: a dangling or looping link fails here. Such an
        // entry, or a FIFO, socket or device, is never opened (reading a FIFO could
        // block forever), but when its name says speech the user hears why it was
        // skipped.
        let m = match fs::metadata(&p) {
            Ok(m) => m,
            Err(e) => {
                if has_ext(&p, &self.exts) {
                    self.errors
                        .push(LoadError::new(p.display().to_string(), io_reason(&e)));
                }
                return None;
            }
        };
        if m.is_dir() {
            return self.follow.then_some(p);
        }
        if has_ext(&p, &self.exts) {
            if m.is_file() {
                self.sources.push(Source::File(p));
            } else {
                self.errors.push(LoadError::new(
                    p.display().to_string(),
                    "not a regular file (skipped)".to_string(),
                ));
            }
        }
        None
    }
}

fn has_ext(p: &Path, exts: &[String]) -> bool {
    let Some(ext) = p.extension() else {
        return false;
    };
    // An ASCII extension (nearly all) is compared without making a lowercase copy.
    match ext.to_str() {
        Some(e) if e.is_ascii() => exts.iter().any(|x| x.eq_ignore_ascii_case(e)),
        _ => exts.contains(&ext.to_string_lossy().to_lowercase()),
    }
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
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // What the two share decides nothing, except that the digit run it ends in, if it
    // does, is compared whole: the comparison starts where that run starts.
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let start = (a[..common].iter())
        .rposition(|c| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    natural_cmp_bytes(&a[start..], &b[start..])
}

fn natural_cmp_bytes(mut a: &[u8], mut b: &[u8]) -> Ordering {
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let da = a.iter().take_while(|c| c.is_ascii_digit()).count();
                let db = b.iter().take_while(|c| c.is_ascii_digit()).count();
                // Runs of one length compare as numbers digit by digit (`000123`).
                let ord = match da == db {
                    true => a[..da].cmp(&b[..db]),
                    false => {
                        let (na, nb) = (trim_zeros(&a[..da]), trim_zeros(&b[..db]));
                        (na.len().cmp(&nb.len()))
                            .then_with(|| na.cmp(nb))
                            .then(da.cmp(&db))
                    }
                };
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

    /// The comparison as first written: token by token from the start.
    fn natural_cmp_reference(a: &str, b: &str) -> Ordering {
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
                    let ord = (na.len().cmp(&nb.len()))
                        .then_with(|| na.cmp(nb))
                        .then(da.cmp(&db));
                    if ord != Ordering::Equal {
                        return ord;
                    }
                    (a, b) = (&a[da..], &b[db..]);
                }
                (Some(x), Some(y)) if x != y => return x.cmp(y),
                _ => (a, b) = (&a[1..], &b[1..]),
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn natural_order_is_the_token_by_token_order(a in "[0-9a._]{0,12}", b in "[0-9a._]{0,12}") {
            proptest::prop_assert_eq!(natural_cmp(&a, &b), natural_cmp_reference(&a, &b));
            let prefixed = (format!("x0{a}"), format!("x0{b}"));
            proptest::prop_assert_eq!(
                natural_cmp(&prefixed.0, &prefixed.1),
                natural_cmp_reference(&prefixed.0, &prefixed.1)
            );
        }
    }

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
