//! The `[keys.global]`, `[keys.tree]` and `[keys.text]` tables: key = action, laid over
//! the default bindings. `"none"` unbinds a key. The old `keys.json` is still read.

use crate::app::{Action, KeyMap};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;
use toml::Spanned;

type Table = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct KeysConfig {
    /// Either pane.
    pub global: Table,
    /// The tree; wins over `global` there.
    pub tree: Table,
    /// The text; wins over `global` there.
    pub text: Table,
}

impl KeysConfig {
    /// Lays the bindings over `km`; the first bad key or action, with where it is.
    pub fn apply(&self, km: &mut KeyMap) -> Result<(), (Range<usize>, String)> {
        for (table, map) in [
            (&self.global, &mut km.global),
            (&self.tree, &mut km.tree),
            (&self.text, &mut km.text),
        ] {
            for (key, value) in table {
                let name = crate::tui::keyname::parse(key.get_ref()).map_err(|e| {
                    (
                        key.span(),
                        format!("{e} (write j, G, ctrl-d, alt-q, shift-up, f1, space, enter, esc, delete, pagedown…)"),
                    )
                })?;
                match value.get_ref() {
                    toml::Value::String(s) if s == "none" => {
                        map.remove(&name);
                    }
                    v => {
                        let action: Action = v.clone().try_into().map_err(|_| {
                            (
                                value.span(),
                                format!(
                                    "unknown action {v} for key '{}' (see `gangmu config` for every action, or \"none\" to unbind)",
                                    key.get_ref()
                                ),
                            )
                        })?;
                        map.insert(name, action);
                    }
                }
            }
        }
        Ok(())
    }
}

/// `keys.json` from before `config.toml`, when there is one: its bindings over the
/// defaults, and a note (deprecated; or why it could not be used).
pub fn legacy() -> Option<(KeyMap, Option<String>)> {
    let dir = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    let path = dir.join("gangmu").join("keys.json");
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            let why = if path.is_dir() {
                format!("is a directory ({e})")
            } else {
                crate::corpus::find::io_reason(&e)
            };
            return Some((KeyMap::defaults(), Some(unusable(&path, &why))));
        }
    };
    let Ok(json) = String::from_utf8(bytes) else {
        return Some((KeyMap::defaults(), Some(unusable(&path, "not UTF-8 text"))));
    };
    match KeyMap::patched(&json) {
        Ok(km) => {
            let unknown = KeyMap::unknown_sections(&json);
            let note = if unknown.is_empty() {
                format!(
                    "gangmu: {}: keys.json is deprecated; move its bindings to config.toml's [keys] tables",
                    path.display()
                )
            } else {
                format!(
                    "gangmu: {}: unknown section {} (known: global, tree, text); ignored",
                    path.display(),
                    unknown.join(", ")
                )
            };
            Some((km, Some(note)))
        }
        Err(e) => Some((KeyMap::defaults(), Some(unusable(&path, &e.to_string())))),
    }
}

fn unusable(path: &std::path::Path, why: &str) -> String {
    format!(
        "gangmu: {}: {why}; the default keys are used",
        path.display()
    )
}
