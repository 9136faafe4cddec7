//! Web page furniture (spec §10), one trimmed line at a time: widgets, breadcrumbs,
//! labels, timestamps, photo captions and credits, image links, news datelines, end
//! marks, page-jump notes and source citations. The word lists are closed classes, the
//! words web pages and news wires put around an article; `sweep` adds what only the
//! neighbouring lines tell.

use super::chars::{char_len_capped, norm};
use super::why::Why;

/// Whole lines that are a page widget (compared in matching form, spaces dropped).
const WIDGETS: [&str; 30] = [
    "首页",
    ">",
    ">>",
    "》",
    "》》",
    "|",
    "×",
    "【",
    "】",
    "分享",
    "分享：",
    "分享到",
    "分享到：",
    "收藏",
    "打印",
    "【打印】",
    "打印本页",
    "【打印本页】",
    "打印正文",
    "【打印正文】",
    "关闭",
    "关闭窗口",
    "【关闭窗口】",
    "【关闭】",
    "返回顶部",
    "【返回顶部】",
    "下载",
    "全屏",
    "字号：",
    "【字体：",
];

/// How widget lines begin when they carry more (`分享到微信`, `上一篇：…`).
const WIDGET_PREFIXES: [&str; 29] = [
    "分享到",
    "上一篇",
    "下一篇",
    "【上一篇",
    "【下一篇",
    "扫一扫",
    "用手机扫",
    "相关链接",
    "相关附件",
    "相关文档",
    "相关报道",
    "相关新闻",
    "相关阅读",
    "相关稿件",
    "相关范文",
    "相关文章：",
    "相关推荐：",
    "猜你喜欢",
    "【下载",
    "》》点击",
    ">>点击",
    "点击图片",
    "【字体",
    "字体：",
    "【字号",
    "阅读量",
    "阅读次数",
    "浏览次数",
    "【打印",
];

/// Breadcrumb openers: `当前位置：首页 > 要闻`.
const BREADCRUMBS: [&str; 5] = [
    "当前位置",
    "您的位置",
    "您现在的位置",
    "所在位置",
    "现在位置",
];

/// Label words; a colon (either width) must follow, the value on the same line or the
/// next. Longer words first, so the longest label is the one reported.
pub const LABELS: [&str; 27] = [
    "责任编辑",
    "文章来源",
    "信息来源",
    "稿件来源",
    "发布时间",
    "发表时间",
    "发布日期",
    "更新时间",
    "浏览次数",
    "点击次数",
    "来源",
    "稿源",
    "作者",
    "编辑",
    "审核",
    "审校",
    "校对",
    "时间",
    "日期",
    "浏览",
    "点击数",
    "点击",
    "阅读",
    "供稿",
    "摄影",
    "图片",
    "图",
];

/// News agencies and papers that open datelines and credits.
const AGENCIES: [&str; 8] = [
    "新华社",
    "中新社",
    "本报",
    "人民网",
    "新华网",
    "央视网",
    "中新网",
    "通讯员",
];

/// What a line amid the speech's paragraphs may be: the furniture a page puts inside an
/// article (photo captions and credits, image links, end marks, page jumps,
/// citations). Page widgets, breadcrumbs, labels and timestamps stand around it; the
/// test turns most lines away by their first and last characters.
pub fn inner_furniture(t: &str) -> Option<Why> {
    let starts = t.starts_with(['!', '<', '（', '(']);
    let ends = t.ends_with(['摄', '）', ')', '影']);
    if !(starts || ends) {
        return None;
    }
    match furniture(t)? {
        Why::Widget(_) | Why::Breadcrumb | Why::Label(_) | Why::Timestamp => None,
        other => Some(other),
    }
}

