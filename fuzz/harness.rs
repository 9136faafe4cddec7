//! The fuzz harness shared by `examples/fuzz.rs` (long runs) and `tests/fuzz_smoke.rs`
//! (a bounded pass in CI). Stable Rust, no cargo-fuzz: a small mutator over a seed corpus,
//! and the pipeline decode → parse → export run under `catch_unwind` with invariant checks.
//!
//! To fuzz one more stage, add one line to `STEPS`.

#![allow(dead_code)]

use gangmu::corpus::decode;
use gangmu::outline::{Document, Text, parse, parse_parts};
use gangmu::text::layout::Texts;
use gangmu::text::{Ambiguous, Layout, char_width, str_width};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// One stage after parsing: takes the document, returns a broken invariant as an error.
pub type Step = fn(&Document) -> Result<(), String>;

/// The stages run on every parsed document, in order.
pub const STEPS: &[(&str, Step)] = &[
    ("invariants", check_invariants),
    ("to_json", step_json),
    ("to_text", step_text),
    ("inline_points", step_inline_points),
    ("wrap", step_wrap),
];

/// What went wrong with one input.
#[derive(Debug, Clone)]
pub struct Finding {
    pub step: &'static str,
    pub message: String,
}

/// Runs one input through decode → parse → every step (export, wrap). A panic anywhere is a finding.
/// On success, returns the features of the outcome (see `features`).
pub fn run_one(bytes: &[u8]) -> Result<Vec<u64>, Finding> {
    let mut step: &'static str = "decode";
    IN_RUN.with(|r| r.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| -> Result<Vec<u64>, Finding> {
        let decoded = match decode(bytes) {
            Ok(d) => d,
            Err(e) => return Ok(vec![hash(&format!("decode error {e}"))]),
        };
        step = "parse";
        let doc = parse(&decoded.text, "fuzz/input.txt", "input", decoded.encoding);
        check_lines(&doc, &decoded.text).map_err(|message| Finding {
            step: "lines",
            message,
        })?;
        for &(name, f) in STEPS {
            step = name;
            f(&doc).map_err(|message| Finding {
                step: name,
                message,
            })?;
        }
        // Read in parts of a few lines, as a file of millions of lines is: the joins
        // between parts keep every invariant, with texts kept and dropped.
        step = "parts";
        let parts = parse_parts(
            &decoded.text,
            "fuzz/input.txt",
            "input",
            decoded.encoding,
            Text::Keep,
            5,
        );
        check_lines(&parts, &decoded.text)
            .and_then(|()| check_invariants(&parts))
            .map_err(|message| Finding {
                step: "parts",
                message,
            })?;
        let outline = parse_parts(
            &decoded.text,
            "fuzz/input.txt",
            "input",
            decoded.encoding,
            Text::Drop,
            5,
        );
        check_invariants(&outline)
            .and_then(|()| same_outline(&outline, &parts))
            .map_err(|message| Finding {
                step: "parts (outline)",
                message,
            })?;
        Ok(features(&doc))
    }));
    IN_RUN.with(|r| r.set(false));
    match result {
        Ok(r) => r,
        Err(payload) => {
            let at = LAST_PANIC
                .with(|l| l.borrow_mut().take())
                .unwrap_or_default();
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_string());
            Err(Finding {
                step,
                message: format!("panic at {at}: {message}"),
            })
        }
    }
}

thread_local! {
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    static IN_RUN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Replaces the panic hook with one that records where a panic happened instead of
/// printing it: findings are reported once each, with their location.
/// Panics outside `run_one` (a failing test's assertions) still go to the old hook.
pub fn install_quiet_panic_hook() {
    let old = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !IN_RUN.with(|r| r.get()) {
            return old(info);
        }
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        LAST_PANIC.with(|l| *l.borrow_mut() = Some(at));
    }));
}

fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

