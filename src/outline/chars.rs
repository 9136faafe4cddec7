//! Character classes and the matching form of a line (spec §2).

/// Trims what indents and pads speech lines: spaces, tabs, U+3000, U+00A0.
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_pad)
}

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
/// counts chars and whitespace with SIMD searches instead of decoding each character.
pub fn count_chars(s: &str) -> usize {
    use memchr::{memchr_iter, memchr2_iter, memchr3_iter};
    let b = s.as_bytes();
    let ascii =
        memchr3_iter(b' ', b'\t', b'\n', b).count() + memchr3_iter(b'\r', 0x0B, 0x0C, b).count();
    // U+3000 is E3 80 80; its lead byte is shared only with 、。 and other CJK marks.
    let mut unicode = memchr_iter(0xE3, b)
        .filter(|&i| b.get(i + 1..i + 3) == Some(&[0x80, 0x80]))
        .count();
    // U+2000..U+200A, U+2028/9, U+202F, U+205F share the lead byte with “ ” — …
    unicode += memchr_iter(0xE2, b)
        .filter(|&i| {
            matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) | (Some(0x81), Some(0x9F))
            )
        })
        .count();
    // U+0085, U+00A0, U+1680: rare, so these searches almost always find nothing.
    unicode += memchr2_iter(0xC2, 0xE1, b)
        .filter(|&i| match b[i] {
            0xC2 => matches!(b.get(i + 1), Some(0x85 | 0xA0)),
            _ => b.get(i + 1..i + 3) == Some(&[0x9A, 0x80]),
        })
        .count();
    s.chars().count() - ascii - unicode
}

/// Character count, counting only up to `cap` (cheap length checks on long lines).
pub fn char_len_capped(s: &str, cap: usize) -> usize {
    // A char is at most 4 bytes: long lines answer without decoding anything.
    if s.len() > 4 * (cap + 1) {
        return cap + 1;
    }
    // `chars().count()` is vectorised; `take(n).count()` decodes char by char.
    s.chars().count().min(cap + 1)
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
        fn count_chars_is_the_count_of_non_whitespace_chars(s in "\\PC*[ \u{3000}\u{a0}\u{2003}\u{85}\u{1680}“—]*\\PC*") {
            proptest::prop_assert_eq!(count_chars(&s), s.chars().filter(|c| !c.is_whitespace()).count());
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
