//! The writer's tools in a real terminal (issue 13): copy through OSC 52, the editor round
//! trip, live reload of a file changed on disk, marks and positions kept across two runs.

mod common;
use base64::Engine;
use common::pty::{Session, text_at};
use std::path::Path;

const SPEECH: &str = "在全区教育工作会议上的讲话\n同志们：\n今天我讲两点意见。\n\
一、认清形势\n过去一年，全区教育事业稳步发展。\n（一）成绩来之不易\n新建学校三所，新增学位两千个。\n\
（二）问题不容忽视\n城乡之间差距依然明显。\n二、明确任务\n今年要重点抓好三件事。\n\
关注公众号获取更多范文\n同志们，让我们携手努力！\n";

const OTHER: &str = "在全区卫生工作会议上的讲话\n同志们：\n一、提升服务\n基层医疗要补短板。\n\
二、深化改革\n医保支付方式改革要加快。\n同志们，让我们共同努力！\n";

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), SPEECH).unwrap();
    std::fs::write(dir.path().join("b.txt"), OTHER).unwrap();
    dir
}

fn started(dir: &Path, env: &[(&str, &str)]) -> Session {
    let d = dir.display().to_string();
    let s = Session::start_env(&[d.as_str()], env, 100, 30);
    s.wait_for("the tree", |sc| sc.contents().contains("明确任务"));
    s
}

fn status(s: &Session) -> String {
    text_at(s.parser.lock().unwrap().screen(), 29)
}

/// The texts the terminal was asked to put on the clipboard, decoded.
fn clipboard(s: &Session) -> Vec<String> {
    s.events()
        .clipboard
        .iter()
        .map(|b64| {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(b64)
                .expect("base64");
            String::from_utf8(bytes).expect("UTF-8")
        })
        .collect()
}

