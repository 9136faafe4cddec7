//! Turning command-line paths into an ordered list of sources to read.

use super::listing::{Kind, Listing, Listings};
use super::load::LoadError;
use super::natural::natural_cmp;
use std::borrow::Cow;
use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

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
    find_sources_with(paths, extra_exts, follow, None)
}

/// `find_sources`, with the listings of an earlier walk: a folder unchanged since is
/// not listed again, and a folder listed now is remembered.
pub fn find_sources_with(
    paths: &[PathBuf],
    extra_exts: &[String],
    follow: bool,
    memo: Option<&mut dyn Listings>,
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
            .filter_map(|d| dir_key_of(Path::new(d)).ok())
            .collect(),
        sources,
        errors,
        memo,
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
                if let Ok(key) = dir_key_of(p) {
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

fn dir_key_of(dir: &Path) -> std::io::Result<DirKey> {
    dir_key(dir, &fs::metadata(dir)?)
}

#[cfg(unix)]
fn dir_key(_dir: &Path, meta: &fs::Metadata) -> std::io::Result<DirKey> {
    use std::os::unix::fs::MetadataExt;
    Ok((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn dir_key(dir: &Path, _meta: &fs::Metadata) -> std::io::Result<DirKey> {
    fs::canonicalize(dir)
}

struct Walker<'m> {
    exts: Vec<String>,
    follow: bool,
    /// Folders walked already (and the system folders): links cannot loop or repeat.
    seen: HashSet<DirKey>,
    sources: Vec<Source>,
    errors: Vec<LoadError>,
    memo: Option<&'m mut dyn Listings>,
}

/// A folder entry: its path and what it is.
type Entry = (PathBuf, Kind);

impl Walker<'_> {
    /// Walks `top` in natural pre-order with a stack of its own, so no depth of folders
    /// can overflow the thread's stack.
    fn walk(&mut self, top: PathBuf) {
        let mut stack: Vec<std::vec::IntoIter<Entry>> = Vec::new();
        if let Some(entries) = self.list(&top) {
            stack.push(entries);
        }
        while let Some(entries) = stack.last_mut() {
            let Some((p, kind)) = entries.next() else {
                stack.pop();
                continue;
            };
            let dir = match kind {
                Kind::Dir => Some(p),
                Kind::File => {
                    self.add_file(p);
                    None
                }
                Kind::Other => self.follow(p),
            };
            if let Some(sub) = dir.and_then(|d| self.list(&d)) {
                stack.push(sub);
            }
        }
    }

    /// A folder's entries in natural order, or `None` when it was seen before (a link
    /// loop, a link to a folder walked already, a system folder) or cannot be read.
    fn list(&mut self, dir: &Path) -> Option<std::vec::IntoIter<Entry>> {
        let meta = match fs::metadata(dir).and_then(|m| Ok((dir_key(dir, &m)?, m))) {
            Ok((key, _)) if !self.seen.insert(key) => return None,
            Ok((_, meta)) => meta,
            Err(e) => {
                self.errors
                    .push(LoadError::new(dir.display().to_string(), io_reason(&e)));
                return None;
            }
        };
        if let Some(listing) = self.memo.as_deref_mut().and_then(|m| m.recall(&meta)) {
            let entries: Vec<Entry> = listing.iter().map(|(k, n)| (joined(dir, n), k)).collect();
            return Some(entries.into_iter());
        }
        let listed_at = SystemTime::now();
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
        let mut entries: Vec<(String, PathBuf, Kind)> = entries
            .filter_map(|e| {
                let e = e.ok()?;
                let name = e.file_name();
                let path = joined(dir, &name);
                // A UTF-8 name is the text itself, not a copy of it.
                let name = name
                    .into_string()
                    .unwrap_or_else(|n| n.to_string_lossy().into_owned());
                Some((name, path, Kind::of(e.file_type().ok())))
            })
            .collect();
        let order = |a: &(String, PathBuf, Kind), b: &(String, PathBuf, Kind)| {
            natural_cmp(&a.0, &b.0).then_with(|| a.1.cmp(&b.1))
        };
        // A folder of 100,000 speeches takes tens of milliseconds to sort: on every core.
        if entries.len() > 4096 {
            rayon::slice::ParallelSliceMut::par_sort_unstable_by(&mut entries[..], order);
        } else {
            entries.sort_unstable_by(order);
        }
        if let Some(memo) = self.memo.as_deref_mut() {
            let mut listing = Listing::default();
            for (_, p, k) in &entries {
                listing.push(*k, p.file_name().unwrap_or_default());
            }
            memo.remember(&meta, listed_at, &listing);
        }
        let entries: Vec<Entry> = entries.into_iter().map(|(_, p, k)| (p, k)).collect();
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

/// `dir/name`, allocated once at its size (`DirEntry::path` grows it).
fn joined(dir: &Path, name: &OsStr) -> PathBuf {
    let mut path = PathBuf::with_capacity(dir.as_os_str().len() + 1 + name.len());
    path.push(dir);
    path.push(name);
    path
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

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Listings kept by folder inode and modification time, however recent they are.
    #[derive(Default)]
    struct Memo {
        kept: HashMap<(u64, SystemTime), Listing>,
        recalled: usize,
    }

    fn key(meta: &fs::Metadata) -> (u64, SystemTime) {
        use std::os::unix::fs::MetadataExt;
        (meta.ino(), meta.modified().unwrap())
    }

    impl Listings for Memo {
        fn recall(&mut self, meta: &fs::Metadata) -> Option<&Listing> {
            let l = self.kept.get(&key(meta))?;
            self.recalled += 1;
            Some(l)
        }

        fn remember(&mut self, meta: &fs::Metadata, _: SystemTime, listing: &Listing) {
            self.kept.insert(key(meta), listing.clone());
        }
    }

    #[test]
    fn a_remembered_listing_gives_the_same_walk() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in ["10.txt", "2.txt", "a/1.txt", "a/b/3.TXT", "c/x.md"] {
            let p = d.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "讲话").unwrap();
        }
        let roots = [d.to_path_buf()];
        let plain = find_sources(&roots, &[], false);
        let mut memo = Memo::default();
        let first = find_sources_with(&roots, &[], false, Some(&mut memo));
        assert_eq!(memo.recalled, 0);
        let again = find_sources_with(&roots, &[], false, Some(&mut memo));
        assert_eq!(memo.recalled, 4, "every folder recalled");
        assert_eq!(first.0, plain.0);
        assert_eq!(again.0, plain.0);
        let names: Vec<String> = (again.0.iter())
            .map(|s| s.display()[d.as_os_str().len() + 1..].to_string())
            .collect();
        assert_eq!(names, ["2.txt", "10.txt", "a/1.txt", "a/b/3.TXT"]);
    }
}
