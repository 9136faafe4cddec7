//! `gangmu outline`: outlines as an indented text tree, JSON or Markdown, streamed so
//! that no document's text is kept once its outline is written.

use crate::cli::{Format, OutlineArgs};
use crate::corpus::{LoadError, Source, find_sources, load_decoded, load_source, paths_or_stdin};
use crate::outline::Text;
use rayon::prelude::*;
use std::io::{self, Write};
use std::process::ExitCode;

mod explain;
mod json;
mod markdown;
mod sink;
mod text;

pub use explain::explain;
pub use json::{
    SCHEMA, error_json_line, errors_json, json_string, reference, to_json, write_json,
    write_json_line,
};
pub use markdown::to_markdown;
pub use sink::{Closed, Sink};
pub use text::{to_text, to_text_painted};

/// Files outlined per parallel batch: enough that the pool rarely waits at a batch's
/// end, few enough that the rendered batches held in memory stay small.
const BATCH: usize = 512;

/// Runs `gangmu outline`: exit 0 when every file was outlined, 1 when some failed.
/// A closed standard output ends the run at once, quietly and with status 0, as
/// `rg | head` does; no failure to write (stdout or stderr closed or full) panics.
pub fn run_outline(args: &OutlineArgs) -> ExitCode {
    crate::color::choose_for_stderr(args.color);
    let paths = paths_or_stdin(&args.paths);
    let (sources, errors) = find_sources(&paths, &args.find.ext, args.find.follow);
    for e in &errors {
        say_error(e);
    }
    let max = args.find.max_size;
    if args.explain {
        return run_explain(&sources, errors, max);
    }
    let format = args.format;
    let color =
        format == Format::Text && crate::color::enabled(args.color, crate::color::Stream::Stdout);
    let mut out = Output {
        out: Sink::new(),
        format,
        first: true,
        errors: Vec::new(),
    };
    match format {
        Format::Json => out.put(format!("{{\"schema\": {SCHEMA}, \"documents\": [").as_bytes()),
        // Said on stderr already; in the stream too, where they happened: first.
        Format::Jsonl => errors
            .iter()
            .for_each(|e| out.put(error_json_line(e).as_bytes())),
        Format::Text | Format::Markdown => {}
    }
    out.errors = errors;
    // Each batch is parsed in parallel while the one before it is written, in order,
    // and dropped: the pool never waits for the writer, and memory stays bounded.
    let mut written: Option<Vec<Rendered>> = None;
    for batch in sources.chunks(BATCH) {
        if out.out.failed() {
            break;
        }
        let (rendered, ()) = rayon::join(
            || render(batch, format, color, max),
            || written.take().into_iter().for_each(|r| out.write(r)),
        );
        written = Some(rendered);
    }
    written.into_iter().for_each(|r| out.write(r));
    out.finish()
}

/// One line on standard error. Nothing is left to tell if that fails too, so the
/// failure is ignored rather than allowed to end the run.
pub fn say(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

/// A file that could not be read, as one line on stderr: `gangmu: PATH: reason`,
/// coloured as `--color` chose for stderr (`color::choose_for_stderr`).
pub fn say_error(e: &LoadError) {
    say(&e.line(crate::color::stderr()));
}

/// `--explain`: one file after the other, each with its text kept to show it.
fn run_explain(sources: &[Source], errors: Vec<LoadError>, max: u64) -> ExitCode {
    let mut out = Output {
        out: Sink::new(),
        format: Format::Text,
        first: true,
        errors,
    };
    for src in sources {
        if out.out.failed() {
            break;
        }
        match load_decoded(src, Text::Keep, max) {
            Ok((doc, text)) => {
                out.put(explain(&doc, &text).as_bytes());
                out.put(b"\n");
            }
            Err(e) => out.error(e),
        }
    }
    out.finish()
}

type Rendered = Result<Vec<u8>, LoadError>;

fn render(batch: &[Source], format: Format, color: bool, max: u64) -> Vec<Rendered> {
    batch
        .par_iter()
        .map(|src| {
            load_source(src, Text::Drop, max).map(|doc| match format {
                Format::Json => {
                    let mut out = Vec::new();
                    write_json(&doc, &mut out);
                    out
                }
                Format::Jsonl => {
                    let mut out = Vec::new();
                    write_json_line(&doc, &mut out);
                    out
                }
                Format::Text => to_text_painted(&doc, color).into_bytes(),
                Format::Markdown => to_markdown(&doc).into_bytes(),
            })
        })
        .collect()
}

/// Standard output and what is still to be said at the end.
struct Output {
    out: Sink,
    format: Format,
    first: bool,
    errors: Vec<LoadError>,
}

impl Output {
    fn put(&mut self, bytes: &[u8]) {
        self.out.put(bytes);
    }

    /// A file that could not be outlined: one line on stderr, in order with stdout,
    /// and with jsonl a line in the stream too.
    fn error(&mut self, e: LoadError) {
        self.out.error(&e);
        if self.format == Format::Jsonl {
            self.put(error_json_line(&e).as_bytes());
        }
        self.errors.push(e);
    }

    fn write(&mut self, batch: Vec<Rendered>) {
        for r in batch {
            if self.out.failed() {
                return;
            }
            match r {
                Ok(text) => {
                    if self.format == Format::Json && !self.first {
                        self.put(b",\n");
                    }
                    self.first = false;
                    self.put(&text);
                    // A jsonl line ends itself; JSON is joined by commas.
                    if matches!(self.format, Format::Text | Format::Markdown) {
                        self.put(b"\n");
                    }
                }
                Err(e) => self.error(e),
            }
        }
    }

    fn finish(mut self) -> ExitCode {
        if self.format == Format::Json {
            let errs = errors_json(&self.errors);
            self.put(format!("],\n \"errors\": {errs}}}\n").as_bytes());
        }
        let failed = !self.errors.is_empty();
        match self.out.close() {
            Closed::Fine => ExitCode::from(u8::from(failed)),
            // The reader took what it wanted (`| head`): a success, as in ripgrep.
            Closed::Pipe => ExitCode::SUCCESS,
            Closed::Failed => ExitCode::from(1),
        }
    }
}
