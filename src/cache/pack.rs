//! The cache file of one set of searched folders: the entries one after another, then
//! their index (path, stamp, place) sorted by path, then a footer that finds the index.
//! A new file is written under a temporary name and renamed over the old one, so a
//! reader never sees half of one and a running search keeps the file it opened.

use super::stamp::Stamp;
use memmap2::Mmap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"GANGMUOC";
/// Index offset and length, outline hash, format version, magic.
const FOOTER: usize = 8 + 8 + 8 + 4 + 8;
const VERSION: u32 = 3;
/// Bytes of an index row besides its key: key length, stamp, entry offset and length.
const ROW: usize = 4 + Stamp::BYTES + 8 + 4;

/// The outline code this build has (see build.rs): entries made by another are not read.
pub(super) fn outline_hash() -> u64 {
    u64::from_str_radix(env!("GANGMU_OUTLINE_HASH"), 16).unwrap_or(0)
}

/// A cache file opened for reading, mapped into memory: an entry is a slice of it, read
/// without a system call or a copy (a search reads one per matching file).
pub struct Pack {
    map: Mmap,
    /// Where the index starts: every entry lies before it.
    entries_end: usize,
    /// Where the index ends.
    index_end: usize,
    /// Per entry, in key order: where its index row starts.
    rows: Vec<usize>,
}

impl Pack {
    /// The file at `path`, or `None` when there is none, or it is damaged or was made
    /// by another build.
    pub fn open(path: &Path) -> Option<Pack> {
        let file = File::open(path).ok()?;
        // SAFETY: a cache file is never written in place: a new one is written under
        // another name and renamed over it, which leaves this mapping's file as it was.
        // (Another program cutting it short meanwhile would fault the read, as with any
        // mapped file, ripgrep's included.)
        let map = unsafe { Mmap::map(&file) }.ok()?;
        let size = map.len();
        let footer = map.get(size.checked_sub(FOOTER)?..)?;
        let word = |k: usize| u64::from_le_bytes(footer[k..k + 8].try_into().unwrap_or([0; 8]));
        let (at, len, hash) = (word(0), word(8), word(16));
        let version = u32::from_le_bytes(footer[24..28].try_into().ok()?);
        if &footer[28..] != MAGIC || version != VERSION || hash != outline_hash() {
            return None;
        }
        let (at, len) = (usize::try_from(at).ok()?, usize::try_from(len).ok()?);
        let index_end = at.checked_add(len)?;
        if index_end > size - FOOTER {
            return None;
        }
        let mut rows = Vec::new();
        let mut k = at;
        while k < index_end {
            rows.push(k);
            let key_len = usize::try_from(u32_at(&map[..index_end], k)?).ok()?;
            k = k.checked_add(ROW)?.checked_add(key_len)?;
        }
        (k == index_end).then_some(Pack {
            map,
            entries_end: at,
            index_end,
            rows,
        })
    }

    pub(super) fn len(&self) -> usize {
        self.rows.len()
    }

    /// The entry for `key` when its stamp is `stamp`: the file is as it was outlined.
    pub fn find(&self, key: &[u8], stamp: &Stamp) -> Option<usize> {
        // A thread mostly looks up a folder's files in the index's order: the row after
        // the one it found last is tried before a binary search (a dozen cache misses
        // in a big index). Only a hint: the key is compared all the same.
        let next = NEXT_ROW.get();
        let i = match self.rows.get(next) {
            Some(&r) if self.key(r) == key => next,
            _ => self.rows.binary_search_by(|&r| self.key(r).cmp(key)).ok()?,
        };
        NEXT_ROW.set(i + 1);
        (self.row(i)?.1 == *stamp).then_some(i)
    }

    /// The bytes of entry `i`.
    pub fn read(&self, i: usize) -> Option<&[u8]> {
        let (_, _, at, len) = self.row(i)?;
        self.map[..self.entries_end].get(at..at.checked_add(len)?)
    }

    fn index(&self) -> &[u8] {
        &self.map[..self.index_end]
    }

