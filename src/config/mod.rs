//! `config.toml`: the browser's settings and key bindings, in the platform's config
//! folder (`$XDG_CONFIG_HOME/gangmu/config.toml` on Linux, `~/Library/Application
//! Support/gangmu/config.toml` on macOS, `%APPDATA%\gangmu\config.toml` on Windows),
//! or the file `--config` or `GANGMU_CONFIG` names. Settings on the command line win
//! over the file; the file wins over the defaults.

mod keys;
mod render;

use crate::app::KeyMap;
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub use keys::KeysConfig;
pub use render::render;

/// The settings a config file may hold; every one optional.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Interface language: `zh`, `en` or `auto` (the locale's). Read at startup, before
    /// the rest (`lang::startup`), so that `--help` is in it.
    pub lang: Option<crate::lang::Setting>,
    /// `narrow` or `wide`.
    pub ambiguous: Option<crate::cli::Ambiguous>,
    /// `auto`, `dark` or `light`.
    pub theme: Option<crate::cli::ThemeArg>,
    /// `auto`, `always` or `never`.
    pub color: Option<crate::cli::ColorArg>,
    /// Tree width in columns (0: gangmu's choice).
    pub tree_width: Option<u16>,
    /// Widest text line in columns (0: the pane's width).
    pub text_width: Option<u16>,
    /// Speaking rate for `t`, in 字 a minute.
    pub rate: Option<u32>,
    pub mouse: Option<bool>,
    pub restore: Option<bool>,
    pub watch: Option<bool>,
    pub keys: KeysConfig,
    /// Styles by role (`heading1 = "magenta"`, `selection = "black on yellow"`).
    pub colors: std::collections::BTreeMap<toml::Spanned<String>, toml::Spanned<String>>,
}

/// Where the config file is: `--config`, else `GANGMU_CONFIG`, else the platform's
/// config folder. `None` when there is no home to look in.
pub fn path(given: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = given {
        return Some(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("GANGMU_CONFIG").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(p));
    }
    dirs::config_dir().map(|d| d.join("gangmu").join("config.toml"))
}

/// A role of the `[colors]` table and its style.
pub type Colour = (String, ratatui::style::Style);

/// What loading the config gave: the settings, the keys, and lines to tell the user.
#[derive(Debug, Default)]
pub struct Loaded {
    pub config: Config,
    pub keymap: KeyMap,
    /// The `[colors]` table, checked.
    pub colors: Vec<Colour>,
    /// Notes that do not stop anything (an unreadable file, a deprecated keys.json).
    pub notes: Vec<String>,
}

/// Reads the config at `path`. A missing file is the defaults; a file that cannot be
/// read is a note and the defaults; a file with an error (bad TOML, an unknown setting
/// or section, a key or action that does not exist) is an error naming its line.
pub fn load(path: Option<&Path>) -> Result<Loaded, String> {
    let mut out = Loaded {
        keymap: KeyMap::defaults(),
        ..Loaded::default()
    };
    // The old key file, laid under the config's keys.
    if let Some((km, note)) = keys::legacy() {
        out.keymap = km;
        out.notes.extend(note);
    }
    let Some(path) = path else { return Ok(out) };
    let text = match std::fs::read(path) {
        Ok(b) => match String::from_utf8(b) {
            Ok(t) => t,
            Err(_) => {
                let p = path.display();
                return Err(crate::tr!(
                    "gangmu: {p}: 不是 UTF-8 文本",
                    "gangmu: {p}: not UTF-8 text"
                ));
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => {
            let (p, why) = (path.display(), crate::corpus::find::io_reason(&e));
            out.notes.push(crate::tr!(
                "gangmu: {p}: {why}；使用默认设置",
                "gangmu: {p}: {why}; the defaults are used"
            ));
            return Ok(out);
        }
    };
    let text = text.trim_start_matches('\u{feff}');
    let at = |span: Option<std::ops::Range<usize>>| {
        let line = span.map_or(1, |s| {
            text[..s.start.min(text.len())].matches('\n').count() + 1
        });
        format!("gangmu: {}:{line}", path.display())
    };
    let config: Config = toml::from_str(text).map_err(|e| {
        let msg = e.message().trim_end().replace('\n', "; ");
        // serde's words (`invalid type: string "fast", expected u32`) do not name the
        // setting: the line does.
        let line = e.span().map_or("", |s| {
            let start = text[..s.start.min(text.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            text[start..].lines().next().unwrap_or("").trim()
        });
        if line.is_empty() || line.starts_with('[') {
            format!("{}: {msg}", at(e.span()))
        } else {
            format!("{}: {msg} in `{line}`", at(e.span()))
        }
    })?;
    config
        .keys
        .apply(&mut out.keymap)
        .map_err(|(span, msg)| format!("{}: {msg}", at(Some(span))))?;
    if config.rate == Some(0) {
        let line = text
            .lines()
            .position(|l| l.trim_start().starts_with("rate"))
            .map_or(0, |i| text.lines().take(i).map(|l| l.len() + 1).sum());
        let at = at(Some(line..line));
        return Err(crate::tr!(
            "{at}: rate 至少是 1（每分钟的字数；通常是 220）",
            "{at}: rate must be at least 1 (字 a minute; 220 is the usual pace)"
        ));
    }
    out.colors = colors(&config).map_err(|(span, msg)| format!("{}: {msg}", at(Some(span))))?;
    out.config = config;
    Ok(out)
}

/// The `[colors]` table's roles and styles; the first unknown role or bad style, with
/// where it is.
fn colors(config: &Config) -> Result<Vec<Colour>, (std::ops::Range<usize>, String)> {
    use crate::view::theme::{ROLES, parse_style};
    let mut out = Vec::new();
    for (role, style) in &config.colors {
        if !ROLES.iter().any(|(r, _)| r == role.get_ref()) {
            let known: Vec<&str> = ROLES.iter().map(|(r, _)| *r).collect();
            return Err((role.span(), {
                let (role, known) = (role.get_ref(), known.join(", "));
                crate::tr!(
                    "没有颜色角色“{role}”（有：{known}）",
                    "unknown colour role '{role}' (known: {known})"
                )
            }));
        }
        let st = parse_style(style.get_ref()).map_err(|e| (style.span(), e))?;
        out.push((role.get_ref().clone(), st));
    }
    Ok(out)
}

/// `gangmu config`: the configuration in effect, or (`--path`) where it is looked for.
pub fn run(args: &crate::cli::ConfigArgs) -> std::process::ExitCode {
    use std::io::Write as _;
    let path = path(args.config.as_deref());
    let text = if args.path {
        path.as_ref().map_or_else(
            || crate::lang::tr("（没有配置文件夹）", "(no config folder)").into(),
            |p| p.display().to_string(),
        ) + "\n"
    } else {
        match load(path.as_deref()) {
            Ok(l) => {
                for n in &l.notes {
                    crate::export::say(&crate::text::sanitize(n));
                }
                let found = path.as_ref().is_some_and(|p| p.is_file());
                render(&l.config, &l.keymap, path.as_deref(), found)
            }
            Err(e) => {
                crate::export::say(&crate::text::sanitize(&e));
                return std::process::ExitCode::from(2);
            }
        }
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::ExitCode::SUCCESS,
        Err(_) => std::process::ExitCode::from(2),
    }
}

#[cfg(test)]
mod tests;
