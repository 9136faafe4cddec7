//! The problems view (`!`): rows from `app::problems`, one selected.

use super::put;
use crate::app::State;
use crate::app::problems::rows;
use crate::text::{fit_path, str_width, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn draw(s: &State, buf: &mut Buffer) {
    let Some(v) = s.problems else { return };
    let list = rows(s);
    let want_w = list
        .iter()
        .map(|r| str_width(&r.text, s.amb))
        .max()
        .unwrap_or(0)
        .clamp(30, 100) as u16
        + 6;
    let want_h = list.len() as u16 + 2;
    let title = crate::lang::tr(
        " 问题 — Enter 跳到该行 — Esc 关闭 ",
        " Problems — Enter goes to the line — Esc closes ",
    );
    let inner = super::overlay::frame(
        s,
        buf,
        want_w.max(str_width(title, s.amb) as u16 + 4),
        want_h,
        title,
    );
    let top = v.top.min(list.len().saturating_sub(inner.height as usize));
    super::overlay::scroll_note(s, buf, inner, top, list.len());
    for (k, row) in list
        .iter()
        .enumerate()
        .skip(top)
        .take(inner.height as usize)
    {
        let y = inner.y + (k - top) as u16;
        let style = if k == v.sel {
            s.theme.sel_focused()
        } else if row.heading {
            s.theme.help_key()
        } else {
            s.theme.help()
        };
        if k == v.sel {
            super::fill(buf, Rect::new(inner.x, y, inner.width, 1), style);
        }
        let indent = if row.heading { 0 } else { 2 };
        let x = inner.x + indent.min(inner.width);
        let room = (inner.right() - x) as usize;
        let text = if row.path_len > 0 {
            // The path gives way first, folders before the file name.
            let (path, rest) = row.text.split_at(row.path_len);
            let keep = room.saturating_sub(str_width(rest, s.amb)).max(12);
            format!("{}{rest}", fit_path(path, keep, s.amb))
        } else {
            row.text.clone()
        };
        let (t, _) = truncate(&text, room, s.amb);
        put(buf, x, y, inner.right() - x, &t, s.amb, |_| style);
    }
}
