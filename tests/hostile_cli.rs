//! Hostile and broken input to `gangmu outline` (issue 4): each input alone beside a good
//! speech, then all of them together. Every run has a watchdog: it must answer in time,
//! exit 0 or 1 (never a panic or a signal), give each file an outline or exactly one error
//! line naming it, and still outline the good speech. Big inputs are generated here.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Long enough for a debug build on a busy machine; a hang is caught well before CI's limit.
const WATCHDOG: Duration = Duration::from_secs(20);

const GOOD: &str = "在全县工作会议上的讲话\n同志们：\n下面，我讲两点意见。\n一、提高站位\n各级干部要切实增强责任感。\n二、狠抓落实\n一是抓项目。项目是发展的生命线。\n二是抓招商。招商是项目的源头。\n同志们，让我们共同努力！\n";

struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
    elapsed: Duration,
}

/// Runs gangmu with a watchdog: kills it and fails the test when it runs over `WATCHDOG`.
fn gangmu<S: AsRef<OsStr>>(args: &[S]) -> Run {
    let start = Instant::now();
    // GANGMU_HOSTILE_BIN runs the same cases against another build (e.g. release timings).
    let bin = std::env::var_os("GANGMU_HOSTILE_BIN")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_gangmu").into());
    let mut child = Command::new(bin)
        .env("GANGMU_LANG", "en")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn gangmu");
    // Drain both pipes while waiting, so a big outline cannot block the child.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let status = loop {
        if let Some(s) = child.try_wait().expect("try_wait") {
            break s;
        }
        if start.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "gangmu {:?} did not answer within {WATCHDOG:?}",
                args_str(args)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = start.elapsed();
    let stdout = out_t.join().expect("stdout reader");
    let stderr = String::from_utf8_lossy(&err_t.join().expect("stderr reader")).into_owned();
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert!(
            status.signal().is_none(),
            "killed by signal {:?}: {stderr}",
            status.signal()
        );
    }
    Run {
        code: status.code(),
        stdout,
        stderr,
        elapsed,
    }
}

fn args_str<S: AsRef<OsStr>>(args: &[S]) -> Vec<String> {
    args.iter()
        .map(|a| a.as_ref().to_string_lossy().into_owned())
        .collect()
}

/// Tests with inputs of megabytes run one at a time, so that on a small machine one does
/// not eat another's watchdog time.
static BIG: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn big_lock() -> std::sync::MutexGuard<'static, ()> {
    BIG.lock().unwrap_or_else(|e| e.into_inner())
}

/// A fresh directory holding the good speech (removed when the guard is dropped), and
/// its path.
fn dir_with_good(name: &str) -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::Builder::new()
        .prefix(&format!("gangmu-hostile-{name}-"))
        .tempdir()
        .expect("temp dir");
    let d = t.path().to_path_buf();
    std::fs::write(d.join("good.txt"), GOOD).expect("good speech");
    (t, d)
}

/// A name as error lines show it: C0 controls as Control Pictures, DEL as ␡, C1 controls
/// and bidi overrides as `\u{..}`.
fn shown(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '\0'..='\x1f' => char::from_u32(0x2400 + c as u32).unwrap().to_string(),
            '\x7f' => "␡".to_string(),
            '\u{80}'..='\u{9f}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
                format!("\\u{{{:x}}}", c as u32)
            }
            c => c.to_string(),
        })
        .collect()
}

/// What gangmu made of one hostile entry.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// Outlined: the document's JSON.
    Outline(serde_json::Value),
    /// Skipped with one stderr line.
    Error(String),
    /// Neither (a directory is walked, not read).
    Nothing,
}

