//! The help overlay: every key.

use super::put;
use crate::app::State;
use crate::app::keymap::HELP as LINES;
use crate::text::{str_width, truncate};
use ratatui::buffer::Buffer;

pub fn draw(s: &State, buf: &mut Buffer) {
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
    let inner = super::overlay::frame(s, buf, want_w, want_h, " 帮助 — Esc 关闭 ");
    // Scrolled with j/k when the screen is too short for every line.
    let top = s
        .help_top
        .min(LINES.len().saturating_sub(inner.height as usize));
    super::overlay::scroll_note(s, buf, inner, top, LINES.len());
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
