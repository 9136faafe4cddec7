//! The side-by-side comparison of two near-duplicates: both texts wrapped with the same
//! rules, shared text marked, `]`/`[` moving through the differences. One side leads
//! (its header is lit; Tab changes it): scrolling moves it, and the other side follows
//! so that the same passage stands on the reading line, a third of the way down.

use super::action::Action;
use super::state::State;
use crate::lang::tr;
use crate::similar::align::{Alignment, Place};
use crate::text::Layout;
use crate::text::layout::Texts;
use ratatui::layout::Rect;

/// One speech of the two, laid out at its side's width.
#[derive(Debug, Clone)]
pub struct Pane {
    pub doc: usize,
    pub texts: Texts,
    pub layout: Layout,
    pub top: usize,
}

#[derive(Debug, Clone)]
pub struct Compare {
    /// Left (the speech the list was opened for) and right.
    pub panes: [Pane; 2],
    pub align: Alignment,
    /// The side scrolling moves: 0 left, 1 right.
    pub lead: usize,
    /// The difference the reader is at, and its text on each side as (paragraph, start
    /// byte, end byte).
    pub current: Option<usize>,
    pub marked: [Vec<(usize, u32, u32)>; 2],
}

/// Where the comparison draws: each side's header and text, the divider, the status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub head: [Rect; 2],
    pub text: [Rect; 2],
    pub divider: Rect,
    pub status: Rect,
}

/// Columns left of each side's text, for the sign of the current difference.
pub const GUTTER: u16 = 2;

pub fn areas(size: (u16, u16)) -> Areas {
    let (w, h) = size;
    let mut a = Areas::default();
    if w == 0 || h == 0 {
        return a;
    }
    let body = if h >= 2 { h - 1 } else { h };
    if h >= 2 {
        a.status = Rect::new(0, h - 1, w, 1);
    }
    let head = u16::from(body >= 3);
    let left = w.saturating_sub(1) / 2;
    let right_x = (left + 1).min(w);
    let right = w - right_x;
    a.divider = Rect::new(left, 0, u16::from(w > left), body);
    for (k, (x, width)) in [(0, left), (right_x, right)].into_iter().enumerate() {
        a.head[k] = Rect::new(x, 0, width, head);
        // The gutter, and one column before the divider or the edge.
        let g = GUTTER.min(width);
        let tw = width.saturating_sub(g + 1).max(width.min(1));
        a.text[k] = Rect::new(x + g.min(width.saturating_sub(tw)), head, tw, body - head);
    }
    a
}

/// The row the two sides are matched on.
fn reading_row(h: u16) -> usize {
    (h / 3) as usize
}

/// Enter in the `=` list: speech `a` beside speech `b`.
pub fn open(s: &mut State, a: usize, b: usize) {
    let (Some(da), Some(db)) = (s.docs.get(a), s.docs.get(b)) else {
        return;
    };
    let align = Alignment::new(da, db);
    let pane = |d: usize| Pane {
        doc: d,
        texts: Texts::new(&s.docs[d]),
        layout: Layout::default(),
        top: 0,
    };
    let mut c = Compare {
        panes: [pane(a), pane(b)],
        align,
        lead: 0,
        current: None,
        marked: [vec![], vec![]],
    };
    layout(s, &mut c);
    s.compare = Some(c);
    let n = s.compare.as_ref().map_or(0, |c| c.align.differences.len());
    s.message = Some(if n == 0 {
        tr("两篇比对的文字相同", "The two texts are the same").into()
    } else {
        crate::tr!(
            "{n} 处差异：] 下一处，[ 上一处",
            "{n} differences: ] next, [ previous"
        )
    });
}

/// Lays both sides out at the current size; the lead keeps its passage on the reading
/// line.
fn layout(s: &State, c: &mut Compare) {
    let a = areas(s.size);
    let keep = (c.panes[c.lead].layout.width > 0).then(|| place_at(c, c.lead, a.text[0].height));
    for (k, p) in c.panes.iter_mut().enumerate() {
        let w = a.text[k].width.max(1) as usize;
        p.layout = Layout::new(&s.docs[p.doc], &p.texts, w, s.amb);
    }
    if let Some(place) = keep {
        let h = a.text[0].height;
        let lead = &mut c.panes[c.lead];
        let row = lead.layout.row_of(place.0, place.1);
        lead.top = row.saturating_sub(reading_row(h));
    }
    follow(c, a.text[0].height);
}

/// The passage on side `k`'s reading line.
fn place_at(c: &Compare, k: usize, h: u16) -> Place {
    let p = &c.panes[k];
    let row = (p.top + reading_row(h)).min(p.layout.rows.len().saturating_sub(1));
    match (p.layout.rows.get(row), p.layout.para_at(row)) {
        (Some(r), Some(para)) if r.para as usize == para => (para, r.start as usize),
        (_, Some(para)) => (para, 0),
        _ => (usize::MAX, 0),
    }
}

/// The other side follows the lead: the same passage on the reading line.
fn follow(c: &mut Compare, h: u16) {
    let place = place_at(c, c.lead, h);
    let other = 1 - c.lead;
    let there = if c.lead == 0 {
        c.align.b_for(place)
    } else {
        c.align.a_for(place)
    };
    let p = &mut c.panes[other];
    let row = p.layout.row_of(there.0, there.1);
    p.top = row.saturating_sub(reading_row(h)).min(max_top(p, h));
}

/// The lowest top: the last row can come up to the reading line.
fn max_top(p: &Pane, h: u16) -> usize {
    p.layout.rows.len().saturating_sub(reading_row(h) + 1)
}

