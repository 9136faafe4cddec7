//! A bounded pass of the fuzz harness (`examples/fuzz.rs` runs it for long): every seed
//! unmutated, then a few thousand mutated inputs through decode → parse → export.

#[path = "../fuzz/harness.rs"]
mod harness;

/// Enough to exercise every mutation, few enough for well under a minute in debug builds.
const ITERATIONS: u64 = 2000;

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
fn the_libfuzzer_dictionary_is_the_harness_tokens() {
    let path = harness::seed_dir().with_file_name("gangmu.dict");
    let dict = std::fs::read_to_string(&path).unwrap_or_default();
    if std::env::var_os("GANGMU_WRITE_DICT").is_some() {
        std::fs::write(&path, harness::dictionary()).unwrap();
        return;
    }
    assert!(
        dict == harness::dictionary(),
        "{} is not TOKENS: rerun with GANGMU_WRITE_DICT=1",
        path.display()
    );
}

#[test]
fn every_seed_passes_unmutated() {
    for (i, seed) in harness::load_seeds(&harness::seed_dir()).iter().enumerate() {
        if let Err(f) = harness::run_one(seed) {
            panic!("seed {i}: {}: {}", f.step, f.message);
        }
    }
}

/// The checks catch what they claim to: a broken tree or a bad `lead` is reported.
#[test]
fn invariant_checks_catch_broken_documents() {
    let text = "在全县工作会议上的讲话\n同志们：\n一、提高站位\n（一）统一思想\n正文。\n二、狠抓落实\n正文。\n";
    let good = gangmu::outline::parse(text, "a.txt", "a", "UTF-8");
    assert_eq!(harness::check_invariants(&good), Ok(()));
    assert!(good.nodes.len() >= 3 && good.nodes[1].parent == Some(0));

    let mut bad = good.clone();
    bad.nodes[1].parent = None;
    assert!(harness::check_invariants(&bad).is_err(), "wrong parent");
    let mut bad = good.clone();
    bad.nodes[0].end = 0;
    assert!(
        harness::check_invariants(&bad).is_err(),
        "end before itself"
    );
    let mut bad = good.clone();
    bad.nodes[1].level = 3;
    assert!(harness::check_invariants(&bad).is_err(), "level skips");
    let mut bad = good.clone();
    let p = bad.nodes[0].para;
    bad.paragraphs[p].lead = 1; // inside the first character
    assert!(
        harness::check_invariants(&bad).is_err(),
        "lead off a char boundary"
    );
}
