//! gangmu only reads its input (issue 4): after `gangmu outline` in text and JSON, every
//! file keeps its bytes and its mtime, and the directory holds the same entries.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

const SPEECH: &str = "在全县工作会议上的讲话\n同志们：\n下面，我讲两点意见。\n一、提高站位\n各级干部要切实增强责任感。\n二、狠抓落实\n一是抓项目。项目是发展的生命线。\n二是抓招商。招商是项目的源头。\n同志们，让我们共同努力！\n";

/// Path → (bytes, mtime) of every file under `dir`.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir").flatten() {
            let p = e.path();
            let m = std::fs::symlink_metadata(&p).expect("metadata");
            if m.is_dir() {
                stack.push(p);
            } else if m.is_file() {
                let bytes = std::fs::read(&p).expect("read");
                out.insert(p, (bytes, m.modified().expect("mtime")));
            }
        }
    }
    out
}

#[test]
fn outline_leaves_every_input_file_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().to_path_buf();
    std::fs::create_dir_all(d.join("sub")).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in SPEECH.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("a.txt", SPEECH.as_bytes().to_vec()),
        ("crlf.txt", SPEECH.replace('\n', "\r\n").into_bytes()),
        (
            "gbk.txt",
            encoding_rs::GB18030.encode(SPEECH).0.into_owned(),
        ),
        ("utf16.txt", utf16),
        (
            "esc.txt",
            format!("{SPEECH}\x1b]52;c;aGk=\x07\x1b[2J").into_bytes(),
        ),
        ("empty.txt", Vec::new()),
        (
            "binary.txt",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0".to_vec(),
        ),
        ("sub/b.txt", SPEECH.as_bytes().to_vec()),
        ("notes.md", SPEECH.as_bytes().to_vec()),
    ];
    // An mtime in the past, so that even a write in the same second would show.
    let past = SystemTime::now() - Duration::from_secs(86_400 * 3);
    for (name, bytes) in &files {
        let p = d.join(name);
        std::fs::write(&p, bytes).unwrap();
        let f = std::fs::File::options().write(true).open(&p).unwrap();
        f.set_modified(past).unwrap();
    }
    let before = snapshot(&d);
    assert_eq!(before.len(), files.len());

    for format in ["text", "json"] {
        let out = Command::new(env!("CARGO_BIN_EXE_gangmu"))
            .env("GANGMU_LANG", "en")
            .args(["outline", "--format", format, "--ext", "md"])
            .arg(&d)
            .output()
            .expect("run gangmu");
        assert_eq!(out.status.code(), Some(1), "two files are skipped");
        assert!(!out.stdout.is_empty());
        let after = snapshot(&d);
        assert_eq!(
            before.keys().collect::<Vec<_>>(),
            after.keys().collect::<Vec<_>>(),
            "files appeared or vanished"
        );
        for (p, (bytes, mtime)) in &before {
            let (b2, m2) = &after[p];
            assert!(bytes == b2, "{} changed", p.display());
            assert_eq!(mtime, m2, "{} mtime changed", p.display());
        }
    }
}

/// Read-only files and a read-only directory are outlined as usual: nothing needs write access.
#[cfg(unix)]
#[test]
fn read_only_files_are_outlined() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().to_path_buf();
    let p = d.join("a.txt");
    std::fs::write(&p, SPEECH).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .env("GANGMU_LANG", "en")
        .args(["outline", "--format", "json"])
        .arg(&d)
        .output()
        .expect("run gangmu");
    std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"][0]["title"], "在全县工作会议上的讲话");
}
