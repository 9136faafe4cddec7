//! Scripted key sequences on the browser state, with no terminal.

mod common;
use common::*;
use gangmu::app::{Action, Focus, press, update};

#[test]
fn starts_on_the_first_speech_with_sections_open() {
    let s = state(100, 30);
    assert_eq!(selected(&s), "在全市春季工作会议上的讲话");
    let r = rows(&s);
    assert!(r.contains(&"一、提高站位，统一思想".to_string()), "{r:?}");
    assert!(r.contains(&"（一）认清形势".to_string()), "{r:?}");
    assert!(r.contains(&"结束语".to_string()), "{r:?}");
    assert_eq!(s.text.as_ref().unwrap().top, 0);
}

#[test]
fn moving_in_the_tree_scrolls_the_text_to_the_heading() {
    let mut s = state(100, 30);
    press(&mut s, "j");
    assert_eq!(selected(&s), "一、提高站位，统一思想");
    assert_eq!(top_text(&s), "一、提高站位，统一思想");
    press(&mut s, "jj");
    assert_eq!(selected(&s), "（二）明确目标");
    assert!(top_text(&s).starts_with("（二）明确目标。"));
    press(&mut s, "k<up><up>");
    assert_eq!(selected(&s), "在全市春季工作会议上的讲话");
    press(&mut s, "G");
    assert_eq!(selected(&s), "结束语");
    assert!(top_text(&s).starts_with("同志们，安全生产"));
    press(&mut s, "g");
    assert_eq!(selected(&s), "在全市春季工作会议上的讲话");
}

#[test]
fn collapse_expand_and_parent() {
    let mut s = state(100, 30);
    press(&mut s, "jj"); // （一）认清形势
    press(&mut s, "h");
    assert_eq!(
        selected(&s),
        "一、提高站位，统一思想",
        "h on a leaf goes to the parent"
    );
    press(&mut s, "h");
    assert!(
        !rows(&s).contains(&"（一）认清形势".to_string()),
        "h collapses"
    );
    press(&mut s, "l");
    assert!(
        rows(&s).contains(&"（一）认清形势".to_string()),
        "l expands"
    );
    press(&mut s, "l");
    assert_eq!(
        selected(&s),
        "（一）认清形势",
        "l on an open node goes to its first child"
    );
    press(&mut s, "u");
    assert_eq!(selected(&s), "一、提高站位，统一思想");
    press(&mut s, "<enter>");
    assert!(!rows(&s).contains(&"（一）认清形势".to_string()));
    press(&mut s, "<space>");
    assert!(rows(&s).contains(&"（一）认清形势".to_string()));
}

#[test]
fn siblings() {
    let mut s = state(100, 30);
    press(&mut s, "j}");
    assert_eq!(selected(&s), "二、突出重点，狠抓落实");
    press(&mut s, "}}");
    assert_eq!(selected(&s), "结束语");
    press(&mut s, "{");
    assert_eq!(selected(&s), "三、强化保障，改进作风");
    press(&mut s, "u}");
    assert_eq!(
        selected(&s),
        "在全县安全生产工作会议上的讲话",
        "speeches are siblings"
    );
    press(&mut s, "{");
    assert_eq!(selected(&s), "在全市春季工作会议上的讲话");
}

#[test]
fn next_heading_opens_collapsed_nodes_and_crosses_speeches() {
    let mut s = state(100, 30);
    press(&mut s, "1");
    assert_eq!(rows(&s).len(), 2, "depth 1 shows the speeches only");
    press(&mut s, "]");
    assert_eq!(selected(&s), "一、提高站位，统一思想");
    press(&mut s, "]");
    assert_eq!(selected(&s), "（一）认清形势");
    assert_eq!(
        top_text(&s),
        "（一）认清形势。当前发展面临的困难不少，但机遇更多，我们要坚定信心。"
    );
    for _ in 0..20 {
        press(&mut s, "]");
        if s.text.as_ref().unwrap().doc == 1 {
            break;
        }
    }
    assert_eq!(selected(&s), "在全县安全生产工作会议上的讲话");
    press(&mut s, "[");
    assert_eq!(selected(&s), "结束语");
    assert_eq!(s.text.as_ref().unwrap().doc, 0);
}