/// What a test expects of one entry.
#[derive(Debug, Clone, Copy)]
enum Expect {
    Outline,
    /// An error line containing this text.
    Error(&'static str),
    Nothing,
}

/// Runs `outline --format json DIR` and checks the whole contract; returns each entry's
/// outcome (in the order of `names`).
fn outline_dir(dir: &Path, names: &[(&str, Expect)]) -> Vec<Outcome> {
    let run = gangmu(&[
        OsStr::new("outline"),
        OsStr::new("--format"),
        OsStr::new("json"),
        dir.as_os_str(),
    ]);
    assert!(
        matches!(run.code, Some(0 | 1)),
        "exit status {:?}, stderr: {}",
        run.code,
        run.stderr
    );
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&run.stdout[..run.stdout.len().min(300)])
        )
    });
    let docs = v["documents"].as_array().expect("documents").clone();
    let errors = v["errors"].as_array().expect("errors").clone();
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), errors.len(), "stderr: {}", run.stderr);
    assert_eq!(run.code == Some(1), !errors.is_empty(), "{}", run.stderr);
    for l in &lines {
        assert!(
            l.starts_with("gangmu: ") && l.contains(&*dir.to_string_lossy()),
            "error line does not name a file: {l:?}"
        );
    }
    let file = |p: &str| p.rsplit('/').next().unwrap_or(p).to_string();

    // The good speech is still outlined, in full.
    let good: Vec<_> = docs
        .iter()
        .filter(|d| d["path"].as_str().is_some_and(|p| file(p) == "good.txt"))
        .collect();
    assert_eq!(
        good.len(),
        1,
        "good speech not outlined once: {}",
        run.stderr
    );
    assert_eq!(good[0]["title"], "在全县工作会议上的讲话");
    assert_eq!(good[0]["sections"].as_array().map(Vec::len), Some(2));
    assert_eq!(good[0]["closing_line"], 9);

    let mut outcomes = Vec::new();
    for &(name, expect) in names {
        let mine: Vec<_> = docs
            .iter()
            .filter(|d| d["path"].as_str().is_some_and(|p| file(p) == name))
            .collect();
        let my_lines: Vec<&&str> = lines
            .iter()
            .filter(|l| l.contains(&format!("/{}: ", shown(name))))
            .collect();
        let outcome = match (mine.len(), my_lines.len()) {
            (1, 0) => Outcome::Outline(mine[0].clone()),
            (0, 1) => Outcome::Error(my_lines[0].to_string()),
            (0, 0) => Outcome::Nothing,
            (d, e) => panic!("{name}: {d} documents and {e} error lines: {}", run.stderr),
        };
        let brief = match &outcome {
            Outcome::Outline(d) => format!(
                "outline ({} top sections, {} warnings, {:?})",
                d["sections"].as_array().map_or(0, Vec::len),
                d["warnings"].as_array().map_or(0, Vec::len),
                d["encoding"]
            ),
            Outcome::Error(l) => format!("error: {l}"),
            Outcome::Nothing => "nothing".into(),
        };
        println!("{name:?}: {brief} [{:?}]", run.elapsed);
        match (expect, &outcome) {
            (Expect::Outline, Outcome::Outline(_)) | (Expect::Nothing, Outcome::Nothing) => {}
            (Expect::Error(what), Outcome::Error(l)) if l.contains(what) => {}
            _ => panic!("{name}: expected {expect:?}, got {brief}"),
        }
        outcomes.push(outcome);
    }
    outcomes
}

/// One hostile file beside the good speech: writes it, outlines the directory, cleans up.
fn one_file(name: &str, bytes: &[u8], expect: Expect) -> Outcome {
    let (_tmp, d) = dir_with_good(name);
    std::fs::write(d.join(name), bytes).expect("write input");
    let mut out = outline_dir(&d, &[(name, expect)]);
    out.remove(0)
}

fn doc(o: &Outcome) -> &serde_json::Value {
    match o {
        Outcome::Outline(d) => d,
        other => panic!("expected an outline, got {other:?}"),
    }
}

/// splitmix64 noise, so random-looking bytes are the same on every run.
fn noise(n: usize, seed: u64) -> Vec<u8> {
    let mut s = seed;
    (0..n)
        .map(|_| {
            s = s.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = s;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            (z ^ (z >> 31)) as u8
        })
        .collect()
}

