//! Near-duplicates in the browser: found off the event loop once every speech is loaded
//! (and again after a speech is re-read), shown as a sign on the tree row and a count
//! on the status line; `=` lists the current speech's with their containment, and Enter
//! opens the side-by-side comparison.

use super::action::Action;
use super::effect::Effect;
use super::problems::{ListView, scroll, shown, subject};
use super::state::State;
use crate::similar::Neighbour;
use std::collections::HashMap;

/// The smallest share (of either speech, in %) that makes two speeches near-duplicates,
/// as `gangmu similar`'s default.
pub const MIN_PERCENT: f64 = 30.0;
/// Passages in more speeches than this are set phrases (`gangmu similar --common`).
pub const COMMON: usize = 100;

/// What is known of near-duplicates.
#[derive(Debug, Clone, Default)]
pub struct Near {
    /// Each speech's near-duplicates, the most similar first; absent when none.
    pub of: HashMap<usize, Vec<Neighbour>>,
    /// A search is running; `stale`: the speeches changed since it started.
    pub running: bool,
    pub stale: bool,
    /// A search has finished at least once.
    pub known: bool,
    /// The `=` list, when open: for which speech, and where its cursor is.
    pub list: Option<(usize, ListView)>,
}

/// The answer of a search started by `Effect::FindNear`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Found(pub HashMap<usize, Vec<Neighbour>>);

impl Near {
    /// How many near-duplicates speech `doc` has.
    pub fn count(&self, doc: usize) -> usize {
        self.of.get(&doc).map_or(0, Vec::len)
    }
}

/// Asks the event loop to look for near-duplicates among the open speeches, unless a
/// search is running already (then it runs again when that one ends).
pub fn find(s: &mut State) {
    if s.near.running {
        s.near.stale = true;
        return;
    }
    s.near.running = true;
    s.near.stale = false;
    s.effects.push(Effect::FindNear(s.docs.clone()));
}

/// A search's answer.
pub fn found(s: &mut State, f: Found) {
    s.near.of = f.0;
    s.near.known = true;
    s.near.running = false;
    if s.near.stale {
        find(s);
    }
}

/// `=`: the list of the current speech's near-duplicates.
pub fn open(s: &mut State) {
    match subject(s) {
        Some(d) => {
            s.help = false;
            s.problems = None;
            s.near.list = Some((d, ListView::default()));
        }
        None => s.message = Some(crate::lang::tr("没有打开的讲话", "No speech is open").into()),
    }
}

/// One row of the `=` list.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// A line that says something (still searching, none found).
    Note(String),
    Speech(Neighbour),
}

/// The list's rows, computed from the state (the view only reads them).
pub fn rows(s: &State, doc: usize) -> Vec<Row> {
    match s.near.of.get(&doc) {
        Some(list) => list.iter().copied().map(Row::Speech).collect(),
        None if !s.near.known => vec![Row::Note(
            crate::lang::tr(
                "正在比对全部讲话，找到后列在这里……",
                "Comparing all speeches; those found are listed here…",
            )
            .into(),
        )],
        None => vec![Row::Note(crate::tr!(
            "没有与本篇相似的讲话（共有文字占任一篇的 {MIN_PERCENT:.0}% 以上才算）",
            "No speech like this one (shared text must be over {MIN_PERCENT:.0}% of either)"
        ))],
    }
}

/// Keys while the list is open; true when the key was its.
pub(super) fn handle(s: &mut State, a: &Action) -> bool {
    let Some((doc, v)) = s.near.list else {
        return false;
    };
    let list = rows(s, doc);
    if let Some(v) = scroll(v, list.len(), shown(s), true, a) {
        s.near.list = Some((doc, v));
        return true;
    }
    match a {
        Action::Escape | Action::Similar | Action::Quit => s.near.list = None,
        Action::Toggle => {
            if let Some(Row::Speech(n)) = list.get(v.sel) {
                super::compare::open(s, doc, n.doc);
            }
        }
        // The loop's own events and the help go through; other keys do nothing while
        // it is open.
        Action::Help => return false,
        a if a.from_outside() => return false,
        _ => {}
    }
    true
}
