//! Bytes to text (spec §1): BOM, UTF-8, then detection among the CJK legacy encodings.

use super::gbk;
use crate::outline::{WarnKind, Warning};
use encoding_rs::{BIG5, Encoding, GB18030, UTF_16BE, UTF_16LE};
use std::borrow::Cow;

/// A decoded file: text with LF line endings, and the encoding that was used. Clean
/// UTF-8, most files, borrows the bytes it was decoded from instead of copying them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
    /// What could not be read as `encoding`, and on which line it starts: a warning for
    /// the document.
    pub note: Option<Warning>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    WhitespaceOnly,
    Binary,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DecodeError::Empty => "empty file",
            DecodeError::WhitespaceOnly => "no text (whitespace only)",
            DecodeError::Binary => "binary file, not text (skipped)",
        })
    }
}

/// Decodes a speech file's bytes. Never panics.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        return unsafe { decode_avx2(bytes) };
    }
    decode_portable(bytes)
}

/// `decode` compiled for AVX2: the whole-text scans (line ends, stray marks, private
/// use) and the head checks are inlined into it and take twice the bytes per step.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn decode_avx2(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    decode_portable(bytes)
}

#[inline(always)]
fn decode_portable(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (raw, encoding, normalized, note) = decode_raw(bytes)?;
    let text = if normalized { raw } else { normalize(raw) };
    if looks_binary(&text) {
        return Err(DecodeError::Binary);
    }
    if text.chars().all(|c| c.is_whitespace()) {
        return Err(DecodeError::WhitespaceOnly);
    }
    Ok(Decoded {
        text,
        encoding,
        note,
    })
}

/// What `decode_raw` found: the text, its encoding, whether it is already normalised (see
/// `normalize`), and a note on what could not be read.
type Raw<'a> = (Cow<'a, str>, &'static str, bool, Option<Warning>);

/// The text and its encoding. Only the encodings README promises are ever reported:
/// UTF-8, UTF-16LE/BE, GB18030 and Big5.
#[inline(always)]
fn decode_raw(bytes: &[u8]) -> Result<Raw<'_>, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let name = if enc == UTF_16LE {
            "UTF-16LE"
        } else if enc == UTF_16BE {
            "UTF-16BE"
        } else {
            "UTF-8"
        };
        // A BOM decides, even if some units are broken (lone surrogates become U+FFFD).
        let (text, _) = enc.decode_without_bom_handling(body);
        return Ok((text, name, false, None));
    }
    if raw_control_ratio_high(bytes) {
        return Err(DecodeError::Binary);
    }
    if let Some(text) = utf8_allowing_cut_end(bytes) {
        return Ok((Cow::Borrowed(text), "UTF-8", false, None));
    }
    // Chinese UTF-8 before the first bad byte: a UTF-8 speech, damaged or with another
    // encoding pasted on. GBK text breaks UTF-8 within its first few characters.
    if utf8_prefix_is_chinese(bytes) {
        let m = super::mixed::decode_mixed(bytes);
        return Ok((Cow::Owned(m.text), "UTF-8", false, m.note));
    }
    // Most non-UTF-8 speeches are GBK/GB18030: a byte-level check spares the detector,
    // and most of those are two-byte pairs only, which a table decodes.
    if gbk_like(bytes) {
        if let Some(text) = gbk::decode_pairs(bytes) {
            return Ok((Cow::Owned(text), "GB18030", true, None));
        }
        if let Some(text) = clean_decode(GB18030, bytes) {
            return Ok((text, "GB18030", false, None));
        }
    }
    // Mostly UTF-8: each line by what it is (a GBK tail stays readable), the rest replaced.
    if mostly_utf8(bytes) {
        let m = super::mixed::decode_mixed(bytes);
        return Ok((Cow::Owned(m.text), "UTF-8", false, m.note));
    }
    // A few KB tell GBK from Big5 as well as the whole file does, at a fraction of the cost.
    // The detector's other answers (windows-1252, EUC-KR…) are mojibake for a speech.
    let sample = &bytes[..bytes.len().min(DETECT_BYTES)];
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(sample, sample.len() == bytes.len());
    let guess = det.guess(None, chardetng::Utf8Detection::Allow);
    let order = if guess == BIG5 {
        [BIG5, GB18030]
    } else {
        [GB18030, BIG5]
    };
    for enc in order {
        if let Some(text) = clean_decode(enc, bytes) {
            return Ok((text, name_of(enc), false, None));
        }
    }
    // Damaged: the likelier CJK encoding, its bad bytes replaced, and said.
    let (text, _) = order[0].decode_without_bom_handling(bytes);
    let note = replaced_note(&text);
    Ok((text, name_of(order[0]), false, note))
}

