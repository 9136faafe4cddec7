//! Terminal events to key names and actions.

use crate::app::Action;
use crossterm::event::{Event, KeyEvent, KeyEventKind, MouseButton, MouseEventKind};

pub enum Input {
    Key(String),
    Actions(Vec<Action>),
    Resize(u16, u16),
    None,
}

/// The vim-style name of a key (`j`, `<c-d>`, `<a-q>`, `<pgdn>`), as used by the keymap.
pub fn key_name(k: &KeyEvent) -> Option<String> {
    super::keyname::name(k.code, k.modifiers)
}

pub fn translate(ev: Event) -> Input {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            key_name(&k).map_or(Input::None, Input::Key)
        }
        Event::Mouse(m) => {
            let (x, y) = (m.column, m.row);
            let a = match m.kind {
                MouseEventKind::Down(MouseButton::Left) => Action::Click(x, y),
                MouseEventKind::Drag(MouseButton::Left) => Action::Drag(x, y),
                MouseEventKind::Up(MouseButton::Left) => Action::Release,
                MouseEventKind::ScrollDown => Action::Wheel(x, y, 3),
                MouseEventKind::ScrollUp => Action::Wheel(x, y, -3),
                _ => return Input::None,
            };
            Input::Actions(vec![a])
        }
        // Bracketed paste: one edit, not a key per character.
        Event::Paste(text) => Input::Actions(vec![Action::Paste(text)]),
        Event::Resize(w, h) => Input::Resize(w, h),
        _ => Input::None,
    }
}
