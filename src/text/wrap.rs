//! Line breaking by display width with Chinese rules (禁则):
//! no row starts with closing punctuation or ends with opening punctuation, `——` and `……`
//! stay whole, a number or Latin word stays whole when it fits. When no allowed break exists
//! the row is cut where it overflows ("forced"), and still no character is lost or repeated.

use super::width::{Ambiguous, char_width};

/// One wrapped row: a byte range of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    /// The break after this row ignores a rule because no allowed break fitted.
    pub forced: bool,
}

/// Characters that must not start a row.
pub fn no_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〉'
            | '〗'
            | '…'
            | '—'
            | '”'
            | '’'
            | '·'
            | '%'
            | '％'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '．'
    )
}

/// Characters that must not end a row.
pub fn no_end(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '（' | '《' | '「' | '『' | '【' | '〔' | '〈' | '〖' | '(' | '[' | '{'
    )
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// Punctuation kept inside a word when letters or digits follow: `1.5`, `3,000`, `e-mail`.
fn is_word_joiner(c: char) -> bool {
    matches!(c, '.' | ',' | '\'' | '-' | '_' | '/' | ':' | '．')
}

/// An unbreakable run: one character with its zero-width marks, a word, or a `——`/`……` run.
#[derive(Debug, Clone, Copy)]
pub struct Unit {
    start: u32,
    end: u32,
    width: u32,
    first: char,
    last: char,
    /// The last character of a word split off because closing punctuation follows it:
    /// a break before it is taken only when there is no other (`1.5%` / `…html。`).
    glued: bool,
}

