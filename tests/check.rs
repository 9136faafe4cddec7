//! `gangmu check`: each rule on a draft that breaks it and one that keeps it, then the
//! command line (exit statuses, rule selection, JSON against text, the samples).
//!
//! The drafts are in `tests/data/check/`, written for these tests.

use gangmu::check::{Diagnostic, Rule, Rules, Severity, check};
use gangmu::outline::parse;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/check")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(data(name)).expect("test draft")
}

/// Every diagnostic of a text, all rules on.
fn diags(text: &str) -> Vec<Diagnostic> {
    let doc = parse(text, "draft.txt", "draft", "UTF-8");
    check(&doc, text, Rules::all())
}

/// (rule, line, column) of each diagnostic.
fn spots(text: &str) -> Vec<(Rule, usize, usize)> {
    diags(text)
        .iter()
        .map(|d| (d.rule, d.line, d.column))
        .collect()
}

fn gangmu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .env("GANGMU_LANG", "en")
        .args(args)
        .output()
        .expect("run gangmu")
}

fn path(name: &str) -> String {
    data(name).to_str().unwrap().to_string()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

// ---- The rules, one by one. ----

#[test]
fn a_sound_draft_has_no_diagnostic() {
    for name in [
        "good.txt",
        "numbering_points_good.txt",
        "mixed_good.txt",
        "parallel_good.txt",
        "lone_good.txt",
    ] {
        assert_eq!(diags(&read(name)), [], "{name}");
    }
}

#[test]
fn numbering_gaps_repeats_and_restarts() {
    // 一、 then 三、: at the marker of 三、.
    let d = diags(&read("numbering_bad.txt"));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].rule, d[0].line, d[0].column), (Rule::Numbering, 7, 1));
    assert_eq!(d[0].message, "numbering gap: 一、 then 三、");
    // 一是 then 三是.
    assert_eq!(
        spots(&read("numbering_points_bad.txt")),
        [(Rule::Numbering, 6, 1)]
    );
    // （三） before （二）: a restart at （二）; the column counts the indentation.
    let restart = read("good.txt")
        .replace("（二）抓好农资", "（三）抓好农资")
        .replace("（三）抓好农业", "\u{3000}\u{3000}（二）抓好农业");
    let d = diags(&restart);
    let got: Vec<_> = d
        .iter()
        .map(|d| (d.line, d.column, d.message.as_str()))
        .collect();
    assert!(
        got.contains(&(10, 1, "numbering gap: （一） then （三）")),
        "{got:?}"
    );
    assert!(
        got.contains(&(12, 3, "numbering restarts: （三） then （二）")),
        "{got:?}"
    );
}

#[test]
fn announced_count_that_the_sections_do_not_match() {
    let d = diags(&read("announced_bad.txt"));
    assert_eq!(d.len(), 1, "{d:?}");
    // Line 4, at 讲 of 我讲三点意见 (the 30th character).
    assert_eq!(
        (d[0].rule, d[0].line, d[0].column),
        (Rule::Announced, 4, 30)
    );
    assert_eq!(
        d[0].message,
        "announced 3 parts, but found 2 top-level sections"
    );
}

#[test]
fn mixed_delimiters_and_mixed_widths_at_one_level() {
    assert_eq!(
        spots(&read("mixed_bad.txt")),
        [(Rule::MixedStyle, 7, 1)],
        "1. then 2、"
    );
    let d = diags(&read("mixed_width_bad.txt"));
    assert_eq!(d[0].rule, Rule::MixedStyle);
    assert_eq!((d[0].line, d[0].column), (10, 1));
    assert!(
        d[0].message.contains("(二) where the others are （一）"),
        "{}",
        d[0].message
    );
    assert!(d.iter().all(|d| d.rule == Rule::MixedStyle), "{d:?}");
}

#[test]
fn a_sibling_heading_that_ends_differently() {
    let d = diags(&read("punct_bad.txt"));
    assert_eq!(d.len(), 1, "{d:?}");
    // （二）抓好农资供应保障。: the 。 is the 12th character.
    assert_eq!(
        (d[0].rule, d[0].line, d[0].column),
        (Rule::HeadingPunct, 10, 12)
    );
    assert_eq!(
        d[0].message,
        "heading ends with 。, unlike its siblings (2 of 3 end without punctuation)"
    );
    // The other way round: two end with 。, one does not; it is reported where its
    // line ends.
    let text = read("good.txt")
        .replace(
            "（一）抓好粮食播种面积落实\n",
            "（一）抓好粮食播种面积落实。\n",
        )
        .replace("（三）抓好农业技术服务\n", "（三）抓好农业技术服务。\n");
    let d = diags(&text);
    assert_eq!(spots(&text), [(Rule::HeadingPunct, 10, 12)]);
    assert!(d[0].message.starts_with("heading ends without punctuation"));
}

