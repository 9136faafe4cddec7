//! The browser in English (`--lang en`, or a locale that is not Chinese): whole screens
//! at the sizes checked by eye, and every small size for panics, since the English
//! labels are wider than the Chinese. The language is pinned on the test's own thread.

mod common;
use common::*;
use gangmu::app::{State, press};
use gangmu::lang::{Lang, pin};

fn at(w: u16, h: u16) -> State {
    pin(Lang::En);
    state(w, h)
}

#[test]
fn english_100x30() {
    let mut s = at(100, 30);
    insta::assert_snapshot!(screen(&s));
    press(&mut s, "?");
    insta::assert_snapshot!("english_100x30_help", screen(&s));
}

#[test]
fn english_40x12() {
    let mut s = at(40, 12);
    press(&mut s, "jj");
    insta::assert_snapshot!(screen(&s));
    press(&mut s, "?");
    insta::assert_snapshot!("english_40x12_help", screen(&s));
}

#[test]
fn english_prompts_and_messages() {
    let mut s = at(80, 14);
    press(&mut s, "f安全");
    let filter = screen(&s);
    assert!(filter.contains("Filter: 安全"), "{filter}");
    press(&mut s, "<esc><esc>t");
    assert_eq!(
        s.message.as_deref(),
        Some("The tree shows speaking time (220 characters a minute)")
    );
    press(&mut s, "m1");
    assert_eq!(s.message.as_deref(), Some("A mark is a letter (a–z, A–Z)"));
    press(&mut s, "!");
    let problems = screen(&s);
    assert!(problems.contains("Problems"), "{problems}");
    assert!(!problems.contains("问题 —"), "{problems}");
}

#[test]
fn every_small_size_draws_without_panic_in_english() {
    let scripts = ["", "]]<tab>", "?", "/项", "f安", "!", "s项目<enter>", "t"];
    for w in 0..=64u16 {
        for h in 0..=14u16 {
            for script in scripts {
                let mut s = at(w, h);
                press(&mut s, script);
                draw(&s);
            }
        }
    }
}

#[test]
fn no_chinese_label_is_left_in_the_english_help() {
    let mut s = at(200, 60);
    press(&mut s, "?");
    for (_, desc) in gangmu::app::help::lines(&s) {
        // Chinese in a line of the English help is a quotation, never the words around it.
        let han = desc
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c));
        assert_eq!(han.count(), 0, "{desc}");
    }
}
