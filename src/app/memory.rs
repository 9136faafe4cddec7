//! Where the reader was: marks (`m` + letter, `'` + letter) and the last position in each
//! speech, kept between runs (the event loop reads and writes them, `tui::state_file`)
//! and found again in a file that has changed since.

use super::nav::{select, show_doc};
use super::state::State;
use super::tree::ItemKind;
use crate::lang::tr;
use crate::outline::Document;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Positions kept for at most this many files; the oldest go first.
const KEEP: usize = 5000;

/// A place in a speech, described well enough to be found after the file changed: its
/// line, the section it is in, and the start of its paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Place {
    pub line: usize,
    #[serde(default)]
    pub section: String,
    #[serde(default)]
    pub text: String,
    /// The start of the paragraph after it: finds a heading that was reworded.
    #[serde(default)]
    pub next: String,
    /// When it was left, for dropping the oldest (a counter, not a clock).
    #[serde(default)]
    pub seq: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// The file's absolute path.
    pub path: String,
    pub place: Place,
}

/// What is kept between runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Memory {
    /// The speech read last (absolute path).
    pub last: Option<String>,
    /// Last position in each speech, by absolute path.
    pub positions: BTreeMap<String, Place>,
    pub marks: BTreeMap<char, Mark>,
    /// The tree width the reader set (0: never set).
    pub tree_width: u16,
    /// The next `Place::seq`.
    pub seq: u64,
}

impl Memory {
    /// Keeps the newest `KEEP` positions.
    pub fn prune(&mut self) {
        if self.positions.len() <= KEEP {
            return;
        }
        let mut seqs: Vec<u64> = self.positions.values().map(|p| p.seq).collect();
        seqs.sort_unstable();
        let cut = seqs[seqs.len() - KEEP];
        self.positions.retain(|_, p| p.seq >= cut);
    }
}

/// The key speech `doc` is remembered under: its file's absolute path. The bundled
/// samples and standard input have no file to come back to.
pub fn key_of(s: &State, doc: usize) -> Option<String> {
    let path = super::edit::file_of(s, doc)?;
    Some(s.cwd.join(path).display().to_string())
}

/// Paragraph `para` of `doc` as a place.
pub fn place_of(s: &State, doc: usize, para: usize) -> Place {
    let d = &s.docs[doc];
    let item = s.item_at_para(doc, para);
    let section = match s.tree.items[item as usize].kind {
        ItemKind::Root => String::new(),
        _ => {
            let (m, t) = s.item_label(item);
            crate::outline::label(m, t)
        }
    };
    Place {
        line: d.paragraphs.get(para).map_or(1, |p| p.line),
        section,
        text: d.para_text(para).chars().take(24).collect(),
        next: d.para_text(para + 1).chars().take(24).collect(),
        seq: 0,
    }
}

/// The paragraph of `doc` at `place`: the same paragraph nearest its old line; else the
/// same section (a heading with the same words); else the paragraph at the line.
pub fn find_para(doc: &Document, place: &Place) -> usize {
    let near = |ps: &mut dyn Iterator<Item = usize>| {
        ps.min_by_key(|&p| doc.paragraphs[p].line.abs_diff(place.line))
    };
    if !place.text.is_empty()
        && let Some(p) = near(
            &mut (0..doc.paragraphs.len()).filter(|&p| doc.para_text(p).starts_with(&place.text)),
        )
    {
        return p;
    }
    // The paragraph itself reworded (a heading renamed): the one before its neighbour.
    if !place.next.is_empty()
        && let Some(p) = near(
            &mut (1..doc.paragraphs.len()).filter(|&p| doc.para_text(p).starts_with(&place.next)),
        )
    {
        return p - 1;
    }
    if !place.section.is_empty()
        && let Some(p) = near(&mut doc.nodes.iter().filter_map(|n| {
            let label = crate::outline::label(doc.node_marker(n), doc.node_title(n));
            (label == place.section).then_some(n.para)
        }))
    {
        return p;
    }
    doc.paragraphs
        .partition_point(|p| p.line <= place.line)
        .saturating_sub(1)
}

/// The reading position of the speech on screen, remembered.
pub fn remember(s: &mut State) {
    let Some(tv) = &s.text else { return };
    let (doc, para) = (tv.doc, tv.layout.para_at(tv.top).unwrap_or(0));
    let Some(key) = key_of(s, doc) else { return };
    let mut place = place_of(s, doc, para);
    place.seq = s.memory.seq;
    s.memory.seq += 1;
    s.memory.positions.insert(key.clone(), place);
    s.memory.last = Some(key);
}

