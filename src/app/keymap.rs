//! Keys as data: the default bindings, patchable from a JSON file
//! (`{"tree": {"x": "toggle"}, "global": {"Q": "quit"}}`).
//!
//! Keys are named as in vim: `j`, `G`, `<space>`, `<enter>`, `<tab>`, `<esc>`, `<up>`,
//! `<pgdn>`, `<home>`, `<c-d>`.

use super::action::Action;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct KeyMap {
    /// Bindings in either pane.
    pub global: BTreeMap<String, Action>,
    /// Bindings when the tree has focus; they win over `global`.
    pub tree: BTreeMap<String, Action>,
    /// Bindings when the text has focus; they win over `global`.
    pub text: BTreeMap<String, Action>,
}

fn map(pairs: &[(&str, Action)]) -> BTreeMap<String, Action> {
    pairs
        .iter()
        .map(|(k, a)| (k.to_string(), a.clone()))
        .collect()
}

impl KeyMap {
    pub fn defaults() -> Self {
        use Action::*;
        let mut global = vec![
            ("j", Down),
            ("k", Up),
            ("<down>", Down),
            ("<up>", Up),
            ("g", First),
            ("G", Last),
            ("<home>", First),
            ("<end>", Last),
            ("<pgdn>", PageDown),
            ("<pgup>", PageUp),
            ("<c-d>", HalfPageDown),
            ("<c-u>", HalfPageUp),
            ("]", NextHeading),
            ("[", PrevHeading),
            ("}", NextSibling),
            ("{", PrevSibling),
            ("u", Parent),
            ("0", Depth(0)),
            ("<tab>", SwitchFocus),
            ("<backtab>", SwitchFocus),
            ("<", NarrowTree),
            (">", WidenTree),
            ("/", Search),
            ("n", SearchNext),
            ("N", SearchPrev),
            ("f", Filter),
            ("s", SearchAll),
            ("?", Help),
            ("!", Problems),
            ("=", Similar),
            ("y", CopySection),
            ("Y", CopyOutline),
            ("e", OpenEditor),
            ("t", ToggleTime),
            ("m", SetMark),
            ("'", JumpMark),
            ("<esc>", Escape),
            ("q", Quit),
            ("<c-c>", Quit),
        ];
        let digits = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
        for (i, d) in digits.iter().enumerate() {
            global.push((d, Depth(i as u8 + 1)));
        }
        KeyMap {
            global: map(&global),
            tree: map(&[
                ("l", Right),
                ("<right>", Right),
                ("h", Left),
                ("<left>", Left),
                ("<enter>", Toggle),
                ("<space>", Toggle),
            ]),
            text: map(&[
                ("<space>", PageDown),
                ("b", PageUp),
                ("<c-f>", PageDown),
                ("<c-b>", PageUp),
            ]),
        }
    }

    /// The defaults with `json`'s bindings laid over them.
    pub fn patched(json: &str) -> Result<Self, serde_json::Error> {
        let user: KeyMap = serde_json::from_str(json.trim_start_matches('\u{feff}'))?;
        let mut km = Self::defaults();
        km.global.extend(user.global);
        km.tree.extend(user.tree);
        km.text.extend(user.text);
        Ok(km)
    }

    /// Sections of a key file that are not `global`, `tree` or `text` (they do nothing).
    pub fn unknown_sections(json: &str) -> Vec<String> {
        let Ok(serde_json::Value::Object(map)) =
            serde_json::from_str::<serde_json::Value>(json.trim_start_matches('\u{feff}'))
        else {
            return Vec::new();
        };
        map.keys()
            .filter(|k| !matches!(k.as_str(), "global" | "tree" | "text"))
            .cloned()
            .collect()
    }

    pub fn lookup(&self, tree_focused: bool, key: &str) -> Option<&Action> {
        let pane = if tree_focused { &self.tree } else { &self.text };
        pane.get(key).or_else(|| self.global.get(key))
    }
}

/// Which pane's bindings a help row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Tree,
    Text,
    Both,
}

