//! `update`: the only place the state changes.

use super::action::{Action, Batch};
use super::jobs::{self, FilterJob};
use super::keymap::parse_keys;
use super::nav::{
    keep_sel_visible, keep_subtree_visible, move_cursor, position_item, relayout, scroll_text,
    select,
};
use super::problems;
use super::prompt::Edit;
use super::search;
use super::state::{Focus, Input, InputKind, Pending, State};
use super::tree::NONE;
use crate::lang::tr;
use std::time::Instant;

/// Open depth for a corpus of this many speeches: a few speeches open to their (一)
/// level, a large corpus starts as a list of titles.
fn open_depth_for(total: usize) -> u16 {
    if total <= 50 { 2 } else { 0 }
}

pub fn update(s: &mut State, action: Action) {
    // A message stays until the user does something: documents arriving, a resize or
    // work going on are not the user's answer to it.
    if !matches!(
        action,
        Action::Loaded(_)
            | Action::Resize(..)
            | Action::Work
            | Action::Reloaded(_)
            | Action::Removed(_)
            | Action::Say(_)
            | Action::NearFound(_)
    ) {
        s.message = None;
        s.touched = true;
        // The key after `m` or `'` is a mark's letter or nothing.
        if let Some(p) = s.pending.take() {
            if let Action::MarkKey(c) = action {
                mark_key(s, p, c);
            }
            return;
        }
    }
    if s.help {
        let v = problems::ListView {
            sel: 0,
            top: s.help_top,
        };
        let help_len = super::help::rows(s).len();
        let page = problems::shown(s).min(help_len);
        if let Some(v) = problems::scroll(v, help_len, page, false, &action) {
            s.help_top = v.top;
            return;
        }
        match action {
            Action::Escape | Action::Help | Action::Quit => {
                s.help = false;
                return;
            }
            Action::Toggle => {
                s.help_top = problems::scroll(v, help_len, page, false, &Action::PageDown)
                    .map_or(s.help_top, |v| v.top);
                return;
            }
            _ if action.from_outside() => {}
            _ => return,
        }
    }
    if super::compare::handle(s, &action)
        || super::near::handle(s, &action)
        || problems::handle(s, &action)
        || super::results::handle(s, &action)
    {
        return;
    }
    match action {
        Action::Up => match s.focus {
            Focus::Tree => move_cursor(s, -1),
            Focus::Text => scroll_text(s, -1),
        },
        Action::Down => match s.focus {
            Focus::Tree => move_cursor(s, 1),
            Focus::Text => scroll_text(s, 1),
        },
        Action::PageDown | Action::PageUp | Action::HalfPageDown | Action::HalfPageUp => {
            let a = s.areas();
            let h = match s.focus {
                Focus::Tree => a.tree.height,
                Focus::Text => a.text.height,
            }
            .max(1) as isize;
            let n = match action {
                Action::PageDown => (h - 1).max(1),
                Action::PageUp => -(h - 1).max(1),
                Action::HalfPageDown => (h / 2).max(1),
                _ => -(h / 2).max(1),
            };
            match s.focus {
                Focus::Tree => move_cursor(s, n),
                Focus::Text => scroll_text(s, n),
            }
        }
        Action::First | Action::Last => {
            let last = action == Action::Last;
            match s.focus {
                Focus::Tree => {
                    if let Some(&i) = if last {
                        s.tree.visible.last()
                    } else {
                        s.tree.visible.first()
                    } {
                        select(s, i);
                    }
                }
                Focus::Text => scroll_text(s, if last { isize::MAX / 2 } else { isize::MIN / 2 }),
            }
        }
        Action::Left => {
            if s.focus == Focus::Tree && s.sel != NONE {
                if s.tree.has_children(s.sel) && s.tree.is_expanded(s.sel) {
                    s.tree.set_expanded(s.sel, false);
                    keep_sel_visible(s);
                } else {
                    let p = s.tree.items[s.sel as usize].parent;
                    if p != NONE {
                        select(s, p);
                    }
                }
            }
        }
        Action::Right => {
            if s.focus == Focus::Tree && s.sel != NONE && s.tree.has_children(s.sel) {
                if s.tree.is_expanded(s.sel) {
                    if s.tree.row_of(s.sel + 1).is_some() {
                        select(s, s.sel + 1);
                    }
                } else {
                    s.tree.set_expanded(s.sel, true);
                    keep_sel_visible(s);
                }
            }
        }
        Action::Toggle => {
            if s.sel != NONE && s.tree.has_children(s.sel) {
                let e = s.tree.is_expanded(s.sel);
                s.tree.set_expanded(s.sel, !e);
                keep_subtree_visible(s);
            } else if s.sel != NONE && s.narrow() && s.focus == Focus::Tree {
                // One pane at a time: a leaf has nothing to open but its text.
                s.focus = Focus::Text;
                relayout(s);
            }
        }
        Action::NextHeading | Action::PrevHeading => {
            if let Some(base) = position_item(s) {
                let n = s.tree.items.len() as u32;
                let next = if action == Action::NextHeading {
                    (base + 1 < n).then_some(base + 1)
                } else {
                    base.checked_sub(1)
                };
                if let Some(i) = next {
                    s.tree.reveal(i);
                    select(s, s.tree.nearest_visible(i));
                } else {
                    s.message = Some(
                        if base == 0 {
                            tr("已到开头", "At the start")
                        } else {
                            tr("已到结尾", "At the end")
                        }
                        .into(),
                    );
                }
            }
        }
        Action::NextSibling => {
            if s.sel != NONE {
                let mut i = s.tree.items[s.sel as usize].end;
                let parent = s.tree.items[s.sel as usize].parent;
                while (i as usize) < s.tree.items.len() && s.tree.items[i as usize].parent == parent
                {
                    if s.tree.row_of(i).is_some() {
                        select(s, i);
                        break;
                    }
                    i = s.tree.items[i as usize].end;
                }
            }
        }
        Action::PrevSibling => {
            if s.sel != NONE {
                let parent = s.tree.items[s.sel as usize].parent;
                let mut i = if parent == NONE {
                    let d = s.tree.items[s.sel as usize].doc as usize;
                    if d == 0 { s.sel } else { s.tree.doc_root[0] }
                } else {
                    parent + 1
                };
                let mut found = None;
                while i < s.sel {
                    if s.tree.row_of(i).is_some() {
                        found = Some(i);
                    }
                    i = s.tree.items[i as usize].end;
                }
                if let Some(i) = found {
                    select(s, i);
                }
            }
        }
        Action::Parent => {
            if s.sel != NONE {
                let p = s.tree.items[s.sel as usize].parent;
                if p != NONE {
                    select(s, p);
                }
            }
        }
        Action::Depth(d) => {
            s.tree
                .set_depth(if d == 0 { None } else { Some(u16::from(d) - 1) });
            if s.sel != NONE {
                s.sel = s.tree.nearest_visible(s.sel);
            }
            keep_subtree_visible(s);
        }
        Action::SwitchFocus => {
            s.focus = match s.focus {
                Focus::Tree => Focus::Text,
                Focus::Text => Focus::Tree,
            };
            relayout(s);
        }
        Action::NarrowTree | Action::WidenTree => {
            let w = s.effective_tree_width();
            s.tree_width = if action == Action::WidenTree {
                w.saturating_add(4)
            } else {
                w.saturating_sub(4)
            }
            .clamp(12, s.size.0.saturating_sub(24).max(12));
            relayout(s);
        }
        Action::Search => {
            s.input = Some(Input::new(InputKind::Search, String::new()));
        }
        Action::Filter => {
            if s.saved_expansion.is_none() {
                s.saved_expansion = Some(s.tree.expansion());
            }
            let text = s.filter.clone().unwrap_or_default();
            s.input = Some(Input::new(InputKind::Filter, text));
        }
        Action::SearchAll => super::results::open(s),
        Action::SearchNext => search::step(s, true),
        Action::SearchPrev => search::step(s, false),
        Action::Help => {
            s.help = true;
            s.help_top = 0;
        }
        Action::Escape => {
            if let Some(input) = s.input.take() {
                match input.kind {
                    InputKind::Search => clear_search(s),
                    InputKind::Filter => clear_filter(s),
                    InputKind::SearchAll => {}
                }
            } else if s.filter.is_some() || s.tree.filter_active() || s.jobs.filter.is_some() {
                clear_filter(s);
            } else {
                clear_search(s);
            }
        }
        Action::Quit | Action::Interrupt => {
            // Where the reader stopped, kept for the next run.
            super::memory::remember(s);
            s.quit = true;
        }
        // The event loop suspends; nothing in the state changes.
        Action::Suspend => {}
        Action::Resize(w, h) => {
            s.size = (w, h);
            relayout(s);
            super::compare::resized(s);
        }
        Action::Click(x, y) => super::mouse::click(s, x, y),
        Action::Drag(x, _) => {
            if s.dragging {
                s.tree_width = x.clamp(12, s.size.0.saturating_sub(24).max(12));
                relayout(s);
            }
        }
        Action::Release => s.dragging = false,
        Action::Wheel(x, y, n) => super::mouse::wheel(s, x, y, n),
        Action::Input(c) => {
            if let Some(input) = &mut s.input {
                input.insert(c.encode_utf8(&mut [0; 4]));
                input_changed(s);
            }
        }
        Action::Paste(text) => {
            // One edit, however long: the query is looked for once.
            if let Some(input) = &mut s.input {
                input.paste(&text);
                input_changed(s);
            }
        }
        Action::Edit(e) => {
            if let Some(input) = &mut s.input
                && input.edit(e)
            {
                input_changed(s);
            }
        }
        Action::Work => jobs::work(s, Instant::now() + jobs::SLICE),
        Action::SetMark | Action::JumpMark => {
            let (p, m) = if action == Action::SetMark {
                (
                    Pending::SetMark,
                    tr("标记：按一个字母", "Mark: press a letter").to_string(),
                )
            } else {
                (Pending::JumpMark, super::memory::jump_prompt(s))
            };
            s.pending = Some(p);
            s.message = Some(m);
        }
        // Only right after `m` or `'` (above).
        Action::MarkKey(_) => {}
        Action::CopySection => super::copy::copy_section(s),
        Action::CopyOutline => super::copy::copy_outline(s),
        Action::OpenEditor => super::edit::open_editor(s),
        Action::ToggleTime => {
            s.show_time = !s.show_time;
            s.message = Some(if s.show_time {
                let rate = s.rate;
                crate::tr!(
                    "目录显示讲话时长（每分钟 {rate} 字）",
                    "The tree shows speaking time ({rate} characters a minute)"
                )
            } else {
                tr("目录显示字数", "The tree shows character counts").into()
            });
        }
        Action::Similar => super::near::open(s),
        Action::NearFound(f) => super::near::found(s, *f),
        Action::Problems => {
            s.help = false;
            s.problems = Some(problems::ListView::default());
        }
        Action::Submit => {
            if let Some(input) = s.input.as_ref()
                && input.kind == InputKind::SearchAll
            {
                let query = input.text.trim().to_string();
                s.input = None;
                if !query.is_empty() {
                    super::results::start(s, &query);
                }
            } else if let Some(input) = s.input.take()
                && input.kind == InputKind::Search
            {
                if input.text.is_empty() {
                    clear_search(s);
                } else {
                    // Known already: said now; still being counted: said when it is.
                    s.message = search::not_here(s);
                }
            }
        }
        Action::Loaded(batch) => loaded(s, batch),
        Action::Reloaded(doc) => super::reload::reloaded(s, *doc),
        Action::Removed(path) => super::reload::removed(s, &path),
        Action::Say(text) => s.message = Some(text),
    }
}

