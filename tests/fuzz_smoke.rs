//! A bounded pass of the fuzz harness (`examples/fuzz.rs` runs it for long): every seed
//! unmutated, then a few thousand mutated inputs through decode → parse → export.

#[path = "../fuzz/harness.rs"]
mod harness;

/// Enough to exercise every mutation, few enough for well under a minute in debug builds.
const ITERATIONS: u64 = 5000;

#[test]
fn fuzz_smoke_finds_nothing() {
    let corpus = harness::load_seeds(&harness::seed_dir());
    assert!(
        corpus.len() >= 20,
        "seed corpus missing: {}",
        harness::seed_dir().display()
    );
    harness::install_quiet_panic_hook();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let stats = harness::fuzz(
        7,
        &corpus,
        Some(ITERATIONS),
        Some(deadline),
        |_, _| {},
        |_, _| {},
    );
    let report: Vec<String> = stats
        .findings
        .iter()
        .map(|(f, input)| {
            format!(
                "{}: {} ({} bytes: {:?})",
                f.step,
                f.message,
                input.len(),
                String::from_utf8_lossy(&input[..input.len().min(200)])
            )
        })
        .collect();
    assert!(report.is_empty(), "findings:\n{}", report.join("\n"));
    assert!(stats.execs >= corpus.len() as u64);
}

#[test]
fn every_seed_passes_unmutated() {
    for (i, seed) in harness::load_seeds(&harness::seed_dir()).iter().enumerate() {
        if let Err(f) = harness::run_one(seed) {
            panic!("seed {i}: {}: {}", f.step, f.message);
        }
    }
}
