//! Loading speeches on a background thread, so the first frame does not wait for a big
//! corpus. Documents arrive in order, in batches, through a channel.

use crate::app::Batch;
use crate::cli::FindArgs;
use crate::corpus::{LoadError, Source, find_sources, load_source};
use crate::outline::Text;
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc::Sender;

/// Starts loading; the thread ends when everything is sent or the receiver is gone.
pub fn spawn(paths: Vec<PathBuf>, find: FindArgs, tx: Sender<Batch>) {
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
                    load_source(s, Text::Keep, max).map(|mut d| {
                        // Parsing leaves slack in the vectors; with thousands of speeches
                        // open it adds up. Trimmed here, on the worker threads.
                        d.paragraphs.shrink_to_fit();
                        d.nodes.shrink_to_fit();
                        d.removed = Vec::new();
                        d
                    })
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
    });
}