/// Speech `doc` is opened as a whole (its title selected) for the first time this run:
/// its text starts where the reader left it last time.
pub fn restore_on_open(s: &mut State, doc: usize) {
    if !s.restore || !s.restored.insert(doc) {
        return;
    }
    let Some(place) = key_of(s, doc).and_then(|k| s.memory.positions.get(&k).cloned()) else {
        return;
    };
    let para = find_para(&s.docs[doc], &place);
    if let Some(tv) = &mut s.text
        && tv.doc == doc
    {
        tv.top = tv.layout.para_row.get(para).map_or(0, |&r| r as usize);
    }
}

/// At start, before the reader does anything: the speech read last, where it was left.
pub fn restore_last(s: &mut State, from: usize) {
    if !s.restore || s.touched {
        return;
    }
    let Some(last) = s.memory.last.clone() else {
        return;
    };
    let Some(doc) = (from..s.docs.len()).find(|&d| key_of(s, d).as_deref() == Some(last.as_str()))
    else {
        return;
    };
    s.touched = true;
    let Some(place) = s.memory.positions.get(&last).cloned() else {
        return;
    };
    let para = find_para(&s.docs[doc], &place);
    let item = s.item_at_para(doc, para);
    s.tree.reveal(item);
    select(s, s.tree.nearest_visible(item));
    show_doc(s, doc);
    if let Some(tv) = &mut s.text {
        tv.top = tv.layout.para_row.get(para).map_or(0, |&r| r as usize);
    }
    s.restored.insert(doc);
    s.message = Some(tr("回到上次阅读的位置", "Back where you left off").into());
}

/// `m` + letter: a mark at the reading position.
pub fn set_mark(s: &mut State, c: char) {
    let Some(tv) = &s.text else { return };
    let (doc, para) = (tv.doc, tv.layout.para_at(tv.top).unwrap_or(0));
    let Some(path) = key_of(s, doc).or_else(|| Some(s.docs[doc].path.clone())) else {
        return;
    };
    let place = place_of(s, doc, para);
    let at = short(&place);
    s.message = Some(crate::tr!("已设标记 {c}：{at}", "Mark {c} set: {at}"));
    s.marks.insert(c, Mark { path, place });
}

/// `'` + letter: back to the mark, in whichever speech it is.
/// What `'` asks, with the marks there are to go to: `回到标记：a 一、总体要求 · b …`,
/// each by its section (else its words), so the reader need not remember the letters.
pub fn jump_prompt(s: &State) -> String {
    let mut all: std::collections::BTreeMap<char, &Mark> = std::collections::BTreeMap::new();
    if s.restore {
        all.extend(s.memory.marks.iter().map(|(c, m)| (*c, m)));
    }
    all.extend(s.marks.iter().map(|(c, m)| (*c, m)));
    if all.is_empty() {
        return crate::tr!(
            "回到标记：还没有标记（m 加字母设一个）",
            "Go to mark: there are none yet (m and a letter sets one)"
        );
    }
    let list: Vec<String> = all
        .iter()
        .map(|(c, m)| {
            let what = if m.place.section.is_empty() {
                &m.place.text
            } else {
                &m.place.section
            };
            let what: String = what.chars().take(12).collect();
            format!("{c} {}", crate::text::sanitize(&what))
        })
        .collect();
    let list = list.join(" · ");
    crate::tr!("回到标记：{list}", "Go to mark: {list}")
}

pub fn jump_mark(s: &mut State, c: char) {
    let mark = s
        .marks
        .get(&c)
        .or_else(|| s.restore.then(|| s.memory.marks.get(&c)).flatten())
        .cloned();
    let Some(mark) = mark else {
        s.message = Some(crate::tr!("没有标记 {c}", "No mark {c}"));
        return;
    };
    let found = (0..s.docs.len()).find(|&d| {
        key_of(s, d).as_deref() == Some(mark.path.as_str()) || s.docs[d].path == mark.path
    });
    let Some(doc) = found else {
        let path = crate::text::sanitize(&mark.path);
        s.message = Some(crate::tr!(
            "标记 {c} 所在的文件没有打开：{path}",
            "Mark {c} is in a file not open: {path}"
        ));
        return;
    };
    let para = find_para(&s.docs[doc], &mark.place);
    // The keys stay in the pane they were in.
    let focus = s.focus;
    super::nav::show_para(s, doc, para);
    if !s.narrow() {
        s.focus = focus;
    }
    let at = short(&mark.place);
    s.message = Some(crate::tr!("回到标记 {c}：{at}", "Back to mark {c}: {at}"));
}

