//! Issue 4, the browser: started in a real pty on a directory of hostile files beside a
//! good speech, driven through its keys and through odd terminal sizes. Every byte the
//! program writes is kept and checked: nothing from a file may reach the terminal as a
//! control sequence, and no file may be changed.
#![cfg(unix)]

mod common;
use common::hostile;
use common::pty::{Session, row, text_head_bg};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The kinds of escape sequences in a byte stream, with counts. Positions and colours are
/// left out of the kind (`CSI H`, `CSI m`); modes, clears and queries keep their parameters.
#[derive(Debug, Default)]
struct Scan {
    kinds: BTreeMap<String, usize>,
    /// (offset, sequence) of every sequence, for order checks.
    seqs: Vec<(usize, String)>,
    /// Control bytes outside any sequence, other than CR, LF and BS.
    stray_controls: BTreeMap<u8, usize>,
    /// C1 controls and bidi controls found in the UTF-8 text.
    bad_chars: BTreeMap<char, usize>,
}

fn scan(raw: &[u8]) -> Scan {
    let mut sc = Scan::default();
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if b == 0x1b {
            let start = i;
            let kind;
            match raw.get(i + 1) {
                Some(b'[') => {
                    let mut j = i + 2;
                    while j < raw.len() && (0x20..=0x3f).contains(&raw[j]) {
                        j += 1;
                    }
                    let params = String::from_utf8_lossy(&raw[i + 2..j.min(raw.len())]);
                    let fin = raw.get(j).map_or('∅', |&f| f as char);
                    kind = if "HmGdABCD".contains(fin) {
                        format!("CSI {fin}")
                    } else {
                        format!("CSI {params}{fin}")
                    };
                    i = j + 1;
                }
                Some(b']') => {
                    kind = "OSC".to_string();
                    i += 2;
                }
                Some(&c) => {
                    kind = format!("ESC {}", c as char);
                    i += 2;
                }
                None => {
                    kind = "ESC at end".to_string();
                    i += 1;
                }
            }
            *sc.kinds.entry(kind.clone()).or_default() += 1;
            sc.seqs.push((start, kind));
            continue;
        }
        if (b < 0x20 && !matches!(b, b'\r' | b'\n' | 0x08)) || b == 0x7f {
            *sc.stray_controls.entry(b).or_default() += 1;
        }
        i += 1;
    }
    for c in String::from_utf8_lossy(raw).chars() {
        if matches!(c as u32, 0x80..=0x9f | 0x202a..=0x202e | 0x2066..=0x2069) {
            *sc.bad_chars.entry(c).or_default() += 1;
        }
    }
    sc
}

/// What a path is and holds, without following links or opening FIFOs.
#[derive(Debug, PartialEq, Eq)]
struct Stamp {
    kind: String,
    mtime: Option<SystemTime>,
    bytes: Option<Vec<u8>>,
}

fn stamps(dir: &Path) -> BTreeMap<PathBuf, Stamp> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir") {
            let p = e.expect("entry").path();
            let m = std::fs::symlink_metadata(&p).expect("symlink_metadata");
            let ft = m.file_type();
            let bytes = if ft.is_file() {
                Some(std::fs::read(&p).expect("read"))
            } else if ft.is_symlink() {
                Some(
                    std::fs::read_link(&p)
                        .expect("read_link")
                        .into_os_string()
                        .into_encoded_bytes(),
                )
            } else {
                None
            };
            if ft.is_dir() {
                todo.push(p.clone());
            }
            out.insert(
                p,
                Stamp {
                    kind: format!("{ft:?}"),
                    mtime: m.modified().ok(),
                    bytes,
                },
            );
        }
    }
    out
}

/// `GANGMU_SHOW=1`: print the screen after each step, and the sequences seen.
fn show() -> bool {
    std::env::var_os("GANGMU_SHOW").is_some()
}

/// Waits until every key sent so far has been handled, and returns the screen then. The
/// program handles all queued keys before drawing, and a slow key (laying out a huge
/// speech) leaves the screen still for a while: so open the help overlay behind the keys,
/// wait for it, and close it again.
fn settle(s: &mut Session, what: &str) -> String {
    let t = std::time::Instant::now();
    s.send("?");
    s.wait_for(what, |sc| sc.contents().contains("Esc 关闭"));
    s.send("\x1b");
    let screen = s.wait_for(what, |sc| {
        let t = sc.contents();
        !t.contains("Esc 关闭") && !t.contains("载入")
    });
    if show() {
        eprintln!("{what}: {:?}\n{screen}", t.elapsed());
    }
    screen
}

