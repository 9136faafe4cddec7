//! gangmu in pipelines and scripts: colour, output formats for other programs, standard
//! input, closed pipes. Every run has a watchdog (`common::run`).

mod common;

use common::run::{Done, GOOD, command, finish};
use std::process::Stdio;

/// Runs gangmu with `stdin` as its standard input and `env` set.
fn run_with(args: &[&str], stdin: Stdio, env: &[(&str, &str)]) -> Done {
    let mut c = command(args);
    c.stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("NO_COLOR");
    for (k, v) in env {
        c.env(k, v);
    }
    finish(c.spawn().expect("spawn gangmu"))
}

fn run(args: &[&str]) -> Done {
    run_with(args, Stdio::null(), &[])
}

/// A scratch folder with `good.txt`, removed at the end of the test.
fn folder() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("good.txt"), GOOD).expect("good.txt");
    let good = dir.path().join("good.txt").display().to_string();
    (dir, good)
}

#[test]
fn outline_text_is_coloured_only_when_asked_or_on_a_terminal() {
    let (_dir, good) = folder();
    let always = run(&["outline", "--color", "always", &good]);
    assert_eq!(always.code, Some(0), "{}", always.stderr);
    // Markers in their colour, heading titles bold, the path as search shows it.
    assert!(
        always
            .stdout
            .contains("\x1b[36m一、\x1b[0m\x1b[1m提高站位\x1b[0m"),
        "{:?}",
        always.stdout
    );
    assert!(
        always.stdout.contains("\x1b[36m一是\x1b[0m 抓项目"),
        "{:?}",
        always.stdout
    );
    assert!(always.stdout.contains("\x1b[35m"), "{:?}", always.stdout);
    // Without the codes, the same text.
    let plain = run(&["outline", "--color", "never", &good]);
    assert!(!plain.stdout.contains('\x1b'), "{:?}", plain.stdout);
    assert_eq!(strip_sgr(&always.stdout), plain.stdout);
    // auto into a pipe: no colour, NO_COLOR or not.
    let auto = run(&["outline", &good]);
    assert_eq!(auto.stdout, plain.stdout);
    // NO_COLOR turns auto off, and `always` still wins over it, as in the browser.
    let no_color = run_with(
        &["outline", "--color", "always", &good],
        Stdio::null(),
        &[("NO_COLOR", "1")],
    );
    assert_eq!(no_color.stdout, always.stdout);
    // Only text is coloured: JSON and Markdown never are.
    for format in ["json", "markdown"] {
        let d = run(&["outline", "--color", "always", "--format", format, &good]);
        assert!(!d.stdout.contains('\x1b'), "{format}: {:?}", d.stdout);
    }
}

#[test]
fn check_colours_warning_and_note_as_rustc_does() {
    let (dir, _) = folder();
    let draft = dir.path().join("draft.txt");
    std::fs::write(
        &draft,
        "在会议上的讲话\n同志们：\n一、抓项目\n正文。\n三、抓招商\n正文。\n",
    )
    .unwrap();
    let draft = draft.display().to_string();
    let d = run(&["check", "--color", "always", &draft]);
    assert_eq!(d.code, Some(1), "{}", d.stderr);
    assert!(
        d.stdout
            .contains(":5:1:\x1b[0m \x1b[1;33mwarning:\x1b[0m numbering gap"),
        "{:?}",
        d.stdout
    );
    let plain = run(&["check", "--color", "never", &draft]);
    assert_eq!(strip_sgr(&d.stdout), plain.stdout);
    assert!(!plain.stdout.contains('\x1b'));
}

#[test]
fn error_lines_follow_color_on_stderr() {
    for cmd in [&["outline"][..], &["search", "抓"][..], &["check"][..]] {
        let mut args = cmd.to_vec();
        args.extend(["--color", "always", "missing.txt"]);
        let d = run(&args);
        assert_eq!(
            d.stderr,
            "\x1b[1;31mgangmu:\x1b[0m \x1b[35mmissing.txt\x1b[0m: no such file or directory\n",
            "{args:?}"
        );
        let mut args = cmd.to_vec();
        args.extend(["missing.txt"]);
        let d = run(&args);
        // auto: stderr is a pipe here.
        assert_eq!(
            d.stderr, "gangmu: missing.txt: no such file or directory\n",
            "{args:?}"
        );
    }
}

/// The text without SGR sequences (`ESC [ … m`).
fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find("\x1b[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let end = after.find('m').expect("an SGR ends with m");
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}