/// The keys of a help row: looked up in the bindings in effect, so that remapped keys
/// show as they are.
#[derive(Debug, Clone, Copy)]
pub enum Keys {
    /// A section title.
    Section,
    /// The keys of each action, alternatives joined by `/`, actions by spaces.
    Bound(Pane, &'static [Action]),
    /// The same, then a word (`m 字母`).
    Then(Pane, &'static [Action], &'static str),
    /// The depth keys, `1–9 0` when they are the digits.
    Depths,
    /// Keys that are not bindings (the input line, Ctrl-Z, the mouse).
    Fixed(&'static str),
}

use Action as A;
use Pane::{Both, Text, Tree};

/// The help overlay: keys and what they do; a section title has no keys.
pub const HELP: &[(Keys, &str)] = &[
    (Keys::Section, "目录（左）"),
    (Keys::Bound(Tree, &[A::Down, A::Up]), "上下移动"),
    (Keys::Bound(Tree, &[A::Right]), "展开，或进入第一个子项"),
    (Keys::Bound(Tree, &[A::Left]), "折叠，或回到上级"),
    (
        Keys::Bound(Tree, &[A::Toggle]),
        "展开/折叠（窄屏时在末级打开正文）",
    ),
    (Keys::Bound(Tree, &[A::First, A::Last]), "第一行 / 最后一行"),
    (Keys::Section, "正文（右）"),
    (Keys::Bound(Text, &[A::Down, A::Up]), "滚动一行"),
    (Keys::Bound(Text, &[A::PageDown, A::PageUp]), "翻一页"),
    (
        Keys::Bound(Text, &[A::HalfPageDown, A::HalfPageUp]),
        "翻半页",
    ),
    (Keys::Bound(Text, &[A::First, A::Last]), "讲话开头 / 结尾"),
    (Keys::Section, "两边通用"),
    (
        Keys::Bound(Both, &[A::NextHeading, A::PrevHeading]),
        "下一个 / 上一个标题或要点",
    ),
    (
        Keys::Bound(Both, &[A::NextSibling, A::PrevSibling]),
        "下一个 / 上一个同级",
    ),
    (Keys::Bound(Both, &[A::Parent]), "上级"),
    (Keys::Depths, "目录显示到第几层 / 全部展开"),
    (
        Keys::Bound(Both, &[A::SwitchFocus]),
        "切换目录和正文（窄于 60 列时只显示其一）",
    ),
    (
        Keys::Bound(Both, &[A::NarrowTree, A::WidenTree]),
        "目录变窄 / 变宽",
    ),
    (
        Keys::Bound(Both, &[A::Search, A::SearchNext, A::SearchPrev]),
        "在本篇搜索 / 下一个 上一个",
    ),
    (
        Keys::Bound(Both, &[A::Filter]),
        "按标题或文件名过滤目录（空格分开的词都要有）",
    ),
    (
        Keys::Bound(Both, &[A::SearchAll]),
        "在全部讲话中搜索，结果按讲话和章节列出（再按 s 回到结果）",
    ),
    (Keys::Section, "搜索、过滤的输入行"),
    (
        Keys::Fixed("← → Home End"),
        "移动光标（也可 Ctrl-b Ctrl-f Ctrl-a Ctrl-e）",
    ),
    (Keys::Fixed("Backspace Del"), "删除光标前 / 光标处的一字"),
    (Keys::Fixed("Ctrl-w Ctrl-u"), "删除前一个词 / 光标前全部"),
    (Keys::Section, "写作"),
    (
        Keys::Bound(Both, &[A::CopySection]),
        "复制所选章节的正文（含小标题，不含删除的行）",
    ),
    (
        Keys::Bound(Both, &[A::CopyOutline]),
        "复制本篇纲目（缩进列表）",
    ),
    (
        Keys::Bound(Both, &[A::OpenEditor]),
        "用 $VISUAL / $EDITOR 在阅读位置打开文件，保存后重新读入",
    ),
    (
        Keys::Bound(Both, &[A::ToggleTime]),
        "目录显示字数 / 讲话时长（按每分钟字数计）",
    ),
    (
        Keys::Then(Both, &[A::SetMark], " 字母"),
        "在阅读位置设标记（下次启动仍在）",
    ),
    (
        Keys::Then(Both, &[A::JumpMark], " 字母"),
        "回到标记，可跨讲话；每篇讲话也记住上次读到哪里",
    ),
    (Keys::Section, "相似的讲话"),
    (
        Keys::Bound(Both, &[A::Similar]),
        "与本篇共有大段文字的讲话（目录中标 ≈）",
    ),
    (
        Keys::Bound(Both, &[A::NextHeading, A::PrevHeading]),
        "对照中：下一处 / 上一处差异",
    ),
    (
        Keys::Bound(Both, &[A::SwitchFocus]),
        "对照中：换一边带动滚动",
    ),
    (Keys::Section, "其他"),
    (
        Keys::Bound(Both, &[A::Problems]),
        "问题：本篇的警告、删除的行、未读的文件",
    ),
    (Keys::Bound(Both, &[A::Help]), "帮助（再按一次关闭）"),
    (
        Keys::Bound(Both, &[A::Escape]),
        "关闭帮助、问题、搜索或过滤",
    ),
    (
        Keys::Bound(Both, &[A::Quit]),
        "退出（Ctrl-C 在任何地方都退出）",
    ),
    (Keys::Fixed("Ctrl-Z"), "暂停，回到命令行（fg 返回）"),
    (
        Keys::Fixed("鼠标"),
        "点击选中，点 ▸ 折叠，滚轮滚动，拖动分隔线",
    ),
];

impl KeyMap {
    /// The keys that do `action` in `pane`: single characters first, in a stable order.
    pub fn keys_for(&self, pane: Pane, action: &Action) -> Vec<&str> {
        let does = |k: &str| match pane {
            Pane::Tree => self.lookup(true, k) == Some(action),
            Pane::Text => self.lookup(false, k) == Some(action),
            Pane::Both => {
                self.lookup(true, k) == Some(action) || self.lookup(false, k) == Some(action)
            }
        };
        let mut keys: Vec<&str> = self
            .global
            .keys()
            .chain(self.tree.keys())
            .chain(self.text.keys())
            .map(String::as_str)
            .filter(|k| does(k))
            .collect();
        // Plain keys, then named ones (PgDn), then those with modifiers (Ctrl-f).
        let rank = |k: &str| {
            let named = k.starts_with('<') && k.len() > 1;
            let modified = ["<c-", "<a-", "<s-", "<backtab"]
                .iter()
                .any(|p| k.starts_with(p));
            u8::from(named) + u8::from(modified)
        };
        keys.sort_by_key(|k| (rank(k), *k));
        keys.dedup();
        keys
    }

    /// A help row's keys as shown: `j/↓ k/↑`, `Ctrl-d Ctrl-u`; empty when none is bound.
    pub fn help_keys(&self, keys: &Keys) -> String {
        let shown = |pane, actions: &[Action]| {
            actions
                .iter()
                .map(|a| {
                    let ks: Vec<String> = self
                        .keys_for(pane, a)
                        .iter()
                        .map(|k| crate::tui::keyname::shown(k))
                        .collect();
                    ks.join("/")
                })
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        match *keys {
            Keys::Section => String::new(),
            Keys::Fixed(k) => k.to_string(),
            Keys::Bound(pane, actions) => shown(pane, actions),
            Keys::Then(pane, actions, word) => {
                let k = shown(pane, actions);
                if k.is_empty() {
                    k
                } else {
                    format!("{k}{word}")
                }
            }
            Keys::Depths => {
                let digits = (1..=9u8).all(|d| {
                    self.keys_for(Pane::Both, &Action::Depth(d)) == [d.to_string().as_str()]
                });
                let all = shown(Pane::Both, &[Action::Depth(0)]);
                if digits {
                    format!("1–9 {all}").trim_end().to_string()
                } else {
                    let each: Vec<Action> = (1..=9).map(Action::Depth).collect();
                    format!("{} {all}", shown(Pane::Both, &each))
                        .trim()
                        .to_string()
                }
            }
        }
    }
}

/// Splits a key script (`"jj]<tab><pgdn>"`) into key names.
pub fn parse_keys(script: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = script;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
            && !rest[1..end].contains('<')
        {
            out.push(rest[..=end].to_string());
            rest = &rest[end + 1..];
            continue;
        }
        out.push(c.to_string());
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_split_into_keys() {
        assert_eq!(parse_keys("j<tab>]<"), ["j", "<tab>", "]", "<"]);
        assert_eq!(parse_keys("<c-d>/中"), ["<c-d>", "/", "中"]);
    }

    #[test]
    fn a_user_file_patches_the_defaults() {
        let km = KeyMap::patched(r#"{"tree": {"x": "toggle"}, "global": {"Q": "quit"}}"#)
            .expect("valid");
        assert_eq!(km.lookup(true, "x"), Some(&Action::Toggle));
        assert_eq!(km.lookup(false, "Q"), Some(&Action::Quit));
        assert_eq!(km.lookup(true, "j"), Some(&Action::Down));
        assert_eq!(km.lookup(false, "<space>"), Some(&Action::PageDown));
        let depth: KeyMap = serde_json::from_str(r#"{"global": {"!": {"depth": 2}}}"#).unwrap();
        assert_eq!(depth.global["!"], Action::Depth(2));
    }

    #[test]
    fn a_bom_is_no_error_and_unknown_sections_are_named() {
        let km = KeyMap::patched("\u{feff}{\"tree\": {\"x\": \"toggle\"}}").expect("valid");
        assert_eq!(km.lookup(true, "x"), Some(&Action::Toggle));
        let json = r#"{"tree": {}, "keys": {}, "Global": {}}"#;
        assert_eq!(KeyMap::unknown_sections(json), ["Global", "keys"]);
    }
}
