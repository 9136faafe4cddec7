//! Issue 11: resizing keeps the passage at the top of the text; repeated resizes do not
//! drift back (each used to move to the start of the row holding the passage).

mod common;
use common::*;
use gangmu::app::{Action, State, press, update};
use gangmu::text::Ambiguous;

/// (paragraph, byte) at the start of the top row.
fn top_passage(s: &State) -> (u32, u32) {
    let tv = s.text.as_ref().unwrap();
    let r = tv.layout.rows[tv.top];
    (r.para, r.start)
}

#[test]
fn repeated_resizes_keep_the_passage_at_the_top() {
    let long = SPEECH_A.repeat(6);
    let mut s = State::with_docs(vec![doc(&long, "long")], 100, 30, Ambiguous::Narrow);
    press(&mut s, "<tab>");
    for start_row in [7usize, 13, 25, 40] {
        let tv = s.text.as_mut().unwrap();
        // A row of text, not a blank row between paragraphs.
        tv.top = (start_row..)
            .find(|&r| !tv.layout.rows[r].is_blank())
            .unwrap();
        let before_top = s.text.as_ref().unwrap().top;
        let (para, byte) = top_passage(&s);
        for w in [80, 100, 80, 100, 70, 100, 80, 100] {
            update(&mut s, Action::Resize(w, 30));
            let tv = s.text.as_ref().unwrap();
            // The passage that was at the top is on the top row.
            let r = tv.layout.rows[tv.top];
            let next = tv.layout.rows.get(tv.top + 1);
            assert_eq!(r.para, para, "width {w}");
            assert!(r.start <= byte, "width {w}");
            assert!(
                next.is_none_or(|n| n.para != para || n.start > byte),
                "width {w}: the passage is on a later row"
            );
        }
        assert_eq!(
            s.text.as_ref().unwrap().top,
            before_top,
            "back at 100 columns, the same row is at the top"
        );
        // Scrolling takes a new passage as the one to keep.
        press(&mut s, "j");
        if s.text.as_ref().unwrap().layout.rows[s.text.as_ref().unwrap().top].is_blank() {
            press(&mut s, "j");
        }
        let moved = top_passage(&s);
        update(&mut s, Action::Resize(80, 30));
        update(&mut s, Action::Resize(100, 30));
        assert_eq!(top_passage(&s), moved);
    }
}