/// Scrolls the lead by `delta` rows; the other side follows.
fn scroll(s: &mut State, delta: isize) {
    let h = areas(s.size).text[0].height;
    let Some(c) = &mut s.compare else { return };
    let p = &mut c.panes[c.lead];
    let to = (p.top as isize)
        .saturating_add(delta)
        .clamp(0, max_top(p, h) as isize) as usize;
    if to == p.top && delta != 0 {
        s.message = Some(super::nav::at_edge(delta));
        return;
    }
    p.top = to;
    follow(c, h);
}

/// Goes to difference `i`: the side with text the other lacks leads, its start on the
/// reading line.
fn go(s: &mut State, i: usize) {
    let h = areas(s.size).text[0].height;
    let Some(c) = &mut s.compare else { return };
    let Some(d) = c.align.differences.get(i).copied() else {
        return;
    };
    c.lead = if d.only_a > 0 { 0 } else { 1 };
    let (place, p) = if c.lead == 0 {
        (d.a, &mut c.panes[0])
    } else {
        (d.b, &mut c.panes[1])
    };
    p.top = p
        .layout
        .row_of(place.0, place.1)
        .saturating_sub(reading_row(h));
    follow(c, h);
    c.current = Some(i);
    c.marked = [
        c.align.a.spans(d.a_at, d.only_a),
        c.align.b.spans(d.b_at, d.only_b),
    ];
    let what = match (d.only_a, d.only_b) {
        (a, 0) => crate::tr!("只有左篇：{a}字", "left only: {a}字"),
        (0, b) => crate::tr!("只有右篇：{b}字", "right only: {b}字"),
        (a, b) => crate::tr!(
            "左篇 {a}字，右篇 {b}字不同",
            "{a}字 on the left, {b}字 on the right"
        ),
    };
    let (n, k) = (c.align.differences.len(), i + 1);
    s.message = Some(crate::tr!(
        "差异 {k}/{n}：{what}",
        "Difference {k}/{n}: {what}"
    ));
}

/// `]` and `[`: the next or previous difference from the current one, or from the
/// reading line when none is current.
fn step(s: &mut State, forward: bool) {
    let Some(c) = &s.compare else { return };
    let n = c.align.differences.len();
    if n == 0 {
        s.message = Some(tr("两篇比对的文字相同", "The two texts are the same").into());
        return;
    }
    let next = match c.current {
        Some(i) if forward => (i + 1 < n).then_some(i + 1),
        Some(i) => i.checked_sub(1),
        None => {
            // From the top row: a difference already on screen is the next one.
            let p = &c.panes[0];
            let here = match (p.layout.rows.get(p.top), p.layout.para_at(p.top)) {
                (Some(r), Some(para)) if r.para as usize == para => (para, r.start as usize),
                (_, Some(para)) => (para, 0),
                _ => (usize::MAX, 0),
            };
            let after = c.align.differences.partition_point(|d| d.a < here);
            if forward {
                (after < n).then_some(after)
            } else {
                after.checked_sub(1)
            }
        }
    };
    match next {
        Some(i) => go(s, i),
        None => {
            s.message = Some(
                if forward {
                    tr("已是最后一处差异", "That was the last difference")
                } else {
                    tr("已是第一处差异", "That was the first difference")
                }
                .into(),
            );
        }
    }
}

/// Keys while the comparison is open; true when the key was its.
pub(super) fn handle(s: &mut State, a: &Action) -> bool {
    if s.compare.is_none() {
        return false;
    }
    let h = areas(s.size).text[0].height.max(1) as isize;
    match a {
        Action::Down => scroll(s, 1),
        Action::Up => scroll(s, -1),
        Action::PageDown => scroll(s, (h - 1).max(1)),
        Action::PageUp => scroll(s, -(h - 1).max(1)),
        Action::HalfPageDown => scroll(s, (h / 2).max(1)),
        Action::HalfPageUp => scroll(s, -(h / 2).max(1)),
        Action::First => scroll(s, isize::MIN / 2),
        Action::Last => scroll(s, isize::MAX / 2),
        Action::Wheel(_, _, n) => scroll(s, *n as isize),
        Action::NextHeading | Action::NextSibling => step(s, true),
        Action::PrevHeading | Action::PrevSibling => step(s, false),
        Action::SwitchFocus => {
            if let Some(c) = &mut s.compare {
                c.lead = 1 - c.lead;
            }
        }
        Action::Escape | Action::Quit => s.compare = None,
        // Enter: read the leading speech in the text pane, from the reading line.
        Action::Toggle => {
            let Some(c) = s.compare.take() else {
                return true;
            };
            let (para, _) = place_at(&c, c.lead, h as u16);
            let doc = c.panes[c.lead].doc;
            let last = s.docs[doc].paragraphs.len().saturating_sub(1);
            s.near.list = None;
            super::nav::show_para(s, doc, para.min(last));
        }
        // The help opens over the comparison, and closes back to it.
        Action::Resize(..) | Action::Help => return false,
        a if a.from_outside() => return false,
        _ => {}
    }
    true
}

/// After a resize: both sides laid out again.
pub(super) fn resized(s: &mut State) {
    if let Some(mut c) = s.compare.take() {
        layout(s, &mut c);
        s.compare = Some(c);
    }
}

/// A re-read or deleted speech closes a comparison that shows it: its places are gone.
pub(super) fn changed(s: &mut State, doc: usize) {
    if s.compare
        .as_ref()
        .is_some_and(|c| c.panes.iter().any(|p| p.doc == doc))
    {
        s.compare = None;
        s.message = Some(
            tr(
                "比对的讲话已改动，请重新打开对照",
                "A speech compared has changed: open the comparison again",
            )
            .into(),
        );
    }
}