/// What a line of web furniture is, read from the line alone; `None` for anything
/// else. Long lines are never furniture, so they cost one length check.
pub fn furniture(t: &str) -> Option<Why> {
    if t.len() > 400 {
        return None;
    }
    let first = t.as_bytes().first().copied()?;
    if first == b'!' || first == b'<' {
        return (t.starts_with("![") || t.starts_with("<img")).then_some(Why::ImageLink);
    }
    // Furniture never ends a sentence (a caption does, but its credit tells it).
    if t.len() > 240 || t.ends_with(['。', '！', '？', '；']) || !may_be_furniture(t) {
        return None;
    }
    let mut buf = [0u8; 3 * 240];
    let c = matching_compact(t, &mut buf);
    if let Some(w) = WIDGETS.iter().position(|w| *w == c) {
        return Some(Why::Widget(w as u8));
    }
    if let Some(w) = WIDGET_PREFIXES.iter().position(|w| c.starts_with(*w)) {
        return Some(Why::Widget((WIDGETS.len() + w) as u8));
    }
    if BREADCRUMBS.iter().any(|b| c.starts_with(b))
        || (c.contains("首页") && (c.contains('>') || c.contains('＞') || c.contains('»')))
    {
        return Some(Why::Breadcrumb);
    }
    if let Some(l) = label(t) {
        return Some(Why::Label(l));
    }

    if is_timestamp(c) {
        return Some(Why::Timestamp);
    }
    if is_credit(c) {
        return Some(Why::Credit);
    }
    if ends_with_credit(c) {
        return Some(Why::Caption);
    }
    if is_dateline(c) {
        return Some(Why::Dateline);
    }
    if matches!(
        c,
        "（完）" | "【完】" | "（全文完）" | "—完—" | "-完-" | "（全文结束）"
    ) {
        return Some(Why::EndMark);
    }
    if is_page_jump(c) {
        return Some(Why::PageJump);
    }
    if is_citation(c) {
        return Some(Why::Citation);
    }
    None
}

/// A cheap necessary condition: every form above starts with one of these characters,
/// ends in a credit, or holds a breadcrumb arrow. Most short lines of a speech fail it
/// without any copy being made.
fn may_be_furniture(t: &str) -> bool {
    let Some(first) = t.chars().next().map(norm) else {
        return false;
    };
    let starts = matches!(
        first,
        '首' | '>'
            | '》'
            | '|'
            | '×'
            | '【'
            | '】'
            | '['
            | '分'
            | '收'
            | '打'
            | '关'
            | '返'
            | '下'
            | '全'
            | '字'
            | '上'
            | '扫'
            | '用'
            | '相'
            | '猜'
            | '点'
            | '阅'
            | '浏'
            | '当'
            | '您'
            | '所'
            | '现'
            | '来'
            | '文'
            | '信'
            | '稿'
            | '发'
            | '更'
            | '责'
            | '作'
            | '编'
            | '审'
            | '校'
            | '时'
            | '日'
            | '供'
            | '摄'
            | '图'
            | '（'
            | '新'
            | '中'
            | '本'
            | '人'
            | '央'
            | '通'
            | '记'
            | '-'
            | '—'
            | '0'..='9'
    );
    starts
        || t.ends_with('摄')
        || t.ends_with("摄）")
        || t.ends_with("摄)")
        || t.contains('>')
        || t.contains('＞')
}

/// The line in matching form with spaces dropped (widths and spacing vary by site),
/// written into `buf`: no allocation per line. A character grows by two bytes at most.
fn matching_compact<'b>(t: &str, buf: &'b mut [u8; 3 * 240]) -> &'b str {
    let mut n = 0;
    for c in t.chars().filter(|c| !c.is_whitespace()).map(norm) {
        if n + 4 > buf.len() {
            break;
        }
        n += c.encode_utf8(&mut buf[n..]).len();
    }
    std::str::from_utf8(&buf[..n]).unwrap_or("")
}

/// Font-size widget pieces, named by the widget before them rather than a word of
/// their own.
pub const FONT_PIECE: u8 = 250;

/// The word of `Why::Widget`.
pub fn widget_word(i: u8) -> &'static str {
    let i = usize::from(i);
    match i {
        _ if i < WIDGETS.len() => WIDGETS[i],
        _ if i < WIDGETS.len() + WIDGET_PREFIXES.len() => WIDGET_PREFIXES[i - WIDGETS.len()],
        _ => "字体",
    }
}

/// A lone `>` or `》`, between breadcrumb items.
pub fn is_arrow(why: Option<Why>) -> bool {
    matches!(why, Some(Why::Widget(w)) if matches!(widget_word(w), ">" | "》"))
}

/// The label a label line opens with (`来源：`, `（来源：某某日报）`), by its index in
/// `LABELS`, if short enough to be one. A sentence that merely starts with a label word
/// has no colon after it.
pub fn label(t: &str) -> Option<u8> {
    if char_len_capped(t, 80) > 80 {
        return None;
    }
    let l = t.trim_start_matches(['（', '(', '【', '[']);
    // Every label starts with one of these.
    if !l.starts_with([
        '责', '文', '信', '稿', '发', '更', '浏', '点', '来', '作', '编', '审', '校', '时', '日',
        '阅', '供', '摄', '图',
    ]) {
        return None;
    }
    let found = LABELS.iter().position(|p| {
        l.strip_prefix(p).is_some_and(|rest| {
            let rest = rest.trim_start_matches([' ', '\u{3000}']);
            rest.starts_with('：') || rest.starts_with(':')
        })
    });
    found.map(|i| i as u8)
}

