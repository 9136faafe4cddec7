//! The hostile inputs of issue 4, generated at test time (never committed). `scale` shrinks
//! the big ones: the pty test uses full size, the in-process resize storm a small one.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A good speech that must still be outlined beside the hostile files.
pub const GOOD: &str = include_str!("../../sample/01_economy_work.txt");

/// Escape sequences a crafted file might carry: OSC 52 clipboard write, OSC 0/2 titles,
/// clear screen, leave the alternate screen, cursor-position query, BEL, NUL, 8-bit CSI.
pub const ESCAPES: &str = "\u{1b}]52;c;aGk=\u{7}\u{1b}]0;pwned0\u{7}\u{1b}]2;pwned2\u{1b}\\\
                           \u{1b}[2J\u{1b}[?1049l\u{1b}[6n\u{7}\u{0}\u{9b}6n\u{1b}[H";

/// Deterministic pseudo-random numbers (xorshift64*), for bytes and sizes.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Name and bytes of every hostile file that is a regular file.
pub fn files(scale: usize) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = Vec::new();
    let mut add = |name: &str, bytes: Vec<u8>| v.push((name.to_string(), bytes));

    add("00_good.txt", GOOD.as_bytes().to_vec());
    add("empty.txt", vec![]);
    add(
        "whitespace.txt",
        " \t\n\r\n\u{3000}\u{3000}\n  \n".as_bytes().to_vec(),
    );

    // An image header, random bytes and NULs.
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut bin = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bin.extend((0..4096).map(|_| rng.next() as u8));
    bin.extend([0u8; 512]);
    add("binary.txt", bin);

    // UTF-8 text with invalid bytes scattered through it.
    let mut mixed = Vec::new();
    for (i, line) in GOOD.lines().enumerate() {
        mixed.extend_from_slice(line.as_bytes());
        if i % 3 == 1 {
            mixed.extend_from_slice(b"\xff\xfe\x80\xc3(\xe4\xb8");
        }
        mixed.push(b'\n');
    }
    add("invalid_utf8.txt", mixed);

    // One huge line with headings run in.
    let unit = "一、加快发展步伐。我们要坚定信心，（一）狠抓项目建设。全年安排项目很多，\
                1.抓好开工。要快，（1）明确责任。层层落实；①第一点。注意安全。";
    let n = (3_000_000 / scale) / unit.len() + 1;
    add(
        "big_single_line.txt",
        format!("关于单行大文件的讲话{}", unit.repeat(n)).into_bytes(),
    );

    // 200,000 heading lines of four families.
    let lines = 200_000 / scale;
    let mut heads = String::from("二十万行标题的讲话\n同志们：\n");
    for i in 0..lines {
        let line = match i % 4 {
            0 => format!("{}、第{i}部分\n", cn(i / 4 % 99 + 1)),
            1 => format!("（{}）第{i}小节\n", cn(i / 4 % 99 + 1)),
            2 => format!("{}.第{i}要点\n", i / 4 % 999 + 1),
            _ => format!("（{}）第{i}细目\n", i / 4 % 999 + 1),
        };
        heads.push_str(&line);
    }
    add("headings_200k.txt", heads.into_bytes());

    // Absurd numerals and unmatched brackets.
    let mut num = String::from("荒唐编号的讲话\n同志们：\n");
    num.push_str("一百二十三、超大中文编号\n");
    num.push_str("12345678901234567890123.二十三位数字编号\n");
    num.push_str("（九十九九十九）不成数的编号\n");
    num.push_str("（99999999999999999999999999）括号里的大数\n");
    num.push_str("第一千零一万章、奇怪的章\n");
    num.push_str(&"（【《“「".repeat(20_000 / scale / 5 + 1));
    num.push('\n');
    num.push_str(&"）】》”」".repeat(4_000 / scale + 1));
    num.push_str("\n结束。\n");
    add("numerals.txt", num.into_bytes());

    // A long line without punctuation or breaks.
    add(
        "long_no_punct.txt",
        "字".repeat(1_000_000 / scale).into_bytes(),
    );

    // CRLF only, and a speech with CRLF line ends.
    add("crlf_only.txt", b"\r\n".repeat(1000));
    add("crlf_speech.txt", GOOD.replace('\n', "\r\n").into_bytes());

    // UTF-16LE with a BOM and a lone surrogate.
    let mut u16s: Vec<u16> = "双字节编码的讲话\n同志们：\n一、第一部分\n正文"
        .encode_utf16()
        .collect();
    u16s.push(0xd800);
    u16s.extend("后面还有字。\n二、第二部分\n正文。\n".encode_utf16());
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(u16s.iter().flat_map(|u| u.to_le_bytes()));
    add("utf16_surrogate.txt", utf16);

    // Bidi overrides and zero-width characters, in titles and text.
    add(
        "bidi_zw.txt",
        "反向\u{202e}文字\u{200b}的讲话\n同志们：\n\
         一、\u{202e}倒过来的\u{2066}标题\u{200d}\n正文\u{200b}\u{200c}\u{feff}里有\u{202d}零宽\u{2069}字符。\n\
         二、\u{200b}\u{200b}\u{200b}\n\u{301}\u{301}开头的组合符。\n"
            .as_bytes()
            .to_vec(),
    );

    // A 5,000-character title.
    add(
        "long_title.txt",
        format!(
            "{}的讲话\n同志们：\n一、{}\n正文。\n",
            "很长".repeat(2500),
            "标题".repeat(2500)
        )
        .into_bytes(),
    );

    // Escape sequences in a crafted speech: title, headings, text. Dense enough and the
    // file is skipped as binary, so the second one is mostly text.
    add(
        "escapes_dense.txt",
        format!(
            "转义{ESCAPES}序列的讲话\n同志们：\n一、{ESCAPES}标题里的转义\n正文{ESCAPES}里的转义。\n\
             （一）{ESCAPES}\n二、第二部分\n\u{1b}[31m红字\u{1b}[0m\u{7}\u{7}\u{0}\n"
        )
        .into_bytes(),
    );
    let mut esc = String::new();
    for (i, line) in GOOD.lines().enumerate() {
        if i == 0 {
            esc.push_str(&format!("{line}{ESCAPES}转义\n"));
        } else if let Some(rest) = line.trim_start().strip_prefix("一、") {
            esc.push_str(&format!("一、{ESCAPES}{rest}\n"));
        } else if i % 7 == 3 {
            let cut = line.char_indices().nth(10).map_or(line.len(), |(k, _)| k);
            esc.push_str(&format!("{}{ESCAPES}{}\n", &line[..cut], &line[cut..]));
        } else {
            esc.push_str(line);
            esc.push('\n');
        }
    }
    add("escapes.txt", esc.into_bytes());
    // Characters whose width depends on what follows them: emoji presentation and keycap
    // sequences, skin tones, ZWJ families, flags, Hangul jamo, combining marks.
    let odd = "❤️☺️#️⃣👍🏽👨‍👩‍👧🇨🇳\u{1100}\u{1161}e\u{301}\u{301}";
    add(
        "widths.txt",
        format!(
            "{odd}宽度{odd}的讲话\n同志们：\n一、{odd}{}\n{}\n（一）a{odd}\n{}\n",
            odd.repeat(3),
            format!("正文{odd}。").repeat(40),
            format!("{odd}字").repeat(30)
        )
        .into_bytes(),
    );
    // A file name with escapes in it (shown in the tree and on errors).
    add(
        "name\u{1b}]0;pwned\u{7}\u{1b}[2J.txt",
        GOOD.as_bytes().to_vec(),
    );
    add("empty\u{1b}]52;c;aGk=\u{7}\u{1b}[6n.txt", vec![]);
    v
}

