//! The text pane: the visible slice of the speech's cached rows.

use super::{header, put};
use crate::app::state::Areas;
use crate::app::{Focus, State};
use crate::outline::{Document, Kind, Role};
use crate::text::layout::Texts;
use ratatui::buffer::Buffer;
use ratatui::style::Style;

pub fn draw(s: &State, a: &Areas, buf: &mut Buffer) {
    let Some(tv) = &s.text else { return };
    let doc = &s.docs[tv.doc];
    let path = crate::text::sanitize(&doc.path);
    let label = if s.samples {
        let name = crate::app::jobs::file_name(&path);
        crate::tr!(" 内置示例 · {name}", " Sample · {name}")
    } else {
        // The file name always shows; the folders are cut first, from the left.
        let room = (a.text_head.width as usize).saturating_sub(1);
        format!(" {}", crate::text::fit_path(&path, room, s.amb))
    };
    header(s, buf, a.text_head, &label, s.focus == Focus::Text);
    let r = a.text;
    if r.width == 0 || r.height == 0 {
        return;
    }
    let search = s.search.as_ref().filter(|x| x.doc == tv.doc);
    let rows = tv.layout.rows.iter().skip(tv.top).take(r.height as usize);
    // Inline points of the paragraph being drawn, computed once per paragraph.
    let mut inline_of: Option<usize> = None;
    let mut inline: Vec<(usize, usize)> = vec![];
    for (k, row) in rows.enumerate() {
        if row.is_blank() {
            continue;
        }
        let y = r.y + k as u16;
        let p = row.para as usize;
        let text = tv.texts.get(doc, p);
        let plain = ParaStyle::of(s, doc, &tv.texts, p);
        // Matches in this paragraph, as (start, end, is_current).
        let marks: Vec<(usize, usize, bool)> = search
            .map(|sr| {
                let from = sr.matches.partition_point(|m| m.0 < row.para);
                sr.matches[from..]
                    .iter()
                    .enumerate()
                    .take_while(|(_, m)| m.0 == row.para && m.1 < row.end)
                    .filter(|(_, m)| m.2 > row.start)
                    .map(|(j, m)| (m.1 as usize, m.2 as usize, sr.current == Some(from + j)))
                    .collect()
            })
            .unwrap_or_default();
        // Enumeration words inside the paragraph (…：一是…；二是…) stand out a little. Their
        // offsets are in the text as written, so only where sanitizing changed nothing.
        if inline_of != Some(p) {
            inline_of = Some(p);
            inline = if text.len() == doc.para_text(p).len() {
                doc.inline_points(p)
                    .iter()
                    .map(|ip| (ip.offset, ip.offset + ip.marker.len()))
                    .collect()
            } else {
                vec![]
            };
        }
        put_row(buf, r, y, row, text, s.amb, |b| {
            let mut st: Style = plain.at(b);
            if inline.iter().any(|&(a, e)| b >= a && b < e) {
                st = st.add_modifier(ratatui::style::Modifier::BOLD);
            }
            for &(ms, me, cur) in &marks {
                if b >= ms && b < me {
                    st = if cur {
                        s.theme.current_match()
                    } else {
                        s.theme.matched()
                    };
                }
            }
            st
        });
    }
    // Past the end of the speech (a short last section brought to the top), the empty
    // rows below say that nothing more follows.
    let after = tv.layout.rows.len().saturating_sub(tv.top);
    if after + 2 <= r.height as usize {
        let cue = crate::lang::tr("（全文完）", "(end of speech)");
        let w = crate::text::str_width(cue, s.amb) as u16;
        let x = r.x + r.width.saturating_sub(w) / 2;
        let y = r.y + after as u16 + 1;
        put(buf, x, y, r.width, cue, s.amb, |_| s.theme.count());
    }
}

/// Draws the part of `text` that `row` holds at row `y` of `r`, after its indent,
/// styling each byte by its offset in the whole `text`.
pub(super) fn put_row(
    buf: &mut Buffer,
    r: ratatui::layout::Rect,
    y: u16,
    row: &crate::text::layout::Row,
    text: &str,
    amb: crate::text::Ambiguous,
    style_at: impl Fn(usize) -> Style,
) {
    let start = row.start as usize;
    let end = (row.end as usize).min(text.len());
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let indent = row.indent.min(r.width);
    put(buf, r.x + indent, y, r.width - indent, slice, amb, |i| {
        style_at(start + i)
    });
}

/// How a paragraph's drawable text is styled before any marks: its heading part (the
/// first `lead` bytes) as the heading, the rest by the paragraph's role.
pub(super) struct ParaStyle {
    lead: usize,
    head: Option<Style>,
    body: Style,
}

impl ParaStyle {
    pub(super) fn of(s: &State, doc: &Document, texts: &Texts, p: usize) -> ParaStyle {
        let para = &doc.paragraphs[p];
        ParaStyle {
            lead: if para.node.is_some() {
                texts.lead(doc, p)
            } else {
                0
            },
            head: para
                .node
                .and_then(|n| doc.nodes.get(n))
                .map(|n| s.theme.heading(n.level, n.kind == Kind::Point)),
            body: match para.role {
                Role::Title => s.theme.title(),
                Role::Subtitle => s.theme.subtitle(),
                Role::Meta => s.theme.meta(),
                _ => s.theme.base(),
            },
        }
    }

    /// The style of byte `b`.
    pub(super) fn at(&self, b: usize) -> Style {
        match self.head {
            Some(h) if b < self.lead => h,
            _ => self.body,
        }
    }
}
