//! Speeches read again after they changed on disk (an edit with `e`, or another program
//! writing the file), and speeches whose file went away. The reader keeps their place.

use super::jobs::FilterJob;
use super::memory::{find_para, place_of};
use super::nav::{follow_text, keep_sel_visible, select, show_doc};
use super::state::State;
use crate::outline::Document;

/// `doc` is the file at `doc.path` read again: every open speech from that file is
/// replaced by it, at the same line of the text.
pub fn reloaded(s: &mut State, doc: Document) {
    let at: Vec<usize> = (0..s.docs.len())
        .filter(|&d| s.docs[d].path == doc.path)
        .collect();
    for &d in &at {
        replace(s, d, doc.clone());
    }
    if at.is_empty() {
        return;
    }
    s.missing.retain(|d| !at.contains(d));
    let path = crate::text::sanitize(&s.docs[at[0]].path);
    s.message = Some(crate::tr!("已重新读入：{path}", "Read again: {path}"));
    // Matches found in the old text are matched again.
    if let Some(query) = &s.filter {
        s.jobs.filter = Some(FilterJob::new(query.clone(), Vec::new()));
    }
    if let Some(r) = &s.results {
        let (query, open) = (r.query.clone(), r.open);
        let view = r.view;
        super::results::start(s, &query);
        if let Some(r) = &mut s.results {
            r.open = open;
            r.view = view;
        }
    }
    if let Some(p) = &mut s.problems {
        *p = Default::default();
    }
}

/// The file of every speech at `path` is gone: they stay open, marked.
pub fn removed(s: &mut State, path: &str) {
    for d in 0..s.docs.len() {
        if s.docs[d].path == path && !s.missing.contains(&d) {
            s.missing.push(d);
            let path = crate::text::sanitize(&s.docs[d].path);
            s.message = Some(crate::tr!("文件已删除：{path}", "File deleted: {path}"));
        }
    }
}

