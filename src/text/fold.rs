//! The form search and filter compare text in: what the parser's markers already treat
//! as one (spec §2: `(一)` and `（一）`, `３．` and `3.`), plus the forms a user types
//! differently from the file: full-width letters and signs, straight and curly quotes,
//! ASCII case. One character folds to one character.

use crate::outline::chars::norm;

/// The folded form of `c`.
pub fn fold(c: char) -> char {
    let c = match c {
        // The punctuation `norm` makes full-width stays so.
        '（' | '）' | '，' | '：' | '；' | '？' | '！' => return c,
        // Other full-width forms of ASCII become ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '“' | '”' | '„' => '"',
        '‘' | '’' => '\'',
        _ => c,
    };
    norm(c).to_ascii_lowercase()
}

/// Whether some other character folds to `c`: only then can text differ from a query
/// containing it and still match it.
fn is_target(c: char) -> bool {
    c.is_ascii() || matches!(c, '（' | '）' | '，' | '：' | '；' | '？' | '！')
}

/// Whether matching `query` needs folded text. A query without any character that
/// folding produces matches folded text exactly where it matches the text itself, so
/// the common query (Chinese words) is looked for in the text as it is.
pub fn needs_folding(folded_query: &str) -> bool {
    folded_query.chars().any(is_target)
}

/// `text` folded, with the byte offset in `text` of each folded byte, so that a match
/// in the folded text is a range in the text.
pub fn fold_with_offsets(text: &str, out: &mut String, offsets: &mut Vec<u32>) {
    out.clear();
    offsets.clear();
    for (i, c) in text.char_indices() {
        let f = fold(c);
        out.push(f);
        offsets.extend(std::iter::repeat_n(i as u32, f.len_utf8()));
    }
    offsets.push(text.len() as u32);
}

/// `text` folded.
pub fn folded(text: &str) -> String {
    text.chars().map(fold).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_the_issue_names_fold_alike() {
        assert_eq!(folded("“温差”"), folded("\"温差\""));
        assert_eq!(folded("3.基层"), folded("３．基层"));
        assert_eq!(folded("（一）部分"), folded("(一)部分"));
        assert_eq!(folded("ＧＤＰ增长"), folded("gdp增长"));
        assert_eq!(folded("５％"), folded("5%"));
        assert_ne!(folded("一、"), folded("一，"));
    }

    #[test]
    fn chinese_queries_need_no_folding() {
        assert!(!needs_folding(&folded("营商环境")));
        assert!(needs_folding(&folded("3.基层")));
        assert!(needs_folding(&folded("（一）")));
        assert!(needs_folding(&folded("“温差”")));
    }

    #[test]
    fn offsets_map_back_to_the_text() {
        let text = "甲（１）乙";
        let (mut f, mut o) = (String::new(), Vec::new());
        fold_with_offsets(text, &mut f, &mut o);
        assert_eq!(f, "甲（1）乙");
        let at = f.find("1）").unwrap();
        let end = at + "1）".len();
        assert_eq!(&text[o[at] as usize..o[end] as usize], "１）");
    }
}
