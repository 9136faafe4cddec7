//! The common case of GB18030 files, decoded fast: ASCII and two-byte GBK pairs only.
//!
//! encoding_rs decodes GB18030 a byte at a time through a state machine, about 300 MB/s
//! on Chinese text; a speech in GBK is nearly all two-byte pairs, which a table turns
//! into UTF-8 directly. The table is built from encoding_rs itself, so both agree on
//! every pair; anything else (four-byte sequences, broken pairs) is left to it.

use encoding_rs::GB18030;
use std::sync::OnceLock;

/// For every two bytes `lead trail` (indexed `lead << 8 | trail`), the character as
/// UTF-8 in the low three bytes and its length in the top one; 0 where the fast path
/// must not decide (see `entry`) and for every pair that is not lead 0x81..=0xFE
/// with trail 0x40..=0x7E or 0x80..=0xFE. Indexing by the raw bytes (256 KB) halved
/// the decode time of a packed 23,940-entry table.
fn table() -> &'static [u32] {
    static TABLE: OnceLock<Box<[u32]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Every pair, each followed by a line feed, decoded in one call: 23,940 calls
        // took milliseconds. A pair encoding_rs rejects becomes U+FFFD, plus its trail
        // byte when that is ASCII, so the pieces between line feeds stay aligned.
        let pairs: Vec<[u8; 2]> = (0x81..=0xFEu8)
            .flat_map(|lead| {
                (0x40..=0x7Eu8)
                    .chain(0x80..=0xFE)
                    .map(move |trail| [lead, trail])
            })
            .collect();
        let bytes: Vec<u8> = pairs.iter().flat_map(|&[l, t]| [l, t, b'\n']).collect();
        let (text, _) = GB18030.decode_without_bom_handling(&bytes);
        let mut t = vec![0u32; 0x10000];
        for (&[lead, trail], piece) in pairs.iter().zip(text.split('\n')) {
            t[usize::from(lead) << 8 | usize::from(trail)] = entry(piece);
        }
        t.into_boxed_slice()
    })
}

/// The table entry for what encoding_rs made of one pair. Left out (0): anything but
/// exactly one character, U+FFFD (what it makes of a pair it rejects), and characters
/// the decoder's later checks look for: private use (a sign of the wrong encoding),
/// BOM and zero-width space.
fn entry(piece: &str) -> u32 {
    let mut chars = piece.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return 0;
    };
    if c.is_ascii()
        || ('\u{E000}'..='\u{F8FF}').contains(&c)
        || matches!(c, '\u{FFFD}' | '\u{FEFF}' | '\u{200B}')
    {
        return 0;
    }
    let mut buf = [0u8; 4];
    let len = c.encode_utf8(&mut buf).len();
    if len > 3 {
        return 0;
    }
    u32::from_le_bytes([buf[0], buf[1], buf[2], len as u8])
}

/// Decodes text made only of ASCII and two-byte pairs, with CRLF and lone CR turned
/// into LF as `decode` does for every text. `None` when anything else is there; the
/// caller then decodes with encoding_rs, which gives the same text where this succeeds.
pub fn decode_pairs(bytes: &[u8]) -> Option<String> {
    let table = table();
    // A pair becomes at most three bytes; four of slack let every write be whole.
    let mut out = vec![0u8; bytes.len() / 2 * 3 + bytes.len() % 2 + 4];
    let (mut i, mut o) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b == b'\r' {
                out[o] = b'\n';
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
            } else {
                out[o] = b;
                i += 1;
            }
            o += 1;
            continue;
        }
        let entry = table[usize::from(b) << 8 | usize::from(*bytes.get(i + 1)?)];
        if entry == 0 {
            return None;
        }
        out[o..o + 4].copy_from_slice(&entry.to_le_bytes());
        o += (entry >> 24) as usize;
        i += 2;
    }
    out.truncate(o);
    debug_assert!(std::str::from_utf8(&out).is_ok());
    // SAFETY: `out` holds only ASCII bytes below 0x80 and whole characters that
    // `char::encode_utf8` wrote into the table; the spare bytes after the last one were
    // cut off. Checking again cost a fifth of the decode.
    Some(unsafe { String::from_utf8_unchecked(out) })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `decode` makes of GB18030 bytes without the fast path, when it takes them.
    fn slow(bytes: &[u8]) -> Option<String> {
        let s = GB18030.decode_without_bom_handling_and_without_replacement(bytes)?;
        let pua = s
            .chars()
            .any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c) || c >= '\u{F0000}');
        (!pua).then(|| s.replace("\r\n", "\n").replace('\r', "\n"))
    }

    #[test]
    fn every_pair_decodes_as_encoding_rs_does_or_is_left_to_it() {
        let mut decoded = 0;
        for lead in 0..=0xFFu8 {
            for trail in 0..=0xFFu8 {
                let pair = [lead, trail];
                if let Some(fast) = decode_pairs(&pair) {
                    assert_eq!(Some(fast), slow(&pair), "{lead:02X} {trail:02X}");
                    decoded += 1;
                }
            }
        }
        // ASCII pairs, and GBK's pairs less its private-use area.
        assert!(decoded > 0x80 * 0x80 + 20_000, "{decoded}");
    }

    #[test]
    fn four_byte_sequences_and_broken_pairs_are_left_to_encoding_rs() {
        let (four, _, _) = GB18030.encode("讲话𠀀");
        assert_eq!(decode_pairs(&four), None);
        assert_eq!(decode_pairs(&[0xD6, 0xD0, 0xB9]), None); // cut pair
        assert_eq!(decode_pairs(&[0xD6, 0x0A]), None); // lead then line feed
        assert_eq!(decode_pairs(&[0x80]), None);
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_encoding_rs_then_normalising(
            s in "([\r\n a1，。“”、（）]|[\u{4E00}-\u{9FA5}]|[\u{E000}-\u{E010}]|\u{20000}|\u{FEFF}|\u{200B}){0,60}",
            flips in proptest::collection::vec((0usize..200, 0u8..=255), 0..3),
        ) {
            let (b, _, _) = GB18030.encode(&s);
            let mut b = b.into_owned();
            for (at, byte) in flips {
                if !b.is_empty() {
                    let at = at % b.len();
                    b[at] = byte;
                }
            }
            if let Some(fast) = decode_pairs(&b) {
                proptest::prop_assert_eq!(Some(fast), slow(&b));
            }
            if !s.chars().any(|c| !c.is_ascii() && c.len_utf8() != 3 || ('\u{E000}'..='\u{F8FF}').contains(&c) || matches!(c, '\u{FEFF}' | '\u{200B}')) {
                // Only ASCII and CJK from the two-byte area: never left to the slow path
                // unless a flipped byte broke it.
                let (clean, _, _) = GB18030.encode(&s);
                proptest::prop_assert!(decode_pairs(&clean).is_some());
            }
        }
    }
}
