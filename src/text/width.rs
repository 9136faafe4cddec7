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
    fn widths() {
        assert_eq!(str_width("中文ab", Ambiguous::Narrow), 6);
        assert_eq!(str_width("“…”", Ambiguous::Narrow), 3);
        assert_eq!(str_width("“…”", Ambiguous::Wide), 6);
        assert_eq!(char_width('\u{301}', Ambiguous::Narrow), 0);
        assert_eq!(char_width('\u{1b}', Ambiguous::Narrow), 0);
    }
}
