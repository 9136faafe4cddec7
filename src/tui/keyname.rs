//! Key names. Inside, keys are named as in vim (`j`, `G`, `<c-d>`, `<a-q>`, `<s-up>`,
//! `<f1>`, `<del>`); a config file may also name them as helix and broot do (`ctrl-d`,
//! `alt-q`, `shift-up`, `f1`, `delete`), which `crokey` reads. Every name is checked:
//! an unknown one is an error, not a binding that never fires.

use crossterm::event::{KeyCode, KeyModifiers};

/// The vim-style name of a key with its modifiers, or `None` for keys gangmu never binds
/// (media keys, lone modifiers).
pub fn name(code: KeyCode, mods: KeyModifiers) -> Option<String> {
    let ctrl = mods.contains(KeyModifiers::CONTROL);
    let alt = mods.contains(KeyModifiers::ALT);
    let shift = mods.contains(KeyModifiers::SHIFT);
    let named = match code {
        KeyCode::Char(' ') => "space".to_string(),
        KeyCode::Char(c) => {
            // A typed character carries its case; Ctrl-letters are named in lower case.
            let c = if ctrl {
                c.to_ascii_lowercase()
            } else if shift {
                c.to_uppercase().next().unwrap_or(c)
            } else {
                c
            };
            if !ctrl && !alt {
                return Some(c.to_string());
            }
            let mut s = String::from("<");
            if ctrl {
                s.push_str("c-");
            }
            if alt {
                s.push_str("a-");
            }
            s.push(c);
            s.push('>');
            return Some(s);
        }
        KeyCode::Enter => "enter".into(),
        KeyCode::Tab => "tab".into(),
        KeyCode::BackTab => return Some("<backtab>".into()),
        KeyCode::Esc => "esc".into(),
        KeyCode::Backspace => "bs".into(),
        KeyCode::Delete => "del".into(),
        KeyCode::Insert => "ins".into(),
        KeyCode::Up => "up".into(),
        KeyCode::Down => "down".into(),
        KeyCode::Left => "left".into(),
        KeyCode::Right => "right".into(),
        KeyCode::PageDown => "pgdn".into(),
        KeyCode::PageUp => "pgup".into(),
        KeyCode::Home => "home".into(),
        KeyCode::End => "end".into(),
        KeyCode::F(n) if (1..=24).contains(&n) => format!("f{n}"),
        _ => return None,
    };
    let mut s = String::from("<");
    for (on, p) in [(ctrl, "c-"), (alt, "a-"), (shift, "s-")] {
        if on {
            s.push_str(p);
        }
    }
    s.push_str(&named);
    s.push('>');
    Some(s)
}

/// The inside name of a key as a config names it: one character as it is (`G` is
/// shift-g, `?` is `?`), a vim-style name, or a crokey name (`ctrl-d`, `alt-q`,
/// `shift-up`, `f1`, `delete`, `space`).
pub fn parse(key: &str) -> Result<String, String> {
    let unknown = || format!("unknown key name '{key}'");
    let mut chars = key.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return if c.is_control() {
            Err(unknown())
        } else {
            Ok(c.to_string())
        };
    }
    if key.starts_with('<') && key.ends_with('>') {
        // Vim style: check it by reading it as the crokey name it stands for.
        return parse_crokey(&config_name(key)).map_err(|_| unknown());
    }
    parse_crokey(key).map_err(|_| unknown())
}

fn parse_crokey(key: &str) -> Result<String, ()> {
    let combo = crokey::parse(key).map_err(|_| ())?;
    let mut codes = combo.codes.iter();
    match (codes.next(), codes.next()) {
        (Some(&code), None) => name(code, combo.modifiers).ok_or(()),
        _ => Err(()),
    }
}

/// A key as a config file writes it: `ctrl-d`, `alt-q`, `shift-up`, `pagedown`, `G`.
pub fn config_name(name: &str) -> String {
    let Some((mut out, rest)) = modifiers(name, ["ctrl-", "alt-", "shift-"]) else {
        return name.to_string();
    };
    out.push_str(match rest {
        "bs" => "backspace",
        "del" => "delete",
        "ins" => "insert",
        "pgdn" => "pagedown",
        "pgup" => "pageup",
        other => other,
    });
    out
}

