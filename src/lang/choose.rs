//! Which language, once at startup: `--lang` over `GANGMU_LANG` over the config file's
//! `lang` over the locale, read as gettext reads it.

use super::Lang;
use serde::Deserialize;
use std::ffi::OsString;
use std::path::PathBuf;

/// `lang = …` in config.toml: a language, or `auto` (the locale's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Setting {
    Zh,
    En,
    Auto,
}

impl Setting {
    pub fn as_str(self) -> &'static str {
        match self {
            Setting::Zh => "zh",
            Setting::En => "en",
            Setting::Auto => "auto",
        }
    }
}

/// The first choice made: `flag`, else `env` (`zh…` or `en…`; anything else is passed
/// over), else `config` unless it is `auto`, else `locale`.
pub fn choose(
    flag: Option<Lang>,
    env: Option<&str>,
    config: Option<Setting>,
    locale: Lang,
) -> Lang {
    let env = env.and_then(|v| {
        let v = v.trim().to_ascii_lowercase();
        if v.starts_with("zh") {
            Some(Lang::Zh)
        } else if v.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    });
    let config = config.and_then(|c| match c {
        Setting::Zh => Some(Lang::Zh),
        Setting::En => Some(Lang::En),
        Setting::Auto => None,
    });
    flag.or(env).or(config).unwrap_or(locale)
}

/// The locale's language as gettext finds it: the first non-empty of `LC_ALL`,
/// `LC_MESSAGES` and `LANG`; Chinese when it starts with `zh`, else English (unset,
/// `C`, `POSIX` and every other language included).
pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(&var)
        .find(|v| !v.is_empty());
    match value {
        Some(v) if v.starts_with("zh") => Lang::Zh,
        _ => Lang::En,
    }
}

/// The language for this run, from the command line's arguments (read before clap
/// parses them, as `--help` is already in the language), the environment and the config
/// file. A config file that does not parse has no say here; loading it reports it.
pub fn startup(args: &[OsString]) -> Lang {
    let (flag, config_arg) = scan(args);
    let var = |k: &str| std::env::var(k).ok();
    let config = crate::config::path(config_arg.map(PathBuf::from).as_deref())
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|text| config_setting(&text));
    choose(
        flag,
        var("GANGMU_LANG").as_deref(),
        config,
        from_locale(var),
    )
}

/// `lang` of a config file's text, when it is one of the values.
fn config_setting(text: &str) -> Option<Setting> {
    let table: toml::Table = toml::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    table.get("lang")?.clone().try_into().ok()
}

/// `--lang` and `--config` on the command line, before `--`.
fn scan(args: &[OsString]) -> (Option<Lang>, Option<OsString>) {
    let (mut lang, mut config) = (None, None);
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let Some(s) = a.to_str() else { continue };
        if s == "--" {
            break;
        }
        let value = |name: &str, it: &mut std::iter::Skip<std::slice::Iter<OsString>>| {
            if s == name {
                it.next().cloned()
            } else {
                s.strip_prefix(name)
                    .and_then(|r| r.strip_prefix('='))
                    .map(OsString::from)
            }
        };
        if let Some(v) = value("--lang", &mut it) {
            lang = match v.to_str() {
                Some("zh") => Some(Lang::Zh),
                Some("en") => Some(Lang::En),
                _ => lang,
            };
        } else if let Some(v) = value("--config", &mut it) {
            config = Some(v);
        }
    }
    (lang, config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_then_env_then_config_then_locale() {
        use Lang::*;
        assert_eq!(choose(Some(En), Some("zh"), Some(Setting::Zh), Zh), En);
        assert_eq!(choose(None, Some("zh_CN.UTF-8"), Some(Setting::En), En), Zh);
        assert_eq!(choose(None, Some("auto"), Some(Setting::En), Zh), En);
        assert_eq!(choose(None, Some(""), Some(Setting::Auto), Zh), Zh);
        assert_eq!(choose(None, None, None, En), En);
    }

    #[test]
    fn the_locale_is_read_as_gettext_reads_it() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(from_locale(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(from_locale(env(&[("LANG", "zh_TW.Big5")])), Lang::Zh);
        assert_eq!(
            from_locale(env(&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            from_locale(env(&[("LC_MESSAGES", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            from_locale(env(&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "C")])),
            Lang::Zh
        );
        assert_eq!(from_locale(env(&[("LANG", "C")])), Lang::En);
        assert_eq!(from_locale(env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
        assert_eq!(from_locale(env(&[])), Lang::En);
    }

    #[test]
    fn the_command_line_is_scanned_before_clap() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(scan(&args(&["gangmu", "--lang", "en"])).0, Some(Lang::En));
        assert_eq!(
            scan(&args(&["gangmu", "outline", "--lang=zh", "a.txt"])).0,
            Some(Lang::Zh)
        );
        assert_eq!(scan(&args(&["gangmu", "--", "--lang", "en"])).0, None);
        let (_, config) = scan(&args(&["gangmu", "--config", "c.toml"]));
        assert_eq!(config, Some(OsString::from("c.toml")));
        assert_eq!(config_setting("lang = \"en\"\n"), Some(Setting::En));
        assert_eq!(config_setting("lang = \"fr\"\n"), None);
        assert_eq!(config_setting("lang = \n"), None);
    }
}
