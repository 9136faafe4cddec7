//! Text that is mostly UTF-8 but not all of it: a UTF-8 speech with a GBK tail pasted on,
//! or a damaged copy with stray bytes. Each line is decoded by what it is: valid UTF-8
//! as such, a line that is clean GB18030 as GB18030, anything else with its bad bytes
//! replaced. What was done is said in a note.

use crate::outline::{WarnKind, Warning};
use encoding_rs::GB18030;

/// The text, and a note (at its first 1-based line) on what was not UTF-8.
pub struct Mixed {
    pub text: String,
    pub note: Option<Warning>,
}

/// Decodes `bytes` line by line.
pub fn decode_mixed(bytes: &[u8]) -> Mixed {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let (mut gbk_lines, mut first_gbk) = (0usize, None);
    let (mut replaced, mut first_bad) = (0usize, None);
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            text.push('\n');
        }
        if let Ok(s) = std::str::from_utf8(line) {
            text.push_str(s);
            continue;
        }
        // A UTF-8 line with a few stray bytes stays UTF-8: read as GBK, its pairs would
        // happen to decode, to nonsense.
        if !mostly_utf8_line(line) {
            let (gbk, had_errors) = GB18030.decode_without_bom_handling(line);
            if !had_errors {
                text.push_str(&gbk);
                gbk_lines += 1;
                first_gbk.get_or_insert(i + 1);
                continue;
            }
        }
        for chunk in line.utf8_chunks() {
            text.push_str(chunk.valid());
            if !chunk.invalid().is_empty() {
                text.push('\u{FFFD}');
                replaced += chunk.invalid().len();
                first_bad.get_or_insert(i + 1);
            }
        }
    }
    let (mut parts, mut zh) = (Vec::new(), Vec::new());
    let mut line = usize::MAX;
    if let Some(l) = first_gbk {
        parts.push(format!(
            "{gbk_lines} lines were GB18030, not UTF-8 (first: line {l})"
        ));
        zh.push(format!(
            "{gbk_lines} 行是 GB18030 而不是 UTF-8（第一处：第 {l} 行）"
        ));
        line = line.min(l);
    }
    if let Some(l) = first_bad {
        parts.push(format!(
            "{replaced} bytes were not valid text and were replaced (first: line {l})"
        ));
        zh.push(format!(
            "{replaced} 个字节不是有效文字，已替换（第一处：第 {l} 行）"
        ));
        line = line.min(l);
    }
    Mixed {
        text,
        note: (!parts.is_empty())
            .then(|| Warning::new(WarnKind::Decoding, line, parts.join("; "), zh.join("；"))),
    }
}

/// More valid non-ASCII characters than invalid bytes: UTF-8 with damage, not GBK (GBK
/// read as UTF-8 gives several invalid bytes per valid character, if any).
fn mostly_utf8_line(line: &[u8]) -> bool {
    let (mut bad, mut multibyte) = (0usize, 0usize);
    for chunk in line.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    bad * 2 <= multibyte
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gbk_tail_is_read_as_gbk_and_said() {
        let mut bytes = "在会上的讲话\n同志们：\n".as_bytes().to_vec();
        let (tail, _, _) = GB18030.encode("一、抓落实\n要扎实推进。\n");
        bytes.extend_from_slice(&tail);
        let m = decode_mixed(&bytes);
        assert_eq!(m.text, "在会上的讲话\n同志们：\n一、抓落实\n要扎实推进。\n");
        let w = m.note.expect("a note");
        let (line, note) = (w.line, w.message);
        assert_eq!(line, 3);
        assert!(note.starts_with("2 lines were GB18030"), "{note}");
    }

    #[test]
    fn a_utf8_line_with_stray_bytes_is_never_read_as_gbk() {
        // Stray bytes that would make clean GBK pairs with their neighbours.
        let mut bytes = "一、提高站位，".as_bytes().to_vec();
        bytes.push(0xB0);
        bytes.extend_from_slice("统一思想".as_bytes());
        let m = decode_mixed(&bytes);
        assert!(m.text.starts_with("一、提高站位，\u{FFFD}"), "{}", m.text);
    }

    #[test]
    fn stray_bytes_are_replaced_and_counted() {
        let mut bytes = "在会上的讲话\n同志们：\n要扎实".as_bytes().to_vec();
        bytes.extend_from_slice(&[0xff, 0xfe, 0x80]);
        bytes.extend_from_slice("推进。\n".as_bytes());
        let m = decode_mixed(&bytes);
        assert!(
            m.text.contains("要扎实\u{FFFD}") && m.text.contains("推进。"),
            "{}",
            m.text
        );
        let w = m.note.expect("a note");
        let (line, note) = (w.line, w.message);
        assert_eq!(line, 3);
        assert!(note.contains("3 bytes were not valid text"), "{note}");
    }
}