const CN: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

// ---- the inputs ----

fn empty() -> Vec<u8> {
    Vec::new()
}

fn whitespace_only() -> Vec<u8> {
    " \t\n\u{3000}\u{3000}\r\n\u{00A0}\n\n    \n"
        .as_bytes()
        .to_vec()
}

fn png() -> Vec<u8> {
    let mut b =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x1f\x15\xc4\x89".to_vec();
    b.extend(noise(2000, 1));
    b
}

fn random_bytes() -> Vec<u8> {
    noise(64 * 1024, 2)
}

fn nuls() -> Vec<u8> {
    vec![0; 16 * 1024]
}

/// A damaged copy: stray invalid bytes between characters and one character cut short.
fn utf8_with_invalid_bytes() -> Vec<u8> {
    let mut b = Vec::new();
    for (i, c) in GOOD.chars().enumerate() {
        let mut buf = [0u8; 4];
        let enc = c.encode_utf8(&mut buf).as_bytes();
        if i == 30 {
            b.extend_from_slice(&enc[..enc.len().min(2)]);
            continue;
        }
        b.extend_from_slice(enc);
        if i % 12 == 5 {
            b.push([0xFF, 0xC0, 0x80, 0xFE][i % 4]);
        }
    }
    b
}

/// Invalid bytes every 17 bytes, cutting characters: more noise than text survives.
fn utf8_heavily_damaged() -> Vec<u8> {
    let mut b = Vec::new();
    for (i, chunk) in GOOD.as_bytes().chunks(17).enumerate() {
        b.extend_from_slice(chunk);
        b.push([0xFF, 0xC0, 0x80, 0xFE][i % 4]);
    }
    b
}

/// 20 MB on one line: a speech flattened, its headings run into the text.
fn flat_20mb() -> Vec<u8> {
    let mut s = String::from("在全市经济工作会议上的讲话同志们：下面，我讲三点意见。");
    let mut k = 0usize;
    while s.len() < 20 * 1024 * 1024 {
        let i = k % 10;
        s.push_str(&format!(
            "{}、第{k}个问题。各级各部门要切实增强责任感和紧迫感，把各项工作抓实抓细。（{}）具体要求：一是抓项目；二是抓招商。1.稳增长。",
            CN[i], CN[(k / 10) % 10]
        ));
        k += 1;
    }
    s.into_bytes()
}

/// 200,000 heading lines, cycling through four families.
fn headings_200k() -> Vec<u8> {
    let mut s = String::with_capacity(200_000 * 16);
    for k in 0..200_000usize {
        let n = k / 4 % 10;
        match k % 4 {
            0 => s.push_str(&format!("{}、标题{k}\n", CN[n])),
            1 => s.push_str(&format!("（{}）标题{k}\n", CN[n])),
            2 => s.push_str(&format!("{}.标题{k}\n", n + 1)),
            _ => s.push_str(&format!("（{}）标题{k}\n", n + 1)),
        }
    }
    s.into_bytes()
}

/// 60,000 points in one section, numbered with 20,000 different verbs (`一抓` `一看`…)
/// interleaved: every group is a run of three, and no step may compare every group with
/// every other.
fn verb_points_60k() -> (Vec<u8>, usize) {
    // Numerals are left out: `一十` would be ten.
    let verbs: Vec<char> = (0x4F00u32..0x4F00 + 20_000)
        .filter_map(char::from_u32)
        .filter(|c| !"零〇一二三四五六七八九十百两".contains(*c))
        .collect();
    let mut s = String::from("在会上的讲话\n同志们：\n一、总体要求\n");
    for n in ["一", "二", "三"] {
        for v in &verbs {
            s.push_str(&format!("{n}{v}工作要抓实。\n"));
        }
    }
    (s.into_bytes(), 3 * verbs.len())
}

