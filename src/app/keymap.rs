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
    Then(Pane, &'static [Action], (&'static str, &'static str)),
    /// The depth keys, `1–9 0` when they are the digits.
    Depths,
    /// Keys that are not bindings (the input line, Ctrl-Z, the mouse).
    Fixed(&'static str, &'static str),
}

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
            Keys::Fixed(zh, en) => crate::lang::tr(zh, en).to_string(),
            Keys::Bound(pane, actions) => shown(pane, actions),
            Keys::Then(pane, actions, (zh, en)) => {
                let word = crate::lang::tr(zh, en);
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
