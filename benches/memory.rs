//! Peak memory of `gangmu outline` on 40 MB files of every line shape (issue 10): very
//! short lines, headings alone, junk alone, Chinese characters, GB18030, and a speech
//! of ordinary paragraphs. `cargo bench --bench memory`; the target is a peak RSS of at
//! most 3× the file plus 64 MB. Each run's peak is its own, read with `wait4`.

use std::process::{Command, Stdio};
use std::time::Instant;

const SIZE: usize = 40_000_000;

/// `line` repeated to about `SIZE` bytes, in UTF-8 or GB18030.
fn repeated(line: &str, gb: bool) -> Vec<u8> {
    let one: Vec<u8> = match gb {
        false => line.as_bytes().to_vec(),
        true => encoding_rs::GB18030.encode(line).0.into_owned(),
    };
    one.repeat(SIZE / one.len())
}

#[cfg(not(unix))]
fn main() {
    eprintln!("the memory bench reads peaks with wait4: Unix only");
}

#[cfg(unix)]
fn main() {
    let dir = std::env::temp_dir().join(format!("gangmu-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let para = "各级各部门要切实提高政治站位，坚持问题导向，扎实推进各项工作落地见效。\n\n";
    let heading = format!("（一）标题\n{para}");
    let shapes = [
        ("2-byte lines", "a\n", false),
        ("headings", "一、a\n", false),
        ("junk lines", "责任编辑：王五\n", false),
        ("one character", "字\n", false),
        ("GB18030", "字\n", true),
        ("paragraphs", &heading, false),
    ];
    let bin = env!("CARGO_BIN_EXE_gangmu");
    for (name, line, gb) in shapes {
        let path = dir.join("speech.txt");
        // Written and freed before the run: a child's peak can include its parent's
        // pages until it execs.
        let len = {
            let bytes = repeated(line, gb);
            std::fs::write(&path, &bytes).expect("write");
            bytes.len()
        };
        let t = Instant::now();
        // Reaped by `wait_peak`, which reads the peak that `Child::wait` would not give.
        #[allow(clippy::zombie_processes)]
        let child = Command::new(bin)
            .arg("outline")
            .arg(&path)
            .stdout(Stdio::null())
            .spawn()
            .expect("run gangmu outline");
        let (code, peak) = wait_peak(child.id());
        let bound = 3 * len as u64 + (64 << 20);
        println!(
            "{name:>14}: {:5.1} MB file, peak {:6.1} MB (bound {:.0} MB{}), {:.2} s, exit {code}",
            len as f64 / 1e6,
            peak as f64 / 1e6,
            bound as f64 / 1e6,
            if peak <= bound { "" } else { ", OVER" },
            t.elapsed().as_secs_f64()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
/// Waits for `pid`: its exit code and peak resident set in bytes.
fn wait_peak(pid: u32) -> (i32, u64) {
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointers to a status and a rusage; `pid` is our child, not yet reaped.
    let r = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(r, pid as libc::pid_t, "wait4");
    // ru_maxrss is in kilobytes on Linux.
    (libc::WEXITSTATUS(status), usage.ru_maxrss as u64 * 1024)
}
