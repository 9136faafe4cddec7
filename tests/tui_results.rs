//! Issue 12 in the browser: `s` searches every open speech; the results take the tree's
//! place, grouped by speech, each hit with its section; Enter opens the speech at the
//! hit with the match highlighted; Esc goes back to the tree; `s` reopens the results.
//! The search runs between keys and follows speeches that are still loading.

mod common;
use common::*;
use gangmu::app::results::Row;
use gangmu::app::{Action, Batch, Focus, State, jobs, press, update};
use gangmu::text::Ambiguous;
use std::time::{Duration, Instant};

fn hit_lines(s: &State) -> Vec<(usize, usize)> {
    let r = s.results.as_ref().expect("results");
    r.hits.iter().map(|f| (f.doc, f.hit.line)).collect()
}

#[test]
fn results_are_grouped_by_speech_and_open_at_the_hit() {
    let mut s = state(100, 30);
    let before = selected(&s);
    press(&mut s, "s安全<enter>");
    let r = s.results.as_ref().expect("results");
    assert!(r.open && r.done);
    // Only the second speech speaks of 安全; its title, then every paragraph with it.
    assert_eq!(r.rows[0], Row::Speech { doc: 1, hits: 8 });
    let lines: Vec<usize> = hit_lines(&s).iter().map(|&(_, l)| l).collect();
    assert_eq!(lines, [1, 3, 4, 5, 6, 7, 8, 9]);
    let screen = screen(&s);
    assert!(screen.contains("搜索：安全 · 8 处 · 1 篇"), "{screen}");
    assert!(
        screen.contains("  （一）道路"),
        "the hit's section: {screen}"
    );
    // The fifth row is the hit on line 5, under 一、.
    press(&mut s, "jjjj<enter>");
    assert_eq!(s.focus, Focus::Text);
    assert!(
        top_text(&s).starts_with("去年全县安全生产形势"),
        "{}",
        top_text(&s)
    );
    let search = s.search.as_ref().expect("the match is highlighted");
    assert_eq!(search.query, "安全");
    assert!(search.current.is_some());
    // n goes on through the speech's matches.
    press(&mut s, "n");
    assert!(top_text(&s).contains("安全"), "{}", top_text(&s));
    // Back to the results, then Esc: the tree as it was.
    press(&mut s, "<tab><esc>");
    assert!(!s.results.as_ref().unwrap().open);
    assert!(!screen_text(&s).contains("搜索：安全"));
    assert_ne!(selected(&s), "", "{before}");
    // `s` reopens the same results where the reader was.
    press(&mut s, "s");
    let r = s.results.as_ref().unwrap();
    assert!(r.open && s.input.is_none());
    assert_eq!(r.view.sel, 4);
    // In the results, `s` asks for a new query, the last one ready to edit.
    press(&mut s, "s");
    assert_eq!(s.input.as_ref().map(|i| i.text.as_str()), Some("安全"));
    press(&mut s, "<c-u>春季<enter>");
    assert_eq!(hit_lines(&s), [(0, 1), (0, 3), (0, 15)]);
}

fn screen_text(s: &State) -> String {
    screen(s)
}

#[test]
fn folding_as_the_command_line_and_nothing_found() {
    let mut s = state(80, 24);
    press(&mut s, "s營商<enter>");
    assert!(s.results.as_ref().unwrap().rows.is_empty());
    assert!(screen(&s).contains("（没有找到）"), "{}", screen(&s));
    press(&mut s, "s<c-u>招商引資<enter>");
    assert_eq!(hit_lines(&s), [(0, 11)]);
    // A bad query says so and keeps what was there.
    press(&mut s, "s<c-u> <enter>");
    assert_eq!(hit_lines(&s), [(0, 11)]);
}

#[test]
fn the_search_runs_between_keys_and_follows_loading() {
    // 2,000 speeches, half of them loaded before the search starts.
    let many: Vec<_> = (0..2000).map(|i| doc(SPEECH_A, &format!("s{i}"))).collect();
    let (first, rest) = many.split_at(1000);
    let mut s = State::new(100, 30, Ambiguous::Narrow);
    update(
        &mut s,
        Action::Loaded(Batch {
            docs: first.to_vec(),
            total: Some(2000),
            ..Batch::default()
        }),
    );
    update(&mut s, Action::SearchAll);
    for c in "项目".chars() {
        update(&mut s, Action::Input(c));
    }
    update(&mut s, Action::Submit);
    // One short slice: some speeches searched, not all; a key is answered meanwhile.
    jobs::work(&mut s, Instant::now() + Duration::from_millis(1));
    let r = s.results.as_ref().unwrap();
    assert!(r.searched > 0 && !r.done, "searched {}", r.searched);
    update(&mut s, Action::Down);
    assert_eq!(s.results.as_ref().unwrap().view.sel, 1);
    jobs::settle(&mut s);
    assert_eq!(s.results.as_ref().unwrap().hits.len(), 1000);
    assert!(
        !s.results.as_ref().unwrap().done,
        "more speeches are coming"
    );
    update(
        &mut s,
        Action::Loaded(Batch {
            docs: rest.to_vec(),
            done: true,
            ..Batch::default()
        }),
    );
    jobs::settle(&mut s);
    let r = s.results.as_ref().unwrap();
    assert_eq!(r.hits.len(), 2000);
    assert!(r.done);
}

#[test]
fn results_at_four_sizes() {
    for (w, h) in [(100, 30), (80, 24), (60, 20), (40, 12)] {
        let mut s = state(w, h);
        press(&mut s, "s安全<enter>j");
        insta::assert_snapshot!(format!("results_{w}x{h}"), styled(&s));
    }
}

#[test]
fn the_mouse_selects_and_scrolls_results() {
    // Six rows of list for nine rows of results.
    let mut s = state(100, 8);
    press(&mut s, "s安全<enter>");
    let a = s.areas();
    assert_eq!(a.tree.height, 6);
    let before = selected(&s);
    // The third row of the list (a hit), not the tree row under it.
    update(&mut s, Action::Click(a.tree.x + 4, a.tree.y + 2));
    assert_eq!(s.results.as_ref().unwrap().view.sel, 2);
    assert_eq!(selected(&s), before, "the hidden tree did not move");
    update(&mut s, Action::Wheel(a.tree.x + 4, a.tree.y + 2, 3));
    let v = s.results.as_ref().unwrap().view;
    assert_eq!(v.top, 3);
    assert!(v.sel >= v.top);
}
