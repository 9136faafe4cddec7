//! One key press handled and drawn into a 200×50 buffer, with 10,000 speeches from the
//! corpus generator loaded and every node expanded. Prints figures; run with `cargo bench --bench frame`.

use gangmu::app::{Action, State, press, update};
use gangmu::corpus::decode;
use gangmu::corpus::synth::{Pools, file};
use gangmu::outline::parse;
use gangmu::text::Ambiguous;
use gangmu::view::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

fn rss_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let n = 10_000;
    let t = Instant::now();
    // The same corpus as `cargo run --release --example gen_corpus -- DIR 10000`.
    let pools = Pools::from_samples();
    let files: Vec<Vec<u8>> = (0..n).map(|i| file(&pools, 1, i, 20_000)).collect();
    let bytes: usize = files.iter().map(|f| f.len()).sum();
    println!(
        "generated {n} speeches, {:.1} MB, in {:?}",
        bytes as f64 / 1e6,
        t.elapsed()
    );
    let t = Instant::now();
    let docs: Vec<_> = files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let d = decode(f).ok()?;
            Some(parse(
                &d.text,
                &format!("gen/{i:06}.txt"),
                "gen",
                d.encoding,
            ))
        })
        .collect();
    println!("decoded and parsed (one thread) in {:?}", t.elapsed());
    drop(files);
    let t = Instant::now();
    let mut s = State::with_docs(docs, 200, 50, Ambiguous::Narrow);
    press(&mut s, "0");
    println!(
        "state built, everything expanded ({} tree rows) in {:?}",
        s.tree.visible.len(),
        t.elapsed()
    );
    if let Some(hwm) = rss_kb("VmHWM:") {
        println!(
            "peak RSS so far {:.1} MB (corpus {:.1} MB; includes the generated files)",
            hwm as f64 / 1024.0,
            bytes as f64 / 1e6
        );
    }
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    term.draw(|f| view(&s, f)).expect("draw");

    let mut run = |name: &str, keys: &[&str], s: &mut State| {
        let mut times = Vec::new();
        for k in keys
            .iter()
            .cycle()
            .take(if name.starts_with("filter") { 20 } else { 2000 })
        {
            let t = Instant::now();
            press(s, k);
            term.draw(|f| view(s, f)).expect("draw");
            times.push(t.elapsed());
        }
        times.sort();
        let mean: Duration = times.iter().sum::<Duration>() / times.len() as u32;
        println!(
            "{name:<34} mean {:>8.3} ms   median {:>8.3} ms   p99 {:>8.3} ms   max {:>8.3} ms",
            mean.as_secs_f64() * 1e3,
            times[times.len() / 2].as_secs_f64() * 1e3,
            times[times.len() * 99 / 100].as_secs_f64() * 1e3,
            times[times.len() - 1].as_secs_f64() * 1e3,
        );
    };
    run("tree j (next row, crosses speeches)", &["j"], &mut s);
    run("tree ] (next heading)", &["]"], &mut s);
    run("tree } (next sibling)", &["}"], &mut s);
    run("tree k", &["k"], &mut s);
    press(&mut s, "<tab>");
    run("text j (scroll, selection follows)", &["j"], &mut s);
    run(
        "text PageDown/PageUp",
        &["<pgdn>", "<pgdn>", "<pgup>"],
        &mut s,
    );
    press(&mut s, "<tab>");
    run("tree h/l (collapse/expand: rebuild)", &["h", "l"], &mut s);
    press(&mut s, "/");
    run("search typing in the speech", &["发", "<bs>"], &mut s);
    press(&mut s, "<esc>f");
    run("filter typing over every title", &["安", "<bs>"], &mut s);
    press(&mut s, "<esc>");
    run("y (copy the section)", &["y"], &mut s);
    // A speech in the middle read again after a save (live reload), everything expanded:
    // its items spliced into the tree, the rest shifted.
    let mid = s.docs.len() / 2;
    let mut times = Vec::new();
    for _ in 0..50 {
        let doc = Box::new((*s.docs[mid]).clone());
        let t = Instant::now();
        update(&mut s, Action::Reloaded(doc));
        term.draw(|f| view(&s, f)).expect("draw");
        times.push(t.elapsed());
    }
    times.sort();
    let mean: Duration = times.iter().sum::<Duration>() / times.len() as u32;
    println!(
        "{:<34} mean {:>8.3} ms   median {:>8.3} ms   max {:>8.3} ms",
        "a speech re-read (reload)",
        mean.as_secs_f64() * 1e3,
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3,
    );
}