/// A cheap stand-in for coverage: what kinds of outcome an input produced (node shapes,
/// warning kinds, roles, encodings). An input with a feature not seen before joins the
/// corpus, so the mutator builds on inputs that reach new parser paths.
fn features(doc: &Document) -> Vec<u64> {
    let bucket = |n: usize| usize::BITS - n.leading_zeros();
    let shape =
        |s: &str| -> String { s.chars().filter(|c| !c.is_ascii_digit()).take(40).collect() };
    let mut f = vec![
        hash(doc.encoding),
        hash(&format!("nodes {}", bucket(doc.nodes.len()))),
        hash(&format!("removed {}", bucket(doc.removed.len()))),
        hash(&format!("paras {}", bucket(doc.paragraphs.len()))),
        hash(&format!(
            "frame {} {} {}",
            doc.announced.is_some(),
            doc.closing_line.is_some(),
            doc.subtitle.is_some()
        )),
    ];
    for w in doc.warnings.iter().take(64) {
        f.push(hash(&format!("warn {}", shape(&w.message))));
    }
    // Marker classes, not characters: 一 and 九 take the same path.
    let class = |m: &str| match m.chars().next() {
        None => 'u',
        Some('一'..='十' | '〇' | '百') => 'n',
        Some('0'..='9' | '０'..='９') => 'd',
        Some('（' | '(') => 'b',
        Some('①'..='⑳') => 'c',
        Some(c) => c,
    };
    for n in doc.nodes.iter().take(64) {
        let parent = n
            .parent
            .map_or('-', |p| class(doc.node_marker(&doc.nodes[p])));
        let lead = doc.paragraphs[n.para].lead;
        let text = doc.para_text(n.para).len();
        f.push(hash(&format!(
            "node {} {:?} {} {parent} {}",
            n.level.min(6),
            n.kind,
            class(doc.node_marker(n)),
            lead.cmp(&text) as i8
        )));
    }
    for p in doc.paragraphs.iter().take(256) {
        f.push(hash(&format!("role {:?} {}", p.role, p.node.is_some())));
    }
    f
}

/// Line numbers point into the decoded text.
fn check_lines(doc: &Document, text: &str) -> Result<(), String> {
    let count = text.bytes().filter(|&b| b == b'\n').count() + 1;
    let ok = |l: usize| (1..=count).contains(&l);
    for (i, n) in doc.nodes.iter().enumerate() {
        if !ok(n.line) {
            return Err(format!("node {i} line {} outside 1..={count}", n.line));
        }
    }
    for (i, p) in doc.paragraphs.iter().enumerate() {
        if !ok(p.line) {
            return Err(format!("paragraph {i} line {} outside 1..={count}", p.line));
        }
    }
    for r in &doc.removed {
        if !ok(r.line) {
            return Err(format!("removed line {} outside 1..={count}", r.line));
        }
    }
    for w in &doc.warnings {
        if !ok(w.line) {
            return Err(format!("warning line {} outside 1..={count}", w.line));
        }
    }
    if let Some(l) = doc.closing_line
        && !ok(l)
    {
        return Err(format!("closing line {l} outside 1..={count}"));
    }
    let nonspace = text.chars().filter(|c| !c.is_whitespace()).count();
    if doc.chars > nonspace {
        return Err(format!("chars {} > {nonspace} in the text", doc.chars));
    }
    Ok(())
}

/// An outline without texts is the outline of the reading.
fn same_outline(outline: &Document, read: &Document) -> Result<(), String> {
    let shape = |d: &Document| -> Vec<String> {
        let nodes = d.nodes.iter();
        nodes
            .map(|n| {
                let at = (n.level, n.line, n.chars, n.parent, n.end);
                format!("{at:?} {}", d.node_title(n))
            })
            .collect()
    };
    let about = |d: &Document| (d.chars, d.closing_line, d.appendix_line, d.warnings.clone());
    if shape(outline) != shape(read) || about(outline) != about(read) {
        return Err("the outline without texts differs from the reading's".into());
    }
    Ok(())
}