#[test]
fn y_copies_the_section_and_capital_y_the_outline_through_osc52() {
    let dir = folder();
    let mut s = started(dir.path(), &[]);
    // The speech, then 一、认清形势.
    s.send("j");
    s.wait_for("一、 selected", |sc| text_at(sc, 29).contains("认清形势"));
    s.send("y");
    s.wait_for("the copy said", |sc| text_at(sc, 29).contains("已复制"));
    assert_eq!(
        clipboard(&s),
        [
            "一、认清形势\n过去一年，全区教育事业稳步发展。\n（一）成绩来之不易\n\
新建学校三所，新增学位两千个。\n（二）问题不容忽视\n城乡之间差距依然明显。"
        ]
    );
    // The status line says what and how many 字 (characters other than whitespace).
    let n = clipboard(&s)[0]
        .chars()
        .filter(|c| !c.is_whitespace())
        .count();
    let said = status(&s);
    assert!(
        said.contains("一、认清形势") && said.contains(&format!("{n}字")),
        "{said}"
    );
    s.send("Y");
    s.wait_for("the outline copied", |sc| text_at(sc, 29).contains("纲目"));
    let got = clipboard(&s);
    assert_eq!(got.len(), 2);
    assert_eq!(
        got[1],
        "在全区教育工作会议上的讲话\n  一、认清形势\n    （一）成绩来之不易\n    \
（二）问题不容忽视\n  二、明确任务\n  结束语\n"
    );
    // The junk line is in neither.
    assert!(got.iter().all(|t| !t.contains("公众号")));
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_editor_opens_at_the_reading_line_and_the_saved_file_is_shown() {
    let dir = folder();
    let record = dir.path().join("args");
    // A stand-in editor: records its arguments, renames a heading, exits.
    let script = dir.path().join("editor.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\nsed -i 's/明确任务/落实任务/' \"$2\"\n",
            record.display()
        ),
    )
    .unwrap();
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&script)
        .status()
        .unwrap();
    let editor = script.display().to_string();
    let mut s = started(dir.path(), &[("VISUAL", ""), ("EDITOR", editor.as_str())]);
    // 二、明确任务 is line 10 of a.txt.
    s.send("jjjj");
    s.wait_for("二、 selected", |sc| text_at(sc, 29).contains("明确任务"));
    s.send("e");
    s.wait_for("the edited heading", |sc| {
        sc.contents().contains("落实任务") && !sc.contents().contains("明确任务")
    });
    let args = std::fs::read_to_string(&record).expect("the editor ran");
    let file = dir.path().join("a.txt").display().to_string();
    assert_eq!(args, format!("+10\n{file}\n"));
    // Back in full-screen mode, saying the file was read again, keys answering.
    assert!(status(&s).contains("已重新读入"), "{}", status(&s));
    s.send("k");
    s.wait_for("the key after the editor", |sc| {
        text_at(sc, 29).contains("问题不容忽视")
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_file_changed_on_disk_is_read_again_and_a_deleted_one_marked() {
    let dir = folder();
    let mut s = started(dir.path(), &[]);
    // Another program rewrites a.txt: a third section appears within a second or so.
    let grown = SPEECH.replace(
        "同志们，让我们携手努力！",
        "三、加强保障\n经费要优先保障。\n同志们，让我们携手努力！",
    );
    std::fs::write(dir.path().join("a.txt"), grown).unwrap();
    s.wait_for("the new section", |sc| {
        sc.contents().contains("三、加强保障")
    });
    std::fs::remove_file(dir.path().join("b.txt")).unwrap();
    let screen = s.wait_for("the deleted speech marked", |sc| {
        sc.contents().contains("已删除")
    });
    // Still in the tree, readable.
    assert!(screen.contains("卫生工作会议"), "{screen}");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn marks_and_the_last_position_are_kept_between_runs() {
    let dir = folder();
    let state = tempfile::tempdir().unwrap();
    let st = state.path().display().to_string();
    let env = [("XDG_STATE_HOME", st.as_str())];
    let mut s = started(dir.path(), &env);
    // A mark at 一、's （二）, then reading the second speech's 二、.
    s.send("jjj");
    s.wait_for("（二） selected", |sc| {
        text_at(sc, 29).contains("问题不容忽视")
    });
    s.send("ma");
    s.wait_for("the mark set", |sc| text_at(sc, 29).contains("标记 a"));
    s.send("G");
    s.send("k");
    s.wait_for("二、深化改革", |sc| {
        text_at(sc, 29).contains("深化改革")
    });
    s.send("q");
    assert!(s.wait_exit().success());
    assert!(state.path().join("gangmu/state.json").is_file());

    // The file changes in between: a paragraph added before the marked section.
    let edited = SPEECH.replace("（二）问题", "（新增）一段\n新的一段话。\n（二）问题");
    std::fs::write(dir.path().join("a.txt"), edited).unwrap();
    let mut s = started(dir.path(), &env);
    s.wait_for("back where the reader stopped", |sc| {
        text_at(sc, 29).contains("回到上次阅读的位置") && text_at(sc, 1).contains("二、深化改革")
    });
    s.send("'a");
    s.wait_for("the mark in the changed file", |sc| {
        text_at(sc, 29).contains("问题不容忽视")
    });
    s.send("q");
    assert!(s.wait_exit().success());

    // --no-restore: the first speech, from its title.
    let d = dir.path().display().to_string();
    let mut s = Session::start_env(&[d.as_str(), "--no-restore"], &env, 100, 30);
    s.wait_for("the tree", |sc| sc.contents().contains("明确任务"));
    let line = status(&s);
    assert!(
        !line.contains("深化改革") && !line.contains("回到"),
        "{line}"
    );
    s.send("'a");
    s.wait_for("no old marks", |sc| text_at(sc, 29).contains("没有标记 a"));
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_place_is_kept_when_a_signal_ends_the_browser() {
    for sig in [libc::SIGHUP, libc::SIGTERM] {
        let dir = folder();
        let state = tempfile::tempdir().unwrap();
        let st = state.path().display().to_string();
        let mut s = started(dir.path(), &[("XDG_STATE_HOME", st.as_str())]);
        s.send("G");
        s.send("k");
        s.wait_for("二、深化改革", |sc| {
            text_at(sc, 29).contains("深化改革")
        });
        s.send("mq");
        s.wait_for("the mark", |sc| text_at(sc, 29).contains("标记 q"));
        let pid = s.child.process_id().expect("pid") as libc::pid_t;
        // SAFETY: kill has no preconditions; the pid is our child's.
        assert_eq!(unsafe { libc::kill(pid, sig) }, 0);
        let status = s.wait_exit();
        assert!(!status.success(), "ended by signal {sig}");
        let kept = std::fs::read_to_string(state.path().join("gangmu/state.json"))
            .expect("state kept on a signal");
        assert!(kept.contains("b.txt") && kept.contains("\"q\""), "{kept}");
        assert!(kept.contains("二、深化改革"), "{kept}");
    }
}
