//! Keys while a search or filter runs: 300 characters pasted into `/` on a 200 MB speech,
//! and into `f` on 10,000 generated speeches, then a key typed after every slice of work
//! as the event loop would see it. A key waits at most for the slice running when it
//! arrives, then is handled and drawn. Prints figures; run with
//! `cargo bench --bench responsive`.

use gangmu::app::{Action, State, jobs, press, update};
use gangmu::corpus::decode;
use gangmu::corpus::synth::{Pools, file};
use gangmu::outline::parse;
use gangmu::text::Ambiguous;
use gangmu::view::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn line(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let n = times.len().max(1);
    let mean: Duration = times.iter().sum::<Duration>() / n as u32;
    println!(
        "{name:<40} n {:>5}   mean {:>7.3} ms   p99 {:>7.3} ms   max {:>7.3} ms",
        times.len(),
        ms(mean),
        ms(times.get(n * 99 / 100).copied().unwrap_or_default()),
        ms(times.last().copied().unwrap_or_default()),
    );
}

/// Pastes `query` into the input line opened by `key`, then alternates slices of work with
/// a typed key (a character, then backspace, so the query stays the pasted one) until the
/// work is done. Each key restarts the work, as typing does; so the keys stop after
/// `keys`, and the rest of the work runs alone.
fn paste_and_type(name: &str, s: &mut State, key: Action, query: &str, keys: usize) {
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    update(s, key);
    let t = Instant::now();
    update(s, Action::Paste(query.to_string()));
    term.draw(|f| view(s, f)).expect("draw");
    println!(
        "{name}: paste handled and drawn in {:.3} ms",
        ms(t.elapsed())
    );
    let (mut slices, mut answers, mut waits) = (Vec::new(), Vec::new(), Vec::new());
    let start = Instant::now();
    let mut typed = 0;
    while s.jobs.pending() {
        let t = Instant::now();
        update(s, Action::Work);
        let slice = t.elapsed();
        slices.push(slice);
        if typed < keys {
            let t = Instant::now();
            update(
                s,
                if typed % 2 == 0 {
                    Action::Input('乙')
                } else {
                    Action::Edit(gangmu::app::prompt::Edit::Backspace)
                },
            );
            term.draw(|f| view(s, f)).expect("draw");
            answers.push(t.elapsed());
            waits.push(slice + t.elapsed());
            typed += 1;
        }
    }
    println!(
        "{name}, {keys} keys typed: all done {:.1} ms after the paste, in {} slices",
        ms(start.elapsed()),
        slices.len()
    );
    if keys == 0 {
        update(s, Action::Escape);
        return;
    }
    line(&format!("{name}: one slice of work"), slices);
    line(&format!("{name}: key handled and drawn"), answers);
    line(&format!("{name}: key, worst case (slice + key)"), waits);
    update(s, Action::Escape);
}

fn main() {
    println!("work runs in slices of {:?} between keys", jobs::SLICE);
    // A 200 MB speech: parts of 40 paragraphs of generated sentences.
    let t = Instant::now();
    let pools = Pools::from_samples();
    let mut speech = String::from("在全省经济工作会议上的讲话\n同志们：\n");
    let mut i = 0;
    while speech.len() < 200_000_000 {
        let f = file(&pools, 7, i, 20_000);
        let d = decode(&f).expect("generated text decodes");
        // The body of each generated speech, without its title line.
        speech.push_str(d.text.split_once('\n').map_or("", |x| x.1));
        i += 1;
    }
    let doc = parse(&speech, "big/speech.txt", "big", "UTF-8");
    println!(
        "a {:.1} MB speech of {} paragraphs, made and parsed in {:?}",
        speech.len() as f64 / 1e6,
        doc.paragraphs.len(),
        t.elapsed()
    );
    drop(speech);
    let mut s = State::with_docs(vec![doc], 200, 50, Ambiguous::Narrow);
    press(&mut s, "<tab>");
    let query = "营商环境持续优化".repeat(37) + "一二三四";
    paste_and_type("search 200 MB", &mut s, Action::Search, &query, 0);
    paste_and_type("search 200 MB", &mut s, Action::Search, &query, 200);
    // A query with letters or digits: every paragraph is folded before it is looked in.
    paste_and_type(
        "search 200 MB, folded (ＧＤＰ)",
        &mut s,
        Action::Search,
        "ＧＤＰ增长",
        0,
    );
    paste_and_type(
        "search 200 MB, folded (ＧＤＰ)",
        &mut s,
        Action::Search,
        "ＧＤＰ增长",
        200,
    );
    drop(s);

    let t = Instant::now();
    let docs: Vec<_> = (0..10_000)
        .filter_map(|i| {
            let bytes = file(&pools, 1, i, 20_000);
            let d = decode(&bytes).ok()?;
            Some(parse(
                &d.text,
                &format!("gen/{i:06}.txt"),
                "gen",
                d.encoding,
            ))
        })
        .collect();
    let mut s = State::with_docs(docs, 200, 50, Ambiguous::Narrow);
    press(&mut s, "0");
    println!(
        "10,000 speeches, {} tree rows expanded, in {:?}",
        s.tree.visible.len(),
        t.elapsed()
    );
    paste_and_type("filter 10k", &mut s, Action::Filter, &query, 0);
    paste_and_type("filter 10k", &mut s, Action::Filter, &query, 200);
    // A query that matches: the filter's answer is built too.
    paste_and_type("filter 10k (发展)", &mut s, Action::Filter, "发展", 0);
    paste_and_type("filter 10k (发展)", &mut s, Action::Filter, "发展", 200);
    // Issue 12: `s` over every speech; j pressed between slices.
    for query in ["营商环境", "放管服", "两个确立"] {
        search_all(&mut s, query);
    }
}

/// `s QUERY Enter` on the open speeches, then slices of work with a key (j) answered and
/// drawn between them: when the first results were on screen, when all were, and the
/// keys' worst wait.
fn search_all(s: &mut State, query: &str) {
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    // `s` reopens the last results; in them, `s` asks for a query (the last one, cleared).
    update(s, Action::SearchAll);
    if s.input.is_none() {
        update(s, Action::SearchAll);
    }
    update(s, Action::Edit(gangmu::app::prompt::Edit::DeleteToStart));
    update(s, Action::Paste(query.to_string()));
    let start = Instant::now();
    update(s, Action::Submit);
    let (mut first, mut waits) = (None, Vec::new());
    while s.jobs.pending() {
        let t = Instant::now();
        update(s, Action::Work);
        let slice = t.elapsed();
        let k = Instant::now();
        update(s, Action::Down);
        term.draw(|f| view(s, f)).expect("draw");
        waits.push(slice + k.elapsed());
        if first.is_none() && s.results.as_ref().is_some_and(|r| !r.rows.is_empty()) {
            first = Some(start.elapsed());
        }
    }
    let r = s.results.as_ref().expect("results");
    println!(
        "s {query}: {} hits in {} speeches; first results drawn {:.1} ms after Enter, all {:.1} ms",
        r.hits.len(),
        r.rows.len() - r.hits.len(),
        first.map_or(f64::NAN, ms),
        ms(start.elapsed())
    );
    line(
        &format!("s {query}: key (j), worst case (slice + key)"),
        waits,
    );
    update(s, Action::Escape);
}
