//! The outline as JSON, written by hand: the export writes tens of megabytes of it,
//! and serde's generic path (a `Vec` per node, an escape check per byte) took a fifth
//! of `gangmu outline`'s time. `reference` keeps the serde-derived shape; tests and the
//! fuzz harness check that both write the same bytes.

use crate::corpus::LoadError;
use crate::outline::{Document, Kind};

/// The version of the shape of `outline --format json` and `jsonl`, written as their
/// `"schema"` field. It changes when a field is removed or changes meaning; new fields
/// may be added without changing it.
pub const SCHEMA: u32 = 1;

/// The document as one JSON object (the shape of an entry of `documents`).
pub fn to_json(doc: &Document) -> String {
    let mut w = Writer(Vec::with_capacity(1024 + 128 * doc.nodes.len()));
    w.document(doc);
    w.finish()
}

/// Appends the document's JSON object to `out`.
pub fn write_json(doc: &Document, out: &mut Vec<u8>) {
    out.reserve(1024 + 128 * doc.nodes.len());
    let mut w = Writer(std::mem::take(out));
    w.document(doc);
    *out = w.0;
}

/// One line of `--format jsonl`: `{"schema":1,` then the document's fields, then `}`
/// and a line end. The JSON escapes line ends in strings, so the line is one line.
pub fn write_json_line(doc: &Document, out: &mut Vec<u8>) {
    out.reserve(1024 + 128 * doc.nodes.len());
    let mut w = Writer(std::mem::take(out));
    w.0.extend_from_slice(b"{\"schema\":");
    w.num(SCHEMA as usize);
    w.fields(doc);
    w.0.extend_from_slice(b"}\n");
    *out = w.0;
}

/// The line of `--format jsonl` for a file that could not be read:
/// `{"schema":1,"error":{"path":…,"message":…}}` and a line end.
pub fn error_json_line(e: &LoadError) -> String {
    let mut w = Writer(Vec::with_capacity(64));
    w.0.extend_from_slice(b"{\"schema\":");
    w.num(SCHEMA as usize);
    w.0.extend_from_slice(b",\"error\":");
    w.error(e);
    w.0.extend_from_slice(b"}\n");
    w.finish()
}

/// The `errors` array.
pub fn errors_json(errors: &[LoadError]) -> String {
    let mut w = Writer(Vec::with_capacity(64 * errors.len() + 2));
    w.list(errors, |w, e| w.error(e));
    w.finish()
}

/// `s` as a JSON string, escaped as the outline's JSON is: safe to print to a terminal.
pub fn json_string(s: &str) -> String {
    let mut w = Writer(Vec::with_capacity(s.len() + 2));
    w.str(s);
    w.finish()
}

struct Writer(Vec<u8>);

impl Writer {
    fn finish(self) -> String {
        // Only whole `str`s and ASCII are ever appended.
        String::from_utf8(self.0).unwrap_or_default()
    }

    /// `,"key":` (or `"key":` for the first field): keys are ASCII literals.
    fn key(&mut self, key: &str) {
        if self.0.last() != Some(&b'{') {
            self.0.push(b',');
        }
        self.0.push(b'"');
        self.0.extend_from_slice(key.as_bytes());
        self.0.extend_from_slice(b"\":");
    }

    fn num(&mut self, n: usize) {
        self.0
            .extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }

    fn opt_num(&mut self, n: Option<usize>) {
        match n {
            Some(n) => self.num(n),
            None => self.0.extend_from_slice(b"null"),
        }
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.0.push(b'[');
        for (k, item) in items.iter().enumerate() {
            if k > 0 {
                self.0.push(b',');
            }
            each(self, item);
        }
        self.0.push(b']');
    }

