//! The results of a search across speeches (`s`), drawn in the tree's place: each
//! speech with its number of hits, and under it each hit as its section and the text
//! around the match, highlighted.

use super::{fill, header, put};
use crate::app::State;
use crate::app::results::{Row, header as title};
use crate::app::state::{Areas, Focus};
use crate::search::{Landmarks, breadcrumb};
use crate::text::{sanitize, str_width, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Characters kept before the match when the text around it is cut.
const LEAD_CHARS: usize = 6;

pub fn draw(s: &State, a: &Areas, buf: &mut Buffer) {
    let Some(r) = &s.results else { return };
    let focused = s.focus == Focus::Tree;
    header(s, buf, a.tree_head, &sanitize(&title(s)), focused);
    let area = a.tree;
    if area.width == 0 || area.height == 0 {
        return;
    }
    if r.rows.is_empty() {
        let msg = if r.done {
            crate::lang::tr("（没有找到）", "(not found)")
        } else {
            crate::lang::tr("搜索中…", "Searching…")
        };
        put(buf, area.x, area.y, area.width, msg, s.amb, |_| {
            s.theme.base()
        });
        return;
    }
    let top = r.view.top.min(r.rows.len().saturating_sub(1));
    for (k, row) in r
        .rows
        .iter()
        .enumerate()
        .skip(top)
        .take(area.height as usize)
    {
        let y = area.y + (k - top) as u16;
        let selected = k == r.view.sel;
        let row_style = match (selected, focused) {
            (false, _) => ratatui::style::Style::default(),
            (true, true) => s.theme.sel_focused(),
            (true, false) => s.theme.sel_unfocused(),
        };
        if selected {
            fill(buf, Rect::new(area.x, y, area.width, 1), row_style);
        }
        match *row {
            Row::Speech { doc, hits } => {
                let count = crate::tr!("{hits} 处", "{hits}×");
                let cw = str_width(&count, s.amb) as u16;
                let room = area.width.saturating_sub(cw + 1);
                let t = sanitize(&s.docs[doc].title);
                let (t, _) = truncate(&t, room as usize, s.amb);
                put(buf, area.x, y, room, &t, s.amb, |_| {
                    s.theme.root().patch(row_style)
                });
                if cw < area.width {
                    put(buf, area.right() - cw, y, cw, &count, s.amb, |_| {
                        s.theme.count().patch(row_style)
                    });
                }
            }
            Row::Hit(i) => draw_hit(s, &r.hits[i], area, y, row_style, buf),
        }
    }
}

/// `  （一）抓项目  …要把优化营商环境作为…`: the hit's section, then its text from a
/// little before the match, the match highlighted.
fn draw_hit(
    s: &State,
    f: &crate::app::results::Found,
    area: Rect,
    y: u16,
    row_style: ratatui::style::Style,
    buf: &mut Buffer,
) {
    let doc = &s.docs[f.doc];
    let crumbs = breadcrumb(&**doc, Landmarks::of(doc), f.hit.para);
    let section = crumbs
        .last()
        .filter(|_| crumbs.len() > 1)
        .map(|c| sanitize(&crate::outline::label(&c.marker, &c.title)).into_owned())
        .unwrap_or_else(|| crate::lang::tr("（开头）", "(opening)").to_string());
    let x0 = area.x + 2.min(area.width);
    let room = area.right().saturating_sub(x0) as usize;
    let sec_room = (room / 3).clamp(4, 24);
    let (sec, _) = truncate(&section, sec_room.min(room), s.amb);
    let mut x = x0;
    x += put(buf, x, y, room as u16, &sec, s.amb, |_| {
        s.theme.context().patch(row_style)
    });
    x = (x + 2).min(area.right());
    let text = doc.para_text(f.hit.para);
    let (first, _) = f.hit.ranges.first().copied().unwrap_or((0, 0));
    let start = text[..first]
        .char_indices()
        .rev()
        .nth(LEAD_CHARS.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let shown = if start > 0 {
        format!("…{}", &text[start..])
    } else {
        text.to_string()
    };
    let offset = |b: usize| (b + start).saturating_sub(if start > 0 { "…".len() } else { 0 });
    let left = area.right().saturating_sub(x) as usize;
    let clean = sanitize(&shown);
    // Escaped control characters change byte offsets: highlight only a clean text.
    let same = clean.len() == shown.len();
    let (t, _) = truncate(&clean, left, s.amb);
    let hit = row_style.patch(s.theme.matched());
    put(buf, x, y, left as u16, &t, s.amb, |b| {
        let b = offset(b);
        if same
            && (start == 0 || b >= start)
            && f.hit.ranges.iter().any(|&(a, z)| (a..z).contains(&b))
        {
            hit
        } else {
            s.theme.base().patch(row_style)
        }
    });
}
