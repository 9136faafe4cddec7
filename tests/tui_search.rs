//! Issue 11: search and filter compare text in folded form (full- and half-width forms,
//! quotes, case), and a search that misses in this speech says where else the words are.

mod common;
use common::*;
use gangmu::app::{State, press};
use gangmu::text::Ambiguous;

const WIDTHS: &str = "在全市基层治理工作会议上的讲话
同志们：
今天讲三个问题。
一、关于“温差”问题
上下之间存在\"温差\"，要层层传导压力。
二、关于基层减负
３．基层减负要落到实处，切实为基层松绑。
(一)部分地方仍有反弹。要坚决防止ＧＤＰ至上的倾向。
同志们，让我们共同努力！
";

fn widths_state() -> State {
    let docs = vec![doc(WIDTHS, "w"), doc(SPEECH_A, "a"), doc(SPEECH_B, "b")];
    State::with_docs(docs, 100, 30, Ambiguous::Narrow)
}

/// The matched texts of the search, in order.
fn matched(s: &State) -> Vec<String> {
    let sr = s.search.as_ref().expect("a search");
    let tv = s.text.as_ref().expect("a speech on screen");
    sr.matches
        .iter()
        .map(|&(p, a, b)| {
            tv.texts.get(&s.docs[tv.doc], p as usize)[a as usize..b as usize].to_string()
        })
        .collect()
}

#[test]
fn search_matches_full_and_half_width_forms_quotes_and_case() {
    let mut s = widths_state();
    press(&mut s, "<tab>/“温差”<enter>");
    assert_eq!(matched(&s), ["“温差”", "\"温差\""]);
    press(&mut s, "/3.基层<enter>");
    assert_eq!(matched(&s), ["３．基层"]);
    press(&mut s, "/（一）部分<enter>");
    assert_eq!(matched(&s), ["(一)部分"]);
    press(&mut s, "/gdp<enter>");
    assert_eq!(matched(&s), ["ＧＤＰ"]);
}

#[test]
fn filter_matches_full_and_half_width_forms() {
    let mut s = widths_state();
    press(&mut s, "f\"温差\"<enter>");
    assert!(
        rows(&s).contains(&"一、关于“温差”问题".to_string()),
        "{:?}",
        rows(&s)
    );
}

#[test]
fn a_miss_here_says_how_many_other_speeches_have_it() {
    let mut s = widths_state();
    // The first speech is on screen; 安全 is only in speech b.
    press(&mut s, "<tab>/安全");
    let shown = screen(&s);
    assert!(shown.contains("本篇没有，另有 1 篇"), "{shown}");
    press(&mut s, "<enter>");
    let shown = screen(&s);
    assert!(
        shown.contains("本篇没有；另有 1 篇含“安全”，按 n 跳到下一篇"),
        "{shown}"
    );
    // n goes there, and the status shows which match the reader is at.
    press(&mut s, "n");
    assert_eq!(s.text.as_ref().unwrap().doc, 2);
    let shown = screen(&s);
    assert!(shown.contains("1/"), "{shown}");
    // Nowhere at all.
    press(&mut s, "/不存在的词<enter>");
    let shown = screen(&s);
    assert!(
        shown.contains("没有找到：3 篇讲话都没有“不存在的词”"),
        "{shown}"
    );
}

#[test]
fn the_filter_also_matches_file_names() {
    let mut s = widths_state();
    press(&mut s, "fb.txt<enter>");
    assert_eq!(rows(&s), ["在全县安全生产工作会议上的讲话"]);
}

#[test]
fn a_filter_typed_while_loading_follows_the_corpus() {
    use gangmu::app::{Action, Batch, settle, update};
    let mut s = State::new(100, 30, Ambiguous::Narrow);
    let batch = |docs, done| Batch {
        docs,
        total: Some(3),
        done,
        ..Batch::default()
    };
    update(
        &mut s,
        Action::Loaded(batch(vec![doc(SPEECH_A, "a")], false)),
    );
    press(&mut s, "f安全");
    assert!(rows(&s).is_empty(), "{:?}", rows(&s));
    // Speeches that arrive while the query is typed, and after it is confirmed.
    update(
        &mut s,
        Action::Loaded(batch(vec![doc(SPEECH_B, "b")], false)),
    );
    settle(&mut s);
    assert!(rows(&s).contains(&"在全县安全生产工作会议上的讲话".to_string()));
    press(&mut s, "<enter>");
    update(
        &mut s,
        Action::Loaded(batch(vec![doc(SPEECH_B, "c")], true)),
    );
    settle(&mut s);
    let titles = rows(&s)
        .iter()
        .filter(|r| *r == "在全县安全生产工作会议上的讲话")
        .count();
    assert_eq!(titles, 2, "{:?}", rows(&s));
}

