//! The side-by-side comparison: two speeches, shared text marked, the current
//! difference lit and signed in the gutter. Draws over the whole screen.

use super::{fill, header, put};
use crate::app::State;
use crate::app::compare::{Compare, GUTTER, areas};
use crate::text::{Ambiguous, str_width, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

pub fn draw(s: &State, buf: &mut Buffer) {
    let Some(c) = &s.compare else { return };
    let a = areas(s.size);
    fill(buf, buf.area, s.theme.base());
    for k in 0..2 {
        let p = &c.panes[k];
        let doc = &s.docs[p.doc];
        let side = if k == 0 { &c.align.a } else { &c.align.b };
        let file = crate::app::jobs::file_name(&doc.path);
        let lead = if c.lead == k { "▶ " } else { "" };
        let (pct, title) = (format!("{:.0}", side.percent()), &doc.title);
        let label = crate::tr!(
            " {lead}{pct}% 见于另一篇 · {title} · {file}",
            " {lead}{pct}% in the other · {title} · {file}"
        );
        header(s, buf, a.head[k], &label, c.lead == k);
        rows(s, c, k, a.text[k], buf);
    }
    let (sym, style) = match s.amb {
        Ambiguous::Narrow => ("│", s.theme.divider(false)),
        Ambiguous::Wide => (" ", s.theme.divider_fill(false)),
    };
    for y in a.divider.top()..a.divider.bottom() {
        put(buf, a.divider.x, y, a.divider.width, sym, s.amb, |_| style);
    }
    status(s, c, a.status, buf);
}

/// Side `k`'s visible rows.
fn rows(s: &State, c: &Compare, k: usize, r: Rect, buf: &mut Buffer) {
    if r.width == 0 || r.height == 0 {
        return;
    }
    let p = &c.panes[k];
    let doc = &s.docs[p.doc];
    let side = if k == 0 { &c.align.a } else { &c.align.b };
    let marked = &c.marked[k];
    // Where the gutter's sign goes: the start of the current difference on this side.
    let sign_row = c.current.and_then(|i| c.align.differences.get(i)).map(|d| {
        let place = if k == 0 { d.a } else { d.b };
        p.layout.row_of(place.0, place.1)
    });
    for (n, row) in p
        .layout
        .rows
        .iter()
        .enumerate()
        .skip(p.top)
        .take(r.height as usize)
    {
        let y = r.y + (n - p.top) as u16;
        if sign_row == Some(n) {
            let gx = r.x.saturating_sub(GUTTER);
            put(buf, gx, y, GUTTER.min(r.x - gx), "▸", s.amb, |_| {
                s.theme.difference()
            });
        }
        if row.is_blank() {
            continue;
        }
        let para = row.para as usize;
        let text = p.texts.get(doc, para);
        let plain = super::text::ParaStyle::of(s, doc, &p.texts, para);
        // Offsets are in the text as written: marked only where sanitizing changed
        // nothing.
        let exact = text.len() == doc.para_text(para).len();
        let shared = if exact { side.shared(para) } else { &[] };
        let current: Vec<(u32, u32)> = marked
            .iter()
            .filter(|m| exact && m.0 == para)
            .map(|m| (m.1, m.2))
            .collect();
        super::text::put_row(buf, r, y, row, text, s.amb, |at| {
            let b = at as u32;
            let mut st: Style = plain.at(at);
            if shared.iter().any(|&(x, z)| b >= x && b < z) {
                st = st.patch(s.theme.shared());
            }
            if current.iter().any(|&(x, z)| b >= x && b < z) {
                st = s.theme.difference();
            }
            st
        });
    }
}

/// The status line: where the reader is among the differences, and the keys.
fn status(s: &State, c: &Compare, r: Rect, buf: &mut Buffer) {
    if r.width == 0 || r.height == 0 {
        return;
    }
    fill(buf, r, s.theme.status());
    let n = c.align.differences.len();
    let left = match (&s.message, c.current) {
        (Some(m), _) => format!(" {m}"),
        (None, Some(i)) => {
            let k = i + 1;
            crate::tr!(" 对照 · 差异 {k}/{n}", " Compare · difference {k}/{n}")
        }
        (None, None) => crate::tr!(" 对照 · {n} 处差异", " Compare · {n} differences"),
    };
    let hint = crate::lang::tr(
        " ] [ 差异  Tab 换边  Enter 阅读  Esc 返回 ",
        " ] [ differences  Tab side  Enter read  Esc back ",
    );
    let hw = str_width(hint, s.amb) as u16;
    let mut end = r.right();
    if r.width >= hw + 16 {
        end -= hw;
        put(buf, end, r.y, hw, hint, s.amb, |_| s.theme.status_hint());
    }
    let left = crate::text::sanitize(&left).into_owned();
    let (t, _) = truncate(&left, (end - r.x) as usize, s.amb);
    put(buf, r.x, r.y, end - r.x, &t, s.amb, |_| s.theme.status());
}
