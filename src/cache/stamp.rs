//! What says a file is still as it was outlined: its length, modification and change
//! times, and (on Unix) its inode and device. A file rewritten in place changes its
//! change time even when a tool puts the modification time back.

use std::fs::Metadata;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp([u64; 5]);

impl Stamp {
    pub const BYTES: usize = 40;

    #[cfg(unix)]
    pub fn of(meta: &Metadata) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        let ns = |s: i64, n: i64| {
            (s as u64)
                .wrapping_mul(1_000_000_000)
                .wrapping_add(n as u64)
        };
        Stamp([
            meta.len(),
            ns(meta.mtime(), meta.mtime_nsec()),
            ns(meta.ctime(), meta.ctime_nsec()),
            meta.ino(),
            meta.dev(),
        ])
    }

    #[cfg(not(unix))]
    pub fn of(meta: &Metadata) -> Stamp {
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as u64);
        Stamp([meta.len(), modified, 0, 0, 0])
    }

    pub fn to_bytes(self) -> [u8; Self::BYTES] {
        let mut out = [0; Self::BYTES];
        for (chunk, v) in out.chunks_exact_mut(8).zip(self.0) {
            chunk.copy_from_slice(&v.to_le_bytes());
        }
        out
    }

    pub fn from_bytes(b: &[u8]) -> Option<Stamp> {
        let mut v = [0; 5];
        for (x, chunk) in v.iter_mut().zip(b.get(..Self::BYTES)?.chunks_exact(8)) {
            *x = u64::from_le_bytes(chunk.try_into().ok()?);
        }
        Some(Stamp(v))
    }
}
