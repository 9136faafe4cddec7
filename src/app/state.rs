//! The whole application state. Only `update` changes it; `view` reads it.

use super::keymap::KeyMap;
use super::tree::{ItemKind, NONE, Tree};
use crate::corpus::LoadError;
use crate::outline::{Document, Role};
use crate::text::layout::Texts;
use crate::text::{Ambiguous, Layout};
use ratatui::layout::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Search,
    Filter,
    /// `s`: a search across every open speech.
    SearchAll,
}

pub use super::prompt::Input;

/// A search in the text of the speech on screen.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// Document the matches belong to.
    pub doc: usize,
    /// (paragraph, start byte, end byte) in the drawable text, in reading order.
    pub matches: Vec<(u32, u32, u32)>,
    pub current: Option<usize>,
    /// With no match here: how many other speeches have one, once counted.
    pub elsewhere: Option<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Loading {
    pub total: Option<usize>,
    pub loaded: usize,
    pub errors: Vec<LoadError>,
    pub done: bool,
}

/// The speech in the text pane, with its drawable text and rows at the current width.
#[derive(Debug, Clone)]
pub struct TextView {
    pub doc: usize,
    pub texts: Texts,
    pub layout: Layout,
    /// First row on screen.
    pub top: usize,
    /// The passage (paragraph, byte) a re-wrap keeps at the top, with the `top` it was
    /// kept at: while the reader has not scrolled, every resize goes back to the same
    /// passage instead of the start of the row that held it, which drifted back a row a
    /// resize.
    pub anchor: Option<(usize, u32, u32)>,
}

/// Where each part of the screen is, derived from the size and the state alone; `update`
/// uses it for page sizes and mouse hits, `view` for drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// Tree header row (may be empty).
    pub tree_head: Rect,
    pub tree: Rect,
    pub divider: Rect,
    pub text_head: Rect,
    /// The text rows, inside their margins.
    pub text: Rect,
    /// The whole text pane, margins included (for mouse hits).
    pub text_pane: Rect,
    pub status: Rect,
}

pub const NARROW_BELOW: u16 = 60;

/// 40 Chinese characters.
pub const DEFAULT_TEXT_WIDTH: u16 = 80;

pub struct State {
    /// Shared, so that work off the event loop (near-duplicates) reads them as they are.
    pub docs: Vec<std::sync::Arc<Document>>,
    pub tree: Tree,
    /// Selected tree item, or `NONE` before anything is loaded.
    pub sel: u32,
    /// First visible tree row on screen.
    pub tree_top: usize,
    pub text: Option<TextView>,
    pub focus: Focus,
    /// Preferred tree width in columns.
    pub tree_width: u16,
    pub size: (u16, u16),
    pub amb: Ambiguous,
    pub keymap: KeyMap,
    pub help: bool,
    /// First help line shown, when the help is taller than the screen.
    pub help_top: usize,
    /// The problems view, when open (`!`).
    pub problems: Option<super::problems::ListView>,
    pub input: Option<Input>,
    pub search: Option<Search>,
    /// Confirmed filter query, and the expansion to restore when it is cleared.
    pub filter: Option<String>,
    /// Which tree items matched the confirmed filter, so that speeches loaded later are
    /// matched on from where it stopped.
    pub filter_matches: Vec<bool>,
    /// How many items matched it.
    pub filter_hits: usize,
    /// Searches and filters still running, a slice at a time.
    pub jobs: super::jobs::Jobs,
    pub saved_expansion: Option<super::tree::Bitset>,
    pub loading: Loading,
    /// Depth new speeches open to (decided once the number of files is known).
    pub open_depth: u16,
    pub dragging: bool,
    pub message: Option<String>,
    pub quit: bool,
    /// How many speeches have each title: where titles repeat (`在新春团拜会上的致辞`
    /// ×40), the tree shows the file name too.
    pub titles: std::collections::HashMap<String, u32>,
    /// The speeches are the bundled samples (no path was given): their paths exist
    /// nowhere the user can go.
    pub samples: bool,
    /// The palette the view draws with (dark, light, or attributes only).
    pub theme: crate::view::theme::Styles,
    /// Widest text line in columns, centred in a wider pane (0: no limit). Lines of
    /// more than about 40 Chinese characters are hard to read.
    pub max_text_width: u16,
    /// Near-duplicates of the open speeches, and the `=` list.
    pub near: super::near::Near,
    /// The side-by-side comparison, when open: it takes the whole screen.
    pub compare: Option<super::compare::Compare>,
    /// The last search across speeches (`s`), shown in the tree's place when open.
    pub results: Option<super::results::Results>,
    /// Requests to the event loop (clipboard, editor), done after this update.
    pub effects: Vec<super::effect::Effect>,
    /// The tree shows speaking time instead of 字数 (`t`).
    pub show_time: bool,
    /// Speaking rate in 字 a minute.
    pub rate: u32,
    /// Speeches whose file was deleted while open: still shown, marked.
    pub missing: Vec<usize>,
    /// `m` or `'` was pressed: the next key names the mark.
    pub pending: Option<Pending>,
    /// Marks set in this run.
    pub marks: std::collections::BTreeMap<char, super::memory::Mark>,
    /// Marks and positions kept from earlier runs (and this run's positions).
    pub memory: super::memory::Memory,
    /// Whether earlier runs' positions, marks and tree width are used (`--no-restore`).
    pub restore: bool,
    /// Speeches already opened at their remembered position this run.
    pub restored: std::collections::HashSet<usize>,
    /// The reader has pressed a key or clicked: the start position is no longer ours to set.
    pub touched: bool,
    /// The working directory, which relative paths are remembered against.
    pub cwd: std::path::PathBuf,
}