fn absurd_numerals() -> Vec<u8> {
    let mut s = String::from("在全县工作会议上的讲话\n同志们：\n");
    s.push_str("一百二十三、荒唐的编号\n正文。\n");
    s.push_str("12345678901234567890123.二十三位数字\n正文。\n");
    s.push_str("99999999999999999999999、二十三位数字\n正文。\n");
    s.push_str("（九十九九十九）括号里的怪数\n正文。\n");
    s.push_str("（12345678901234567890123）括号里的长数\n正文。\n");
    s.push_str("第九十九九十九部分\n正文。\n");
    s.push_str(&"（".repeat(20_000));
    s.push('\n');
    s.push_str("一、（未闭合的括号：标题“引号也不闭合\n正文。\n");
    for _ in 0..2_000 {
        s.push_str("（（（（（【【《《“\n");
    }
    s.into_bytes()
}

/// 5 MB on one line with no punctuation and no breaks.
fn line_5mb() -> Vec<u8> {
    let pool: Vec<char> = "经济发展改革创新项目建设招商引资乡村振兴生态环境"
        .chars()
        .collect();
    let mut s = String::with_capacity(5 * 1024 * 1024 + 4);
    let mut k = 0usize;
    while s.len() < 5 * 1024 * 1024 {
        s.push(pool[(k * 7 + k / 13) % pool.len()]);
        k += 1;
    }
    s.into_bytes()
}

fn crlf_speech() -> Vec<u8> {
    GOOD.replace('\n', "\r\n").into_bytes()
}

fn crlf_only() -> Vec<u8> {
    "\r\n".repeat(5000).into_bytes()
}

fn utf16_lone_surrogate() -> Vec<u8> {
    let mut units: Vec<u16> = GOOD.encode_utf16().collect();
    units.insert(5, 0xD800); // a high surrogate with no low one
    units.push(0xDC00); // a low surrogate at the end
    let mut b = vec![0xFF, 0xFE];
    for u in units {
        b.extend_from_slice(&u.to_le_bytes());
    }
    b.push(0x41); // and an odd byte count
    b
}

fn bidi_and_zero_width() -> Vec<u8> {
    "在\u{202E}全县\u{202C}工作会议上的讲话\n同志们：\n一、\u{200B}提高\u{200D}站位\u{2066}反向\u{2069}\n正文\u{FEFF}内容\u{2060}。\n二、\u{202E}狠抓落实\u{200E}\n\u{202D}正文。\u{200F}\n"
        .as_bytes()
        .to_vec()
}

fn title_5000() -> Vec<u8> {
    let long: String = "长".repeat(5000);
    format!("原标题：{long}的讲话\n{long}讲话\n同志们：\n一、{long}\n正文。\n二、短标题\n正文。\n")
        .into_bytes()
}

fn escapes() -> Vec<u8> {
    concat!(
        "在全县工作会议上的讲话\x1b]0;pwned\x07\n",
        "\x1b]2;title\x1b\\\n",
        "同志们：\x1b]52;c;aGVsbG8gd29ybGQ=\x07\n",
        "一、清屏\x1b[2J标题\x1b[?1049l\n",
        "正文\x1b[6n内容。\x07\x00\n",
        "二、\u{9b}31m红色\u{85}标题\x7f\n",
        "正文。\x1b[?1049h\x1b[H\n",
    )
    .as_bytes()
    .to_vec()
}

// ---- one test per input ----

#[test]
fn empty_file() {
    one_file("empty.txt", &empty(), Expect::Error("empty file"));
}

#[test]
fn whitespace_only_file() {
    one_file(
        "blank.txt",
        &whitespace_only(),
        Expect::Error("whitespace only"),
    );
}

#[test]
fn binary_png_header() {
    one_file("image.txt", &png(), Expect::Error("binary"));
}

#[test]
fn binary_random_bytes() {
    one_file("random.txt", &random_bytes(), Expect::Error("binary"));
}

