//! Parse throughput with criterion (statistics, and baselines to compare against:
//! `cargo bench --bench parse -- --save-baseline before`, then `--baseline before`).
//! Decodes and parses 1,000 generated speeches in memory, on one thread and on all.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gangmu::corpus::decode;
use gangmu::corpus::synth::{Pools, file};
use gangmu::outline::parse;
use rayon::prelude::*;
use std::hint::black_box;

fn one(b: &[u8]) -> usize {
    decode(b)
        .map(|d| parse(&d.text, "bench", "bench", d.encoding).nodes.len())
        .unwrap_or(0)
}

fn bench(c: &mut Criterion) {
    let pools = Pools::from_samples();
    let files: Vec<Vec<u8>> = (0..1000).map(|i| file(&pools, 7, i, 20_000)).collect();
    let bytes = files.iter().map(Vec::len).sum::<usize>() as u64;
    let mut g = c.benchmark_group("decode+parse 1,000 speeches");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.bench_function("1 thread", |b| {
        b.iter(|| black_box(files.iter().map(|f| one(f)).sum::<usize>()))
    });
    g.bench_function(format!("{} threads", rayon::current_num_threads()), |b| {
        b.iter(|| black_box(files.par_iter().map(|f| one(f)).sum::<usize>()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
