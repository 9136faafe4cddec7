//! Framing lines (spec §3): title, subtitle, date and speaker, salutation, announced
//! count, closing, and junk. Each test takes one trimmed line.

use super::chars::{char_len_capped, cn_value, is_cjk, is_cn_numeral, norm, norm_chars};

/// Words that end a speech's title.
const TITLE_ENDINGS: [&str; 12] = [
    "讲话",
    "讲话稿",
    "讲话提纲",
    "致辞",
    "发言",
    "发言稿",
    "主持词",
    "报告",
    "党课",
    "辅导报告",
    "动员讲话",
    "总结讲话",
];

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

/// Label words; a colon (either width) must follow.
const LABELS: [&str; 10] = [
    "来源",
    "编辑",
    "责任编辑",
    "作者",
    "发布时间",
    "浏览",
    "浏览次数",
    "审核",
    "校对",
    "点击",
];

/// A title line: returns the title itself (label and speaker prefix stripped).
pub fn title_of(line: &str) -> Option<&str> {
    let mut t = line;
    for label in ["原标题：", "原标题:", "标题："] {
        if let Some(rest) = t.strip_prefix(label) {
            return Some(rest.trim()).filter(|r| !r.is_empty());
        }
    }
    if char_len_capped(t, 60) > 60 || t.contains('。') || t.starts_with("——") {
        return None;
    }
    t = strip_speaker_prefix(t);
    is_title_text(t).then_some(t)
}

/// `在…上的` anywhere, or a title ending (an optional `（…）` may follow).
pub fn is_title_text(t: &str) -> bool {
    if let Some(i) = t.find('在')
        && t[i..].contains("上的")
    {
        return true;
    }
    let mut core = t.trim_end_matches(|c: char| matches!(norm(c), '！' | '？' | '：' | ' '));
    if core.ends_with('）') || core.ends_with(')') {
        let open = core.rfind('（').or_else(|| core.rfind('('));
        if let Some(o) = open {
            core = &core[..o];
        }
    }
    TITLE_ENDINGS.iter().any(|e| core.ends_with(e))
}

/// `张三：在…上的讲话` → `在…上的讲话`.
fn strip_speaker_prefix(t: &str) -> &str {
    if let Some(i) = t.find('：').or_else(|| t.find(':')) {
        let (who, rest) = (&t[..i], &t[i..]);
        let rest = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
        let n = who.chars().count();
        if (2..=12).contains(&n)
            && who.chars().all(|c| is_cjk(c) || c == '·' || c == ' ')
            && is_title_text(rest)
        {
            return rest.trim();
        }
    }
    t
}

/// `——在…上的讲话` under a main title.
pub fn subtitle_of(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches(['—', '-', '－', '─']);
    (rest.len() < line.len() && !rest.is_empty() && char_len_capped(line, 80) <= 80).then_some(line)
}

/// `（2021年3月5日）`, `2021年3月5日`, `二〇二一年三月五日`, or a short bracketed note.
pub fn is_date_line(line: &str) -> bool {
    let n = char_len_capped(line, 40);
    if n > 40 {
        return false;
    }
    let inner = line
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    let bracketed = inner.len() < line.len();
    let has_date = inner.contains('年') && (inner.contains('月') || inner.contains('日'));
    let datey = inner
        .chars()
        .take_while(|&c| {
            c.is_ascii_digit()
                || is_cn_numeral(c)
                || matches!(c, '年' | '月' | '日' | ' ' | '.' | '-' | '/')
        })
        .count();
    (has_date && (bracketed || datey * 2 >= inner.chars().count()))
        || (bracketed && n <= 30 && !line.contains('。'))
}

const JOB_WORDS: [&str; 24] = [
    "书记",
    "市长",
    "县长",
    "区长",
    "省长",
    "镇长",
    "乡长",
    "主任",
    "部长",
    "局长",
    "厅长",
    "主席",
    "委员",
    "校长",
    "院长",
    "董事长",
    "总经理",
    "组长",
    "处长",
    "科长",
    "秘书长",
    "常委",
    "代表",
    "主持人",
];

/// `市委书记 王某某`, `XX同志`, `王某某`: a short line naming the speaker.
pub fn is_speaker_line(line: &str) -> bool {
    let n = char_len_capped(line, 24);
    if !(2..=24).contains(&n)
        || line
            .chars()
            .any(|c| matches!(norm(c), '。' | '，' | '！' | '？' | '；' | '：'))
    {
        return false;
    }
    if line.ends_with("同志") {
        return true;
    }
    // `市委书记 王某某`, `王某某 市委书记`, `市委书记王某某`: a job word next to a short name.
    let is_name =
        |t: &str| (2..=4).contains(&t.chars().count()) && t.chars().all(|c| is_cjk(c) || c == '·');
    let parts: Vec<&str> = line
        .split([' ', '\u{3000}'])
        .filter(|p| !p.is_empty())
        .collect();
    let has_job = |t: &str| JOB_WORDS.iter().any(|w| t.contains(w));
    match parts.as_slice() {
        [a, b] => (has_job(a) && is_name(b)) || (is_name(a) && has_job(b)),
        [one] => JOB_WORDS
            .iter()
            .filter_map(|w| one.rfind(w).map(|i| &one[i + w.len()..]))
            .any(is_name),
        _ => false,
    }
}

