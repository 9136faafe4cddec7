//! Search and filter never hold up input (issue 10): a paste is one edit, the work a
//! query starts runs a slice at a time between keys, and a newer query replaces an older
//! one. The event loop's part (`Action::Work` whenever no key waits) is played here by
//! calling `update` with `Work`, or `settle` to run everything to the end.

mod common;
use common::*;
use gangmu::app::{Action, State, jobs, settle, update};
use gangmu::text::Ambiguous;
use std::time::Instant;

/// A speech long enough that one slice of work cannot search all of it.
fn long_speech(paragraphs: usize) -> String {
    let mut t = String::from("在全省经济工作会议上的讲话\n同志们：\n");
    for i in 0..paragraphs {
        if i % 2500 == 0 {
            let k = i / 2500 + 1;
            t.push_str(&format!("{}、关于第{k}部分的工作\n", cn(k)));
        }
        t.push_str("各地要推动高质量发展，深化改革开放，保障和改善民生，");
        t.push_str("加强生态环境保护，提升治理能力，扩大有效投资。");
        t.push_str(&format!("第{i}段。\n"));
    }
    t.push_str("让我们共同努力，奋力完成全年目标任务！\n");
    t
}

/// Chinese numerals up to 99, enough for the parts of `long_speech`.
fn cn(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[n - 10]),
        _ => format!("{}十{}", D[n / 10], D[n % 10]),
    }
}

fn long_state(paragraphs: usize) -> State {
    let docs = vec![doc(&long_speech(paragraphs), "long"), doc(SPEECH_B, "b")];
    State::with_docs(docs, 100, 30, Ambiguous::Narrow)
}

fn input_text(s: &State) -> String {
    s.input.as_ref().expect("an input line").text.clone()
}

#[test]
fn a_paste_is_one_edit_with_line_breaks_as_spaces() {
    let mut s = state(100, 30);
    update(&mut s, Action::Search);
    update(
        &mut s,
        Action::Paste("安全\r\n生产\t\u{1b}[2J  工作\n".into()),
    );
    // Still typing: a line break in a paste does not submit the query.
    assert_eq!(input_text(&s), "安全 生产 [2J 工作 ");
    // One search for the whole paste, not one per character.
    assert_eq!(s.search.as_ref().unwrap().query, "安全 生产 [2J 工作 ");
    update(&mut s, Action::Paste("消防".into()));
    assert_eq!(input_text(&s), "安全 生产 [2J 工作 消防");
    // Outside a query line a paste does nothing.
    let mut t = state(100, 30);
    let before = t.sel;
    update(&mut t, Action::Paste("jjjj".into()));
    assert!(t.input.is_none());
    assert_eq!(t.sel, before);
}

#[test]
fn a_search_runs_in_slices_and_keys_are_handled_between_them() {
    let mut s = long_state(200_000);
    // Show the long speech.
    update(&mut s, Action::Down);
    update(&mut s, Action::Search);
    update(&mut s, Action::Paste("第199999段".into()));
    // The query is on screen at once; its matches are not known yet.
    assert!(s.jobs.pending(), "the search has not run yet");
    // A slice whose time is up at once (a slow machine) still makes progress.
    jobs::work(&mut s, Instant::now());
    assert!(s.jobs.pending(), "a slice ends when its time is up");
    // A key typed meanwhile is handled at once, and the search goes on with the new query.
    update(&mut s, Action::Edit(gangmu::app::prompt::Edit::Backspace));
    assert_eq!(input_text(&s), "第199999");
    assert_eq!(s.search.as_ref().unwrap().query, "第199999");
    settle(&mut s);
    let found = s.search.as_ref().unwrap();
    assert_eq!(found.matches.len(), 1, "only the newest query's matches");
    assert_eq!(found.current, Some(0));
    assert!(on_screen(&s, "第199999段"), "the match is shown");
}

#[test]
fn escape_drops_a_running_search() {
    let mut s = long_state(200_000);
    update(&mut s, Action::Down);
    let top = s.text.as_ref().unwrap().top;
    update(&mut s, Action::Search);
    update(&mut s, Action::Paste("第199999段".into()));
    jobs::work(&mut s, Instant::now());
    update(&mut s, Action::Escape);
    assert!(!s.jobs.pending(), "nothing is left running");
    settle(&mut s);
    assert_eq!(s.text.as_ref().unwrap().top, top, "the reader did not move");
}

#[test]
fn a_newer_filter_replaces_an_older_one() {
    // Many speeches, so that a filter is more than one slice of work.
    let docs: Vec<_> = (0..3000)
        .map(|i| {
            doc(
                if i % 2 == 0 { SPEECH_A } else { SPEECH_B },
                &format!("s{i}"),
            )
        })
        .collect();
    let mut s = State::with_docs(docs, 100, 30, Ambiguous::Narrow);
    update(&mut s, Action::Filter);
    update(&mut s, Action::Paste("安全".into()));
    update(&mut s, Action::Input('生'));
    update(&mut s, Action::Input('产'));
    let job = s.jobs.filter.as_ref().expect("a filter job");
    assert_eq!(job.query, "安全生产");
    settle(&mut s);
    // Every speech B has 安全生产 in its title; speech A nowhere.
    let shown = rows(&s);
    assert_eq!(
        shown
            .iter()
            .filter(|r| *r == "在全县安全生产工作会议上的讲话")
            .count(),
        1500,
        "{:?}",
        &shown[..4]
    );
    assert!(shown.iter().all(|r| !r.contains("春季")));
}

#[test]
fn n_pressed_while_the_search_runs_is_taken_when_it_ends() {
    let mut s = long_state(20_000);
    update(&mut s, Action::Down);
    update(&mut s, Action::Search);
    update(&mut s, Action::Paste("高质量发展".into()));
    update(&mut s, Action::Submit);
    update(&mut s, Action::SearchNext);
    update(&mut s, Action::SearchNext);
    settle(&mut s);
    let found = s.search.as_ref().unwrap();
    assert_eq!(found.matches.len(), 20_000);
    assert_eq!(found.current, Some(2), "two steps from the first match");
}

/// Whether `what` is in a paragraph shown in the text pane.
fn on_screen(s: &State, what: &str) -> bool {
    let Some(tv) = s.text.as_ref() else {
        return false;
    };
    let h = s.areas().text.height as usize;
    (tv.top..tv.top + h).any(|r| {
        tv.layout
            .para_at(r)
            .is_some_and(|p| s.docs[tv.doc].para_text(p).contains(what))
    })
}