/// The flat pre-order tree is consistent, and paragraphs point at valid places.
pub fn check_invariants(doc: &Document) -> Result<(), String> {
    let n = doc.nodes.len();
    for (i, node) in doc.nodes.iter().enumerate() {
        if node.end <= i || node.end > n {
            return Err(format!("node {i}: end {} not in {}..={n}", node.end, i + 1));
        }
        match node.parent {
            None => {
                if node.level != 1 {
                    return Err(format!("node {i}: top level with level {}", node.level));
                }
            }
            Some(p) => {
                if p >= i {
                    return Err(format!("node {i}: parent {p} not before it"));
                }
                let parent = &doc.nodes[p];
                if node.end > parent.end || i >= parent.end {
                    return Err(format!(
                        "node {i} (end {}) outside parent {p}'s subtree (end {})",
                        node.end, parent.end
                    ));
                }
                if node.level != parent.level + 1 {
                    return Err(format!(
                        "node {i}: level {} under parent level {}",
                        node.level, parent.level
                    ));
                }
                if node.chars > parent.chars {
                    return Err(format!(
                        "node {i}: chars {} > parent's {}",
                        node.chars, parent.chars
                    ));
                }
            }
        }
        if node.para >= doc.paragraphs.len() {
            return Err(format!("node {i}: paragraph {} out of range", node.para));
        }
        if doc.paragraphs[node.para].node != Some(i) {
            return Err(format!("node {i}: its paragraph points elsewhere"));
        }
        if i > 0 && node.para <= doc.nodes[i - 1].para {
            return Err(format!("node {i}: paragraph not after the previous node's"));
        }
    }
    // Pre-order: each node's parent is the innermost subtree still open where it starts.
    let mut open: Vec<usize> = Vec::new();
    for (j, node) in doc.nodes.iter().enumerate() {
        while open.last().is_some_and(|&k| doc.nodes[k].end <= j) {
            open.pop();
        }
        if open.last().copied() != node.parent {
            return Err(format!(
                "node {j}: parent {:?}, but the innermost open subtree is {:?}",
                node.parent,
                open.last()
            ));
        }
        open.push(j);
    }
    // Walking the tree through `children_of` visits every node exactly once.
    let mut seen = 0usize;
    let mut stack: Vec<Option<usize>> = vec![None];
    while let Some(p) = stack.pop() {
        for c in doc.children_of(p) {
            seen += 1;
            if seen > n {
                return Err("children_of visits more nodes than exist".into());
            }
            stack.push(Some(c));
        }
    }
    if seen != n {
        return Err(format!("children_of visits {seen} of {n} nodes"));
    }
    for (i, p) in doc.paragraphs.iter().enumerate() {
        if doc.text.get(p.span.clone()).is_none() {
            return Err(format!("paragraph {i}: span {:?} outside the text", p.span));
        }
        let text = doc.para_text(i);
        // Without texts (`Text::Drop`) there is nothing to hold the lead against.
        let dropped = doc.text.is_empty() && p.span.is_empty();
        if !dropped && (p.lead > text.len() || !text.is_char_boundary(p.lead)) {
            return Err(format!(
                "paragraph {i}: lead {} not a char boundary of {} bytes",
                p.lead,
                text.len()
            ));
        }
        if let Some(k) = p.node
            && k >= n
        {
            return Err(format!("paragraph {i}: node {k} out of range"));
        }
        if i > 0 && p.line < doc.paragraphs[i - 1].line {
            return Err(format!("paragraph {i}: line goes backwards"));
        }
    }
    Ok(())
}

fn step_json(doc: &Document) -> Result<(), String> {
    let s = gangmu::export::to_json(doc);
    let v: serde_json::Value =
        serde_json::from_str(&s).map_err(|e| format!("to_json is not JSON: {e}"))?;
    if v.get("sections").and_then(|s| s.as_array()).is_none() {
        return Err("to_json has no sections array".into());
    }
    if let Some(c) = s.chars().find(|&c| is_unsafe_for_terminal(c)) {
        return Err(format!("to_json writes raw U+{:04X}", c as u32));
    }
    if s != gangmu::export::reference::to_json(doc) {
        return Err("to_json differs from the serde-derived reference".into());
    }
    Ok(())
}

