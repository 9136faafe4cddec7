//! Search across every open speech (`s`): the results view that takes the tree's place.
//! The search runs a slice at a time between keys (`jobs`), speech after speech, and
//! its hits are listed as they are found, grouped by speech. Enter opens a hit in the
//! text pane; Esc goes back to the tree; `s` reopens the last results.

use super::action::Action;
use super::nav::show_para;
use super::problems::{ListView, scroll};
use super::state::{Focus, State};
use crate::search::{Options, Pattern, hits};
use std::time::Instant;

/// One row of the results: a speech's heading, or one of its hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// The speech, and how many hits it has.
    Speech { doc: usize, hits: usize },
    /// A hit: its index in `Results::hits`.
    Hit(usize),
}

/// A hit in an open speech.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub doc: usize,
    pub hit: hits::Hit,
}

/// The last search across speeches, and where the reader is in its list.
#[derive(Debug, Clone)]
pub struct Results {
    pub query: String,
    pub pattern: Pattern,
    pub hits: Vec<Found>,
    pub rows: Vec<Row>,
    pub view: ListView,
    /// Shown in the tree's place.
    pub open: bool,
    /// Speeches looked in so far.
    pub searched: usize,
    pub done: bool,
}

/// The running search: the pattern, and the next speech to look in.
#[derive(Debug, Clone)]
pub struct Job {
    pub pattern: Pattern,
    pub next: usize,
}

/// `s`: reopens the last results, or, in the results, asks for a new query.
pub fn open(s: &mut State) {
    match &mut s.results {
        Some(r) if !r.open => {
            r.open = true;
            s.focus = Focus::Tree;
        }
        _ => {
            let text = s
                .results
                .as_ref()
                .map(|r| r.query.clone())
                .unwrap_or_default();
            s.input = Some(super::state::Input::new(
                super::state::InputKind::SearchAll,
                text,
            ));
        }
    }
}

/// Enter on the query: the search starts, replacing any before it.
pub fn start(s: &mut State, query: &str) {
    let pattern = match Pattern::new(query, Options::default()) {
        Ok(p) => p,
        Err(e) => {
            s.message = Some(crate::tr!("无法搜索：{e}", "Cannot search: {e}"));
            return;
        }
    };
    s.results = Some(Results {
        query: query.to_string(),
        pattern: pattern.clone(),
        hits: Vec::new(),
        rows: Vec::new(),
        view: ListView::default(),
        open: true,
        searched: 0,
        done: false,
    });
    s.jobs.all = Some(Job { pattern, next: 0 });
    s.focus = Focus::Tree;
}

/// Speeches searched between looks at the clock.
const DOCS_PER_LOOK: usize = 16;

/// Searches speeches from where the job got to until `deadline`; true when every
/// speech loaded so far is done (those loaded later start it again, `more_loaded`).
pub fn slice(s: &mut State, job: &mut Job, deadline: Instant) -> bool {
    let Some(r) = s.results.as_mut() else {
        return true;
    };
    while job.next < s.docs.len() {
        let end = (job.next + DOCS_PER_LOOK).min(s.docs.len());
        for d in job.next..end {
            let found = hits::find(&s.docs[d], &job.pattern);
            if !found.is_empty() {
                r.rows.push(Row::Speech {
                    doc: d,
                    hits: found.len(),
                });
                for hit in found {
                    r.rows.push(Row::Hit(r.hits.len()));
                    r.hits.push(Found { doc: d, hit });
                }
            }
        }
        job.next = end;
        r.searched = end;
        if Instant::now() >= deadline {
            return false;
        }
    }
    r.done = s.loading.done;
    true
}

/// Speeches arrived: an unfinished search goes on into them.
pub fn more_loaded(s: &mut State) {
    if let Some(r) = &mut s.results
        && !r.done
        && s.jobs.all.is_none()
    {
        r.done = s.loading.done && r.searched >= s.docs.len();
        if !r.done {
            s.jobs.all = Some(Job {
                pattern: r.pattern.clone(),
                next: r.searched,
            });
        }
    }
}

/// Rows the results show at once.
pub fn shown(s: &State) -> usize {
    s.areas().tree.height.max(1) as usize
}

/// Keys while the results are in the tree's place and it has focus; true when the key
/// was theirs.
pub(super) fn handle(s: &mut State, a: &Action) -> bool {
    let Some(r) = s.results.as_ref().filter(|r| r.open) else {
        return false;
    };
    if s.focus != Focus::Tree || s.input.is_some() {
        return false;
    }
    let (len, view) = (r.rows.len(), r.view);
    if let Some(v) = scroll(view, len, shown(s), true, a) {
        if let Some(r) = &mut s.results {
            r.view = v;
        }
        return true;
    }
    match a {
        // The tree's own moves mean nothing here.
        Action::Left
        | Action::Parent
        | Action::NextHeading
        | Action::PrevHeading
        | Action::NextSibling
        | Action::PrevSibling
        | Action::Depth(_) => true,
        // The filter is the tree's: the results make way for it.
        Action::Filter => {
            if let Some(r) = &mut s.results {
                r.open = false;
            }
            false
        }
        Action::Escape => {
            if let Some(r) = &mut s.results {
                r.open = false;
            }
            true
        }
        Action::Toggle | Action::Right => {
            go(s, view.sel);
            true
        }
        _ => false,
    }
}

/// Shows the hit of row `row` (the first hit of a speech's row) at the top of the text
/// pane, its match highlighted, and gives the text the keys; `n`/`N` go on through the
/// speech's matches of the same form.
pub fn go(s: &mut State, row: usize) {
    let Some(r) = &s.results else { return };
    let k = match r.rows.get(row) {
        Some(Row::Hit(k)) => *k,
        Some(Row::Speech { .. }) => match r.rows.get(row + 1) {
            Some(Row::Hit(k)) => *k,
            _ => return,
        },
        None => return,
    };
    let Some(found) = r.hits.get(k).cloned() else {
        return;
    };
    let (doc, para) = (found.doc, found.hit.para);
    show_para(s, doc, para);
    // The match as the speech writes it (a folded query may differ from it).
    let word = found
        .hit
        .ranges
        .first()
        .and_then(|&(a, b)| s.docs[doc].para_text(para).get(a..b))
        .map(str::to_string);
    if let Some(word) = word {
        super::search::set_query(s, &word);
    }
}

/// What the results' header says: `搜索：营商环境 · 312 处 · 120 篇`, with progress.
pub fn header(s: &State) -> String {
    let Some(r) = &s.results else {
        return String::new();
    };
    let speeches = r
        .rows
        .iter()
        .filter(|row| matches!(row, Row::Speech { .. }))
        .count();
    let (q, n) = (&r.query, r.hits.len());
    let mut h = crate::tr!(
        " 搜索：{q} · {n} 处 · {speeches} 篇",
        " Search: {q} · {n} matches · {speeches} speeches"
    );
    if !r.done {
        let total = s.docs.len().max(1);
        let p = r.searched * 100 / total;
        h.push_str(&crate::tr!(" · 搜索中 {p}%", " · searching {p}%"));
    }
    h
}