    /// A JSON string as serde_json writes it, and besides, DEL, C1 controls and bidi
    /// overrides/isolates as `\uXXXX`: the same value, but safe to print to a terminal
    /// (C1 `U+009B` is a CSI to many terminals).
    fn str(&mut self, s: &str) {
        let b = s.as_bytes();
        self.0.push(b'"');
        // Most strings need no escape at all: a branch-free check, then one copy.
        if !b.iter().fold(false, |any, &c| any | may_escape(c)) {
            self.0.extend_from_slice(b);
            self.0.push(b'"');
            return;
        }
        let mut raw = 0;
        let mut i = 0;
        while i < b.len() {
            if !may_escape(b[i]) {
                i += 1;
                continue;
            }
            let (len, escape) = match (b[i], b.get(i + 1), b.get(i + 2)) {
                (b'"', ..) => (1, Escape::Short(b'"')),
                (b'\\', ..) => (1, Escape::Short(b'\\')),
                (0x08, ..) => (1, Escape::Short(b'b')),
                (b'\t', ..) => (1, Escape::Short(b't')),
                (b'\n', ..) => (1, Escape::Short(b'n')),
                (0x0C, ..) => (1, Escape::Short(b'f')),
                (b'\r', ..) => (1, Escape::Short(b'r')),
                (c @ (0x00..=0x1F | 0x7F), ..) => (1, Escape::Unicode(u32::from(c))),
                // C1: C2 80..9F is U+0080..U+009F.
                (0xC2, Some(&n @ 0x80..=0x9F), _) => (2, Escape::Unicode(u32::from(n))),
                // U+202A..U+202E and U+2066..U+2069.
                (0xE2, Some(0x80), Some(&n @ 0xAA..=0xAE)) => {
                    (3, Escape::Unicode(0x2000 + u32::from(n - 0x80)))
                }
                (0xE2, Some(0x81), Some(&n @ 0xA6..=0xA9)) => {
                    (3, Escape::Unicode(0x2040 + u32::from(n - 0x80)))
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            self.0.extend_from_slice(&b[raw..i]);
            match escape {
                Escape::Short(c) => self.0.extend_from_slice(&[b'\\', c]),
                Escape::Unicode(c) => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.0.extend_from_slice(b"\\u");
                    for shift in [12, 8, 4, 0] {
                        self.0.push(HEX[(c >> shift) as usize & 0xF]);
                    }
                }
            }
            i += len;
            raw = i;
        }
        self.0.extend_from_slice(&b[raw..]);
        self.0.push(b'"');
    }

    /// `{"path":…,"message":…}`.
    fn error(&mut self, e: &LoadError) {
        self.0.extend_from_slice(b"{\"path\":");
        self.str(&e.path);
        self.0.extend_from_slice(b",\"message\":");
        self.str(&e.message);
        self.0.push(b'}');
    }

    /// `{"line":N,"<key>":"<text>"}`: a removed line or a warning.
    fn at_line(&mut self, line: usize, key: &str, text: &str) {
        self.0.push(b'{');
        self.key("line");
        self.num(line);
        self.key(key);
        self.str(text);
        self.0.push(b'}');
    }

    fn document(&mut self, doc: &Document) {
        self.0.push(b'{');
        self.fields(doc);
        self.0.push(b'}');
    }

    /// The document's fields, each after a comma unless it opens the object.
    fn fields(&mut self, doc: &Document) {
        self.key("path");
        self.str(&doc.path);
        self.key("title");
        self.str(&doc.title);
        self.key("subtitle");
        match &doc.subtitle {
            Some(s) => self.str(s),
            None => self.0.extend_from_slice(b"null"),
        }
        self.key("encoding");
        self.str(doc.encoding);
        self.key("chars");
        self.num(doc.chars);
        self.key("announced");
        self.opt_num(doc.announced);
        self.key("closing_line");
        self.opt_num(doc.closing_line);
        self.key("appendix_line");
        self.opt_num(doc.appendix_line);
        self.key("removed");
        self.list(&doc.removed, |w, r| w.at_line(r.line, "text", &r.text));
        self.key("warnings");
        self.list(&doc.warnings, |w, r| {
            w.at_line(r.line, "message", &r.message)
        });
        self.key("sections");
        self.sections(doc, None);
    }

    /// The children of `parent` (the top level for `None`), each with its subtree.
    fn sections(&mut self, doc: &Document, parent: Option<usize>) {
        self.0.push(b'[');
        for (k, i) in doc.children_of(parent).enumerate() {
            if k > 0 {
                self.0.push(b',');
            }
            let n = &doc.nodes[i];
            // Keys go out as literal fragments: this runs for every node.
            self.0.extend_from_slice(b"{\"level\":");
            self.num(n.level);
            self.0.extend_from_slice(match n.kind {
                Kind::Heading => b",\"kind\":\"heading\",\"marker\":",
                Kind::Point => b",\"kind\":\"point\",\"marker\":",
            });
            self.str(doc.node_marker(n));
            self.0.extend_from_slice(b",\"title\":");
            self.str(doc.node_title(n));
            self.0.extend_from_slice(b",\"line\":");
            self.num(n.line);
            self.0.extend_from_slice(b",\"chars\":");
            self.num(n.chars);
            self.0.extend_from_slice(b",\"children\":");
            self.sections(doc, Some(i));
            self.0.push(b'}');
        }
        self.0.push(b']');
    }
}

enum Escape {
    /// `\"`, `\\`, `\n` and the other one-letter escapes.
    Short(u8),
    Unicode(u32),
}

/// Lead bytes of what may need escaping: C0, `"`, `\`, DEL, and the lead bytes of C1
/// (`C2`) and of the bidi controls (`E2`). Plain comparisons, so scans vectorise.
fn may_escape(c: u8) -> bool {
    (c < 0x20) | (c == b'"') | (c == b'\\') | (c == 0x7F) | (c == 0xC2) | (c == 0xE2)
}

/// The JSON shape, derived with serde: the reference the hand-written writer must match.
pub mod reference {
    use crate::outline::{Document, Kind, Removed, Warning};
    use serde::Serialize;

    #[derive(Debug, Serialize)]
    struct SectionOut<'a> {
        level: usize,
        kind: Kind,
        marker: &'a str,
        title: &'a str,
        line: usize,
        chars: usize,
        children: Vec<SectionOut<'a>>,
    }

