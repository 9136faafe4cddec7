//! Whole screens drawn into a TestBackend: insta snapshots at several sizes (each checked
//! by eye), and sweeps over every small size for panics and spills.

mod common;
use common::*;
use gangmu::app::{Action, State, press, update};
use gangmu::outline::parse;
use gangmu::text::Ambiguous;
use ratatui::buffer::Buffer;

fn at(w: u16, h: u16) -> State {
    state(w, h)
}

#[test]
fn screen_100x30() {
    let s = at(100, 30);
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn screen_100x30_after_keys() {
    let mut s = at(100, 30);
    press(&mut s, "]]]<tab><pgdn>");
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn screen_100x30_help() {
    let mut s = at(100, 30);
    press(&mut s, "?");
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn screen_60x20() {
    let mut s = at(60, 20);
    press(&mut s, "jj");
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn screen_59x20_one_pane() {
    let mut s = at(59, 20);
    press(&mut s, "jj");
    let tree = screen(&s);
    press(&mut s, "<tab>");
    let text = screen(&s);
    insta::assert_snapshot!(format!("{tree}---\n{text}"));
}

#[test]
fn screen_20x5() {
    let mut s = at(20, 5);
    let tree = screen(&s);
    press(&mut s, "<tab>");
    let text = screen(&s);
    insta::assert_snapshot!(format!("{tree}---\n{text}"));
}

#[test]
fn screen_1x1() {
    let s = at(1, 1);
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn screen_search_line() {
    let mut s = at(60, 12);
    press(&mut s, "/项目");
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn screen_filter() {
    let mut s = at(80, 14);
    press(&mut s, "f安全");
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn every_small_size_draws_without_panic() {
    let scripts = ["", "]]<tab>", "?", "/项", "f安", "0G<tab>G"];
    for w in 0..=64u16 {
        for h in 0..=14u16 {
            for script in scripts {
                let mut s = at(w, h);
                press(&mut s, script);
                draw(&s);
            }
        }
    }
    let mut s = at(0, 0);
    update(&mut s, Action::Resize(3, 2));
    draw(&s);
}

#[test]
fn tree_rows_never_spill_into_the_text() {
    let long = "在全市春季工作会议上的讲话
同志们：
下面讲三点。
一、ＡＢＣ全角字母与half-width混排“引号”……——×·的很长很长很长很长很长很长的标题
正文。
二、１２３４５６７８９０一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十
正文。
";
    for amb in [Ambiguous::Narrow, Ambiguous::Wide] {
        for w in 60..=100u16 {
            let docs = vec![parse(long, "l.txt", "l", "UTF-8")];
            let s = State::with_docs(docs, w, 12, amb);
            let buf = draw(&s);
            let a = s.areas();
            for y in a.tree.top()..a.tree.bottom() {
                let cell = &buf[(a.divider.x, y)];
                let want = if amb == Ambiguous::Narrow { "│" } else { " " };
                assert_eq!(cell.symbol(), want, "w={w} y={y} {amb:?}");
            }
        }
    }
}

#[test]
fn control_characters_are_shown_escaped() {
    let text = "控制字符测试讲话\n同志们：\n正文里有\u{1b}[31m转义\u{7}和\u{202e}反向。\n";
    let s = State::with_docs(
        vec![parse(text, "c.txt", "c", "UTF-8")],
        80,
        10,
        Ambiguous::Narrow,
    );
    let all = screen(&s);
    assert!(all.contains("␛[31m转义␇和\u{fffd}反向"), "{all}");
    assert!(!all.chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn a_typed_or_pasted_filter_query_is_shown_escaped_in_the_header() {
    let mut s = at(80, 12);
    update(&mut s, Action::Filter);
    for c in "\u{202e}甲\u{1b}[2J\u{2066}".chars() {
        update(&mut s, Action::Input(c));
    }
    update(&mut s, Action::Submit);
    // The filter runs in slices between events; let it finish as the event loop would.
    gangmu::app::settle(&mut s);
    let all = screen(&s);
    assert!(all.contains("过滤：\u{fffd}甲␛[2J\u{fffd}"), "{all}");
    assert!(
        !all.chars().any(|c| (c.is_control() && c != '\n')
            || ('\u{2066}'..='\u{2069}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c)),
        "{all}"
    );
}

/// Cells of row `y` whose symbol is in `text`, found left to right from column `from`.
fn find_in_row(buf: &Buffer, y: u16, from: u16, text: &str) -> Option<u16> {
    let first = text.chars().next()?.to_string();
    (from..buf.area.width).find(|&x| {
        buf[(x, y)].symbol() == first && {
            let mut cx = x;
            text.chars().all(|c| {
                let ok = buf[(cx, y)].symbol() == c.to_string();
                cx += gangmu::text::char_width(c, Ambiguous::Narrow) as u16;
                ok
            })
        }
    })
}

#[test]
fn styles_show_selection_focus_headings_and_matches() {
    use gangmu::view::theme;
    use ratatui::style::Color;
    let mut s = at(100, 30);
    press(&mut s, "jj"); // （一）认清形势, a run-in heading
    let buf = draw(&s);
    let a = s.areas();
    // The selected tree row is highlighted across the tree, in the focused colour.
    let sel_y = a.tree.y + s.sel_row().unwrap() as u16;
    assert_eq!(buf[(a.tree.x + 1, sel_y)].bg, Color::Cyan);
    assert_eq!(buf[(a.tree.right() - 1, sel_y)].bg, Color::Cyan);
    assert_eq!(
        buf[(a.tree_head.x, 0)].bg,
        theme::Theme::Dark.head_focused().bg.unwrap()
    );
    assert_eq!(
        buf[(a.text_head.x, 0)].bg,
        theme::Theme::Dark.head_unfocused().bg.unwrap()
    );
    // The heading part of the run-in paragraph is styled as a level-2 heading, the rest
    // as body text.
    let y = a.text.y;
    let hx = find_in_row(&buf, y, a.text.x, "（一）认清形势").expect("heading on the top row");
    assert_eq!(
        buf[(hx, y)].fg,
        theme::Theme::Dark.heading(2, false).fg.unwrap()
    );
    let bx = find_in_row(&buf, y, hx, "当前").expect("body after the heading");
    assert_eq!(buf[(bx, y)].fg, Color::Reset);
    // Tab: the focus moves; the selection dims.
    press(&mut s, "<tab>");
    let buf = draw(&s);
    assert_eq!(buf[(a.tree.x + 1, sel_y)].bg, Color::DarkGray);
    assert_eq!(
        buf[(a.text_head.x, 0)].bg,
        theme::Theme::Dark.head_focused().bg.unwrap()
    );
    // Search: every match highlighted, the current one differently.
    press(&mut s, "/目标");
    let buf = draw(&s);
    let mut bgs = vec![];
    for y in a.text.top()..a.text.bottom() {
        let mut from = a.text.x;
        while let Some(x) = find_in_row(&buf, y, from, "目标") {
            bgs.push(buf[(x, y)].bg);
            from = x + 4;
        }
    }
    assert!(bgs.len() >= 3, "{bgs:?}");
    assert_eq!(
        bgs.iter().filter(|&&b| b == Color::LightRed).count(),
        1,
        "{bgs:?}"
    );
    assert!(
        bgs.iter()
            .all(|&b| b == Color::LightRed || b == Color::Yellow),
        "{bgs:?}"
    );
}

#[test]
fn wide_ambiguous_characters_take_two_cells() {
    let text = "测试讲话\n同志们：\n他说“好”……\n";
    let s = State::with_docs(
        vec![parse(text, "w.txt", "w", "UTF-8")],
        80,
        10,
        Ambiguous::Wide,
    );
    let buf = draw(&s);
    let a = s.areas();
    let y = (a.text.top()..a.text.bottom())
        .find(|&y| find_in_row(&buf, y, a.text.x, "他说").is_some())
        .expect("row");
    let x = find_in_row(&buf, y, a.text.x, "他说").unwrap() + 4;
    assert_eq!(buf[(x, y)].symbol(), "“");
    assert_eq!(
        buf[(x, y)].diff_option,
        ratatui::buffer::CellDiffOption::ForcedWidth(std::num::NonZeroU16::new(2).unwrap())
    );
    assert_eq!(buf[(x + 2, y)].symbol(), "好");
    assert_eq!(buf[(x + 4, y)].symbol(), "”");
}

#[test]
fn odd_documents_draw_without_panic() {
    let long_line = "长".repeat(5000);
    let texts = [
        "",
        "\n\n\n",
        "只有一行",
        long_line.as_str(),
        "一、\n（一）\n1.\n（1）\n①\n",
        "同志们，\n",
        "\u{1b}\u{7}\u{0}\u{202e}\u{200d}\u{301}👨‍👩‍👧",
    ];
    let docs: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| parse(t, &format!("{i}.txt"), &i.to_string(), "UTF-8"))
        .collect();
    for amb in [Ambiguous::Narrow, Ambiguous::Wide] {
        for (w, h) in [(100, 30), (40, 10), (7, 3), (1, 1), (0, 0)] {
            let mut s = State::with_docs(docs.clone(), w, h, amb);
            for script in [
                "",
                "0",
                "G",
                "]]]]]]]]]]]]",
                "<tab>G",
                "<tab>gjjjj",
                "/长",
                "f一",
                "?jjjj",
            ] {
                press(&mut s, script);
                draw(&s);
                press(&mut s, "<esc>");
            }
        }
    }
}