#[test]
fn a_heading_with_its_body_on_the_same_line_needs_its_full_stop() {
    // （二）'s line goes on after its 。: the 。 ends a sentence, not a style.
    let text = read("good.txt").replace(
        "（二）抓好农资供应保障\n供销部门",
        "（二）抓好农资供应保障。供销部门",
    );
    assert_eq!(diags(&text), []);
}

#[test]
fn a_heading_that_breaks_the_parallel_wording_is_a_note() {
    let d = diags(&read("parallel_bad.txt"));
    assert_eq!(d.len(), 1, "{d:?}");
    // （四）加强组织领导: at the title, after the three characters of the marker.
    assert_eq!((d[0].rule, d[0].line, d[0].column), (Rule::Parallel, 14, 4));
    assert_eq!(d[0].severity(), Severity::Note);
    assert!(
        d[0].message.contains("3 of 4 begin with 抓好"),
        "{}",
        d[0].message
    );
}

#[test]
fn parallel_is_conservative() {
    // Three siblings, two alike: as often chance as a pattern.
    let text = read("good.txt").replace("（三）抓好农业技术服务", "（三）加强农业技术服务");
    assert_eq!(diags(&text), []);
    // Four siblings of four different openings: no pattern to break.
    let text = read("parallel_bad.txt")
        .replace("（二）抓好农资", "（二）保障农资")
        .replace("（三）抓好农业", "（三）做好农业");
    assert_eq!(diags(&text), []);
}

#[test]
fn a_title_far_longer_than_its_alike_siblings_is_a_note() {
    let text = "在全镇防汛工作会议上的讲话\n同志们：\n汛期将至，防汛工作必须早谋划、早部署。\n\
一、压实防汛责任\n镇村两级要层层签订责任书。\n\
二、排查风险隐患\n对山塘水库逐一检查。\n\
三、储备抢险物资\n编织袋、救生衣要足额储备。\n\
四、加强值班值守以及各类预警信息的及时发布和快速传递工作\n汛期实行二十四小时值班。\n\
同志们，防汛无小事。让我们全力以赴，确保安全度汛！\n";
    let d = diags(text);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].rule, d[0].line, d[0].column), (Rule::Parallel, 10, 3));
    assert!(d[0].message.contains("parallel length"), "{}", d[0].message);
    // Titles of like lengths are fine.
    let fine = text.replace(
        "四、加强值班值守以及各类预警信息的及时发布和快速传递工作",
        "四、严格值班值守",
    );
    assert_eq!(diags(&fine), []);
}

#[test]
fn a_point_with_no_sibling() {
    let d = diags(&read("lone_bad.txt"));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].rule, d[0].line, d[0].column), (Rule::LonePoint, 7, 1));
    assert_eq!(d[0].message, "lone point: 一是 with no 二是 in its section");
    // 首先 with no 其次 or 最后.
    let text = read("lone_bad.txt").replace("一是要盯紧在谈项目", "首先，要盯紧在谈项目");
    let d = diags(&text);
    assert_eq!(spots(&text), [(Rule::LonePoint, 7, 1)]);
    assert!(
        d[0].message.contains("首先 with no 其次 or 最后"),
        "{}",
        d[0].message
    );
    // A lone 最后 is how a speech says its last thing.
    let text = read("lone_bad.txt").replace("一是要盯紧在谈项目", "最后，要盯紧在谈项目");
    assert_eq!(diags(&text), []);
}

#[test]
fn advert_and_page_number_lines_left_in_a_draft() {
    let d = diags(&read("junk_bad.txt"));
    let got: Vec<_> = d.iter().map(|d| (d.rule, d.line, d.column)).collect();
    assert_eq!(got, [(Rule::Junk, 10, 1), (Rule::Junk, 15, 1)]);
    assert!(
        d[0].message.contains("advert or watermark"),
        "{}",
        d[0].message
    );
    assert!(d[1].message.contains("page number"), "{}", d[1].message);
    // An indented advert: the column is where its text starts.
    let text = read("junk_bad.txt").replace("关注微信公众号", "  关注微信公众号");
    assert_eq!(spots(&text)[0], (Rule::Junk, 10, 3));
}

