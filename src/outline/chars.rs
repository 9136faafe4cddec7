//! Character classes and the matching form of a line (spec §2).

/// Trims what indents and pads speech lines: spaces, tabs, U+3000, U+00A0.
pub fn trim(s: &str) -> &str {
    // Every line of every file comes through here, most with nothing to trim: the end
    // bytes tell, without decoding (see `is_pad` for the characters' bytes).
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return s;
    };
    let may_start = matches!(first, b' ' | b'\t' | 0x0C | 0xC2 | 0xE2 | 0xE3 | 0xEF);
    let may_end = matches!(last, b' ' | b'\t' | 0x0C | 0x80 | 0x8B | 0xA0 | 0xBF);
    if !(may_start || may_end) {
        return s;
    }
    s.trim_matches(is_pad)
}

/// In UTF-8: `20`, `09`, `0C`, `E3 80 80`, `C2 A0`, `EF BB BF`, `E2 80 8B`.
pub fn is_pad(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{00A0}' | '\u{FEFF}' | '\u{200B}' | '\x0c'
    )
}

/// The matching form of one character: half-width `( ) , : ; ? !` become full-width,
/// `．` becomes `.`, full-width digits become ASCII. Char count is preserved.
pub fn norm(c: char) -> char {
    match c {
        '(' => '（',
        ')' => '）',
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '?' => '？',
        '!' => '！',
        '．' => '.',
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        _ => c,
    }
}

/// Iterates a line in matching form, with each character's byte offset in the original.
pub fn norm_chars(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    s.char_indices().map(|(i, c)| (i, norm(c)))
}

/// `一…十`, `百`, `零/〇`, `两`: the characters of a Chinese numeral.
pub fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '零'
            | '〇'
            | '两'
    )
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The value of a Chinese numeral such as `十二`, `二十三`, `一百二十三`; `None` when it
/// is not a well-formed number (`九十九九十九`).
pub fn cn_value(s: &str) -> Option<u32> {
    let mut total: u32 = 0;
    let mut digit: Option<u32> = None;
    let mut last_unit = u32::MAX;
    for c in s.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            _ => {
                if digit.is_some() {
                    return None;
                }
                digit = Some(cn_digit(c)?);
                continue;
            }
        };
        if unit >= last_unit {
            return None;
        }
        last_unit = unit;
        total = total.checked_add(digit.take().unwrap_or(1).checked_mul(unit)?)?;
    }
    total.checked_add(digit.unwrap_or(0))
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Ends a sentence: `。！？；` (after normalisation).
pub fn is_terminal(c: char) -> bool {
    matches!(norm(c), '。' | '！' | '？' | '；')
}

/// Non-whitespace characters, the unit of 字数. This runs over every paragraph, so it
/// is one branch-free pass over the bytes, which the compiler vectorises: each byte
/// that starts a character counts, unless it starts whitespace.
pub fn count_chars(s: &str) -> usize {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        return unsafe { count_chars_avx2(s) };
    }
    count_chars_portable(s)
}

/// The same loop compiled for AVX2: twice the bytes per instruction of the SSE2 baseline.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn count_chars_avx2(s: &str) -> usize {
    count_chars_portable(s)
}