fn step_text(doc: &Document) -> Result<(), String> {
    let s = gangmu::export::to_text(doc);
    match s.chars().find(|&c| is_unsafe_for_terminal(c)) {
        Some(c) => Err(format!("to_text writes raw U+{:04X}", c as u32)),
        None => Ok(()),
    }
}

/// Widths the text pane is laid out at: the tiny ones find edge cases.
const WRAP_WIDTHS: &[(usize, Ambiguous)] = &[
    (0, Ambiguous::Narrow),
    (1, Ambiguous::Narrow),
    (2, Ambiguous::Narrow),
    (5, Ambiguous::Wide),
    (13, Ambiguous::Narrow),
    (80, Ambiguous::Narrow),
];

/// The text pane's layout (sanitize → wrap per paragraph) at several widths: each
/// paragraph's rows cover its drawable text in order, fit the width, and draw nothing raw.
fn step_wrap(doc: &Document) -> Result<(), String> {
    let texts = Texts::new(doc);
    for i in 0..doc.paragraphs.len() {
        let t = texts.get(doc, i);
        if let Some(c) = t.chars().find(|&c| is_unsafe_for_terminal(c) || c == '\n') {
            return Err(format!(
                "paragraph {i}: sanitized text keeps U+{:04X}",
                c as u32
            ));
        }
        let lead = texts.lead(doc, i);
        if lead > t.len() || !t.is_char_boundary(lead) {
            return Err(format!(
                "paragraph {i}: drawable lead {lead} of {} bytes",
                t.len()
            ));
        }
    }
    for &(width, amb) in WRAP_WIDTHS {
        let layout = Layout::new(doc, &texts, width, amb);
        let width = width.max(1);
        if layout.para_row.len() != doc.paragraphs.len() {
            return Err(format!(
                "width {width}: para_row has {} entries",
                layout.para_row.len()
            ));
        }
        for (i, &first) in layout.para_row.iter().enumerate() {
            let text = texts.get(doc, i);
            let mut at = 0usize;
            let mut r = first as usize;
            let mut k = 0usize;
            while let Some(row) = layout.rows.get(r).filter(|row| row.para == i as u32) {
                let (start, end) = (row.start as usize, row.end as usize);
                if start != at || end < start {
                    return Err(format!(
                        "width {width}: paragraph {i} row {k} is {start}..{end}, expected to start at {at}"
                    ));
                }
                let Some(s) = text.get(start..end) else {
                    return Err(format!(
                        "width {width}: paragraph {i} row {k} {start}..{end} off a char boundary"
                    ));
                };
                let room = if k == 0 {
                    width.saturating_sub(row.indent as usize)
                } else {
                    width
                };
                let w = str_width(s, amb);
                let visible = s.chars().filter(|&c| char_width(c, amb) > 0).count();
                if w > room.max(1) && visible > 1 {
                    return Err(format!(
                        "width {width}: paragraph {i} row {k} is {w} wide, room {room}"
                    ));
                }
                at = end;
                r += 1;
                k += 1;
            }
            if k == 0 || at != text.len() {
                return Err(format!(
                    "width {width}: paragraph {i} rows cover {at} of {} bytes",
                    text.len()
                ));
            }
            let _ = layout.row_of(i, texts.lead(doc, i));
        }
        for row in 0..layout.rows.len().min(64) {
            let _ = layout.para_at(row);
        }
    }
    Ok(())
}

fn step_inline_points(doc: &Document) -> Result<(), String> {
    for i in 0..doc.paragraphs.len() {
        for ip in doc.inline_points(i) {
            let text = doc.para_text(i);
            if text.get(ip.offset..ip.offset + ip.marker.len()) != Some(ip.marker.as_str()) {
                return Err(format!(
                    "paragraph {i}: inline point at {} misplaced",
                    ip.offset
                ));
            }
        }
    }
    Ok(())
}

