//! The reader's marks and positions between runs: `$XDG_STATE_HOME/gangmu/state.json`
//! (`~/.local/state/gangmu/state.json`), read at start and written at the end.

use crate::app::memory::Memory;
use std::io;
use std::path::{Path, PathBuf};

/// Where the state is kept, when there is a home to keep it in.
pub fn path() -> Option<PathBuf> {
    let dir = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state")))?;
    Some(dir.join("gangmu").join("state.json"))
}

/// The kept state; a missing file is a first run, a broken one is said and replaced.
pub fn load(path: &Path) -> (Memory, Option<String>) {
    match std::fs::read(path) {
        Ok(bytes) => match serde_json::from_slice(&bytes) {
            Ok(m) => (m, None),
            Err(e) => (
                Memory::default(),
                Some({
                    let p = path.display();
                    crate::tr!(
                        "gangmu: {p}: {e}；标记和阅读位置从头开始",
                        "gangmu: {p}: {e}; marks and positions start afresh"
                    )
                }),
            ),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => (Memory::default(), None),
        Err(e) => (
            Memory::default(),
            Some(format!(
                "gangmu: {}: {}",
                path.display(),
                crate::corpus::find::io_reason(&e)
            )),
        ),
    }
}

/// Writes the state whole or not at all: a temporary file renamed over the old one, so
/// a crash or a full disk never leaves half a file.
pub fn save(path: &Path, memory: &Memory) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let json = serde_json::to_vec_pretty(memory).map_err(io::Error::other)?;
    let tmp = path.with_extension(format!("json.{}", std::process::id()));
    std::fs::write(&tmp, json)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::memory::{Mark, Place};

    #[test]
    fn saved_and_read_back_and_a_broken_file_is_said() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("gangmu/state.json");
        assert_eq!(load(&p), (Memory::default(), None));
        let mut m = Memory {
            tree_width: 30,
            ..Memory::default()
        };
        m.marks.insert(
            'a',
            Mark {
                path: "/x/讲话.txt".into(),
                place: Place {
                    line: 12,
                    ..Place::default()
                },
            },
        );
        save(&p, &m).unwrap();
        assert_eq!(load(&p), (m, None));
        std::fs::write(&p, "{not json").unwrap();
        let (m, warn) = load(&p);
        assert_eq!(m, Memory::default());
        assert!(warn.unwrap().contains("state.json"));
    }
}
