//! Issue 11: the browser says what it knows. The problems view (`!`) lists the speech's
//! warnings and removed lines and the files that could not be read; Enter goes to a
//! warning's line; a speech with warnings has a sign in the tree; an empty browser says
//! why; help scrolls with every scrolling key and says where it is.

mod common;
use common::*;
use gangmu::app::{Action, Batch, State, press, update};
use gangmu::corpus::LoadError;
use gangmu::text::Ambiguous;

const SIZES: [(u16, u16); 4] = [(100, 30), (80, 24), (60, 20), (40, 12)];

/// Numbering that skips (三 after 一) and a web label the parser removes.
const WARNED: &str = "在全县防汛工作会议上的讲话
来源：县融媒体中心
同志们：
今天召开会议，部署防汛工作。
一、认清形势
今年汛期来得早，降雨偏多。
三、压实责任
各乡镇要落实包保责任，确保安全度汛。
同志们，让我们共同努力！
";

fn warned_state(w: u16, h: u16) -> State {
    let mut s = State::with_docs(
        vec![doc(SPEECH_A, "a"), doc(WARNED, "warned")],
        w,
        h,
        Ambiguous::Narrow,
    );
    update(
        &mut s,
        Action::Loaded(Batch {
            errors: vec![LoadError::new("missing.txt".into(), "no such file".into())],
            done: true,
            ..Batch::default()
        }),
    );
    s
}

#[test]
fn a_speech_with_warnings_has_a_sign_and_the_view_lists_them() {
    let mut s = warned_state(100, 30);
    assert!(
        !s.docs[1].warnings.is_empty(),
        "the test speech has warnings"
    );
    let all = screen(&s);
    let signed: Vec<_> = all.lines().filter(|l| l.contains("! ")).collect();
    assert_eq!(signed.len(), 1, "{all}");
    assert!(signed[0].contains("在全县防汛工作会议上的讲话"), "{all}");
    press(&mut s, "G!");
    let all = screen(&s);
    assert!(all.contains("本篇：在全县防汛工作会议上的讲话"), "{all}");
    assert!(all.contains("删除的行（1 行"), "{all}");
    assert!(all.contains("未读的文件（1 个）"), "{all}");
    assert!(all.contains("missing.txt：no such file"), "{all}");
    let line = s.docs[1].warnings[0].line;
    assert!(all.contains(&format!("第 {line} 行")), "{all}");
}

#[test]
fn enter_on_a_warning_shows_its_line() {
    let mut s = warned_state(100, 30);
    press(&mut s, "G!");
    let rows = gangmu::app::problems::rows(&s);
    let k = rows
        .iter()
        .position(|r| r.target.is_some())
        .expect("a warning row");
    for _ in 0..k {
        press(&mut s, "j");
    }
    press(&mut s, "<enter>");
    assert!(s.problems.is_none(), "the view closes");
    let (doc, line) = rows[k].target.unwrap();
    let tv = s.text.as_ref().unwrap();
    assert_eq!(tv.doc, doc);
    let para = tv.layout.para_at(tv.top).unwrap();
    assert!(s.docs[doc].paragraphs[para].line >= line);
    assert_eq!(s.focus, gangmu::app::Focus::Text);
}

#[test]
fn the_problems_view_at_four_sizes() {
    for (w, h) in SIZES {
        let mut s = warned_state(w, h);
        press(&mut s, "G!");
        insta::assert_snapshot!(format!("problems_{w}x{h}"), screen(&s));
    }
}

#[test]
fn an_empty_browser_says_why() {
    let mut s = State::new(80, 24, Ambiguous::Narrow);
    update(
        &mut s,
        Action::Loaded(Batch {
            errors: vec![LoadError::new("empty.txt".into(), "empty file".into())],
            total: Some(1),
            done: true,
            ..Batch::default()
        }),
    );
    let all = screen(&s);
    assert!(all.contains("（没有讲话）"), "{all}");
    assert!(all.contains("1 个文件未读（按 ! 查看）"), "{all}");
    assert!(all.contains("empty.txt：空文件"), "{all}");
    let mut none = State::new(80, 24, Ambiguous::Narrow);
    update(
        &mut none,
        Action::Loaded(Batch {
            total: Some(0),
            done: true,
            ..Batch::default()
        }),
    );
    assert!(
        screen(&none).contains("没有 .txt 文件"),
        "{}",
        screen(&none)
    );
}