fn short(p: &Place) -> String {
    if p.section.is_empty() {
        let line = p.line;
        crate::tr!("第 {line} 行", "line {line}")
    } else {
        let mut t: String = p.section.chars().take(16).collect();
        if p.section.chars().nth(16).is_some() {
            t.push('…');
        }
        let line = p.line;
        crate::tr!("第 {line} 行，{t}", "line {line}, {t}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::press;
    use crate::outline::parse;
    use crate::text::Ambiguous;

    const A: &str = "甲讲话\n同志们：\n一、第一部分\n正文一。\n二、第二部分\n这一部分的正文。\n";
    const B: &str = "乙讲话\n同志们：\n一、经济\n经济正文。\n二、社会\n社会正文。\n";

    fn state() -> State {
        let docs = vec![
            parse(A, "a.txt", "a", "UTF-8"),
            parse(B, "b.txt", "b", "UTF-8"),
        ];
        State::with_docs(docs, 100, 30, Ambiguous::Narrow)
    }

    #[test]
    fn a_place_is_found_again_after_the_file_changed() {
        let s = state();
        // 二、第二部分 of the first speech.
        let place = place_of(&s, 0, 4);
        assert_eq!((place.line, place.section.as_str()), (5, "二、第二部分"));
        // Lines added above: found by its words, not its old line.
        let moved = parse(
            "甲讲话\n同志们：\n新的一段。\n又一段。\n一、第一部分\n正文一。\n二、第二部分\n这一部分的正文。\n",
            "a.txt",
            "a",
            "UTF-8",
        );
        assert_eq!(moved.paragraphs[find_para(&moved, &place)].line, 7);
        // The paragraph itself rewritten: the same section still is.
        let mut p = place_of(&s, 0, 5);
        p.text = "已经改写的一段".into();
        assert_eq!(moved.paragraphs[find_para(&moved, &p)].line, 7);
        // A heading renamed, with lines added above it: found by the paragraph after it.
        let renamed = parse(
            "甲讲话\n同志们：\n新的一段。\n一、第一部分\n正文一。\n二、改过的标题\n这一部分的正文。\n",
            "a.txt",
            "a",
            "UTF-8",
        );
        assert_eq!(renamed.paragraphs[find_para(&renamed, &place)].line, 6);
        // Neither there: the paragraph at the line.
        let gone = Place {
            line: 6,
            section: "三、不存在".into(),
            text: "不存在".into(),
            ..Place::default()
        };
        assert_eq!(moved.paragraphs[find_para(&moved, &gone)].line, 6);
    }

    #[test]
    fn marks_go_across_speeches_and_want_a_letter() {
        let mut s = state();
        press(&mut s, "jj<tab>ma");
        assert!(s.message.as_deref().unwrap().contains("标记 a"));
        // To the second speech, then back by the mark.
        press(&mut s, "<tab>G'");
        // `'` lists the marks there are, by their section.
        let asked = s.message.clone().unwrap();
        assert!(asked.contains("a 二、第二部分"), "{asked}");
        press(&mut s, "<esc>");
        assert_eq!(s.text.as_ref().unwrap().doc, 1);
        press(&mut s, "'a");
        assert_eq!(s.text.as_ref().unwrap().doc, 0);
        assert_eq!(s.item_label(s.sel), ("二、", "第二部分"));
        // A key that is not a letter sets nothing; an unknown mark is said.
        press(&mut s, "m1");
        assert!(s.message.as_deref().unwrap().contains("字母"));
        assert!(!s.marks.contains_key(&'1'));
        press(&mut s, "'z");
        assert_eq!(s.message.as_deref(), Some("没有标记 z"));
        // Esc after m: nothing pending, the next key is a key again.
        press(&mut s, "m<esc>j");
        assert!(s.pending.is_none());
    }

    #[test]
    fn only_the_newest_positions_are_kept() {
        let mut m = Memory::default();
        for i in 0..KEEP as u64 + 10 {
            let place = Place {
                seq: i,
                ..Place::default()
            };
            m.positions.insert(format!("/f{i}"), place);
        }
        m.prune();
        assert_eq!(m.positions.len(), KEEP);
        assert!(!m.positions.contains_key("/f0") && m.positions.contains_key("/f5009"));
    }
}
