//! Folder listings remembered from one search to the next, beside the outline cache
//! file (`<name>.dirs`). A folder's listing is good while the folder's stamp (length,
//! modification and change times, inode, device) is as it was: adding, removing or
//! renaming an entry changes the folder's times. As in git's untracked cache, a listing
//! is only kept when the folder had not changed for a while before it was listed, so a
//! change within the same clock tick cannot go unseen.

use super::Stamp;
use crate::corpus::listing::{Listing, Listings};
use std::collections::HashMap;
use std::fs::Metadata;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const MAGIC: &[u8] = b"gangmu dirs 1\n";

/// How long a folder must have been left alone before its listing is kept: more than
/// the coarsest clock of common file systems (FAT's two seconds).
const SETTLED: Duration = Duration::from_secs(3);

/// The listings of one set of folders searched.
pub struct DirCache {
    dest: PathBuf,
    /// Each listing, and whether this walk used it.
    known: HashMap<Stamp, (Listing, bool)>,
    /// A listing was added.
    changed: bool,
}

impl DirCache {
    /// The listings in `dest`; none when it is missing or damaged.
    pub fn open(dest: PathBuf) -> DirCache {
        let known = std::fs::read(&dest)
            .ok()
            .and_then(|b| parse(&b))
            .unwrap_or_default();
        DirCache {
            dest,
            known,
            changed: false,
        }
    }

    /// Writes the listings this walk used or made, if anything changed; a failure to
    /// write only means the next walk lists again.
    pub fn save(self) {
        if !self.changed && self.known.values().all(|(_, used)| *used) {
            return;
        }
        let mut body = Vec::new();
        for (stamp, (listing, _)) in self.known.iter().filter(|(_, (_, used))| *used) {
            body.extend_from_slice(&stamp.to_bytes());
            body.extend_from_slice(&(listing.as_bytes().len() as u64).to_le_bytes());
            body.extend_from_slice(listing.as_bytes());
        }
        if write_atomically(&self.dest, &body).is_ok() {
            super::prune(&self.dest);
        }
    }
}

impl Listings for DirCache {
    fn recall(&mut self, meta: &Metadata) -> Option<&Listing> {
        let (listing, used) = self.known.get_mut(&Stamp::of(meta))?;
        *used = true;
        Some(listing)
    }

    fn remember(&mut self, meta: &Metadata, listed_at: SystemTime, listing: &Listing) {
        if settled(meta, listed_at) {
            self.changed = true;
            self.known.insert(Stamp::of(meta), (listing.clone(), true));
        }
    }
}

/// Whether the folder had neither been modified nor changed for `SETTLED` when it was
/// listed. Without change times (outside Unix) a listing is never kept.
fn settled(meta: &Metadata, listed_at: SystemTime) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Some(limit) = listed_at.checked_sub(SETTLED) else {
            return false;
        };
        let at = |secs: i64, nanos: i64| {
            let d = Duration::new(u64::try_from(secs).ok()?, u32::try_from(nanos).ok()?);
            SystemTime::UNIX_EPOCH.checked_add(d)
        };
        // A time of 0 is a file system that keeps none.
        let times = [
            at(meta.mtime(), meta.mtime_nsec()),
            at(meta.ctime(), meta.ctime_nsec()),
        ];
        times
            .iter()
            .all(|t| t.is_some_and(|t| t > SystemTime::UNIX_EPOCH && t <= limit))
    }
    #[cfg(not(unix))]
    {
        let _ = (meta, listed_at);
        false
    }
}

