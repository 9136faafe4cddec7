//! Incremental search in the speech on screen; `n`/`N` continue into the next speech.

use super::jobs::{CountJob, Find, Jump, Query, SearchJob, SeekJob};
use super::nav::{follow_text, select, show_doc};
use super::state::{Search, State};
use crate::lang::tr;

/// Whether `query` occurs in the label `marker` + `title`, in folded form (`text::fold`):
/// `(一)` finds `（一）`, `3.` finds `３．`, ASCII case is ignored.
pub fn label_matches(marker: &str, title: &str, query: &Query) -> bool {
    if query.text.is_empty() {
        return false;
    }
    if query.is_in(title) {
        return true;
    }
    if marker.is_empty() {
        return false;
    }
    // Across the join, or in the marker: the label as one text, in a reused buffer (a
    // filter looks at every title).
    LABEL.with_borrow_mut(|label| {
        label.clear();
        label.push_str(marker);
        label.push_str(title);
        query.is_in(label)
    })
}

thread_local! {
    static LABEL: std::cell::RefCell<String> = Default::default();
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
        elsewhere: None,
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
    search.elsewhere = None;
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
        // Say whether other speeches have it, rather than just `没有找到`.
        s.jobs.find = Some(Find::Count(CountJob {
            seek: SeekJob {
                query: job.query,
                forward: true,
                from: job.doc,
                k: 1,
                para: 0,
            },
            found: 0,
        }));
        return;
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
        // `n` goes to the next speech with a match at once.
        Some(Find::Count(_)) | None => {}
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

/// Other speeches are counted: the reader hears where the query is (when no longer
/// typing it; the query line shows it meanwhile).
pub fn count_done(s: &mut State, job: CountJob) {
    let Some(search) = s.search.as_mut().filter(|x| x.doc == job.seek.from) else {
        return;
    };
    search.elsewhere = Some(job.found);
    if s.input.is_none() {
        s.message = not_here(s);
    }
}

/// What a search with no match in this speech says: where else the query is.
pub fn not_here(s: &State) -> Option<String> {
    let search = s.search.as_ref().filter(|x| x.matches.is_empty())?;
    let q = crate::text::sanitize(&search.query);
    Some(match search.elsewhere? {
        0 if s.docs.len() > 1 => {
            let n = s.docs.len();
            crate::tr!(
                "没有找到：{n} 篇讲话都没有“{q}”",
                "Not found: none of the {n} speeches has “{q}”"
            )
        }
        0 => tr("没有找到", "Not found").to_string(),
        k => crate::tr!(
            "本篇没有；另有 {k} 篇含“{q}”，按 n 跳到下一篇",
            "Not in this speech; {k} others have “{q}”: n goes to the next"
        ),
    })
}

/// The seek ended: on screen goes the speech found, or the user hears there is none.
pub fn seek_done(s: &mut State, job: SeekJob, found: Option<usize>) {
    let Some(d) = found else {
        s.message = Some(tr("没有找到", "Not found").into());
        return;
    };
    // Where `n`/`N` went, when it left the speech or came round to its start.
    let title = crate::text::sanitize(&s.docs[d].title).into_owned();
    let wrapped = if job.forward {
        d <= job.from
    } else {
        d >= job.from
    };
    s.message = Some(match (d == job.from, job.forward, wrapped) {
        (true, true, _) => tr(
            "已到本篇结尾，从开头继续",
            "End of the speech: on from its start",
        )
        .into(),
        (true, false, _) => tr(
            "已到本篇开头，从结尾继续",
            "Start of the speech: on from its end",
        )
        .into(),
        (false, true, false) => crate::tr!("下一篇：{title}", "Next speech: {title}"),
        (false, false, false) => crate::tr!("上一篇：{title}", "Previous speech: {title}"),
        (false, true, true) => crate::tr!(
            "已到最后一篇，从第一篇继续：{title}",
            "Last speech passed: on from the first: {title}"
        ),
        (false, false, true) => crate::tr!(
            "已到第一篇，从最后一篇继续：{title}",
            "First speech passed: on from the last: {title}"
        ),
    });
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
    use crate::app::jobs::Query;

    #[test]
    fn labels_match_across_marker_and_title() {
        assert!(label_matches("一、", "守正创新", &Query::new("守正")));
        assert!(label_matches("一、", "守正创新", &Query::new("、守")));
        assert!(label_matches("（一）", "抓项目", &Query::new("一）抓")));
        assert!(label_matches("", "GDP增长", &Query::new("gdp")));
        assert!(!label_matches("一、", "守正创新", &Query::new("二、守")));
        assert!(!label_matches("", "结束语", &Query::new("开头")));
        // Full- and half-width forms, quotes and case fold alike (issue 11).
        assert!(label_matches("(一)", "部分", &Query::new("（一）部分")));
        assert!(label_matches("３．", "基层治理", &Query::new("3.基层")));
        assert!(label_matches("", "“温差”问题", &Query::new("\"温差\"")));
    }
}