/// Characters a terminal acts on: C0 (but LF), DEL, C1, and the bidi overrides/isolates.
pub fn is_unsafe_for_terminal(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// splitmix64: small, fast, deterministic.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Things worth inserting: markers of every family, framing words, brackets, quotes,
/// line ends, escape sequences and odd Unicode.
const TOKENS: &[&str] = &[
    "一、",
    "十二、",
    "一百二十三、",
    "（一）",
    "(二)",
    "（九十九九十九）",
    "（三）、",
    "1.",
    "2、",
    "３．",
    "12345678901234567890123.",
    "（1）",
    "(2)",
    "①",
    "第一部分",
    "第二个方面",
    "第三章",
    "一是",
    "二是",
    "一要",
    "首先，",
    "其次，",
    "最后，",
    "第一，",
    "一方面",
    "另一方面",
    "其一",
    "同志们：",
    "同志们，",
    "谢谢大家！",
    "各位代表：",
    "尊敬的",
    "原标题：",
    "原标题:",
    "——在全市工作会议上的讲话",
    "在全县经济工作会议上的讲话",
    "（2021年3月5日）",
    "二〇二一年三月五日",
    "市委书记 王某某",
    "下面，我讲三点意见。",
    "我主要讲五个方面",
    "仅供学习",
    "公众号",
    "来源：",
    "- 3 -",
    "第 3 页 共 10 页",
    "————",
    "*****",
    "。",
    "！",
    "？",
    "；",
    "：",
    "，",
    "、",
    "…",
    "（",
    "）",
    "(",
    ")",
    "【",
    "】",
    "《",
    "》",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "「",
    "」",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\u{3000}",
    "\u{3000}\u{3000}",
    "\u{00A0}",
    " ",
    "\t",
    "\u{FEFF}",
    "\u{200B}",
    "\u{200D}",
    "\u{202E}",
    "\u{2066}",
    "\u{FFFD}",
    "\u{E000}",
    "𠀀",
    "👨‍👩‍👧",
    "e\u{301}",
    "\x1b]52;c;aGVsbG8=\x07",
    "\x1b]0;pwned\x07",
    "\x1b]2;title\x1b\\",
    "\x1b[2J",
    "\x1b[?1049l",
    "\x1b[6n",
    "\x07",
    "\0",
    "\u{9b}",
    "\u{85}",
    "\x7f",
];

/// `TOKENS` as a libFuzzer dictionary (`fuzz/gangmu.dict`, for `cargo fuzz run …
/// -dict=`): one quoted entry a line, every byte outside printable ASCII (and `"`, `\`)
/// as `\xNN`, since libFuzzer refuses entries with other bytes.
pub fn dictionary() -> String {
    let mut out = String::from(
        "# Made from TOKENS in fuzz/harness.rs; tests/fuzz_smoke.rs checks it is up to date.\n",
    );
    for (i, token) in TOKENS.iter().enumerate() {
        out.push_str(&format!("token{i}=\""));
        for &b in token.as_bytes() {
            match b {
                b'"' | b'\\' => out.push_str(&format!("\\{}", b as char)),
                0x20..=0x7e => out.push(b as char),
                _ => out.push_str(&format!("\\x{b:02X}")),
            }
        }
        out.push_str("\"\n");
    }
    out
}

/// Produces a mutated input from the corpus.
pub fn mutate(rng: &mut Rng, corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut data = if corpus.is_empty() {
        Vec::new()
    } else {
        rng.pick(corpus).clone()
    };
    let rounds = 1 + rng.below(8);
    for _ in 0..rounds {
        mutate_once(rng, corpus, &mut data);
    }
    // Keep inputs small enough for many executions per second.
    data.truncate(256 * 1024);
    data
}

fn mutate_once(rng: &mut Rng, corpus: &[Vec<u8>], data: &mut Vec<u8>) {
    let len = data.len();
    match rng.below(16) {
        0 if len > 0 => {
            let i = rng.below(len);
            data[i] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let i = rng.below(len);
            data[i] = rng.next() as u8;
        }
        2 => {
            let i = rng.below(len + 1);
            let b = rng.next() as u8;
            data.insert(i, b);
        }
        3 if len > 0 => {
            let i = rng.below(len);
            let n = 1 + rng.below((len - i).min(64));
            data.drain(i..i + n);
        }
        4..=6 => {
            // A token at a char boundary (when the data is UTF-8) or anywhere.
            let tok = rng.pick(TOKENS).as_bytes();
            let i = char_boundary_near(data, rng.below(len + 1));
            let at_line_start = rng.below(2) == 0;
            let mut ins = Vec::new();
            if at_line_start {
                ins.push(b'\n');
            }
            ins.extend_from_slice(tok);
            data.splice(i..i, ins);
        }
        7 if !corpus.is_empty() => {
            // Splice: a piece of another seed.
            let other = rng.pick(corpus);
            if !other.is_empty() {
                let a = rng.below(other.len());
                let b = (a + 1 + rng.below(4096)).min(other.len());
                let i = char_boundary_near(data, rng.below(len + 1));
                data.splice(i..i, other[a..b].iter().copied());
            }
        }
        8 if len > 0 => {
            // Truncation, possibly in the middle of a character.
            data.truncate(rng.below(len));
        }
        9 if len > 0 => {
            // Duplicate a chunk: repetition finds quadratic behaviour.
            let a = rng.below(len);
            let b = (a + 1 + rng.below(512)).min(len);
            let chunk: Vec<u8> = data[a..b].to_vec();
            let times = 1 + rng.below(16);
            let i = rng.below(len + 1);
            let rep: Vec<u8> = chunk
                .iter()
                .copied()
                .cycle()
                .take(chunk.len() * times)
                .collect();
            data.splice(i..i, rep);
        }
        10 => reencode(rng, data),
        11 if len > 0 => {
            // Line structure: drop all newlines (flattened) or add many (hard-wrapped).
            if rng.below(2) == 0 {
                data.retain(|&b| b != b'\n' && b != b'\r');
            } else if let Ok(s) = std::str::from_utf8(data) {
                let w = 5 + rng.below(40);
                let mut out = String::with_capacity(s.len() + s.len() / w);
                for (k, c) in s.chars().enumerate() {
                    if k > 0 && k % w == 0 {
                        out.push('\n');
                    }
                    out.push(c);
                }
                *data = out.into_bytes();
            }
        }
        12 if len > 0 => {
            // Swap two lines' order by rotating a region.
            let a = rng.below(len);
            let b = (a + 1 + rng.below(2048)).min(len);
            let k = rng.below(b - a);
            data[a..b].rotate_left(k);
        }
        13 => {
            // Half-width punctuation, as web copies have it.
            if let Ok(s) = std::str::from_utf8(data) {
                let s = s
                    .replace('（', "(")
                    .replace('）', ")")
                    .replace('，', ",")
                    .replace('：', ":");
                *data = s.into_bytes();
            }
        }
        14 => {
            // A run of one token: many headings, brackets or numerals in a row.
            let tok = rng.pick(TOKENS);
            let n = 1 + rng.below(200);
            let i = char_boundary_near(data, rng.below(len + 1));
            let run = tok.repeat(n);
            data.splice(i..i, run.into_bytes());
        }
        _ => {
            let i = rng.below(len + 1);
            let n = 1 + rng.below(8);
            for _ in 0..n {
                let b = rng.next() as u8;
                data.insert(i.min(data.len()), b);
            }
        }
    }
}

/// Re-encodes UTF-8 data to GB18030, Big5 or UTF-16 (with or without BOM).
fn reencode(rng: &mut Rng, data: &mut Vec<u8>) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let s = s.to_string();
    *data = match rng.below(5) {
        0 => encoding_rs::GB18030.encode(&s).0.into_owned(),
        1 => encoding_rs::BIG5.encode(&s).0.into_owned(),
        k => {
            let le = k != 4;
            let mut out = Vec::with_capacity(s.len() * 2 + 2);
            if k != 3 {
                out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
            }
            let mut units: Vec<u16> = s.encode_utf16().collect();
            if !units.is_empty() && rng.below(2) == 0 {
                // A lone surrogate.
                let i = rng.below(units.len());
                units.insert(i, 0xD800 + rng.below(0x800) as u16);
            }
            for u in units {
                out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            out
        }
    };
}

fn char_boundary_near(data: &[u8], mut i: usize) -> usize {
    i = i.min(data.len());
    if std::str::from_utf8(data).is_ok() {
        while i < data.len() && (data[i] & 0xC0) == 0x80 {
            i += 1;
        }
    }
    i
}

/// The seed directory: `fuzz/seeds/` in the crate.
pub fn seed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join("seeds")
}