#[test]
fn binary_nuls() {
    one_file("nuls.txt", &nuls(), Expect::Error("binary"));
}

#[test]
fn utf8_mixed_with_invalid_bytes() {
    let o = one_file("broken.txt", &utf8_with_invalid_bytes(), Expect::Outline);
    assert_eq!(doc(&o)["encoding"], "UTF-8");
    assert_eq!(doc(&o)["sections"].as_array().map(Vec::len), Some(2));
}

#[test]
fn utf8_heavily_damaged_file() {
    // A fifth of it decodes to U+FFFD: skipped as binary rather than shown as mojibake.
    one_file(
        "damaged.txt",
        &utf8_heavily_damaged(),
        Expect::Error("binary"),
    );
}

#[test]
fn twenty_mb_on_one_line_with_run_in_headings() {
    let _big = big_lock();
    let o = one_file("flat.txt", &flat_20mb(), Expect::Outline);
    assert!(!doc(&o)["sections"].as_array().unwrap().is_empty());
}

#[test]
fn two_hundred_thousand_heading_lines_of_four_families() {
    let _big = big_lock();
    let o = one_file("headings.txt", &headings_200k(), Expect::Outline);
    let count = |v: &serde_json::Value| -> usize {
        fn walk(v: &serde_json::Value) -> usize {
            v.as_array()
                .map_or(0, |a| a.iter().map(|n| 1 + walk(&n["children"])).sum())
        }
        walk(&v["sections"])
    };
    // The outline holds as many nodes as a file of its size may (issue 10, memory), and
    // says what it left out.
    assert_eq!(count(doc(&o)), gangmu::outline::MAX_NODES);
    let warnings = doc(&o)["warnings"].as_array().unwrap();
    let said = "100000 more headings than the 100000 an outline holds";
    assert!(
        warnings
            .iter()
            .any(|w| w["message"].as_str().unwrap().contains(said)),
        "{warnings:?}"
    );
}

#[test]
fn sixty_thousand_points_of_twenty_thousand_kinds() {
    let (bytes, points) = verb_points_60k();
    let o = one_file("verbs.txt", &bytes, Expect::Outline);
    fn walk(v: &serde_json::Value, depth: usize) -> (usize, usize) {
        v.as_array().map_or((0, depth), |a| {
            a.iter().fold((0, depth), |(n, d), c| {
                let (cn, cd) = walk(&c["children"], depth + 1);
                (n + 1 + cn, d.max(cd))
            })
        })
    }
    let (nodes, depth) = walk(&doc(&o)["sections"], 0);
    assert_eq!(nodes, 1 + points, "the heading and every point");
    assert!(depth <= 3, "points nest one level deep at most: {depth}");
}

#[test]
fn absurd_numerals_and_unmatched_brackets() {
    one_file("numerals.txt", &absurd_numerals(), Expect::Outline);
}

#[test]
fn five_mb_line_without_punctuation() {
    let _big = big_lock();
    one_file("noline.txt", &line_5mb(), Expect::Outline);
}

#[test]
fn crlf_line_endings() {
    let o = one_file("crlf.txt", &crlf_speech(), Expect::Outline);
    assert_eq!(doc(&o)["title"], "在全县工作会议上的讲话");
    assert_eq!(doc(&o)["sections"].as_array().map(Vec::len), Some(2));
}

#[test]
fn crlf_only_file() {
    one_file(
        "crlf_only.txt",
        &crlf_only(),
        Expect::Error("whitespace only"),
    );
}

#[test]
fn utf16_with_a_lone_surrogate() {
    let o = one_file("utf16.txt", &utf16_lone_surrogate(), Expect::Outline);
    assert_eq!(doc(&o)["encoding"], "UTF-16LE");
    assert_eq!(doc(&o)["sections"].as_array().map(Vec::len), Some(2));
}

#[test]
fn bidi_overrides_and_zero_width_characters() {
    let o = one_file("bidi.txt", &bidi_and_zero_width(), Expect::Outline);
    assert_eq!(doc(&o)["sections"].as_array().map(Vec::len), Some(2));
}