#[inline(always)]
fn count_chars_portable(s: &str) -> usize {
    const VECTOR: usize = 32;
    let b = s.as_bytes();
    // Whole vectors of positions that have their next two bytes inside the text.
    let body = b.len().saturating_sub(2);
    let full = body - body % VECTOR;
    let (x, y, z) = (
        &b[..full],
        b.get(1..full + 1).unwrap_or_default(),
        b.get(2..full + 2).unwrap_or_default(),
    );
    // Counting into a byte per block keeps the vector lanes narrow; 224 is a whole
    // number of vectors that still fits a byte.
    let mut n = 0usize;
    for start in (0..full).step_by(224) {
        let end = (start + 224).min(full);
        let (x, y, z) = (&x[start..end], &y[start..end], &z[start..end]);
        // First with only the spaces Chinese text has (ASCII ones and U+3000), noting
        // whether a rarer one may be there; only then the full test.
        let (mut block, mut rare) = (0u8, false);
        for ((&x, &y), &z) in x.iter().zip(y).zip(z) {
            block += u8::from(starts_char_not_common_space(x, y, z));
            rare |= may_start_rare_space(x, y, z);
        }
        if rare {
            block = 0;
            for ((&x, &y), &z) in x.iter().zip(y).zip(z) {
                block += u8::from(starts_char_not_space(x, y, z));
            }
        }
        n += usize::from(block);
    }
    // The rest (under 34 bytes) is copied into a zero-padded window of fixed size and
    // counted the same way, masked: a scalar loop over it cost as much as the body of
    // a short paragraph.
    let rest = &b[full..];
    let mut pad = [0u8; 2 * VECTOR + 2];
    pad[..rest.len()].copy_from_slice(rest);
    // 1 for the bytes of the rest, 0 past it: comparing each index with the length
    // instead took 64-bit lanes.
    const INSIDE: [u8; 4 * VECTOR] = {
        let mut m = [0u8; 4 * VECTOR];
        let mut i = 0;
        while i < 2 * VECTOR {
            m[i] = 1;
            i += 1;
        }
        m
    };
    let inside = &INSIDE[2 * VECTOR - rest.len()..][..2 * VECTOR];
    let mut tail = 0u8;
    for i in 0..2 * VECTOR {
        tail += inside[i] & u8::from(starts_char_not_space(pad[i], pad[i + 1], pad[i + 2]));
    }
    n + usize::from(tail)
}

/// `starts_char_not_space`, with ASCII spaces and U+3000 as the only whitespace.
#[inline(always)]
fn starts_char_not_common_space(x: u8, y: u8, z: u8) -> bool {
    let starts = (x as i8) >= -0x40;
    let ascii_space = (x == b' ') | ((0x09..=0x0D).contains(&x));
    let ideographic = (x == 0xE3) & (y == 0x80) & (z == 0x80);
    starts & !(ascii_space | ideographic)
}

/// True wherever one of the other whitespace characters starts (and at a few other
/// places): `C2 ..`, `E1 ..`, `E2 80 80..8A`, `E2 80 A8..AF`, `E2 81 9F`.
#[inline(always)]
fn may_start_rare_space(x: u8, y: u8, z: u8) -> bool {
    (x == 0xC2)
        | (x == 0xE1)
        | ((x == 0xE2) & (y <= 0x81) & ((z <= 0x8A) | ((z & 0xF8) == 0xA8) | (z == 0x9F)))
}

/// Whether the bytes `x y z` start a character that is not whitespace. Unicode
/// whitespace beyond ASCII: U+0085, U+00A0 (`C2 85`, `C2 A0`), U+1680 (`E1 9A 80`),
/// U+2000..U+200A, U+2028/9, U+202F (`E2 80 ..`), U+205F (`E2 81 9F`), U+3000 (`E3 80 80`).
#[inline(always)]
fn starts_char_not_space(x: u8, y: u8, z: u8) -> bool {
    let c2 = (x == 0xC2) & ((y == 0x85) | (y == 0xA0));
    let e1 = (x == 0xE1) & (y == 0x9A) & (z == 0x80);
    let e2 = (x == 0xE2)
        & (((y == 0x80) & ((z <= 0x8A) | (z == 0xA8) | (z == 0xA9) | (z == 0xAF)))
            | ((y == 0x81) & (z == 0x9F)));
    starts_char_not_common_space(x, y, z) & !(c2 | e1 | e2)
}

