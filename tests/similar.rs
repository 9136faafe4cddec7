//! `gangmu similar` (issue 15) on original speeches: one copies two passages of
//! another (with half-width punctuation), a third shares only a set thanks phrase. The
//! containment reported is checked against an independent count made here.

use std::collections::HashSet;
use std::process::Command;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/similar");

fn gangmu(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .env("GANGMU_LANG", "en")
        .args(args)
        .output()
        .expect("runs")
}

/// The speech text as compared: every line after the title, full-width ASCII folded,
/// only letters and digits kept (these files have no junk, subtitle or meta lines).
fn norm(file: &str) -> Vec<char> {
    let text = std::fs::read_to_string(format!("{DIR}/{file}")).unwrap();
    text.lines()
        .skip(1)
        .flat_map(|l| l.chars())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap(),
            c => c,
        })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Percent of `a`'s characters inside an 8-character run that `b` has too.
fn containment(a: &[char], b: &[char]) -> f64 {
    let grams: HashSet<&[char]> = b.windows(8).collect();
    let mut cover = vec![false; a.len()];
    for (i, w) in a.windows(8).enumerate() {
        if grams.contains(w) {
            cover[i..i + 8].iter_mut().for_each(|c| *c = true);
        }
    }
    cover.iter().filter(|&&c| c).count() as f64 * 100.0 / a.len() as f64
}

#[test]
fn a_copy_is_found_with_its_containment_and_a_set_phrase_is_not() {
    let out = gangmu(&["similar", "-f", "jsonl", DIR]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    let p = &lines[0];
    assert!(p["a"].as_str().unwrap().ends_with("base.txt"), "{p}");
    assert!(p["b"].as_str().unwrap().ends_with("copy.txt"), "{p}");
    let (base, copy) = (norm("base.txt"), norm("copy.txt"));
    let want_a = containment(&base, &copy);
    let want_b = containment(&copy, &base);
    let (got_a, got_b) = (p["a_in_b"].as_f64().unwrap(), p["b_in_a"].as_f64().unwrap());
    assert!(
        (got_a - want_a).abs() <= 5.0,
        "base in copy: {got_a} vs {want_a}"
    );
    assert!(
        (got_b - want_b).abs() <= 5.0,
        "copy in base: {got_b} vs {want_b}"
    );
    assert!(want_b >= 30.0, "the copy is mostly the base: {want_b}");
    // Where: the copied passages stand in 二、 and 三、 of the base.
    let secs: Vec<&str> = p["sections_a"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(secs.iter().any(|s| s.starts_with("二、")), "{secs:?}");
    assert!(secs.iter().any(|s| s.starts_with("三、")), "{secs:?}");
    // The set phrase alone keeps the third speech well under the threshold.
    let phrase = norm("phrase.txt");
    assert!(containment(&phrase, &base) < 30.0);
    assert!(!lines.iter().any(|l| l.to_string().contains("phrase.txt")));
}

#[test]
fn families_in_text_and_json_and_the_threshold() {
    let out = gangmu(&["similar", DIR]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("== family 1: 2 speeches\n"), "{text}");
    // The longer speech first, the other's share of it after.
    let first = text.lines().nth(1).unwrap();
    assert!(
        first.contains("base.txt") && first.ends_with("first"),
        "{text}"
    );
    assert!(
        text.lines().nth(2).unwrap().contains("% in the first"),
        "{text}"
    );
    let out = gangmu(&["similar", "-f", "json", DIR]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["speeches"], 3);
    assert_eq!(v["families"].as_array().unwrap().len(), 1);
    assert_eq!(v["families"][0]["members"].as_array().unwrap().len(), 2);
    // Above the copy's share nothing is reported.
    let out = gangmu(&["similar", "--min", "95", "-f", "jsonl", DIR]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
}