#[test]
fn five_thousand_character_title() {
    let o = one_file("title.txt", &title_5000(), Expect::Outline);
    let d = doc(&o);
    let top = &d["sections"][0];
    // A heading's title is cut at 1,000 characters, with a warning.
    assert!(top["title"].as_str().unwrap().chars().count() <= 1001);
    assert!(
        d["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["message"].as_str().unwrap().contains("cut"))
    );
}

#[test]
fn escape_sequences_stay_data() {
    let (_tmp, d) = dir_with_good("escapes");
    let path = d.join("esc.txt");
    std::fs::write(&path, escapes()).unwrap();
    let o = outline_dir(&d, &[("esc.txt", Expect::Outline)]);
    assert!(doc(&o[0])["title"].as_str().unwrap().contains('\x1b'));

    // JSON: valid, with every control (C0, DEL, C1) and bidi override escaped as \uXXXX.
    let run = gangmu(&[
        OsStr::new("outline"),
        OsStr::new("--format"),
        OsStr::new("json"),
        path.as_os_str(),
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_terminal_safe(&run.stdout);
    serde_json::from_slice::<serde_json::Value>(&run.stdout).expect("valid JSON");

    // Text goes to a terminal: no C0 (but LF), DEL, C1 or bidi override from the file.
    let run = gangmu(&[
        OsStr::new("outline"),
        OsStr::new("--format"),
        OsStr::new("text"),
        path.as_os_str(),
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_terminal_safe(&run.stdout);
    let text = String::from_utf8(run.stdout).unwrap();
    assert!(text.contains("␛]0;pwned␇"), "{text}");
    assert!(
        text.contains("清屏␛[2J标题␛[？1049l") || text.contains("清屏␛[2J"),
        "{text}"
    );
}

/// No byte sequence a terminal would act on: C0 but LF, DEL, C1, bidi overrides/isolates.
fn assert_terminal_safe(out: &[u8]) {
    let text = String::from_utf8_lossy(out);
    let bad: Vec<(usize, char)> = text
        .char_indices()
        .filter(|&(_, c)| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .take(5)
        .collect();
    assert!(
        bad.is_empty(),
        "terminal-unsafe characters in text output: {bad:?}"
    );
}

/// File names are file content too: escape sequences in them stay out of the terminal.
#[cfg(unix)]
#[test]
fn escape_sequences_in_file_names() {
    let (_tmp, d) = dir_with_good("names");
    let speech = "\x1b]0;pwned\x07\u{9b}2J.txt";
    let empty = "\x1b[2J\x1b[?1049l.txt";
    std::fs::write(d.join(speech), GOOD).unwrap();
    std::fs::write(d.join(empty), b"").unwrap();
    outline_dir(
        &d,
        &[
            (speech, Expect::Outline),
            (empty, Expect::Error("empty file")),
        ],
    );
    for format in ["json", "text"] {
        let run = gangmu(&[
            OsStr::new("outline"),
            OsStr::new("--format"),
            OsStr::new(format),
            d.as_os_str(),
        ]);
        assert_eq!(run.code, Some(1), "{}", run.stderr);
        assert_terminal_safe(&run.stdout);
        assert_terminal_safe(run.stderr.as_bytes());
        assert!(
            run.stderr.contains("␛[2J␛[?1049l.txt: empty file"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn directory_named_like_a_speech() {
    let (_tmp, d) = dir_with_good("dir");
    std::fs::create_dir(d.join("x.txt")).unwrap();
    // A directory is walked, whatever its name: no error, nothing to outline in it.
    outline_dir(&d, &[("x.txt", Expect::Nothing)]);
    // Named on the command line, too.
    let run = gangmu(&[OsStr::new("outline"), d.join("x.txt").as_os_str()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

#[cfg(unix)]
#[test]
fn fifo_named_like_a_speech() {
    let (_tmp, d) = dir_with_good("fifo");
    if !mkfifo(&d.join("pipe.txt")) {
        eprintln!("mkfifo not available: skipped");
        return;
    }
    outline_dir(&d, &[("pipe.txt", Expect::Error("not a regular file"))]);
    let run = gangmu(&[OsStr::new("outline"), d.join("pipe.txt").as_os_str()]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("pipe.txt: not a regular file"));
}

#[cfg(unix)]
#[test]
fn symlink_loops() {
    use std::os::unix::fs::symlink;
    let (_tmp, d) = dir_with_good("symlink");
    // A link to itself, two links to each other, and a link back to the directory.
    symlink("loop.txt", d.join("loop.txt")).unwrap();
    symlink("b.txt", d.join("a.txt")).unwrap();
    symlink("a.txt", d.join("b.txt")).unwrap();
    symlink(".", d.join("cycle")).unwrap();
    outline_dir(
        &d,
        &[
            ("loop.txt", Expect::Error("symbolic links")),
            ("a.txt", Expect::Error("symbolic links")),
            ("b.txt", Expect::Error("symbolic links")),
            ("cycle", Expect::Nothing),
        ],
    );
    let run = gangmu(&[OsStr::new("outline"), d.join("loop.txt").as_os_str()]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

/// Every input at once, beside the good speech: JSON and text.
#[test]
fn all_hostile_inputs_together() {
    let _big = big_lock();
    let (_tmp, d) = dir_with_good("all");
    let files: Vec<(&str, Vec<u8>, Expect)> = vec![
        ("empty.txt", empty(), Expect::Error("empty file")),
        (
            "blank.txt",
            whitespace_only(),
            Expect::Error("whitespace only"),
        ),
        ("image.txt", png(), Expect::Error("binary")),
        ("random.txt", random_bytes(), Expect::Error("binary")),
        ("nuls.txt", nuls(), Expect::Error("binary")),
        ("broken.txt", utf8_with_invalid_bytes(), Expect::Outline),
        (
            "damaged.txt",
            utf8_heavily_damaged(),
            Expect::Error("binary"),
        ),
        ("flat.txt", flat_20mb(), Expect::Outline),
        ("headings.txt", headings_200k(), Expect::Outline),
        ("numerals.txt", absurd_numerals(), Expect::Outline),
        ("noline.txt", line_5mb(), Expect::Outline),
        ("crlf.txt", crlf_speech(), Expect::Outline),
        (
            "crlf_only.txt",
            crlf_only(),
            Expect::Error("whitespace only"),
        ),
        ("utf16.txt", utf16_lone_surrogate(), Expect::Outline),
        ("bidi.txt", bidi_and_zero_width(), Expect::Outline),
        ("title.txt", title_5000(), Expect::Outline),
        ("esc.txt", escapes(), Expect::Outline),
    ];
    let mut names: Vec<(&str, Expect)> = Vec::new();
    for (name, bytes, expect) in &files {
        let mut f = std::fs::File::create(d.join(name)).unwrap();
        f.write_all(bytes).unwrap();
        names.push((name, *expect));
    }
    drop(files);
    std::fs::create_dir(d.join("x.txt")).unwrap();
    names.push(("x.txt", Expect::Nothing));
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        if mkfifo(&d.join("pipe.txt")) {
            names.push(("pipe.txt", Expect::Error("not a regular file")));
        }
        symlink("loop.txt", d.join("loop.txt")).unwrap();
        names.push(("loop.txt", Expect::Error("symbolic links")));
        symlink(".", d.join("cycle")).unwrap();
        names.push(("cycle", Expect::Nothing));
    }
    outline_dir(&d, &names);

    let run = gangmu(&[OsStr::new("outline"), d.as_os_str()]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_terminal_safe(&run.stdout);
    assert_terminal_safe(run.stderr.as_bytes());
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(text.contains("在全县工作会议上的讲话"));
}
