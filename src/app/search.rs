//! Incremental search in the speech on screen; `n`/`N` continue into the next speech.

use super::jobs::{Find, Jump, Query, SearchJob, SeekJob};
use super::nav::{follow_text, select, show_doc};
use super::state::{Search, State};

/// Whether `query` occurs in the label `marker` + `title`, ASCII case ignored. Allocates
/// only for queries with ASCII letters: filtering runs over every title at each keystroke.
pub fn label_matches(marker: &str, title: &str, query: &str) -> bool {
    if query.bytes().any(|b| b.is_ascii_alphabetic()) {
        let q = query.to_ascii_lowercase();
        return format!("{marker}{title}").to_ascii_lowercase().contains(&q);
    }
    if title.contains(query) || marker.contains(query) {
        return true;
    }
    // A query across the join: a suffix of the marker, then a prefix of the title. Only
    // as far into the query as the marker is long: a pasted query can be long.
    query
        .char_indices()
        .skip(1)
        .take_while(|&(k, _)| k <= marker.len())
        .any(|(k, _)| marker.ends_with(&query[..k]) && title.starts_with(&query[k..]))
}

/// The query changed: its matches are looked for between keys (`jobs`), and the first
/// one at or after the reading position is shown when they are all known.
pub fn set_query(s: &mut State, query: &str) {
    let Some(tv) = &s.text else { return };
    let here = tv.layout.rows.get(tv.top).map_or((0, 0), |r| {
        if r.is_blank() {
            (tv.layout.para_at(tv.top).unwrap_or(0) as u32, 0)
        } else {
            (r.para, r.start)
        }
    });
    let doc = tv.doc;
    s.search = Some(Search {
        query: query.to_string(),
        doc,
        matches: Vec::new(),
        current: None,
    });
    s.jobs.find = (!query.is_empty()).then(|| {
        Find::Search(SearchJob {
            doc,
            query: Query::new(query),
            next: 0,
            found: Vec::new(),
            jump: Jump::Near(here.0, here.1),
            steps: 0,
        })
    });
}

/// The text pane shows another speech: its matches are looked for.
pub fn doc_changed(s: &mut State) {
    let Some(tv) = &s.text else { return };
    let Some(search) = &mut s.search else { return };
    if search.doc == tv.doc {
        return;
    }
    search.doc = tv.doc;
    search.matches.clear();
    search.current = None;
    let jump = match &s.jobs.find {
        // A seek put this speech on screen: it goes to the first or last match.
        Some(Find::Search(j)) if matches!(j.jump, Jump::First | Jump::Last) => j.jump,
        _ => Jump::Stay,
    };
    s.jobs.find = (!search.query.is_empty()).then(|| {
        Find::Search(SearchJob {
            doc: tv.doc,
            query: Query::new(&search.query),
            next: 0,
            found: Vec::new(),
            jump,
            steps: 0,
        })
    });
}

/// Every match of the speech is known: show them, and go where the search said.
pub fn search_done(s: &mut State, job: SearchJob) {
    if s.text.as_ref().is_none_or(|tv| tv.doc != job.doc) {
        return;
    }
    let Some(search) = s.search.as_mut().filter(|x| x.doc == job.doc) else {
        return;
    };
    search.matches = job.found;
    let n = search.matches.len();
    search.current = match job.jump {
        Jump::Near(p, b) => search
            .matches
            .iter()
            .position(|&(mp, mb, _)| (mp, mb) >= (p, b))
            .or((n > 0).then_some(0)),
        Jump::First => (n > 0).then_some(0),
        Jump::Last => n.checked_sub(1),
        Jump::Stay => None,
    };
    if n == 0 && matches!(job.jump, Jump::Near(..)) {
        s.message = Some("没有找到".into());
    }
    reveal_current(s);
    for _ in 0..job.steps.unsigned_abs() {
        step(s, job.steps > 0);
    }
}

/// `n` / `N`: the next or previous match, continuing into the following speeches.
pub fn step(s: &mut State, forward: bool) {
    let Some(search) = &s.search else { return };
    if search.query.is_empty() {
        return;
    }
    // Matches still being found: the step is taken when they are.
    match &mut s.jobs.find {
        Some(Find::Search(j)) => {
            j.steps += if forward { 1 } else { -1 };
            return;
        }
        Some(Find::Seek(_)) => return,
        None => {}
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
    s.jobs.find = Some(Find::Seek(SeekJob {
        query: Query::new(&search.query),
        forward,
        from: search.doc,
        k: 1,
        para: 0,
    }));
}

/// The seek ended: on screen goes the speech found, or the user hears there is none.
pub fn seek_done(s: &mut State, job: SeekJob, found: Option<usize>) {
    let Some(d) = found else {
        s.message = Some("没有找到".into());
        return;
    };
    if d == job.from {
        s.message = Some("从头继续".into());
    }
    let jump = if job.forward { Jump::First } else { Jump::Last };
    if s.text.as_ref().is_some_and(|tv| tv.doc == d) {
        // Round to the speech on screen: its matches are known.
        if let Some(search) = &mut s.search {
            let n = search.matches.len();
            search.current = if job.forward {
                (n > 0).then_some(0)
            } else {
                n.checked_sub(1)
            };
        }
        reveal_current(s);
        return;
    }
    // `doc_changed` (through `show_doc`) carries the jump on to the new speech.
    s.jobs.find = Some(Find::Search(SearchJob {
        doc: d,
        query: job.query,
        next: 0,
        found: Vec::new(),
        jump,
        steps: 0,
    }));
    let root = s.tree.doc_root[d];
    select(s, s.tree.nearest_visible(root));
    show_doc(s, d);
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