/// The letter after `m` or `'`.
fn mark_key(s: &mut State, p: Pending, c: char) {
    if !c.is_ascii_alphabetic() {
        s.message = Some(tr("标记要用字母（a–z、A–Z）", "A mark is a letter (a–z, A–Z)").into());
        return;
    }
    match p {
        Pending::SetMark => super::memory::set_mark(s, c),
        Pending::JumpMark => super::memory::jump_mark(s, c),
    }
}

/// Types a key script (`"jj]<tab><pgdn>"`) into the state, as the terminal would, each
/// key's search or filter done before the next key.
pub fn press(s: &mut State, script: &str) {
    for key in parse_keys(script) {
        if let Some(a) = key_action(s, &key) {
            update(s, a);
            jobs::settle(s);
        }
    }
}

/// The action a named key means in the current state.
pub fn key_action(s: &State, key: &str) -> Option<Action> {
    if key == "<c-c>" {
        return Some(Action::Interrupt);
    }
    if key == "<c-z>" {
        return Some(Action::Suspend);
    }
    if s.pending.is_some() {
        let mut chars = key.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Some(Action::MarkKey(c)),
            _ => Some(Action::Escape),
        };
    }
    if s.input.is_some() {
        return match key {
            "<esc>" => Some(Action::Escape),
            "<enter>" => Some(Action::Submit),
            "<bs>" | "<c-h>" => Some(Action::Edit(Edit::Backspace)),
            "<del>" | "<c-d>" => Some(Action::Edit(Edit::Delete)),
            "<left>" | "<c-b>" => Some(Action::Edit(Edit::Left)),
            "<right>" | "<c-f>" => Some(Action::Edit(Edit::Right)),
            "<home>" | "<c-a>" => Some(Action::Edit(Edit::Home)),
            "<end>" | "<c-e>" => Some(Action::Edit(Edit::End)),
            "<c-w>" => Some(Action::Edit(Edit::DeleteWord)),
            "<c-u>" => Some(Action::Edit(Edit::DeleteToStart)),
            "<space>" => Some(Action::Input(' ')),
            k if k.chars().count() == 1 => k.chars().next().map(Action::Input),
            _ => None,
        };
    }
    s.keymap.lookup(s.focus == Focus::Tree, key).cloned()
}

