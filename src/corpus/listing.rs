//! A folder's entries as the walk uses them, and the memory of listings from an earlier
//! walk. Listing a folder of 100,000 speeches and sorting the names takes a tenth of a
//! second on one core before the first file can be read; a listing remembered while the
//! folder is unchanged (`cache::Listings`) takes a few milliseconds.

use std::ffi::OsStr;
use std::fs::Metadata;
use std::time::SystemTime;

/// What a folder entry is, as the listing tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
    /// A link, or a type the listing does not give: what it points to decides.
    Other,
}

impl Kind {
    pub fn of(t: Option<std::fs::FileType>) -> Kind {
        match t {
            Some(t) if t.is_file() => Kind::File,
            Some(t) if t.is_dir() => Kind::Dir,
            _ => Kind::Other,
        }
    }

    fn code(self) -> u8 {
        match self {
            Kind::File => 0,
            Kind::Dir => 1,
            Kind::Other => 2,
        }
    }

    fn from_code(c: u8) -> Option<Kind> {
        [Kind::File, Kind::Dir, Kind::Other]
            .get(usize::from(c))
            .copied()
    }
}

/// A folder's entries in walk order, packed in one buffer: for each, its kind, the
/// length of its name (u32, little-endian) and the name's bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing(Vec<u8>);

impl Listing {
    pub fn push(&mut self, kind: Kind, name: &OsStr) {
        let name = name_bytes(name);
        // A name is at most a few hundred bytes on every file system.
        let Ok(len) = u32::try_from(name.len()) else {
            return;
        };
        self.0.push(kind.code());
        self.0.extend_from_slice(&len.to_le_bytes());
        self.0.extend_from_slice(name);
    }

    /// The entries, in order; a damaged listing ends where the damage is.
    pub fn iter(&self) -> impl Iterator<Item = (Kind, &OsStr)> {
        let mut rest = &self.0[..];
        std::iter::from_fn(move || {
            let (&code, after) = rest.split_first()?;
            let (len, after) = after.split_first_chunk::<4>()?;
            let len = usize::try_from(u32::from_le_bytes(*len)).ok()?;
            let (name, after) = after.split_at_checked(len)?;
            rest = after;
            Some((Kind::from_code(code)?, name_from_bytes(name)?))
        })
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn from_bytes(bytes: Vec<u8>) -> Listing {
        Listing(bytes)
    }
}

/// Listings kept from an earlier walk, each good while its folder is unchanged.
pub trait Listings: Send {
    /// The entries of the folder `meta` describes, as listed before, if it has not
    /// changed since.
    fn recall(&mut self, meta: &Metadata) -> Option<&Listing>;

    /// The entries of the folder `meta` describes, listed just now (the listing began
    /// at `listed_at`).
    fn remember(&mut self, meta: &Metadata, listed_at: SystemTime, listing: &Listing);
}

#[cfg(unix)]
fn name_bytes(name: &OsStr) -> &[u8] {
    use std::os::unix::ffi::OsStrExt;
    name.as_bytes()
}

#[cfg(unix)]
fn name_from_bytes(b: &[u8]) -> Option<&OsStr> {
    use std::os::unix::ffi::OsStrExt;
    Some(OsStr::from_bytes(b))
}

// Elsewhere a name is kept only when it is text, which names nearly always are.
#[cfg(not(unix))]
fn name_bytes(name: &OsStr) -> &[u8] {
    name.to_str().map_or(&[], str::as_bytes)
}

#[cfg(not(unix))]
fn name_from_bytes(b: &[u8]) -> Option<&OsStr> {
    std::str::from_utf8(b).ok().map(OsStr::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_gives_back_its_entries_and_stops_at_damage() {
        let mut l = Listing::default();
        l.push(Kind::File, OsStr::new("2.txt"));
        l.push(Kind::Dir, OsStr::new("讲话"));
        l.push(Kind::Other, OsStr::new("link"));
        let got: Vec<(Kind, &OsStr)> = l.iter().collect();
        assert_eq!(
            got,
            [
                (Kind::File, OsStr::new("2.txt")),
                (Kind::Dir, OsStr::new("讲话")),
                (Kind::Other, OsStr::new("link"))
            ]
        );
        let bytes = l.as_bytes();
        for cut in 0..bytes.len() {
            let short = Listing::from_bytes(bytes[..cut].to_vec());
            assert!(short.iter().count() < 3, "cut at {cut}");
        }
        let mut bad = bytes.to_vec();
        bad[0] = 9;
        assert_eq!(Listing::from_bytes(bad).iter().count(), 0);
    }
}
