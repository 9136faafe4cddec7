//! Untrusted text made safe to draw: control characters, escapes and bidi overrides become
//! visible symbols, so nothing from a file is ever interpreted by the terminal.

use std::borrow::Cow;

/// What `c` is drawn as, when it must not be written as is.
#[inline]
fn replacement(c: char) -> Option<char> {
    let u = c as u32;
    match u {
        0x09 => Some(' '),
        // C0 controls → the Control Pictures block (ESC → ␛).
        0x00..=0x1f => char::from_u32(0x2400 + u),
        0x7f => Some('␡'),
        // C1 controls (0x9b is a CSI on some terminals), bidi embeddings, overrides and
        // isolates, line/paragraph separators: drawn as a replacement mark.
        0x80..=0x9f | 0x200e | 0x200f | 0x202a..=0x202e | 0x2066..=0x2069 | 0x061c => {
            Some('\u{fffd}')
        }
        0x2028 | 0x2029 => Some('↵'),
        _ => None,
    }
}

/// `s` with every unsafe character replaced; borrowed when there is none (the usual case).
/// Replacement is character by character, so a prefix of `s` maps to a prefix of the result.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    let Some(first) = first_unsafe(s) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        out.push(replacement(c).unwrap_or(c));
    }
    Cow::Owned(out)
}

/// Where the first unsafe character of `s` starts. Scanned 32 bytes at a time for the
/// bytes that can start one (ASCII controls, and the lead bytes of U+0080–U+009F, U+061C
/// and U+2000–U+2FFF); only those are decoded, so Chinese text passes at memory speed.
fn first_unsafe(s: &str) -> Option<usize> {
    #[inline(always)]
    fn may_start(b: u8) -> bool {
        (b < 0x20) | (b == 0x7f) | (b == 0xc2) | (b == 0xd8) | (b == 0xe2)
    }
    let mut at = 0;
    for chunk in s.as_bytes().chunks(32) {
        // Without an early exit, so the test of a whole chunk vectorises.
        if chunk.iter().fold(false, |any, &b| any | may_start(b)) {
            for (k, &b) in chunk.iter().enumerate() {
                if may_start(b) && unsafe_at(s, at + k) {
                    return Some(at + k);
                }
            }
        }
        at += chunk.len();
    }
    None
}

/// Whether the character at `i` (a flagged byte: ASCII or a lead byte, so a boundary) is
/// unsafe. Chinese quotes, dashes and ellipses share the lead byte 0xE2 with the bidi
/// marks and separators: those are told apart by their bytes, without decoding.
#[inline]
fn unsafe_at(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    match (b[i], b.get(i + 1), b.get(i + 2)) {
        // U+200E, U+200F, U+2028–U+202E; U+2066–U+2069.
        (0xe2, Some(0x80), Some(c)) => matches!(c, 0x8e | 0x8f | 0xa8..=0xae),
        (0xe2, Some(0x81), Some(c)) => matches!(c, 0xa6..=0xa9),
        (0xe2, _, _) => false,
        _ => s[i..].chars().next().and_then(replacement).is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a␛[31mb");
        assert_eq!(sanitize("x\u{202e}y\u{9b}z"), "x\u{fffd}y\u{fffd}z");
        assert!(matches!(sanitize("中文"), Cow::Borrowed(_)));
        assert_eq!(sanitize("\u{7}\u{0}"), "␇␀");
    }

    #[test]
    fn the_byte_scan_finds_what_a_character_scan_finds() {
        // Every character that shares a lead byte with an unsafe one, around it.
        let near = (0x80..0x100).chain(0x600..0x640).chain(0x2000..0x3000);
        for u in (0..0x80).chain(near) {
            let Some(c) = char::from_u32(u) else { continue };
            // At every offset around the scan's 32-byte steps.
            for lead in [0, 9, 10, 11, 21] {
                let s = format!("{}中“{c}”文", "发".repeat(lead));
                let by_char = s.char_indices().find(|&(_, c)| replacement(c).is_some());
                assert_eq!(first_unsafe(&s), by_char.map(|(i, _)| i), "U+{u:04X}");
            }
        }
    }
}