#[test]
fn depth_keys() {
    let mut s = state(100, 30);
    press(&mut s, "0");
    assert!(rows(&s).contains(&"一是加强组织领导".to_string()));
    press(&mut s, "2");
    let r = rows(&s);
    assert!(r.contains(&"一、提高站位，统一思想".to_string()));
    assert!(!r.contains(&"（一）认清形势".to_string()));
}

#[test]
fn scrolling_the_text_selects_the_section_being_read() {
    let mut s = state(100, 12);
    press(&mut s, "<tab>");
    assert_eq!(s.focus, Focus::Text);
    // Scroll down one row at a time until the second section is at the top.
    for _ in 0..60 {
        let tv = s.text.as_ref().unwrap();
        if !tv.layout.rows[tv.top].is_blank() && top_text(&s).starts_with("二、") {
            break;
        }
        press(&mut s, "j");
    }
    assert_eq!(selected(&s), "二、突出重点，狠抓落实");
    press(&mut s, "j");
    assert_eq!(
        selected(&s),
        "二、突出重点，狠抓落实",
        "inside the section's preamble"
    );
    press(&mut s, "j");
    assert_eq!(selected(&s), "（一）抓项目建设");
}

#[test]
fn scrolling_never_opens_what_the_user_closed() {
    let mut s = state(100, 30);
    press(&mut s, "j}h"); // close 二、
    assert!(!rows(&s).contains(&"（一）抓项目建设".to_string()));
    press(&mut s, "<tab>jj");
    assert_eq!(
        selected(&s),
        "二、突出重点，狠抓落实",
        "nearest visible ancestor"
    );
    assert!(!rows(&s).contains(&"（一）抓项目建设".to_string()));
    press(&mut s, "<tab>1<tab>j");
    assert_eq!(selected(&s), "在全市春季工作会议上的讲话");
}

#[test]
fn pages_and_ends_in_the_text() {
    let mut s = state(60, 12);
    press(&mut s, "<tab>");
    let h = s.areas().text.height as usize;
    press(&mut s, "<pgdn>");
    assert_eq!(s.text.as_ref().unwrap().top, h - 1);
    press(&mut s, "b");
    assert_eq!(s.text.as_ref().unwrap().top, 0);
    press(&mut s, "<c-d>");
    assert_eq!(s.text.as_ref().unwrap().top, h / 2);
    press(&mut s, "<c-u><space>");
    assert_eq!(s.text.as_ref().unwrap().top, h - 1);
    press(&mut s, "G");
    let tv = s.text.as_ref().unwrap();
    assert_eq!(tv.top + h, tv.layout.rows.len());
    assert_eq!(s.percent(), 100);
    assert_eq!(
        s.reading_item(),
        Some(s.sel),
        "selection follows the top row"
    );
    // Going on at the end says so; 0% at the top.
    press(&mut s, "j");
    assert_eq!(s.message.as_deref(), Some("已到结尾"));
    press(&mut s, "g");
    assert_eq!(s.text.as_ref().unwrap().top, 0);
    assert_eq!(s.percent(), 0);
    press(&mut s, "k");
    assert_eq!(s.message.as_deref(), Some("已到开头"));
}

fn assert_match_on_screen(s: &gangmu::app::State) {
    let sr = s.search.as_ref().unwrap();
    let (para, start, _) = sr.matches[sr.current.unwrap()];
    let tv = s.text.as_ref().unwrap();
    let row = tv.layout.row_of(para as usize, start as usize);
    let h = s.areas().text.height as usize;
    assert!(
        row >= tv.top && row < tv.top + h,
        "match row {row}, top {}",
        tv.top
    );
    assert_eq!(s.tree.nearest_visible(s.reading_item().unwrap()), s.sel);
}