#[test]
fn a_separator_is_not_junk_in_a_draft() {
    let text = read("good.txt").replace("二、突出重点", "＊＊＊\n二、突出重点");
    let doc = parse(&text, "draft.txt", "draft", "UTF-8");
    assert!(!doc.removed.is_empty(), "the parser removes the separator");
    assert_eq!(check(&doc, &text, Rules::all()), []);
}

#[test]
fn sections_without_a_closing() {
    let d = diags(&read("closing_bad.txt"));
    assert_eq!(d.len(), 1, "{d:?}");
    // At the last paragraph, where the closing would follow.
    assert_eq!((d[0].rule, d[0].line, d[0].column), (Rule::Closing, 13, 1));
    // A speech of no numbered sections needs none.
    let text = "致全体教师的一封信\n老师们：\n新学期开始了。感谢大家一年来的辛勤付出。\n";
    assert_eq!(diags(text), []);
}

#[test]
fn rules_can_be_chosen() {
    let text = read("junk_bad.txt").replace("二、突出重点", "三、突出重点");
    let doc = parse(&text, "draft.txt", "draft", "UTF-8");
    let rules_of =
        |rules: Rules| -> Vec<Rule> { check(&doc, &text, rules).iter().map(|d| d.rule).collect() };
    assert_eq!(
        rules_of(Rules::all()),
        [Rule::Numbering, Rule::Junk, Rule::Junk]
    );
    assert_eq!(
        rules_of(Rules::select(&[Rule::Numbering], &[])),
        [Rule::Numbering]
    );
    assert_eq!(
        rules_of(Rules::select(&[], &[Rule::Junk])),
        [Rule::Numbering]
    );
    assert_eq!(
        rules_of(Rules::select(
            &[Rule::Numbering, Rule::Junk],
            &[Rule::Numbering]
        )),
        [Rule::Junk, Rule::Junk]
    );
}

// ---- The command line. ----

