//! One key press handled and drawn into a 200×50 buffer, with 10,000 generated speeches
//! loaded and every node expanded. Prints figures; run with `cargo bench --bench frame`.

use gangmu::app::{State, press};
use gangmu::outline::parse;
use gangmu::text::Ambiguous;
use gangmu::view::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

const NUMS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// A speech of about 5,000 characters: 5 sections, 3 subsections each, points, closing.
#[allow(clippy::needless_range_loop)]
fn speech(i: usize) -> String {
    let mut s = format!(
        "在全市第{i}次工作会议上的讲话\n同志们：\n今天召开会议，主要任务是总结工作、部署任务。下面，我讲五点意见。\n"
    );
    for a in 0..5 {
        s.push_str(&format!("{}、第{i}号议题的第{}个方面\n", NUMS[a], a + 1));
        s.push_str("这一方面的工作，事关全局，必须高度重视，切实抓紧抓好，确保取得实效。各级各部门要提高站位，统一思想，把握重点，狠抓落实。\n");
        for b in 0..3 {
            s.push_str(&format!(
                "（{}）抓好第{}项重点工作。今年全市安排重点项目{}个，总投资{}亿元，要倒排工期、挂图作战，确保按期完成。\n",
                NUMS[b],
                b + 1,
                100 + i % 50,
                800 + a * 10 + b
            ));
            for c in 0..2 {
                s.push_str(&format!(
                    "{}是加强统筹协调。要建立健全工作机制，明确责任分工，形成工作合力。对工作中遇到的困难和问题，要及时研究解决，不能推诿扯皮、敷衍塞责，确保各项任务落到实处、见到实效。\n",
                    NUMS[c]
                ));
            }
        }
    }
    s.push_str(
        "同志们，任务艰巨，使命光荣。让我们团结一心，真抓实干，为完成全年目标任务而努力奋斗！\n",
    );
    s
}

fn rss_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let n = 10_000;
    let t = Instant::now();
    let texts: Vec<String> = (0..n).map(speech).collect();
    // `cargo bench --bench frame -- --write DIR` also writes the corpus, for timing the
    // real binary on it.
    let args: Vec<String> = std::env::args().collect();
    if let Some(k) = args.iter().position(|a| a == "--write") {
        let dir = std::path::PathBuf::from(args.get(k + 1).expect("--write DIR"));
        std::fs::create_dir_all(&dir).expect("create dir");
        for (i, t) in texts.iter().enumerate() {
            std::fs::write(dir.join(format!("{i:05}.txt")), t).expect("write speech");
        }
        println!("wrote {n} speeches to {}", dir.display());
    }
    let bytes: usize = texts.iter().map(|s| s.len()).sum();
    println!(
        "generated {n} speeches, {:.1} MB, in {:?}",
        bytes as f64 / 1e6,
        t.elapsed()
    );
    let t = Instant::now();
    let docs: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, s)| parse(s, &format!("gen/{i:05}.txt"), "gen", "UTF-8"))
        .collect();
    println!("parsed (one thread) in {:?}", t.elapsed());
    drop(texts);
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
            "peak RSS so far {:.1} MB (corpus {:.1} MB; includes the generated text)",
            hwm as f64 / 1024.0,
            bytes as f64 / 1e6
        );
    }
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    term.draw(|f| view(&s, f)).expect("draw");

    let mut run = |name: &str, keys: &[&str], s: &mut State| {
        let mut times = Vec::new();
        for k in keys.iter().cycle().take(2000) {
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
}
