//! Issue 15 in the browser: the sign of a speech with near-duplicates, the count on the
//! status line, the `=` list, and the side-by-side comparison with `]`/`[`.

mod common;

use common::{SPEECH_A, doc, draw, styled};
use gangmu::app::near::Found;
use gangmu::app::{Action, Effect, State, update};
use gangmu::text::Ambiguous;

fn data(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/similar")
        .join(name);
    std::fs::read_to_string(path).expect("test speech")
}

/// The copied speech, the one it copies, and an unrelated one, with the near-duplicates
/// found as the event loop would find them.
fn state(w: u16, h: u16) -> State {
    let docs = vec![
        doc(&data("copy.txt"), "copy"),
        doc(SPEECH_A, "other"),
        doc(&data("base.txt"), "base"),
    ];
    let mut s = State::with_docs(docs, w, h, Ambiguous::Narrow);
    let asked = s
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::FindNear(d) => Some(d.clone()),
            _ => None,
        })
        .next_back()
        .expect("loading ends with a request to look for near-duplicates");
    let found = gangmu::similar::neighbours(&asked, 30.0, 100);
    update(&mut s, Action::NearFound(Box::new(Found(found))));
    s
}

fn screen(s: &State) -> String {
    let buf = draw(s);
    (0..buf.area.height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let sym = buf[(x, y)].symbol();
                line.push_str(sym);
                x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_tree_signs_speeches_with_near_duplicates_and_the_status_counts_them() {
    let mut s = state(100, 30);
    assert_eq!(s.near.count(0), 1);
    assert_eq!(s.near.count(2), 1);
    assert_eq!(s.near.count(1), 0);
    let shown = screen(&s);
    let signed: Vec<&str> = shown.lines().filter(|l| l.contains("≈1")).collect();
    assert_eq!(signed.len(), 2, "{shown}");
    assert!(!shown.lines().any(|l| l.contains("≈") && l.contains("春季")));
    // Reading the copy: the status line says how many speeches it shares text with.
    update(&mut s, Action::SwitchFocus);
    let last = screen(&s).lines().last().unwrap().to_string();
    assert!(last.contains("≈ 1 篇相似"), "{last}");
}

#[test]
fn the_list_gives_containment_both_ways_and_enter_compares_side_by_side() {
    let mut s = state(100, 30);
    update(&mut s, Action::Similar);
    let (doc, _) = s.near.list.expect("the list is open");
    assert_eq!(doc, 0);
    let shown = screen(&s);
    let n = s.near.of[&0][0];
    assert_eq!(n.doc, 2);
    let pct = format!("{:.0}% · {:>3.0}%", n.mine_in_it, n.its_in_mine);
    assert!(shown.contains(&pct), "{pct} not in\n{shown}");
    update(&mut s, Action::Toggle);
    let c = s.compare.as_ref().expect("the comparison is open");
    assert_eq!((c.panes[0].doc, c.panes[1].doc), (0, 2));
    // Both headers give how much of each is in the other, as the list did.
    let shown = screen(&s);
    let head = shown.lines().next().unwrap();
    assert!(
        head.contains(&format!("{:.0}% 见于另一篇", n.mine_in_it)),
        "{head}"
    );
    assert!(
        head.contains(&format!("{:.0}% 见于另一篇", n.its_in_mine)),
        "{head}"
    );
    // The help opens over the comparison and closes back to it.
    update(&mut s, Action::Help);
    assert!(s.help && s.compare.is_some());
    update(&mut s, Action::Escape);
    assert!(!s.help && s.compare.is_some());
    // Esc goes back to the list, then to the tree.
    update(&mut s, Action::Escape);
    assert!(s.compare.is_none() && s.near.list.is_some());
    update(&mut s, Action::Escape);
    assert!(s.near.list.is_none());
}

/// The text of side `k` on the row the sides are matched on (a third down).
fn reading_line(s: &State, k: usize) -> (usize, String) {
    let c = s.compare.as_ref().unwrap();
    let h = gangmu::app::compare::areas(s.size).text[0].height as usize;
    let p = &c.panes[k];
    let row = (p.top + h / 3).min(p.layout.rows.len() - 1);
    let para = p.layout.para_at(row).unwrap();
    (para, s.docs[p.doc].para_text(para).to_string())
}

#[test]
fn differences_are_visited_in_order_and_the_sides_scroll_together() {
    let mut s = state(100, 20);
    update(&mut s, Action::Similar);
    update(&mut s, Action::Toggle);
    let n = s.compare.as_ref().unwrap().align.differences.len();
    assert!(n >= 2, "the copy changes the speech in several places");
    let mut seen = Vec::new();
    for i in 0..n {
        update(&mut s, Action::NextHeading);
        let c = s.compare.as_ref().unwrap();
        assert_eq!(c.current, Some(i));
        let d = c.align.differences[i];
        // The side with the text the other lacks leads, with it on the reading line.
        let lead = c.lead;
        assert_eq!(lead, usize::from(d.only_a == 0));
        let place = if lead == 0 { d.a } else { d.b };
        let p = &c.panes[lead];
        let row = p.layout.row_of(place.0, place.1);
        let h = gangmu::app::compare::areas(s.size).text[0].height as usize;
        if row >= h / 3 {
            assert_eq!(reading_line(&s, lead).0, place.0);
        } else {
            // Near the start the speech cannot scroll that far: it shows from the top.
            assert_eq!(p.top, 0);
        }
        seen.push(d.a);
    }
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    update(&mut s, Action::NextHeading);
    assert_eq!(s.compare.as_ref().unwrap().current, Some(n - 1));
    assert_eq!(s.message.as_deref(), Some("已是最后一处差异"));
    update(&mut s, Action::PrevHeading);
    assert_eq!(s.compare.as_ref().unwrap().current, Some(n - 2));

    // From the top, in shared text, scrolling keeps the same passage on both reading
    // lines.
    update(&mut s, Action::First);
    for _ in 0..3 {
        update(&mut s, Action::Down);
        let (_, left) = reading_line(&s, 0);
        let (_, right) = reading_line(&s, 1);
        let head: String = left.chars().take(6).collect();
        if s.compare.as_ref().unwrap().lead == 0 && right.contains(&head) {
            return;
        }
    }
    panic!("the sides never showed the same passage while scrolling");
}

#[test]
fn shared_text_and_the_current_difference_keep_their_marks_without_colour() {
    let mut s = state(100, 20);
    s.theme = gangmu::view::theme::Theme::Mono.into();
    update(&mut s, Action::Similar);
    update(&mut s, Action::Toggle);
    update(&mut s, Action::NextHeading);
    let out = styled(&s);
    assert!(out.contains("{under}"), "shared text is underlined:\n{out}");
    assert!(
        out.contains("{rev bold}"),
        "the difference is reversed:\n{out}"
    );
}

#[test]
fn a_speech_read_again_closes_its_comparison_and_is_compared_again() {
    let mut s = state(100, 30);
    update(&mut s, Action::Similar);
    update(&mut s, Action::Toggle);
    s.effects.clear();
    let mut changed = doc(&data("base.txt"), "base");
    changed.path = s.docs[2].path.clone();
    update(&mut s, Action::Reloaded(Box::new(changed)));
    assert!(s.compare.is_none());
    assert!(s.effects.iter().any(|e| matches!(e, Effect::FindNear(_))));
    // A second change while that search runs does not start another; it runs again
    // once the first answers.
    s.effects.clear();
    let mut again = doc(&data("base.txt"), "base");
    again.path = s.docs[2].path.clone();
    update(&mut s, Action::Reloaded(Box::new(again)));
    assert!(s.effects.is_empty());
    update(&mut s, Action::NearFound(Box::default()));
    assert!(s.effects.iter().any(|e| matches!(e, Effect::FindNear(_))));
}

#[test]
fn the_comparison_survives_every_terminal_size() {
    let mut s = state(100, 30);
    update(&mut s, Action::Similar);
    update(&mut s, Action::Toggle);
    for (w, h) in [(1, 1), (2, 1), (3, 2), (7, 3), (20, 5), (41, 12), (200, 60)] {
        update(&mut s, Action::Resize(w, h));
        for a in [
            Action::NextHeading,
            Action::Down,
            Action::SwitchFocus,
            Action::Last,
            Action::PrevHeading,
        ] {
            update(&mut s, a);
            let _ = draw(&s);
        }
    }
}

#[test]
fn before_the_search_ends_the_list_says_it_is_running() {
    let docs = vec![doc(&data("copy.txt"), "copy"), doc(SPEECH_A, "other")];
    let mut s = State::with_docs(docs, 80, 24, Ambiguous::Narrow);
    update(&mut s, Action::Similar);
    assert!(screen(&s).contains("正在比对"));
    update(&mut s, Action::NearFound(Box::default()));
    assert!(screen(&s).contains("没有与本篇相似的讲话"));
}