#[test]
fn help_scrolls_with_every_scrolling_key_and_says_where_it_is() {
    let mut s = state(80, 24);
    press(&mut s, "?");
    let first = screen(&s);
    assert!(first.contains("1–22/"), "{first}");
    assert!(!first.contains("鼠标"), "{first}");
    press(&mut s, "G");
    let end = screen(&s);
    assert!(end.contains("鼠标"), "the last line: {end}");
    assert!(end.contains("↑ k PgUp g"), "{end}");
    press(&mut s, "g");
    assert_eq!(screen(&s), first);
    press(&mut s, "<end>");
    insta::assert_snapshot!("help_80x24_end", screen(&s));
    // At 40×12, ten lines show: a page at a time, not a line.
    let mut small = state(40, 12);
    press(&mut small, "?<pgdn>");
    assert_eq!(small.help_top, 10);
    press(&mut small, "<c-u>");
    assert_eq!(small.help_top, 5);
    press(&mut small, "<pgup>");
    assert_eq!(small.help_top, 0);
    press(&mut small, "G");
    assert!(screen(&small).contains("鼠标"), "{}", screen(&small));
}

#[test]
fn a_failed_file_keeps_its_name_and_reason_when_its_path_is_long() {
    let long = "/home/user/文件/讲话稿/二〇二四年/第四季度/各县区/missing.txt";
    let failed = || {
        Action::Loaded(Batch {
            errors: vec![LoadError::new(
                long.into(),
                "no such file or directory".into(),
            )],
            total: Some(1),
            done: true,
            ..Batch::default()
        })
    };
    // An empty browser takes the whole width to say why, folders giving way first.
    let mut empty = State::new(60, 12, Ambiguous::Narrow);
    update(&mut empty, failed());
    assert_eq!(empty.areas().tree.width, 60);
    let all = screen(&empty);
    assert!(
        all.contains("/missing.txt：没有这个文件或文件夹")
            || all.contains("/missing.txt：no such file or directory"),
        "{all}"
    );
    assert!(!all.contains('│'), "no empty text pane: {all}");
    // So does the problems view.
    let mut s = warned_state(60, 20);
    update(&mut s, failed());
    press(&mut s, "!");
    let all = screen(&s);
    assert!(all.contains("/missing.txt：没有这个文件或文件夹"), "{all}");
}

#[test]
fn help_wraps_every_description_whole_at_every_width() {
    use gangmu::app::help::{lines, rows};
    for w in [160, 100, 80, 60, 40, 30, 20] {
        let s = State::new(w, 12, Ambiguous::Narrow);
        let rows = rows(&s);
        // Each description is there whole, in order, over one or more rows.
        let shown: String = rows.iter().map(|r| r.text).collect();
        let all: String = lines(&s).iter().map(|(_, d)| *d).collect();
        assert_eq!(shown, all, "at {w} columns");
        let keys: Vec<&str> = rows
            .iter()
            .map(|r| r.key.as_str())
            .filter(|k| !k.is_empty())
            .collect();
        let listed = lines(&s);
        let want: Vec<&str> = listed.iter().filter_map(|(k, _)| k.as_deref()).collect();
        assert_eq!(keys, want, "at {w} columns");
        // No row is wider than the box.
        let inner = gangmu::app::help::box_width(&s) as usize - 4.min(w as usize / 2);
        for r in &rows {
            let end = r.x as usize + gangmu::text::str_width(r.text, s.amb);
            assert!(end <= inner.max(r.x as usize + 2), "{w}: {r:?}");
        }
    }
    // And the last row is reached by G.
    let mut s = State::with_docs(vec![doc(SPEECH_A, "a")], 40, 12, Ambiguous::Narrow);
    press(&mut s, "?G");
    let last = rows(&s).last().unwrap().text;
    assert!(screen(&s).contains(last), "{}", screen(&s));
}