/// Every file of the seed directory, in name order.
pub fn load_seeds(dir: &Path) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// Statistics of a run.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub execs: u64,
    pub findings: Vec<(Finding, Vec<u8>)>,
    /// The slowest execution, in microseconds, and its input size.
    pub slowest_us: u128,
    pub slowest_len: usize,
    pub slowest_input: Vec<u8>,
    /// Inputs in the corpus, seeds and the ones that found new features.
    pub corpus: usize,
}

/// Past this many inputs the corpus stops growing.
const MAX_CORPUS: usize = 4096;

/// Runs `iterations` mutated inputs (and every seed unmutated first), or until `deadline`.
/// `on_finding` sees each failing input as it is found; distinct messages only are kept.
pub fn fuzz(
    seed: u64,
    corpus: &[Vec<u8>],
    iterations: Option<u64>,
    deadline: Option<std::time::Instant>,
    mut on_finding: impl FnMut(&Finding, &[u8]),
    mut on_exec: impl FnMut(&Stats, &[u8]),
) -> Stats {
    let mut rng = Rng::new(seed);
    let mut stats = Stats::default();
    let mut seen = std::collections::HashSet::new();
    let mut known = std::collections::HashSet::new();
    let mut corpus: Vec<Vec<u8>> = corpus.to_vec();
    let seeds = corpus.len();
    let mut k = 0u64;
    loop {
        if iterations.is_some_and(|n| k >= n)
            || deadline.is_some_and(|d| std::time::Instant::now() >= d)
        {
            break;
        }
        let input = if (k as usize) < seeds {
            corpus[k as usize].clone()
        } else {
            mutate(&mut rng, &corpus)
        };
        k += 1;
        on_exec(&stats, &input);
        let t = std::time::Instant::now();
        let r = run_one(&input);
        let us = t.elapsed().as_micros();
        if us > stats.slowest_us {
            stats.slowest_us = us;
            stats.slowest_len = input.len();
            stats.slowest_input.clone_from(&input);
        }
        stats.execs += 1;
        if let Ok(feats) = &r {
            let mut new = false;
            for &x in feats {
                new |= known.insert(x);
            }
            if new && (k as usize) > seeds && corpus.len() < MAX_CORPUS {
                corpus.push(input.clone());
                stats.corpus = corpus.len();
            }
        }
        if let Err(f) = r {
            // One example per step, panic location and message shape (digits vary).
            let strip = |s: &str| -> String { s.chars().filter(|c| !c.is_ascii_digit()).collect() };
            let shape = match f.message.split_once(": ") {
                Some((at, rest)) if at.starts_with("panic at") => format!("{at}: {}", strip(rest)),
                _ => strip(&f.message),
            };
            let key = (f.step, shape);
            if seen.insert(key) {
                on_finding(&f, &input);
                stats.findings.push((f, input));
            }
        }
    }
    stats
}
