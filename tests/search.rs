//! Issue 12: `gangmu search`. Its matches are checked against an independent count
//! (each file decoded here, the parser's removed lines struck out, occurrences counted)
//! on the samples and on a generated corpus in UTF-8, CRLF, GB18030 and UTF-16; each
//! hit's breadcrumb is checked against the sections `gangmu outline` lists.

mod common;
use common::run::{Dir, Done, command, finish};
use gangmu::corpus::synth::{self, Pools};
use serde_json::Value;
use std::collections::HashMap;
use std::process::Stdio;

fn run(args: &[&str]) -> Done {
    finish(
        command(args)
            // No path means the samples only when nothing is piped in.
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("gangmu runs"),
    )
}

fn jsonl(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// Decoded here without gangmu: BOM, else UTF-8, else GB18030; LF line ends.
fn decode(bytes: &[u8]) -> String {
    let text = if let Some((enc, n)) = encoding_rs::Encoding::for_bom(bytes) {
        enc.decode_without_bom_handling(&bytes[n..]).0.into_owned()
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        s.to_string()
    } else {
        encoding_rs::GB18030.decode(bytes).0.into_owned()
    };
    text.replace("\r\n", "\n")
}

/// Occurrences of `phrase` per file, on the lines `gangmu outline` did not remove.
fn independent_count(dir: &Dir, phrase: &str) -> HashMap<String, usize> {
    let outline = run(&["outline", "--format", "json", &dir.s("")]);
    let outline: Value = serde_json::from_str(&outline.stdout).expect("outline JSON");
    let mut counts = HashMap::new();
    for doc in outline["documents"].as_array().expect("documents") {
        let path = doc["path"].as_str().expect("path").to_string();
        let removed: Vec<u64> = doc["removed"]
            .as_array()
            .expect("removed")
            .iter()
            .map(|r| r["line"].as_u64().expect("line"))
            .collect();
        let text = decode(&std::fs::read(&path).expect("readable"));
        let n: usize = text
            .lines()
            .enumerate()
            .filter(|(i, _)| !removed.contains(&(*i as u64 + 1)))
            .map(|(_, l)| l.matches(phrase).count())
            .sum();
        if n > 0 {
            counts.insert(path, n);
        }
    }
    counts
}

fn counted(hits: &[Value]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for h in hits {
        let path = h["path"].as_str().expect("path").to_string();
        *counts.entry(path).or_default() += h["matches"].as_array().expect("matches").len();
    }
    counts
}

/// The bundled samples but the hard-wrapped and the flattened ones (whose lines are
/// joined or split into paragraphs, so lines do not say where a phrase is), and 60 generated
/// speeches in every encoding, two of them UTF-16.
fn corpus(name: &str) -> Dir {
    let dir = Dir::new(name);
    std::fs::remove_file(dir.path("good.txt")).expect("scratch file");
    for (file, bytes) in gangmu::corpus::samples::SAMPLES {
        let base = file.rsplit('/').next().unwrap_or(file);
        let relined = base.contains("hard_wrapped") || base.contains("flattened");
        if !relined && base.ends_with(".txt") {
            std::fs::write(dir.path(base), bytes).expect("sample written");
        }
    }
    let pools = Pools::from_samples();
    for i in 0..60 {
        std::fs::write(
            dir.path(&format!("gen{i:03}.txt")),
            synth::file(&pools, 7, i, 6000),
        )
        .expect("speech written");
    }
    let mut rng = synth::Rng::new(11);
    for i in 0..2 {
        let text = synth::speech(&pools, &mut rng, 6000);
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        std::fs::write(dir.path(&format!("utf16_{i}.txt")), bytes).expect("UTF-16 written");
    }
    dir
}

#[test]
fn jsonl_agrees_with_an_independent_count() {
    let dir = corpus("count");
    for phrase in ["营商环境", "高质量发展", "同志们"] {
        let want = independent_count(&dir, phrase);
        assert!(want.len() > 5, "{phrase} is in several files: {want:?}");
        let done = run(&["search", "--format", "jsonl", phrase, &dir.s("")]);
        assert_eq!(done.code, Some(0), "{}", done.stderr);
        let got = counted(&jsonl(&done.stdout));
        assert_eq!(got, want, "{phrase}");
        // `--count` says the same.
        let done = run(&["search", "--count", phrase, &dir.s("")]);
        let per_file: HashMap<String, usize> = done
            .stdout
            .lines()
            .map(|l| {
                let (p, n) = l.rsplit_once(':').expect("PATH:N");
                (p.to_string(), n.parse().expect("a number"))
            })
            .collect();
        assert_eq!(per_file, want, "{phrase} --count");
    }
    let files = std::fs::read_dir(&dir.0).expect("dir").count();
    let gb = (0..60)
        .filter(|i| {
            std::str::from_utf8(&std::fs::read(dir.path(&format!("gen{i:03}.txt"))).unwrap())
                .is_err()
        })
        .count();
    assert!(gb > 3 && files > 70, "GB18030 files: {gb}, files: {files}");
}

/// The sections of an outline JSON document, flattened: (line, marker + title).
fn sections(nodes: &Value, out: &mut Vec<(u64, String)>) {
    for n in nodes.as_array().expect("sections") {
        let label = format!(
            "{}{}",
            n["marker"].as_str().unwrap_or(""),
            n["title"].as_str().unwrap_or("")
        );
        out.push((n["line"].as_u64().expect("line"), label));
        sections(&n["children"], out);
    }
}

#[test]
fn each_breadcrumb_ends_in_the_section_outline_lists_for_its_line() {
    let dir = corpus("crumbs");
    let outline = run(&["outline", "--format", "json", &dir.s("")]);
    let outline: Value = serde_json::from_str(&outline.stdout).expect("outline JSON");
    let mut by_path = HashMap::new();
    for doc in outline["documents"].as_array().expect("documents") {
        by_path.insert(doc["path"].as_str().unwrap().to_string(), doc.clone());
    }
    let done = run(&["search", "--format", "jsonl", "发展", &dir.s("")]);
    let hits = jsonl(&done.stdout);
    assert!(hits.len() > 100, "{} hits", hits.len());
    for h in &hits {
        let doc = &by_path[h["path"].as_str().unwrap()];
        let line = h["line"].as_u64().unwrap();
        let crumbs = h["breadcrumb"].as_array().expect("breadcrumb");
        assert_eq!(crumbs[0]["title"], doc["title"], "{h}");
        let last = crumbs.last().unwrap();
        let closing = doc["closing_line"].as_u64().filter(|&c| line >= c);
        let appendix = doc["appendix_line"].as_u64().filter(|&a| line >= a);
        let mut all = Vec::new();
        sections(&doc["sections"], &mut all);
        let want = if appendix.is_some() {
            Some("附件".to_string())
        } else if closing.is_some() {
            Some("结束语".to_string())
        } else {
            all.iter()
                .rev()
                .find(|(l, _)| *l <= line)
                .map(|(_, t)| t.clone())
        };
        match want {
            Some(t) => {
                let got = format!(
                    "{}{}",
                    last["marker"].as_str().unwrap(),
                    last["title"].as_str().unwrap()
                );
                assert_eq!(got, t, "{h}");
                assert!(last["line"].as_u64().unwrap() <= line, "{h}");
            }
            None => assert_eq!(crumbs.len(), 1, "before any section: {h}"),
        }
        // The matches are where the text says.
        let text: Vec<char> = h["text"].as_str().unwrap().chars().collect();
        for m in h["matches"].as_array().unwrap() {
            let (a, b) = (
                m[0].as_u64().unwrap() as usize,
                m[1].as_u64().unwrap() as usize,
            );
            assert_eq!(text[a..b].iter().collect::<String>(), "发展", "{h}");
        }
        let col = h["column"].as_u64().unwrap() as usize;
        assert_eq!(col, h["matches"][0][0].as_u64().unwrap() as usize + 1);
    }
}

#[test]
fn folding_junk_and_words() {
    let dir = Dir::new("fold");
    let speech = "在全市优化營商環境大会上的讲话\n来源：营商环境网\n同志们：\n一、抓改革\n要把优化营商环境作为一号工程。\n二、抓落实\n各级要为基层减负，减负要落到基层。\n基层治理要加强。\n同志们，让我们共同努力！\n";
    std::fs::write(dir.path("a.txt"), speech).unwrap();
    let lines = |args: &[&str]| -> Vec<u64> {
        let mut a = vec!["search", "--format", "jsonl"];
        a.extend_from_slice(args);
        let p = dir.s("a.txt");
        a.push(&p);
        jsonl(&run(&a).stdout)
            .iter()
            .map(|h| h["line"].as_u64().unwrap())
            .collect()
    };
    // Traditional finds simplified and back; the removed `来源：` line is not searched.
    assert_eq!(lines(&["营商环境"]), [1, 5]);
    assert_eq!(lines(&["營商環境"]), [1, 5]);
    assert_eq!(lines(&["--exact", "营商环境"]), [5]);
    // Words all in one paragraph; a phrase with its space.
    assert_eq!(lines(&["基层 减负"]), [7]);
    assert_eq!(lines(&["--phrase", "基层 减负"]), Vec::<u64>::new());
    assert_eq!(lines(&["--regex", "[一二]、抓"]), [4, 6]);
}

#[test]
fn exit_status_is_greps_and_output_is_like_a_compilers() {
    let dir = Dir::new("exit");
    let good = dir.s("good.txt");
    let found = run(&["search", "招商", &good]);
    assert_eq!(found.code, Some(0));
    // PATH:LINE: breadcrumb: text
    let line = found.stdout.lines().next().expect("a match");
    assert!(
        line.starts_with(&format!(
            "{good}:8: 在全县工作会议上的讲话 › 二、狠抓落实 › 二是抓招商: "
        )),
        "{line}"
    );
    assert!(!found.stdout.contains('\x1b'), "no colour into a pipe");
    let coloured = run(&["search", "--color", "always", "招商", &good]);
    assert!(
        coloured.stdout.contains("\x1b[1;31m招商\x1b[0m"),
        "{}",
        coloured.stdout
    );
    assert_eq!(run(&["search", "不存在的词", &good]).code, Some(1));
    let bad = run(&["search", "--regex", "(", &good]);
    assert_eq!(bad.code, Some(2));
    assert!(
        bad.stderr.starts_with("gangmu: search: (:"),
        "{}",
        bad.stderr
    );
    let missing = run(&["search", "招商", &good, &dir.s("missing.txt")]);
    assert_eq!(missing.code, Some(2), "an unreadable file is an error");
    assert!(
        missing.stdout.contains("二是抓招商"),
        "the rest is still searched"
    );
    assert!(missing.stderr.contains("missing.txt"), "{}", missing.stderr);
    // No path: the bundled samples.
    let samples = run(&["search", "-c", "营商环境"]);
    assert_eq!(samples.code, Some(0));
    assert!(
        samples
            .stdout
            .contains("06_business_environment_halfwidth.txt:")
    );
    // One JSON object.
    let json = run(&["search", "--format", "json", "招商", &good]);
    let v: Value = serde_json::from_str(&json.stdout).expect("one JSON object");
    assert_eq!(v["matches"].as_array().unwrap().len(), 1);
    assert_eq!(v["errors"].as_array().unwrap().len(), 0);
}

#[test]
fn a_closed_pipe_ends_the_search_quietly() {
    use std::io::{BufRead, BufReader};
    let dir = corpus("pipe");
    let mut child = command(&["search", "的", &dir.s("")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gangmu runs");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("one line");
    assert!(first.contains('的'), "{first}");
    // The reader goes away (`| head -1`), the rest of the output is not read.
    let done = finish(child);
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    assert!(done.stderr.is_empty(), "{}", done.stderr);
}
