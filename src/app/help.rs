//! The help's rows at the current size: each key with its description beside it, wrapped
//! under itself when it is too long, or under the key when the screen is too narrow for
//! both side by side. `update` scrolls by these rows and the view draws them.

use super::keymap::{HELP, Keys};
use super::state::State;
use crate::text::{str_width, wrap};

/// One row of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The key(s), on the first row of their description only.
    pub key: String,
    pub text: &'static str,
    /// Column of `text` inside the box.
    pub x: u16,
    /// A section title.
    pub heading: bool,
}

/// The box's width: every line side by side, as far as the screen allows.
pub fn box_width(s: &State) -> u16 {
    let (key_w, desc_w) = widths(s);
    ((key_w + desc_w + 10) as u16).min(s.size.0)
}

/// Width inside the box (as `view::overlay::frame` leaves it).
fn inner_width(s: &State) -> usize {
    let w = box_width(s);
    w.saturating_sub(4.min(w / 2)) as usize
}

/// The widest key and the widest description.
fn widths(s: &State) -> (usize, usize) {
    entries(s).iter().fold((0, 0), |(k, d), (key, desc)| {
        (k.max(str_width(key, s.amb)), d.max(str_width(desc, s.amb)))
    })
}

/// Each help line's keys, as bound now, and what they do; a section title has no keys
/// and is marked by `None`. Lines whose actions are all unbound are left out.
pub fn lines(s: &State) -> Vec<(Option<String>, &'static str)> {
    HELP.iter()
        .filter_map(|(keys, desc)| match keys {
            Keys::Section => Some((None, *desc)),
            k => {
                let shown = s.keymap.help_keys(k);
                (!shown.is_empty()).then_some((Some(shown), *desc))
            }
        })
        .collect()
}

fn entries(s: &State) -> Vec<(String, &'static str)> {
    lines(s)
        .into_iter()
        .map(|(k, d)| (k.unwrap_or_default(), d))
        .collect()
}

pub fn rows(s: &State) -> Vec<Row> {
    let inner = inner_width(s).max(1);
    let (key_w, _) = widths(s);
    let mut out = Vec::new();
    let mut push = |key: &str, text: &'static str, x: usize, heading: bool| {
        let room = inner.saturating_sub(x).max(1);
        for (k, p) in wrap(text, room, 0, s.amb).into_iter().enumerate() {
            out.push(Row {
                key: if k == 0 {
                    key.to_string()
                } else {
                    String::new()
                },
                text: &text[p.start..p.end],
                x: x as u16,
                heading,
            });
        }
    };
    // The descriptions' column: after the widest key when 30 columns are left for them,
    // else after keys of up to 10 columns, longer keys taking a row of their own.
    let key_col = if inner >= 2 + key_w + 2 + 30 {
        key_w
    } else {
        key_w.min(10)
    };
    let x = if inner >= 2 + key_col + 2 + 12 {
        2 + key_col + 2
    } else {
        4
    };
    for (key, desc) in lines(s) {
        match key {
            None => push("", desc, 0, true),
            Some(key) if 2 + str_width(&key, s.amb) + 2 <= x => push(&key, desc, x, false),
            Some(key) => {
                push(&key, "", 2, false);
                push("", desc, x, false);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::lines;
    use crate::app::{Action, State};
    use crate::text::Ambiguous;

    fn keys_of(s: &State, desc: &str) -> Option<String> {
        lines(s)
            .into_iter()
            .find(|(_, d)| *d == desc)
            .and_then(|(k, _)| k)
    }

    #[test]
    fn the_help_shows_the_keys_in_effect() {
        let mut s = State::new(100, 30, Ambiguous::Narrow);
        assert_eq!(keys_of(&s, "上下移动").as_deref(), Some("j/↓ k/↑"));
        assert_eq!(keys_of(&s, "翻半页").as_deref(), Some("Ctrl-d Ctrl-u"));
        assert_eq!(
            keys_of(&s, "目录显示到第几层 / 全部展开").as_deref(),
            Some("1–9 0")
        );
        // Remapped: Alt-q quits, q is unbound; F2 shows two levels.
        s.keymap.global.remove("q");
        s.keymap.global.insert("<a-q>".into(), Action::Quit);
        s.keymap.global.insert("<f2>".into(), Action::Depth(2));
        let quit = keys_of(&s, "退出（Ctrl-C 在任何地方都退出）").unwrap();
        assert!(
            quit.split('/').any(|k| k == "Alt-q") && !quit.split('/').any(|k| k == "q"),
            "{quit}"
        );
        assert_eq!(
            keys_of(&s, "目录显示到第几层 / 全部展开").as_deref(),
            Some("1 2/F2 3 4 5 6 7 8 9 0")
        );
        // An action with no key left has no line.
        s.keymap.global.remove("t");
        assert_eq!(
            keys_of(&s, "目录显示字数 / 讲话时长（按每分钟字数计）"),
            None
        );
    }
}