/// Splits `text` into units; a word wider than `width` is left as single characters.
fn units(text: &str, width: usize, amb: Ambiguous, out: &mut Vec<Unit>) {
    out.clear();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let mut u = Unit {
            start: i as u32,
            end: (i + c.len_utf8()) as u32,
            width: char_width(c, amb) as u32,
            first: c,
            last: c,
            glued: false,
        };
        let grow = |u: &mut Unit, j: usize, d: char| {
            u.end = (j + d.len_utf8()) as u32;
            u.width += char_width(d, amb) as u32;
            u.last = d;
        };
        if is_word_char(c) {
            let word_start = out.len();
            loop {
                match it.peek().copied() {
                    Some((j, d)) if is_word_char(d) || char_width(d, amb) == 0 => {
                        it.next();
                        grow(&mut u, j, d);
                    }
                    Some((j, d)) if is_word_joiner(d) => {
                        let mut ahead = it.clone();
                        ahead.next();
                        if ahead.peek().is_some_and(|&(_, e)| is_word_char(e)) {
                            it.next();
                            grow(&mut u, j, d);
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            if u.width as usize > width {
                // Too long for any row: break it between characters like CJK text.
                split_chars(text, u.start as usize, u.end as usize, amb, out);
                debug_assert!(out.len() > word_start);
                continue;
            }
            // Closing punctuation right after the word: its last character may go down
            // with the punctuation when the word fills a row, rather than the punctuation
            // going down alone.
            if u.end > u.start + u.last.len_utf8() as u32
                && it.peek().is_some_and(|&(_, d)| no_start(d))
            {
                let lw = char_width(u.last, amb) as u32;
                let cut = u.end - u.last.len_utf8() as u32;
                let head_last = text[u.start as usize..cut as usize]
                    .chars()
                    .next_back()
                    .unwrap_or(c);
                out.push(Unit {
                    start: u.start,
                    end: cut,
                    width: u.width - lw,
                    first: u.first,
                    last: head_last,
                    glued: false,
                });
                u = Unit {
                    start: cut,
                    end: u.end,
                    width: lw,
                    first: u.last,
                    last: u.last,
                    glued: true,
                };
            }
        } else if c == '—' || c == '…' {
            while let Some(&(j, d)) = it.peek() {
                if d == c || char_width(d, amb) == 0 {
                    it.next();
                    grow(&mut u, j, d);
                } else {
                    break;
                }
            }
            if u.width as usize > width {
                split_pairs(text, u.start as usize, u.end as usize, width, amb, out);
                continue;
            }
        } else {
            while let Some(&(j, d)) = it.peek() {
                if char_width(d, amb) == 0 && !is_word_char(d) && d != '—' && d != '…' {
                    it.next();
                    grow(&mut u, j, d);
                } else {
                    break;
                }
            }
        }
        out.push(u);
    }
}

/// A `——`/`……` run too long for a row, broken between pairs (or between characters when
/// even a pair does not fit).
fn split_pairs(
    text: &str,
    start: usize,
    end: usize,
    width: usize,
    amb: Ambiguous,
    out: &mut Vec<Unit>,
) {
    let from = out.len();
    split_chars(text, start, end, amb, out);
    let singles: Vec<Unit> = out.drain(from..).collect();
    for pair in singles.chunks(2) {
        let w: u32 = pair.iter().map(|u| u.width).sum();
        if w as usize > width {
            out.extend_from_slice(pair);
        } else {
            out.push(Unit {
                start: pair[0].start,
                end: pair[pair.len() - 1].end,
                width: w,
                first: pair[0].first,
                last: pair[pair.len() - 1].last,
                glued: false,
            });
        }
    }
}

fn split_chars(text: &str, start: usize, end: usize, amb: Ambiguous, out: &mut Vec<Unit>) {
    for (i, c) in text[start..end].char_indices() {
        let i = start + i;
        let w = char_width(c, amb) as u32;
        match out.last_mut() {
            Some(u) if w == 0 && u.end as usize == i && i > start => {
                u.end = (i + c.len_utf8()) as u32;
                u.last = c;
            }
            _ => out.push(Unit {
                start: i as u32,
                end: (i + c.len_utf8()) as u32,
                width: w,
                first: c,
                last: c,
                glued: false,
            }),
        }
    }
}

#[inline]
fn may_break_before(units: &[Unit], b: usize, inside_words: bool) -> bool {
    !no_start(units[b].first) && !no_end(units[b - 1].last) && (inside_words || !units[b].glued)
}

/// Wraps `text` into rows of at most `width` columns, the first row after `indent` columns.
/// A row is wider than `width` only when it holds one character wider than `width`.
pub fn wrap(text: &str, width: usize, indent: usize, amb: Ambiguous) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut scratch = Vec::new();
    wrap_into(text, width, indent, amb, &mut scratch, &mut out);
    out
}

/// `wrap` appending to `out`, reusing `scratch` between calls.
pub fn wrap_into(
    text: &str,
    width: usize,
    indent: usize,
    amb: Ambiguous,
    scratch: &mut Vec<Unit>,
    out: &mut Vec<Piece>,
) {
    let width = width.max(1);
    units(text, width, amb, scratch);
    let us = &scratch[..];
    if us.is_empty() {
        out.push(Piece {
            start: 0,
            end: text.len(),
            forced: false,
        });
        return;
    }
    let byte = |i: usize| {
        if i < us.len() {
            us[i].start as usize
        } else {
            text.len()
        }
    };
    let mut avail = width.saturating_sub(indent);
    let mut first_row = true;
    let mut row_start = 0;
    let mut row_w = 0;
    let mut i = 0;
    while i < us.len() {
        let w = us[i].width as usize;
        if row_w + w <= avail {
            row_w += w;
            i += 1;
            continue;
        }
        if i == row_start {
            if first_row && avail < width {
                // The indent leaves no room for this unit: the first row stays empty.
                out.push(Piece {
                    start: 0,
                    end: 0,
                    forced: false,
                });
            } else {
                // A single character wider than the row: alone on its row.
                i += 1;
                out.push(Piece {
                    start: byte(row_start),
                    end: byte(i),
                    forced: true,
                });
                row_start = i;
            }
            first_row = false;
            avail = width;
            row_w = 0;
            continue;
        }
        let mut b = i;
        while b > row_start && !may_break_before(us, b, false) {
            b -= 1;
        }
        if b == row_start {
            // No break between words: inside the word before closing punctuation.
            b = i;
            while b > row_start && !may_break_before(us, b, true) {
                b -= 1;
            }
        }
        let forced = b == row_start;
        if forced {
            b = i;
        }
        out.push(Piece {
            start: byte(row_start),
            end: byte(b),
            forced,
        });
        first_row = false;
        avail = width;
        row_start = b;
        row_w = 0;
        i = b;
    }
    if row_start < us.len() {
        out.push(Piece {
            start: byte(row_start),
            end: text.len(),
            forced: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, w: usize, indent: usize) -> Vec<&str> {
        wrap(text, w, indent, Ambiguous::Narrow)
            .iter()
            .map(|p| &text[p.start..p.end])
            .collect()
    }

    #[test]
    fn cjk_by_width() {
        assert_eq!(rows("一二三四五", 4, 0), ["一二", "三四", "五"]);
        assert_eq!(rows("一二三四五", 5, 0), ["一二", "三四", "五"]);
        assert_eq!(rows("一二三四五", 6, 2), ["一二", "三四五"]);
    }

    #[test]
    fn closing_punctuation_after_a_word_that_fills_the_row_takes_its_last_letter() {
        // Issue 11: a lone `。` row after a URL.
        let url = "www.example.gov.cn/zwgk/notice.html";
        let text = format!("{url}。下文");
        let w = url.len();
        assert_eq!(
            rows(&text, w, 0),
            [&url[..w - 1], "l。下文"],
            "no row starts with 。"
        );
        // A word that fits with room to spare stays whole.
        assert_eq!(rows("甲乙GDP。丙", 7, 0), ["甲乙", "GDP。丙"]);
        assert_eq!(rows("GDP。", 8, 0), ["GDP。"]);
    }

    #[test]
    fn closing_punctuation_pulls_a_character_down() {
        assert_eq!(rows("一二三。四", 6, 0), ["一二", "三。四"]);
        assert_eq!(rows("一二“三四", 6, 0), ["一二", "“三四"]);
    }

    #[test]
    fn dashes_and_words_stay_whole() {
        assert_eq!(rows("一二——三", 5, 0), ["一", "二——", "三"]);
        assert_eq!(rows("一二……三", 5, 0), ["一", "二……", "三"]);
        assert_eq!(rows("增长12.5%以上", 8, 0), ["增长", "12.5%以", "上"]);
        assert_eq!(rows("ab 1234567", 4, 0), ["ab 1", "2345", "67"]);
        assert_eq!(rows("ab 1234", 5, 0), ["ab ", "1234"]);
    }

    #[test]
    fn forced_break_keeps_every_character() {
        let t = "。。。。。。";
        let r = wrap(t, 4, 0, Ambiguous::Narrow);
        assert!(r[0].forced);
        let joined: String = r.iter().map(|p| &t[p.start..p.end]).collect();
        assert_eq!(joined, t);
    }

    #[test]
    fn tiny_widths() {
        assert_eq!(rows("中文", 1, 0), ["中", "文"]);
        assert_eq!(rows("中", 2, 4), ["", "中"]);
        assert_eq!(rows("", 10, 4), [""]);
    }
}