/// A label with nothing after its colon: its value is on the next line.
pub fn label_alone(t: &str) -> bool {
    label(t).is_some() && matches!(t.chars().last().map(norm), Some('：'))
}

/// `2025-03-02 08:15:20`, `2025/3/2 8:15`, `2026年02月10日 07时41分`: the time a page was
/// posted. A speech's own date (`2025年3月2日`) has no time and no zero padding.
fn is_timestamp(c: &str) -> bool {
    let c = c
        .trim_start_matches(['（', '[', '【'])
        .trim_end_matches(['）', ']', '】']);
    // In matching form a colon is full width.
    let datey = |ch: char| {
        ch.is_ascii_digit()
            || matches!(
                ch,
                '-' | '/' | '.' | '：' | '年' | '月' | '日' | '时' | '分' | '秒'
            )
    };
    if !c.starts_with(|ch: char| ch.is_ascii_digit()) || !c.chars().all(datey) {
        return false;
    }
    let digits = c.bytes().filter(u8::is_ascii_digit).count();
    let has_time = c.contains(['：', '时']);
    let web_date = c.contains(['-', '/']);
    let padded = c.contains("年0") || c.contains("月0");
    digits >= 6 && (has_time || web_date || padded)
}

/// `（新华社记者 某某 摄）`, `新华社记者 某某/摄`, `摄影：某某`: who took the photo.
fn is_credit(c: &str) -> bool {
    let inner = c
        .trim_start_matches(['（', '[', '【'])
        .trim_end_matches(['）', ']', '】']);
    if !(inner.ends_with('摄') || inner.ends_with("摄影")) {
        return false;
    }
    char_len_capped(inner, 40) <= 40
        && !inner.contains(['。', '（'])
        && (inner.ends_with('摄') || inner.ends_with("摄影"))
        && (inner.contains("记者")
            || inner.contains('/')
            || inner.starts_with("摄影")
            || AGENCIES.iter().any(|a| inner.starts_with(a)))
}

/// A picture description that carries its credit: `…召开。（记者 某某 摄）`.
fn ends_with_credit(c: &str) -> bool {
    if !c.ends_with("摄）") {
        return false;
    }
    let Some(open) = c.rfind('（') else {
        return false;
    };
    open > 0 && c.ends_with('）') && is_credit(&c[open..])
}

/// `（新华社北京3月5日电）`, `新华社北京3月5日电`, `本报讯`.
fn is_dateline(c: &str) -> bool {
    let inner = c.trim_start_matches('（').trim_end_matches('）');
    if !(inner.ends_with('电') || inner.ends_with('讯')) {
        return false;
    }
    if char_len_capped(inner, 40) > 40 {
        return false;
    }
    let agency = AGENCIES.iter().any(|a| inner.starts_with(a)) || inner.starts_with("记者");
    agency
        && ((inner.ends_with('电') && inner.contains('月') && inner.contains('日'))
            || inner.ends_with("讯")
            || inner.ends_with("电）"))
}

/// `（下转第二版）`, `（上接第一版）`, `（A、B版）`: where the article goes on in print.
fn is_page_jump(c: &str) -> bool {
    let Some(inner) = c.strip_prefix('（').and_then(|r| r.strip_suffix('）')) else {
        return false;
    };
    char_len_capped(inner, 16) <= 15 && inner.ends_with('版') && !inner.contains('。')
}

/// `（《某某文集》第五卷，某某出版社1977年版，第267页）`: where the text was printed.
fn is_citation(c: &str) -> bool {
    let Some(inner) = c.strip_prefix('（') else {
        return false;
    };
    let inner = inner.strip_prefix("选自").unwrap_or(inner);
    inner.starts_with('《')
        && char_len_capped(inner, 120) <= 120
        && (inner.contains("出版社")
            || inner.contains('页')
            || inner.contains('卷')
            || inner.contains("版"))
}

/// Whether a short line could be a breadcrumb item or label value: a few words, no
/// sentence. Used for the lines next to a `>` or a label standing alone.
pub fn is_short_value(t: &str) -> bool {
    let n = char_len_capped(t, 40);
    (1..=40).contains(&n)
        && !t
            .chars()
            .any(|c| matches!(norm(c), '。' | '！' | '？' | '；'))
}

