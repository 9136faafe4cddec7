//! Whole-document parsing rules (spec §3–§9) on small speeches written for each rule.

use gangmu::outline::{Document, Kind, Role, parse};

fn doc(text: &str) -> Document {
    parse(text, "t.txt", "t", "UTF-8")
}

/// `marker title` of each node, indented two spaces per level below the top.
fn tree(d: &Document) -> Vec<String> {
    d.nodes
        .iter()
        .map(|n| {
            format!(
                "{}{}{}",
                "  ".repeat(n.level - 1),
                d.node_marker(n),
                d.node_title(n)
            )
        })
        .collect()
}

fn warnings(d: &Document) -> Vec<&str> {
    d.warnings.iter().map(|w| w.message.as_str()).collect()
}

const BODY: &str = "各级各部门要切实提高政治站位，坚持问题导向，扎实推进各项工作落地见效。";

#[test]
fn standard_levels_nest_in_gbt_order() {
    let d = doc(&format!(
        "在全市工作会议上的讲话\n同志们：\n一、总体要求\n{BODY}\n（一）指导思想\n{BODY}\n1.坚持稳中求进\n{BODY}\n（1）细化方案\n{BODY}\n二、重点任务\n{BODY}\n"
    ));
    assert_eq!(
        tree(&d),
        [
            "一、总体要求",
            "  （一）指导思想",
            "    1.坚持稳中求进",
            "      （1）细化方案",
            "二、重点任务"
        ]
    );
    assert_eq!(d.nodes[3].level, 4);
    assert_eq!(d.nodes[0].end, 4);
}

#[test]
fn a_document_with_only_bracketed_numerals_has_them_at_the_top() {
    let d = doc(&format!(
        "在会上的讲话\n同志们：\n（一）抓项目\n{BODY}\n（二）抓招商\n{BODY}\n"
    ));
    assert_eq!(tree(&d), ["（一）抓项目", "（二）抓招商"]);
}

#[test]
fn points_become_the_top_level_without_headings() {
    let d = doc(&format!(
        "在会上的讲话\n同志们：\n下面讲三点。\n一要提高站位。{BODY}\n二要压实责任。{BODY}\n三要狠抓落实。{BODY}\n同志们，让我们共同努力！\n"
    ));
    assert_eq!(tree(&d), ["一要提高站位", "二要压实责任", "三要狠抓落实"]);
    assert!(
        d.nodes
            .iter()
            .all(|n| n.kind == Kind::Point && n.level == 1)
    );
    assert_eq!(d.closing_line, Some(7));
}

#[test]
fn mixed_ordinal_words_are_one_sequence_and_a_lone_one_is_not_a_point() {
    let d = doc(&format!(
        "在会上的讲话\n同志们：\n一、抓落实\n首先，要提高认识。{BODY}\n其次，要明确责任。{BODY}\n第三，要强化督查。{BODY}\n二、抓作风\n{BODY}\n最后，要加强宣传。{BODY}\n"
    ));
    assert_eq!(
        tree(&d),
        [
            "一、抓落实",
            "  首先要提高认识",
            "  其次要明确责任",
            "  第三要强化督查",
            "二、抓作风"
        ]
    );
}

#[test]
fn points_in_the_preamble_of_a_speech_with_headings_are_not_nodes() {
    let d = doc(&format!(
        "在会上的讲话\n同志们：\n一是传达精神。{BODY}\n二是部署工作。{BODY}\n一、抓落实\n{BODY}\n二、抓作风\n{BODY}\n"
    ));
    assert_eq!(tree(&d), ["一、抓落实", "二、抓作风"]);
}

