//! Appendices (spec §10): text after the speech headed `附件`, `附：`, `名词解释`,
//! `注释`. It is never sections and never moves the closing. The heading words are a
//! closed class; the position (in the latter half, with lines after it) is the evidence.

use super::chars::{char_len_capped, norm};

const HEADERS: [&str; 10] = [
    "注释",
    "注解",
    "注",
    "名词解释",
    "名词解释：",
    "附件",
    "附录",
    "附表",
    "参考文献",
    "附：",
];

/// Index of the line that heads an appendix, if any.
pub fn appendix_start(texts: &[&str]) -> Option<usize> {
    let half = texts.len() / 2;
    (half..texts.len().saturating_sub(1)).find(|&k| is_header(texts[k]))
}

/// `注释`, `附件`, `附件1：…`, `附：…`.
fn is_header(t: &str) -> bool {
    if !matches!(t.chars().next(), Some('注' | '名' | '附' | '参')) || char_len_capped(t, 31) > 30
    {
        return false;
    }
    let compact: String = t
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .map(norm)
        .collect();
    if HEADERS.contains(&compact.as_str()) {
        return true;
    }
    let Some(rest) = compact.strip_prefix("附件") else {
        return compact.starts_with("附：");
    };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.is_empty() || rest.starts_with('：')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_the_latter_half() {
        let texts = [
            "一、总体要求",
            "正文。",
            "正文。",
            "同志们，让我们努力！",
            "名词解释",
            "1.“两新”：设备更新。",
        ];
        assert_eq!(appendix_start(&texts), Some(4));
        let texts = [
            "正文。",
            "正文。",
            "正文。",
            "正文。",
            "附件1：重点项目清单",
            "1.某项目",
        ];
        assert_eq!(appendix_start(&texts), Some(4));
        let texts = ["注释", "正文。", "正文。", "正文。"];
        assert_eq!(
            appendix_start(&texts),
            None,
            "at the start it is no appendix"
        );
        let texts = ["正文。", "正文。", "附件要齐全，手续要完备。", "正文。"];
        assert_eq!(appendix_start(&texts), None);
    }
}
