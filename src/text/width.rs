//! Display widths. Ambiguous-width characters (“ ” … × · —) are narrow unless the
//! terminal draws them wide (`--ambiguous wide`).

use unicode_width::UnicodeWidthChar;

/// How East Asian ambiguous-width characters are measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ambiguous {
    #[default]
    Narrow,
    Wide,
}

/// Columns taken by `c`. Control characters count 0: text is sanitized before measuring.
#[inline]
pub fn char_width(c: char, amb: Ambiguous) -> usize {
    let u = c as u32;
    if u < 0x7f {
        return usize::from(c >= ' ');
    }
    // Fast paths for the bulk of Chinese text (the table lookup dominates wrapping):
    // CJK ideographs, CJK punctuation, full-width forms. Checked against the table in tests.
    if (0x4e00..=0x9fff).contains(&u)
        || (0x3000..=0x3029).contains(&u)
        || (0xff01..=0xff60).contains(&u)
    {
        return 2;
    }
    match amb {
        Ambiguous::Narrow => c.width().unwrap_or(0),
        Ambiguous::Wide => c.width_cjk().unwrap_or(0),
    }
}

/// Where `s` passes `max` columns: the byte index of the first character that does not
/// fit, if one does not; and the columns of what fits before it. Reads the three bytes
/// of a CJK ideograph without decoding them into a character: most of Chinese text.
pub fn measure(s: &str, max: usize, amb: Ambiguous) -> (Option<usize>, usize) {
    let b = s.as_bytes();
    let (mut i, mut cols) = (0, 0);
    while i < b.len() {
        let (w, n) = match b[i] {
            // U+4000–U+9FFF; from U+4E00 a CJK ideograph.
            lead @ 0xE4..=0xE9 if i + 2 < b.len() => {
                let u = u32::from(lead & 0x0F) << 12
                    | u32::from(b[i + 1] & 0x3F) << 6
                    | u32::from(b[i + 2] & 0x3F);
                match u >= 0x4E00 {
                    true => (2, 3),
                    false => (char::from_u32(u).map_or(0, |c| char_width(c, amb)), 3),
                }
            }
            ascii @ 0..0x80 => (char_width(char::from(ascii), amb), 1),
            _ => match s.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => (char_width(c, amb), c.len_utf8()),
                None => return (None, cols),
            },
        };
        if cols + w > max {
            return (Some(i), cols);
        }
        cols += w;
        i += n;
    }
    (None, cols)
}

/// Columns taken by `s`, the sum of its characters (what the renderer places cell by cell).
pub fn str_width(s: &str, amb: Ambiguous) -> usize {
    s.chars().map(|c| char_width(c, amb)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_paths_agree_with_the_table() {
        for u in (0x4e00..=0x9fff)
            .chain(0x3000..=0x3029)
            .chain(0xff01..=0xff60)
        {
            let c = char::from_u32(u).unwrap();
            assert_eq!(
                char_width(c, Ambiguous::Narrow),
                c.width().unwrap_or(0),
                "{u:x}"
            );
            assert_eq!(
                char_width(c, Ambiguous::Wide),
                c.width_cjk().unwrap_or(0),
                "{u:x}"
            );
        }
    }

    #[test]
    fn measuring_agrees_with_adding_up_characters() {
        let texts = [
            "中文ab",
            "“营商环境”",
            "\u{4dff}䷀一\u{3400}x\u{301}",
            "é𠀀—ｱ",
            "",
        ];
        for t in texts {
            for amb in [Ambiguous::Narrow, Ambiguous::Wide] {
                for max in 0..12 {
                    let mut cols = 0;
                    let mut over = None;
                    for (i, c) in t.char_indices() {
                        let w = char_width(c, amb);
                        if cols + w > max {
                            over = Some(i);
                            break;
                        }
                        cols += w;
                    }
                    assert_eq!(measure(t, max, amb), (over, cols), "{t:?} {max}");
                }
            }
        }
    }

    #[test]
    fn widths() {
        assert_eq!(str_width("中文ab", Ambiguous::Narrow), 6);
        assert_eq!(str_width("“…”", Ambiguous::Narrow), 3);
        assert_eq!(str_width("“…”", Ambiguous::Wide), 6);
        assert_eq!(char_width('\u{301}', Ambiguous::Narrow), 0);
        assert_eq!(char_width('\u{1b}', Ambiguous::Narrow), 0);
    }
}
