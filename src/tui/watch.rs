//! Live reload: the files on screen are watched (inotify, FSEvents… through `notify`), and
//! one that changes is read and parsed again, or reported gone, within a second. A
//! speechwriter edits in one pane and watches the outline in another.

use crate::app::Action;
use crate::corpus::{Source, load_source};
use crate::outline::Text;
use notify::{EventKind, RecursiveMode, Watcher};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;

/// Quiet time after the last change before a file is read: an editor's save is several
/// events (write a temporary file, rename it over the old one).
const SETTLE: Duration = Duration::from_millis(150);

/// Watches `files` (path on disk → the name the speech was opened under) from the
/// folders that hold them, and sends what changed to `tx` while it can.
pub fn spawn(files: HashMap<PathBuf, String>, max: u64, tx: Sender<Action>) {
    if files.is_empty() {
        return;
    }
    std::thread::spawn(move || {
        let (etx, erx) = mpsc::channel();
        let Ok(mut watcher) = notify::recommended_watcher(etx) else {
            return;
        };
        // Folders, not files: a file saved by rename is a new file the old watch misses.
        for dir in folders(files.keys()) {
            let _ = watcher.watch(&dir, RecursiveMode::NonRecursive);
        }
        let mut pending: HashSet<PathBuf> = HashSet::new();
        loop {
            match erx.recv_timeout(SETTLE) {
                Ok(Ok(ev)) => {
                    if matches!(
                        ev.kind,
                        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
                    ) {
                        pending.extend(ev.paths.into_iter().filter(|p| files.contains_key(p)));
                    }
                    continue;
                }
                Ok(Err(_)) => continue,
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
            for path in pending.drain() {
                let name = &files[&path];
                let action = if path.is_file() {
                    match load_source(&Source::File(PathBuf::from(name)), Text::Keep, max) {
                        Ok(doc) => Action::Reloaded(Box::new(crate::tui::loader::trimmed(doc))),
                        Err(e) => Action::Say(e.to_string()),
                    }
                } else {
                    Action::Removed(name.clone())
                };
                if tx.send(action).is_err() {
                    return;
                }
            }
        }
    });
}

/// The folders holding `files`, each once.
fn folders<'a>(files: impl Iterator<Item = &'a PathBuf>) -> Vec<PathBuf> {
    let set: HashSet<&Path> = files.filter_map(|p| p.parent()).collect();
    let mut v: Vec<PathBuf> = set.into_iter().map(Path::to_path_buf).collect();
    v.sort();
    v
}

/// The absolute path a watch reports for a file opened as `name`.
pub fn absolute(name: &Path) -> Option<PathBuf> {
    std::path::absolute(name).ok()
}
