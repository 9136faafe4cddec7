//! Embeds `sample/*.txt` and `sample/*.md` in the binary so `gangmu` with no path works
//! from any directory, and names the outline code's version for the outline cache.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("sample");
    println!("cargo:rerun-if-changed=sample");
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                // Samples are numbered (`01_…`); OUTLINES.md describes them and is no speech.
                .filter(|n| n.starts_with(|c: char| c.is_ascii_digit()))
                .filter(|n| n.ends_with(".txt") || n.ends_with(".md"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from("pub static SAMPLES: &[(&str, &[u8])] = &[\n");
    for n in &names {
        let abs = fs::canonicalize(dir.join(n)).expect("sample path");
        println!("cargo:rerun-if-changed=sample/{n}");
        out.push_str(&format!(
            "    (\"sample/{n}\", include_bytes!({:?})),\n",
            abs.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("samples.rs");
    fs::write(dest, out).expect("write samples.rs");
    outline_hash();
}

/// A hash of everything an outline depends on: the decoder, the parser, the cache's own
/// format and the locked dependency versions. The outline cache keeps it with its
/// entries, so a build that would outline a file differently never reads them.
fn outline_hash() {
    let mut files = Vec::new();
    // Every file below these folders, subfolders (`cache/entry/`) included.
    let mut dirs: Vec<std::path::PathBuf> = ["src/outline", "src/corpus", "src/cache"]
        .iter()
        .map(|d| {
            println!("cargo:rerun-if-changed={d}");
            d.into()
        })
        .collect();
    while let Some(dir) = dirs.pop() {
        for path in fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
        {
            match path.is_dir() {
                true => dirs.push(path),
                false => files.push(path),
            }
        }
    }
    println!("cargo:rerun-if-changed=Cargo.lock");
    files.push("Cargo.lock".into());
    files.sort();
    // FNV-1a over names and contents: stable across Rust versions, unlike std's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for f in &files {
        eat(f.to_string_lossy().as_bytes());
        eat(&fs::read(f).unwrap_or_default());
    }
    eat(env::var("CARGO_PKG_VERSION").unwrap_or_default().as_bytes());
    println!("cargo:rustc-env=GANGMU_OUTLINE_HASH={h:016x}");
}
