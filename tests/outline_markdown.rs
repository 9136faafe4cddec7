//! `gangmu outline --format markdown`: the same outline as the JSON, as nested lists.

use std::path::PathBuf;
use std::process::{Command, Output};

fn gangmu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .env("GANGMU_LANG", "zh")
        .args(args)
        .current_dir(std::env::temp_dir())
        .output()
        .expect("run gangmu")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

/// Backslash escapes removed: the text a Markdown renderer shows.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `1234` → `1,234`.
fn grouped(n: u64) -> String {
    let d = n.to_string();
    let mut out = String::new();
    for (k, c) in d.chars().enumerate() {
        if k > 0 && (d.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The sections of a JSON document in pre-order: (level, marker, title, line, chars).
fn flatten(sections: &serde_json::Value, out: &mut Vec<(u64, String, String, u64, u64)>) {
    for s in sections.as_array().unwrap() {
        out.push((
            s["level"].as_u64().unwrap(),
            s["marker"].as_str().unwrap().to_string(),
            s["title"].as_str().unwrap().to_string(),
            s["line"].as_u64().unwrap(),
            s["chars"].as_u64().unwrap(),
        ));
        flatten(&s["children"], out);
    }
}

#[test]
fn every_sample_node_is_an_item_in_order_at_its_depth() {
    let json = gangmu(&["outline", "--format", "json"]);
    let md = gangmu(&["outline", "--format", "markdown"]);
    assert_eq!(md.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let docs = v["documents"].as_array().unwrap();
    let text = stdout(&md);
    // One `# title` block per document, in the same order.
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    for line in text.lines() {
        if line.starts_with("# ") {
            blocks.push(Vec::new());
        }
        blocks.last_mut().expect("starts with a title").push(line);
    }
    assert_eq!(blocks.len(), docs.len());
    let mut points = 0;
    for (doc, block) in docs.iter().zip(&blocks) {
        let title = doc["title"].as_str().unwrap();
        assert_eq!(unescape(&block[0][2..]), title);
        if let Some(sub) = doc["subtitle"].as_str() {
            assert_eq!((block[1], unescape(block[2]).as_str()), ("", sub));
        }
        let items: Vec<&str> = block
            .iter()
            .copied()
            .filter(|l| l.trim_start().starts_with("- "))
            .collect();
        let mut nodes = Vec::new();
        flatten(&doc["sections"], &mut nodes);
        let tail =
            usize::from(doc["closing_line"].is_u64()) + usize::from(doc["appendix_line"].is_u64());
        assert_eq!(items.len(), nodes.len() + tail, "{title}");
        // A nested list in CommonMark: each item at most one level deeper than the one
        // before, two spaces a level.
        let mut prev = 0;
        for (item, (level, marker, node_title, line, chars)) in items.iter().zip(&nodes) {
            let indent = item.len() - item.trim_start().len();
            assert_eq!(indent as u64, 2 * (level - 1), "{item}");
            assert!(indent <= prev + 2, "{item}");
            prev = indent;
            let body = unescape(&item[indent + 2..]);
            let suffix = format!("（{}字，第{line}行）", grouped(*chars));
            assert!(body.ends_with(&suffix), "{body} / {suffix}");
            let label = &body[..body.len() - suffix.len()];
            assert!(label.starts_with(marker.as_str()), "{label} / {marker}");
            assert!(
                label.ends_with(node_title.as_str()),
                "{label} / {node_title}"
            );
            if marker.ends_with('是') || marker.starts_with('首') {
                points += 1;
            }
        }
        // The closing, then any appendix, last and at the top level.
        let mut rest = items[nodes.len()..].iter();
        if let Some(l) = doc["closing_line"].as_u64() {
            assert_eq!(*rest.next().unwrap(), format!("- 结束语（第{l}行）"));
        }
        if let Some(l) = doc["appendix_line"].as_u64() {
            assert_eq!(*rest.next().unwrap(), format!("- 附件（第{l}行）"));
        }
    }
    assert!(points > 5, "points are in the list: {points}");
}

#[test]
fn markdown_marks_in_titles_are_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let f: PathBuf = dir.join("a.txt");
    std::fs::write(
        &f,
        "在<全区>*重点*工作会议上的讲话\n同志们：\n一、抓好_试点_和[示范]\n试点要先行。\n\
二、2024年的`新`任务\n任务很重。\n同志们，大家辛苦了！\n",
    )
    .unwrap();
    let out = gangmu(&["outline", "--format", "markdown", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    // A blank line after each document, as in the text output.
    assert_eq!(
        stdout(&out),
        "# 在\\<全区\\>\\*重点\\*工作会议上的讲话\n\n\
- 一、抓好\\_试点\\_和\\[示范\\]（19字，第3行）\n\
- 二、2024年的\\`新\\`任务（18字，第5行）\n\
- 结束语（第7行）\n\n"
    );
}
