//! `gangmu search PATTERN [PATH...]`: every match in every speech, with its section.
//! Files are searched in parallel batches and printed in order; exit status as grep's.

use super::pattern::{Options, Pattern};
use super::render;
use super::scan::{Found, search_source};
use crate::cache::{Outcome, Reader, Recorder};
use crate::cli::{SearchArgs, SearchFormat};
use crate::color::{Stream, choose_for_stderr, enabled, error_line};
use crate::corpus::listing::Listings;
use crate::corpus::{LoadError, find_sources_with, paths_or_stdin};
use crate::export::{Closed, Sink, errors_json, say, say_error};
use rayon::prelude::*;
use std::process::ExitCode;

/// Files searched per parallel batch (as `gangmu outline` does).
const BATCH: usize = 512;

pub fn run(args: &SearchArgs) -> ExitCode {
    choose_for_stderr(args.color);
    let opts = Options {
        regex: args.regex,
        phrase: args.phrase,
        exact: args.exact,
    };
    let paths = paths_or_stdin(&args.paths);
    let (reader, recorder) = match args.no_cache {
        true => (None, None),
        false => crate::cache::open(&args.paths).unzip(),
    };
    let mut listings = recorder.as_ref().map(Recorder::listings);
    // The folding tables load while the folders are walked: both take milliseconds.
    let (pattern, (sources, errors)) = rayon::join(
        || Pattern::new(&args.pattern, opts),
        || {
            let memo = listings.as_mut().map(|l| l as &mut dyn Listings);
            let found = find_sources_with(&paths, &args.find.ext, args.find.follow, memo);
            if let Some(l) = listings.take() {
                l.save();
            }
            found
        },
    );
    let pattern = match pattern {
        Ok(p) => p,
        Err(e) => {
            let pattern = crate::text::sanitize(&args.pattern);
            say(&error_line(
                "search",
                &format!("{pattern}: {e}"),
                crate::color::stderr(),
            ));
            return ExitCode::from(2);
        }
    };
    let color = enabled(args.color, Stream::Stdout);
    for e in &errors {
        say_error(e);
    }
    let mut out = Output {
        out: Sink::new(),
        cache: recorder,
        seen: 0,
        format: if args.count { None } else { Some(args.format) },
        first: true,
        found: 0,
        errors,
    };
    if out.format == Some(SearchFormat::Json) {
        let q = serde_json::to_string(&args.pattern).unwrap_or_default();
        out.put(format!("{{\"pattern\": {q},\n \"matches\": [").as_bytes());
    }
    let max = args.find.max_size;
    // Each batch is searched in parallel while the one before it is written.
    let mut written: Option<Vec<Rendered>> = None;
    for batch in sources.chunks(BATCH) {
        if out.out.failed() {
            break;
        }
        let format = out.format;
        let (searched, ()) = rayon::join(
            || {
                batch
                    .par_iter()
                    .map(|s| {
                        let r = search_source(s, &pattern, max, reader.as_ref())?;
                        let text = r.found.map(|f| rendered(&f, format, color));
                        Ok((text, r.cache))
                    })
                    .collect()
            },
            || {
                let b = written.take();
                b.into_iter().for_each(|b| out.write(b, reader.as_ref()));
            },
        );
        written = Some(searched);
    }
    written
        .into_iter()
        .for_each(|b| out.write(b, reader.as_ref()));
    let all = out.seen == sources.len();
    if let (Some(rec), Some(reader)) = (out.cache.take(), reader)
        && all
    {
        rec.finish(reader);
    }
    out.finish()
}

/// A speech's matches as they are printed (JSON objects each followed by `,\n`), and
/// what it leaves in the outline cache.
type Rendered = Result<(Option<Vec<u8>>, Outcome), LoadError>;

fn rendered(found: &Found, format: Option<SearchFormat>, color: bool) -> Vec<u8> {
    // About what a line takes: grown once or not at all.
    let mut buf = Vec::with_capacity(256 * found.hits.len());
    match format {
        None => render::count(found, color, &mut buf),
        Some(SearchFormat::Text) => render::text(found, color, &mut buf),
        Some(SearchFormat::Jsonl) => render::json(found, b"\n", &mut buf),
        Some(SearchFormat::Json) => render::json(found, b",\n", &mut buf),
    }
    buf
}

struct Output {
    out: Sink,
    /// The outline cache's next file, when there is a cache.
    cache: Option<Recorder>,
    /// Sources whose results were taken in: all of them unless the output closed.
    seen: usize,
    /// `None` for `--count`.
    format: Option<SearchFormat>,
    /// No JSON match written yet.
    first: bool,
    /// Speeches with matches.
    found: usize,
    errors: Vec<LoadError>,
}

impl Output {
    fn put(&mut self, bytes: &[u8]) {
        self.out.put(bytes);
    }

    fn write(&mut self, batch: Vec<Rendered>, reader: Option<&Reader>) {
        for r in batch {
            if self.out.failed() {
                return;
            }
            self.seen += 1;
            let r = r.map(|(text, outcome)| {
                if let (Some(rec), Some(reader)) = (&mut self.cache, reader) {
                    rec.record(reader, outcome);
                }
                text
            });
            match r {
                Ok(None) => {}
                Ok(Some(mut text)) => {
                    self.found += 1;
                    if self.format == Some(SearchFormat::Json) {
                        if !self.first {
                            self.put(b",\n");
                        }
                        self.first = false;
                        // The last separator is the next speech's to write.
                        text.truncate(text.len().saturating_sub(2));
                    }
                    self.put(&text);
                }
                Err(e) => {
                    self.out.error(&e);
                    self.errors.push(e);
                }
            }
        }
    }

    /// 0 when something was found, 1 when nothing was, 2 when a file could not be read
    /// or the output failed; a closed pipe (`| head`) is a success, as in ripgrep.
    fn finish(mut self) -> ExitCode {
        if self.format == Some(SearchFormat::Json) {
            let errs = errors_json(&self.errors);
            self.put(format!("],\n \"errors\": {errs}}}\n").as_bytes());
        }
        let found = self.found > 0;
        match self.out.close() {
            Closed::Failed => ExitCode::from(2),
            Closed::Fine if !self.errors.is_empty() => ExitCode::from(2),
            Closed::Fine => ExitCode::from(u8::from(!found)),
            Closed::Pipe => ExitCode::SUCCESS,
        }
    }
}
