//! The real binary in a pseudo-terminal, read back through a terminal emulator (vt100).
//! Waits for a stable screen instead of sleeping for fixed times (helpers in common/pty.rs).

mod common;
use common::pty::{Session, row, text_at, text_head_bg};

#[test]
fn browse_the_samples_in_a_real_terminal() {
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/sample");
    let mut s = Session::start(&[samples], 100, 30);
    let first = s.wait_for("the first frame with the tree filled", |sc| {
        sc.alternate_screen() && sc.contents().contains("纲目") && sc.contents().contains("结束语")
    });
    assert!(first.contains("? 帮助"), "{first}");
    assert!(!row(&s, 29).contains('›'), "starts at a speech title");

    // `]`: the first heading; the breadcrumb gains a level.
    s.send("]");
    s.wait_for("the breadcrumb to show a heading", |sc| {
        text_at(sc, 29).contains('›')
    });
    let top_row = row(&s, 1);

    // Tab: the text header takes the focus colour.
    let before = text_head_bg(s.parser.lock().expect("parser").screen());
    s.send("\t");
    s.wait_for("the focus to move to the text", |sc| {
        text_head_bg(sc) != before
    });

    // PageDown: the text moves on.
    s.send("\x1b[6~");
    let paged = s.wait_for("the text to scroll a page", |sc| text_at(sc, 1) != top_row);
    assert!(paged.contains("帮助"), "{paged}");

    // q: quits with status 0, leaving the alternate screen and showing the cursor.
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.wait_for("the terminal to be restored", |sc| {
        !sc.alternate_screen() && !sc.hide_cursor()
    });
}

/// The speech in a fresh directory (removed when the guard is dropped), and its path.
fn temp_speech(name: &str, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(format!("{name}.txt"));
    std::fs::write(&path, text).expect("write speech");
    (dir, path)
}

#[test]
fn escape_sequences_in_a_file_are_shown_not_obeyed() {
    let (_dir, path) = temp_speech(
        "esc",
        "控制字符测试讲话\n同志们：\n这里有\u{1b}[2J\u{1b}[31m转义序列\u{1b}]0;标题\u{7}和\u{9b}31m结尾。\n",
    );
    let mut s = Session::start(&[path.to_str().expect("utf-8 path")], 80, 12);
    let screen = s.wait_for("the speech", |sc| sc.contents().contains("转义序列"));
    assert!(screen.contains("␛[2J␛[31m转义序列␛]0;标题␇和"), "{screen}");
    // The 8-bit CSI (U+009B) is not obeyed either: what follows it stays text.
    assert!(screen.contains("31m结"), "{screen}");
    assert!(
        screen.contains("纲目"),
        "the screen was not cleared by the file: {screen}"
    );
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_panic_restores_the_terminal() {
    let mut s = Session::start_env(&[], &[("GANGMU_TEST_PANIC", "1")], 80, 24);
    let status = s.wait_exit();
    assert!(!status.success());
    let screen = s.wait_for("the terminal to be restored", |sc| {
        !sc.alternate_screen() && !sc.hide_cursor()
    });
    assert!(
        screen.contains("GANGMU_TEST_PANIC"),
        "the panic message is readable: {screen}"
    );
    let mode = s
        .parser
        .lock()
        .expect("parser")
        .screen()
        .mouse_protocol_mode();
    assert_eq!(mode, vt100::MouseProtocolMode::None, "mouse capture off");
}

#[test]
fn theme_auto_asks_the_terminal_and_a_light_background_gets_the_light_theme() {
    // No COLORFGBG to go by: the browser asks (OSC 11, then DA1) and waits for answers.
    let mut s = Session::start_env(&[], &[("COLORFGBG", "")], 80, 24);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !String::from_utf8_lossy(&s.raw()).contains("\x1b]11;?") {
        assert!(std::time::Instant::now() < deadline, "no background query");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // What a terminal with a white background answers.
    s.send("\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c");
    let screen = s.wait_for("the first frame", |sc| sc.contents().contains("纲目"));
    let head_bg = s
        .parser
        .lock()
        .unwrap()
        .screen()
        .cell(0, 1)
        .unwrap()
        .bgcolor();
    assert_eq!(
        head_bg,
        vt100::Color::Idx(4),
        "the light theme's blue header"
    );
    // The answer was not taken for keys: the first speech is still selected, unfolded.
    assert!(screen.contains("▾"), "{screen}");
    s.send("q");
    assert!(s.wait_exit().success());
}
