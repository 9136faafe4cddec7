//! Fuzzes decode → parse → export on stable Rust (no cargo-fuzz):
//! `cargo run --release --example fuzz -- [--seconds N | --iterations N] [--seed S]`.
//!
//! Seeds come from `fuzz/seeds/`; failing inputs go to `fuzz/artifacts/` (gitignored) with a
//! `.msg` file saying what broke. An input that runs longer than `--hang-secs` (default 10)
//! is saved as a hang and the run stops. The pipeline and its checks live in
//! `fuzz/harness.rs`, shared with `tests/fuzz_smoke.rs`.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const USAGE: &str = "usage: fuzz [--seconds N] [--iterations N] [--seed S] [--seeds DIR] [--artifacts DIR] [--hang-secs N]";

struct Args {
    seconds: Option<u64>,
    iterations: Option<u64>,
    seed: u64,
    seeds: PathBuf,
    artifacts: PathBuf,
    hang_secs: u64,
}

fn parse_args() -> Args {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut a = Args {
        seconds: None,
        iterations: None,
        seed: 1,
        seeds: harness::seed_dir(),
        artifacts: root.join("fuzz").join("artifacts"),
        hang_secs: 10,
    };
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let mut it = argv.iter();
    let bad = || -> ! {
        eprintln!("{USAGE}");
        std::process::exit(2)
    };
    while let Some(flag) = it.next() {
        let Some(val) = it.next() else { bad() };
        let num = || val.parse::<u64>().unwrap_or_else(|_| bad());
        match flag.as_str() {
            "--seconds" => a.seconds = Some(num()),
            "--iterations" => a.iterations = Some(num()),
            "--seed" => a.seed = num(),
            "--hang-secs" => a.hang_secs = num(),
            "--seeds" => a.seeds = PathBuf::from(val),
            "--artifacts" => a.artifacts = PathBuf::from(val),
            _ => bad(),
        }
    }
    if a.seconds.is_none() && a.iterations.is_none() {
        a.seconds = Some(60);
    }
    a
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

fn save(dir: &Path, kind: &str, input: &[u8], message: &str) -> PathBuf {
    let _ = std::fs::create_dir_all(dir);
    let path = dir.join(format!("{kind}-{:016x}", fnv(input)));
    let _ = std::fs::write(&path, input);
    let _ = std::fs::write(path.with_extension("msg"), format!("{message}\n"));
    path
}

fn main() {
    let args = parse_args();
    let corpus = harness::load_seeds(&args.seeds);
    if corpus.is_empty() {
        eprintln!("fuzz: no seeds in {}", args.seeds.display());
        std::process::exit(2);
    }
    harness::install_quiet_panic_hook();
    let start = Instant::now();
    let deadline = args.seconds.map(|s| start + Duration::from_secs(s));
    println!(
        "fuzz: seed {}, {} seed inputs ({} bytes), steps: decode, parse, {}",
        args.seed,
        corpus.len(),
        corpus.iter().map(Vec::len).sum::<usize>(),
        harness::STEPS
            .iter()
            .map(|s| s.0)
            .collect::<Vec<_>>()
            .join(", ")
    );

    // The watchdog sees the input being run and when it started.
    let current: Arc<Mutex<(Instant, Vec<u8>)>> = Arc::new(Mutex::new((Instant::now(), vec![])));
    {
        let current = Arc::clone(&current);
        let dir = args.artifacts.clone();
        let limit = Duration::from_secs(args.hang_secs);
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_millis(500));
                let (since, input) = match current.lock() {
                    Ok(g) => (g.0, g.1.clone()),
                    Err(_) => return,
                };
                if since.elapsed() > limit {
                    let p = save(
                        &dir,
                        "hang",
                        &input,
                        "hang: one execution ran over the limit",
                    );
                    eprintln!(
                        "fuzz: HANG ({} bytes) saved to {}",
                        input.len(),
                        p.display()
                    );
                    std::process::exit(3);
                }
            }
        });
    }

    let mut last_report = Instant::now();
    let stats = harness::fuzz(
        args.seed,
        &corpus,
        args.iterations,
        deadline,
        |f, input| {
            let p = save(
                &args.artifacts,
                f.step,
                input,
                &format!("{}: {}", f.step, f.message),
            );
            println!(
                "fuzz: FINDING in {}: {} ({} bytes) -> {}",
                f.step,
                f.message,
                input.len(),
                p.display()
            );
        },
        |stats, input| {
            if let Ok(mut g) = current.lock() {
                g.0 = Instant::now();
                g.1.clear();
                g.1.extend_from_slice(input);
            }
            if last_report.elapsed() >= Duration::from_secs(30) {
                last_report = Instant::now();
                let secs = start.elapsed().as_secs_f64();
                println!(
                    "fuzz: {:>6.0}s  {} execs  {:.0} execs/s  corpus {}  {} findings  slowest {} ms ({} bytes)",
                    secs,
                    stats.execs,
                    stats.execs as f64 / secs,
                    stats.corpus,
                    stats.findings.len(),
                    stats.slowest_us / 1000,
                    stats.slowest_len
                );
            }
        },
    );
    let secs = start.elapsed().as_secs_f64();
    println!(
        "fuzz: done: {} execs in {:.0}s ({:.0} execs/s), corpus {}, {} findings, slowest execution {} ms ({} bytes)",
        stats.execs,
        secs,
        stats.execs as f64 / secs,
        stats.corpus,
        stats.findings.len(),
        stats.slowest_us / 1000,
        stats.slowest_len
    );
    // Kept to tell a slow path from a busy machine: time it again alone.
    if !stats.slowest_input.is_empty() {
        let p = save(
            &args.artifacts,
            "slowest",
            &stats.slowest_input,
            &format!("slowest execution: {} ms", stats.slowest_us / 1000),
        );
        println!("fuzz: slowest input saved to {}", p.display());
    }
    for (f, input) in &stats.findings {
        println!("  {}: {} ({} bytes)", f.step, f.message, input.len());
    }
    std::process::exit(if stats.findings.is_empty() { 0 } else { 1 });
}
