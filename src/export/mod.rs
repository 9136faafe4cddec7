//! `gangmu outline`: outlines as an indented text tree or as JSON, streamed so that no
//! document's text is kept once its outline is written.

use crate::cli::{Format, OutlineArgs};
use crate::corpus::{LoadError, Source, find_sources, load_decoded, load_source};
use crate::outline::Text;
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

mod explain;
mod json;
mod text;

pub use explain::explain;
pub use json::{errors_json, reference, to_json, write_json};
pub use text::to_text;

/// Files outlined per parallel batch: enough that the pool rarely waits at a batch's
/// end, few enough that the rendered batches held in memory stay small.
const BATCH: usize = 512;

/// Runs `gangmu outline`: exit 0 when every file was outlined, 1 when some failed.
pub fn run_outline(args: &OutlineArgs) -> ExitCode {
    let (sources, errors) = find_sources(&args.paths, &args.find.ext);
    for e in &errors {
        eprintln!("{e}");
    }
    if args.explain {
        return run_explain(&sources, errors);
    }
    let json = args.format == Format::Json;
    let mut out = Output {
        out: BufWriter::with_capacity(1 << 16, io::stdout()),
        json,
        first: true,
        errors,
    };
    if json {
        let _ = out.out.write_all(b"{\"documents\": [");
    }
    // Each batch is parsed in parallel while the one before it is written, in order,
    // and dropped: the pool never waits for the writer, and memory stays bounded.
    let mut written: Option<Vec<Rendered>> = None;
    for batch in sources.chunks(BATCH) {
        let (rendered, ()) = rayon::join(
            || render(batch, json),
            || written.take().into_iter().for_each(|r| out.write(r)),
        );
        written = Some(rendered);
    }
    written.into_iter().for_each(|r| out.write(r));
    out.finish()
}

/// `--explain`: one file after the other, each with its text kept to show it.
fn run_explain(sources: &[Source], mut errors: Vec<LoadError>) -> ExitCode {
    let mut out = BufWriter::new(io::stdout());
    for src in sources {
        match load_decoded(src, Text::Keep) {
            Ok((doc, text)) => {
                let _ = out.write_all(explain(&doc, &text).as_bytes());
                let _ = out.write_all(b"\n");
            }
            Err(e) => {
                let _ = out.flush();
                eprintln!("{e}");
                errors.push(e);
            }
        }
    }
    if out.flush().is_err() || !errors.is_empty() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

type Rendered = Result<Vec<u8>, LoadError>;

fn render(batch: &[Source], json: bool) -> Vec<Rendered> {
    batch
        .par_iter()
        .map(|src| {
            load_source(src, Text::Drop).map(|doc| {
                if json {
                    let mut out = Vec::new();
                    write_json(&doc, &mut out);
                    out
                } else {
                    to_text(&doc).into_bytes()
                }
            })
        })
        .collect()
}

/// Standard output and what is still to be said at the end.
struct Output {
    out: BufWriter<io::Stdout>,
    json: bool,
    first: bool,
    errors: Vec<LoadError>,
}

impl Output {
    fn write(&mut self, batch: Vec<Rendered>) {
        for r in batch {
            match r {
                Ok(text) => {
                    if self.json && !self.first {
                        let _ = self.out.write_all(b",\n");
                    }
                    self.first = false;
                    let _ = self.out.write_all(&text);
                    if !self.json {
                        let _ = self.out.write_all(b"\n");
                    }
                }
                Err(e) => {
                    let _ = self.out.flush();
                    eprintln!("{e}");
                    self.errors.push(e);
                }
            }
        }
    }

    fn finish(mut self) -> ExitCode {
        if self.json {
            let errs = errors_json(&self.errors);
            let _ = write!(self.out, "],\n \"errors\": {errs}}}\n");
        }
        if self.out.flush().is_err() {
            return ExitCode::from(1);
        }
        if self.errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }
}
