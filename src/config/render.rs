//! `gangmu config`: the configuration in effect as a commented TOML file, defaults
//! included, for the user to start from.

use super::Config;
use crate::app::KeyMap;
use crate::cli::{Ambiguous, ColorArg, ThemeArg};
use crate::lang::tr;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The settings of `config` (the defaults where it has none) and the bindings of `km`.
pub fn render(config: &Config, km: &KeyMap, path: Option<&Path>, found: bool) -> String {
    let mut s = String::new();
    let _ = match path {
        Some(p) if found => {
            let p = p.display();
            writeln!(
                s,
                "{}",
                crate::tr!(
                    "# gangmu 当前生效的配置，来自 {p}",
                    "# gangmu configuration in effect, from {p}"
                )
            )
        }
        Some(p) => {
            let p = p.display();
            writeln!(
                s,
                "{}",
                crate::tr!(
                    "# gangmu 配置：默认值（{p} 不存在；存到那里再修改）",
                    "# gangmu configuration: the defaults ({p} does not exist; save this there to change it)"
                )
            )
        }
        None => writeln!(
            s,
            "{}",
            tr(
                "# gangmu 配置：默认值",
                "# gangmu configuration: the defaults"
            )
        ),
    };
    s.push_str(tr(
        "# 命令行选项优先于本文件。\n\n",
        "# Options on the command line win over this file.\n\n",
    ));

    let settings: [(&str, &str, String); 10] = [
        (
            "lang",
            tr(
                "界面语言：\"zh\"、\"en\" 或 \"auto\"（locale 以 zh 开头时为中文）。",
                "Interface language: \"zh\", \"en\", or \"auto\" (zh when the locale starts with zh).",
            ),
            format!(
                "\"{}\"",
                config.lang.unwrap_or(crate::lang::Setting::Auto).as_str()
            ),
        ),
        (
            "ambiguous",
            tr(
                "“ ” … — · × 的宽度：\"narrow\"（一列）或 \"wide\"（两列）。",
                "How wide “ ” … — · × are: \"narrow\" (one column) or \"wide\" (two).",
            ),
            word(&config.ambiguous.unwrap_or(Ambiguous::Narrow)),
        ),
        (
            "theme",
            tr(
                "配色：深色背景 \"dark\"、浅色背景 \"light\"；\"auto\" 询问终端。",
                "Colours for a \"dark\" or \"light\" background; \"auto\" asks the terminal.",
            ),
            word(&config.theme.unwrap_or(ThemeArg::Auto)),
        ),
        (
            "color",
            tr(
                "\"auto\"（未设 NO_COLOR 时用颜色）、\"always\" 或 \"never\"（只用粗体、反显等）。",
                "\"auto\" (colour unless NO_COLOR is set), \"always\" or \"never\" (attributes only).",
            ),
            word(&config.color.unwrap_or(ColorArg::Auto)),
        ),
        (
            "tree_width",
            tr(
                "目录宽度（列）；0 由 gangmu 决定（屏幕的五分之二）。",
                "Tree width in columns; 0 lets gangmu choose (two fifths of the screen).",
            ),
            config.tree_width.unwrap_or(0).to_string(),
        ),
        (
            "text_width",
            tr(
                "正文每行最多几列（80 = 40 个汉字）；0 = 整个窗格。",
                "Widest text line in columns (80 = 40 Chinese characters); 0 = the whole pane.",
            ),
            config
                .text_width
                .unwrap_or(crate::app::state::DEFAULT_TEXT_WIDTH)
                .to_string(),
        ),
        (
            "rate",
            tr(
                "t（讲话时长）所用语速，每分钟字数。",
                "Speaking rate for t (speaking time), in 字 a minute.",
            ),
            config
                .rate
                .unwrap_or(crate::app::state::DEFAULT_RATE)
                .to_string(),
        ),
        (
            "mouse",
            tr(
                "使用鼠标（false：终端自己的选择和复制可用）。",
                "Capture the mouse (false: the terminal's own selection and copy work).",
            ),
            config.mouse.unwrap_or(true).to_string(),
        ),
        (
            "restore",
            tr(
                "每篇讲话回到上次读到的位置，标记在两次运行之间保留。",
                "Open each speech where it was left, keep marks between runs.",
            ),
            config.restore.unwrap_or(true).to_string(),
        ),
        (
            "watch",
            tr(
                "文件在磁盘上改动后重新读入。",
                "Read files again when they change on disk.",
            ),
            config.watch.unwrap_or(true).to_string(),
        ),
    ];
    for (key, about, value) in settings {
        let _ = writeln!(s, "# {about}\n{key} = {value}\n");
    }
    s.push_str(tr(
        "# 按角色设置颜色，覆盖配色方案：颜色、`on` 背景色、属性\n\
         # （bold dim italic underline reverse）：\"yellow\"、\"black on cyan\"、\"bold #ffd700\"。\n\
         # 设了 NO_COLOR 时只有属性起作用。\n[colors]\n",
        "# Colours by role, over the theme's: a colour, `on` a background, attributes\n\
         # (bold dim italic underline reverse): \"yellow\", \"black on cyan\", \"bold #ffd700\".\n\
         # Under NO_COLOR only the attributes count.\n[colors]\n",
    ));
    for (role, about) in crate::view::theme::ROLES {
        match config.colors.iter().find(|(r, _)| r.get_ref() == role) {
            Some((_, style)) => {
                let _ = writeln!(s, "{role} = {}  # {about}", toml_key(style.get_ref()));
            }
            None => {
                let _ = writeln!(s, "# {role} = \"…\"  # {about}");
            }
        }
    }
    s.push('\n');
    s.push_str(tr(
        "# 按键：键 = 动作。键名：j、G、?、space、enter、esc、tab、up、pagedown、\n\
         # ctrl-d、alt-q、shift-up、f1、delete…… 动作写 \"none\" 取消默认按键。\n\
         # [keys.tree] 和 [keys.text] 在各自窗格中优先于 [keys.global]。\n",
        "# Key bindings: key = action. Keys: j, G, ?, space, enter, esc, tab, up, pagedown,\n\
         # ctrl-d, alt-q, shift-up, f1, delete… An action of \"none\" unbinds a default key.\n\
         # [keys.tree] and [keys.text] win over [keys.global] in their pane.\n",
    ));
    let defaults = KeyMap::defaults();
    for (name, map, default) in [
        ("global", &km.global, &defaults.global),
        ("tree", &km.tree, &defaults.tree),
        ("text", &km.text, &defaults.text),
    ] {
        let _ = writeln!(s, "\n[keys.{name}]");
        // Keys in a stable order; default keys that were unbound say so, so that the
        // file read back is this configuration.
        let mut lines: BTreeMap<&String, String> = map.iter().map(|(k, a)| (k, word(a))).collect();
        for k in default.keys().filter(|k| !map.contains_key(*k)) {
            lines.insert(k, "\"none\"".into());
        }
        for (key, value) in lines {
            let name = crate::tui::keyname::config_name(key);
            let _ = writeln!(s, "{} = {value}", toml_key(&name));
        }
    }
    s
}

/// A value as TOML writes it: `"narrow"`, `{ depth = 2 }`.
fn word<T: serde::Serialize>(v: &T) -> String {
    toml::Value::try_from(v).map_or_else(|_| "\"?\"".into(), |v| v.to_string())
}

/// A key as a TOML key: quoted, with `"` and `\` escaped.
fn toml_key(k: &str) -> String {
    toml::Value::String(k.to_string()).to_string()
}
