//! The problems view (`!`): what the parser noticed about the speech being read (its
//! warnings, the lines it removed as junk, a repaired layout, the encoding) and every file
//! that could not be read, with the reason. Enter on a line of the speech goes there.
//! Also the sign that marks a speech with warnings in the tree.

use super::action::Action;
use super::nav::show_para;
use super::state::State;
use crate::lang::tr;
use crate::text::sanitize;

/// One row of the problems view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub text: String,
    /// A section title rather than an entry.
    pub heading: bool,
    /// The speech and line Enter goes to.
    pub target: Option<(usize, usize)>,
    /// How many bytes at the start of `text` are a path, which the view shortens from
    /// the left (folders first) so that the file name and what follows it stay.
    pub path_len: usize,
}

fn heading(text: String) -> Row {
    Row {
        text,
        heading: true,
        target: None,
        path_len: 0,
    }
}

fn entry(text: String, target: Option<(usize, usize)>) -> Row {
    Row {
        text,
        heading: false,
        target,
        path_len: 0,
    }
}

/// An entry that starts with a path.
fn path_entry(path: &str, rest: String) -> Row {
    let path = sanitize(path);
    Row {
        path_len: path.len(),
        ..entry(format!("{path}{rest}"), None)
    }
}

/// The speech the view is about: the one on screen, else the selected one.
pub fn subject(s: &State) -> Option<usize> {
    s.text
        .as_ref()
        .map(|tv| tv.doc)
        .or_else(|| s.tree.items.get(s.sel as usize).map(|it| it.doc as usize))
}

/// Every row of the view, computed from the state (the view only reads them).
pub fn rows(s: &State) -> Vec<Row> {
    let mut out = Vec::new();
    if let Some(d) = subject(s) {
        let doc = &s.docs[d];
        let title = sanitize(&doc.title);
        out.push(heading(crate::tr!("本篇：{title}", "This speech: {title}")));
        let (enc, n) = (doc.encoding, doc.chars);
        out.push(path_entry(
            &doc.path,
            crate::tr!("（{enc}，{n} 字）", " ({enc}, {n} characters)"),
        ));
        if doc.warnings.is_empty() {
            out.push(entry(tr("没有发现问题", "No problems found").into(), None));
        }
        for w in &doc.warnings {
            let (line, text) = (w.line, sanitize(w.text()));
            out.push(entry(
                crate::tr!("第 {line} 行  {text}", "Line {line}  {text}"),
                Some((d, w.line)),
            ));
        }
        if !doc.removed.is_empty() {
            let n = doc.removed.len();
            out.push(heading(crate::tr!(
                "删除的行（{n} 行，不计入正文）",
                "Lines removed ({n}, not counted in the text)"
            )));
            for r in &doc.removed {
                let clean = sanitize(&r.text);
                let (text, _) = crate::text::truncate(&clean, 40, s.amb);
                let (line, why) = (r.line, r.why.shown());
                out.push(entry(
                    crate::tr!(
                        "第 {line} 行  {text}  — {why}",
                        "Line {line}  {text}  — {why}"
                    ),
                    None,
                ));
            }
        }
    }
    let errors = &s.loading.errors;
    if !errors.is_empty() {
        let n = errors.len();
        out.push(heading(crate::tr!(
            "未读的文件（{n} 个）",
            "Files not read ({n})"
        )));
        for e in errors {
            let message = sanitize(&crate::corpus::reason::shown(&e.message)).into_owned();
            out.push(path_entry(
                &e.path,
                crate::tr!("：{message}", ": {message}"),
            ));
        }
    }
    if out.is_empty() {
        out.push(entry(
            tr(
                "没有讲话，也没有未读的文件",
                "No speeches, and no files not read",
            )
            .into(),
            None,
        ));
    }
    out
}

/// Whether a speech's tree row gets the warning sign.
pub fn has_warnings(s: &State, doc: usize) -> bool {
    s.docs.get(doc).is_some_and(|d| !d.warnings.is_empty())
}

/// Where the reader is in a scrolled overlay list (problems, help).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListView {
    pub sel: usize,
    pub top: usize,
}

/// Rows an overlay shows at once: the screen less its title and bottom rows.
pub fn shown(s: &State) -> usize {
    s.size.1.saturating_sub(2).max(1) as usize
}

/// Moves `top` (and `sel`, for a list with a cursor) for a scrolling key; `None` when
/// the action is not one. Every scrolling key works, as in the panes.
pub fn scroll(v: ListView, len: usize, page: usize, cursor: bool, a: &Action) -> Option<ListView> {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    let step: isize = match a {
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown => page as isize,
        Action::PageUp => -(page as isize),
        Action::HalfPageDown => (page / 2).max(1) as isize,
        Action::HalfPageUp => -((page / 2).max(1) as isize),
        Action::First => isize::MIN / 2,
        Action::Last => isize::MAX / 2,
        _ => return None,
    };
    let max_top = len.saturating_sub(page);
    let mut v = v;
    if cursor {
        v.sel = (v.sel as isize)
            .saturating_add(step)
            .clamp(0, last as isize) as usize;
        if v.sel < v.top {
            v.top = v.sel;
        } else if v.sel >= v.top + page {
            v.top = v.sel + 1 - page;
        }
    } else {
        v.top = (v.top as isize)
            .saturating_add(step)
            .clamp(0, max_top as isize) as usize;
    }
    v.top = v.top.min(max_top);
    Some(v)
}

/// Keys while the problems view is open; true when the key was its.
pub(super) fn handle(s: &mut State, a: &Action) -> bool {
    let Some(v) = s.problems else { return false };
    let list = rows(s);
    if let Some(v) = scroll(v, list.len(), shown(s), true, a) {
        s.problems = Some(v);
        return true;
    }
    match a {
        Action::Escape | Action::Problems | Action::Quit => s.problems = None,
        Action::Toggle => {
            if let Some((doc, line)) = list.get(v.sel).and_then(|r| r.target) {
                go(s, doc, line);
            }
        }
        // The loop's own events go through; other keys do nothing while it is open.
        a if a.from_outside() => return false,
        _ => {}
    }
    true
}

/// Shows line `line` of speech `doc` at the top of the text pane, which gets the keys.
fn go(s: &mut State, doc: usize, line: usize) {
    s.problems = None;
    let d = &s.docs[doc];
    let para = d
        .paragraphs
        .iter()
        .position(|p| p.line >= line)
        .unwrap_or(d.paragraphs.len().saturating_sub(1));
    show_para(s, doc, para);
}
