//! `gangmu outline`: outlines as an indented text tree or as JSON, streamed so that no
//! document's text is kept once its outline is written.

use crate::cli::{Format, OutlineArgs};
use crate::corpus::{LoadError, find_sources, load_source};
use crate::outline::{Document, Kind, Text};
use crate::text::sanitize;
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
    json_string(&DocumentOut::new(doc)).unwrap_or_default()
}

/// Compact JSON where, besides what serde_json escapes (C0, `"`, `\`), DEL, C1 controls
/// and bidi overrides/isolates are written as `\uXXXX` too: the same JSON value, but
/// safe to print to a terminal (C1 `U+009B` is a CSI to many terminals).
fn json_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(256);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, TerminalSafe);
    value.serialize(&mut ser)?;
    Ok(String::from_utf8(out).unwrap_or_default())
}

struct TerminalSafe;

impl serde_json::ser::Formatter for TerminalSafe {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some(i) = find_json_unsafe(rest) {
            writer.write_all(&rest.as_bytes()[..i])?;
            let c = rest[i..].chars().next().unwrap_or('\0');
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[i + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
}

/// Where the first character serde_json leaves raw but a terminal may act on starts:
/// DEL and C1 (`7F`, `C2 80..9F`), bidi overrides and isolates (`E2 80 AA..AE`,
/// `E2 81 A6..A9`). Searched by lead byte: every title and removed line passes here.
fn find_json_unsafe(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memchr3_iter(0x7F, 0xC2, 0xE2, b).find(|&i| match b[i] {
        0x7F => true,
        0xC2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        _ => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
    })
}

/// The document as an indented text tree a person can read. It goes to a terminal, so
/// control characters and bidi overrides from the file are shown, never sent raw.
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
    let _ = writeln!(s, "== {}  ({})", sanitize(&doc.path), facts.join(", "));
    let _ = writeln!(s, "{}", sanitize(&doc.title));
    if let Some(sub) = &doc.subtitle {
        let _ = writeln!(s, "{}", sanitize(sub));
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
            sanitize(&n.marker),
            sanitize(&n.title),
            n.line,
            n.chars
        );
    }
    if let Some(l) = doc.closing_line {
        let _ = writeln!(s, "  结束语  [L{l}]");
    }
    for w in &doc.warnings {
        let _ = writeln!(s, "  warning L{}: {}", w.line, sanitize(&w.message));
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
            .map(|src| {
                load_source(src, Text::Drop)
                    .map(|doc| if json { to_json(&doc) } else { to_text(&doc) })
            })
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
        let errs = json_string(&errors).unwrap_or_else(|_| "[]".into());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::parse;

    #[test]
    fn text_export_shows_controls_and_bidi_overrides() {
        let doc = parse(
            "在会上的讲话\x1b]52;c;eA==\x07\u{202e}\n同志们：\n一、抓项目\n正文。\n",
            "a\x1b[2J.txt",
            "a",
            "UTF-8",
        );
        let text = to_text(&doc);
        assert!(text.contains("␛]52;c;eA==␇\u{fffd}"), "{text}");
        assert!(text.contains("a␛[2J.txt"), "{text}");
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
    }

    #[test]
    fn json_escapes_del_c1_and_bidi_overrides_too() {
        let src = "在会议上的讲话\x1b]0;x\x07\n同志们：\n一、清屏\u{9b}2J\x7f\u{202e}标题\n正文。\n二、标题\n正文。\n";
        let doc = parse(src, "a\u{85}.txt", "a", "UTF-8");
        let json = to_json(&doc);
        assert!(
            !json
                .chars()
                .any(|c| c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c)),
            "{json}"
        );
        assert!(json.contains(r"清屏\u009b2J\u007f\u202e标题"), "{json}");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["sections"][0]["title"], "清屏\u{9b}2J\x7f\u{202e}标题");
        assert_eq!(v["path"], "a\u{85}.txt");
    }

    #[test]
    fn text_export_sends_no_control_bytes_from_the_file() {
        let src = "在会议上的讲话\x1b]0;pwned\x07\n同志们：\n一、清屏\x1b[2J\x1b[?1049l\n正文\x1b[6n。\n二、\u{202e}标题\u{9b}31m\n正文。\n";
        let doc = parse(src, "a\x1b[2J.txt", "a", "UTF-8");
        let text = to_text(&doc);
        let bad: Vec<char> = text
            .chars()
            .filter(|&c| (c.is_control() && c != '\n') || ('\u{202A}'..='\u{202E}').contains(&c))
            .collect();
        assert!(bad.is_empty(), "{bad:?} in {text}");
        assert!(text.contains("清屏␛[2J␛["), "{text}");
        assert!(text.contains("a␛[2J.txt"), "{text}");
    }
}
