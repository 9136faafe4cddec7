//! Writes a deterministic corpus of synthetic speeches for benchmarks:
//! `cargo run --release --example gen_corpus -- DIR N [--seed S]`.

use gangmu::corpus::synth::{Pools, file};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_corpus DIR N [--seed S]";
    let (Some(dir), Some(n)) = (
        args.first(),
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let seed = match args.iter().position(|a| a == "--seed") {
        Some(i) => args
            .get(i + 1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                eprintln!("{usage}");
                std::process::exit(2)
            }),
        None => 1,
    };
    let dir = PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("gen_corpus: {}: {e}", dir.display());
        std::process::exit(1);
    }
    let pools = Pools::from_samples();
    let mut bytes = 0usize;
    for i in 0..n {
        let data = file(&pools, seed, i, 20_000);
        bytes += data.len();
        let path = dir.join(format!("{:06}.txt", i + 1));
        if let Err(e) = std::fs::write(&path, &data) {
            eprintln!("gen_corpus: {}: {e}", path.display());
            std::process::exit(1);
        }
    }
    println!(
        "wrote {n} speeches, {:.1} MB, to {}",
        bytes as f64 / 1e6,
        dir.display()
    );
}
