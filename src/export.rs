//! `gangmu outline`: outlines as an indented text tree or as JSON, streamed so that no
//! document's text is kept once its outline is written.

use crate::cli::{Format, OutlineArgs};
use crate::corpus::{LoadError, find_sources, load_source};
use crate::outline::{Document, Kind};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// One node of `sections` in the JSON export.
#[derive(Debug, Serialize)]
pub struct SectionOut<'a> {
    pub level: usize,
    pub kind: Kind,
    pub marker: &'a str,
    pub title: &'a str,
    pub line: usize,
    pub chars: usize,
    pub children: Vec<SectionOut<'a>>,
}

/// One entry of `documents` in the JSON export.
#[derive(Debug, Serialize)]
pub struct DocumentOut<'a> {
    pub path: &'a str,
    pub title: &'a str,
    pub subtitle: Option<&'a str>,
    pub encoding: &'a str,
    pub chars: usize,
    pub announced: Option<usize>,
    pub closing_line: Option<usize>,
    pub removed: &'a [crate::outline::Removed],
    pub warnings: &'a [crate::outline::Warning],
    pub sections: Vec<SectionOut<'a>>,
}

impl<'a> DocumentOut<'a> {
    pub fn new(doc: &'a Document) -> Self {
        DocumentOut {
            path: &doc.path,
            title: &doc.title,
            subtitle: doc.subtitle.as_deref(),
            encoding: doc.encoding,
            chars: doc.chars,
            announced: doc.announced,
            closing_line: doc.closing_line,
            removed: &doc.removed,
            warnings: &doc.warnings,
            sections: sections_of(doc, None),
        }
    }
}

fn sections_of(doc: &Document, parent: Option<usize>) -> Vec<SectionOut<'_>> {
    doc.children_of(parent)
        .map(|i| {
            let n = &doc.nodes[i];
            SectionOut {
                level: n.level,
                kind: n.kind,
                marker: &n.marker,
                title: &n.title,
                line: n.line,
                chars: n.chars,
                children: sections_of(doc, Some(i)),
            }
        })
        .collect()
}

/// The document as one JSON object (the shape of an entry of `documents`).
pub fn to_json(doc: &Document) -> String {
    serde_json::to_string(&DocumentOut::new(doc)).unwrap_or_default()
}

/// The document as an indented text tree a person can read.
pub fn to_text(doc: &Document) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let mut facts = vec![doc.encoding.to_string(), format!("{}字", doc.chars)];
    if let Some(n) = doc.announced {
        facts.push(format!("announced {n}"));
    }
    if !doc.removed.is_empty() {
        facts.push(format!("{} junk lines removed", doc.removed.len()));
    }
    let _ = writeln!(s, "== {}  ({})", doc.path, facts.join(", "));
    let _ = writeln!(s, "{}", doc.title);
    if let Some(sub) = &doc.subtitle {
        let _ = writeln!(s, "{sub}");
    }
    for n in &doc.nodes {
        let indent = "  ".repeat(n.level);
        let sep = if n.marker.is_empty() || n.kind == Kind::Heading {
            ""
        } else {
            " "
        };
        let _ = writeln!(
            s,
            "{indent}{}{sep}{}  [L{}, {}字]",
            n.marker, n.title, n.line, n.chars
        );
    }
    if let Some(l) = doc.closing_line {
        let _ = writeln!(s, "  结束语  [L{l}]");
    }
    for w in &doc.warnings {
        let _ = writeln!(s, "  warning L{}: {}", w.line, w.message);
    }
    s
}

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
        let rendered: Vec<Result<String, LoadError>> = chunk
            .par_iter()
            .map(|src| load_source(src).map(|doc| if json { to_json(&doc) } else { to_text(&doc) }))
            .collect();
        for r in rendered {
            match r {
                Ok(text) => {
                    if json && !first {
                        let _ = out.write_all(b",\n");
                    }
                    first = false;
                    let _ = out.write_all(text.as_bytes());
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
        let errs = serde_json::to_string(&errors).unwrap_or_else(|_| "[]".into());
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
