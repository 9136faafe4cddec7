//! `gangmu search` against `rg -c` on the same files (issue 12): a generated corpus
//! (`GANGMU_BENCH_N` speeches, 10,000 by default, one in five GB18030, which rg does not
//! read), three phrases: one in most speeches, one in about four in ten, one in none.
//! `cargo bench --bench search`; the target is within 2× of rg. Runs are warm (the files
//! in the page cache), best of five.

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
    for phrase in ["营商环境", "放管服", "两个确立"] {
        let count = Command::new(bin)
            .args(["search", "--count", phrase])
            .arg(&dir)
            .output()
            .expect("runs");
        let speeches = String::from_utf8_lossy(&count.stdout).lines().count();
        let (ours, code) = best_of(5, || {
            let mut c = Command::new(bin);
            c.args(["search", phrase]).arg(&dir);
            c
        });
        print!(
            "{phrase:<6} in {speeches:>6} speeches: gangmu search {:>7.1} ms (exit {code:?})",
            ours.as_secs_f64() * 1e3
        );
        if has_rg {
            let (rg, _) = best_of(5, || {
                let mut c = Command::new("rg");
                c.args(["-c", phrase]).arg(&dir);
                c
            });
            println!(
                "   rg -c {:>7.1} ms   ratio {:.2}× (target ≤ 2×)",
                rg.as_secs_f64() * 1e3,
                ours.as_secs_f64() / rg.as_secs_f64()
            );
        } else {
            println!("   (rg not installed: no comparison)");
        }
    }
}
