use super::*;
use crate::app::Action;

fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("config.toml");
    std::fs::write(&p, text).unwrap();
    (dir, p)
}

#[test]
fn settings_and_keys_are_read_and_laid_over_the_defaults() {
    // The messages checked are the English ones.
    crate::lang::pin(crate::lang::Lang::En);
    let (_d, p) = write(
        "rate = 180\nmouse = false\ntheme = \"light\"\n\n[keys.global]\n\"ctrl-n\" = \"next_heading\"\nq = \"none\"\n\"alt-q\" = \"quit\"\n\n[keys.tree]\nx = \"toggle\"\n\"<f2>\" = { depth = 2 }\n",
    );
    let l = load(Some(&p)).expect("valid");
    assert_eq!(l.config.rate, Some(180));
    assert_eq!(l.config.mouse, Some(false));
    assert_eq!(l.config.theme, Some(crate::cli::ThemeArg::Light));
    let (_d2, p2) = write("lang = \"en\"\n");
    let lang = load(Some(&p2)).expect("valid").config.lang;
    assert_eq!(lang, Some(crate::lang::Setting::En));
    let km = &l.keymap;
    assert_eq!(km.lookup(true, "<c-n>"), Some(&Action::NextHeading));
    // q unbound, Alt-q quits instead.
    assert_eq!(km.lookup(true, "q"), None);
    assert_eq!(km.lookup(true, "<a-q>"), Some(&Action::Quit));
    assert_eq!(km.lookup(true, "x"), Some(&Action::Toggle));
    assert_eq!(km.lookup(true, "<f2>"), Some(&Action::Depth(2)));
    // The rest are the defaults.
    assert_eq!(km.lookup(false, "j"), Some(&Action::Down));
}

#[test]
fn errors_name_the_line() {
    // The messages checked are the English ones.
    crate::lang::pin(crate::lang::Lang::En);
    for (text, line, says) in [
        ("rate = 200\ncolour = \"never\"\n", 2, "colour"),
        (
            "[keys.global]\nj = \"down\"\n\"ctrl-nothing\" = \"quit\"\n",
            3,
            "unknown key name",
        ),
        ("[keys.tree]\n\nx = \"explode\"\n", 3, "unknown action"),
        ("[keyz]\n", 1, "keyz"),
        ("[keys.side]\nx = \"quit\"\n", 1, "side"),
        ("rate = \"fast\"\n", 1, "fast"),
        ("ambiguous = \"medium\"\n", 1, "medium"),
        ("lang = \"fr\"\n", 1, "fr"),
        ("theme = \"dark\"\n\nrate = 0\n", 3, "at least 1"),
    ] {
        let (_d, p) = write(text);
        let e = load(Some(&p)).expect_err(text);
        let at = format!("config.toml:{line}: ");
        assert!(e.contains(&at), "{text}: {e}");
        assert!(e.contains(says), "{text}: {e}");
        assert!(!e.contains('\n'), "one line: {e}");
    }
}

#[test]
fn a_missing_file_is_the_defaults_and_an_unreadable_one_a_note() {
    // The messages checked are the English ones.
    crate::lang::pin(crate::lang::Lang::En);
    let dir = tempfile::tempdir().unwrap();
    let l = load(Some(&dir.path().join("none.toml"))).expect("no error");
    assert_eq!(l.config, Config::default());
    assert_eq!(l.keymap, KeyMap::defaults());
    // A folder where the file should be: read fails, the defaults are used.
    let l = load(Some(dir.path())).expect("no error");
    assert!(
        l.notes.iter().any(|n| n.contains("defaults")),
        "{:?}",
        l.notes
    );
}

#[test]
fn the_printed_configuration_reads_back_as_itself() {
    // The messages checked are the English ones.
    crate::lang::pin(crate::lang::Lang::En);
    let (_d, p) = write(
        "rate = 150\n[keys.text]\n\"ctrl-j\" = \"down\"\nb = \"none\"\n[colors]\nmatch = \"black on green\"\n",
    );
    let l = load(Some(&p)).unwrap();
    let printed = render(&l.config, &l.keymap, Some(&p), true);
    assert!(printed.contains("rate = 150"));
    assert!(printed.contains("# Speaking rate"));
    assert!(printed.contains("\"b\" = \"none\""), "{printed}");
    let (_d2, p2) = write(&printed);
    let again = load(Some(&p2)).expect("the printed config is valid");
    assert_eq!(again.keymap, l.keymap);
    assert_eq!(again.config.rate, Some(150));
    assert_eq!(again.config.mouse, Some(true));
    assert_eq!(again.colors, l.colors);
}

#[test]
fn colours_by_role_and_their_errors() {
    // The messages checked are the English ones.
    crate::lang::pin(crate::lang::Lang::En);
    let (_d, p) = write("[colors]\nheading1 = \"magenta bold\"\nselection = \"black on yellow\"\n");
    let l = load(Some(&p)).unwrap();
    assert_eq!(l.colors.len(), 2);
    let mut st = crate::view::theme::Styles::from(crate::view::theme::Theme::Dark);
    for (r, s) in &l.colors {
        assert!(st.set(r, *s));
    }
    assert_eq!(
        st.heading(1, false).fg,
        Some(ratatui::style::Color::Magenta)
    );
    for (text, line, says) in [
        (
            "[colors]\n\nheadline = \"red\"\n",
            3,
            "unknown colour role 'headline'",
        ),
        ("[colors]\nmatch = \"red on\"\n", 2, "`on`"),
        ("[colors]\nmatch = \"rouge\"\n", 2, "unknown colour 'rouge'"),
    ] {
        let (_d, p) = write(text);
        let e = load(Some(&p)).expect_err(text);
        assert!(
            e.contains(&format!("config.toml:{line}: ")) && e.contains(says),
            "{e}"
        );
    }
}
