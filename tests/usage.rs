//! What gangmu says about itself: --help with examples, a mistyped subcommand, shell
//! completions and the man page.

mod common;

use common::run::{Done, run};

fn ok(d: &Done) -> &str {
    assert_eq!(d.code, Some(0), "{}", d.stderr);
    &d.stdout
}

#[test]
fn every_help_has_examples_and_exit_statuses() {
    for (args, example) in [
        (&["--help"][..], "cat 讲话.txt | gangmu "),
        (&["outline", "--help"][..], "gangmu outline -f jsonl"),
        (&["search", "--help"][..], "gangmu search -c 招商"),
        (
            &["check", "--help"][..],
            "gangmu check --rule numbering,junk",
        ),
        (&["completions", "--help"][..], "gangmu completions bash"),
        (&["man", "--help"][..], "gangmu man"),
    ] {
        let d = run(args);
        let help = ok(&d);
        assert!(help.contains("Examples:"), "{args:?}: {help}");
        assert!(help.contains(example), "{args:?}: {help}");
        if args.len() == 2 && args[0] != "completions" && args[0] != "man" {
            assert!(help.contains("Exit status: 0 when"), "{args:?}: {help}");
        }
    }
    // The short help too, and the top one says where the config and the state live.
    let d = run(&["-h"]);
    let help = ok(&d);
    assert!(
        help.contains("$XDG_CONFIG_HOME/gangmu/config.toml"),
        "{help}"
    );
    assert!(help.contains("$XDG_STATE_HOME/gangmu/state.json"), "{help}");
    assert!(help.contains("Exit status: 0 success"), "{help}");
    assert!(ok(&run(&["outline", "-h"])).contains("Examples:"));
}

#[test]
fn a_mistyped_subcommand_is_a_usage_error_with_a_suggestion() {
    for (typed, meant) in [
        ("outlin", "outline"),
        ("serach", "search"),
        ("chek", "check"),
        ("completion", "completions"),
    ] {
        let d = run(&[typed, "x.txt"]);
        assert_eq!(d.code, Some(2), "{typed}: {}", d.stderr);
        assert_eq!(
            d.stderr.lines().next().unwrap(),
            format!("error: no such subcommand or path '{typed}'; did you mean '{meant}'?")
        );
        assert!(d.stdout.is_empty());
    }
}

#[test]
fn a_missing_file_still_goes_to_the_browser() {
    // `gangmu missing.txt` opens the browser, which says the file could not be read;
    // here stdout is no terminal, so the browser says it needs one (and no suggestion).
    let d = run(&["missing.txt"]);
    assert_eq!(d.code, Some(1), "{}", d.stderr);
    assert!(
        d.stderr.contains("the browser needs a terminal"),
        "{}",
        d.stderr
    );
    assert!(!d.stderr.contains("did you mean"), "{}", d.stderr);
    // A file that exists under a near name is a file, not a typo.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("outlin"), common::run::GOOD).unwrap();
    let d = common::run::finish(
        common::run::command(&["outlin"])
            .current_dir(dir.path())
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap(),
    );
    assert!(!d.stderr.contains("did you mean"), "{}", d.stderr);
    assert!(
        d.stderr.contains("the browser needs a terminal"),
        "{}",
        d.stderr
    );
}

#[test]
fn completions_name_every_subcommand() {
    let d = run(&["completions", "bash"]);
    let bash = ok(&d);
    assert!(bash.contains("complete -F _gangmu"), "{bash}");
    for name in ["outline", "search", "check", "completions", "man"] {
        assert!(bash.contains(name), "{name} not in bash completions");
    }
    assert!(bash.contains("--format"));
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let d = run(&["completions", shell]);
        let script = ok(&d);
        assert!(
            script.contains("outline") && script.contains("search"),
            "{shell}"
        );
    }
    let d = run(&["completions", "tcsh"]);
    assert_eq!(d.code, Some(2), "an unknown shell is a usage error");
}

#[test]
fn the_man_page_is_roff_with_every_subcommand() {
    let d = run(&["man"]);
    let page = ok(&d);
    assert!(page.starts_with(".TH gangmu 1"), "{}", &page[..80]);
    for name in ["outline", "search", "check", "completions", "man"] {
        assert!(
            page.contains(&format!(".SS \"gangmu {name}\"")),
            "{name} has no section"
        );
    }
    assert!(page.contains("\\-\\-format"), "options are listed");
    assert!(page.contains("Exit status: 0 when every file was outlined"));
    assert!(page.contains("$XDG_STATE_HOME/gangmu/state.json"));
    // No line of text is read as a roff request by accident: every line starting with
    // a dot is one of the requests the page uses.
    for line in page.lines().filter(|l| l.starts_with('.')) {
        let request = line[1..].split_whitespace().next().unwrap_or("");
        assert!(
            [
                "TH", "ie", "el", "SH", "SS", "PP", "TP", "IP", "RS", "RE", "nf", "fi", "br"
            ]
            .contains(&request),
            "{line}"
        );
    }
}

#[test]
fn completions_and_man_into_a_closed_pipe_end_quietly() {
    use std::process::Stdio;
    for args in [&["man"][..], &["completions", "zsh"][..]] {
        let mut child = common::run::command(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader has gone before gangmu writes (it is still starting): every write
        // fails with a broken pipe, which clap_complete would panic on.
        drop(child.stdout.take());
        let d = common::run::finish(child);
        assert_eq!(d.code, Some(0), "{args:?}: {}", d.stderr);
        assert!(!d.stderr.contains("panicked"), "{}", d.stderr);
    }
}