/// A vim-style name's modifiers written with `words` (for Ctrl, Alt, Shift), and the
/// key after them; `None` for a name that is not in `<>`.
fn modifiers<'a>(name: &'a str, words: [&str; 3]) -> Option<(String, &'a str)> {
    let mut rest = name.strip_prefix('<')?.strip_suffix('>')?;
    let mut out = String::new();
    for (p, w) in ["c-", "a-", "s-"].into_iter().zip(words) {
        if let Some(r) = rest.strip_prefix(p)
            && !r.is_empty()
        {
            out.push_str(w);
            rest = r;
        }
    }
    Some((out, rest))
}

/// How a key is shown in the help: `Ctrl-d`, `↓`, `空格`, `PgDn`.
pub fn shown(name: &str) -> String {
    let Some((mut out, rest)) = modifiers(name, ["Ctrl-", "Alt-", "Shift-"]) else {
        return name.to_string();
    };
    let base = match rest {
        "space" => crate::lang::tr("空格", "Space"),
        "enter" => "Enter",
        "tab" => "Tab",
        "backtab" => "Shift-Tab",
        "esc" => "Esc",
        "bs" => "Backspace",
        "del" => "Del",
        "ins" => "Ins",
        "up" => "↑",
        "down" => "↓",
        "left" => "←",
        "right" => "→",
        "pgdn" => "PgDn",
        "pgup" => "PgUp",
        "home" => "Home",
        "end" => "End",
        f if f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
            return format!("{out}F{}", &f[1..]);
        }
        other => other,
    };
    out.push_str(base);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_names_in_either_style_become_one_name() {
        for (given, inside) in [
            ("j", "j"),
            ("G", "G"),
            ("shift-g", "G"),
            ("?", "?"),
            ("ctrl-d", "<c-d>"),
            ("<c-d>", "<c-d>"),
            ("alt-q", "<a-q>"),
            ("<a-q>", "<a-q>"),
            ("shift-up", "<s-up>"),
            ("f1", "<f1>"),
            ("F12", "<f12>"),
            ("delete", "<del>"),
            ("<del>", "<del>"),
            ("space", "<space>"),
            ("<space>", "<space>"),
            ("pagedown", "<pgdn>"),
            ("<pgdn>", "<pgdn>"),
            ("esc", "<esc>"),
            ("enter", "<enter>"),
            ("ctrl-alt-x", "<c-a-x>"),
        ] {
            assert_eq!(parse(given).as_deref(), Ok(inside), "{given}");
        }
        // Written back as a config writes it, each name reads as itself.
        for inside in [
            "<c-d>",
            "<a-q>",
            "<s-up>",
            "<pgdn>",
            "<del>",
            "<backtab>",
            "<space>",
            "<c-a-x>",
            "<f3>",
            "G",
            "?",
        ] {
            assert_eq!(parse(&config_name(inside)).as_deref(), Ok(inside));
        }
        for bad in [
            "foo",
            "ctrl-",
            "<c-nothing>",
            "a-b",
            "<>",
            "\u{7}",
            "super-x-y",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn alt_and_shift_are_part_of_the_name() {
        use KeyCode::*;
        let none = KeyModifiers::NONE;
        assert_eq!(name(Char('q'), none).as_deref(), Some("q"));
        // Alt-q is not q: it does not quit.
        assert_eq!(name(Char('q'), KeyModifiers::ALT).as_deref(), Some("<a-q>"));
        assert_eq!(name(Char('G'), KeyModifiers::SHIFT).as_deref(), Some("G"));
        assert_eq!(
            name(Char('D'), KeyModifiers::CONTROL).as_deref(),
            Some("<c-d>")
        );
        assert_eq!(name(Up, KeyModifiers::SHIFT).as_deref(), Some("<s-up>"));
        assert_eq!(
            name(BackTab, KeyModifiers::SHIFT).as_deref(),
            Some("<backtab>")
        );
        assert_eq!(name(F(5), none).as_deref(), Some("<f5>"));
        assert_eq!(name(Null, none), None);
    }

    #[test]
    fn names_as_the_help_shows_them() {
        assert_eq!(shown("<c-d>"), "Ctrl-d");
        assert_eq!(shown("<down>"), "↓");
        assert_eq!(shown("<a-q>"), "Alt-q");
        assert_eq!(shown("<f1>"), "F1");
        assert_eq!(shown("G"), "G");
    }
}
