//! Mouse: clicks select rows or toggle folds, the wheel scrolls the pane under the
//! pointer, the divider can be dragged.

use super::nav::{keep_sel_visible, relayout, scroll_text, select};
use super::state::{Focus, State};
use ratatui::layout::{Position, Rect};

fn inside(r: Rect, x: u16, y: u16) -> bool {
    r.contains(Position::new(x, y))
}

/// Columns before the fold sign of a tree row at `depth` in a tree `width` columns wide:
/// two a level, but always leaving room for a few title columns.
pub fn fold_col(depth: u16, width: u16) -> u16 {
    depth.saturating_mul(2).min(width.saturating_sub(8) / 2 * 2)
}

pub fn click(s: &mut State, x: u16, y: u16) {
    let a = s.areas();
    if a.divider.width > 0 && inside(a.divider, x, y) {
        s.dragging = true;
        return;
    }
    if inside(a.tree, x, y) {
        if s.focus != Focus::Tree {
            s.focus = Focus::Tree;
            relayout(s);
        }
        // The search results in the tree's place: a click selects a result.
        if let Some(r) = s.results.as_mut().filter(|r| r.open) {
            let row = r.view.top + (y - a.tree.y) as usize;
            if row < r.rows.len() {
                r.view.sel = row;
            }
            return;
        }
        let row = s.tree_top + (y - a.tree.y) as usize;
        let Some(&i) = s.tree.visible.get(row) else {
            return;
        };
        let depth = s.tree.items[i as usize].depth;
        let sign = a.tree.x + fold_col(depth, a.tree.width);
        if (x == sign || x == sign + 1) && s.tree.has_children(i) {
            let e = s.tree.is_expanded(i);
            s.tree.set_expanded(i, !e);
            s.sel = s.tree.nearest_visible(s.sel);
            keep_sel_visible(s);
        } else {
            select(s, i);
        }
    } else if inside(a.text_pane, x, y) && s.focus != Focus::Text {
        s.focus = Focus::Text;
        relayout(s);
    }
}

pub fn wheel(s: &mut State, x: u16, y: u16, n: i16) {
    let a = s.areas();
    if inside(a.tree, x, y)
        && let Some(r) = s.results.as_mut().filter(|r| r.open)
    {
        let max = r.rows.len().saturating_sub(a.tree.height as usize);
        r.view.top = (r.view.top as isize + n as isize).clamp(0, max as isize) as usize;
        r.view.sel = r.view.sel.clamp(
            r.view.top,
            (r.view.top + a.tree.height as usize).saturating_sub(1),
        );
    } else if inside(a.tree, x, y) {
        let max = s.tree.visible.len().saturating_sub(a.tree.height as usize);
        s.tree_top = (s.tree_top as isize + n as isize).clamp(0, max as isize) as usize;
    } else if inside(a.text_pane, x, y) {
        scroll_text(s, n as isize);
    }
}