/// What the key after `m` or `'` is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    SetMark,
    JumpMark,
}

/// The usual pace of a prepared speech read aloud, in 字 a minute.
pub const DEFAULT_RATE: u32 = 220;

impl State {
    pub fn new(width: u16, height: u16, amb: Ambiguous) -> Self {
        State {
            docs: Vec::new(),
            tree: Tree::default(),
            sel: NONE,
            tree_top: 0,
            text: None,
            focus: Focus::Tree,
            tree_width: 0,
            size: (width, height),
            amb,
            keymap: KeyMap::defaults(),
            help: false,
            help_top: 0,
            input: None,
            search: None,
            filter: None,
            filter_matches: Vec::new(),
            filter_hits: 0,
            titles: Default::default(),
            samples: false,
            jobs: Default::default(),
            saved_expansion: None,
            loading: Loading::default(),
            open_depth: 2,
            dragging: false,
            message: None,
            quit: false,
            problems: None,
            theme: Default::default(),
            max_text_width: DEFAULT_TEXT_WIDTH,
            results: None,
            near: Default::default(),
            compare: None,
            effects: Vec::new(),
            show_time: false,
            rate: DEFAULT_RATE,
            missing: Vec::new(),
            pending: None,
            marks: Default::default(),
            memory: Default::default(),
            restore: true,
            restored: Default::default(),
            touched: false,
            cwd: std::env::current_dir().unwrap_or_default(),
        }
    }

    /// A state with `docs` loaded and nothing pending, for tests and benches.
    pub fn with_docs(docs: Vec<Document>, width: u16, height: u16, amb: Ambiguous) -> Self {
        let mut s = State::new(width, height, amb);
        let n = docs.len();
        super::update::update(
            &mut s,
            super::action::Action::Loaded(super::action::Batch {
                docs,
                errors: vec![],
                total: Some(n),
                done: true,
            }),
        );
        s
    }

    pub fn narrow(&self) -> bool {
        self.size.0 < NARROW_BELOW
    }

    /// Tree width actually used at the current size.
    pub fn effective_tree_width(&self) -> u16 {
        let w = self.size.0;
        if self.narrow() {
            return w;
        }
        let pref = if self.tree_width == 0 {
            // Two fifths of a wide screen; below 100 columns up to 45% (40 at most), so that
            // titles stay readable at 60–80 columns while the text keeps 30 or more.
            (w * 2 / 5).max((w * 9 / 20).min(40)).clamp(20, 48)
        } else {
            self.tree_width
        };
        pref.clamp(12, w.saturating_sub(24).max(12))
    }

    pub fn areas(&self) -> Areas {
        let (w, h) = self.size;
        let mut a = Areas::default();
        if w == 0 || h == 0 {
            return a;
        }
        let body_h = if h >= 2 { h - 1 } else { h };
        if h >= 2 {
            a.status = Rect::new(0, h - 1, w, 1);
        }
        let head = u16::from(body_h >= 4);
        let (tree_x, tree_w, text_x, text_w) = if self.docs.is_empty() && self.loading.done {
            // Nothing to read: the whole width says why.
            (0, w, 0, 0)
        } else if self.narrow() {
            match self.focus {
                Focus::Tree => (0, w, 0, 0),
                Focus::Text => (0, 0, 0, w),
            }
        } else {
            let tw = self.effective_tree_width();
            a.divider = Rect::new(tw, 0, 1, body_h);
            (0, tw, tw + 1, w - tw - 1)
        };
        a.tree_head = Rect::new(tree_x, 0, tree_w, head.min(body_h));
        a.tree = Rect::new(tree_x, head, tree_w, body_h - head);
        a.text_head = Rect::new(text_x, 0, text_w, head.min(body_h));
        a.text_pane = Rect::new(text_x, head, text_w, body_h - head);
        let margin = if text_w >= 16 { 1 } else { 0 };
        let inner = text_w.saturating_sub(2 * margin);
        let width = self.text_width_in(inner);
        a.text = Rect::new(
            text_x + margin + (inner - width) / 2,
            head,
            width,
            body_h - head,
        );
        a
    }

    /// The text's width in `inner` columns: all of them, up to the limit.
    fn text_width_in(&self, inner: u16) -> u16 {
        match self.max_text_width {
            0 => inner,
            max => inner.min(max),
        }
    }

    /// Width the text is wrapped to.
    pub fn wrap_width(&self) -> usize {
        let a = self.areas();
        if a.text.width > 0 {
            a.text.width as usize
        } else {
            // The text pane is hidden (narrow mode, tree shown): keep its full-screen width.
            let m = if self.size.0 >= 16 { 2 } else { 0 };
            self.text_width_in(self.size.0.saturating_sub(m)).max(1) as usize
        }
    }