/// How many characters could not be decoded, and the line of the first.
fn replaced_note(text: &str) -> Option<Warning> {
    let first = text.find('\u{FFFD}')?;
    let line = 1 + text[..first].bytes().filter(|&b| b == b'\n').count();
    let n = text.matches('\u{FFFD}').count();
    Some(Warning::new(
        WarnKind::Decoding,
        line,
        format!("{n} characters could not be decoded and were replaced (first: line {line})"),
        format!("{n} 个字符无法解码，已替换（第一处：第 {line} 行）"),
    ))
}

/// Decodes with no replacement and no private-use characters, or not at all.
#[inline(always)]
fn clean_decode<'a>(enc: &'static Encoding, bytes: &'a [u8]) -> Option<Cow<'a, str>> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    (!had_errors && !has_private_use(&text)).then_some(text)
}

/// Simplified Chinese in GBK keeps both bytes of a pair at 0xA1 or above (the GB2312
/// area); Big5 puts about half its trail bytes below 0x7F.
#[inline(always)]
fn gbk_like(bytes: &[u8]) -> bool {
    // Hundreds of pairs decide it; a longer look only costs time.
    let head = &bytes[..bytes.len().min(GBK_CHECK_BYTES)];
    let (mut pairs, mut low) = (0usize, 0usize);
    let mut i = 0;
    while i + 1 < head.len() {
        let b = head[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        pairs += 1;
        let t = head[i + 1];
        if b < 0xA1 || t < 0xA1 {
            low += 1;
        }
        // A four-byte GB18030 sequence has a digit as its second byte.
        i += if t.is_ascii_digit() { 4 } else { 2 };
    }
    pairs >= 8 && low * 20 <= pairs
}

/// How much of a file the encoding checks look at.
const DETECT_BYTES: usize = 8 * 1024;
/// How much of a file the GBK pair check looks at.
const GBK_CHECK_BYTES: usize = 2 * 1024;

fn name_of(enc: &'static Encoding) -> &'static str {
    if enc == GB18030 || enc == encoding_rs::GBK {
        "GB18030"
    } else {
        enc.name()
    }
}

/// Valid UTF-8, where a file cut in the middle of its last character still counts.
fn utf8_allowing_cut_end(bytes: &[u8]) -> Option<&str> {
    // SIMD validation is several times faster on Chinese text; std explains a failure.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Some(s);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s),
        Err(e) if e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4 => {
            std::str::from_utf8(&bytes[..e.valid_up_to()]).ok()
        }
        Err(_) => None,
    }
}

/// At least a few non-ASCII characters of valid UTF-8 before the first invalid byte.
fn utf8_prefix_is_chinese(bytes: &[u8]) -> bool {
    let valid = match std::str::from_utf8(bytes) {
        Ok(_) => return true,
        Err(e) => e.valid_up_to(),
    };
    std::str::from_utf8(&bytes[..valid])
        .map(|s| s.chars().filter(|c| !c.is_ascii()).take(8).count() >= 8)
        .unwrap_or(false)
}

/// UTF-8 with a few broken bytes (a damaged copy) reads better as UTF-8 than as a
/// legacy guess that turns every character into mojibake. GBK or Big5 read as UTF-8
/// gives many invalid bytes per valid character, so one per two still tells them apart.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut bad = 0usize;
    let mut multibyte = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    multibyte >= 8 && bad * 2 <= multibyte
}

