//! The help's rows at the current size: each key with its description beside it, wrapped
//! under itself when it is too long, or under the key when the screen is too narrow for
//! both side by side. `update` scrolls by these rows and the view draws them.

use super::action::Action as A;
use super::keymap::Keys;
use super::keymap::Pane::{Both, Text, Tree};
use super::state::State;
use crate::text::{str_width, wrap};

/// The help overlay: keys and what they do, in Chinese and in English; a section title
/// has no keys.
pub const HELP: &[(Keys, (&str, &str))] = &[
    (Keys::Section, ("目录（左）", "Tree (left)")),
    (
        Keys::Bound(Tree, &[A::Down, A::Up]),
        ("上下移动", "Move up and down"),
    ),
    (
        Keys::Bound(Tree, &[A::Right]),
        ("展开，或进入第一个子项", "Expand, or go to the first child"),
    ),
    (
        Keys::Bound(Tree, &[A::Left]),
        ("折叠，或回到上级", "Collapse, or go to the parent"),
    ),
    (
        Keys::Bound(Tree, &[A::Toggle]),
        (
            "展开/折叠（窄屏时在末级打开正文）",
            "Expand/collapse (on a narrow screen, a leaf opens the text)",
        ),
    ),
    (
        Keys::Bound(Tree, &[A::First, A::Last]),
        ("第一行 / 最后一行", "First row / last row"),
    ),
    (Keys::Section, ("正文（右）", "Text (right)")),
    (
        Keys::Bound(Text, &[A::Down, A::Up]),
        ("滚动一行", "Scroll a line"),
    ),
    (
        Keys::Bound(Text, &[A::PageDown, A::PageUp]),
        ("翻一页", "Scroll a page"),
    ),
    (
        Keys::Bound(Text, &[A::HalfPageDown, A::HalfPageUp]),
        ("翻半页", "Scroll half a page"),
    ),
    (
        Keys::Bound(Text, &[A::First, A::Last]),
        ("讲话开头 / 结尾", "Start / end of the speech"),
    ),
    (Keys::Section, ("两边通用", "Both panes")),
    (
        Keys::Bound(Both, &[A::NextHeading, A::PrevHeading]),
        (
            "下一个 / 上一个标题或要点",
            "Next / previous heading or point",
        ),
    ),
    (
        Keys::Bound(Both, &[A::NextSibling, A::PrevSibling]),
        ("下一个 / 上一个同级", "Next / previous sibling"),
    ),
    (Keys::Bound(Both, &[A::Parent]), ("上级", "Parent")),
    (
        Keys::Depths,
        (
            "目录显示到第几层 / 全部展开",
            "Show the tree to that depth / expand all",
        ),
    ),
    (
        Keys::Bound(Both, &[A::SwitchFocus]),
        (
            "切换目录和正文（窄于 60 列时只显示其一）",
            "Switch between tree and text (only one shows under 60 columns)",
        ),
    ),
    (
        Keys::Bound(Both, &[A::NarrowTree, A::WidenTree]),
        ("目录变窄 / 变宽", "Narrow / widen the tree"),
    ),
    (
        Keys::Bound(Both, &[A::Search, A::SearchNext, A::SearchPrev]),
        (
            "在本篇搜索 / 下一个 上一个",
            "Search this speech / next, previous",
        ),
    ),
    (
        Keys::Bound(Both, &[A::Filter]),
        (
            "按标题或文件名过滤目录（空格分开的词都要有）",
            "Filter the tree by title or file name (every word separated by spaces)",
        ),
    ),
    (
        Keys::Bound(Both, &[A::SearchAll]),
        (
            "在全部讲话中搜索，结果按讲话和章节列出（再按 s 回到结果）",
            "Search all speeches, results by speech and section (s again goes back to them)",
        ),
    ),
    (
        Keys::Section,
        ("搜索、过滤的输入行", "The search and filter line"),
    ),
    (
        Keys::Fixed("← → Home End", "← → Home End"),
        (
            "移动光标（也可 Ctrl-b Ctrl-f Ctrl-a Ctrl-e）",
            "Move the cursor (also Ctrl-b Ctrl-f Ctrl-a Ctrl-e)",
        ),
    ),
    (
        Keys::Fixed("Backspace Del", "Backspace Del"),
        (
            "删除光标前 / 光标处的一字",
            "Delete the character before / at the cursor",
        ),
    ),
    (
        Keys::Fixed("Ctrl-w Ctrl-u", "Ctrl-w Ctrl-u"),
        (
            "删除前一个词 / 光标前全部",
            "Delete the word before / everything before the cursor",
        ),
    ),
    (Keys::Section, ("写作", "Writing")),
    (
        Keys::Bound(Both, &[A::CopySection]),
        (
            "复制所选章节的正文（含小标题，不含删除的行）",
            "Copy the selected section's text (subheadings in, removed lines out)",
        ),
    ),
    (
        Keys::Bound(Both, &[A::CopyOutline]),
        (
            "复制本篇纲目（缩进列表）",
            "Copy this speech's outline (an indented list)",
        ),
    ),
    (
        Keys::Bound(Both, &[A::OpenEditor]),
        (
            "用 $VISUAL / $EDITOR 在阅读位置打开文件，保存后重新读入",
            "Open the file at the reading position in $VISUAL / $EDITOR; read again after saving",
        ),
    ),
    (
        Keys::Bound(Both, &[A::ToggleTime]),
        (
            "目录显示字数 / 讲话时长（按每分钟字数计）",
            "Tree shows character counts / speaking time (at the rate a minute)",
        ),
    ),
    (
        Keys::Then(Both, &[A::SetMark], (" 字母", " letter")),
        (
            "在阅读位置设标记（下次启动仍在）",
            "Set a mark at the reading position (kept for the next run)",
        ),
    ),
    (
        Keys::Then(Both, &[A::JumpMark], (" 字母", " letter")),
        (
            "回到标记，可跨讲话；每篇讲话也记住上次读到哪里",
            "Go to a mark, in any speech; each speech also remembers where you left off",
        ),
    ),
    (Keys::Section, ("相似的讲话", "Similar speeches")),
    (
        Keys::Bound(Both, &[A::Similar]),
        (
            "与本篇共有大段文字的讲话（目录中标 ≈）",
            "Speeches sharing long passages with this one (≈ in the tree)",
        ),
    ),
    (
        Keys::Bound(Both, &[A::NextHeading, A::PrevHeading]),
        (
            "对照中：下一处 / 上一处差异",
            "Comparing: next / previous difference",
        ),
    ),
    (
        Keys::Bound(Both, &[A::SwitchFocus]),
        (
            "对照中：换一边带动滚动",
            "Comparing: the other side leads the scrolling",
        ),
    ),
    (Keys::Section, ("其他", "Other")),
    (
        Keys::Bound(Both, &[A::Problems]),
        (
            "问题：本篇的警告、删除的行、未读的文件",
            "Problems: this speech's warnings, removed lines, files not read",
        ),
    ),
    (
        Keys::Bound(Both, &[A::Help]),
        ("帮助（再按一次关闭）", "Help (press again to close)"),
    ),
    (
        Keys::Bound(Both, &[A::Escape]),
        (
            "关闭帮助、问题、搜索或过滤",
            "Close help, problems, search or filter",
        ),
    ),
    (
        Keys::Bound(Both, &[A::Quit]),
        (
            "退出（Ctrl-C 在任何地方都退出）",
            "Quit (Ctrl-C quits anywhere)",
        ),
    ),
    (
        Keys::Fixed("Ctrl-Z", "Ctrl-Z"),
        (
            "暂停，回到命令行（fg 返回）",
            "Suspend to the shell (fg comes back)",
        ),
    ),
    (
        Keys::Fixed("鼠标", "Mouse"),
        (
            "点击选中，点 ▸ 折叠，滚轮滚动，拖动分隔线",
            "Click selects, click ▸ folds, wheel scrolls, drag the divider",
        ),
    ),
];

