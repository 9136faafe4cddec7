//! The help's rows at the current size: each key with its description beside it, wrapped
//! under itself when it is too long, or under the key when the screen is too narrow for
//! both side by side. `update` scrolls by these rows and the view draws them.

use super::keymap::HELP;
use super::state::State;
use crate::text::{str_width, wrap};

/// One row of the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// The key(s), on the first row of their description only.
    pub key: &'static str,
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
    HELP.iter().fold((0, 0), |(k, d), (key, desc)| {
        (k.max(str_width(key, s.amb)), d.max(str_width(desc, s.amb)))
    })
}

pub fn rows(s: &State) -> Vec<Row> {
    let inner = inner_width(s).max(1);
    let (key_w, _) = widths(s);
    let mut out = Vec::new();
    let mut push = |key: &'static str, text: &'static str, x: usize, heading: bool| {
        let room = inner.saturating_sub(x).max(1);
        for (k, p) in wrap(text, room, 0, s.amb).into_iter().enumerate() {
            out.push(Row {
                key: if k == 0 { key } else { "" },
                text: &text[p.start..p.end],
                x: x as u16,
                heading,
            });
        }
    };
    // The descriptions' column: after the widest key, or, on a narrow screen, after
    // keys of up to 10 columns, longer keys taking a row of their own above theirs.
    let key_col = if inner >= 2 + key_w + 2 + 20 {
        key_w
    } else {
        key_w.min(10)
    };
    let x = if inner >= 2 + key_col + 2 + 12 {
        2 + key_col + 2
    } else {
        4
    };
    for &(key, desc) in HELP {
        if key.is_empty() {
            push("", desc, 0, true);
        } else if 2 + str_width(key, s.amb) + 2 <= x {
            push(key, desc, x, false);
        } else {
            push(key, "", 2, false);
            push("", desc, x, false);
        }
    }
    out
}