/// The issue's key tour and resizes; returns the raw output and the emulator's events.
fn tour(dir: &Path, with_escapes: bool) -> (Vec<u8>, common::pty::Events) {
    let (w, h) = (100, 30);
    let mut s = Session::start(&[dir.to_str().expect("utf-8 path")], w, h);
    let first = s.wait_for("the first frame with everything loaded", |sc| {
        let t = sc.contents();
        sc.alternate_screen() && t.contains("纲目") && t.contains("帮助") && !t.contains("载入")
    });
    assert!(first.contains("今年"), "the good speech is shown: {first}");

    // G: the last row.
    s.send("G");
    let last = settle(&mut s, "G");
    assert_ne!(last, first, "G moved");

    // ] ×30 from the top: headings in reading order, across speeches.
    s.send("g");
    settle(&mut s, "g");
    s.send(&"]".repeat(30));
    let after = settle(&mut s, "]×30");
    let status = row(&s, h - 1);
    assert!(
        status.contains('›') || status.contains("已到结尾"),
        "a heading is read: {after}"
    );

    // Tab: the text takes the focus.
    let before = text_head_bg(s.parser.lock().expect("parser").screen());
    s.send("\t");
    s.wait_for("Tab", |sc| text_head_bg(sc) != before);

    // PageDown ×20.
    s.send(&"\x1b[6~".repeat(20));
    settle(&mut s, "PageDown×20");
    assert!(s.alive());

    // / search, Enter, n.
    s.send("/同志");
    s.wait_for("the search line", |sc| text_at_last(sc).contains("/同志"));
    s.send("\r");
    s.wait_for("the search line to close", |sc| {
        !text_at_last(sc).contains("/同志")
    });
    s.send("n");
    settle(&mut s, "n");
    assert!(s.alive());

    // Beyond the issue's tour: filter the tree to the crafted speech and open it, so its
    // escapes are on screen (as visible symbols) through the resizes below.
    s.send("\tf]52\rgj");
    let shown = settle(&mut s, "the crafted speech");
    if with_escapes {
        assert!(shown.contains("␛]52;c;aGk=␇"), "{shown}");
        assert!(shown.contains("escapes.txt"), "{shown}");
    }

    // Odd sizes, then back.
    for (cw, ch) in [(1, 1), (2, 2), (5, 3), (300, 80), (1, 1), (w, h)] {
        let from = s.raw.lock().expect("raw").len();
        s.resize(cw, ch);
        // A new size clears the screen, and every frame ends by hiding or showing the
        // cursor: wait for both before looking, so a slow redraw is not mistaken for one.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while !frame_after_clear(&s.raw.lock().expect("raw")[from..]) {
            assert!(
                std::time::Instant::now() < deadline,
                "no frame at {cw}×{ch}"
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let screen = s.wait_for(&format!("a frame at {cw}×{ch}"), |_| true);
        assert!(s.alive(), "gangmu died at {cw}×{ch}");
        let p = s.parser.lock().expect("parser");
        let sc = p.screen();
        assert!(
            sc.alternate_screen(),
            "left the alternate screen at {cw}×{ch}"
        );
        assert!(
            !screen.chars().any(|c| c.is_control() && c != '\n'),
            "control characters on screen at {cw}×{ch}: {screen:?}"
        );
        if cw >= 5 && ch >= 3 {
            assert!(!screen.trim().is_empty(), "blank screen at {cw}×{ch}");
        }
        if cw >= 60 && ch >= 10 {
            assert!(
                screen.contains("过滤：]52") && screen.contains("帮助"),
                "header and status at {cw}×{ch}: {screen}"
            );
            assert!(
                !with_escapes || screen.contains("␛]52;c;aGk=␇"),
                "the escapes shown at {cw}×{ch}: {screen}"
            );
        }
    }

    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.wait_for("the terminal to be restored", |sc| {
        !sc.alternate_screen() && !sc.hide_cursor()
    });
    (s.raw(), s.events())
}

/// `out` holds a clear screen followed by the end of a frame.
fn frame_after_clear(out: &[u8]) -> bool {
    let find = |hay: &[u8], pat: &[u8]| hay.windows(pat.len()).position(|w| w == pat);
    find(out, b"\x1b[2J").is_some_and(|i| {
        let rest = &out[i..];
        find(rest, b"\x1b[?25l").is_some() || find(rest, b"\x1b[?25h").is_some()
    })
}

fn text_at_last(sc: &vt100::Screen) -> String {
    let rows = sc.size().0.get();
    common::pty::text_at(sc, rows - 1)
}

#[test]
fn hostile_directory_in_a_real_terminal() {
    // The same tour on the good speech alone says what the program itself writes.
    let good_tmp = hostile::TempDir::new("browser-good");
    let good_dir = &good_tmp.0;
    std::fs::write(good_dir.join("00_good.txt"), hostile::GOOD).expect("write");
    let (good_raw, good_events) = tour(good_dir, false);
    let good = scan(&good_raw);

    let tmp = hostile::TempDir::new("browser-hostile");
    let dir = &tmp.0;
    hostile::write_dir(dir, 1);
    let before = stamps(dir);
    let (raw, events) = tour(dir, true);
    let bad = scan(&raw);
    if show() {
        eprintln!("good run: {:?}", good.kinds);
        eprintln!("hostile run: {:?}", bad.kinds);
    }
    for (off, k) in &bad.seqs {
        if k == "OSC" || k == "CSI 6n" {
            let from = off.saturating_sub(120);
            eprintln!(
                "{k} at {off} of {}: {:?}",
                raw.len(),
                String::from_utf8_lossy(&raw[from..(off + 40).min(raw.len())])
            );
        }
    }

    if show() {
        let end = bad
            .seqs
            .iter()
            .rev()
            .find(|(_, k)| k == "CSI ?1049l")
            .map_or(0, |x| x.0);
        eprintln!(
            "after the session: {}",
            String::from_utf8_lossy(&raw[end..])
        );
    }

    // Read-only: every file, link and directory entry as it was.
    let after = stamps(dir);
    assert_eq!(before.len(), after.len());
    for (p, st) in &before {
        assert_eq!(Some(st), after.get(p), "{} changed", p.display());
    }

    // Nothing the emulator was asked to do besides drawing.
    for (name, ev) in [("good", &good_events), ("hostile", &events)] {
        assert_eq!(ev.bells, 0, "{name}: bells");
        assert!(ev.titles.is_empty(), "{name}: titles {:?}", ev.titles);
        assert!(
            ev.clipboard.is_empty(),
            "{name}: clipboard {:?}",
            ev.clipboard
        );
        assert_eq!(ev.unhandled_osc, 0, "{name}: OSC");
    }

    // The raw stream: no OSC, no cursor query, no BEL or NUL, no C1 or bidi controls.
    assert!(!bad.kinds.contains_key("OSC"), "OSC in the output");
    assert!(
        !bad.kinds.contains_key("CSI 6n"),
        "cursor query in the output"
    );
    assert!(bad.stray_controls.is_empty(), "{:?}", bad.stray_controls);
    assert!(bad.bad_chars.is_empty(), "{:?}", bad.bad_chars);
    assert!(!raw.contains(&0), "NUL in the output");
    // Only kinds of sequences the program writes for the good speech alone.
    for k in bad.kinds.keys() {
        assert!(
            good.kinds.contains_key(k),
            "`{k}` appears only with the hostile files"
        );
    }
    // Clears only where the program clears (start and resizes), as often as for the good
    // speech.
    let clears = |s: &Scan| s.kinds.get("CSI 2J").copied().unwrap_or(0);
    assert!(
        clears(&bad) <= clears(&good),
        "{} clears, {} with the good speech",
        clears(&bad),
        clears(&good)
    );
    // Leaving the alternate screen: once, at the very end (only the cursor shown after).
    let leaves: Vec<usize> = bad
        .seqs
        .iter()
        .enumerate()
        .filter(|(_, (_, k))| k == "CSI ?1049l")
        .map(|(n, _)| n)
        .collect();
    assert_eq!(leaves.len(), 1, "`?1049l` written {} times", leaves.len());
    let tail: Vec<&str> = bad.seqs[leaves[0] + 1..]
        .iter()
        .map(|(_, k)| k.as_str())
        .collect();
    assert!(
        tail.iter().all(|k| *k == "CSI ?25h"),
        "after leaving the alternate screen: {tail:?}"
    );
}