fn replace(s: &mut State, d: usize, doc: Document) {
    let root = s.tree.doc_root[d];
    let old_end = s.tree.items[root as usize].end;
    // The line being read, to come back to.
    let reading = s
        .text
        .as_ref()
        .filter(|tv| tv.doc == d)
        .map(|tv| tv.layout.para_at(tv.top).unwrap_or(0))
        .map(|para| place_of(s, d, para));
    if let Some(n) = s.titles.get_mut(&s.docs[d].title) {
        *n = n.saturating_sub(1);
    }
    *s.titles.entry(doc.title.clone()).or_default() += 1;
    let delta = s.tree.replace_doc(d, &doc, s.open_depth);
    s.docs[d] = std::sync::Arc::new(doc);
    super::compare::changed(s, d);
    super::near::find(s);
    let sel_in = s.sel != super::tree::NONE && (root..old_end).contains(&s.sel);
    if s.sel != super::tree::NONE && s.sel >= old_end {
        s.sel = (i64::from(s.sel) + delta) as u32;
    }
    if sel_in {
        s.sel = root;
    }
    // Matches found in the old text are not the new text's: looked for again when the
    // speech is on screen (`search::doc_changed`).
    if let Some(sr) = &mut s.search
        && sr.doc == d
    {
        sr.doc = usize::MAX;
        sr.matches.clear();
        sr.current = None;
        if matches!(&s.jobs.find, Some(super::jobs::Find::Search(j)) if j.doc == d) {
            s.jobs.find = None;
        }
    }
    if let Some(place) = reading {
        // Laid out again from the new text, at the paragraph that held the line.
        s.text = None;
        show_doc(s, d);
        let para = find_para(&s.docs[d], &place);
        if let Some(tv) = &mut s.text {
            tv.top = tv.layout.para_row.get(para).map_or(0, |&r| r as usize);
        }
        follow_text(s);
    } else if sel_in {
        select(s, root);
    }
    keep_sel_visible(s);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::press;
    use crate::outline::parse;
    use crate::text::Ambiguous;

    const A: &str = "甲讲话\n同志们：\n一、第一部分\n正文一。\n二、第二部分\n正文二。\n";
    const B: &str = "乙讲话\n同志们：\n一、经济\n正文。\n（一）工业\n正文。\n二、社会\n正文。\n";

    fn state() -> State {
        let docs = vec![
            parse(A, "a.txt", "a", "UTF-8"),
            parse(B, "b.txt", "b", "UTF-8"),
            parse(A, "c.txt", "c", "UTF-8"),
        ];
        State::with_docs(docs, 100, 30, Ambiguous::Narrow)
    }

    fn labels(s: &State) -> Vec<String> {
        (0..s.tree.items.len() as u32)
            .map(|i| {
                let (m, t) = s.item_label(i);
                format!("{m}{t}")
            })
            .collect()
    }

    #[test]
    fn a_speech_read_again_replaces_its_items_and_the_rest_follow() {
        let mut s = state();
        // On the third speech's 二、.
        press(&mut s, "G");
        let before = labels(&s);
        let sel_label = before[s.sel as usize].clone();
        let grown = "乙讲话\n同志们：\n一、经济\n正文。\n（一）工业\n正文。\n（二）农业\n正文。\n\
            二、社会\n正文。\n三、文化\n正文。\n";
        reloaded(&mut s, parse(grown, "b.txt", "b", "UTF-8"));
        let after = labels(&s);
        assert_eq!(after.len(), before.len() + 2);
        assert!(after.contains(&"三、文化".to_string()));
        // Every parent and subtree end still points inside its own speech.
        for (i, it) in s.tree.items.iter().enumerate() {
            let root = s.tree.doc_root[it.doc as usize];
            assert!(it.end as usize > i && it.end <= s.tree.items[root as usize].end);
            if it.parent != crate::app::tree::NONE {
                assert!(it.parent >= root && (it.parent as usize) < i);
            }
        }
        // The selection is still the same item of the third speech.
        assert_eq!(after[s.sel as usize], sel_label);
        assert_eq!(s.tree.items[s.sel as usize].doc, 2);
        press(&mut s, "gjjjjjjjjjjjjjjjjjjjG");
    }

    #[test]
    fn the_reading_position_keeps_its_line_and_a_shrunk_speech_is_no_panic() {
        let mut s = state();
        // The second speech's 二、社会, read in the text pane.
        press(&mut s, "j");
        while s.item_label(s.sel).1 != "社会" {
            press(&mut s, "j");
        }
        press(&mut s, "<tab>");
        // A paragraph added before it: the reader stays at 二、.
        let edited = "乙讲话\n同志们：\n一、经济\n正文。\n新加的一段。\n（一）工业\n正文。\n二、社会\n正文。\n";
        reloaded(&mut s, parse(edited, "b.txt", "b", "UTF-8"));
        assert_eq!(s.item_label(s.sel), ("二、", "社会"));
        assert_eq!(s.text.as_ref().map(|t| t.doc), Some(1));
        // Emptied to a line: what was read is gone, the speech stays open.
        reloaded(&mut s, parse("乙讲话\n", "b.txt", "b", "UTF-8"));
        assert_eq!(s.tree.items[s.sel as usize].doc, 1);
        press(&mut s, "jjkk<tab>GgG");
    }

    #[test]
    fn a_search_in_a_speech_read_again_is_looked_for_in_its_new_text() {
        let mut s = state();
        press(&mut s, "j");
        while s.tree.items[s.sel as usize].doc != 1 {
            press(&mut s, "j");
        }
        press(&mut s, "<tab>/正文<enter>");
        let before = s.search.as_ref().unwrap().matches.len();
        assert_eq!(before, 3);
        // Fewer and shorter paragraphs: the old matches would point past the text.
        reloaded(
            &mut s,
            parse("乙讲话\n一、经济\n正文。\n", "b.txt", "b", "UTF-8"),
        );
        crate::app::settle(&mut s);
        assert_eq!(s.search.as_ref().unwrap().matches.len(), 1);
        press(&mut s, "nnNN");
        // And it draws.
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
        term.draw(|f| crate::view::view(&s, f)).unwrap();
    }

    #[test]
    fn a_removed_file_is_marked_until_it_comes_back() {
        let mut s = state();
        removed(&mut s, "b.txt");
        assert_eq!(s.missing, [1]);
        assert!(s.message.as_deref().unwrap().contains("b.txt"));
        reloaded(&mut s, parse(B, "b.txt", "b", "UTF-8"));
        assert!(s.missing.is_empty());
    }
}