#[test]
fn unnumbered_headings_need_two_or_stand_alone() {
    let text = format!(
        "在会上的讲话\n同志们：\n{BODY}\n在政治站位上再提升\n{BODY}\n在真抓实干上再加力\n{BODY}\n"
    );
    assert_eq!(
        tree(&doc(&text)),
        ["在政治站位上再提升", "在真抓实干上再加力"]
    );
    let d = doc(&text);
    assert!(
        d.nodes
            .iter()
            .all(|n| d.node_marker(n).is_empty() && n.kind == Kind::Heading)
    );
    // One alone counts only when there are no numbered headings.
    let one = format!("在会上的讲话\n同志们：\n{BODY}\n在政治站位上再提升\n{BODY}\n");
    assert_eq!(tree(&doc(&one)), ["在政治站位上再提升"]);
    let with_numbered = format!(
        "在会上的讲话\n同志们：\n一、抓落实\n{BODY}\n在政治站位上再提升\n{BODY}\n二、抓作风\n{BODY}\n"
    );
    assert_eq!(tree(&doc(&with_numbered)), ["一、抓落实", "二、抓作风"]);
    // Not after an unfinished paragraph, not a transition line.
    let no = format!(
        "在会上的讲话\n同志们：\n我们要做到以下几点，\n在政治站位上再提升\n{BODY}\n下面我讲几点意见\n{BODY}\n"
    );
    assert!(doc(&no).nodes.is_empty());
}

#[test]
fn preview_list_in_the_preamble_is_body() {
    let d = doc(&format!(
        "在会上的讲话\n同志们：\n今年重点抓三件事：\n（一）抓项目；\n（二）抓招商；\n（三）抓环境。\n{BODY}\n（一）抓项目\n{BODY}\n（二）抓招商\n{BODY}\n（三）抓环境\n{BODY}\n"
    ));
    assert_eq!(tree(&d), ["（一）抓项目", "（二）抓招商", "（三）抓环境"]);
    assert_eq!(d.nodes[0].line, 8);
}

#[test]
fn run_in_heading_keeps_its_body_in_the_same_paragraph() {
    let d = doc("在会上的讲话\n同志们：\n（二）抓实项目建设。今年全区安排重点项目一百个。\n");
    let n = &d.nodes[0];
    assert_eq!(d.node_title(n), "抓实项目建设");
    let p = &d.paragraphs[n.para];
    assert_eq!(&d.para_text(n.para)[..p.lead], "（二）抓实项目建设。");
    assert_eq!(p.role, Role::Heading);
}

#[test]
fn warnings_for_gaps_repeats_restarts_mixed_styles_and_counts() {
    let d = doc(&format!(
        "在会上的讲话\n同志们：\n下面，我讲三点意见。\n一、甲\n{BODY}\n（一）子一\n{BODY}\n（一）子二\n{BODY}\n三、乙\n{BODY}\n1.丙一\n{BODY}\n2、丙二\n{BODY}\n四、丁\n{BODY}\n五、戊\n{BODY}\n"
    ));
    let w = warnings(&d);
    assert!(
        w.contains(&"numbering repeats: （一） then （一）"),
        "{w:?}"
    );
    assert!(w.contains(&"numbering gap: 一、 then 三、"), "{w:?}");
    assert!(
        w.contains(&"mixed delimiters at one level: 2、 where the others are 1."),
        "{w:?}"
    );
    assert!(
        w.contains(&"announced 3 parts, but found 4 top-level sections"),
        "{w:?}"
    );
    assert_eq!(d.announced, Some(3));
}

#[test]
fn closing_is_not_a_section_and_takes_everything_after_it() {
    let d = doc(&format!(
        "在会上的讲话\n同志们：\n一、甲\n{BODY}\n二、乙\n{BODY}\n同志们，让我们共同努力！\n谢谢大家！\n"
    ));
    assert_eq!(d.closing_line, Some(7));
    let closing: Vec<&str> = (0..d.paragraphs.len())
        .filter(|&i| d.paragraphs[i].role == Role::Closing)
        .map(|i| d.para_text(i))
        .collect();
    assert_eq!(closing, ["同志们，让我们共同努力！", "谢谢大家！"]);
    // 字数 of the last section stops at the closing.
    assert_eq!(
        d.nodes[1].chars,
        "二、乙".chars().count() + BODY.chars().count()
    );
}