/// Font-size widget pieces left one per line: `大` `中` `小`.
pub fn is_widget_piece(t: &str) -> bool {
    matches!(t, "大" | "中" | "小" | "】" | "]" | "特大" | "默认")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn why(t: &str) -> Option<Why> {
        furniture(t)
    }

    #[test]
    fn widgets_and_breadcrumbs() {
        for t in [
            "首页",
            ">",
            "【字体：",
            "分享到微信",
            "打印本页",
            "关闭窗口",
            "扫一扫在手机打开当前页",
            "【打印正文】",
            "上一篇：某校举行运动会[ 03-09 ]",
            "相关链接>>",
            "》》点击图片进入专题《《",
            "分享:",
            "【下载全文】本文共3页，登录后可下载完整版",
            "相关范文：在全县项目建设动员会上的讲话",
            "相关文章: 某县召开项目建设推进会",
            "猜你喜欢",
        ] {
            assert!(matches!(why(t), Some(Why::Widget(_))), "{t}");
        }
        for t in [
            "当前位置：首页 > 新闻中心> 党政办",
            "您的位置:",
            "首页 > 要闻",
        ] {
            assert_eq!(why(t), Some(Why::Breadcrumb), "{t}");
        }
        for t in [
            "首页要抓好",
            "分享经验是好事。",
            "打印机要及时维修。",
            "大",
            "相关部门要加强协调配合，形成工作合力。",
            "相关文章要及时归档",
            "下载全文件的办法要简化",
        ] {
            assert_eq!(why(t), None, "{t}");
        }
    }

    #[test]
    fn labels_with_or_without_their_value() {
        let label = |w: &str| {
            Some(Why::Label(
                LABELS.iter().position(|l| *l == w).unwrap() as u8
            ))
        };
        assert_eq!(why("来源：某某日报"), label("来源"));
        assert_eq!(why("（来源：某某日报）"), label("来源"));
        assert_eq!(why("责任编辑:李四"), label("责任编辑"));
        assert_eq!(
            why("文章来源：本站原创 作者：佚名 发布时间：2010年03月10日"),
            label("文章来源")
        );
        assert_eq!(Why::Label(0).to_string(), "web label: 责任编辑");
        assert!(label_alone("来源:") && label_alone("时间：") && !label_alone("来源：某报"));
        assert_eq!(why("来源于群众，服务于群众。"), None);
        assert_eq!(why("时间就是效率，要抓紧。"), None);
    }

    #[test]
    fn timestamps_but_not_speech_dates() {
        for t in [
            "2025-03-02 08:15:20",
            "2026-02-02 09:20",
            "2026年02月10日 07时41分",
            "2024/5/8",
        ] {
            assert_eq!(why(t), Some(Why::Timestamp), "{t}");
        }
        for t in [
            "2025年3月2日",
            "（2025年3月2日）",
            "二〇二五年三月二日",
            "2020.6.20",
            "1978",
        ] {
            assert_eq!(why(t), None, "{t}");
        }
    }

    #[test]
    fn captions_credits_datelines_and_notes() {
        assert_eq!(why("（新华社记者兰红光摄）"), Some(Why::Credit));
        assert_eq!(why("新华社记者 某某/摄"), Some(Why::Credit));
        assert_eq!(why("大会开幕。（记者 某某 摄）"), Some(Why::Caption));
        assert_eq!(why("（新华社北京12月31日电）"), Some(Why::Dateline));
        assert_eq!(why("新华社某地１１月８日电"), Some(Why::Dateline));
        assert_eq!(why("（完）"), Some(Why::EndMark));
        assert_eq!(why("（下转第二版）"), Some(Why::PageJump));
        assert_eq!(why("（A、B版）"), Some(Why::PageJump));
        assert_eq!(
            why("（《某某文集》第五卷，某某出版社1977年版，第267--288页）"),
            Some(Why::Citation)
        );
        assert_eq!(
            why("（《某某文集》第二卷，某某出版社1983年版，第45—60页"),
            Some(Why::Citation)
        );
        assert_eq!(why("![](http://x/a.jpg)"), Some(Why::ImageLink));
        // Speech text that shares their words.
        for t in [
            "我们摄取了大量营养。",
            "（根据录音整理）",
            "（一九五六年四月二十五日）",
            "新华社是国家通讯社。",
        ] {
            assert_eq!(why(t), None, "{t}");
        }
    }

    #[test]
    fn short_values() {
        assert!(is_short_value("某某日报") && !is_short_value("这是一句话。"));
    }
}
