//! The box help and the problems view are drawn in: centred, titled, and saying where
//! the reader is when the list is longer than the box.

use super::{fill, put};
use crate::app::State;
use crate::text::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Draws an empty box of about `want_w`×`want_h` with `title`; returns its inner area.
pub fn frame(s: &State, buf: &mut Buffer, want_w: u16, want_h: u16, title: &str) -> Rect {
    let area = buf.area;
    let w = want_w.min(area.width);
    let h = want_h.min(area.height);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    fill(buf, r, s.theme.help());
    let (t, tw) = truncate(title, r.width as usize, s.amb);
    put(
        buf,
        r.x + (r.width - tw as u16) / 2,
        r.y,
        r.width,
        &t,
        s.amb,
        |_| s.theme.help_key(),
    );
    Rect::new(
        r.x + 2.min(r.width / 4),
        r.y + 1,
        r.width.saturating_sub(4.min(r.width / 2)),
        r.height.saturating_sub(2),
    )
}

/// On the box's bottom row: which rows are shown of how many, and how to see the rest.
pub fn scroll_note(s: &State, buf: &mut Buffer, inner: Rect, top: usize, len: usize) {
    let shown = inner.height as usize;
    if len <= shown || inner.width == 0 {
        return;
    }
    let end = (top + shown).min(len);
    let more = if end < len {
        "  ↓ j PgDn G"
    } else {
        "  ↑ k PgUp g"
    };
    let note = format!(" {}–{}/{}{more} ", top + 1, end, len);
    let (t, tw) = truncate(&note, inner.width as usize, s.amb);
    let y = inner.bottom();
    if y < buf.area.bottom() {
        put(
            buf,
            inner.right().saturating_sub(tw as u16),
            y,
            tw as u16,
            &t,
            s.amb,
            |_| s.theme.help_key(),
        );
    }
}
