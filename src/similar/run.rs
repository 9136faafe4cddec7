//! `gangmu similar [PATH...]`: sketches every speech (in parallel), finds the candidate
//! pairs, reads the speeches of those again to compare them exactly, and prints the
//! pairs by family. Exit 0, or 2 when a file could not be read or the output failed.

use super::pairs::{Pair, Sketch, Speech, candidates, compare, families};
use super::render;
use crate::cli::{SimilarArgs, SimilarFormat};
use crate::color::choose_for_stderr;
use crate::corpus::{LoadError, Source, find_sources, load_source, paths_or_stdin};
use crate::export::{Closed, Sink, say_error};
use crate::outline::Text;
use rayon::prelude::*;
use std::collections::HashMap;
use std::process::ExitCode;

pub fn run(args: &SimilarArgs) -> ExitCode {
    choose_for_stderr(args.color);
    let paths = paths_or_stdin(&args.paths);
    let (sources, mut errors) = find_sources(&paths, &args.find.ext, args.find.follow);
    for e in &errors {
        say_error(e);
    }
    let max = args.find.max_size;
    // Standard input can be read once: its speech is kept whole.
    let loaded: Vec<_> = sources
        .par_iter()
        .map(|s| load_source(s, Text::Keep, max).map(|d| (Sketch::new(&d), keep(s, d))))
        .collect();
    let mut sketches = Vec::with_capacity(loaded.len());
    let mut kept: HashMap<usize, Speech> = HashMap::new();
    let mut origin: Vec<&Source> = Vec::with_capacity(loaded.len());
    for (src, r) in sources.iter().zip(loaded) {
        match r {
            Ok((sk, whole)) => {
                if let Some(sp) = whole {
                    kept.insert(sketches.len(), sp);
                }
                sketches.push(sk);
                origin.push(src);
            }
            Err(e) => {
                say_error(&e);
                errors.push(e);
            }
        }
    }
    let min = f64::from(args.min);
    let cands = candidates(&sketches, min, args.common.max(2));
    // The speeches of the candidate pairs, read again.
    let mut wanted: Vec<usize> = cands
        .iter()
        .flat_map(|&(i, j)| [i as usize, j as usize])
        .filter(|i| !kept.contains_key(i))
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let reread: Vec<(usize, Result<Speech, LoadError>)> = wanted
        .par_iter()
        .map(|&i| {
            (
                i,
                load_source(origin[i], Text::Keep, max).map(|d| Speech::new(&d)),
            )
        })
        .collect();
    for (i, r) in reread {
        match r {
            Ok(sp) => {
                kept.insert(i, sp);
            }
            Err(e) => {
                say_error(&e);
                errors.push(e);
            }
        }
    }
    let found: Vec<Pair> = cands
        .par_iter()
        .filter_map(|&(i, j)| {
            let (i, j) = (i as usize, j as usize);
            Some(compare(kept.get(&i)?, kept.get(&j)?, i, j))
        })
        .filter(|p| p.larger() >= min)
        .collect();
    let fams = families(&sketches, &found);
    let mut out = Sink::new();
    match args.format {
        SimilarFormat::Jsonl => {
            for p in &found {
                let mut line = render::pair_json(p, &sketches).to_string();
                line.push('\n');
                out.put(line.as_bytes());
            }
        }
        SimilarFormat::Text | SimilarFormat::Json => {
            let mut json = Vec::new();
            for (n, fam) in fams.iter().enumerate() {
                let in_fam: Vec<&Pair> = found.iter().filter(|p| fam.contains(&p.a)).collect();
                let inside = in_first(fam, &in_fam, &kept);
                if args.format == SimilarFormat::Text {
                    out.put(render::text(n + 1, fam, &sketches, &in_fam, &inside).as_bytes());
                } else {
                    json.push(render::family_json(fam, &sketches, &in_fam, &inside));
                }
            }
            if args.format == SimilarFormat::Json {
                let errs: Vec<_> = errors
                    .iter()
                    .map(|e| serde_json::json!({"path": e.path, "message": e.message}))
                    .collect();
                let doc = serde_json::json!({
                    "schema": 1,
                    "min": args.min,
                    "speeches": sketches.len(),
                    "families": json,
                    "errors": errs,
                });
                out.put(format!("{doc}\n").as_bytes());
            }
        }
    }
    match out.close() {
        Closed::Failed => ExitCode::from(2),
        Closed::Fine if !errors.is_empty() => ExitCode::from(2),
        Closed::Fine | Closed::Pipe => ExitCode::SUCCESS,
    }
}

/// Standard input's speech, kept whole (it cannot be read a second time).
fn keep(source: &Source, doc: crate::outline::Document) -> Option<Speech> {
    (*source == Source::Stdin).then(|| Speech::new(&doc))
}

/// How much of each member is in the family's first: from their pair, or compared now
/// when they are joined only through others.
fn in_first(fam: &[usize], pairs: &[&Pair], kept: &HashMap<usize, Speech>) -> Vec<f64> {
    let first = fam[0];
    fam.iter()
        .map(|&i| {
            if i == first {
                return 100.0;
            }
            let pair = pairs
                .iter()
                .find(|p| (p.a, p.b) == (i, first) || (p.b, p.a) == (i, first));
            match pair {
                Some(p) if p.a == i => p.a_in_b,
                Some(p) => p.b_in_a,
                None => match (kept.get(&i), kept.get(&first)) {
                    (Some(x), Some(y)) => compare(x, y, i, first).a_in_b,
                    _ => 0.0,
                },
            }
        })
        .collect()
}
