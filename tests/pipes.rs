//! gangmu in pipelines and scripts: colour, output formats for other programs, standard
//! input, closed pipes. Every run has a watchdog (`common::run`).

mod common;

use common::run::{Done, GOOD, command, finish};
use serde_json::Value;
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
    for format in ["json", "jsonl", "markdown"] {
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

#[test]
fn jsonl_is_the_json_documents_one_a_line_with_errors_in_place() {
    let (dir, _) = folder();
    for k in 1..=3 {
        let speech = GOOD.replace("提高站位", &format!("提高站位{k}"));
        std::fs::write(dir.path().join(format!("s{k}.txt")), speech).unwrap();
    }
    // An empty file between the speeches, and a path that does not exist.
    std::fs::write(dir.path().join("s2a.txt"), "").unwrap();
    let folder = dir.path().display().to_string();
    let missing = dir.path().join("missing.txt").display().to_string();
    let json = run(&["outline", "--format", "json", &missing, &folder]);
    let jsonl = run(&["outline", "--format", "jsonl", &missing, &folder]);
    assert_eq!(json.code, Some(1), "{}", json.stderr);
    assert_eq!(jsonl.code, Some(1), "{}", jsonl.stderr);
    // The same lines on stderr.
    assert_eq!(json.stderr, jsonl.stderr);
    let whole: Value = serde_json::from_str(&json.stdout).expect("one JSON object");
    assert_eq!(whole["schema"], 1);
    let lines: Vec<Value> = jsonl
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    assert!(lines.iter().all(|l| l["schema"] == 1), "{}", jsonl.stdout);
    // Documents and errors in the order they were met: the missing path first, the
    // empty file between s2 and s3.
    let kinds: Vec<String> = lines
        .iter()
        .map(|l| match l.get("error") {
            Some(e) => format!(
                "error {}",
                e["path"].as_str().unwrap().rsplit('/').next().unwrap()
            ),
            None => l["path"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string(),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "error missing.txt",
            "good.txt",
            "s1.txt",
            "s2.txt",
            "error s2a.txt",
            "s3.txt"
        ]
    );
    // Each document line is the JSON document, field for field, with the schema added.
    let docs: Vec<Value> = lines
        .iter()
        .filter(|l| l.get("error").is_none())
        .map(|l| {
            let mut d = l.clone();
            d.as_object_mut().unwrap().remove("schema");
            d
        })
        .collect();
    assert_eq!(Value::from(docs), whole["documents"]);
    let errors: Vec<Value> = lines
        .iter()
        .filter_map(|l| l.get("error").cloned())
        .collect();
    assert_eq!(Value::from(errors), whole["errors"]);
}

#[test]
fn f_is_short_for_format() {
    let (_dir, good) = folder();
    for (cmd, format) in [
        (&["outline"][..], "json"),
        (&["outline"][..], "jsonl"),
        (&["outline"][..], "markdown"),
        (&["search", "招商"][..], "jsonl"),
        (&["check"][..], "json"),
    ] {
        let long: Vec<&str> = cmd
            .iter()
            .copied()
            .chain(["--format", format, &good])
            .collect();
        let short: Vec<&str> = cmd.iter().copied().chain(["-f", format, &good]).collect();
        let (l, s) = (run(&long), run(&short));
        assert!(!l.stdout.is_empty(), "{long:?}: {}", l.stderr);
        assert_eq!(l.stdout, s.stdout, "{short:?}");
        assert_eq!(l.code, s.code);
    }
}

/// The speech in `GOOD`, written to gangmu's standard input through a pipe.
fn piped(args: &[&str]) -> Done {
    use std::io::Write;
    let mut child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("NO_COLOR")
        .spawn()
        .expect("spawn gangmu");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(GOOD.as_bytes()).expect("write the speech");
    drop(stdin);
    finish(child)
}

#[test]
fn piped_standard_input_is_read_when_no_path_is_given() {
    // `cat f | gangmu outline`: the speech, named `-`, and not the samples.
    let d = piped(&["outline", "-f", "json"]);
    assert_eq!(d.code, Some(0), "{}", d.stderr);
    let v: Value = serde_json::from_str(&d.stdout).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 1, "{}", d.stdout);
    assert_eq!(docs[0]["path"], "-");
    assert_eq!(docs[0]["sections"][0]["title"], "提高站位");
    // The same for search and check.
    let d = piped(&["search", "招商"]);
    assert_eq!(d.code, Some(0), "{}", d.stderr);
    assert!(d.stdout.starts_with("-:8: "), "{}", d.stdout);
    assert_eq!(d.stdout.lines().count(), 1, "{}", d.stdout);
    let d = piped(&["check", "-f", "json"]);
    assert_eq!(d.code, Some(0), "{}", d.stderr);
    let v: Value = serde_json::from_str(&d.stdout).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 1, "{}", d.stdout);
    assert_eq!(v["files"][0]["path"], "-");
    // A path named on the command line wins over what is piped in.
    let (_dir, good) = folder();
    let d = piped(&["outline", "-f", "json", &good]);
    let v: Value = serde_json::from_str(&d.stdout).unwrap();
    assert_eq!(v["documents"][0]["path"], good.as_str());
}

#[test]
fn a_file_redirected_to_standard_input_is_read_too() {
    // `gangmu outline < good.txt`: standard input is a regular file.
    let (_dir, good) = folder();
    let file = std::fs::File::open(&good).unwrap();
    let d = run_with(&["outline", "-f", "json"], Stdio::from(file), &[]);
    assert_eq!(d.code, Some(0), "{}", d.stderr);
    let v: Value = serde_json::from_str(&d.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 1);
    assert_eq!(v["documents"][0]["path"], "-");
}

#[test]
fn dev_null_on_standard_input_keeps_the_samples() {
    // `gangmu outline < /dev/null`, as cron and daemons run it: a character device,
    // nothing to read there, so the bundled samples as with a terminal.
    for (cmd, key) in [
        (&["outline", "-f", "json"][..], "documents"),
        (&["check", "-f", "json"][..], "files"),
    ] {
        let d = run_with(cmd, Stdio::null(), &[]);
        let v: Value = serde_json::from_str(&d.stdout).expect("JSON");
        let docs = v[key].as_array().unwrap();
        assert!(docs.len() >= 12, "{cmd:?}: {}", docs.len());
        assert!(
            docs.iter()
                .all(|d| d["path"].as_str().unwrap().starts_with("sample/")),
            "{cmd:?}"
        );
    }
    let d = run_with(&["search", "-c", "招商"], Stdio::null(), &[]);
    assert_eq!(d.code, Some(0), "{}", d.stderr);
    assert!(
        d.stdout.lines().all(|l| l.starts_with("sample/")),
        "{}",
        d.stdout
    );
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
