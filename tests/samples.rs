//! Each bundled sample's outline against an expected outline reviewed by eye
//! (tests/snapshots/). The samples' intended outlines are written down in
//! sample/OUTLINES.md; the snapshots were checked against it line by line.

use gangmu::corpus::{decode, samples::SAMPLES};
use gangmu::export::to_text;
use gangmu::outline::parse;

fn render(name: &str, bytes: &[u8]) -> String {
    // The snapshots hold the English text output.
    gangmu::lang::pin(gangmu::lang::Lang::En);
    let d = decode(bytes).expect("sample decodes");
    let stem = sample_stem(name);
    let doc = parse(&d.text, name, stem, d.encoding);
    let mut s = to_text(&doc);
    s.push_str(&format!("subtitle: {:?}\n", doc.subtitle));
    s.push_str(&format!("announced: {:?}\n", doc.announced));
    s.push_str(&format!("closing_line: {:?}\n", doc.closing_line));
    s.push_str("removed:");
    for r in &doc.removed {
        s.push_str(&format!(" L{}", r.line));
    }
    s.push('\n');
    s
}

/// `sample/01_economy_work.txt` → `01_economy_work`.
fn sample_stem(name: &str) -> &str {
    let base = name.trim_start_matches("sample/");
    base.rsplit_once('.').map_or(base, |(stem, _)| stem)
}

#[test]
fn at_least_twelve_samples_are_bundled() {
    assert!(SAMPLES.len() >= 12, "{}", SAMPLES.len());
}

#[test]
fn sample_outlines_match_the_reviewed_snapshots() {
    for (name, bytes) in SAMPLES {
        let snap = sample_stem(name).to_string();
        insta::assert_snapshot!(snap, render(name, bytes));
    }
}

#[test]
fn samples_cover_the_required_encodings_and_line_endings() {
    let mut encodings: Vec<&str> = Vec::new();
    let mut crlf_with_ideographic_indent = false;
    for (_, bytes) in SAMPLES {
        let d = decode(bytes).unwrap();
        encodings.push(d.encoding);
        let raw = String::from_utf8_lossy(bytes);
        crlf_with_ideographic_indent |= raw.contains("\r\n\u{3000}\u{3000}");
    }
    assert!(encodings.contains(&"GB18030"));
    assert!(encodings.contains(&"UTF-16LE"));
    assert!(crlf_with_ideographic_indent);
}

#[test]
fn sample_lengths_are_in_the_genre_range() {
    for (name, bytes) in SAMPLES {
        let d = decode(bytes).unwrap();
        let n = d.text.chars().filter(|c| !c.is_whitespace()).count();
        assert!((1500..=6000).contains(&n), "{name}: {n} characters");
    }
}

#[test]
fn dropping_paragraph_text_changes_nothing_in_the_outline() {
    use gangmu::outline::{Text, parse_with};
    for (name, bytes) in SAMPLES {
        let d = decode(bytes).unwrap();
        let keep = parse_with(&d.text, name, "s", d.encoding, Text::Keep);
        let drop = parse_with(&d.text, name, "s", d.encoding, Text::Drop);
        assert_eq!(
            gangmu::export::to_json(&keep),
            gangmu::export::to_json(&drop),
            "{name}"
        );
        assert!(drop.text.is_empty());
        assert!((0..drop.paragraphs.len()).all(|i| drop.para_text(i).is_empty()));
        assert!((0..keep.paragraphs.len()).all(|i| !keep.para_text(i).is_empty()));
    }
}
