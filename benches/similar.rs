//! `gangmu similar` against `gangmu outline --format json` on the same generated corpus
//! (`GANGMU_BENCH_N` speeches, 10,000 by default; the one `cargo bench --bench search`
//! writes). Targets: within 3× of outline, peak memory under 1 GB. Best of three, warm.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The largest peak RSS of any child so far, in MB (Linux reports KB).
#[cfg(not(unix))]
fn children_peak_mb() -> f64 {
    f64::NAN
}

/// The largest peak RSS of any child so far, in MB (Linux reports KB).
#[cfg(unix)]
fn children_peak_mb() -> f64 {
    // SAFETY: getrusage writes into the struct it is given.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut u) };
    u.ru_maxrss as f64 / 1024.0
}

fn best(args: &[&str]) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            Command::new(env!("CARGO_BIN_EXE_gangmu"))
                .args(args)
                .stdout(Stdio::null())
                .status()
                .expect("runs");
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let (n, dir) = gangmu::corpus::synth::bench_corpus();
    let d = dir.to_str().expect("a UTF-8 temp path");
    let outline = best(&["outline", "-f", "json", d]);
    let similar = best(&["similar", "-f", "json", d]);
    println!(
        "{n} speeches: outline -f json {:.0} ms, similar -f json {:.0} ms, ratio {:.2}× (target ≤ 3×)",
        outline.as_secs_f64() * 1e3,
        similar.as_secs_f64() * 1e3,
        similar.as_secs_f64() / outline.as_secs_f64()
    );
    println!(
        "peak RSS of the largest run: {:.0} MB (target < 1024 MB)",
        children_peak_mb()
    );
}