/// Character count, counting only up to `cap` (cheap length checks on long lines).
pub fn char_len_capped(s: &str, cap: usize) -> usize {
    // A char is at most 4 bytes: long lines answer without decoding anything.
    if s.len() > 4 * (cap + 1) {
        return cap + 1;
    }
    // Characters are the bytes that do not continue one, counted into a byte per
    // block: on these short lines about twice as fast as `chars().count()`.
    let n: usize = s
        .as_bytes()
        .chunks(255)
        .map(|block| {
            usize::from(
                block
                    .iter()
                    .fold(0u8, |n, &b| n + u8::from((b as i8) >= -0x40)),
            )
        })
        .sum();
    n.min(cap + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn_value("一"), Some(1));
        assert_eq!(cn_value("十"), Some(10));
        assert_eq!(cn_value("十二"), Some(12));
        assert_eq!(cn_value("二十"), Some(20));
        assert_eq!(cn_value("二十三"), Some(23));
        assert_eq!(cn_value("一百二十三"), Some(123));
        assert_eq!(cn_value("两"), Some(2));
        assert_eq!(cn_value("九十九九十九"), None);
        assert_eq!(cn_value("十十"), None);
        assert_eq!(cn_value(""), Some(0));
    }

    proptest::proptest! {
        #[test]
        fn trim_is_trimming_pad_characters(s in "[ \t\x0c\u{3000}\u{a0}\u{feff}\u{200b}]{0,2}(\\PC|[\u{3000} ]){0,6}[ \t\x0c\u{3000}\u{a0}\u{feff}\u{200b}]{0,2}") {
            proptest::prop_assert_eq!(trim(&s), s.trim_matches(is_pad));
        }

        #[test]
        fn count_chars_is_the_count_of_non_whitespace_chars(s in "(\\PC|[ \u{3000}\u{a0}\u{2000}-\u{200c}\u{2028}-\u{202f}\u{205f}\u{85}\u{1680}“—])*") {
            proptest::prop_assert_eq!(count_chars(&s), s.chars().filter(|c| !c.is_whitespace()).count());
        }
    }

    #[test]
    fn count_chars_agrees_with_is_whitespace_on_every_char() {
        let mut buf = [0u8; 8];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let len = c.encode_utf8(&mut buf).len();
            c.encode_utf8(&mut buf[len..]);
            let want = usize::from(!c.is_whitespace());
            // Alone, and followed by more bytes.
            let one = std::str::from_utf8(&buf[..len]).unwrap();
            let two = std::str::from_utf8(&buf[..2 * len]).unwrap();
            assert_eq!(
                (count_chars(one), count_chars(two)),
                (want, 2 * want),
                "{c:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn char_len_capped_is_the_capped_char_count(s in "\\PC{0,300}", cap in 0usize..250) {
            proptest::prop_assert_eq!(char_len_capped(&s, cap), s.chars().count().min(cap + 1));
        }
    }

    #[test]
    fn one_space_of_any_kind_in_a_long_paragraph_is_not_counted() {
        // Around the 224-byte blocks and the padded tail.
        let spaces = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace());
        for w in spaces {
            for at in [0, 1, 74, 75, 100, 223, 224, 300] {
                let t = format!("{}{w}{}", "甲".repeat(at), "乙，".repeat(150));
                assert_eq!(count_chars(&t), at + 300, "{w:?} after {at}");
            }
        }
    }

    #[test]
    fn count_chars_skips_every_kind_of_space() {
        let s = "\u{3000}\u{3000}一、抓 落实\t\u{a0}\u{2003}x\n“好”";
        assert_eq!(
            count_chars(s),
            s.chars().filter(|c| !c.is_whitespace()).count()
        );
        assert_eq!(count_chars(s), 9);
    }

    #[test]
    fn matching_form() {
        let s: String = "(一),:;?!．１２".chars().map(norm).collect();
        assert_eq!(s, "（一），：；？！.12");
        assert_eq!(trim("\u{3000}\u{3000} 一、标题\t\u{a0}"), "一、标题");
    }
}
