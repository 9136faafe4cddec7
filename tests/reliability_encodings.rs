//! Issue 10: mixed and damaged encodings. Only the encodings README promises are ever
//! reported, and what could not be read is said, with where.

mod common;

use common::run::*;

fn outline_json(bytes: &[u8], name: &str) -> serde_json::Value {
    let dir = Dir::new(name);
    std::fs::write(dir.path("s.txt"), bytes).unwrap();
    let d = run(&["outline", "--format", "json", &dir.s("s.txt")]);
    serde_json::from_str::<serde_json::Value>(&d.stdout).expect("JSON")["documents"][0].clone()
}

fn warnings(doc: &serde_json::Value) -> String {
    doc["warnings"].to_string()
}

const PROMISED: [&str; 5] = ["UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "Big5"];

#[test]
fn a_utf8_speech_with_a_gbk_tail_keeps_both_readable_and_says_so() {
    let (head, tail) = GOOD.split_at(GOOD.find("二、").unwrap());
    let mut bytes = head.as_bytes().to_vec();
    let (gbk, _, _) = encoding_rs::GB18030.encode(tail);
    bytes.extend_from_slice(&gbk);
    let doc = outline_json(&bytes, "gbktail");
    assert_eq!(doc["encoding"], "UTF-8");
    assert_eq!(doc["sections"][1]["title"], "狠抓落实", "{doc}");
    assert!(warnings(&doc).contains("GB18030"), "{doc}");
}

#[test]
fn stray_bytes_in_utf8_are_replaced_counted_and_located() {
    let speech = include_str!("../sample/01_economy_work.txt");
    let mut bytes = Vec::new();
    let mut stray = 0;
    for (i, line) in speech.lines().enumerate() {
        bytes.extend_from_slice(line.as_bytes());
        if i >= 2 && stray < 80 {
            // Ten stray bytes after each line from the third on.
            bytes.extend(std::iter::repeat_n(0xFF, 10));
            stray += 10;
        }
        bytes.push(b'\n');
    }
    let doc = outline_json(&bytes, "stray");
    assert_eq!(doc["encoding"], "UTF-8");
    assert_eq!(doc["sections"].as_array().map(Vec::len), Some(4), "{doc}");
    let w = warnings(&doc);
    assert!(w.contains("80 bytes") && w.contains("line 3"), "{w}");
}

#[test]
fn a_gbk_speech_with_four_byte_characters_in_its_title() {
    let text = GOOD.replacen("在全县", "在𠮷全县", 1);
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    let doc = outline_json(&gbk, "fourbyte");
    assert_eq!(doc["encoding"], "GB18030");
    assert_eq!(doc["title"], "在𠮷全县工作会议上的讲话");
    // A short one, whose few pairs the detector took for windows-1252.
    let text = "在m\u{301}m\u{301}会议上的讲话\n同志们：\n今天开会。\n";
    let (gbk, _, _) = encoding_rs::GB18030.encode(text);
    let doc = outline_json(&gbk, "fourbyte-short");
    assert_eq!(doc["encoding"], "GB18030");
    assert_eq!(doc["title"], "在m\u{301}m\u{301}会议上的讲话");
}

#[test]
fn only_the_promised_encodings_are_ever_reported() {
    let french = "Caf\u{e9} r\u{e9}sum\u{e9} na\u{ef}ve \u{e0} la carte\n".repeat(20);
    let cases: [&[u8]; 3] = [
        french.as_bytes(),
        b"\xc4\xe3\xba\xc3 \xb0\xb2\xb3\xc7 \xbb\xfd\xb4\xce\n",
        b"\xb9\xe6\xbf\xf8 \xbf\xac\xb1\xb8 \xc7\xd1\xb1\xb9\xbe\xee\n",
    ];
    for (k, bytes) in cases.iter().enumerate() {
        let latin1: Vec<u8> = String::from_utf8_lossy(bytes)
            .chars()
            .map(|c| c as u32 as u8)
            .collect();
        for b in [bytes.to_vec(), latin1] {
            let doc = outline_json(&b, &format!("enc{k}"));
            let enc = doc["encoding"].as_str().unwrap_or("?").to_string();
            assert!(PROMISED.contains(&enc.as_str()), "case {k}: {enc}");
        }
    }
}
