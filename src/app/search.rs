//! Incremental search in the speech on screen; `n`/`N` continue into the next speech.

use super::nav::{follow_text, select, show_doc};
use super::state::{Search, State};
use crate::text::layout::Texts;

/// Case-folded for matching: ASCII letters lowered (keeps byte offsets).
pub fn fold(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// Whether `query` occurs in the label `marker` + `title`, ASCII case ignored. Allocates
/// only for queries with ASCII letters: filtering runs over every title at each keystroke.
pub fn label_matches(marker: &str, title: &str, query: &str) -> bool {
    if query.bytes().any(|b| b.is_ascii_alphabetic()) {
        let q = fold(query);
        return fold(&format!("{marker}{title}")).contains(&q);
    }
    if title.contains(query) || marker.contains(query) {
        return true;
    }
    // A query across the join: a suffix of the marker, then a prefix of the title.
    query
        .char_indices()
        .skip(1)
        .any(|(k, _)| marker.ends_with(&query[..k]) && title.starts_with(&query[k..]))
}

fn find_all(doc: &crate::outline::Document, texts: &Texts, q: &str) -> Vec<(u32, u32, u32)> {
    let mut out = Vec::new();
    if q.is_empty() {
        return out;
    }
    for i in 0..doc.paragraphs.len() {
        let t = fold(texts.get(doc, i));
        let mut from = 0;
        while let Some(k) = t[from..].find(q) {
            let start = from + k;
            out.push((i as u32, start as u32, (start + q.len()) as u32));
            from = start + q.len();
        }
    }
    out
}

/// The query changed: find its matches and go to the first one at or after the reading
/// position.
pub fn set_query(s: &mut State, query: &str) {
    let Some(tv) = &s.text else { return };
    let q = fold(query);
    let matches = find_all(&s.docs[tv.doc], &tv.texts, &q);
    let here = tv.layout.rows.get(tv.top).map_or((0, 0), |r| {
        if r.is_blank() {
            (tv.layout.para_at(tv.top).unwrap_or(0) as u32, 0)
        } else {
            (r.para, r.start)
        }
    });
    let current = matches
        .iter()
        .position(|&(p, b, _)| (p, b) >= here)
        .or(if matches.is_empty() { None } else { Some(0) });
    s.search = Some(Search {
        query: query.to_string(),
        doc: tv.doc,
        matches,
        current,
    });
    if current.is_none() && !query.is_empty() {
        s.message = Some("没有找到".into());
    }
    reveal_current(s);
}

/// The text pane shows another speech: recompute the matches there.
pub fn doc_changed(s: &mut State) {
    let Some(tv) = &s.text else { return };
    let Some(search) = &mut s.search else { return };
    if search.doc == tv.doc {
        return;
    }
    search.matches = find_all(&s.docs[tv.doc], &tv.texts, &fold(&search.query));
    search.doc = tv.doc;
    search.current = None;
}

/// `n` / `N`: the next or previous match, continuing into the following speeches.
pub fn step(s: &mut State, forward: bool) {
    let Some(search) = &s.search else { return };
    if search.query.is_empty() {
        return;
    }
    let n = search.matches.len();
    let next = match (search.current, forward) {
        (Some(c), true) if c + 1 < n => Some(c + 1),
        (Some(c), false) if c > 0 => Some(c - 1),
        (None, _) if n > 0 => Some(if forward { 0 } else { n - 1 }),
        _ => None,
    };
    if let Some(c) = next {
        if let Some(search) = &mut s.search {
            search.current = Some(c);
        }
        reveal_current(s);
        return;
    }
    // Continue into the next (or previous) speech that has a match, wrapping around.
    let q = fold(&search.query);
    let here = search.doc;
    let total = s.docs.len();
    for k in 1..=total {
        let d = if forward {
            (here + k) % total
        } else {
            (here + total - k % total) % total
        };
        let texts = Texts::new(&s.docs[d]);
        let m = find_all(&s.docs[d], &texts, &q);
        if m.is_empty() {
            continue;
        }
        let root = s.tree.doc_root[d];
        select(s, s.tree.nearest_visible(root));
        show_doc(s, d);
        if let Some(search) = &mut s.search {
            search.current = Some(if forward { 0 } else { m.len() - 1 });
            search.matches = m;
            search.doc = d;
        }
        if d == here {
            s.message = Some("从头继续".into());
        }
        reveal_current(s);
        return;
    }
    s.message = Some("没有找到".into());
}

/// Scrolls so that the current match is on screen, a third of the way down.
fn reveal_current(s: &mut State) {
    let h = s.areas().text.height as usize;
    let Some(search) = &s.search else { return };
    let Some(c) = search.current else { return };
    let (para, start, _) = search.matches[c];
    let Some(tv) = &mut s.text else { return };
    let row = tv.layout.row_of(para as usize, start as usize);
    if row < tv.top || row >= tv.top + h.max(1) {
        tv.top = row.saturating_sub(h / 3);
    }
    follow_text(s);
}

#[cfg(test)]
mod tests {
    use super::label_matches;

    #[test]
    fn labels_match_across_marker_and_title() {
        assert!(label_matches("一、", "守正创新", "守正"));
        assert!(label_matches("一、", "守正创新", "、守"));
        assert!(label_matches("（一）", "抓项目", "一）抓"));
        assert!(label_matches("", "GDP增长", "gdp"));
        assert!(!label_matches("一、", "守正创新", "二、守"));
        assert!(!label_matches("", "结束语", "开头"));
    }
}