#[test]
fn chars_of_a_node_include_its_children() {
    let d = doc(&format!(
        "讲话\n同志们：\n一、甲\n{BODY}\n（一）子\n{BODY}\n二、乙\n{BODY}\n"
    ));
    let body = BODY.chars().count();
    assert_eq!(d.nodes[1].chars, 4 + body);
    assert_eq!(d.nodes[0].chars, 3 + body + 4 + body);
}

#[test]
fn title_falls_back_to_the_file_name() {
    let d = doc(&format!("{BODY}\n一、甲\n{BODY}\n"));
    assert_eq!(d.title, "t");
}

#[test]
fn speaker_prefix_and_original_title_label() {
    let d = doc(&format!(
        "张三：在全市优化营商环境大会上的讲话\n同志们：\n{BODY}\n"
    ));
    assert_eq!(d.title, "在全市优化营商环境大会上的讲话");
    let d = doc(&format!(
        "书记强调抓好作风建设\n原标题：在全市作风建设大会上的讲话\n同志们：\n{BODY}\n"
    ));
    assert_eq!(d.title, "在全市作风建设大会上的讲话");
    assert_eq!(d.removed[0].line, 1);
}

#[test]
fn junk_anywhere_is_removed_with_its_line() {
    let d = doc(&format!(
        "在会上的讲话\n同志们：\n一、甲\n{BODY}\n本文系某某原创投稿，仅供学习，请勿照搬。\n- 2 -\n————————\n要发展会员企业，扩大商会覆盖面，下载政务App的群众越来越多。\n二、乙\n{BODY}\n来源：某某网\n"
    ));
    let lines: Vec<usize> = d.removed.iter().map(|r| r.line).collect();
    assert_eq!(lines, [5, 6, 7, 11]);
    assert!((0..d.paragraphs.len()).any(|i| d.para_text(i).starts_with("要发展会员企业")));
}

#[test]
fn half_width_punctuation_parses_like_full_width() {
    let full = doc(&format!(
        "在会上的讲话\n同志们：\n（一）加强领导，压实责任\n{BODY}\n（二）强化督查：确保落实\n{BODY}\n"
    ));
    let half = doc(&format!(
        "在会上的讲话\n同志们:\n(一)加强领导,压实责任\n{BODY}\n(二)强化督查:确保落实\n{BODY}\n"
    ));
    let titles = |d: &Document| {
        d.nodes
            .iter()
            .map(|n| d.node_title(n).replace(',', "，").replace(':', "："))
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(&full), titles(&half));
    assert_eq!(half.nodes.len(), 2);
}

#[test]
fn a_skipped_level_nests_directly_under_its_parent() {
    let d = doc(&format!(
        "讲话\n同志们：\n一、甲\n1.子一\n{BODY}\n2.子二\n{BODY}\n二、乙\n1.子三\n{BODY}\n"
    ));
    assert_eq!(
        tree(&d),
        ["一、甲", "  1.子一", "  2.子二", "二、乙", "  1.子三"]
    );
}

#[test]
fn parsing_never_panics_on_odd_text() {
    for t in [
        "",
        "\n\n\n",
        "一、",
        "（",
        "第",
        "同志们：",
        "①",
        "一是",
        "——",
        "\u{3000}",
        "1.",
        "原标题：",
        "谢谢大家！",
    ] {
        let _ = doc(t);
    }
}

#[test]
fn huge_titles_and_floods_of_warnings_are_capped() {
    let long = "很".repeat(5000);
    let d = doc(&format!(
        "原标题：在{long}会议上的讲话\n同志们：\n一、甲\n正文。\n"
    ));
    assert_eq!(d.title.chars().count(), 1001);
    assert!(d.title.ends_with('…'));
    let mut text = String::from("讲话\n同志们：\n");
    for _ in 0..500 {
        text.push_str("一、重复\n正文。\n");
    }
    let d = doc(&text);
    assert_eq!(d.nodes.len(), 500);
    assert_eq!(d.warnings.len(), 101);
    assert_eq!(d.warnings[100].message, "… and 399 more warnings");
}