fn input_changed(s: &mut State) {
    let Some(input) = &s.input else { return };
    let text = input.text.clone();
    match input.kind {
        // Looked for on Enter: every speech is too much to search at each key.
        InputKind::SearchAll => {}
        InputKind::Search => search::set_query(s, &text),
        InputKind::Filter => {
            if text.is_empty() {
                s.jobs.filter = None;
                s.filter = None;
                s.filter_matches = Vec::new();
                s.tree.set_filter(None);
                filter_shown(s);
            } else {
                // Labels are matched between keys (`jobs`); the tree changes when all are.
                s.jobs.filter = Some(FilterJob::new(text, Vec::with_capacity(s.tree.items.len())));
            }
        }
    }
}

/// Every label has been matched against the filter: the tree shows the matches.
pub(super) fn filter_done(s: &mut State, job: FilterJob) {
    let matches = job.matches;
    s.tree
        .set_filter(Some(&|i| matches.get(i as usize) == Some(&true)));
    s.filter = Some(job.query);
    s.filter_hits = matches.iter().filter(|&&m| m).count();
    s.filter_matches = matches;
    filter_shown(s);
}

/// The tree's rows changed with the filter: the selection stays on a shown row.
fn filter_shown(s: &mut State) {
    if s.sel != NONE
        && s.tree.row_of(s.sel).is_none()
        && let Some(&i) = s.tree.visible.first()
    {
        select(s, i);
    }
    keep_sel_visible(s);
}