#[test]
fn search_highlights_and_continues_into_the_next_speech() {
    let mut s = state(100, 10);
    press(&mut s, "/安全");
    let sr = s.search.as_ref().unwrap();
    assert_eq!(sr.doc, 0);
    assert_eq!(sr.matches.len(), 0, "speech A never says 安全: {sr:?}");
    press(&mut s, "<bs><bs>项目<enter>");
    assert!(s.input.is_none());
    let sr = s.search.as_ref().unwrap();
    assert_eq!(sr.matches.len(), 2);
    assert_eq!(sr.current, Some(0));
    assert_match_on_screen(&s);
    press(&mut s, "n");
    assert_eq!(s.search.as_ref().unwrap().current, Some(1));
    press(&mut s, "N");
    assert_eq!(s.search.as_ref().unwrap().current, Some(0));
    // Change the query to one found in both speeches and walk past the end of A.
    press(&mut s, "<esc>/消防<enter>");
    assert_eq!(s.search.as_ref().unwrap().matches.len(), 0);
    press(&mut s, "n");
    let sr = s.search.as_ref().unwrap();
    assert_eq!((sr.doc, sr.current), (1, Some(0)));
    assert_eq!(s.text.as_ref().unwrap().doc, 1);
    assert_match_on_screen(&s);
    let title = s.docs[1].title.clone();
    assert_eq!(s.message, Some(format!("下一篇：{title}")));
    // Past the last match of the last speech with one: round to the first.
    let n = s.search.as_ref().unwrap().matches.len();
    press(&mut s, &"n".repeat(n));
    assert_eq!(s.search.as_ref().unwrap().current, Some(0));
    assert!(
        s.message
            .as_deref()
            .is_some_and(|m| m.starts_with("已到本篇结尾")),
        "{:?}",
        s.message
    );
    press(&mut s, "<esc>");
    assert!(s.search.is_none());
}

#[test]
fn filter_keeps_ancestors_and_escape_restores() {
    let mut s = state(100, 30);
    press(&mut s, "1");
    press(&mut s, "f安全");
    let r = rows(&s);
    assert!(r.contains(&"（二）消防安全".to_string()), "{r:?}");
    assert!(r.contains(&"二、扎实做好重点领域安全工作".to_string()));
    assert!(r.contains(&"在全县安全生产工作会议上的讲话".to_string()));
    assert!(!r.contains(&"一、提高站位，统一思想".to_string()), "{r:?}");
    assert!(
        !r.contains(&"在全市春季工作会议上的讲话".to_string()),
        "{r:?}"
    );
    press(&mut s, "<enter>");
    assert!(s.input.is_none());
    assert!(s.filter.is_some());
    press(&mut s, "j");
    assert_eq!(selected(&s), "一、清醒认识安全生产形势");
    press(&mut s, "<esc>");
    assert!(s.filter.is_none());
    // Expansion as before the filter, except that the selection stays visible.
    let r = rows(&s);
    assert_eq!(r.len(), 5, "{r:?}");
    assert!(!r.contains(&"（二）消防安全".to_string()));
    assert_eq!(selected(&s), "一、清醒认识安全生产形势");
}

#[test]
fn help_overlay_swallows_keys_until_closed() {
    let mut s = state(100, 30);
    press(&mut s, "?");
    assert!(s.help);
    press(&mut s, "jjj");
    assert_eq!(selected(&s), "在全市春季工作会议上的讲话");
    press(&mut s, "<esc>");
    assert!(!s.help);
    press(&mut s, "q");
    assert!(s.quit);
}

#[test]
fn tree_width_and_narrow_mode() {
    let mut s = state(100, 30);
    let w = s.effective_tree_width();
    press(&mut s, ">");
    assert_eq!(s.effective_tree_width(), w + 4);
    press(&mut s, "<<");
    assert_eq!(s.effective_tree_width(), w - 4);
    update(&mut s, Action::Resize(50, 20));
    assert!(s.narrow());
    assert_eq!(s.areas().tree.width, 50);
    assert_eq!(s.areas().text.width, 0);
    press(&mut s, "<tab>");
    assert_eq!(s.areas().tree.width, 0);
    assert!(s.areas().text.width > 40);
}

