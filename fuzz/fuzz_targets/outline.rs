//! Any bytes through decode → parse (whole and in parts) → JSON, text, points and wrap,
//! with the outline's invariants checked after each step: `harness::run_one`, as the
//! stable fuzzer and `tests/fuzz_smoke.rs` run it. A broken invariant is a crash.
//!
//! From the repository's root (README, "Development"):
//! `mkdir -p fuzz/corpus/outline`, then
//! `cargo +nightly fuzz run outline fuzz/corpus/outline fuzz/seeds -- -dict=fuzz/gangmu.dict`
//! (new inputs go to the first folder; the seeds are only read).

#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(f) = harness::run_one(data) {
        panic!("{}: {}", f.step, f.message);
    }
});
