//! Junk lines that are not web furniture (spec §3): adverts and watermarks, separators,
//! page numbers. Each test takes one trimmed line.

use super::chars::{char_len_capped, norm};

/// Phrases that mark advert and watermark lines.
const JUNK_PHRASES: [&str; 18] = [
    "仅供学习",
    "仅供参考",
    "禁止外传",
    "请勿照搬",
    "请勿转载",
    "转载请注明",
    "会员群",
    "QQ群",
    "qq群",
    "微信群",
    "公众号",
    "扫码",
    "二维码",
    "下载后可编辑",
    "精品文档",
    "侵权请联系",
    "联系删除",
    "关注我们",
];

/// Advert and watermark lines: short lines built around junk phrases.
#[cfg(test)]
pub fn is_junk_phrase(line: &str) -> bool {
    junk_phrase(line).is_some()
}

/// The junk phrase an advert or watermark line is built around (see `advert_word`).
pub fn junk_phrase(line: &str) -> Option<u8> {
    // Counting is vectorised, so long lines are turned away first.
    if char_len_capped(line, 60) > 60 {
        return None;
    }
    // One pass: a phrase is only looked for where one of them could start. The leads
    // are ASCII or three bytes long, read straight from the bytes, so the walk decodes
    // nothing else.
    let b = line.as_bytes();
    let byte = |i: usize| u32::from(b.get(i).copied().unwrap_or(0));
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        let (lead, len) = match x {
            0..0x80 => (char::from(x), 1),
            0xE0..0xF0 => {
                let c =
                    (u32::from(x) & 0x0F) << 12 | (byte(i + 1) & 0x3F) << 6 | byte(i + 2) & 0x3F;
                (char::from_u32(c).unwrap_or('\0'), 3)
            }
            0xF0.. => ('\0', 4),
            _ => ('\0', 2),
        };
        if is_junk_lead(lead)
            && let Some(p) = junk_phrase_at(line, i)
        {
            return Some(p);
        }
        i += len;
    }
    None
}

/// The junk phrase that starts at byte `i` of `line`, if any, by its index.
fn junk_phrase_at(line: &str, i: usize) -> Option<u8> {
    let rest = line.get(i..).unwrap_or("");
    if let Some(p) = JUNK_PHRASES.iter().position(|p| rest.starts_with(*p)) {
        return Some(p as u8);
    }
    // 本文系…原创/投稿
    (rest.starts_with("本文系") && (line.contains("原创") || line.contains("投稿")))
        .then_some(JUNK_PHRASES.len() as u8)
}

/// The phrase of `Why::Advert`.
pub fn advert_word(i: u8) -> &'static str {
    JUNK_PHRASES
        .get(usize::from(i))
        .copied()
        .unwrap_or("本文系")
}

/// The first characters of `JUNK_PHRASES` and of 本文系 (checked by a test).
const JUNK_LEADS: [char; 17] = [
    '仅', '禁', '请', '转', '会', 'Q', 'q', '微', '公', '扫', '二', '下', '精', '侵', '联', '关',
    '本',
];

/// Whether `c` is one of `JUNK_LEADS`: a bit table, as this runs for every character of
/// every short line.
fn is_junk_lead(c: char) -> bool {
    const BITS: [u64; 0x10000 / 64] = {
        let mut bits = [0u64; 0x10000 / 64];
        let mut i = 0;
        while i < JUNK_LEADS.len() {
            let c = JUNK_LEADS[i] as usize;
            bits[c / 64] |= 1 << (c % 64);
            i += 1;
        }
        bits
    };
    let c = c as usize;
    c < 0x10000 && BITS[c / 64] & (1 << (c % 64)) != 0
}

/// `————`, `*****`, `======`.
#[inline]
pub fn is_separator(line: &str) -> bool {
    // `all` first: it stops at the first ordinary character, so body text costs nothing.
    line.chars().all(|c| {
        matches!(
            c,
            '—' | '-'
                | '－'
                | '─'
                | '━'
                | '*'
                | '＊'
                | '='
                | '＝'
                | '_'
                | '＿'
                | '~'
                | '～'
                | '·'
                | '•'
                | '…'
                | ' '
                | '.'
                | '#'
        )
    }) && line.chars().count() >= 3
}

/// `- 3 -`, `－ 3 －`, `— 3 —`, `第 3 页 共 10 页`, `3/10`, `第3页`.
#[inline]
pub fn is_page_number(line: &str) -> bool {
    if line.len() > 40 {
        return false;
    }
    // Every form starts with a dash, a digit or 第: other lines need no copy.
    let first = line.chars().find(|c| !c.is_whitespace()).map(norm);
    if !matches!(first, Some('-' | '－' | '—' | '–' | '─' | '第' | '0'..='9')) {
        return false;
    }
    // Nor does a line with a character no form has (`第一部分`, `1.加强领导`).
    line.chars().all(is_page_number_char) && is_page_number_form(line)
}