/// U+E000..U+F8FF (`EE xx xx`, `EF 80..A3 xx`) or planes 15-16 (`F3 B0..`, `F4 ..`),
/// found from lead bytes rather than by decoding every character.
#[inline(always)]
fn has_private_use(s: &str) -> bool {
    any_window(s.as_bytes(), |x, y, _| {
        (x == 0xEE)
            | ((x == 0xEF) & (0x80..=0xA3).contains(&y))
            | ((x == 0xF3) & (y >= 0xB0))
            | (x == 0xF4)
    })
}

/// Whether the first `DETECT_BYTES` of a file already make it binary, as `decode` would
/// find: the loader asks before reading the rest, so a huge sparse file is not read
/// whole only to be refused.
pub fn head_is_binary(head: &[u8]) -> bool {
    head.len() >= DETECT_BYTES && Encoding::for_bom(head).is_none() && raw_control_ratio_high(head)
}

/// How much of a file `head_is_binary` needs.
pub const HEAD_BYTES: usize = DETECT_BYTES;

/// C0 controls other than tab, line feeds, form feed, CR and ESC; and DEL.
#[inline(always)]
fn is_binary_control(b: u8) -> bool {
    // Without short-circuits, so the block counts below vectorise.
    ((b < 0x20) & !(0x09..=0x0D).contains(&b) & (b != 0x1B)) | (b == 0x7F)
}

/// Images, archives and random bytes are full of NULs and C0 controls; text is not.
#[inline(always)]
fn raw_control_ratio_high(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(DETECT_BYTES)];
    // Counted a byte per 128-byte block, so the loop vectorises.
    let controls: usize = head
        .chunks(128)
        .map(|block| {
            let n: u8 = block.iter().map(|&b| u8::from(is_binary_control(b))).sum();
            usize::from(n)
        })
        .sum();
    controls * 20 > head.len()
}

/// Whether a fifth of the first 512 characters are replacement characters or control
/// characters other than LF, tab, form feed and ESC.
#[inline(always)]
fn looks_binary(text: &str) -> bool {
    // Text has none at all: a branch-free look at the bytes that hold those characters
    // (4 at most each) spares decoding them.
    may_hold_binary_chars(&text.as_bytes()[..text.len().min(4 * 512)]) && binary_share_high(text)
}

/// Whether `b` has a byte that starts one of the characters `binary_share_high` counts.
#[inline(always)]
fn may_hold_binary_chars(b: &[u8]) -> bool {
    any_window(b, |x, y, z| {
        ((x < 0x20) & !matches!(x, b'\n' | b'\t' | 0x0C | 0x1B))
            | (x == 0x7F)
            | ((x == 0xC2) & (0x80..=0x9F).contains(&y))
            | ((x == 0xEF) & (y == 0xBF) & (z == 0xBD))
    })
}

fn binary_share_high(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(512) {
        total += 1;
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\t' | '\x0c' | '\x1b')) {
            bad += 1;
        }
    }
    bad * 5 > total
}