#[test]
fn resize_keeps_the_passage_at_the_top() {
    let mut s = state(100, 30);
    press(&mut s, "<tab>");
    for _ in 0..7 {
        press(&mut s, "j");
    }
    let tv = s.text.as_ref().unwrap();
    let row = tv.layout.rows[tv.top];
    update(&mut s, Action::Resize(70, 20));
    let tv = s.text.as_ref().unwrap();
    let now = tv.layout.rows[tv.top];
    assert_eq!(now.para, row.para);
    assert!(now.start <= row.start && row.start < now.end.max(now.start + 1));
    let sel_row = s.sel_row().unwrap();
    assert!(sel_row >= s.tree_top && sel_row < s.tree_top + s.areas().tree.height as usize);
}

#[test]
fn mouse_click_wheel_and_drag() {
    let mut s = state(100, 12);
    let a = s.areas();
    // Tree rows: 0 the speech, 1 一、, 2 （一）.
    update(&mut s, Action::Click(a.tree.x + 10, a.tree.y + 2));
    assert_eq!(selected(&s), "（一）认清形势");
    let top = s.text.as_ref().unwrap().top;
    // The fold sign of 一、 (depth 1) is at column 2.
    update(&mut s, Action::Click(a.tree.x + 2, a.tree.y + 1));
    assert!(!rows(&s).contains(&"（一）认清形势".to_string()));
    assert_eq!(selected(&s), "一、提高站位，统一思想");
    update(&mut s, Action::Wheel(a.text.x + 5, a.text.y + 3, 3));
    assert_eq!(s.text.as_ref().unwrap().top, top + 3);
    assert_eq!(s.focus, Focus::Tree, "the wheel does not move focus");
    update(&mut s, Action::Click(a.text.x + 5, a.text.y + 3));
    assert_eq!(s.focus, Focus::Text);
    update(&mut s, Action::Click(a.divider.x, 5));
    update(&mut s, Action::Drag(30, 5));
    update(&mut s, Action::Release);
    assert_eq!(s.effective_tree_width(), 30);
    update(&mut s, Action::Drag(50, 5));
    assert_eq!(s.effective_tree_width(), 30, "no drag after release");
}

#[test]
fn ctrl_c_quits_from_help_and_from_the_search_line() {
    let mut s = state(100, 30);
    press(&mut s, "?<c-c>");
    assert!(s.quit);
    let mut s = state(100, 30);
    press(&mut s, "/q");
    assert!(!s.quit, "q is typed into the search");
    press(&mut s, "<c-c>");
    assert!(s.quit);
}

#[test]
fn loading_in_batches_fills_the_tree_and_keeps_the_selection() {
    use gangmu::app::{Batch, State};
    use gangmu::text::Ambiguous;
    let mut s = State::new(100, 30, Ambiguous::Narrow);
    update(
        &mut s,
        Action::Loaded(Batch {
            total: Some(2),
            ..Batch::default()
        }),
    );
    assert!(s.tree.visible.is_empty());
    assert_eq!(s.loading.total, Some(2));
    assert!(!s.loading.done);
    let mut d = docs();
    let b = d.pop().unwrap();
    let a = d.pop().unwrap();
    update(
        &mut s,
        Action::Loaded(Batch {
            docs: vec![a],
            ..Batch::default()
        }),
    );
    assert_eq!(selected(&s), "在全市春季工作会议上的讲话");
    press(&mut s, "jj");
    assert_eq!(s.loading.loaded, 1);
    update(
        &mut s,
        Action::Loaded(Batch {
            docs: vec![b],
            done: true,
            ..Batch::default()
        }),
    );
    assert!(s.loading.done);
    assert_eq!(
        selected(&s),
        "（一）认清形势",
        "selection kept as speeches arrive"
    );
    assert!(rows(&s).contains(&"（二）消防安全".to_string()));
}