const SALUTATIONS: [&str; 14] = [
    "同志们",
    "各位代表",
    "各位委员",
    "各位领导",
    "各位来宾",
    "各位同事",
    "各位老师",
    "各位嘉宾",
    "尊敬的",
    "亲爱的",
    "女士们",
    "先生们",
    "朋友们",
    "各位",
];

/// `同志们：`, `各位代表：`, `尊敬的…：`, `同志们、朋友们：` (text may follow the colon).
pub fn is_salutation(line: &str) -> bool {
    if !SALUTATIONS.iter().any(|s| line.starts_with(s)) {
        return false;
    }
    // The colon must come early: `同志们：` not `同志们，今年…：`.
    norm_chars(line).take(40).any(|(_, c)| c == '：')
        && !norm_chars(line)
            .take_while(|&(_, c)| c != '：')
            .any(|(_, c)| matches!(c, '。' | '！' | '？' | '；'))
}

/// `同志们，…` / `同志们！…` / `谢谢大家！` alone: where a closing starts.
pub fn is_closing_start(line: &str) -> bool {
    for word in [
        "同志们、朋友们",
        "同志们",
        "各位代表",
        "各位委员",
        "各位领导、同志们",
        "各位来宾",
    ] {
        if let Some(rest) = line.strip_prefix(word) {
            return rest
                .chars()
                .next()
                .map(norm)
                .is_some_and(|c| matches!(c, '，' | '！'));
        }
    }
    is_thanks(line)
}

/// `谢谢大家！`, `谢谢！` alone on a line.
pub fn is_thanks(line: &str) -> bool {
    matches!(
        line.trim_end_matches(|c| matches!(norm(c), '！' | '。')),
        "谢谢大家" | "谢谢" | "谢谢各位"
    )
}

/// Advert and watermark lines: short lines built around junk phrases.
pub fn is_junk_phrase(line: &str) -> bool {
    // Counting is vectorised, so long lines are turned away first.
    if char_len_capped(line, 60) > 60 {
        return false;
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
        if is_junk_lead(lead) && junk_phrase_at(line, i) {
            return true;
        }
        i += len;
    }
    false
}