/// LF line endings; stray BOMs and zero-width spaces dropped.
#[inline(always)]
fn normalize(text: Cow<'_, str>) -> Cow<'_, str> {
    let b = text.as_bytes();
    if !needs_normalizing(b) {
        return text;
    }
    // CRLF and lone CR become LF, copying the text between them in runs.
    let mut out = String::with_capacity(b.len());
    let mut start = 0;
    for cr in memchr::memchr_iter(b'\r', b) {
        out.push_str(&text[start..cr]);
        out.push('\n');
        start = if b.get(cr + 1) == Some(&b'\n') {
            cr + 2
        } else {
            cr + 1
        };
    }
    out.push_str(&text[start..]);
    let marks = ["\u{FEFF}", "\u{200B}"];
    if marks
        .iter()
        .any(|m| memchr::memmem::find(out.as_bytes(), m.as_bytes()).is_some())
    {
        out.retain(|c| c != '\u{FEFF}' && c != '\u{200B}');
    }
    Cow::Owned(out)
}

/// Whether the text has a CR, a BOM (`EF BB BF`) or a zero-width space (`E2 80 8B`).
#[inline(always)]
fn needs_normalizing(b: &[u8]) -> bool {
    any_window(b, |x, y, z| {
        (x == b'\r')
            | ((x == 0xEF) & (y == 0xBB) & (z == 0xBF))
            | ((x == 0xE2) & (y == 0x80) & (z == 0x8B))
    })
}

/// Whether `hit` holds at some position, given the byte there and the next two (zero
/// past the end). Checked without branches in blocks, so the loop vectorises: one pass
/// instead of a search per pattern, and no stop at every common lead byte.
#[inline(always)]
fn any_window(b: &[u8], hit: impl Fn(u8, u8, u8) -> bool) -> bool {
    let body = b.len().saturating_sub(2);
    let (x, y, z) = (
        &b[..body],
        b.get(1..body + 1).unwrap_or_default(),
        b.get(2..).unwrap_or_default(),
    );
    let found = (0..body).step_by(256).any(|start| {
        let end = (start + 256).min(body);
        let triples = x[start..end].iter().zip(&y[start..end]).zip(&z[start..end]);
        triples.fold(false, |acc, ((&x, &y), &z)| acc | hit(x, y, z))
    });
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    found || (body..b.len()).any(|i| hit(b[i], at(i + 1), at(i + 2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "在全市工作会议上的讲话\n同志们：\n一、抓好项目建设\n";

    #[test]
    fn utf8_plain_and_with_bom() {
        let d = decode(TEXT.as_bytes()).unwrap();
        assert_eq!((&*d.text, d.encoding), (TEXT, "UTF-8"));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(TEXT.as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!((&*d.text, d.encoding), (TEXT, "UTF-8"));
    }

    #[test]
    fn utf8_cut_in_last_character_is_still_utf8() {
        let b = TEXT.as_bytes();
        let cut = &b[..b.len() - 2]; // drops "\n" and one byte of the last character
        let d = decode(cut).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with("在全市工作会议上的讲话"));
    }

    #[test]
    fn gb18030_including_four_byte_characters() {
        let src = format!("{TEXT}二是加强𠀀字库建设，推进“放管服”改革。\n");
        let (bytes, _, _) = GB18030.encode(&src);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, src);
    }

    #[test]
    fn utf16_le_and_be_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in TEXT.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        let d = decode(&le).unwrap();
        assert_eq!((&*d.text, d.encoding), (TEXT, "UTF-16LE"));
        let d = decode(&be).unwrap();
        assert_eq!((&*d.text, d.encoding), (TEXT, "UTF-16BE"));
    }

    #[test]
    fn big5() {
        let src = "在全縣經濟工作會議上的講話\n同志們：\n一、堅持穩中求進，推動高質量發展。各級幹部要切實負起責任。\n";
        let (bytes, _, _) = BIG5.encode(src);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "Big5");
        assert_eq!(d.text, src);
    }

    #[test]
    fn private_use_is_found_by_its_bytes() {
        for (s, pua) in [
            ("普通文字，“引号”", false),
            ("\u{E000}", true),
            ("\u{F8FF}", true),
            ("\u{F900}", false),
            ("\u{FF0C}", false),
            ("\u{F0000}", true),
            ("\u{10FFFD}", true),
            ("\u{E0001}", false),
        ] {
            assert_eq!(has_private_use(s), pua, "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn normalize_is_replacing_line_ends_then_dropping_marks(s in "([\r\n\u{FEFF}\u{200B}甲a]|\\PC){0,40}") {
            let want = s.replace("\r\n", "\n").replace('\r', "\n").replace(['\u{FEFF}', '\u{200B}'], "");
            proptest::prop_assert_eq!(normalize(Cow::Borrowed(&s)), want);
        }
    }

    proptest::proptest! {
        #[test]
        fn binary_text_is_never_missed_by_the_byte_check(s in "([\0-\x1f\x7f\u{80}-\u{9f}\u{FFFD}甲a]|\\PC){0,600}") {
            let head = &s.as_bytes()[..s.len().min(4 * 512)];
            proptest::prop_assert!(!binary_share_high(&s) || may_hold_binary_chars(head));
        }
    }

    #[test]
    fn crlf_and_cr_become_lf_and_stray_marks_go() {
        let d = decode("甲\r\n乙\r丙\u{200B}\u{FEFF}丁\n".as_bytes()).unwrap();
        assert_eq!(d.text, "甲\n乙\n丙丁\n");
    }

    #[test]
    fn empty_whitespace_and_binary_are_errors() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        // Files shorter than the three-byte window of the normalising check.
        for (tiny, want) in [
            ("a", "a"),
            ("讲", "讲"),
            ("ab", "ab"),
            ("a\r", "a\n"),
            ("\r\n讲", "\n讲"),
        ] {
            assert_eq!(decode(tiny.as_bytes()).unwrap().text, want);
        }
        assert_eq!(
            decode(" \n\u{3000}\n".as_bytes()),
            Err(DecodeError::WhitespaceOnly)
        );
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
        assert_eq!(decode(png), Err(DecodeError::Binary));
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert_eq!(decode(&noise), Err(DecodeError::Binary));
    }

    #[test]
    fn utf8_with_a_few_invalid_bytes_stays_utf8() {
        let mut b = TEXT.repeat(3).into_bytes();
        b.insert(10, 0xFF);
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains('\u{FFFD}'));
        assert!(d.text.contains("抓好项目建设"));
    }

    #[test]
    fn utf8_with_a_stray_byte_every_dozen_characters_stays_utf8() {
        // Regression (hostile input): 7 stray bytes and one cut character in 90 was read as
        // windows-1252, every character mojibake and no outline.
        let text = "在全县工作会议上的讲话\n同志们：\n下面，我讲两点意见。\n一、提高站位\n各级干部要切实增强责任感。\n二、狠抓落实\n一是抓项目。项目是发展的生命线。\n二是抓招商。招商是项目的源头。\n同志们，让我们共同努力！\n";
        let mut b = Vec::new();
        for (i, c) in text.chars().enumerate() {
            let mut buf = [0u8; 4];
            let enc = c.encode_utf8(&mut buf).as_bytes();
            if i == 30 {
                b.extend_from_slice(&enc[..2]);
                continue;
            }
            b.extend_from_slice(enc);
            if i % 12 == 5 {
                b.push(0xFF);
            }
        }
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("同志们：\n"), "{}", d.text);
    }

    #[test]
    fn gbk_and_big5_with_a_broken_byte_are_not_taken_for_utf8() {
        let src = "在全县经济工作会议上的讲话\n同志们：\n一、坚持稳中求进，推动高质量发展。\n二、加强党的建设。\n";
        let (gbk, _, _) = GB18030.encode(src);
        let mut gbk = gbk.into_owned();
        gbk.insert(7, 0xFF);
        assert_ne!(decode(&gbk).unwrap().encoding, "UTF-8");
        let (big5, _, _) = BIG5.encode(src);
        let mut big5 = big5.into_owned();
        big5.insert(7, 0xFF);
        assert_ne!(decode(&big5).unwrap().encoding, "UTF-8");
    }
}
