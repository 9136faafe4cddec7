//! Work a query starts, done a slice at a time between keys, so that no search or filter
//! ever holds up input (a 200 MB speech, 100,000 titles): whenever no key is waiting the
//! event loop hands `Action::Work` to `update`, which runs the pending jobs for one
//! `SLICE`. A newer query replaces the job of an older one, which is simply dropped.

use super::state::State;
use super::tree::ItemKind;
use crate::text::fold::{fold_with_offsets, folded, needs_folding};
use std::time::{Duration, Instant};

/// How long one `Action::Work` may run: a key typed meanwhile waits at most this long
/// before it is handled, well inside the 50 ms a key may take.
pub const SLICE: Duration = Duration::from_millis(8);

/// A query as it is looked for: folded once (`text::fold`), with a searcher built once.
#[derive(Debug, Clone)]
pub struct Query {
    /// The query, folded.
    pub text: String,
    /// Whether texts must be folded before matching (the query has characters that
    /// folding produces; a Chinese query matches the text as it is).
    fold: bool,
    finder: memchr::memmem::Finder<'static>,
}

impl Query {
    pub fn new(query: &str) -> Query {
        let text = folded(query);
        let fold = needs_folding(&text);
        let finder = memchr::memmem::Finder::new(text.as_bytes()).into_owned();
        Query { text, fold, finder }
    }

    /// One query per word of `query` (split at spaces): a filter shows what has them all.
    pub fn words(query: &str) -> Vec<Query> {
        query.split_whitespace().map(Query::new).collect()
    }

    /// Byte ranges (in `text`) of the non-overlapping matches in `text`.
    pub fn find_in(&self, text: &str, mut hit: impl FnMut(usize, usize)) {
        if self.text.is_empty() {
            return;
        }
        let n = self.text.len();
        if self.fold {
            FOLDED.with_borrow_mut(|(f, offsets)| {
                fold_with_offsets(text, f, offsets);
                for k in self.finder.find_iter(f.as_bytes()) {
                    hit(offsets[k] as usize, offsets[k + n] as usize);
                }
            });
        } else {
            self.finder
                .find_iter(text.as_bytes())
                .for_each(|k| hit(k, k + n));
        }
    }

    /// Whether `text` holds a match.
    pub fn is_in(&self, text: &str) -> bool {
        if self.text.is_empty() {
            return false;
        }
        if self.fold {
            FOLDED.with_borrow_mut(|(f, offsets)| {
                fold_with_offsets(text, f, offsets);
                self.finder.find(f.as_bytes()).is_some()
            })
        } else {
            self.finder.find(text.as_bytes()).is_some()
        }
    }
}

thread_local! {
    /// Room to fold texts in, reused from one paragraph to the next.
    static FOLDED: std::cell::RefCell<(String, Vec<u32>)> = Default::default();
}

/// Where a finished search takes the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jump {
    /// A new query: to the first match at or after this (paragraph, byte).
    Near(u32, u32),
    /// `n` found this speech: its first match; `N`: its last.
    First,
    Last,
    /// Another speech came on screen: its matches are shown, nothing moves.
    Stay,
}

/// Matches of the search in the speech on screen, paragraph by paragraph.
#[derive(Debug, Clone)]
pub struct SearchJob {
    pub doc: usize,
    pub query: Query,
    /// The next paragraph to look in.
    pub next: usize,
    pub found: Vec<(u32, u32, u32)>,
    pub jump: Jump,
    /// `n` (+1) and `N` (-1) pressed while it ran, applied when it ends.
    pub steps: i32,
}

/// `n`/`N` past the last match: the next speech, in that direction, with a match.
#[derive(Debug, Clone)]
pub struct SeekJob {
    pub query: Query,
    pub forward: bool,
    /// The speech the seek started from, and how many speeches on it has got.
    pub from: usize,
    pub k: usize,
    /// The next paragraph to look in, in the speech `k` away.
    pub para: usize,
}

/// Which tree items match the filter, item by item.
#[derive(Debug, Clone)]
pub struct FilterJob {
    /// The query as typed, and its words as they are looked for: an item matches when
    /// it has them all.
    pub query: String,
    pub words: Vec<Query>,
    pub matches: Vec<bool>,
}

impl FilterJob {
    /// A filter for `query` that goes on from `matches` (items already looked at).
    pub fn new(query: String, matches: Vec<bool>) -> FilterJob {
        let words = Query::words(&query);
        FilterJob {
            query,
            words,
            matches,
        }
    }
}

/// No match in the speech on screen: how many other speeches have one.
#[derive(Debug, Clone)]
pub struct CountJob {
    pub seek: SeekJob,
    pub found: usize,
}

#[derive(Debug, Clone)]
pub enum Find {
    Search(SearchJob),
    Seek(SeekJob),
    Count(CountJob),
}

/// The jobs pending: one filter, and one search or seek.
#[derive(Debug, Clone, Default)]
pub struct Jobs {
    pub filter: Option<FilterJob>,
    pub find: Option<Find>,
    /// The search across speeches (`s`).
    pub all: Option<super::results::Job>,
}

impl Jobs {
    pub fn pending(&self) -> bool {
        self.filter.is_some() || self.find.is_some() || self.all.is_some()
    }
}