    /// Marker and title of tree item `i`.
    pub fn item_label(&self, i: u32) -> (&str, &str) {
        let it = self.tree.items[i as usize];
        let doc = &self.docs[it.doc as usize];
        match it.kind {
            ItemKind::Root => ("", doc.title.as_str()),
            ItemKind::Node(n) => {
                let n = &doc.nodes[n as usize];
                (doc.node_marker(n), doc.node_title(n))
            }
            ItemKind::Closing => ("", "结束语"),
            ItemKind::Appendix => ("", "附件"),
        }
    }

    /// Non-whitespace characters under item `i`.
    pub fn item_chars(&self, i: u32) -> usize {
        let it = self.tree.items[i as usize];
        let doc = &self.docs[it.doc as usize];
        match it.kind {
            ItemKind::Root => doc.chars,
            ItemKind::Node(n) => doc.nodes[n as usize].chars,
            ItemKind::Closing | ItemKind::Appendix => {
                let end = doc.appendix_para().unwrap_or(doc.paragraphs.len());
                let range = match it.kind {
                    ItemKind::Closing => doc.closing_para().unwrap_or(end)..end,
                    _ => end..doc.paragraphs.len(),
                };
                range
                    .map(|p| crate::outline::chars::count_chars(doc.para_text(p)))
                    .sum()
            }
        }
    }

    /// First paragraph of item `i` in its document.
    pub fn item_para(&self, i: u32) -> usize {
        let it = self.tree.items[i as usize];
        let doc = &self.docs[it.doc as usize];
        match it.kind {
            ItemKind::Root => 0,
            ItemKind::Node(n) => doc.nodes[n as usize].para,
            ItemKind::Closing => doc.closing_para().unwrap_or(0),
            ItemKind::Appendix => doc.appendix_para().unwrap_or(0),
        }
    }

    /// The innermost item whose text contains paragraph `para` of document `doc`.
    pub fn item_at_para(&self, doc: usize, para: usize) -> u32 {
        let d = &self.docs[doc];
        if d.appendix_para().is_some_and(|a| para >= a)
            && let Some(a) = self.tree.appendix_item(doc)
        {
            return a;
        }
        if (d
            .paragraphs
            .get(para)
            .is_some_and(|p| p.role == Role::Closing)
            || d.closing_para().is_some_and(|c| para >= c))
            && let Some(c) = self.tree.closing_item(doc)
        {
            return c;
        }
        // Nodes are in reading order: the last node starting at or before `para`.
        let k = d.nodes.partition_point(|n| n.para <= para);
        if k == 0 {
            return self.tree.doc_root[doc];
        }
        // A node whose subtree has ended before `para` is not being read: climb out.
        let mut n = k - 1;
        loop {
            let node = &d.nodes[n];
            let after = d.nodes.get(node.end).map(|x| x.para);
            if after.is_none_or(|p| p > para) {
                return self.tree.node_item(doc, n);
            }
            match node.parent {
                Some(p) if p < n => n = p,
                _ => return self.tree.doc_root[doc],
            }
        }
    }

    /// The exact section at the top of the text pane.
    pub fn reading_item(&self) -> Option<u32> {
        let tv = self.text.as_ref()?;
        let mut para = tv.layout.para_at(tv.top).unwrap_or(0);
        // At the end of a speech the top row can go no further: when the closing (or
        // the appendix) starts in the upper half of the screen, it is what is read.
        let h = self.areas().text.height as usize;
        if tv.top > 0 && tv.top + h == tv.layout.rows.len() {
            let doc = &self.docs[tv.doc];
            let ends = [doc.appendix_para(), doc.closing_para()];
            if let Some(p) = ends.into_iter().flatten().find(|&p| {
                let row = tv
                    .layout
                    .para_row
                    .get(p)
                    .map_or(usize::MAX, |&r| r as usize);
                row > tv.top && row <= tv.top + h / 2
            }) {
                para = p;
            }
        }
        Some(self.item_at_para(tv.doc, para))
    }

    /// The percentage of the speech read (bottom of the screen).
    pub fn percent(&self) -> usize {
        let Some(tv) = &self.text else { return 0 };
        // How far the top has gone of the way it can go: 0% at the start of the
        // speech, 100% when its end is on screen.
        let h = self.areas().text.height as usize;
        let room = tv.layout.rows.len().saturating_sub(h);
        if tv.top >= room {
            100
        } else {
            tv.top * 100 / room
        }
    }

    /// Whether another speech has the same title as speech `doc`.
    pub fn title_repeats(&self, doc: usize) -> bool {
        self.docs
            .get(doc)
            .and_then(|d| self.titles.get(&d.title))
            .is_some_and(|&n| n > 1)
    }

    /// The tree cursor row of the selection.
    pub fn sel_row(&self) -> Option<usize> {
        if self.sel == NONE {
            None
        } else {
            self.tree.row_of(self.sel)
        }
    }
}