/// A Chinese numeral from 1 to 99.
fn cn(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", D[n % 10]),
        _ => format!("{}十{}", D[n / 10], D[n % 10]),
    }
}

/// Writes the hostile directory: the files above plus a directory named `x.txt`, a FIFO
/// `pipe.txt` and symlink loops (where the platform has them).
pub fn write_dir(dir: &Path, scale: usize) -> Vec<PathBuf> {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("hostile dir");
    let mut paths = Vec::new();
    for (name, bytes) in files(scale) {
        let p = dir.join(name);
        std::fs::write(&p, bytes).expect("write hostile file");
        paths.push(p);
    }
    std::fs::create_dir(dir.join("x.txt")).expect("dir x.txt");
    #[cfg(unix)]
    {
        let fifo = dir.join("pipe.txt");
        let ok = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "mkfifo");
        // A name that is not UTF-8 and holds a CR and a LF.
        use std::os::unix::ffi::OsStrExt;
        let odd = std::ffi::OsStr::from_bytes(b"bad\xff\xfe name\r\n.txt");
        std::fs::write(dir.join(odd), GOOD).expect("write odd name");
        // A file symlink loop and a directory loop.
        std::os::unix::fs::symlink("loop_b.txt", dir.join("loop_a.txt")).expect("symlink");
        std::os::unix::fs::symlink("loop_a.txt", dir.join("loop_b.txt")).expect("symlink");
        std::fs::create_dir(dir.join("sub")).expect("sub");
        std::os::unix::fs::symlink("..", dir.join("sub").join("up")).expect("symlink");
    }
    paths
}

/// A temporary directory for one test, removed when dropped (a failing test too).
pub struct TempDir(pub PathBuf, tempfile::TempDir);

impl TempDir {
    /// A fresh directory from `tempfile`, `name` only the prefix of its name.
    pub fn new(name: &str) -> TempDir {
        let t = tempfile::Builder::new()
            .prefix(&format!("gangmu-{name}-"))
            .tempdir()
            .expect("temp dir");
        TempDir(t.path().to_path_buf(), t)
    }
}