/// Whether a junk phrase starts at byte `i` of `line`.
fn junk_phrase_at(line: &str, i: usize) -> bool {
    let rest = line.get(i..).unwrap_or("");
    JUNK_PHRASES.iter().any(|p| rest.starts_with(p))
        // 本文系…原创/投稿
        || (rest.starts_with("本文系") && (line.contains("原创") || line.contains("投稿")))
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

/// `来源：` and its kin, allowed only near the top and bottom of a file.
pub fn is_label_line(line: &str) -> bool {
    let l = line.trim_start_matches(['（', '(', '【', '[']);
    LABELS.iter().any(|p| {
        l.strip_prefix(p)
            .is_some_and(|rest| rest.starts_with('：') || rest.starts_with(':'))
    }) && char_len_capped(line, 80) <= 80
}

/// `————`, `*****`, `======`.
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

/// `下面…`, `我讲…`: a line that introduces what follows rather than naming it.
pub fn is_transition(line: &str) -> bool {
    [
        "下面",
        "我讲",
        "我再讲",
        "接下来",
        "现在",
        "以下",
        "我想",
        "我就",
        "借此机会",
        "在此",
    ]
    .iter()
    .any(|w| line.starts_with(w))
}

const COUNT_VERBS: [&str; 8] = ["讲", "谈", "提", "强调", "说", "交流", "汇报", "分"];
const COUNT_UNITS: [&str; 11] = [
    "点",
    "个部分",
    "个方面",
    "方面",
    "个问题",
    "项",
    "部分",
    "条",
    "层意思",
    "件事",
    "个字",
];

/// `下面，我讲三点意见` → 3. The number of parts a preamble announces.
pub fn announced_count(para: &str) -> Option<usize> {
    for (i, _) in para.char_indices() {
        let at = &para[i..];
        let Some(verb) = COUNT_VERBS.iter().find(|v| at.starts_with(*v)) else {
            continue;
        };
        let mut rest = &at[verb.len()..];
        // A few words may stand between: 讲以下三点, 主要讲这么两个问题.
        for filler in ["以下", "这么", "这样", "下面", "主要", "这"] {
            if let Some(r) = rest.strip_prefix(filler) {
                rest = r;
                break;
            }
        }
        let num_len: usize = rest
            .chars()
            .take_while(|&c| is_cn_numeral(c))
            .map(char::len_utf8)
            .sum();
        if num_len == 0 {
            continue;
        }
        let (num, after) = rest.split_at(num_len);
        if COUNT_UNITS.iter().any(|u| after.starts_with(u)) {
            return cn_value(num)
                .filter(|&n| (1..=20).contains(&n))
                .map(|n| n as usize);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            title_of("在全市经济工作会议上的讲话"),
            Some("在全市经济工作会议上的讲话")
        );
        assert_eq!(
            title_of("全县安全生产工作讲话稿"),
            Some("全县安全生产工作讲话稿")
        );
        assert_eq!(
            title_of("新春团拜会致辞（2024年）"),
            Some("新春团拜会致辞（2024年）")
        );
        assert_eq!(
            title_of("原标题：在全区作风建设大会上的讲话"),
            Some("在全区作风建设大会上的讲话")
        );
        assert_eq!(
            title_of("原标题:在全区作风建设大会上的讲话"),
            Some("在全区作风建设大会上的讲话")
        );
        assert_eq!(
            title_of("张三：在全市优化营商环境大会上的讲话"),
            Some("在全市优化营商环境大会上的讲话")
        );
        assert_eq!(
            title_of("庆祝建党周年专题党课"),
            Some("庆祝建党周年专题党课")
        );
        assert_eq!(title_of("我在会上的讲话是这样的。"), None);
        assert_eq!(title_of("同志们："), None);
        assert_eq!(title_of("——在全市经济工作会议上的讲话"), None);
        assert_eq!(
            subtitle_of("——在全市经济工作会议上的讲话"),
            Some("——在全市经济工作会议上的讲话")
        );
    }

    #[test]
    fn dates_and_speakers() {
        assert!(is_date_line("（2021年3月5日）"));
        assert!(is_date_line("(2021年3月5日)"));
        assert!(is_date_line("二〇二一年三月五日"));
        assert!(is_date_line("2023年12月28日"));
        assert!(!is_date_line(
            "2023年全市经济运行总体平稳，主要指标好于预期。"
        ));
        assert!(is_speaker_line("市委书记 王某某"));
        assert!(is_speaker_line("李明同志"));
        assert!(is_speaker_line("县长　赵某"));
        assert!(!is_speaker_line("我们要学习李明同志。"));
        assert!(!is_speaker_line("加强基层组织建设"));
        assert!(is_speaker_line("市委书记王某某"));
        assert!(is_speaker_line("王某某 市委书记"));
        assert!(!is_speaker_line("书记强调抓好作风建设"));
    }

    #[test]
    fn salutations_and_closings() {
        assert!(is_salutation("同志们："));
        assert!(is_salutation("各位代表："));
        assert!(is_salutation("尊敬的各位来宾、各位朋友："));
        assert!(is_salutation("同志们、朋友们："));
        assert!(is_salutation("同志们:今天召开这次会议，主要任务是…"));
        assert!(!is_salutation("同志们，今年的任务很重。"));
        assert!(is_closing_start("同志们，做好今年工作意义重大。"));
        assert!(is_closing_start("同志们！让我们携起手来。"));
        assert!(is_closing_start("谢谢大家！"));
        assert!(!is_closing_start("同志们：今天召开这次会议"));
        assert!(!is_closing_start("谢谢大家的支持，我们继续努力。"));
    }

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
                && line.char_indices().any(|(i, _)| junk_phrase_at(&line, i));
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
        assert!(is_label_line("来源：某某日报"));
        assert!(is_label_line("责任编辑:李四"));
        assert!(!is_label_line("来源于群众，服务于群众。"));
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

    #[test]
    fn announced_counts() {
        assert_eq!(announced_count("下面，我讲三点意见。"), Some(3));
        assert_eq!(announced_count("我主要讲五个方面"), Some(5));
        assert_eq!(announced_count("借此机会，讲两个问题。"), Some(2));
        assert_eq!(announced_count("下面，我讲以下四点意见。"), Some(4));
        assert_eq!(announced_count("今天这堂党课，我分三个部分来讲。"), Some(3));
        assert_eq!(
            announced_count("我就做好新学年的教育工作再强调四点。"),
            Some(4)
        );
        assert_eq!(announced_count("下面，我讲几点意见。"), None);
        assert_eq!(announced_count("工作要分两步走。"), None);
        assert_eq!(announced_count("我们要讲政治、顾大局。"), None);
    }
}
