//! Issue 4: a resize storm with no terminal. 1,000 pseudo-random sizes (zero and one
//! included, up to 400×120) go through the same `Resize` action the event loop sends,
//! with random keys and mouse events between them, over the hostile documents and the
//! samples. Every frame is drawn into a TestBackend and must be well formed: no cell
//! reaching past the edge of the screen, no tree row reaching into the text pane, the
//! divider intact, no control character in any cell.

mod common;
use common::hostile::{self, Rng};
use gangmu::app::{Action, State, press, update};
use gangmu::corpus::decode;
use gangmu::outline::{Document, parse};
use gangmu::text::Ambiguous;
use gangmu::view::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellDiffOption};
use unicode_width::UnicodeWidthStr;

/// The hostile files that decode (small versions of the big ones), then the samples.
fn documents() -> Vec<Document> {
    let mut docs = Vec::new();
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample");
    let mut files = hostile::files(100);
    let mut names: Vec<_> = std::fs::read_dir(&samples)
        .expect("sample dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    for p in names {
        let name = p.file_name().expect("name").to_string_lossy().into_owned();
        files.push((name, std::fs::read(&p).expect("read sample")));
    }
    for (name, bytes) in files {
        if let Ok(d) = decode(&bytes) {
            let stem = name.trim_end_matches(".txt");
            docs.push(parse(&d.text, &name, stem, d.encoding));
        }
    }
    assert!(docs.len() >= 25, "{} documents", docs.len());
    docs
}

/// Columns a cell takes on a terminal, as ratatui's diff counts them.
fn cell_width(buf: &Buffer, x: u16, y: u16) -> u16 {
    let cell = &buf[(x, y)];
    match cell.diff_option {
        CellDiffOption::ForcedWidth(n) => n.get(),
        _ => cell.symbol().width() as u16,
    }
}

/// `resized`: the state was just resized, which brings the selection back on screen (the
/// wheel may scroll it off between resizes).
fn check(s: &State, buf: &Buffer, ctx: &str, resized: bool) {
    let (w, h) = s.size;
    assert_eq!((buf.area.width, buf.area.height), (w, h), "{ctx}");
    let a = s.areas();
    let split = a.divider.width > 0 && !s.help;
    for y in 0..h {
        let in_body = split && y >= a.divider.top() && y < a.divider.bottom();
        let mut x = 0;
        while x < w {
            let sym = buf[(x, y)].symbol();
            assert!(
                !sym.chars().any(char::is_control),
                "{ctx}: control character in cell ({x}, {y}): {sym:?}"
            );
            let cw = cell_width(buf, x, y).max(1);
            // The tree ends at the divider; everything else at the screen's edge.
            let edge = if in_body && x < a.divider.x {
                a.divider.x
            } else {
                w
            };
            assert!(
                x + cw <= edge,
                "{ctx}: {sym:?} at ({x}, {y}) is {cw} wide, past column {edge}\n{}",
                rows(buf)
            );
            // A wide character covers the cells after it: they must be blank, or the
            // terminal and ratatui's diff disagree about what is there.
            for k in 1..cw {
                assert_eq!(
                    buf[(x + k, y)].symbol(),
                    " ",
                    "{ctx}: cell ({}, {y}) under the wide {sym:?}",
                    x + k
                );
            }
            x += cw;
        }
    }
    // After a resize the selected tree row is on screen, wherever the tree is.
    if resized
        && let Some(r) = s.sel_row()
        && a.tree.height > 0
        && a.tree.width > 0
    {
        let h = a.tree.height as usize;
        assert!(
            r >= s.tree_top && r < s.tree_top + h,
            "{ctx}: selected row {r} off screen (rows {}..{})\n{}",
            s.tree_top,
            s.tree_top + h,
            rows(buf)
        );
    }
    if split {
        let want = match s.amb {
            Ambiguous::Narrow => "│",
            Ambiguous::Wide => " ",
        };
        for y in a.divider.top()..a.divider.bottom() {
            assert_eq!(
                buf[(a.divider.x, y)].symbol(),
                want,
                "{ctx}: divider at row {y}\n{}",
                rows(buf)
            );
        }
    }
}

