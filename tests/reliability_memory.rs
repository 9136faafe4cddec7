//! Issue 10, item 6: `outline` memory follows the file, not its number of lines. Peak
//! RSS at most 3× the file plus 64 MB, for files of very short lines (once 100× the
//! file), of headings alone and of junk alone. Alone in its test binary: the peak is
//! read with `getrusage(RUSAGE_CHILDREN)`, which covers every child this process waited
//! for, so no other test may start one. `cargo bench --bench memory` has the 40 MB
//! figures.

mod common;

use common::run::*;

/// Peak resident set of the children waited for so far, in bytes.
#[cfg(target_os = "linux")]
fn children_peak() -> u64 {
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a valid, writable rusage.
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut u) }, 0);
    // Kilobytes on Linux.
    u.ru_maxrss as u64 * 1024
}

#[cfg(target_os = "linux")]
#[test]
fn outline_memory_is_bounded_by_the_file_whatever_its_lines() {
    let dir = Dir::new("memory");
    // Hundreds of thousands of lines in each; the build before this used 140 MB for
    // the first, whose bound is 68 MB.
    let files = [
        ("short.txt", "a\n".repeat(600_000)),
        ("headings.txt", "一、a\n".repeat(500_000)),
        ("junk.txt", "责任编辑：王五\n".repeat(200_000)),
    ];
    for (name, text) in &files {
        std::fs::write(dir.path(name), text).unwrap();
    }
    let mut largest = 0;
    for (name, text) in &files {
        let d = run(&["outline", &dir.s(name)]);
        assert_eq!(d.code, Some(0), "{name}: {}", d.stderr);
        largest = largest.max(text.len() as u64);
        // The peak only grows; each file is checked against the largest so far.
        let peak = children_peak();
        let bound = 3 * largest + (64 << 20);
        assert!(
            peak <= bound,
            "{name}: peak {} MB over {} MB",
            peak >> 20,
            bound >> 20
        );
        if *name == "headings.txt" {
            // What the limit cut is said.
            let said = "400000 more headings than the 100000 an outline holds";
            assert!(d.stdout.contains(said), "{}", d.stdout);
        }
    }
}

#[cfg(not(target_os = "linux"))]
#[test]
fn outline_memory_is_bounded_by_the_file_whatever_its_lines() {
    eprintln!("peak RSS of children is read from Linux's getrusage: skipped");
}
