//! The help overlay: every key.

use super::{fill, put};
use crate::app::State;
use crate::app::keymap::HELP as LINES;
use crate::text::{str_width, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn draw(s: &State, buf: &mut Buffer) {
    let area = buf.area;
    let key_w = LINES
        .iter()
        .map(|(k, _)| str_width(k, s.amb))
        .max()
        .unwrap_or(0) as u16;
    let desc_w = LINES
        .iter()
        .map(|(_, d)| str_width(d, s.amb))
        .max()
        .unwrap_or(0) as u16;
    let want_w = key_w + desc_w + 10;
    let want_h = LINES.len() as u16 + 2;
    let w = want_w.min(area.width);
    let h = want_h.min(area.height);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    fill(buf, r, s.theme.help());
    let title = " 帮助 — Esc 关闭 ";
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
    let inner = Rect::new(
        r.x + 2.min(r.width / 4),
        r.y + 1,
        r.width.saturating_sub(4.min(r.width / 2)),
        r.height.saturating_sub(2),
    );
    // Scrolled with j/k when the screen is too short for every line.
    let top = s
        .help_top
        .min(LINES.len().saturating_sub(inner.height as usize));
    for (k, (key, desc)) in LINES
        .iter()
        .skip(top)
        .take(inner.height as usize)
        .enumerate()
    {
        let y = inner.y + k as u16;
        if key.is_empty() {
            let (t, _) = truncate(desc, inner.width as usize, s.amb);
            put(buf, inner.x, y, inner.width, &t, s.amb, |_| {
                s.theme.help_key()
            });
            continue;
        }
        let kx = inner.x + 2.min(inner.width);
        let (t, _) = truncate(key, inner.width.saturating_sub(2) as usize, s.amb);
        put(buf, kx, y, inner.right() - kx, &t, s.amb, |_| {
            s.theme.help_key()
        });
        let dx = kx + key_w + 2;
        if dx < inner.right() {
            let (t, _) = truncate(desc, (inner.right() - dx) as usize, s.amb);
            put(buf, dx, y, inner.right() - dx, &t, s.amb, |_| {
                s.theme.help()
            });
        }
    }
}