/// One row of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The key(s), on the first row of their description only.
    pub key: String,
    pub text: &'static str,
    /// Column of `text` inside the box.
    pub x: u16,
    /// A section title.
    pub heading: bool,
}

/// The box's width: every line side by side, as far as the screen allows.
pub fn box_width(s: &State) -> u16 {
    let (key_w, desc_w) = widths(s);
    ((key_w + desc_w + 10) as u16).min(s.size.0)
}

/// Width inside the box (as `view::overlay::frame` leaves it).
fn inner_width(s: &State) -> usize {
    let w = box_width(s);
    w.saturating_sub(4.min(w / 2)) as usize
}

/// The widest key and the widest description.
fn widths(s: &State) -> (usize, usize) {
    entries(s).iter().fold((0, 0), |(k, d), (key, desc)| {
        (k.max(str_width(key, s.amb)), d.max(str_width(desc, s.amb)))
    })
}

/// Each help line's keys, as bound now, and what they do; a section title has no keys
/// and is marked by `None`. Lines whose actions are all unbound are left out.
pub fn lines(s: &State) -> Vec<(Option<String>, &'static str)> {
    HELP.iter()
        .filter_map(|(keys, (zh, en))| {
            let desc = crate::lang::tr(zh, en);
            match keys {
                Keys::Section => Some((None, desc)),
                k => {
                    let shown = s.keymap.help_keys(k);
                    (!shown.is_empty()).then_some((Some(shown), desc))
                }
            }
        })
        .collect()
}

