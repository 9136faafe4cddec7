//! The help overlay: every key, rows from `app::help`.

use super::put;
use crate::app::State;
use crate::app::help::{box_width, rows};
use crate::text::truncate;
use ratatui::buffer::Buffer;

pub fn draw(s: &State, buf: &mut Buffer) {
    let lines = rows(s);
    let want_h = lines.len() as u16 + 2;
    let inner = super::overlay::frame(
        s,
        buf,
        box_width(s),
        want_h,
        crate::lang::tr(" 帮助 — Esc 关闭 ", " Help — Esc closes "),
    );
    // Scrolled with every scrolling key when the screen is too short for every line.
    let top = s
        .help_top
        .min(lines.len().saturating_sub(inner.height as usize));
    super::overlay::scroll_note(s, buf, inner, top, lines.len());
    for (k, row) in lines
        .iter()
        .skip(top)
        .take(inner.height as usize)
        .enumerate()
    {
        let y = inner.y + k as u16;
        let kx = inner.x + 2.min(inner.width);
        if !row.key.is_empty() {
            let (t, _) = truncate(&row.key, (inner.right() - kx) as usize, s.amb);
            put(buf, kx, y, inner.right() - kx, &t, s.amb, |_| {
                s.theme.help_key()
            });
        }
        let x = inner.x + row.x.min(inner.width);
        let style = if row.heading {
            s.theme.help_key()
        } else {
            s.theme.help()
        };
        let (t, _) = truncate(row.text, (inner.right() - x) as usize, s.amb);
        put(buf, x, y, inner.right() - x, &t, s.amb, |_| style);
    }
}
