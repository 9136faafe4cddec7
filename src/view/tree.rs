//! The tree pane: one row per visible item, only the rows on screen are drawn.

use super::{fill, header, put};
use crate::app::jobs::{Query, file_name};
use crate::app::problems;
use crate::app::state::Areas;
use crate::app::tree::ItemKind;
use crate::app::{Focus, State};
use crate::lang::tr;
use crate::outline::Kind;
use crate::text::{Ambiguous, str_width, truncate};
use ratatui::buffer::Buffer;
use ratatui::style::Style;

/// `1234`, or `1.2万` from ten thousand up (in English `12.3k`, `123k`).
pub fn format_count(n: usize) -> String {
    if n < 10_000 {
        n.to_string()
    } else if crate::lang::is_zh() {
        format!("{:.1}万", n as f64 / 10_000.0)
    } else if n < 100_000 {
        format!("{:.1}k", n as f64 / 1_000.0)
    } else {
        format!("{}k", n / 1_000)
    }
}

/// Speaking time of `chars` 字 at `rate` 字 a minute: `<1分`, `2.5分`, `14分`.
pub fn format_minutes(chars: usize, rate: u32) -> String {
    let m = chars as f64 / f64::from(rate.max(1));
    let unit = tr("分", "m");
    if m < 1.0 {
        format!("<1{unit}")
    } else if m < 10.0 {
        format!("{m:.1}{unit}")
    } else {
        format!("{}{unit}", m.round())
    }
}