#[test]
fn text_after_the_speech_is_its_own_last_leaf() {
    let speech = "政府工作报告\n各位代表：\n一、工作回顾\n各项工作扎实推进，取得明显成效，人民群众获得感不断增强。\n二、今年安排\n要坚持稳中求进，推动高质量发展，确保完成全年目标任务。\n各位代表！让我们团结奋斗，再创佳绩！\n名词解释\n1.“两新”：指设备更新和以旧换新。\n";
    let docs = vec![common::doc(speech, "r")];
    let mut s = gangmu::app::State::with_docs(docs, 100, 30, gangmu::text::Ambiguous::Narrow);
    let r = rows(&s);
    assert_eq!(&r[r.len() - 2..], ["结束语", "附件"], "{r:?}");
    press(&mut s, "G");
    assert_eq!(selected(&s), "附件");
    assert_eq!(top_text(&s), "名词解释");
    // Reading the closing selects 结束语, not 附件.
    press(&mut s, "k");
    assert_eq!(selected(&s), "结束语");
    assert!(top_text(&s).starts_with("各位代表！让我们"));
    assert_eq!(
        s.reading_item()
            .map(|i| s.item_label(i).1.to_string())
            .as_deref(),
        Some("结束语")
    );
}

#[test]
fn the_text_header_names_the_bundled_samples_and_keeps_file_names() {
    let mut s = state(100, 20);
    s.samples = true;
    let top = screen(&s).lines().next().unwrap_or("").to_string();
    let name = s.docs[0].path.rsplit('/').next().unwrap().to_string();
    assert!(top.contains(&format!("内置示例 · {name}")), "{top}");
    // A deep path in a narrow pane: the folders go, the file name stays.
    let mut s = gangmu::app::State::with_docs(
        vec![doc(
            SPEECH_A,
            "/data/speeches/2024/某某县/在全县工作会议上的讲话",
        )],
        70,
        20,
        gangmu::text::Ambiguous::Narrow,
    );
    press(&mut s, "<tab>");
    let top = screen(&s).lines().next().unwrap_or("").to_string();
    assert!(top.contains("│ …/"), "{top}");
    assert!(top.ends_with("某某县/在全县工作会议上的讲话.txt"), "{top}");
}

#[test]
fn speeches_that_share_a_title_show_their_file_names() {
    let s = gangmu::app::State::with_docs(
        vec![
            doc(SPEECH_A, "2023"),
            doc(SPEECH_B, "b"),
            doc(SPEECH_A, "2024"),
        ],
        100,
        30,
        gangmu::text::Ambiguous::Narrow,
    );
    let screen = screen(&s);
    // The title gives way to the file name when both do not fit.
    let title: String = s.docs[0].title.chars().take(6).collect();
    for name in ["2023.txt", "2024.txt"] {
        let row = screen.lines().find(|l| l.contains(&format!(" · {name}")));
        assert!(row.is_some_and(|r| r.contains(&title)), "{screen}");
    }
    // A title of its own needs no file name.
    assert!(!screen.contains("· b.txt"), "{screen}");
}

#[test]
fn opening_the_tree_keeps_the_selected_speech_and_its_children_in_view() {
    let docs: Vec<_> = (0..40).map(|k| doc(SPEECH_A, &format!("s{k}"))).collect();
    let mut s = gangmu::app::State::with_docs(docs, 100, 12, gangmu::text::Ambiguous::Narrow);
    // Speeches only; the cursor down to the last one on screen.
    press(&mut s, "1");
    press(&mut s, &"j".repeat(9));
    let sel = s.sel;
    press(&mut s, "0");
    assert_eq!(s.sel, sel);
    let h = s.areas().tree.height as usize;
    let row = s.sel_row().unwrap();
    let children = s.tree.items[sel as usize].end - sel - 1;
    assert!(children as usize >= h, "a subtree taller than the pane");
    // The speech at the top, its children filling the pane under it.
    assert_eq!(row, s.tree_top, "top {} row {row}", s.tree_top);
    // A short subtree shows whole: Enter on a speech at the bottom of the pane.
    press(&mut s, "1g");
    press(&mut s, &"j".repeat(h - 1));
    assert_eq!(s.sel_row(), Some(s.tree_top + h - 1), "at the bottom");
    press(&mut s, "<enter>");
    let end = s.tree.items[s.sel as usize].end;
    let last = s.tree.visible.partition_point(|&i| i < end) - 1;
    assert!(last > s.sel_row().unwrap(), "it opened");
    assert!(
        last < s.tree_top + h,
        "last child row {last}, top {}",
        s.tree_top
    );
}