    #[derive(Debug, Serialize)]
    struct DocumentOut<'a> {
        path: &'a str,
        title: &'a str,
        subtitle: Option<&'a str>,
        encoding: &'a str,
        chars: usize,
        announced: Option<usize>,
        closing_line: Option<usize>,
        appendix_line: Option<usize>,
        removed: &'a [Removed],
        warnings: &'a [Warning],
        sections: Vec<SectionOut<'a>>,
    }

    fn sections_of(doc: &Document, parent: Option<usize>) -> Vec<SectionOut<'_>> {
        doc.children_of(parent)
            .map(|i| {
                let n = &doc.nodes[i];
                SectionOut {
                    level: n.level,
                    kind: n.kind,
                    marker: doc.node_marker(n),
                    title: doc.node_title(n),
                    line: n.line,
                    chars: n.chars,
                    children: sections_of(doc, Some(i)),
                }
            })
            .collect()
    }

    /// The document serialised by serde_json, with the characters a terminal may act on
    /// (DEL, C1, bidi controls) escaped as `\uXXXX` afterwards.
    pub fn to_json(doc: &Document) -> String {
        let out = DocumentOut {
            path: &doc.path,
            title: &doc.title,
            subtitle: doc.subtitle.as_deref(),
            encoding: doc.encoding,
            chars: doc.chars,
            announced: doc.announced,
            closing_line: doc.closing_line,
            appendix_line: doc.appendix_line,
            removed: &doc.removed,
            warnings: &doc.warnings,
            sections: sections_of(doc, None),
        };
        let json = serde_json::to_string(&out).unwrap_or_default();
        json.chars()
            .map(|c| {
                let unsafe_char = c == '\u{7f}'
                    || ('\u{80}'..='\u{9f}').contains(&c)
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c);
                if unsafe_char {
                    format!("\\u{:04x}", c as u32)
                } else {
                    c.to_string()
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::parse;

    #[test]
    fn escapes_del_c1_and_bidi_overrides_too() {
        let src = "在会议上的讲话\x1b]0;x\x07\n同志们：\n一、清屏\u{9b}2J\x7f\u{202e}标题\u{2067}\n正文。\n二、标题\n正文。\n";
        let doc = parse(src, "a\u{85}.txt", "a", "UTF-8");
        let json = to_json(&doc);
        assert!(
            !json.chars().any(|c| c.is_control()
                || ('\u{202A}'..='\u{202E}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)),
            "{json}"
        );
        assert!(
            json.contains(r"清屏\u009b2J\u007f\u202e标题\u2067"),
            "{json}"
        );
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            v["sections"][0]["title"],
            "清屏\u{9b}2J\x7f\u{202e}标题\u{2067}"
        );
        assert_eq!(v["path"], "a\u{85}.txt");
        assert_eq!(json, reference::to_json(&doc));
    }

    proptest::proptest! {
        /// Any text, however broken, gives the bytes serde_json gives.
        #[test]
        fn matches_serde_on_any_text(s in "(\\PC|[\u{0}-\u{1f}\u{7f}-\u{9f}\u{2028}-\u{2069}\"\\\\]|\n一、|\n（二）|\n一是){0,200}") {
            let src = format!("讲话\n同志们：\n{s}\n");
            let doc = parse(&src, &s, "x", "UTF-8");
            proptest::prop_assert_eq!(to_json(&doc), reference::to_json(&doc));
        }
    }

    #[test]
    fn a_jsonl_line_is_the_document_with_the_schema_first() {
        let doc = parse(
            "在会上的讲话\n同志们：\n一、抓\n项目\n正文。\n",
            "a\n.txt",
            "a",
            "UTF-8",
        );
        let mut line = Vec::new();
        write_json_line(&doc, &mut line);
        let line = String::from_utf8(line).unwrap();
        assert!(
            line.starts_with("{\"schema\":1,\"path\":\"a\\n.txt\""),
            "{line}"
        );
        assert_eq!(line.matches('\n').count(), 1);
        assert!(line.ends_with("}\n"));
        let mut v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["schema"], 1);
        v.as_object_mut().unwrap().remove("schema");
        let doc_only: serde_json::Value = serde_json::from_str(&to_json(&doc)).unwrap();
        assert_eq!(v, doc_only);
        let err = error_json_line(&LoadError::new("b.txt".into(), "empty file".into()));
        assert_eq!(
            err,
            "{\"schema\":1,\"error\":{\"path\":\"b.txt\",\"message\":\"empty file\"}}\n"
        );
    }

    #[test]
    fn errors_are_an_array_of_path_and_message() {
        let errors = vec![
            LoadError::new("a\"b.txt".into(), "empty file".into()),
            LoadError::new("c\u{9b}.txt".into(), "binary".into()),
        ];
        let json = errors_json(&errors);
        assert_eq!(
            json,
            r#"[{"path":"a\"b.txt","message":"empty file"},{"path":"c\u009b.txt","message":"binary"}]"#
        );
        assert_eq!(errors_json(&[]), "[]");
    }
}