pub fn draw(s: &State, a: &Areas, buf: &mut Buffer) {
    let focused = s.focus == Focus::Tree;
    let label = match &s.filter {
        Some(q) => {
            let n = s.filter_hits;
            crate::tr!(" 过滤：{q} · {n} 处", " Filter: {q} · {n} matches")
        }
        None => {
            let n = s.docs.len();
            crate::tr!(" 纲目 · {n} 篇", " Outline · {n} speeches")
        }
    };
    // The filter's words, to show where each title matches.
    let words = s.filter.as_deref().map(Query::words).unwrap_or_default();
    header(s, buf, a.tree_head, &label, focused);
    let r = a.tree;
    if r.width == 0 || r.height == 0 {
        return;
    }
    if s.tree.visible.is_empty() {
        let msg = if s.loading.done {
            if s.tree.filter_active() {
                tr("（无匹配）", "(no match)")
            } else {
                tr("（没有讲话）", "(no speeches)")
            }
        } else {
            tr("载入中…", "Loading…")
        };
        let mut lines = vec![msg.to_string()];
        // Why there is nothing: the files that could not be read, with their reasons.
        let errors = &s.loading.errors;
        if !s.tree.filter_active() && !errors.is_empty() {
            lines.push(String::new());
            let n = errors.len();
            lines.push(crate::tr!(
                "{n} 个文件未读（按 ! 查看）：",
                "{n} files not read (! shows them):"
            ));
            for e in errors.iter().take(r.height.saturating_sub(3) as usize) {
                // Folders give way first, so that the file name and the reason show.
                let (path, why) = (
                    crate::text::sanitize(&e.path),
                    crate::text::sanitize(&crate::corpus::reason::shown(&e.message)).into_owned(),
                );
                let keep = (r.width as usize)
                    .saturating_sub(str_width(&why, s.amb) + 2)
                    .max(12);
                let path = crate::text::fit_path(&path, keep, s.amb);
                lines.push(crate::tr!("{path}：{why}", "{path}: {why}"));
            }
        } else if s.loading.done && !s.tree.filter_active() {
            lines.push(String::new());
            lines.push(
                tr(
                    "给出的文件夹里没有 .txt 文件（其他扩展名用 --ext）",
                    "No .txt files in the folders given (--ext reads other extensions)",
                )
                .into(),
            );
        }
        for (k, line) in lines.iter().take(r.height as usize).enumerate() {
            let clean = crate::text::sanitize(line);
            let (t, _) = truncate(&clean, r.width as usize, s.amb);
            put(buf, r.x, r.y + k as u16, r.width, &t, s.amb, |_| {
                s.theme.base()
            });
        }
        return;
    }
    let rows = s
        .tree
        .visible
        .iter()
        .skip(s.tree_top)
        .take(r.height as usize);
    for (k, &i) in rows.enumerate() {
        let next_visible = s.tree.visible.get(s.tree_top + k + 1).copied();
        let y = r.y + k as u16;
        let it = s.tree.items[i as usize];
        let selected = i == s.sel;
        let row_style = if !selected {
            Style::default()
        } else if focused {
            s.theme.sel_focused()
        } else {
            s.theme.sel_unfocused()
        };
        if selected {
            fill(
                buf,
                ratatui::layout::Rect::new(r.x, y, r.width, 1),
                row_style,
            );
        }
        let indent = crate::app::mouse::fold_col(it.depth, r.width) as usize;
        let sign = if !s.tree.has_children(i) {
            " "
        } else if next_visible.is_some_and(|n| n < it.end) {
            // Open with something shown under it (a filter may hide every child).
            "▾"
        } else {
            "▸"
        };
        let mut x = r.x + indent as u16;
        let right = r.x + r.width;
        x += put(buf, x, y, right.saturating_sub(x), sign, s.amb, |_| {
            s.theme.fold().patch(row_style)
        });
        x = (x + 1).min(right);
        let doc = &s.docs[it.doc as usize];
        let context = s.filter.is_some() && s.filter_matches.get(i as usize) != Some(&true);
        let label_style = match it.kind {
            _ if context => s.theme.context(),
            ItemKind::Root => s.theme.root(),
            ItemKind::Closing | ItemKind::Appendix => s.theme.closing_leaf(),
            ItemKind::Node(n) => {
                let node = &doc.nodes[n as usize];
                if node.kind == Kind::Point {
                    Style::default()
                } else {
                    s.theme.heading(node.level, false)
                }
            }
        }
        .patch(row_style);
        // A speech the parser has warnings about: `!` shows them.
        let warned = it.kind == ItemKind::Root && problems::has_warnings(s, it.doc as usize);
        let room = right.saturating_sub(x) as usize;
        // 字数 is the first thing to give way: the title keeps at least 8 characters, then
        // only the warning sign stays.
        let chars = s.item_chars(i);
        let mut count = if s.show_time {
            format_minutes(chars, s.rate)
        } else {
            format_count(chars)
        };
        if room < str_width(&count, s.amb) + 1 + 16 {
            count.clear();
        }
        // A speech whose file was deleted says so where its size was.
        if it.kind == ItemKind::Root && s.missing.contains(&(it.doc as usize)) {
            count = tr("已删除", "deleted").into();
        }
        if warned {
            count = format!("! {count}").trim_end().to_string();
        }
        // A speech with near-duplicates: `=` lists them.
        let near = match it.kind {
            ItemKind::Root => s.near.count(it.doc as usize),
            _ => 0,
        };
        let near_sign = if near > 0 {
            format!("≈{near} ")
        } else {
            String::new()
        };
        count.insert_str(0, &near_sign);
        let count = count.trim_end().to_string();
        let cw = str_width(&count, s.amb);
        let show_count = cw > 0 && room >= cw + 1 + 8;
        let label_room = if show_count { room - cw - 1 } else { room };
        let (marker, title) = s.item_label(i);
        let mut label = crate::text::sanitize(&crate::outline::label(marker, title)).into_owned();
        // Speeches that share a title are told apart by their file names.
        let mut name_at = label.len();
        if it.kind == ItemKind::Root && s.title_repeats(it.doc as usize) {
            let tail = format!(" · {}", crate::text::sanitize(file_name(&doc.path)));
            // The title gives way to the file name: that is what tells them apart.
            let tw = str_width(&tail, s.amb);
            if tw + 6 <= label_room {
                label = truncate(&label, label_room - tw, s.amb).0.into_owned();
            }
            name_at = label.len();
            label.push_str(&tail);
        }
        let hits = if context {
            vec![]
        } else {
            spans(&label, &words)
        };
        let start = scroll_start(&label, &hits, label_room, s.amb);
        let shown = match start {
            0 => label.clone(),
            k => format!("…{}", &label[k..]),
        };
        let (t, _) = truncate(&shown, label_room, s.amb);
        let hit_style = row_style.patch(s.theme.matched());
        let name_style = s.theme.count().patch(row_style);
        // Styled by where each shown byte is in the label (the `…` is not in it).
        let at = |b: usize| {
            if start == 0 {
                b
            } else {
                (b + start).saturating_sub("…".len())
            }
        };
        put(buf, x, y, label_room as u16, &t, s.amb, |b| {
            let b = at(b);
            if start > 0 && b < start {
                label_style
            } else if hits.iter().any(|&(a, z)| (a..z).contains(&b)) {
                hit_style
            } else if b >= name_at {
                name_style
            } else {
                label_style
            }
        });
        if show_count {
            let cx = right - cw as u16;
            put(buf, cx, y, cw as u16, &count, s.amb, |k| {
                if k < near_sign.len() {
                    s.theme.similar().patch(row_style)
                } else if warned && k == near_sign.len() {
                    s.theme.warn().patch(row_style)
                } else {
                    s.theme.count().patch(row_style)
                }
            });
        }
    }
}