/// What is running and how far it got, for the status line: `搜索中 40%`.
pub fn progress(s: &State) -> Option<String> {
    let pct = |done: usize, total: usize| done * 100 / total.max(1);
    if let Some(f) = &s.jobs.filter {
        let p = pct(f.matches.len(), s.tree.items.len());
        return Some(crate::tr!("过滤中 {p}%", "Filtering {p}%"));
    }
    if let Some(j) = &s.jobs.all {
        let p = pct(j.next, s.docs.len());
        return Some(crate::tr!("全部搜索中 {p}%", "Searching all {p}%"));
    }
    match &s.jobs.find {
        Some(Find::Search(j)) => {
            let total = s.docs.get(j.doc).map_or(0, |d| d.paragraphs.len());
            let p = pct(j.next, total);
            Some(crate::tr!("搜索中 {p}%", "Searching {p}%"))
        }
        Some(Find::Seek(j)) => {
            let p = pct(j.k, s.docs.len());
            Some(crate::tr!(
                "查找下一篇 {p}%",
                "Looking for the next speech {p}%"
            ))
        }
        Some(Find::Count(j)) => {
            let p = pct(j.seek.k, s.docs.len());
            Some(crate::tr!(
                "查找其他讲话 {p}%",
                "Looking in other speeches {p}%"
            ))
        }
        None => None,
    }
}

/// Runs the pending jobs until `deadline`; the one that ends applies its result.
pub fn work(s: &mut State, deadline: Instant) {
    // The search across speeches first: its first results are what the reader waits for.
    if let Some(mut job) = s.jobs.all.take()
        && !super::results::slice(s, &mut job, deadline)
    {
        s.jobs.all = Some(job);
        return;
    }
    if let Some(mut job) = s.jobs.filter.take() {
        if filter_slice(s, &mut job, deadline) {
            super::update::filter_done(s, job);
        } else {
            s.jobs.filter = Some(job);
            return;
        }
    }
    match s.jobs.find.take() {
        Some(Find::Search(mut job)) => {
            if search_slice(s, &mut job, deadline) {
                super::search::search_done(s, job);
            } else {
                s.jobs.find = Some(Find::Search(job));
            }
        }
        Some(Find::Seek(mut job)) => match seek_slice(s, &mut job, deadline) {
            Some(found) => super::search::seek_done(s, job, found),
            None => s.jobs.find = Some(Find::Seek(job)),
        },
        Some(Find::Count(mut job)) => {
            if count_slice(s, &mut job, deadline) {
                super::search::count_done(s, job);
            } else {
                s.jobs.find = Some(Find::Count(job));
            }
        }
        None => {}
    }
}

/// Runs every pending job to its end: for tests, benches and scripted keys.
pub fn settle(s: &mut State) {
    while s.jobs.pending() {
        work(s, Instant::now() + Duration::from_secs(3600));
    }
}

/// Labels checked between looks at the clock.
const LABELS_PER_LOOK: usize = 1024;

/// Matches labels from where the job got to; true when every item is done. Items that
/// arrive while it runs are covered too.
fn filter_slice(s: &State, job: &mut FilterJob, deadline: Instant) -> bool {
    let n = s.tree.items.len();
    while job.matches.len() < n {
        let end = (job.matches.len() + LABELS_PER_LOOK).min(n);
        for i in job.matches.len()..end {
            let (m, t) = s.item_label(i as u32);
            let it = s.tree.items[i];
            // A speech also matches by its file name: many share a title.
            let name =
                (it.kind == ItemKind::Root).then(|| file_name(&s.docs[it.doc as usize].path));
            let all = !job.words.is_empty()
                && job.words.iter().all(|w| {
                    super::search::label_matches(m, t, w) || name.is_some_and(|n| w.is_in(n))
                });
            job.matches.push(all);
        }
        if Instant::now() >= deadline {
            return job.matches.len() >= n;
        }
    }
    true
}

/// Looks for matches from the job's paragraph on; true when the speech is done (or no
/// longer on screen, when the job is dropped by `search_done`).
fn search_slice(s: &State, job: &mut SearchJob, deadline: Instant) -> bool {
    let Some(tv) = s.text.as_ref().filter(|tv| tv.doc == job.doc) else {
        return true;
    };
    let doc = &s.docs[job.doc];
    while job.next < doc.paragraphs.len() {
        let i = job.next;
        job.query.find_in(tv.texts.get(doc, i), |a, b| {
            job.found.push((i as u32, a as u32, b as u32));
        });
        job.next += 1;
        if Instant::now() >= deadline {
            break;
        }
    }
    job.next >= doc.paragraphs.len()
}

/// Counts the other speeches with a match; true when all are counted.
fn count_slice(s: &State, job: &mut CountJob, deadline: Instant) -> bool {
    let total = s.docs.len();
    loop {
        if job.seek.k >= total {
            return true;
        }
        match seek_slice(s, &mut job.seek, deadline) {
            // Round to the speech the count started from: not another one.
            Some(Some(_)) if job.seek.k >= total => return true,
            Some(Some(_)) => {
                job.found += 1;
                job.seek.k += 1;
                job.seek.para = 0;
                if Instant::now() >= deadline {
                    return false;
                }
            }
            Some(None) => return true,
            None => return false,
        }
    }
}

/// The outcome of a slice of seeking: `Some(Some(doc))` found, `Some(None)` nowhere.
fn seek_slice(s: &State, job: &mut SeekJob, deadline: Instant) -> Option<Option<usize>> {
    let total = s.docs.len();
    while job.k <= total {
        let d = if job.forward {
            (job.from + job.k) % total
        } else {
            (job.from + total - job.k % total) % total
        };
        let doc = &s.docs[d];
        // The file's own text first, and its drawable form (control characters escaped)
        // only where that matches: no speech is made drawable just to be looked in.
        while job.para < doc.paragraphs.len() {
            let raw = doc.para_text(job.para);
            if job.query.is_in(raw) && job.query.is_in(&crate::text::sanitize(raw)) {
                return Some(Some(d));
            }
            job.para += 1;
            if Instant::now() >= deadline {
                return None;
            }
        }
        job.k += 1;
        job.para = 0;
    }
    Some(None)
}

/// The last component of a path as the loader gave it.
pub fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}
