//! The `=` list: the speech's near-duplicates with how much each holds of the other.

use super::put;
use crate::app::State;
use crate::app::near::{Row, rows};
use crate::text::{sanitize, str_width, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn draw(s: &State, buf: &mut Buffer) {
    let Some((doc, v)) = s.near.list else { return };
    let list = rows(s, doc);
    let title = crate::lang::tr(
        " 相似的讲话 — Enter 并排对照 — Esc 关闭 ",
        " Similar speeches — Enter compares side by side — Esc closes ",
    );
    let t = sanitize(&s.docs[doc].title);
    let about = crate::tr!(
        "与《{t}》：本篇有百分之几见于该篇 · 该篇有百分之几见于本篇",
        "Like 《{t}》: how much of this one is in it · of it in this one"
    );
    let lines: Vec<(String, String)> = list
        .iter()
        .map(|r| match r {
            Row::Note(t) => (t.clone(), String::new()),
            Row::Speech(n) => {
                let d = &s.docs[n.doc];
                let file = crate::app::jobs::file_name(&d.path);
                (
                    sanitize(&format!("{} · {file}", d.title)).into_owned(),
                    format!("{:>3.0}% · {:>3.0}%", n.mine_in_it, n.its_in_mine),
                )
            }
        })
        .collect();
    let want_w = lines
        .iter()
        .map(|(l, r)| str_width(l, s.amb) + str_width(r, s.amb) + 4)
        .chain([str_width(&about, s.amb), str_width(title, s.amb)])
        .max()
        .unwrap_or(0)
        .clamp(30, 100) as u16
        + 6;
    let inner = super::overlay::frame(s, buf, want_w, lines.len() as u16 + 3, title);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let (t, _) = truncate(&about, inner.width as usize, s.amb);
    put(buf, inner.x, inner.y, inner.width, &t, s.amb, |_| {
        s.theme.help_key()
    });
    let rows_r = Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1);
    let top = v
        .top
        .min(lines.len().saturating_sub(rows_r.height as usize));
    super::overlay::scroll_note(s, buf, rows_r, top, lines.len());
    for (k, (left, right)) in lines
        .iter()
        .enumerate()
        .skip(top)
        .take(rows_r.height as usize)
    {
        let y = rows_r.y + (k - top) as u16;
        let style = if k == v.sel {
            s.theme.sel_focused()
        } else {
            s.theme.help()
        };
        if k == v.sel {
            super::fill(buf, Rect::new(rows_r.x, y, rows_r.width, 1), style);
        }
        let rw = str_width(right, s.amb) as u16;
        // The percentages stay; the title gives way.
        let show_right = rw + 10 <= rows_r.width;
        let room = if show_right {
            rows_r.width - rw - 2
        } else {
            rows_r.width
        };
        let (t, _) = truncate(left, room as usize, s.amb);
        put(buf, rows_r.x, y, room, &t, s.amb, |_| style);
        if show_right {
            put(buf, rows_r.right() - rw, y, rw, right, s.amb, |_| style);
        }
    }
}