/// The buffer as text, for failure messages.
fn rows(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn draw(s: &State, ctx: &str, resized: bool) {
    let (w, h) = s.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| view(s, f)).expect("draw");
    check(s, t.backend().buffer(), ctx, resized);
}

/// 1,000 sizes: the corners (0 and 1 in either direction, the narrow-mode boundary, very
/// big), then random ones, mostly small.
fn sizes(rng: &mut Rng) -> Vec<(u16, u16)> {
    let mut v = vec![
        (0, 0),
        (0, 1),
        (1, 0),
        (1, 1),
        (0, 50),
        (80, 0),
        (1, 40),
        (400, 1),
        (400, 120),
        (2, 2),
        (5, 3),
        (59, 20),
        (60, 20),
        (300, 80),
        (400, 120),
        (16, 4),
        (15, 4),
        (3, 400),
    ];
    while v.len() < 1000 {
        let pick = |rng: &mut Rng, max: u64| -> u16 {
            match rng.below(6) {
                0 => rng.below(2) as u16,
                1 => max as u16,
                2 | 3 => rng.below(max / 4 + 1) as u16,
                _ => rng.below(max + 1) as u16,
            }
        };
        let w = pick(rng, 400);
        let h = pick(rng, 120);
        v.push((w, h));
    }
    v
}

const KEYS: &[&str] = &[
    "j",
    "k",
    "]",
    "[",
    "}",
    "{",
    "u",
    "g",
    "G",
    "l",
    "h",
    "0",
    "1",
    "3",
    "<tab>",
    "<pgdn>",
    "<pgup>",
    "<c-d>",
    "<c-u>",
    "<space>",
    "<enter>",
    "<",
    ">",
    ">>>>>>>>>>",
    "<<<<<<<<<<",
    "?",
    "<esc>",
    "/同志<enter>",
    "/的",
    "n",
    "N",
    "f一",
    "f<enter>",
    "<bs>",
    "x",
    // From speech to speech.
    "1}}}}}}<enter>",
    "1{{{{{{<enter>",
    "1G<enter>]",
];

/// One random key script or mouse event; returns what it was.
fn random_event(s: &mut State, rng: &mut Rng) -> String {
    let (w, h) = s.size;
    // Positions on and just off the screen.
    let x = rng.below(u64::from(w) + 3) as u16;
    let y = rng.below(u64::from(h) + 3) as u16;
    let a = match rng.below(10) {
        0 => Action::Click(x, y),
        1 => Action::Drag(x, y),
        2 => Action::Release,
        3 => Action::Wheel(x, y, if rng.below(2) == 0 { 3 } else { -3 }),
        _ => {
            let keys = KEYS[rng.below(KEYS.len() as u64) as usize];
            press(s, keys);
            return keys.to_string();
        }
    };
    let name = format!("{a:?}");
    update(s, a);
    name
}

#[test]
fn a_thousand_sizes_draw_well_formed_frames() {
    let t = std::time::Instant::now();
    let docs = documents();
    eprintln!("{} documents in {:?}", docs.len(), t.elapsed());
    // Fixed, so a failure repeats; GANGMU_STORM_SEED=n explores other storms.
    let seed = std::env::var("GANGMU_STORM_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_1234_abcd_0001);
    let mut rng = Rng(seed);
    let sizes = sizes(&mut rng);
    for (half, amb) in [Ambiguous::Narrow, Ambiguous::Wide].into_iter().enumerate() {
        let mut s = State::with_docs(docs.clone(), 100, 30, amb);
        for (n, &(w, h)) in sizes.iter().enumerate().skip(half).step_by(2) {
            update(&mut s, Action::Resize(w, h));
            draw(&s, &format!("size {n} ({w}×{h}, {amb:?})"), true);
            let events: Vec<String> = (0..rng.below(4))
                .map(|_| random_event(&mut s, &mut rng))
                .collect();
            draw(
                &s,
                &format!("size {n} ({w}×{h}, {amb:?}) after {events:?}"),
                false,
            );
        }
        eprintln!("{amb:?} done at {:?}", t.elapsed());
    }
}