/// Byte ranges of the words' matches in `label`, in order.
fn spans(label: &str, words: &[Query]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for w in words {
        w.find_in(label, |a, b| out.push((a, b)));
    }
    out.sort_unstable();
    out
}

/// Where `label` is shown from in `room` columns (after a `…` when not 0): its start,
/// or, when its first match would be cut off, far enough on for the match to show.
fn scroll_start(label: &str, hits: &[(usize, usize)], room: usize, amb: Ambiguous) -> usize {
    let Some(&(hit, end)) = hits.first() else {
        return 0;
    };
    if str_width(&label[..end], amb) <= room {
        return 0;
    }
    // The first start from which the match's end fits after the `…`.
    let ell = str_width("…", amb);
    let Some(start) = label
        .char_indices()
        .map(|(k, _)| k)
        .find(|&k| k < end && str_width(&label[k..end], amb) + ell <= room)
    else {
        return 0;
    };
    // Not `…，我们…` nor `…）正视…`: a pause mark or the end of a cut marker right after
    // the `…` goes too (the rest still fits).
    let rest = &label[start..hit.max(start)];
    let marks = ['，', '、', '；', '：', ' ', '）', ')', '.', '．', '　'];
    start + (rest.len() - rest.trim_start_matches(marks).len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaking_time_at_a_rate() {
        assert_eq!(format_minutes(100, 220), "<1分");
        assert_eq!(format_minutes(550, 220), "2.5分");
        assert_eq!(format_minutes(3080, 220), "14分");
        // A rate of 0 from a config is taken as 1, not a division by zero.
        assert_eq!(format_minutes(5, 0), "5.0分");
    }

    #[test]
    fn a_scrolled_title_starts_after_a_cut_marker_or_pause_mark() {
        let label = "（一）正视差距,切实增强优化营商";
        let hit = label.find("营商").unwrap();
        let hits = [(hit, hit + "营商".len())];
        // 28 columns would start at `）` (the rest is 27 wide, with the `…` 28).
        let start = scroll_start(label, &hits, 28, Ambiguous::Narrow);
        assert!(label[start..].starts_with("正视"), "{}", &label[start..]);
        let label = "二、我们要坚持，我们要营商";
        let hit = label.find("营商").unwrap();
        let start = scroll_start(label, &[(hit, hit + 6)], 14, Ambiguous::Narrow);
        assert!(
            label[start..].starts_with("我们要营商"),
            "{}",
            &label[start..]
        );
    }
}
