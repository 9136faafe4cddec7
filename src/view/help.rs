//! The help overlay: every key.

use super::{fill, put, theme};
use crate::app::State;
use crate::text::{str_width, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub const LINES: &[(&str, &str)] = &[
    ("", "目录（左）"),
    ("j k ↓ ↑", "上下移动"),
    ("l →", "展开，或进入第一个子项"),
    ("h ←", "折叠，或回到上级"),
    ("Enter 空格", "展开/折叠"),
    ("g G Home End", "第一行 / 最后一行"),
    ("", "正文（右）"),
    ("j k ↓ ↑", "滚动一行"),
    ("空格 PgDn  b PgUp", "翻一页"),
    ("Ctrl-d Ctrl-u", "翻半页"),
    ("g G", "讲话开头 / 结尾"),
    ("", "两边通用"),
    ("] [", "下一个 / 上一个标题或要点"),
    ("} {", "下一个 / 上一个同级"),
    ("u", "上级"),
    ("1–9  0", "目录显示到第几层 / 全部展开"),
    ("Tab", "切换目录和正文"),
    ("< >", "目录变窄 / 变宽"),
    ("/  n N", "在本篇搜索 / 下一个 上一个"),
    ("f", "按标题过滤目录"),
    ("Esc", "关闭帮助、搜索或过滤"),
    ("q Ctrl-C", "退出"),
    ("鼠标", "点击选中，点 ▸ 折叠，滚轮滚动，拖动分隔线"),
];

pub fn draw(s: &State, buf: &mut Buffer) {
    let area = buf.area;
    let key_w = LINES
        .iter()
        .map(|(k, _)| str_width(k, s.amb))
        .max()
        .unwrap_or(0) as u16;
    let desc_w = LINES
        .iter()
        .map(|(_, d)| str_width(d, s.amb))
        .max()
        .unwrap_or(0) as u16;
    let want_w = key_w + desc_w + 10;
    let want_h = LINES.len() as u16 + 2;
    let w = want_w.min(area.width);
    let h = want_h.min(area.height);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    fill(buf, r, theme::help());
    let title = " 帮助 — Esc 关闭 ";
    let (t, tw) = truncate(title, r.width as usize, s.amb);
    put(
        buf,
        r.x + (r.width - tw as u16) / 2,
        r.y,
        r.width,
        &t,
        s.amb,
        |_| theme::help_key(),
    );
    let inner = Rect::new(
        r.x + 2.min(r.width / 4),
        r.y + 1,
        r.width.saturating_sub(4.min(r.width / 2)),
        r.height.saturating_sub(2),
    );
    for (k, (key, desc)) in LINES.iter().take(inner.height as usize).enumerate() {
        let y = inner.y + k as u16;
        if key.is_empty() {
            let (t, _) = truncate(desc, inner.width as usize, s.amb);
            put(buf, inner.x, y, inner.width, &t, s.amb, |_| {
                theme::help_key()
            });
            continue;
        }
        let kx = inner.x + 2.min(inner.width);
        let (t, _) = truncate(key, inner.width.saturating_sub(2) as usize, s.amb);
        put(buf, kx, y, inner.right() - kx, &t, s.amb, |_| {
            theme::help_key()
        });
        let dx = kx + key_w + 2;
        if dx < inner.right() {
            let (t, _) = truncate(desc, (inner.right() - dx) as usize, s.amb);
            put(buf, dx, y, inner.right() - dx, &t, s.amb, |_| theme::help());
        }
    }
}
