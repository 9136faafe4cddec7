//! Issue 10: no input, output failure or endless stream may lose other files' outlines.
//! Big and special inputs are made here, at test time; each run has a watchdog.

mod common;

use common::run::*;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Stdio;

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
    for format in ["json", "jsonl", "text", "markdown"] {
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
        // Status 0 (as rg gives): the empty file at the end was never reached.
        assert_eq!(d.code, Some(0), "{format}: {}", d.stderr);
        assert!(
            d.stderr.is_empty(),
            "quietly, and before the end: {}",
            d.stderr
        );
    }
}
