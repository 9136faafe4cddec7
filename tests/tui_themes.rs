//! Issue 11: styles carry meaning without colour (`NO_COLOR`, `--color never`), and a
//! light theme is readable on white. Screens are snapshotted with their styles at the
//! four sizes the issue names; the properties that matter are also asserted.

mod common;
use common::*;
use gangmu::app::{State, press};
use gangmu::view::theme::Theme;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 4] = [(100, 30), (80, 24), (60, 20), (40, 12)];

/// The tree focused on a heading, with a search for 安全 run in the other speech and the
/// cursor back in the tree.
fn scene(w: u16, h: u16, theme: Theme) -> State {
    let mut s = state(w, h);
    s.theme = theme.into();
    press(&mut s, "G<tab>/安全<enter><tab>");
    s
}

#[test]
fn without_colour_every_style_is_an_attribute() {
    for (w, h) in SIZES {
        let s = scene(w, h, Theme::Mono);
        let buf = draw(&s);
        let mut reversed_rows = 0;
        for y in 0..h {
            let mut rev = false;
            for x in 0..w {
                let st = buf[(x, y)].style();
                assert!(
                    st.fg.is_none_or(|c| c == Color::Reset)
                        && st.bg.is_none_or(|c| c == Color::Reset),
                    "{w}×{h}: a colour at ({x},{y})"
                );
                rev |= st.add_modifier.contains(Modifier::REVERSED);
            }
            reversed_rows += rev as usize;
        }
        // The selected row, the focused header and the status line (and, two panes wide,
        // the current match) are in reverse video.
        assert!(reversed_rows >= 3, "{w}×{h}: {reversed_rows}");
        insta::assert_snapshot!(format!("mono_{w}x{h}"), styled(&s));
    }
}

#[test]
fn without_colour_the_focus_and_matches_show() {
    let mut s = scene(100, 30, Theme::Mono);
    let a = s.areas();
    let buf = draw(&s);
    let tree_head = buf[(a.tree_head.x, a.tree_head.y)].style().add_modifier;
    let text_head = buf[(a.text_head.x + 1, a.text_head.y)].style().add_modifier;
    assert!(tree_head.contains(Modifier::BOLD | Modifier::REVERSED));
    assert!(!text_head.contains(Modifier::BOLD));
    // Matches other than the current one are underlined.
    press(&mut s, "<tab>");
    let styles = styled(&s);
    assert!(styles.contains("{under}安全"), "{styles}");
    assert!(styles.contains("{rev bold under}安全"), "{styles}");
}

#[test]
fn the_light_theme_has_no_light_text_on_the_default_background() {
    for (w, h) in SIZES {
        let s = scene(w, h, Theme::Light);
        let buf = draw(&s);
        for y in 0..h {
            for x in 0..w {
                let st = buf[(x, y)].style();
                let light = matches!(
                    st.fg,
                    Some(
                        Color::LightYellow
                            | Color::Yellow
                            | Color::White
                            | Color::Gray
                            | Color::LightCyan
                            | Color::LightGreen
                    )
                );
                let on_default = st.bg.is_none_or(|c| c == Color::Reset);
                assert!(
                    !(light && on_default),
                    "{w}×{h}: light text {:?} at ({x},{y})",
                    st.fg
                );
            }
        }
        insta::assert_snapshot!(format!("light_{w}x{h}"), styled(&s));
    }
}

#[test]
fn the_selected_rows_fold_sign_and_count_stay_visible_when_the_text_has_focus() {
    for theme in [Theme::Dark, Theme::Light, Theme::Mono] {
        let mut s = state(100, 30);
        s.theme = theme.into();
        press(&mut s, "<tab>");
        let a = s.areas();
        let buf = draw(&s);
        let y = a.tree.y + (s.tree.visible.iter().position(|&i| i == s.sel).unwrap() as u16);
        for x in a.tree.x..a.tree.x + a.tree.width {
            let cell = &buf[(x, y)];
            if cell.symbol().trim().is_empty() {
                continue;
            }
            let st = cell.style();
            assert!(
                st.fg.is_none_or(|c| c == Color::Reset) || st.fg != st.bg,
                "{theme:?}: {:?} drawn in its background colour",
                cell.symbol()
            );
            if theme == Theme::Dark {
                assert_ne!(st.fg, Some(Color::DarkGray), "{:?}", cell.symbol());
            }
        }
    }
}
