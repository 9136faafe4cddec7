//! The diagnostics of one speech as `gangmu check` prints them: compiler-style lines,
//! or one JSON object of the `files` array.

use super::{Diagnostic, Severity};
use crate::color::{Paint, style};
use crate::export::json_string;
use crate::text::sanitize;
use std::io::Write;

/// `PATH:LINE:COL: warning: MESSAGE [rule]`, one line each. Path and message may hold
/// text from the file, so they are sanitized for the terminal.
pub fn text(path: &str, diags: &[Diagnostic], out: &mut Vec<u8>) {
    text_painted(path, diags, false, out);
}

/// `text`, with colour when `color`: the place bold, `warning:` and `note:` as rustc
/// colours them.
pub fn text_painted(path: &str, diags: &[Diagnostic], color: bool, out: &mut Vec<u8>) {
    let p = Paint(color);
    let path = sanitize(path);
    for d in diags {
        let place = p.paint(style::BOLD, &format!("{path}:{}:{}:", d.line, d.column));
        let severity = d.severity();
        let code = match severity {
            Severity::Warning => style::WARNING,
            Severity::Note => style::NOTE,
        };
        let label = p.paint(code, &format!("{}:", severity.as_str()));
        // Writing into a vector cannot fail.
        let _ = writeln!(
            out,
            "{place} {label} {} [{}]",
            sanitize(d.text()),
            d.rule.id()
        );
    }
}

/// `{"path": …, "diagnostics": [{"line", "column", "severity", "rule", "message"}…]}`.
pub fn json(path: &str, diags: &[Diagnostic], out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"path\": ");
    out.extend_from_slice(json_string(path).as_bytes());
    out.extend_from_slice(b", \"diagnostics\": [");
    for (k, d) in diags.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        let _ = write!(
            out,
            "\n  {{\"line\": {}, \"column\": {}, \"severity\": \"{}\", \"rule\": \"{}\", \"message\": {}}}",
            d.line,
            d.column,
            d.severity().as_str(),
            d.rule.id(),
            json_string(&d.message)
        );
    }
    out.extend_from_slice(b"]}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Rule;

    fn diag() -> Diagnostic {
        Diagnostic {
            line: 3,
            column: 1,
            rule: Rule::Numbering,
            message: "numbering gap: 一、 then 三、\u{202e}".into(),
            zh: "序号跳号：一、之后是三、\u{202e}".into(),
        }
    }

    #[test]
    fn text_is_a_compiler_line_with_nothing_raw_from_the_file() {
        crate::lang::pin(crate::lang::Lang::En);
        let mut out = Vec::new();
        text("a\x1b[2J.txt", &[diag()], &mut out);
        let s = String::from_utf8(out).unwrap();
        assert_eq!(
            s,
            "a␛[2J.txt:3:1: warning: numbering gap: 一、 then 三、\u{fffd} [numbering]\n"
        );
    }

    #[test]
    fn coloured_text_paints_the_place_and_the_severity_only() {
        crate::lang::pin(crate::lang::Lang::En);
        let mut out = Vec::new();
        text_painted("a.txt", &[diag()], true, &mut out);
        let s = String::from_utf8(out).unwrap();
        assert_eq!(
            s,
            "\x1b[1ma.txt:3:1:\x1b[0m \x1b[1;33mwarning:\x1b[0m numbering gap: 一、 then 三、\u{fffd} [numbering]\n"
        );
    }

    #[test]
    fn json_parses_and_escapes_bidi_overrides() {
        let mut out = Vec::new();
        json("a.txt", &[diag(), diag()], &mut out);
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("\\u202e"), "{s}");
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["diagnostics"][1]["rule"], "numbering");
        assert_eq!(v["diagnostics"][0]["column"], 1);
        assert_eq!(v["diagnostics"][0]["severity"], "warning");
    }
}
