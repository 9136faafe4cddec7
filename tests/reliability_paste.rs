//! Issue 10: pasting into search or filter never freezes the browser. The real binary
//! runs in a pty on a long speech and on a folder of many speeches; 300 characters are
//! pasted (bracketed, as a terminal sends them) and the keys after the paste must be
//! answered. Before, each pasted character searched the whole speech (or filtered every
//! title) while the keys waited: minutes, Ctrl-C included.
#![cfg(unix)]

mod common;
use common::pty::Session;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long the keys after a paste may take to be answered. Generous, for a slow debug
/// build on a busy machine; what it guards against took minutes.
const ANSWER: Duration = Duration::from_secs(8);

/// A fresh directory (removed when the guard is dropped) and its path.
fn scratch(name: &str) -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::Builder::new()
        .prefix(&format!("gangmu-paste-{name}-"))
        .tempdir()
        .unwrap();
    let dir = t.path().to_path_buf();
    (t, dir)
}

/// A speech of `paragraphs` paragraphs in parts of 1,000.
fn write_long_speech(path: &Path, paragraphs: usize) {
    const PARTS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let mut t = String::from("在全省经济工作会议上的讲话\n同志们：\n");
    for i in 0..paragraphs {
        if i % 1000 == 0 {
            let k = i / 1000;
            t.push_str(&format!("{}、关于第{}部分的工作\n", PARTS[k % 10], k + 1));
        }
        t.push_str("各地要推动高质量发展，深化改革开放，保障和改善民生，加强生态环境保护。\n");
    }
    t.push_str("让我们共同努力，奋力完成全年目标任务！\n");
    std::fs::write(path, t).unwrap();
}

/// Sends `text` as a terminal sends a paste when the program asked for bracketed paste.
fn paste(s: &mut Session, text: &str) {
    s.send(&format!("\x1b[200~{text}\x1b[201~"));
}

/// Waits until the screen satisfies `pred`; the time it took, or a failure at `ANSWER`.
fn answered(s: &Session, what: &str, pred: impl Fn(&str) -> bool) -> Duration {
    let start = Instant::now();
    loop {
        let screen = s.screen();
        if pred(&screen) {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < ANSWER,
            "not answered within {ANSWER:?}: {what}; screen:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Ctrl-C must end the browser at once, whatever is running.
fn interrupt(s: &mut Session) {
    let start = Instant::now();
    s.send("\x03");
    while s.alive() {
        assert!(start.elapsed() < ANSWER, "Ctrl-C waited behind the query");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_paste_into_search_on_a_long_speech_leaves_keys_answered() {
    let (_tmp, dir) = scratch("search");
    let file = dir.join("long.txt");
    write_long_speech(&file, 60_000);
    let mut s = Session::start(&[file.to_str().unwrap()], 100, 30);
    s.wait_for("the long speech", |sc| sc.contents().contains("同志们"));
    s.send("/");
    s.wait_for("the search line", |sc| {
        sc.contents()
            .lines()
            .last()
            .is_some_and(|l| l.starts_with('/'))
    });
    // A query that matches nowhere: the whole speech must be searched for it.
    let query = "营商环境持续优化".repeat(300 / 8) + "一二三四";
    paste(&mut s, &query);
    let took = answered(&s, "the pasted query shown", |sc| sc.contains("一二三四"));
    eprintln!("pasted query shown after {took:?}");
    // Keys typed while it is looked for are answered: three characters are erased.
    s.send("\x7f\x7f\x7f");
    let took = answered(&s, "backspace after the paste", |sc| {
        sc.lines()
            .any(|l| l.contains("化一") && !l.contains("一二"))
    });
    eprintln!("backspaces answered after {took:?}");
    interrupt(&mut s);
}

#[test]
fn a_paste_into_the_filter_on_many_speeches_leaves_keys_answered() {
    let (_tmp, dir) = scratch("filter");
    for i in 0..2000 {
        let text = common::SPEECH_A.replace("春季", &format!("第{i}次"));
        std::fs::write(dir.join(format!("{i:05}.txt")), text).unwrap();
    }
    let mut s = Session::start(&[dir.to_str().unwrap()], 100, 30);
    s.wait_for("every speech loaded", |sc| {
        sc.contents().contains("2000 篇")
    });
    s.send("f");
    let query = "提高站位统一思想".repeat(300 / 8) + "一二三四";
    paste(&mut s, &query);
    let took = answered(&s, "the pasted filter shown", |sc| sc.contains("一二三四"));
    eprintln!("pasted filter shown after {took:?}");
    s.send("\x7f\x7f\x7f");
    let took = answered(&s, "backspace after the paste", |sc| {
        sc.lines()
            .any(|l| l.contains("想一") && !l.contains("一二"))
    });
    eprintln!("backspaces answered after {took:?}");
    interrupt(&mut s);
}
