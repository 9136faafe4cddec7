//! `gangmu check [PATH...]`: files are checked in parallel batches and their
//! diagnostics printed in order, as `gangmu outline` and `search` do.

use super::{Diagnostic, Rules, Severity, check, render};
use crate::cli::{CheckArgs, CheckFormat};
use crate::color::{Stream, choose_for_stderr, enabled};
use crate::corpus::{LoadError, Source, find_sources, parse_bytes, paths_or_stdin, read_source};
use crate::export::{Closed, Sink, errors_json, say_error};
use crate::outline::Text;
use rayon::prelude::*;
use std::process::ExitCode;

/// Files checked per parallel batch (as `gangmu outline` does).
const BATCH: usize = 512;

/// A file's output as printed, and how many warnings it holds (notes not counted).
type Checked = Result<(Vec<u8>, usize), LoadError>;

pub fn run(args: &CheckArgs) -> ExitCode {
    choose_for_stderr(args.color);
    let rules = Rules::select(&args.rule, &args.no_rule);
    let paths = paths_or_stdin(&args.paths);
    let (sources, errors) = find_sources(&paths, &args.find.ext, args.find.follow);
    for e in &errors {
        say_error(e);
    }
    let json = args.format == CheckFormat::Json;
    let color = !json && enabled(args.color, Stream::Stdout);
    let mut out = Output {
        out: Sink::new(),
        json,
        first: true,
        warnings: 0,
        errors,
    };
    if json {
        out.out.put(b"{\"files\": [");
    }
    let max = args.find.max_size;
    // Each batch is checked in parallel while the one before it is written.
    let mut written: Option<Vec<Checked>> = None;
    for batch in sources.chunks(BATCH) {
        if out.out.failed() {
            break;
        }
        let (checked, ()) = rayon::join(
            || {
                batch
                    .par_iter()
                    .map(|s| check_source(s, rules, json, color, max))
                    .collect()
            },
            || written.take().into_iter().for_each(|b| out.write(b)),
        );
        written = Some(checked);
    }
    written.into_iter().for_each(|b| out.write(b));
    out.finish()
}

/// The diagnostics of one source, rendered.
fn check_source(source: &Source, rules: Rules, json: bool, color: bool, max: u64) -> Checked {
    let bytes = read_source(source, max)?;
    let name = source.display();
    let diags = parse_bytes(&name, &bytes, Text::Keep, |doc, text| {
        check(&doc, text, rules)
    })?;
    let warnings = diags
        .iter()
        .filter(|d| d.severity() == Severity::Warning)
        .count();
    Ok((rendered(&name, &diags, json, color), warnings))
}

fn rendered(path: &str, diags: &[Diagnostic], json: bool, color: bool) -> Vec<u8> {
    let mut buf = Vec::new();
    if json {
        render::json(path, diags, &mut buf);
    } else {
        render::text_painted(path, diags, color, &mut buf);
    }
    buf
}

struct Output {
    out: Sink,
    json: bool,
    /// No JSON file object written yet.
    first: bool,
    warnings: usize,
    errors: Vec<LoadError>,
}

impl Output {
    fn write(&mut self, batch: Vec<Checked>) {
        for r in batch {
            if self.out.failed() {
                return;
            }
            match r {
                Ok((text, warnings)) => {
                    self.warnings += warnings;
                    if self.json {
                        self.out.put(if self.first { b"\n" } else { b",\n" });
                        self.first = false;
                    }
                    self.out.put(&text);
                }
                Err(e) => {
                    self.out.error(&e);
                    self.errors.push(e);
                }
            }
        }
    }

    /// 2 when a file could not be read or the output failed, else 1 when a warning
    /// was found, else 0; a closed pipe (`| head`) is a success, whatever was found
    /// before it closed, as in ripgrep and the other commands.
    fn finish(mut self) -> ExitCode {
        if self.json {
            let errs = errors_json(&self.errors);
            self.out
                .put(format!("],\n \"errors\": {errs}}}\n").as_bytes());
        }
        let warned = self.warnings > 0;
        match self.out.close() {
            Closed::Failed => ExitCode::from(2),
            Closed::Fine if !self.errors.is_empty() => ExitCode::from(2),
            Closed::Fine => ExitCode::from(u8::from(warned)),
            Closed::Pipe => ExitCode::SUCCESS,
        }
    }
}
