//! Drawing: `view(&State, &mut Frame)` only reads the state. All text goes through
//! `put`, which measures with the same widths as the layout, so nothing spills.

mod compare;
mod help;
mod near;
mod overlay;
mod problems;
mod results;
mod status;
pub mod text;
pub mod theme;
mod tree;

use crate::app::State;
use crate::text::{Ambiguous, char_width};
use ratatui::Frame;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::num::NonZeroU16;

pub fn view(s: &State, frame: &mut Frame) {
    let a = s.areas();
    let buf = frame.buffer_mut();
    let area = buf.area;
    if area.width == 0 || area.height == 0 {
        return;
    }
    if s.results.as_ref().is_some_and(|r| r.open) {
        results::draw(s, &a, buf);
    } else {
        tree::draw(s, &a, buf);
    }
    if a.divider.width > 0 {
        let (sym, style) = match s.amb {
            Ambiguous::Narrow => ("│", s.theme.divider(s.dragging)),
            Ambiguous::Wide => (" ", s.theme.divider_fill(s.dragging)),
        };
        for y in a.divider.top()..a.divider.bottom() {
            put(buf, a.divider.x, y, 1, sym, s.amb, |_| style);
        }
    }
    text::draw(s, &a, buf);
    if let Some(cursor) = status::draw(s, &a, buf) {
        frame.set_cursor_position(cursor);
    }
    if s.problems.is_some() {
        problems::draw(s, frame.buffer_mut());
    }
    if s.near.list.is_some() {
        near::draw(s, frame.buffer_mut());
    }
    if s.compare.is_some() {
        compare::draw(s, frame.buffer_mut());
    }
    if s.help {
        help::draw(s, frame.buffer_mut());
    }
}

/// A pane's one-row header: `label` on a bar coloured by whether the pane has focus.
pub(crate) fn header(s: &State, buf: &mut Buffer, r: Rect, label: &str, focused: bool) {
    let amb = s.amb;
    if r.height == 0 || r.width == 0 {
        return;
    }
    let style = if focused {
        s.theme.head_focused()
    } else {
        s.theme.head_unfocused()
    };
    fill(buf, r, style);
    // Labels carry typed and pasted text (the filter query): shown, never obeyed.
    let label = crate::text::sanitize(label);
    let (t, _) = crate::text::truncate(&label, r.width as usize, amb);
    put(buf, r.x, r.y, r.width, &t, amb, |_| style);
}

/// Fills `r` with spaces in `style`.
pub(crate) fn fill(buf: &mut Buffer, r: Rect, style: Style) {
    let r = r.intersection(buf.area);
    for y in r.top()..r.bottom() {
        for x in r.left()..r.right() {
            buf[(x, y)].reset();
            buf[(x, y)].set_style(style);
        }
    }
}

/// Writes `s` at (x, y) within `max` columns, one character per cell, styling byte `i` with
/// `style_at(i)`. Stops before a character that would not fit. Returns the columns used.
pub(crate) fn put(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max: u16,
    s: &str,
    amb: Ambiguous,
    style_at: impl Fn(usize) -> Style,
) -> u16 {
    let area = buf.area;
    if y < area.top() || y >= area.bottom() || x >= area.right() {
        return 0;
    }
    let limit = (x as u32 + max as u32).min(area.right() as u32) as u16;
    let mut cx = x;
    // The cell of the last character placed, and the columns laid out for it.
    let mut last: Option<(u16, u16)> = None;
    let mut tmp = [0u8; 4];
    for (i, c) in s.char_indices() {
        let w = char_width(c, amb) as u16;
        if w == 0 {
            // A combining mark joins the character before it; alone it is dropped. Not when
            // it widens that cell (❤ + U+FE0F is an emoji two columns wide): the row was
            // laid out with the narrow width, and the wider cell would cover the next one.
            if let Some((lx, lw)) = last {
                let cell = &mut buf[(lx, y)];
                let sym = format!("{}{}", cell.symbol(), c);
                if unicode_width::UnicodeWidthStr::width(sym.as_str()) <= lw as usize {
                    cell.set_symbol(&sym);
                }
            }
            continue;
        }
        if cx + w > limit {
            break;
        }
        let cell = &mut buf[(cx, y)];
        cell.reset();
        cell.set_symbol(c.encode_utf8(&mut tmp));
        cell.set_style(style_at(i));
        // A character the terminal draws wider than Unicode says (ambiguous in wide mode).
        if w == 2 && unicode_width::UnicodeWidthChar::width(c) == Some(1) {
            cell.diff_option = CellDiffOption::ForcedWidth(NonZeroU16::MIN.saturating_add(1));
        }
        for k in 1..w {
            buf[(cx + k, y)].reset();
            buf[(cx + k, y)].set_style(style_at(i));
        }
        last = Some((cx, w));
        cx += w;
    }
    cx - x
}