#[test]
fn at_the_end_a_closing_that_fills_the_screen_is_what_is_read() {
    let body = "各级各部门要切实提高政治站位，坚持问题导向，扎实推进各项工作落地见效。";
    let wish = "让我们更加紧密地团结在一起，凝心聚力，真抓实干，奋力谱写高质量发展新篇章。";
    let text = format!(
        "在全市工作会议上的讲话\n同志们：\n一、总体要求\n{body}\n{body}\n二、重点任务\n{body}\n{body}\n{body}\n同志们，{wish}{wish}{wish}\n{wish}{wish}\n谢谢大家！\n"
    );
    let mut s = gangmu::app::State::with_docs(
        vec![doc(&text, "c")],
        80,
        10,
        gangmu::text::Ambiguous::Narrow,
    );
    assert!(s.docs[0].closing_line.is_some(), "{:?}", s.docs[0]);
    press(&mut s, "<tab>G");
    let status = screen(&s).lines().last().unwrap_or("").to_string();
    assert!(status.contains("结束语"), "{}", screen(&s));
    assert_eq!(rows(&s)[s.sel_row().unwrap()], "结束语");
}

#[test]
fn in_one_pane_enter_on_a_leaf_opens_its_text() {
    let mut s = state(50, 20);
    assert!(s.narrow());
    // Down to a leaf: 一、's first child.
    press(&mut s, "jj");
    assert!(!s.tree.has_children(s.sel), "{}", selected(&s));
    press(&mut s, "<enter>");
    assert_eq!(s.focus, gangmu::app::Focus::Text);
    assert!(screen(&s).contains("认清形势"), "{}", screen(&s));
    // Tab goes back to the tree, where Enter on a parent still folds.
    press(&mut s, "<tab>k<enter>");
    assert_eq!(s.focus, gangmu::app::Focus::Tree);
}

#[test]
fn the_tree_gets_a_readable_share_at_sixty_to_eighty_columns() {
    for (w, want) in [(60, 27), (80, 36), (90, 40), (100, 40), (160, 48)] {
        let s = state(w, 20);
        assert_eq!(s.effective_tree_width(), want, "at {w} columns");
        assert!(
            s.areas().text.width >= 30,
            "the text keeps 30 columns at {w}"
        );
    }
}

#[test]
fn text_lines_are_at_most_forty_characters_and_centred_in_a_wide_pane() {
    let mut s = state(200, 30);
    press(&mut s, "<tab>");
    let a = s.areas();
    assert_eq!(a.text.width, 80);
    assert_eq!(s.wrap_width(), 80);
    // As much room on the left of the text as on its right.
    let left = a.text.x - a.text_pane.x;
    let right = a.text_pane.x + a.text_pane.width - (a.text.x + a.text.width);
    assert!(left.abs_diff(right) <= 1, "left {left}, right {right}");
    // Nothing is drawn in the pane outside the text's columns.
    let buf = draw(&s);
    let mut drawn = 0;
    for y in a.text.y..a.text.y + a.text.height {
        for x in a.text_pane.x..a.text_pane.x + a.text_pane.width {
            let blank = buf[(x, y)].symbol().trim().is_empty();
            if (a.text.x..a.text.x + a.text.width).contains(&x) {
                drawn += usize::from(!blank);
            } else {
                assert!(blank, "({x}, {y}) is outside the text");
            }
        }
    }
    assert!(drawn > 200, "the text is drawn: {drawn} cells");
    // No limit: the whole pane.
    s.max_text_width = 0;
    assert_eq!(s.areas().text.width, a.text_pane.width - 2);
}
