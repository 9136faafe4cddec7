//! Moving around: selecting tree items, scrolling the text, keeping the two in step.

use super::search;
use super::state::{Focus, State, TextView};
use super::tree::{ItemKind, NONE};
use crate::lang::tr;
use crate::text::Layout;
use crate::text::layout::Texts;

/// The item the reading position is exactly at, when it lies within the selection.
pub(super) fn position_item(s: &State) -> Option<u32> {
    if s.sel == NONE {
        return None;
    }
    match s.reading_item() {
        Some(r) if s.tree.is_ancestor_or_self(s.sel, r) => Some(r),
        _ => Some(s.sel),
    }
}

pub(super) fn move_cursor(s: &mut State, delta: isize) {
    let Some(row) = s.sel_row() else {
        if let Some(&i) = s.tree.visible.first() {
            select(s, i);
        }
        return;
    };
    let last = s.tree.visible.len().saturating_sub(1) as isize;
    let to = (row as isize).saturating_add(delta).clamp(0, last) as usize;
    if to != row {
        select(s, s.tree.visible[to]);
    }
}

/// Selects item `i` and brings its heading to the top of the text pane.
pub(super) fn select(s: &mut State, i: u32) {
    // A filter can hide an item together with all its ancestors: nothing to select then.
    if i == NONE {
        return;
    }
    s.sel = i;
    keep_sel_visible(s);
    let doc = s.tree.items[i as usize].doc as usize;
    show_doc(s, doc);
    let para = s.item_para(i);
    let root = s.tree.items[i as usize].kind == ItemKind::Root;
    if let Some(tv) = &mut s.text {
        tv.top = if root {
            0
        } else {
            tv.layout.para_row.get(para).map_or(0, |&r| r as usize)
        };
    }
    if root {
        super::memory::restore_on_open(s, doc);
    }
}

/// Puts document `doc` in the text pane (laid out at the current width).
pub(super) fn show_doc(s: &mut State, doc: usize) {
    if s.text.as_ref().is_some_and(|t| t.doc == doc) {
        return;
    }
    // The speech being left: where it was read up to.
    super::memory::remember(s);
    let texts = Texts::new(&s.docs[doc]);
    let layout = Layout::new(&s.docs[doc], &texts, s.wrap_width(), s.amb);
    s.text = Some(TextView {
        doc,
        texts,
        layout,
        top: 0,
        anchor: None,
    });
    search::doc_changed(s);
}

/// Shows paragraph `para` of speech `doc` at the top of the text pane, which gets the
/// keys; the tree selects the section it is in.
pub(super) fn show_para(s: &mut State, doc: usize, para: usize) {
    let item = s.item_at_para(doc, para);
    select(s, s.tree.nearest_visible(item));
    show_doc(s, doc);
    if let Some(tv) = &mut s.text {
        tv.top = tv.layout.para_row.get(para).map_or(0, |&r| r as usize);
    }
    s.focus = Focus::Text;
    follow_text(s);
}

/// Scrolls the text by `delta` rows and moves the selection to the section being read.
pub(super) fn scroll_text(s: &mut State, delta: isize) {
    let h = s.areas().text.height as usize;
    let Some(tv) = &mut s.text else { return };
    let max = tv.layout.rows.len().saturating_sub(h.max(1));
    // A jump may have put the top past `max`; scrolling down from there stays put.
    let max = max.max(if delta > 0 { tv.top } else { 0 });
    let to = (tv.top as isize)
        .saturating_add(delta)
        .clamp(0, max as isize) as usize;
    // Scrolling that cannot go on says why nothing moved.
    if to == tv.top && delta != 0 {
        s.message = Some(at_edge(delta));
        return;
    }
    tv.top = to;
    follow_text(s);
}

/// Selects the section at the reading position, or its nearest visible ancestor.
pub(super) fn follow_text(s: &mut State) {
    if let Some(r) = s.reading_item() {
        s.sel = s.tree.nearest_visible(r);
        keep_sel_visible(s);
    }
}