/// The records of a listings file: the magic and the build's outline code (which
/// includes the order names are sorted in), then per folder its stamp, the listing's
/// length and the listing, then an FNV-1a hash of all before it.
fn parse(b: &[u8]) -> Option<HashMap<Stamp, (Listing, bool)>> {
    let (body, hash) = b.split_last_chunk::<8>()?;
    if super::fnv(body) != u64::from_le_bytes(*hash) {
        return None;
    }
    let (build, mut rest) = body.strip_prefix(MAGIC)?.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*build) != super::pack::outline_hash() {
        return None;
    }
    let mut known = HashMap::new();
    while !rest.is_empty() {
        let (stamp, after) = rest.split_at_checked(Stamp::BYTES)?;
        let (len, after) = after.split_first_chunk::<8>()?;
        let len = usize::try_from(u64::from_le_bytes(*len)).ok()?;
        let (listing, after) = after.split_at_checked(len)?;
        known.insert(
            Stamp::from_bytes(stamp)?,
            (Listing::from_bytes(listing.to_vec()), false),
        );
        rest = after;
    }
    Some(known)
}

/// `body` written under a temporary name with the head and hash, and renamed into
/// place: a reader sees the old file or the new one, never half of one.
fn write_atomically(dest: &Path, body: &[u8]) -> std::io::Result<()> {
    let tmp = super::temporary(dest);
    let mut all = Vec::with_capacity(MAGIC.len() + body.len() + 16);
    all.extend_from_slice(MAGIC);
    all.extend_from_slice(&super::pack::outline_hash().to_le_bytes());
    all.extend_from_slice(body);
    let hash = super::fnv(&all);
    all.extend_from_slice(&hash.to_le_bytes());
    if let Some(dir) = dest.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let written = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(&all))
        .and_then(|()| std::fs::rename(&tmp, dest));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::listing::Kind;
    use std::ffi::OsStr;

    fn listing(names: &[&str]) -> Listing {
        let mut l = Listing::default();
        for n in names {
            l.push(Kind::File, OsStr::new(n));
        }
        l
    }

    #[test]
    fn a_settled_folder_is_recalled_until_it_changes() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("speeches");
        std::fs::create_dir(&folder).unwrap();
        // Set back an hour, so the entry added below surely changes its time.
        let hour = Duration::from_secs(3600);
        let handle = std::fs::File::open(&folder).unwrap();
        handle.set_modified(SystemTime::now() - hour).unwrap();
        let dest = dir.path().join("x.dirs");
        let meta = std::fs::metadata(&folder).unwrap();
        let later = SystemTime::now() + Duration::from_secs(60);

        // Listed as soon as it changed: not kept, as the same tick could hide a change.
        let mut c = DirCache::open(dest.clone());
        c.remember(&meta, SystemTime::now(), &listing(&["1.txt"]));
        c.save();
        assert!(DirCache::open(dest.clone()).recall(&meta).is_none());

        // Listed long after: kept, and recalled by a later walk.
        let mut c = DirCache::open(dest.clone());
        c.remember(&meta, later, &listing(&["1.txt", "2.txt"]));
        c.save();
        let mut c = DirCache::open(dest.clone());
        assert_eq!(c.recall(&meta), Some(&listing(&["1.txt", "2.txt"])));

        // A new entry changes the folder's times: the old listing is not recalled.
        std::fs::write(folder.join("3.txt"), "x").unwrap();
        let changed = std::fs::metadata(&folder).unwrap();
        assert!(c.recall(&changed).is_none());
    }

    #[test]
    fn a_damaged_file_gives_no_listings() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path();
        let dest = dir.path().join("x.dirs");
        let meta = std::fs::metadata(folder).unwrap();
        let mut c = DirCache::open(dest.clone());
        c.remember(
            &meta,
            SystemTime::now() + Duration::from_secs(60),
            &listing(&["a.txt"]),
        );
        c.save();
        let good = std::fs::read(&dest).unwrap();
        assert!(DirCache::open(dest.clone()).recall(&meta).is_some());
        for k in [0, MAGIC.len() + 3, good.len() / 2, good.len() - 1] {
            let mut bad = good.clone();
            bad[k] ^= 0x40;
            std::fs::write(&dest, &bad).unwrap();
            assert!(DirCache::open(dest.clone()).recall(&meta).is_none(), "{k}");
        }
        std::fs::write(&dest, &good[..good.len() - 3]).unwrap();
        assert!(DirCache::open(dest.clone()).recall(&meta).is_none());
    }
}