    /// Key, stamp, offset and length of entry `i`.
    fn row(&self, i: usize) -> Option<(&[u8], Stamp, usize, usize)> {
        let r = *self.rows.get(i)?;
        let key = self.key(r);
        let index = self.index();
        let k = r + 4 + key.len();
        let stamp = Stamp::from_bytes(index.get(k..k + Stamp::BYTES)?)?;
        let at = u64::from_le_bytes(index.get(k + Stamp::BYTES..)?.get(..8)?.try_into().ok()?);
        let len = u32_at(index, k + Stamp::BYTES + 8)?;
        Some((
            key,
            stamp,
            usize::try_from(at).ok()?,
            usize::try_from(len).ok()?,
        ))
    }

    fn key(&self, r: usize) -> &[u8] {
        let index = self.index();
        let n = u32_at(index, r).map_or(0, |n| n as usize);
        index.get(r + 4..r + 4 + n).unwrap_or(&[])
    }

    /// Entry `i` as the writer takes it.
    pub fn entry(&self, i: usize) -> Option<(Vec<u8>, Stamp, &[u8])> {
        let (key, stamp, _, _) = self.row(i)?;
        Some((key.to_vec(), stamp, self.read(i)?))
    }
}

thread_local! {
    /// The row after the last one this thread found.
    static NEXT_ROW: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// A new cache file, written entry by entry and put in place by `finish`. Dropped
/// unfinished, its temporary file is removed.
pub struct Writer {
    dest: PathBuf,
    tmp: PathBuf,
    out: Option<BufWriter<File>>,
    at: u64,
    /// (key, stamp, offset, length) per entry.
    rows: Vec<(Vec<u8>, Stamp, u64, u32)>,
}

impl Writer {
    pub fn create(dest: &Path) -> std::io::Result<Writer> {
        let tmp = super::temporary(dest);
        let file = File::create(&tmp)?;
        Ok(Writer {
            dest: dest.to_path_buf(),
            tmp,
            out: Some(BufWriter::with_capacity(1 << 16, file)),
            at: 0,
            rows: Vec::new(),
        })
    }

    pub fn add(&mut self, key: Vec<u8>, stamp: Stamp, entry: &[u8]) -> std::io::Result<()> {
        let len = u32::try_from(entry.len()).map_err(std::io::Error::other)?;
        if let Some(out) = &mut self.out {
            out.write_all(entry)?;
        }
        self.rows.push((key, stamp, self.at, len));
        self.at += u64::from(len);
        Ok(())
    }

    /// The index and footer written, the file renamed into place. `let_go` runs just
    /// before the rename: it unmaps the file being replaced, which Windows requires.
    pub fn finish(mut self, let_go: impl FnOnce()) -> std::io::Result<()> {
        let Some(out) = self.out.take() else {
            return Ok(());
        };
        let done = self.close(out).and_then(|()| {
            let_go();
            std::fs::rename(&self.tmp, &self.dest)
        });
        if done.is_err() {
            let _ = std::fs::remove_file(&self.tmp);
        }
        done
    }

    fn close(&mut self, mut out: BufWriter<File>) -> std::io::Result<()> {
        self.rows.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        self.rows.dedup_by(|a, b| a.0 == b.0);
        let mut index = Vec::with_capacity(self.rows.len() * (ROW + 64));
        for (key, stamp, at, len) in &self.rows {
            let n = u32::try_from(key.len()).map_err(std::io::Error::other)?;
            index.extend_from_slice(&n.to_le_bytes());
            index.extend_from_slice(key);
            index.extend_from_slice(&stamp.to_bytes());
            index.extend_from_slice(&at.to_le_bytes());
            index.extend_from_slice(&len.to_le_bytes());
        }
        out.write_all(&index)?;
        out.write_all(&self.at.to_le_bytes())?;
        out.write_all(&(index.len() as u64).to_le_bytes())?;
        out.write_all(&outline_hash().to_le_bytes())?;
        out.write_all(&VERSION.to_le_bytes())?;
        out.write_all(MAGIC)?;
        out.into_inner().map_err(|e| e.into_error())?;
        Ok(())
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if self.out.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

fn u32_at(b: &[u8], k: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(k..k.checked_add(4)?)?.try_into().ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(n: u64) -> Stamp {
        let mut b = [0u8; Stamp::BYTES];
        b[..8].copy_from_slice(&n.to_le_bytes());
        Stamp::from_bytes(&b).unwrap()
    }

    fn written(dir: &Path) -> PathBuf {
        let dest = dir.join("x.pack");
        let mut w = Writer::create(&dest).unwrap();
        w.add(b"/b/2.txt".to_vec(), stamp(2), b"second").unwrap();
        w.add(b"/a/1.txt".to_vec(), stamp(1), b"first").unwrap();
        w.add(b"/c/3.txt".to_vec(), stamp(3), b"").unwrap();
        w.finish(|| ()).unwrap();
        dest
    }

    #[test]
    fn entries_are_found_by_path_and_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let pack = Pack::open(&written(dir.path())).expect("opens");
        assert_eq!(pack.len(), 3);
        let i = pack.find(b"/a/1.txt", &stamp(1)).expect("found");
        assert_eq!(pack.read(i).unwrap(), b"first");
        let i = pack.find(b"/b/2.txt", &stamp(2)).expect("found");
        assert_eq!(pack.read(i).unwrap(), b"second");
        assert_eq!(
            pack.read(pack.find(b"/c/3.txt", &stamp(3)).unwrap())
                .unwrap(),
            b""
        );
        // Changed since, or never there.
        assert_eq!(pack.find(b"/a/1.txt", &stamp(9)), None);
        assert_eq!(pack.find(b"/a/9.txt", &stamp(1)), None);
        // Carried to a new file as it was.
        let (key, s, bytes) = pack.entry(i).unwrap();
        assert_eq!(
            (key.as_slice(), s, bytes),
            (&b"/b/2.txt"[..], stamp(2), &b"second"[..])
        );
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn lookups_in_any_order_find_the_same_entries() {
        let dir = tempfile::tempdir().unwrap();
        let pack = Pack::open(&written(dir.path())).expect("opens");
        let keys: [(&[u8], u64); 3] = [(b"/a/1.txt", 1), (b"/b/2.txt", 2), (b"/c/3.txt", 3)];
        let found = |k: usize| pack.find(keys[k].0, &stamp(keys[k].1));
        let in_order: Vec<_> = (0..3).map(found).collect();
        assert_eq!(in_order, [Some(0), Some(1), Some(2)]);
        // Backwards, repeated, and with misses between: the hint is only a hint.
        for k in [2, 1, 1, 0, 2, 0] {
            assert_eq!(found(k), Some(k));
            assert_eq!(pack.find(b"/b/2.txt", &stamp(7)), None);
            assert_eq!(pack.find(b"/b/25.txt", &stamp(2)), None);
        }
    }

    #[test]
    fn a_damaged_or_foreign_file_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let dest = written(dir.path());
        let good = std::fs::read(&dest).unwrap();
        // Cut anywhere, or with a byte changed in its footer, or another build's.
        for cut in [0, 1, good.len() / 2, good.len() - 1] {
            std::fs::write(&dest, &good[..cut]).unwrap();
            assert!(Pack::open(&dest).is_none(), "cut at {cut}");
        }
        for at in good.len() - FOOTER..good.len() {
            let mut bad = good.clone();
            bad[at] ^= 0x5A;
            std::fs::write(&dest, &bad).unwrap();
            if let Some(p) = Pack::open(&dest) {
                // Offsets moved within the file: whatever is found is bounded.
                for i in 0..p.len() {
                    let _ = p.read(i);
                }
            }
        }
        assert!(Pack::open(&dir.path().join("none.pack")).is_none());
    }

    #[test]
    fn an_unfinished_writer_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = Writer::create(&dir.path().join("y.pack")).unwrap();
        w.add(b"/a".to_vec(), stamp(1), b"x").unwrap();
        drop(w);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
