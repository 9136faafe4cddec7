//! Cutting text to a display width, with `…` when something was cut.

use super::width::{Ambiguous, char_width, measure, str_width};
use std::borrow::Cow;

/// The longest prefix of `s` that fits `max` columns, ending in `…` when cut, and its width.
/// Never wider than `max`, whatever the mix of wide and narrow characters.
pub fn truncate(s: &str, max: usize, amb: Ambiguous) -> (Cow<'_, str>, usize) {
    match measure(s, max, amb) {
        (Some(over), _) => cut(s, max, amb, over),
        (None, w) => (Cow::Borrowed(s), w),
    }
}

/// `truncate` of `s[from..]`, in place: nothing is copied. Returns the width.
pub fn truncate_in(s: &mut String, from: usize, max: usize, amb: Ambiguous) -> usize {
    let (over, w) = measure(&s[from..], max, amb);
    let Some(over) = over else {
        return w;
    };
    match kept(&s[from..], max, amb, over) {
        Some((end, w)) => {
            s.truncate(from + end);
            s.push('…');
            w
        }
        None => {
            s.truncate(from);
            0
        }
    }
}

fn cut(s: &str, max: usize, amb: Ambiguous, overflow_at: usize) -> (Cow<'_, str>, usize) {
    let Some((end, w)) = kept(s, max, amb, overflow_at) else {
        return (Cow::Borrowed(""), 0);
    };
    let mut out = String::with_capacity(end + 3);
    out.push_str(&s[..end]);
    out.push('…');
    (Cow::Owned(out), w)
}

/// Where the prefix kept before `…` ends, and the width with `…`; `None` when not even
/// `…` fits.
fn kept(s: &str, max: usize, amb: Ambiguous, overflow_at: usize) -> Option<(usize, usize)> {
    let ell = char_width('…', amb);
    if max < ell {
        return None;
    }
    let room = max - ell;
    let mut w = 0;
    let mut end = 0;
    for (i, c) in s[..overflow_at].char_indices() {
        let cw = char_width(c, amb);
        if w + cw > room {
            break;
        }
        w += cw;
        end = i + c.len_utf8();
    }
    // Zero-width marks after the kept prefix belong to its last character.
    let rest = &s[end..];
    let marks: usize = rest
        .char_indices()
        .take_while(|&(_, c)| char_width(c, amb) == 0 && !c.is_control())
        .map(|(_, c)| c.len_utf8())
        .sum();
    let end = if end > 0 { end + marks } else { end };
    // No pause mark dangles before the `…` (`干部队伍，…`): the cut reads as mid-phrase.
    let kept = s[..end].trim_end_matches(|c: char| {
        matches!(
            c,
            '，' | '、' | '；' | '：' | ',' | ';' | ':' | ' ' | '\u{3000}'
        )
    });
    let kept = if kept.is_empty() { &s[..end] } else { kept };
    let w = if kept.len() == end {
        w
    } else {
        super::width::str_width(kept, amb)
    };
    Some((kept.len(), w + ell))
}

/// A path in `max` columns: whole when it fits, else `…/` and as many of its last folders
/// as fit before the file name, else the file name cut at its end.
pub fn fit_path(path: &str, max: usize, amb: Ambiguous) -> Cow<'_, str> {
    if str_width(path, amb) <= max {
        return Cow::Borrowed(path);
    }
    let name_at = path.rfind(['/', '\\']).map_or(0, |i| i + 1);
    let ell = str_width("…/", amb);
    // The shortest tail starting at a folder boundary that fits after `…/`.
    let mut best = None;
    for (i, c) in path[..name_at].char_indices().rev() {
        if !matches!(c, '/' | '\\') {
            continue;
        }
        let tail = &path[i + 1..];
        if str_width(tail, amb) + ell <= max {
            best = Some(tail);
        } else {
            break;
        }
    }
    match best {
        Some(tail) => Cow::Owned(format!("…/{tail}")),
        None => truncate(&path[name_at..], max, amb).0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::str_width;

    #[test]
    fn cutting_in_place_gives_what_cutting_a_copy_gives() {
        let texts = [
            "一、坚持以人民为中心的发展思想，推动高质量发展",
            "（一）abc，def；ghi",
            "e\u{301}e\u{301}e\u{301}e\u{301}",
            "干部队伍，，，，，，",
            "",
        ];
        for t in texts {
            for max in 0..30 {
                for amb in [Ambiguous::Narrow, Ambiguous::Wide] {
                    let (copy, w) = truncate(t, max, amb);
                    let mut s = format!("前缀{t}");
                    let from = "前缀".len();
                    assert_eq!(truncate_in(&mut s, from, max, amb), w, "{t} {max}");
                    assert_eq!(&s[from..], copy, "{t} {max}");
                }
            }
        }
    }

    #[test]
    fn cuts_by_width() {
        let n = Ambiguous::Narrow;
        assert_eq!(truncate("abc", 3, n).0, "abc");
        assert_eq!(
            truncate("抓实项目建设", 7, n),
            (Cow::Owned("抓实项…".into()), 7)
        );
        assert_eq!(truncate("抓实项目建设", 6, n).1, 5);
        assert_eq!(truncate("抓实", 1, n).0, "…");
        assert_eq!(truncate("抓实", 0, n).0, "");
        assert_eq!(truncate("抓实", 1, Ambiguous::Wide).0, "");
        // Folders go first, from the left; the file name stays.
        let p = "/home/user/speeches/2024/在全市工作会议上的讲话.txt";
        assert_eq!(fit_path(p, 80, n), p);
        assert_eq!(fit_path(p, 40, n), "…/2024/在全市工作会议上的讲话.txt");
        assert_eq!(fit_path(p, 30, n), "…/在全市工作会议上的讲话.txt");
        assert_eq!(fit_path(p, 20, n), "在全市工作会议上的…");
        // No comma left dangling before the `…`.
        assert_eq!(
            truncate("四、锻造过硬干部队伍，激励干部担当作为", 24, n).0,
            "四、锻造过硬干部队伍…"
        );
        for max in 0..12 {
            for s in ["a中b文c“d”", "——……", "ｘｙ12"] {
                let (t, w) = truncate(s, max, n);
                assert!(w <= max && str_width(&t, n) == w, "{s} {max}");
            }
        }
    }
}