/// The characters page numbers are written with.
fn is_page_number_char(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            norm(c),
            '0'..='9' | '-' | '－' | '—' | '–' | '─' | '第' | '页' | '共' | '，' | '/'
        )
}

/// `- 3 -`, `3/10`, `第3页`, `第3页，共10页`, spaces and widths aside.
fn is_page_number_form(line: &str) -> bool {
    let compact: String = line
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(norm)
        .collect();
    let dashes = ['-', '－', '—', '–', '─'];
    let inner = compact.trim_start_matches(dashes).trim_end_matches(dashes);
    if inner.len() < compact.len() && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit())
    {
        return compact.starts_with(dashes) && compact.ends_with(dashes);
    }
    if let Some((a, b)) = compact.split_once('/') {
        return !a.is_empty()
            && !b.is_empty()
            && a.len() <= 4
            && b.len() <= 4
            && (a.to_string() + b).chars().all(|c| c.is_ascii_digit());
    }
    let Some(rest) = compact.strip_prefix('第') else {
        return false;
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let rest = &rest[digits.len()..];
    if digits.is_empty() || !rest.starts_with('页') {
        return false;
    }
    let rest = &rest['页'.len_utf8()..];
    rest.is_empty() || {
        let r = rest.trim_start_matches(['，', ',', '/']);
        r.strip_prefix('共')
            .and_then(|r| r.strip_suffix('页'))
            .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junk_phrases_anywhere_in_short_lines_only() {
        for p in JUNK_PHRASES {
            assert!(is_junk_phrase(&format!("更多材料{p}！")), "{p}");
            let long = format!("{}{p}", "这是一个很长的句子".repeat(7));
            assert!(!is_junk_phrase(&long), "{p}");
        }
        assert!(is_junk_phrase("本文系本站原创"));
        assert!(is_junk_phrase("投稿：本文系读者来稿"));
        assert!(!is_junk_phrase("本文系统梳理了今年的工作"));
        assert!(!is_junk_lead('\u{10000}') && !is_junk_lead('甲') && is_junk_lead('q'));
    }

    proptest::proptest! {
        /// The byte walk finds what a search at every character finds.
        #[test]
        fn junk_phrases_are_found_at_any_character(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Strategy::prop_map(proptest::sample::select(JUNK_PHRASES.to_vec()), String::from),
                    "(本文系|原创|投稿|[仅请转会Qq微公]|[甲é𠀀a、])",
                ],
                0..8,
            ),
        ) {
            let line: String = parts.concat();
            let by_chars = char_len_capped(&line, 60) <= 60
                && line.char_indices().any(|(i, _)| junk_phrase_at(&line, i).is_some());
            proptest::prop_assert_eq!(is_junk_phrase(&line), by_chars);
        }
    }

    #[test]
    fn junk_prefilter_knows_every_phrase() {
        for p in JUNK_PHRASES.iter().chain(&["本文系"]) {
            assert!(p.chars().next().is_some_and(is_junk_lead), "{p}");
        }
    }

    #[test]
    fn junk_lines() {
        assert!(is_junk_phrase(
            "本文系笔杆子工作室原创，仅供学习交流，请勿照搬！"
        ));
        assert!(is_junk_phrase("扫码关注公众号，获取更多材料"));
        assert!(is_junk_phrase("会员群：123456 免费QQ群：654321"));
        assert!(is_junk_phrase("下载后可编辑"));
        assert!(!is_junk_phrase("要发展会员企业，扩大商会覆盖面。"));
        assert!(!is_junk_phrase("群众下载政务App办理业务更加方便。"));
        assert!(is_separator("————————"));
        assert!(is_separator("*****"));
        assert!(!is_separator("——"));
    }

    #[test]
    fn page_numbers() {
        for p in [
            "- 3 -",
            "－ 3 －",
            "— 3 —",
            "第 3 页 共 10 页",
            "3/10",
            "第3页",
            "-12-",
            "第３页，共１０页",
            "第3页,共10页",
            "—１２—",
        ] {
            assert!(is_page_number(p), "{p}");
        }
        for p in ["3", "-3", "2023/2024年度", "第三页", "1/2是一半"] {
            assert!(!is_page_number(p), "{p}");
        }
    }

    proptest::proptest! {
        #[test]
        fn page_numbers_are_made_of_page_number_characters(s in "[-－—–─ 0-9０-９第页共，,/一a]{0,12}") {
            if is_page_number_form(&s) {
                proptest::prop_assert!(s.chars().all(is_page_number_char), "{}", s);
            }
        }
    }
}
