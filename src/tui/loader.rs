//! Loading speeches on a background thread, so the first frame does not wait for a big
//! corpus. Documents arrive in order, in batches, through a channel.

use crate::app::{Action, Batch};
use crate::cli::FindArgs;
use crate::corpus::{LoadError, Source, find_sources, load_source};
use crate::outline::{Document, Text};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc::Sender;

/// A speech as the browser keeps it. Parsing leaves slack in the vectors; with thousands
/// of speeches open it adds up.
pub fn trimmed(mut d: Document) -> Document {
    d.paragraphs.shrink_to_fit();
    d.nodes.shrink_to_fit();
    d.removed = Vec::new();
    d
}

/// Starts loading; the thread ends when everything is sent or the receiver is gone.
/// With `watch`, the files found are then watched for changes, which go to it.
pub fn spawn(
    paths: Vec<PathBuf>,
    find: FindArgs,
    tx: Sender<Batch>,
    watch: Option<Sender<Action>>,
) {
    let max = find.max_size;
    std::thread::spawn(move || {
        let (mut sources, mut errors) = find_sources(&paths, &find.ext, find.follow);
        // Standard input that is the terminal holds the user's keys, not a speech.
        if std::io::stdin().is_terminal() {
            sources.retain(|s| {
                let tty = *s == Source::Stdin;
                if tty {
                    errors.push(LoadError::new(
                        "-".into(),
                        "standard input is the terminal: pipe a speech into gangmu or name a file"
                            .into(),
                    ));
                }
                !tty
            });
        }
        let total = sources.len() + errors.len();
        if tx
            .send(Batch {
                errors,
                total: Some(total),
                done: sources.is_empty(),
                ..Batch::default()
            })
            .is_err()
        {
            return;
        }
        // Small batches first so the tree starts filling at once, larger ones later.
        let mut start = 0;
        let mut size = 16;
        while start < sources.len() {
            let end = (start + size).min(sources.len());
            let results: Vec<_> = sources[start..end]
                .par_iter()
                .map(|s| {
                    // Trimmed here, on the worker threads.
                    load_source(s, Text::Keep, max).map(trimmed)
                })
                .collect();
            let mut batch = Batch {
                done: end == sources.len(),
                ..Batch::default()
            };
            for r in results {
                match r {
                    Ok(d) => batch.docs.push(d),
                    Err(e) => batch.errors.push(e),
                }
            }
            if tx.send(batch).is_err() {
                return;
            }
            start = end;
            size = (size * 2).min(512);
        }
        // Watched once everything is loaded, so that setting the watches does not delay
        // the first speeches; a save while a big corpus loads shows at the next save.
        if let Some(wtx) = watch {
            let files = sources
                .iter()
                .filter_map(|s| match s {
                    Source::File(p) => Some((super::watch::absolute(p)?, s.display())),
                    _ => None,
                })
                .collect();
            super::watch::spawn(files, max, wtx);
        }
    });
}
