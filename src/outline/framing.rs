//! Framing lines (spec §3): title, subtitle, date and speaker, salutation, announced
//! count, closing, and junk. Each test takes one trimmed line.

use super::chars::{char_len_capped, cn_value, is_cjk, is_cn_numeral, norm, norm_chars};

/// Words that end a speech's title.
const TITLE_ENDINGS: [&str; 27] = [
    "贺词",
    "献词",
    "祝词",
    "致词",
    "开幕词",
    "闭幕词",
    "欢迎词",
    "答谢词",
    "贺信",
    "演讲",
    "演讲稿",
    "演说",
    "讲稿",
    "讲话要点",
    "寄语",
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
    // Every ending ends with one of these: most lines are turned away by their last character.
    core.ends_with([
        '话', '稿', '纲', '辞', '言', '词', '告', '课', '信', '讲', '说', '点', '语',
    ]) && TITLE_ENDINGS.iter().any(|e| core.ends_with(e))
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

/// The dashes a subtitle opens with: `——`, `――` (U+2015), `－－－`, `--`, `──`.
pub const DASHES: [char; 5] = ['—', '―', '-', '－', '─'];

/// `——在…上的讲话` under a main title.
pub fn subtitle_of(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches(DASHES);
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

/// `2026年2月3日在某省第十四届人民代表大会第五次会议上`: when and where it was given.
pub fn is_occasion_line(line: &str) -> bool {
    let Some(at) = line.find('在') else {
        return false;
    };
    let rest = &line[at..];
    char_len_capped(line, 80) <= 80
        && !line.contains('。')
        && (rest.ends_with('上') || rest.contains("上 ") || rest.contains("上\u{3000}"))
        && (line[..at].contains('日')
            || rest.contains('会')
            || rest.contains("典礼")
            || rest.contains("仪式"))
}

/// A title-like line that names the person giving it (`市委书记某某在…上的讲话`,
/// `某某局长《…》`, `省长某某作政府工作报告`): a page headline or caption about the
/// speech rather than its own title.
pub fn has_person_prefix(line: &str) -> bool {
    // Where the title or the verb begins: `在…`, `《…》`, `作…`, `发表…`.
    let cut = line.find(['在', '《', '作', '发']).unwrap_or(0);
    let prefix = &line[..cut];
    char_len_capped(prefix, 16) <= 15 && job_word_ends(prefix).next().is_some()
}

pub const JOB_WORDS: [&str; 24] = [
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

/// Where a job word ends in `t` (byte offsets after it). Every job word ends in one of a
/// few characters, so the words are tried only there: a search for each of them cost
/// more than the rest of the head block.
fn job_word_ends(t: &str) -> impl Iterator<Item = usize> + '_ {
    t.char_indices()
        .filter(|&(_, c)| {
            matches!(
                c,
                '记' | '长' | '任' | '席' | '员' | '理' | '委' | '表' | '人'
            )
        })
        .map(|(i, c)| i + c.len_utf8())
        .filter(|&end| JOB_WORDS.iter().any(|w| t[..end].ends_with(w)))
}

/// `市委书记 王某某`, `XX同志`, `某某公司董事长：王某某`: a short line naming the speaker.
pub fn is_speaker_line(line: &str) -> bool {
    // A signature: `…董事长：王某某`.
    if let Some((who, name)) = line.split_once(['：', ':'])
        && job_word_ends(who).last() == Some(who.len())
        && (2..=4).contains(&name.trim().chars().count())
        && name.trim().chars().all(is_cjk)
        && char_len_capped(who, 24) <= 24
    {
        return true;
    }
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
        .split([' ', '\u{3000}', '\u{a0}'])
        .filter(|p| !p.is_empty())
        .collect();
    let has_job = |t: &str| job_word_ends(t).next().is_some();
    match parts.as_slice() {
        [a, b] => (has_job(a) && is_name(b)) || (is_name(a) && has_job(b)),
        [one] => job_word_ends(one).any(|end| is_name(&one[end..])),
        _ => false,
    }
}

const SALUTATIONS: [&str; 18] = [
    "同志们",
    "同学们",
    "老师们",
    "各位同学",
    "各位家长",
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

/// Words that address the audience at the start of a paragraph.
const ADDRESSES: [&str; 14] = [
    "同志们、朋友们",
    "同志们",
    "各位代表",
    "各位委员",
    "各位领导、同志们",
    "各位领导",
    "各位来宾",
    "各位嘉宾",
    "各位同事",
    "同学们",
    "老师们、同学们",
    "老师们",
    "亲爱的同学们",
    "朋友们",
];

/// `同志们，…` / `各位代表！…`: a paragraph that opens by addressing the audience.
pub fn is_address_start(line: &str) -> bool {
    // Every address starts with one of these.
    if !line.starts_with(['同', '各', '老', '亲', '朋']) {
        return false;
    }
    ADDRESSES.iter().any(|word| {
        line.strip_prefix(word).is_some_and(|rest| {
            rest.chars()
                .next()
                .map(norm)
                .is_some_and(|c| matches!(c, '，' | '！'))
        })
    })
}

/// `谢谢大家！`, `谢谢！` alone on a line.
pub fn is_thanks(line: &str) -> bool {
    matches!(
        line.trim_end_matches(|c| matches!(norm(c), '！' | '。')),
        "谢谢大家" | "谢谢" | "谢谢各位"
    )
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
    announced_at(para).map(|(_, n)| n)
}

/// `announced_count`, with the byte offset of the announcing verb (`讲`) in `para`:
/// where `gangmu check` points.
pub fn announced_at(para: &str) -> Option<(usize, usize)> {
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
                .map(|n| (i, n as usize));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_words_end_in_the_characters_looked_for() {
        for w in JOB_WORDS {
            assert_eq!(job_word_ends(w).last(), Some(w.len()), "{w}");
        }
    }

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
        for sub in ["――致全体员工", "－－－在年会上的致辞", "--致高峰会议"]
        {
            assert_eq!(subtitle_of(sub), Some(sub));
        }
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
        assert!(is_address_start("同志们，做好今年工作意义重大。"));
        assert!(is_address_start("同志们！让我们携起手来。"));
        assert!(is_address_start("各位代表！让我们携起手来。"));
        assert!(is_thanks("谢谢大家！"));
        assert!(!is_address_start("同志们：今天召开这次会议"));
        assert!(!is_thanks("谢谢大家的支持，我们继续努力。"));
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

    #[test]
    fn announced_at_points_at_the_verb() {
        let t = "下面，我讲三点意见。";
        let (at, n) = announced_at(t).unwrap();
        assert_eq!((&t[at..at + "讲".len()], n), ("讲", 3));
        assert_eq!(announced_at("工作要分两步走。"), None);
    }
}