#[test]
fn points_after_the_closing_address_are_closing_not_sections() {
    let d = doc(&format!(
        "在全市教育工作会议上的讲话\n同志们：\n一、工作回顾\n{BODY}\n二、工作安排\n{BODY}\n同志们，教育事业任重道远，希望大家做到以下三点。\n一是要树立大局意识。{BODY}\n二是要树立责任意识。{BODY}\n三是要树立争先意识。{BODY}\n"
    ));
    assert_eq!(tree(&d), ["一、工作回顾", "二、工作安排"]);
    assert_eq!(d.closing_line, Some(7));
}

#[test]
fn the_last_of_recurring_addresses_is_the_closing_and_a_part_may_open_with_one() {
    let d = doc(&format!(
        "政府工作报告\n各位代表：\n一、工作回顾\n{BODY}\n各位代表！成绩来之不易。{BODY}\n二、今年安排\n{BODY}\n三、加强政府自身建设\n各位代表！新征程对政府工作提出了新的更高要求。{BODY}\n各位代表！我们要支持国防建设。{BODY}\n各位代表！让我们团结奋斗，再创佳绩！\n"
    ));
    assert_eq!(
        tree(&d),
        ["一、工作回顾", "二、今年安排", "三、加强政府自身建设"]
    );
    assert_eq!(d.closing_line, Some(11));
}

#[test]
fn an_appendix_after_the_closing_holds_no_sections_and_keeps_the_closing() {
    let d = doc(&format!(
        "政府工作报告\n各位代表：\n一、工作回顾\n{BODY}\n二、今年安排\n{BODY}\n各位代表！让我们团结奋斗！\n名词解释\n1.“两新”：指设备更新和以旧换新。\n2.“两重”：指重大战略和重点领域建设。\n"
    ));
    assert_eq!(tree(&d), ["一、工作回顾", "二、今年安排"]);
    assert_eq!((d.closing_line, d.appendix_line), (Some(7), Some(8)));
    assert!(
        d.paragraphs
            .iter()
            .rev()
            .take(3)
            .all(|p| p.role == Role::Appendix)
    );
}

#[test]
fn standalone_lead_sentences_are_headings_but_not_in_sentence_per_line_text() {
    let long = BODY.repeat(3);
    let d = doc(&format!(
        "政府工作报告\n各位代表：\n一、工作回顾\n{long}\n经济运行稳中向好。\n{long}\n改革开放持续深化。\n{long}\n民生福祉不断增进。\n{long}\n（一）产业升级加快\n{long}\n二、今年安排\n{long}\n"
    ));
    assert_eq!(
        tree(&d),
        [
            "一、工作回顾",
            "  经济运行稳中向好",
            "  改革开放持续深化",
            "  民生福祉不断增进",
            "  （一）产业升级加快",
            "二、今年安排"
        ]
    );
    // The same lines among one sentence per line are body.
    let mut text = String::from("政府工作报告\n各位代表：\n一、工作回顾\n");
    for k in 0..24 {
        text.push_str(&format!("今年第{k}项工作扎实推进，成效明显。\n"));
    }
    text.push_str(&format!(
        "经济运行稳中向好。\n{long}\n改革开放持续深化。\n{long}\n民生福祉不断增进。\n{long}\n"
    ));
    assert_eq!(tree(&doc(&text)), ["一、工作回顾"]);
}

