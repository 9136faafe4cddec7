//! The outline cache of `gangmu search`: a speech outlined once for a search is not
//! parsed again while its file is unchanged. A search reads every file anyway (that is
//! how it knows which ones match); for a matching file, the entry gives the outline and
//! the file's text gives the paragraphs, which is several times faster than a parse.
//!
//! One cache file per set of folders searched, in `dirs::cache_dir()/gangmu/outlines`
//! (`$XDG_CACHE_HOME` on Linux). Entries are keyed by the file's absolute path and
//! stamp (`Stamp`), and the file by the build's outline code, so an entry is read only
//! for the same bytes outlined by the same code. The searched files are never written.

pub mod entry;
mod listings;
mod pack;
pub mod raw;
mod stamp;
mod varint;

pub use listings::DirCache;
use pack::{Pack, Writer};
pub use stamp::Stamp;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Cache files kept, one per set of folders searched; the least recently written go.
const KEEP: usize = 32;

/// Where the cache files are, if the system has a cache folder.
pub fn dir() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| d.join("gangmu").join("outlines"))
}

/// The cache one search reads: shared by the threads that search files.
pub struct Reader {
    pack: Option<Pack>,
    cwd: PathBuf,
}

/// What a searched file leaves in the cache, recorded in the order of the files.
pub enum Outcome {
    /// Nothing: it did not match and had no entry, or its entry is out of date.
    Nothing,
    /// Its entry, still good, is carried over.
    Kept(usize),
    /// It was outlined: a new entry.
    New {
        key: Vec<u8>,
        stamp: Stamp,
        entry: Vec<u8>,
    },
}

/// The new cache file, made from the outcomes; only written when something changed.
pub struct Recorder {
    dest: PathBuf,
    /// Entries carried over while nothing has changed.
    kept: Vec<usize>,
    writer: Option<Writer>,
    /// Writing failed (a read-only cache folder): the search goes on without it.
    failed: bool,
}

/// The cache for a search of `roots`, or `None` when there is no cache folder or the
/// search reads no folders or files (the bundled samples, standard input).
pub fn open(roots: &[PathBuf]) -> Option<(Reader, Recorder)> {
    if roots.is_empty() || roots.iter().any(|r| r.as_os_str() == "-") {
        return None;
    }
    let cwd = std::env::current_dir().ok()?;
    let mut abs: Vec<Vec<u8>> = roots
        .iter()
        .map(|r| path_bytes(&cwd.join(r).components().collect::<PathBuf>()).into_owned())
        .collect();
    abs.sort();
    abs.dedup();
    let dest = dir()?.join(format!("{:016x}.pack", fnv(&abs.join(&0))));
    let reader = Reader {
        pack: Pack::open(&dest),
        cwd,
    };
    let recorder = Recorder {
        dest,
        kept: Vec::new(),
        writer: None,
        failed: false,
    };
    Some((reader, recorder))
}

impl Reader {
    /// The key of the file at `path`: its absolute path, `.` steps left out. Most paths
    /// a walk of an absolute folder gives are their own key, borrowed.
    pub fn key<'p>(&self, path: &'p Path) -> Cow<'p, [u8]> {
        if path.is_absolute() && is_plain(path) {
            return path_bytes(path);
        }
        let joined = self.cwd.join(path);
        let key = match is_plain(&joined) {
            true => path_bytes(&joined).into_owned(),
            false => path_bytes(&joined.components().collect::<PathBuf>()).into_owned(),
        };
        Cow::Owned(key)
    }

    /// The entry of the file `key` if it is still as it was outlined.
    pub fn find(&self, key: &[u8], stamp: &Stamp) -> Option<usize> {
        self.pack.as_ref()?.find(key, stamp)
    }

    /// The bytes of entry `i`.
    pub fn entry(&self, i: usize) -> Option<&[u8]> {
        self.pack.as_ref()?.read(i)
    }

    fn len(&self) -> usize {
        self.pack.as_ref().map_or(0, Pack::len)
    }
}

impl Recorder {
    /// The folder listings kept beside this cache file.
    pub fn listings(&self) -> DirCache {
        DirCache::open(self.dest.with_extension("dirs"))
    }

    pub fn record(&mut self, reader: &Reader, outcome: Outcome) {
        match outcome {
            Outcome::Nothing => {}
            Outcome::Kept(i) if self.writer.is_none() => self.kept.push(i),
            Outcome::Kept(i) => self.carry(reader, i),
            Outcome::New { key, stamp, entry } => {
                self.start(reader);
                if let Some(w) = &mut self.writer
                    && w.add(key, stamp, &entry).is_err()
                {
                    self.fail();
                }
            }
        }
    }

    /// Puts the new cache file in place if anything changed: new entries, or entries
    /// dropped (files changed or gone).
    pub fn finish(mut self, reader: Reader) {
        if self.writer.is_none() && self.kept.len() == reader.len() {
            return;
        }
        self.start(&reader);
        if let Some(w) = self.writer.take()
            && w.finish(|| drop(reader)).is_ok()
        {
            prune(&self.dest);
        }
    }

    /// Starts the new file, with the entries carried over so far.
    fn start(&mut self, reader: &Reader) {
        if self.writer.is_some() || self.failed {
            return;
        }
        let made = self
            .dest
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| Writer::create(&self.dest));
        match made {
            Ok(w) => self.writer = Some(w),
            Err(_) => return self.fail(),
        }
        for i in std::mem::take(&mut self.kept) {
            self.carry(reader, i);
        }
    }

    fn carry(&mut self, reader: &Reader, i: usize) {
        let Some(w) = &mut self.writer else { return };
        let copied = reader
            .pack
            .as_ref()
            .and_then(|p| p.entry(i))
            .map(|(key, stamp, entry)| w.add(key, stamp, entry));
        // An entry that cannot be read back is left out; a write that fails ends it.
        if let Some(Err(_)) = copied {
            self.fail();
        }
    }

    fn fail(&mut self) {
        self.failed = true;
        self.writer = None;
        self.kept.clear();
    }
}

