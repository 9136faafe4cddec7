//! The outline CLI end to end: loading, errors, exit codes, JSON shape.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn gangmu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .env("GANGMU_LANG", "en")
        .args(args)
        .output()
        .expect("run gangmu")
}

/// A scratch directory from `tempfile`, removed when the test ends, pass or fail.
struct TempDir {
    path: PathBuf,
    _guard: tempfile::TempDir,
}

impl std::ops::Deref for TempDir {
    type Target = PathBuf;
    fn deref(&self) -> &PathBuf {
        &self.path
    }
}

fn tmpdir(name: &str) -> TempDir {
    let t = tempfile::Builder::new()
        .prefix(&format!("gangmu-cli-{name}-"))
        .tempdir()
        .unwrap();
    TempDir {
        path: t.path().to_path_buf(),
        _guard: t,
    }
}

const SPEECH: &str = "在全县工作会议上的讲话\n同志们：\n下面，我讲两点意见。\n一、提高站位\n各级干部要切实增强责任感。\n二、狠抓落实\n一是抓项目。项目是发展的生命线。\n二是抓招商。招商是项目的源头。\n同志们，让我们共同努力！\n";

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn json_shape_matches_the_documented_one() {
    let d = tmpdir("shape");
    std::fs::write(d.join("a.txt"), SPEECH).unwrap();
    let out = gangmu(&[
        "outline",
        "--format",
        "json",
        d.join("a.txt").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let doc = &v["documents"][0];
    let keys: Vec<&str> = doc
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    for k in [
        "path",
        "title",
        "subtitle",
        "encoding",
        "chars",
        "announced",
        "closing_line",
        "removed",
        "warnings",
        "sections",
    ] {
        assert!(keys.contains(&k), "missing {k}");
    }
    assert_eq!(doc["title"], "在全县工作会议上的讲话");
    assert_eq!(doc["subtitle"], serde_json::Value::Null);
    assert_eq!(doc["encoding"], "UTF-8");
    assert_eq!(doc["announced"], 2);
    assert_eq!(doc["closing_line"], 9);
    let s = &doc["sections"];
    assert_eq!(s[0]["marker"], "一、");
    assert_eq!(s[0]["title"], "提高站位");
    assert_eq!(s[0]["line"], 4);
    assert_eq!(s[0]["level"], 1);
    assert_eq!(s[0]["kind"], "heading");
    assert_eq!(s[1]["children"][1]["marker"], "二是");
    assert_eq!(s[1]["children"][1]["title"], "抓招商");
    assert_eq!(s[1]["children"][1]["kind"], "point");
    assert_eq!(s[1]["children"][1]["level"], 2);
    assert_eq!(v["errors"], serde_json::json!([]));
}

#[test]
fn bad_files_get_one_line_each_and_the_rest_still_print() {
    let d = tmpdir("errors");
    std::fs::write(d.join("1.txt"), SPEECH).unwrap();
    std::fs::write(d.join("2.txt"), b"").unwrap();
    std::fs::write(
        d.join("3.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
    )
    .unwrap();
    let missing = d.join("missing.txt");
    let out = gangmu(&[
        "outline",
        "--format",
        "json",
        d.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("2.txt") && l.contains("empty"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("3.txt") && l.contains("binary"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("missing.txt") && l.contains("no such file"))
    );
    let v = json(&out);
    assert_eq!(v["documents"].as_array().unwrap().len(), 1);
    assert_eq!(v["errors"].as_array().unwrap().len(), 3);
}

#[test]
fn directories_are_walked_in_natural_order_with_extra_extensions() {
    let d = tmpdir("order");
    std::fs::create_dir_all(d.join("sub")).unwrap();
    for name in ["10.txt", "2.txt", "sub/1.txt", "x.md", "notes.doc"] {
        std::fs::write(d.join(name), SPEECH).unwrap();
    }
    let paths = |out: &Output| -> Vec<String> {
        json(out)["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|doc| {
                let p = doc["path"].as_str().unwrap();
                Path::new(p)
                    .strip_prefix(&*d)
                    .unwrap()
                    .display()
                    .to_string()
            })
            .collect()
    };
    let out = gangmu(&["outline", "--format", "json", d.to_str().unwrap()]);
    assert_eq!(paths(&out), ["2.txt", "10.txt", "sub/1.txt"]);
    let out = gangmu(&[
        "outline",
        "--format",
        "json",
        "--ext",
        "md",
        d.to_str().unwrap(),
    ]);
    assert_eq!(paths(&out), ["2.txt", "10.txt", "sub/1.txt", "x.md"]);
}

#[test]
fn stdin_is_read_with_dash() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .env("GANGMU_LANG", "en")
        .args(["outline", "--format", "json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(SPEECH.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["documents"][0]["path"], "-");
}

#[test]
fn no_path_outlines_the_bundled_samples_from_any_directory() {
    let out = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .env("GANGMU_LANG", "en")
        .args(["outline", "--format", "json"])
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let docs = v["documents"].as_array().unwrap();
    assert!(docs.len() >= 12);
    assert!(
        docs.iter()
            .all(|d| d["path"].as_str().unwrap().starts_with("sample/"))
    );
    let outlined = docs
        .iter()
        .filter(|d| !d["sections"].as_array().unwrap().is_empty());
    assert!(outlined.count() >= 12);
}

#[test]
fn usage_errors_exit_2() {
    let out = gangmu(&["outline", "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = gangmu(&["outline", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn text_format_is_an_indented_tree() {
    let d = tmpdir("text");
    std::fs::write(d.join("a.txt"), SPEECH).unwrap();
    let out = gangmu(&["outline", d.join("a.txt").to_str().unwrap()]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("\n  一、提高站位  [L4, "), "{s}");
    assert!(s.contains("\n    一是 抓项目  [L7, "), "{s}");
    assert!(s.contains("\n  结束语  [L9]"), "{s}");
}

#[cfg(unix)]
#[test]
fn fifos_and_symlink_loops_are_skipped_without_hanging() {
    let d = tmpdir("special");
    std::fs::write(d.join("good.txt"), SPEECH).unwrap();
    let fifo = d.join("pipe.txt");
    let ok = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    std::os::unix::fs::symlink(&*d, d.join("loop")).unwrap();
    let out = gangmu(&["outline", "--format", "json", d.to_str().unwrap()]);
    // A FIFO named like a speech is skipped with one error line (exit 1); the loop is silent.
    assert_eq!(out.status.code(), Some(if ok { 1 } else { 0 }));
    let v = json(&out);
    assert_eq!(v["documents"].as_array().unwrap().len(), 1);
    assert_eq!(v["errors"].as_array().unwrap().len(), usize::from(ok));
    if ok {
        // Named directly, a FIFO is an error, not a hang.
        let out = gangmu(&["outline", fifo.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
    }
}

#[test]
fn explain_gives_every_line_its_role_and_reason() {
    let dir = tmpdir("explain");
    let path = dir.join("s.txt");
    let text = format!("来源：某某日报\n{SPEECH}\n名词解释\n1.“两新”：设备更新和以旧换新。\n");
    std::fs::write(&path, &text).unwrap();
    let out = gangmu(&["outline", "--explain", path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("== ") && lines[0].contains("title: 在全县工作会议上的讲话"));
    let role = |no: usize| {
        lines
            .iter()
            .find(|l| l.starts_with(&format!("L{no} ")))
            .copied()
            .unwrap_or("")
    };
    assert!(role(1).starts_with("L1 junk (web label: 来源)"), "{stdout}");
    assert!(role(2).starts_with("L2 title"), "{stdout}");
    assert!(
        role(5).starts_with("L5 heading 一、 level 1 (numbered)"),
        "{stdout}"
    );
    assert!(role(8).starts_with("L8 point 一是 level 2"), "{stdout}");
    assert!(
        role(10).starts_with("L10 closing (last rallying paragraph)"),
        "{stdout}"
    );
    assert!(role(11).starts_with("L11 blank"), "{stdout}");
    assert!(
        role(12).starts_with("L12 appendix (appendix heading after the text)"),
        "{stdout}"
    );
    // Every line of the file, once.
    let n = text.split('\n').count();
    assert_eq!(lines.iter().filter(|l| l.starts_with('L')).count(), n);
    // A missing file is a one-line error and exit 1, as for the outline.
    let out = gangmu(&[
        "outline",
        "--explain",
        dir.join("nope.txt").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.txt"));
}