#[test]
fn a_web_copy_keeps_only_its_speech() {
    let d = doc(&format!(
        "当前位置：首页 > 要闻\n某市2025年政府工作报告\n发布时间：2025-01-20 09:30\n来源：\n某市日报\n【字体：\n大\n中\n小\n】\n——2025年1月15日在某市人民代表大会上\n市长　某某某\n各位代表：\n一、工作回顾\n{BODY}\n二、今年安排\n{BODY}\n各位代表！让我们团结奋斗！\n责任编辑：\n某某\n打印本页\n关闭窗口\n某市2025年政府工作报告\n"
    ));
    assert_eq!(d.title, "某市2025年政府工作报告");
    assert_eq!(tree(&d), ["一、工作回顾", "二、今年安排"]);
    assert_eq!(d.closing_line, Some(18));
    let removed: Vec<usize> = d.removed.iter().map(|r| r.line).collect();
    assert_eq!(removed, [1, 3, 4, 5, 6, 7, 8, 9, 10, 19, 20, 21, 22, 23]);
}

#[test]
fn a_markdown_speech_takes_its_title_and_parts_from_the_hashes() {
    let d = doc(&format!(
        "# 论几个关系*\n\n（一九五六年）\n\n## 工业和农业\n\n{BODY}\n\n## 沿海和内地\n\n{BODY}\n"
    ));
    assert_eq!(d.title, "论几个关系");
    assert_eq!(tree(&d), ["工业和农业", "沿海和内地"]);
    // Numbered parts keep their numerals as markers.
    let d = doc(&format!(
        "# 论几个关系\n\n## 一　工业和农业\n\n{BODY}\n\n## 二　沿海和内地\n\n{BODY}\n"
    ));
    let markers: Vec<&str> = d.nodes.iter().map(|n| d.node_marker(n)).collect();
    assert_eq!(markers, ["一", "二"]);
}

/// A text of `n` lines read in parts (issue 10, memory): headings nest across parts,
/// lines are counted across them, the closing is found in the last, and an outline
/// without texts (`outline`) is the outline of the browser's reading.
#[test]
fn a_text_read_in_parts_is_one_outline() {
    use gangmu::outline::{Text, parse_with};
    let filler = |n: usize| format!("{BODY}\n").repeat(n);
    let text = format!(
        "在全市工作会议上的讲话\n同志们：\n一、总体要求\n{}（一）指导思想\n{}二、重点任务\n{}同志们，让我们共同努力！\n谢谢大家！\n",
        filler(150_000),
        filler(150_000),
        filler(10)
    );
    let read = parse_with(&text, "t.txt", "t", "UTF-8", Text::Keep);
    assert_eq!(
        tree(&read),
        ["一、总体要求", "  （一）指导思想", "二、重点任务"]
    );
    let lines: Vec<usize> = read.nodes.iter().map(|n| n.line).collect();
    assert_eq!(lines, [3, 150_004, 300_005]);
    assert_eq!(read.closing_line, Some(300_016));
    assert_eq!(read.title, "在全市工作会议上的讲话");
    let body = BODY.chars().count();
    assert_eq!(
        read.nodes[1].chars,
        "（一）指导思想".chars().count() + 150_000 * body
    );
    let outline = parse_with(&text, "t.txt", "t", "UTF-8", Text::Drop);
    let shape = |d: &Document| -> Vec<_> {
        let n = d.nodes.iter();
        n.map(|n| (n.level, n.line, n.chars, n.parent, n.end))
            .collect()
    };
    assert_eq!(shape(&outline), shape(&read));
    assert_eq!(tree(&outline), tree(&read));
    assert_eq!(
        (outline.chars, outline.closing_line, &outline.warnings),
        (read.chars, read.closing_line, &read.warnings)
    );
    assert!(
        outline.paragraphs.len() < 10,
        "only the paragraphs nodes start at"
    );
}

/// A file of headings alone is a list, not a speech: the outline stops at a limit and
/// says so last, whatever warnings came before.
#[test]
fn an_outline_holds_at_most_max_nodes() {
    use gangmu::outline::MAX_NODES;
    let d = doc(&"一、标题\n".repeat(MAX_NODES + 7));
    assert_eq!(d.nodes.len(), MAX_NODES);
    assert_eq!(
        d.warnings.last().map(|w| w.message.as_str()),
        Some("7 more headings than the 100000 an outline holds: read as text")
    );
}
