//! `gangmu search` against `rg -c` on the same files (issue 12): a generated corpus
//! (`GANGMU_BENCH_N` speeches, 10,000 by default, one in five GB18030, which rg does not
//! read), three phrases: one in most speeches, one in about four in ten, one in none.
//! `cargo bench --bench search`; the target is within 2× of rg. Runs are warm (the files
//! in the page cache), best of five. gangmu is timed three ways: with its outline cache
//! filled by an earlier search (the usual case: a folder searched again), with the cache
//! empty before each run (the first search of a folder: it parses and writes), and with
//! `--no-cache` (it parses, and writes nothing). The cache lives in a scratch folder.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn best_of(runs: usize, mut cmd: impl FnMut() -> Command) -> (Duration, Option<i32>) {
    let mut best = Duration::MAX;
    let mut code = None;
    for _ in 0..runs {
        let t = Instant::now();
        let status = cmd().stdout(Stdio::null()).status().expect("runs");
        best = best.min(t.elapsed());
        code = status.code();
    }
    (best, code)
}

fn main() {
    let (n, dir) = gangmu::corpus::synth::bench_corpus();
    let bytes: u64 = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!(
        "{n} generated speeches, {:.1} MB, in {}",
        bytes as f64 / 1e6,
        dir.display()
    );
    let bin = env!("CARGO_BIN_EXE_gangmu");
    let has_rg = Command::new("rg")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok();
    let cache = std::env::temp_dir().join(format!("gangmu-bench-cache-{}", std::process::id()));
    let search = |phrase: &str, extra: &[&str]| {
        let mut c = Command::new(bin);
        c.arg("search").args(extra).arg(phrase).arg(&dir);
        c.env("XDG_CACHE_HOME", &cache);
        c
    };
    for phrase in ["营商环境", "放管服", "两个确立"] {
        let count = search(phrase, &["--count", "--no-cache"])
            .output()
            .expect("runs");
        let speeches = String::from_utf8_lossy(&count.stdout).lines().count();
        let rg = has_rg.then(|| {
            best_of(5, || {
                let mut c = Command::new("rg");
                c.args(["-c", phrase]).arg(&dir);
                c
            })
            .0
        });
        println!("{phrase} (in {speeches} speeches):");
        let _ = std::fs::remove_dir_all(&cache);
        let (cold, _) = best_of(5, || {
            let _ = std::fs::remove_dir_all(&cache);
            search(phrase, &[])
        });
        let (parsed, _) = best_of(5, || search(phrase, &["--no-cache"]));
        let _ = search(phrase, &[]).stdout(Stdio::null()).status();
        let (warm, code) = best_of(5, || search(phrase, &[]));
        for (name, t) in [
            ("cache filled", warm),
            ("cache empty", cold),
            ("--no-cache", parsed),
        ] {
            print!(
                "  gangmu search, {name:<12} {:>8.1} ms",
                t.as_secs_f64() * 1e3
            );
            match rg {
                Some(rg) => println!(
                    "   rg -c {:>7.1} ms   ratio {:.2}×",
                    rg.as_secs_f64() * 1e3,
                    t.as_secs_f64() / rg.as_secs_f64()
                ),
                None => println!("   (rg not installed: no comparison)"),
            }
        }
        println!("  (exit {code:?}; target: the filled cache within 2× of rg)");
    }
    let _ = std::fs::remove_dir_all(&cache);
}