fn clear_search(s: &mut State) {
    s.search = None;
    s.jobs.find = None;
}

fn clear_filter(s: &mut State) {
    s.jobs.filter = None;
    s.filter = None;
    s.filter_matches = Vec::new();
    s.tree.set_filter(None);
    if let Some(e) = s.saved_expansion.take() {
        s.tree.restore_expansion(e);
    }
    if s.sel != NONE {
        s.tree.reveal(s.sel);
    }
    keep_sel_visible(s);
}

fn loaded(s: &mut State, batch: Batch) {
    if let Some(t) = batch.total {
        s.loading.total = Some(t);
        s.open_depth = open_depth_for(t);
    }
    s.loading.loaded += batch.docs.len() + batch.errors.len();
    s.loading.errors.extend(batch.errors);
    s.loading.done |= batch.done;
    let new = !batch.docs.is_empty();
    let first_new = s.docs.len();
    for doc in batch.docs {
        *s.titles.entry(doc.title.clone()).or_default() += 1;
        s.tree.push_doc(&doc, s.open_depth);
        s.docs.push(std::sync::Arc::new(doc));
    }
    // A filter covers the speeches that arrive after it: their labels are matched on.
    if new
        && s.jobs.filter.is_none()
        && let Some(query) = &s.filter
    {
        s.jobs.filter = Some(FilterJob::new(
            query.clone(),
            std::mem::take(&mut s.filter_matches),
        ));
    }
    if new {
        super::results::more_loaded(s);
    }
    if s.sel == NONE
        && let Some(&i) = s.tree.visible.first()
    {
        select(s, i);
    }
    if new {
        super::memory::restore_last(s, first_new);
    }
    // Near-duplicates are looked for once every speech is here.
    if batch.done && !s.near.known && !s.near.running {
        super::near::find(s);
    }
}
