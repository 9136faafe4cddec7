//! The status line: breadcrumb of the reading position, percentage, help hint; or the
//! search / filter line being typed.

use super::{fill, put};
use crate::app::State;
use crate::app::state::{Areas, InputKind};
use crate::app::tree::{ItemKind, NONE};
use crate::lang::tr;
use crate::text::{sanitize, str_width, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Position;

/// The chain of labels from the speech down to the section being read.
pub fn breadcrumb(s: &State) -> Vec<String> {
    let Some(mut i) = s.reading_item() else {
        return vec![];
    };
    let mut out = Vec::new();
    while i != NONE {
        let it = s.tree.items[i as usize];
        let (m, t) = s.item_label(i);
        out.push(match it.kind {
            ItemKind::Root | ItemKind::Closing | ItemKind::Appendix => t.to_string(),
            ItemKind::Node(_) => crate::outline::label(m, t),
        });
        i = it.parent;
    }
    out.reverse();
    out
}

/// The breadcrumb within `room` columns: when it is too long, the outer levels give way
/// first (`… › （二）…`), since the innermost one says where the reader is.
fn fit_crumbs(crumbs: &[String], room: usize, amb: crate::text::Ambiguous) -> String {
    for skip in 0..crumbs.len() {
        let mut line = String::from(" ");
        if skip > 0 {
            line.push_str("… › ");
        }
        line.push_str(&crumbs[skip..].join(" › "));
        if str_width(&line, amb) <= room || skip + 1 == crumbs.len() {
            return line;
        }
    }
    String::new()
}

/// Draws the status line; returns where the cursor goes while typing.
pub fn draw(s: &State, a: &Areas, buf: &mut Buffer) -> Option<Position> {
    let r = a.status;
    if r.width == 0 || r.height == 0 {
        return None;
    }
    fill(buf, r, s.theme.status());
    let amb = s.amb;
    if let Some(input) = &s.input {
        let running = crate::app::jobs::progress(s);
        let (prompt, info) = match input.kind {
            _ if running.is_some() => (
                match input.kind {
                    InputKind::Search => "/",
                    InputKind::Filter => tr("过滤：", "Filter: "),
                    InputKind::SearchAll => tr("全部搜索：", "Search all: "),
                },
                running.unwrap_or_default(),
            ),
            InputKind::Search => {
                let info = s
                    .search
                    .as_ref()
                    .map(|sr| match (sr.current, sr.elsewhere) {
                        (Some(c), _) => format!("{}/{}", c + 1, sr.matches.len()),
                        _ if input.text.is_empty() => String::new(),
                        (None, Some(k)) if k > 0 => {
                            crate::tr!("本篇没有，另有 {k} 篇", "not here, in {k} others")
                        }
                        (None, _) => tr("没有找到", "not found").to_string(),
                    });
                ("/", info.unwrap_or_default())
            }
            InputKind::SearchAll => (
                tr("全部搜索：", "Search all: "),
                tr("Enter 开始", "Enter starts").to_string(),
            ),
            // Titles that match, not rows: a match's speech is shown with it.
            InputKind::Filter => (
                tr("过滤：", "Filter: "),
                s.filter.as_ref().map_or_else(String::new, |_| {
                    let n = s.filter_hits;
                    crate::tr!("{n} 处", "{n} matches")
                }),
            ),
        };
        let iw = str_width(&info, amb) as u16;
        let right = if iw + 12 <= r.width { iw + 1 } else { 0 };
        let room = r.width - right;
        let line = sanitize(&format!("{prompt}{}", input.text)).into_owned();
        // Where the cursor is in the drawn line (escapes make it longer than the text).
        let at = sanitize(&format!("{prompt}{}", &input.text[..input.cursor])).len();
        // From the start, or, when the cursor would be past the right edge, from far
        // enough on for it to show.
        let (mut start, mut w) = (0, str_width(&line[..at], amb));
        for c in line[..at].chars() {
            if w < room as usize {
                break;
            }
            w -= crate::text::char_width(c, amb);
            start += c.len_utf8();
        }
        let shown = &line[start..];
        put(buf, r.x, r.y, room, shown, amb, |_| s.theme.status());
        let used = w as u16;
        if right > 0 {
            put(buf, r.x + r.width - iw, r.y, iw, &info, amb, |_| {
                s.theme.status()
            });
        }
        return Some(Position::new((r.x + used).min(r.right() - 1), r.y));
    }
    let pct = format!("{}%", s.percent());
    let mut right = if s.text.is_some() { pct } else { String::new() };
    // Which match the reader is at, once the query line is closed: `3/23`.
    if let Some(sr) = &s.search
        && let Some(c) = sr.current
        && s.text.as_ref().is_some_and(|tv| tv.doc == sr.doc)
    {
        right = format!("{}/{}  {right}", c + 1, sr.matches.len());
    }
    // Speaking time shown in the tree: the whole speech's time here.
    if s.show_time
        && let Some(tv) = &s.text
    {
        let m = super::tree::format_minutes(s.docs[tv.doc].chars, s.rate);
        let m = m.trim_start_matches('<');
        right = crate::tr!("全篇约 {m}钟  {right}", "speech ≈ {m}in  {right}");
    }
    // Near-duplicates of the speech being read: `=` lists them.
    if let Some(tv) = &s.text {
        let n = s.near.count(tv.doc);
        if n > 0 {
            right = crate::tr!("≈ {n} 篇相似  {right}", "≈ {n} similar  {right}");
        }
    }
    if let Some(p) = crate::app::jobs::progress(s) {
        right = format!("{p}  {right}");
    }
    if let Some(tv) = &s.text
        && s.missing.contains(&tv.doc)
    {
        right = crate::tr!("文件已删除  {right}", "file deleted  {right}");
    }
    if !s.loading.done {
        let total = s.loading.total.map_or("?".to_string(), |t| t.to_string());
        let loaded = s.loading.loaded;
        right = crate::tr!(
            "载入 {loaded}/{total}  {right}",
            "loading {loaded}/{total}  {right}"
        );
    } else if !s.loading.errors.is_empty() {
        let n = s.loading.errors.len();
        right = crate::tr!("{n} 个文件未读  {right}", "{n} files not read  {right}");
    }
    let hint = tr("? 帮助", "? help");
    let hw = str_width(hint, amb) as u16;
    let rw = str_width(&right, amb) as u16;
    let mut end = r.right();
    if r.width >= hw + 2 + 8 {
        end -= hw + 2;
        put(buf, end, r.y, hw + 2, &format!(" {hint} "), amb, |_| {
            s.theme.status_hint()
        });
    }
    // A message is the answer to what the reader just did: it wins over the
    // percentage and progress on a short line.
    let msg_w = s
        .message
        .as_ref()
        .map_or(0, |m| str_width(&sanitize(m), amb) as u16 + 1);
    let room_for_right = msg_w == 0 || (end - r.x) >= msg_w + rw + 2;
    if room_for_right && end - r.x >= rw + 2 + 8 {
        end -= rw + 1;
        put(buf, end, r.y, rw, &right, amb, |_| s.theme.status());
        end -= 1;
    }
    let room = (end - r.x) as usize;
    let left = match &s.message {
        Some(m) => format!(" {m}"),
        None => fit_crumbs(&breadcrumb(s), room, amb),
    };
    let left = sanitize(&left).into_owned();
    let (t, _) = truncate(&left, (end - r.x) as usize, amb);
    put(buf, r.x, r.y, end - r.x, &t, amb, |_| s.theme.status());
    None
}