#[test]
fn exit_0_when_clean_and_nothing_printed() {
    let out = gangmu(&["check", &path("good.txt")]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
}

#[test]
fn exit_1_with_compiler_style_lines() {
    let p = path("numbering_bad.txt");
    let out = gangmu(&["check", &p]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!("{p}:7:1: warning: numbering gap: 一、 then 三、 [numbering]\n")
    );
}

#[test]
fn notes_alone_leave_the_exit_status_0() {
    let out = gangmu(&["check", &path("parallel_bad.txt")]);
    assert_eq!(out.status.code(), Some(0));
    let s = stdout(&out);
    assert!(
        s.contains(":14:4: note: breaks the parallel wording"),
        "{s}"
    );
    assert!(s.ends_with("[parallel]\n"), "{s}");
}

#[test]
fn exit_2_when_a_file_cannot_be_read_and_the_others_are_still_checked() {
    let missing = path("no_such_draft.txt");
    let out = gangmu(&["check", &missing, &path("numbering_bad.txt")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no_such_draft.txt"), "{err}");
    assert!(stdout(&out).contains("[numbering]"));
}

#[test]
fn rule_and_no_rule_on_the_command_line() {
    let (junk, numbering) = (path("junk_bad.txt"), path("numbering_bad.txt"));
    let rules_in = |out: &Output| -> Vec<String> {
        stdout(out)
            .lines()
            .map(|l| {
                l.rsplit('[')
                    .next()
                    .unwrap()
                    .trim_end_matches(']')
                    .to_string()
            })
            .collect()
    };
    let out = gangmu(&["check", "--rule", "junk", &junk, &numbering]);
    assert_eq!(rules_in(&out), ["junk", "junk"]);
    assert_eq!(out.status.code(), Some(1));
    let out = gangmu(&[
        "check",
        "--rule",
        "numbering,junk",
        "--no-rule",
        "junk",
        &junk,
        &numbering,
    ]);
    assert_eq!(rules_in(&out), ["numbering"]);
    let out = gangmu(&[
        "check",
        "--no-rule",
        "junk",
        "--no-rule",
        "numbering",
        &junk,
        &numbering,
    ]);
    assert_eq!(rules_in(&out), Vec::<String>::new());
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn an_unknown_rule_is_a_usage_error_that_lists_the_rules() {
    let out = gangmu(&["check", "--rule", "numbring", &path("good.txt")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for id in Rule::ALL.map(Rule::id) {
        assert!(err.contains(id), "{id} missing from: {err}");
    }
}

#[test]
fn json_parses_and_says_what_the_text_says() {
    let names = [
        "numbering_bad.txt",
        "announced_bad.txt",
        "mixed_bad.txt",
        "punct_bad.txt",
        "parallel_bad.txt",
        "lone_bad.txt",
        "junk_bad.txt",
        "closing_bad.txt",
        "good.txt",
    ];
    let mut args = vec!["check".to_string()];
    args.extend(names.iter().map(|n| path(n)));
    let missing = path("no_such_draft.txt");
    args.push(missing.clone());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let text = gangmu(&args);
    let json = gangmu(&[args.as_slice(), &["--format", "json"]].concat());
    assert_eq!(text.status.code(), Some(2));
    assert_eq!(json.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("stdout is JSON");
    let files = v["files"].as_array().unwrap();
    // Every file read is listed, a clean one too.
    assert_eq!(files.len(), names.len());
    assert_eq!(files[8]["diagnostics"].as_array().unwrap().len(), 0);
    let mut lines = String::new();
    for f in files {
        for d in f["diagnostics"].as_array().unwrap() {
            lines.push_str(&format!(
                "{}:{}:{}: {}: {} [{}]\n",
                f["path"].as_str().unwrap(),
                d["line"],
                d["column"],
                d["severity"].as_str().unwrap(),
                d["message"].as_str().unwrap(),
                d["rule"].as_str().unwrap()
            ));
        }
    }
    assert_eq!(lines, stdout(&text));
    assert_eq!(v["errors"][0]["path"], missing);
    // Each rule shows up once at least.
    for id in Rule::ALL.map(Rule::id) {
        assert!(lines.contains(&format!("[{id}]")), "{id}");
    }
}

#[test]
fn the_samples_are_checked_with_no_path() {
    let dir = std::env::temp_dir();
    let out = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .env("GANGMU_LANG", "en")
        .args(["check", "--format", "json"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    assert!(files.len() >= 20, "{}", files.len());
    // 09 was written with numbering problems: （二） twice, then 三、 after 一、.
    let f09 = files
        .iter()
        .find(|f| {
            f["path"]
                .as_str()
                .unwrap()
                .contains("09_ecology_numbering_problems")
        })
        .unwrap();
    let numbering: Vec<(u64, u64)> = f09["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "numbering")
        .map(|d| (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap()))
        .collect();
    assert_eq!(numbering, [(23, 3), (31, 3)]);
}

#[test]
fn a_file_name_with_escape_sequences_is_sanitized() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("draft\x1b[2J\u{202e}.txt");
    std::fs::write(&f, read("numbering_bad.txt")).unwrap();
    let out = gangmu(&["check", f.to_str().unwrap()]);
    let json = gangmu(&["check", "--format", "json", f.to_str().unwrap()]);
    let s = stdout(&out);
    assert!(s.contains("draft␛[2J\u{fffd}.txt:7:1: warning:"), "{s:?}");
    let j = stdout(&json);
    assert!(j.contains("\\u001b[2J\\u202e.txt"), "{j}");
    for s in [s, j] {
        assert!(
            !s.chars()
                .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
            "{s:?}"
        );
    }
}

#[test]
fn the_readme_example_says_what_the_readme_shows() {
    // README, "Checking a draft": the same draft, the same lines.
    let out = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .env("GANGMU_LANG", "en")
        .args(["check", "readme_draft.txt"])
        .current_dir(data(""))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for line in stdout(&out).lines() {
        let shown = line.replacen("readme_draft.txt", "draft.txt", 1);
        assert!(
            readme.contains(&format!("    {shown}\n")),
            "not in README: {shown}"
        );
    }
    assert_eq!(stdout(&out).lines().count(), 7);
}

#[test]
fn a_closed_pipe_ends_the_check_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let draft = read("junk_bad.txt");
    // Far more output than a pipe holds.
    for k in 0..2000 {
        std::fs::write(dir.path().join(format!("{k}.txt")), &draft).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .env("GANGMU_LANG", "en")
        .args(["check", dir.path().to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader goes away (`| head -1`).
    let done = child.wait_with_output().unwrap();
    assert!(first.ends_with("[junk]\n"), "{first}");
    // The reader took what it wanted: a success, as for outline and search (and rg).
    assert_eq!(done.status.code(), Some(0));
    assert!(
        done.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
}