/// The cells of row `y` whose style has `bg`, as text.
fn cells_with_bg(s: &State, y: u16, bg: ratatui::style::Color) -> String {
    let buf = draw(s);
    (0..buf.area.width)
        .map(|x| &buf[(x, y)])
        .filter(|c| c.style().bg == Some(bg))
        .map(|c| c.symbol().to_string())
        .collect()
}

#[test]
fn the_filter_wants_every_word_and_counts_matches_not_rows() {
    let mut s = widths_state();
    press(&mut s, "f基层 减负<enter>");
    // The speech's title has 基层 only: it is context, not a match.
    assert_eq!(
        rows(&s),
        [
            "在全市基层治理工作会议上的讲话",
            "二、关于基层减负",
            "３．基层减负要落到实处，切实为基层松绑"
        ]
    );
    assert!(
        screen(&s).starts_with(" 过滤：基层 减负 · 2 处"),
        "{}",
        screen(&s)
    );
    press(&mut s, "<esc>f减负 温差<enter>");
    assert!(rows(&s).is_empty(), "{:?}", rows(&s));
}

#[test]
fn the_filter_shows_what_matched_and_what_is_context() {
    use ratatui::style::Color;
    let mut s = widths_state();
    press(&mut s, "f减负<enter><down>");
    // Row 1 is the speech (context, shown dim), row 2 the match, highlighted.
    assert_eq!(cells_with_bg(&s, 2, Color::Yellow), "减负");
    let buf = draw(&s);
    let root = buf.content().iter().skip(buf.area.width as usize).take(10);
    assert!(
        root.clone().any(|c| c.style().fg == Some(Color::DarkGray)),
        "{}",
        styled(&s)
    );
    // A long title is scrolled so that its match shows.
    let long = "在全市民生工作会议上的讲话\n同志们：\n一、坚持以人民为中心的发展思想着力解决群众急难愁盼的民生问题\n各级各部门要抓好落实。\n二、其他工作\n各级各部门要抓好落实。\n";
    let mut s = State::with_docs(vec![doc(long, "l")], 60, 20, Ambiguous::Narrow);
    press(&mut s, "f民生问题<enter>");
    let screen = screen(&s);
    let tree_rows: Vec<&str> = screen
        .lines()
        .map(|l| l.split('│').next().unwrap_or(""))
        .collect();
    assert!(
        tree_rows
            .iter()
            .any(|r| r.contains("…") && r.contains("民生问题")),
        "{screen}"
    );
}

#[test]
fn a_filter_with_its_matches_at_four_sizes() {
    for (w, h) in [(100, 30), (80, 24), (60, 20), (40, 12)] {
        let docs = vec![doc(WIDTHS, "w"), doc(SPEECH_A, "a"), doc(SPEECH_B, "b")];
        let mut s = State::with_docs(docs, w, h, Ambiguous::Narrow);
        press(&mut s, "f基层<enter>");
        insta::assert_snapshot!(format!("filter_{w}x{h}"), styled(&s));
    }
}

#[test]
fn the_prompts_edit_like_a_shell() {
    let mut s = widths_state();
    // Home, then the word typed before the one already there.
    press(&mut s, "f减负<home>基层<space><enter>");
    assert_eq!(s.filter.as_deref(), Some("基层 减负"));
    // Ctrl-W takes the last word, Ctrl-U what is before the cursor, Delete what is on it.
    press(&mut s, "f<c-w>");
    assert_eq!(s.input.as_ref().map(|i| i.text.as_str()), Some("基层 "));
    press(&mut s, "温差<left><left><c-u>");
    assert_eq!(s.input.as_ref().map(|i| i.text.as_str()), Some("温差"));
    press(&mut s, "<right><del><end>x<enter>");
    assert_eq!(s.filter.as_deref(), Some("温x"));
}