fn entries(s: &State) -> Vec<(String, &'static str)> {
    lines(s)
        .into_iter()
        .map(|(k, d)| (k.unwrap_or_default(), d))
        .collect()
}

pub fn rows(s: &State) -> Vec<Row> {
    let inner = inner_width(s).max(1);
    let (key_w, _) = widths(s);
    let mut out = Vec::new();
    let mut push = |key: &str, text: &'static str, x: usize, heading: bool| {
        let room = inner.saturating_sub(x).max(1);
        for (k, p) in wrap(text, room, 0, s.amb).into_iter().enumerate() {
            out.push(Row {
                key: if k == 0 {
                    key.to_string()
                } else {
                    String::new()
                },
                text: &text[p.start..p.end],
                x: x as u16,
                heading,
            });
        }
    };
    // The descriptions' column: after the widest key when 30 columns are left for them,
    // else after keys of up to 10 columns, longer keys taking a row of their own.
    let key_col = if inner >= 2 + key_w + 2 + 30 {
        key_w
    } else {
        key_w.min(10)
    };
    let x = if inner >= 2 + key_col + 2 + 12 {
        2 + key_col + 2
    } else {
        4
    };
    for (key, desc) in lines(s) {
        match key {
            None => push("", desc, 0, true),
            Some(key) if 2 + str_width(&key, s.amb) + 2 <= x => push(&key, desc, x, false),
            Some(key) => {
                push(&key, "", 2, false);
                push("", desc, x, false);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::lines;
    use crate::app::{Action, State};
    use crate::text::Ambiguous;

    fn keys_of(s: &State, desc: &str) -> Option<String> {
        lines(s)
            .into_iter()
            .find(|(_, d)| *d == desc)
            .and_then(|(k, _)| k)
    }

    #[test]
    fn the_help_shows_the_keys_in_effect() {
        let mut s = State::new(100, 30, Ambiguous::Narrow);
        assert_eq!(keys_of(&s, "上下移动").as_deref(), Some("j/↓ k/↑"));
        assert_eq!(keys_of(&s, "翻半页").as_deref(), Some("Ctrl-d Ctrl-u"));
        assert_eq!(
            keys_of(&s, "目录显示到第几层 / 全部展开").as_deref(),
            Some("1–9 0")
        );
        // Remapped: Alt-q quits, q is unbound; F2 shows two levels.
        s.keymap.global.remove("q");
        s.keymap.global.insert("<a-q>".into(), Action::Quit);
        s.keymap.global.insert("<f2>".into(), Action::Depth(2));
        let quit = keys_of(&s, "退出（Ctrl-C 在任何地方都退出）").unwrap();
        assert!(
            quit.split('/').any(|k| k == "Alt-q") && !quit.split('/').any(|k| k == "q"),
            "{quit}"
        );
        assert_eq!(
            keys_of(&s, "目录显示到第几层 / 全部展开").as_deref(),
            Some("1 2/F2 3 4 5 6 7 8 9 0")
        );
        // An action with no key left has no line.
        s.keymap.global.remove("t");
        assert_eq!(
            keys_of(&s, "目录显示字数 / 讲话时长（按每分钟字数计）"),
            None
        );
    }
}