/// Removes the least recently written cache files beyond `KEEP`, and the temporary
/// files of searches that were killed while writing (an hour old or more). Folder
/// listings are counted apart: a folder searched for a phrase in none of its speeches
/// has listings and no outlines.
fn prune(dest: &Path) {
    let Some(dir) = dest.parent() else { return };
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let (mut packs, mut dirs) = (Vec::new(), Vec::new());
    let now = SystemTime::now();
    for p in rd.filter_map(|e| Some(e.ok()?.path())) {
        let Some(time) = std::fs::metadata(&p).and_then(|m| m.modified()).ok() else {
            continue;
        };
        match p.extension().and_then(|x| x.to_str()) {
            Some("pack") => packs.push((time, p)),
            Some("dirs") => dirs.push((time, p)),
            Some("tmp") if now.duration_since(time).is_ok_and(|d| d.as_secs() >= 3600) => {
                let _ = std::fs::remove_file(&p);
            }
            _ => {}
        }
    }
    for mut files in [packs, dirs] {
        if files.len() > KEEP {
            files.sort();
            for (_, p) in &files[..files.len() - KEEP] {
                let _ = std::fs::remove_file(p);
            }
        }
    }
}

/// The name a file of the cache is written under before it is renamed to `dest`: one
/// per process, hidden, and removed by `prune` if the process died meanwhile.
fn temporary(dest: &Path) -> PathBuf {
    let name = dest.file_name().map(|n| n.to_string_lossy().into_owned());
    dest.with_file_name(format!(
        ".{}.{}.tmp",
        name.unwrap_or_default(),
        std::process::id()
    ))
}

#[cfg(unix)]
fn path_bytes(p: &Path) -> Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    Cow::Borrowed(p.as_os_str().as_bytes())
}

#[cfg(not(unix))]
fn path_bytes(p: &Path) -> Cow<'_, [u8]> {
    Cow::Owned(p.to_string_lossy().into_owned().into_bytes())
}

/// Whether `components` would give `path` back as it is: no `.` step, no doubled or
/// trailing separator. (Elsewhere than Unix, the path is always rebuilt.)
fn is_plain(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let s = path.as_os_str().as_bytes();
        let finds = |needle: &[u8]| memchr::memmem::find(s, needle).is_some();
        !(finds(b"//") || finds(b"/./") || s.ends_with(b"/") || s.ends_with(b"/."))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// FNV-1a: a cache file's name must not change between builds, as std's hasher may.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn aged(path: &Path, secs: u64) {
        std::fs::write(path, b"x").unwrap();
        let f = std::fs::File::options().write(true).open(path).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(secs))
            .unwrap();
    }

    #[test]
    fn a_path_is_kept_as_it_is_only_when_rebuilding_would_not_change_it() {
        for p in [
            "/a/b.txt",
            "/a//b.txt",
            "/a/./b.txt",
            "/a/b/",
            "/a/b/.",
            "/a/../b",
            "/",
        ] {
            let p = Path::new(p);
            let rebuilt = p.components().collect::<PathBuf>();
            if is_plain(p) {
                assert_eq!(p, rebuilt);
                assert_eq!(p.as_os_str().len(), rebuilt.as_os_str().len(), "{p:?}");
            }
        }
        #[cfg(unix)]
        assert!(is_plain(Path::new("/a/b.txt")) && !is_plain(Path::new("/a/./b.txt")));
    }

    #[test]
    fn the_oldest_cache_files_and_dead_temporary_files_go() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for i in 0..KEEP + 2 {
            aged(&d.join(format!("{i:02}.pack")), 100 * i as u64);
            aged(&d.join(format!("{i:02}.dirs")), 100 * i as u64);
        }
        aged(&d.join(".a.pack.1.tmp"), 7200);
        aged(&d.join(".b.pack.2.tmp"), 10);
        aged(&d.join("other.txt"), 7200);
        prune(&d.join("00.pack"));
        let mut left: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        // The two written longest ago, and the temporary file of a search long dead.
        assert!(!left.contains(&format!("{:02}.pack", KEEP + 1)));
        assert!(!left.contains(&format!("{:02}.pack", KEEP)));
        assert!(!left.contains(&".a.pack.1.tmp".to_string()));
        assert!(
            left.contains(&".b.pack.2.tmp".to_string()),
            "a search may be writing it"
        );
        assert!(left.contains(&"other.txt".to_string()));
        assert_eq!(left.iter().filter(|n| n.ends_with(".pack")).count(), KEEP);
        assert_eq!(left.iter().filter(|n| n.ends_with(".dirs")).count(), KEEP);
        assert!(!left.contains(&format!("{:02}.dirs", KEEP + 1)));
    }

    #[test]
    fn roots_named_differently_share_a_cache_file_and_keys() {
        let cwd = std::env::current_dir().unwrap();
        let a = open(&[PathBuf::from("./x/"), cwd.join("y")]);
        let b = open(&[cwd.join("y"), cwd.join("x")]);
        if let (Some((ra, wa)), Some((rb, wb))) = (a, b) {
            assert_eq!(wa.dest, wb.dest);
            assert_eq!(ra.key(Path::new("./x/1.txt")), rb.key(&cwd.join("x/1.txt")));
        }
        // Nothing to cache for the samples or standard input.
        assert!(open(&[]).is_none());
        assert!(open(&[PathBuf::from("-")]).is_none());
    }
}
