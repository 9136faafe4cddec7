//! Issue 10: no input, output failure or endless stream may lose other files' outlines.
//! Big and special inputs are made here, at test time; each run has a watchdog.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const WATCHDOG: Duration = Duration::from_secs(30);

const GOOD: &str = "在全县工作会议上的讲话\n同志们：\n下面，我讲两点意见。\n一、提高站位\n各级干部要切实增强责任感。\n二、狠抓落实\n一是抓项目。项目是发展的生命线。\n二是抓招商。招商是项目的源头。\n同志们，让我们共同努力！\n";

/// A scratch directory holding `good.txt`, removed when the test ends.
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let d = std::env::temp_dir().join(format!("gangmu-rel-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("temp dir");
        std::fs::write(d.join("good.txt"), GOOD).expect("good.txt");
        Dir(d)
    }
    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
    fn s(&self, name: &str) -> String {
        self.path(name).display().to_string()
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Done {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_gangmu"));
    c.args(args);
    c
}

/// Waits for `child` under the watchdog; reads what it wrote; no death by signal.
fn finish(mut child: Child) -> Done {
    let mut out = child.stdout.take();
    let mut err = child.stderr.take();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(o) = out.as_mut() {
            let _ = o.read_to_end(&mut v);
        }
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(e) = err.as_mut() {
            let _ = e.read_to_end(&mut v);
        }
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("try_wait") {
            break s;
        }
        if start.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gangmu did not answer within {WATCHDOG:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert!(status.signal().is_none(), "killed by {:?}", status.signal());
    }
    Done {
        code: status.code(),
        stdout: String::from_utf8_lossy(&out_t.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err_t.join().unwrap()).into_owned(),
    }
}

fn run(args: &[&str]) -> Done {
    let child = command(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    finish(child)
}

/// The good speech was outlined.
fn has_good(d: &Done) -> bool {
    d.stdout.contains("一、提高站位")
}

#[test]
fn a_file_claiming_a_terabyte_is_refused_before_it_is_read() {
    let dir = Dir::new("terabyte");
    let big = std::fs::File::create(dir.path("x.txt")).unwrap();
    // A sparse file: it claims the size without using the disk.
    if big.set_len(1 << 40).is_err() {
        eprintln!("this file system has no sparse files: skipped");
        return;
    }
    let d = run(&["outline", &dir.s("x.txt"), &dir.s("good.txt")]);
    assert_eq!(d.code, Some(1), "{}", d.stderr);
    assert!(has_good(&d), "{}", d.stdout);
    assert!(
        d.stderr
            .contains("x.txt: 1.0 TB, over the 512 MB limit (--max-size)"),
        "{}",
        d.stderr
    );
    // The limit is an option; a smaller one applies to ordinary files too.
    let d = run(&["outline", "--max-size", "100", &dir.s("good.txt")]);
    assert_eq!(d.code, Some(1));
    assert!(d.stderr.contains("over the 100 B limit"), "{}", d.stderr);
    let d = run(&["outline", "--max-size", "lots", &dir.s("good.txt")]);
    assert_eq!(d.code, Some(2), "a bad size is a usage error");
}

#[test]
fn endless_standard_input_is_read_only_to_the_limit() {
    // `gangmu outline - < /dev/zero` and `yes 一、标题 | gangmu outline -`.
    for chunk in [vec![0u8; 1 << 16], "一、标题\n".repeat(4096).into_bytes()] {
        let mut child = command(&["outline", "--max-size", "4M", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            let mut sent = 0usize;
            while stdin.write_all(&chunk).is_ok() {
                sent += chunk.len();
                if sent > 1 << 30 {
                    break;
                }
            }
            sent
        });
        let d = finish(child);
        let sent = writer.join().unwrap();
        assert_eq!(d.code, Some(1), "{}", d.stderr);
        assert!(
            d.stderr.contains("more than 4 MB, over the limit"),
            "{}",
            d.stderr
        );
        assert!(sent < 1 << 30, "gangmu kept reading: {sent} bytes");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_link_to_a_file_without_end_does_not_stop_the_folder() {
    let dir = Dir::new("pagemap");
    std::os::unix::fs::symlink("/proc/self/pagemap", dir.path("map.txt")).unwrap();
    let d = run(&["outline", "--max-size", "8M", &dir.0.display().to_string()]);
    assert_eq!(d.code, Some(1), "{}", d.stderr);
    assert!(has_good(&d), "{}", d.stdout);
    assert!(d.stderr.contains("map.txt"), "{}", d.stderr);
}

#[cfg(target_os = "linux")]
#[test]
fn a_failing_standard_error_neither_panics_nor_loses_the_outlines() {
    if !Path::new("/dev/full").exists() {
        eprintln!("no /dev/full: skipped");
        return;
    }
    let dir = Dir::new("devfull");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let child = command(&["outline", &dir.s("missing.txt"), &dir.s("good.txt")])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(full)
        .spawn()
        .unwrap();
    let d = finish(child);
    assert_eq!(d.code, Some(1));
    assert!(has_good(&d), "{}", d.stdout);
    // A full standard output is an error named once, not a panic.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let child = command(&["outline", &dir.s("good.txt")])
        .stdin(Stdio::null())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let d = finish(child);
    assert_eq!(d.code, Some(1));
    assert!(d.stderr.contains("standard output"), "{}", d.stderr);
    assert!(!d.stderr.contains("panicked"), "{}", d.stderr);
}

#[test]
fn a_closed_pipe_ends_the_run_quietly_and_at_once() {
    let dir = Dir::new("pipe");
    for k in 0..3000 {
        std::fs::write(dir.path(&format!("s{k:04}.txt")), GOOD).unwrap();
    }
    // The last file is empty: a run that went on to the end would say so on stderr.
    std::fs::write(dir.path("zzzz.txt"), "").unwrap();
    for format in ["json", "text"] {
        // `gangmu outline --format json DIR 2>&1 | head -1`: the reader takes one line.
        let mut child = command(&["outline", "--format", format, &dir.0.display().to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        let d = finish(child);
        assert!(matches!(d.code, Some(0 | 1)), "{:?} {}", d.code, d.stderr);
        assert!(
            d.stderr.is_empty(),
            "quietly, and before the end: {}",
            d.stderr
        );
    }
}

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
