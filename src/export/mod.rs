//! `gangmu outline`: outlines as an indented text tree or as JSON, streamed so that no
//! document's text is kept once its outline is written.

use crate::cli::{Format, OutlineArgs};
use crate::corpus::{LoadError, find_sources, load_source};
use crate::outline::Text;
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

mod json;
mod text;

pub use json::{errors_json, reference, to_json, write_json};
pub use text::to_text;

/// Runs `gangmu outline`: exit 0 when every file was outlined, 1 when some failed.
pub fn run_outline(args: &OutlineArgs) -> ExitCode {
    let (sources, mut errors) = find_sources(&args.paths, &args.find.ext);
    for e in &errors {
        eprintln!("{e}");
    }
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let json = args.format == Format::Json;
    let mut first = true;
    if json {
        let _ = out.write_all(b"{\"documents\": [");
    }
    // Parse a chunk in parallel, write it in order, then drop it: memory stays bounded.
    for chunk in sources.chunks(256) {
        let rendered: Vec<Result<Vec<u8>, LoadError>> = chunk
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
            .collect();
        for r in rendered {
            match r {
                Ok(text) => {
                    if json && !first {
                        let _ = out.write_all(b",\n");
                    }
                    first = false;
                    let _ = out.write_all(&text);
                    if !json {
                        let _ = out.write_all(b"\n");
                    }
                }
                Err(e) => {
                    let _ = out.flush();
                    eprintln!("{e}");
                    errors.push(e);
                }
            }
        }
    }
    if json {
        let errs = errors_json(&errors);
        let _ = write!(out, "],\n \"errors\": {errs}}}\n");
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
