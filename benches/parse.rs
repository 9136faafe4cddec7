//! Parse throughput: `cargo bench --bench parse`. Decodes and parses a generated corpus
//! in memory, single-threaded and across all cores, and prints MB/s.

use gangmu::corpus::decode;
use gangmu::corpus::synth::{Pools, file};
use gangmu::outline::parse;
use rayon::prelude::*;
use std::time::Instant;

fn main() {
    let pools = Pools::from_samples();
    let files: Vec<Vec<u8>> = (0..1000).map(|i| file(&pools, 7, i, 20_000)).collect();
    let mb = files.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    let one = |b: &Vec<u8>| {
        decode(b)
            .map(|d| parse(&d.text, "bench", "bench", d.encoding).nodes.len())
            .unwrap_or(0)
    };
    // Warm up, then take the best of a few rounds.
    let mut best_serial = f64::MAX;
    let mut best_parallel = f64::MAX;
    let mut nodes = 0;
    for _ in 0..5 {
        let t = Instant::now();
        nodes = files.iter().map(one).sum::<usize>();
        best_serial = best_serial.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let n2: usize = files.par_iter().map(one).sum();
        best_parallel = best_parallel.min(t.elapsed().as_secs_f64());
        assert_eq!(nodes, n2);
    }
    println!("parse: {} files, {mb:.1} MB, {nodes} nodes", files.len());
    println!("parse: 1 thread   {:>7.1} MB/s", mb / best_serial);
    println!(
        "parse: {} threads {:>7.1} MB/s",
        rayon::current_num_threads(),
        mb / best_parallel
    );
}
