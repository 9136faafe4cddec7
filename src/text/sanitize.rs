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
    let Some(first) = s.char_indices().find(|&(_, c)| replacement(c).is_some()) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first.0]);
    for c in s[first.0..].chars() {
        out.push(replacement(c).unwrap_or(c));
    }
    Cow::Owned(out)
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
}
