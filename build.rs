//! Embeds `sample/*.txt` and `sample/*.md` in the binary so `gangmu` with no path works
//! from any directory.

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
}