/// Scrolls the tree so that the selection is on screen.
pub(super) fn keep_sel_visible(s: &mut State) {
    let h = s.areas().tree.height.max(1) as usize;
    let n = s.tree.visible.len();
    if let Some(row) = s.sel_row() {
        if row < s.tree_top {
            s.tree_top = row;
        } else if row >= s.tree_top + h {
            s.tree_top = row + 1 - h;
        }
    }
    s.tree_top = s.tree_top.min(n.saturating_sub(1));
}

/// Scrolls the tree so that the selection and as much of its subtree as fits are on
/// screen: after the tree opens (`0`, a depth), what opened under it shows.
pub(super) fn keep_subtree_visible(s: &mut State) {
    keep_sel_visible(s);
    let h = s.areas().tree.height.max(1) as usize;
    let Some(row) = s.sel_row() else { return };
    let end = s.tree.items[s.sel as usize].end;
    // Rows of the subtree: visible items before `end`, which are in order.
    let last = s
        .tree
        .visible
        .partition_point(|&i| i < end)
        .saturating_sub(1);
    if last >= s.tree_top + h {
        s.tree_top = (last + 1 - h).min(row);
    }
}

/// Re-wraps the text at a new width, keeping the same passage at the top.
pub(super) fn relayout(s: &mut State) {
    if s.size.0 == 0 || s.size.1 == 0 {
        // Nothing is drawn; keep the rows for when the terminal has a size again.
        return;
    }
    let width = s.wrap_width();
    let amb = s.amb;
    if let Some(tv) = &mut s.text
        && tv.layout.width != width
    {
        let passage = match (tv.anchor, tv.layout.rows.get(tv.top)) {
            (Some((top, para, byte)), _) if top == tv.top => Some((para, byte)),
            (_, Some(r)) if !r.is_blank() => Some((r.para, r.start)),
            (_, Some(_)) => tv.layout.para_at(tv.top).map(|p| (p as u32, 0)),
            (_, None) => None,
        };
        let doc = &s.docs[tv.doc];
        tv.layout = Layout::new(doc, &tv.texts, width, amb);
        tv.top = passage.map_or(0, |(p, b)| tv.layout.row_of(p as usize, b as usize));
        tv.anchor = passage.map(|(p, b)| (tv.top, p, b));
    }
    keep_sel_visible(s);
}

/// What scrolling that cannot go on says: at the end, or at the start.
pub(super) fn at_edge(delta: isize) -> String {
    if delta > 0 {
        tr("已到结尾", "At the end")
    } else {
        tr("已到开头", "At the start")
    }
    .into()
}

#[cfg(test)]
mod tests {
    use crate::app::{State, press};
    use crate::outline::parse;
    use crate::text::Ambiguous;

    /// Two speeches; a filter on 安全 hides the second one entirely.
    fn filtered() -> State {
        let a = "讲话甲\n同志们：\n一、安全生产\n正文同志。\n二、安全检查\n正文。\n";
        let b = "讲话乙\n同志们：\n一、经济发展\n正文同志。\n";
        let docs = vec![
            parse(a, "a.txt", "a", "UTF-8"),
            parse(b, "b.txt", "b", "UTF-8"),
        ];
        let mut s = State::with_docs(docs, 100, 30, Ambiguous::Narrow);
        press(&mut s, "f安全<enter>");
        assert!(s.tree.filter_active());
        s
    }

    // Found by tests/resize_storm.rs: `n` selected the nearest visible ancestor of the
    // next speech, which the filter hid: no item at all, and `select` indexed with NONE.
    #[test]
    fn search_continues_into_a_speech_the_filter_hides() {
        let mut s = filtered();
        press(&mut s, "/同志<enter>nn");
        // The text goes on to the match in the hidden speech.
        assert_eq!(s.text.as_ref().map(|t| t.doc), Some(1));
        press(&mut s, "nnnNNNN");
    }

    #[test]
    fn next_heading_into_a_speech_the_filter_hides() {
        let mut s = filtered();
        press(&mut s, "G]]]");
        press(&mut s, "g[[[");
    }
}
