//! Issue 10 in the browser: signals never leave the terminal broken, and no input aborts
//! it. The real binary runs in a pty; after each signal the terminal's modes are compared
//! with what they were before gangmu took it, and the emulator is checked for the
//! alternate screen, the cursor and mouse modes.
#![cfg(unix)]

mod common;
use common::pty::Session;

/// The pty's local modes, read through the master side.
fn local_modes(s: &Session) -> libc::tcflag_t {
    let fd = s.master.as_raw_fd().expect("a unix pty");
    // SAFETY: a zeroed termios is a valid buffer for tcgetattr to fill; the fd is open.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        assert_eq!(libc::tcgetattr(fd, &mut t), 0, "tcgetattr");
        t.c_lflag
    }
}

/// What raw mode turns off: line editing, echo, signals from keys.
const COOKED: libc::tcflag_t = libc::ICANON | libc::ECHO | libc::ISIG;

/// A new pty starts in cooked mode (read before gangmu can change it, it would race with
/// the program's start): that is what must come back.
fn started() -> (Session, libc::tcflag_t) {
    let s = Session::start(&[], 80, 24);
    let before = COOKED;
    s.wait_for("the first frame", |sc| {
        sc.alternate_screen() && sc.contents().contains("纲目")
    });
    assert_eq!(local_modes(&s) & COOKED, 0, "gangmu runs in raw mode");
    (s, before)
}

fn signal(s: &Session, sig: libc::c_int) {
    let pid = s.child.process_id().expect("pid") as libc::pid_t;
    // SAFETY: kill has no memory effects; the pid is our child's.
    assert_eq!(unsafe { libc::kill(pid, sig) }, 0);
}

/// Nothing of full-screen mode is left.
fn assert_restored(s: &Session, before: libc::tcflag_t, what: &str) {
    s.wait_for(&format!("the terminal restored after {what}"), |sc| {
        !sc.alternate_screen()
            && !sc.hide_cursor()
            && sc.mouse_protocol_mode() == vt100::MouseProtocolMode::None
            && !sc.bracketed_paste()
    });
    assert_eq!(
        local_modes(s) & COOKED,
        before & COOKED,
        "modes after {what}"
    );
}

#[test]
fn ending_signals_restore_the_terminal() {
    for (sig, name) in [
        (libc::SIGTERM, "SIGTERM"),
        (libc::SIGHUP, "SIGHUP"),
        (libc::SIGINT, "SIGINT"),
        (libc::SIGQUIT, "SIGQUIT"),
    ] {
        let (mut s, before) = started();
        signal(&s, sig);
        let status = s.wait_exit();
        assert!(!status.success(), "{name}: {status:?}");
        assert_restored(&s, before, name);
    }
}

#[test]
fn a_suspend_restores_the_terminal_and_fg_redraws() {
    // From outside (SIGTSTP) and from the keyboard (Ctrl-Z, a key in raw mode).
    for how in ["SIGTSTP", "Ctrl-Z"] {
        let (mut s, before) = started();
        match how {
            "SIGTSTP" => signal(&s, libc::SIGTSTP),
            _ => s.send("\x1a"),
        }
        assert_restored(&s, before, how);
        assert!(s.alive(), "{how}: stopped, not ended");
        // `fg`: the shell sends SIGCONT; the browser comes back, drawn anew.
        signal(&s, libc::SIGCONT);
        s.wait_for(&format!("the browser back after {how}"), |sc| {
            sc.alternate_screen() && sc.contents().contains("纲目") && sc.hide_cursor()
        });
        assert_eq!(local_modes(&s) & COOKED, 0, "raw mode again after {how}");
        s.send("q");
        assert!(s.wait_exit().success());
        assert_restored(&s, before, "q");
    }
}

#[test]
fn a_file_claiming_a_terabyte_is_one_failed_file_in_the_browser() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    std::fs::write(dir.join("good.txt"), common::hostile::GOOD).unwrap();
    let big = std::fs::File::create(dir.join("x.txt")).unwrap();
    if big.set_len(1 << 40).is_err() {
        eprintln!("this file system has no sparse files: skipped");
        return;
    }
    let mut s = Session::start(&[dir.to_str().unwrap()], 100, 24);
    let screen = s.wait_for("the good speech and the failed file", |sc| {
        sc.contents().contains("在全市经济工作会议上的讲话")
            && sc.contents().contains("1 个文件未读")
    });
    assert!(screen.contains("纲目"), "{screen}");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_terminal_as_standard_input_is_refused_not_waited_on() {
    // `gangmu -` typed at a shell: stdin is the terminal the keys come from.
    let mut s = Session::start(&["-"], 80, 24);
    s.wait_for("the browser, with the failed input counted", |sc| {
        sc.contents().contains("纲目") && sc.contents().contains("1 个文件未读")
    });
    // Keys still reach the browser.
    s.send("q");
    assert!(s.wait_exit().success());
    let raw = String::from_utf8_lossy(&s.raw()).into_owned();
    assert!(raw.contains("标准输入是终端"), "{raw}");
}

#[test]
fn a_key_file_that_cannot_be_used_is_named_and_the_defaults_work() {
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().to_path_buf();
    let keys = base.join("gangmu").join("keys.json");
    // What the case is, how its file is made, what the status line says.
    type Case<'a> = (&'a str, Box<dyn Fn() + 'a>, &'a str);
    let cases: [Case; 5] = [
        (
            "a directory",
            Box::new(|| std::fs::create_dir_all(&keys).unwrap()),
            "is a directory",
        ),
        (
            "not UTF-8",
            Box::new(|| std::fs::write(&keys, b"{\"tree\": \xff}").unwrap()),
            "not UTF-8",
        ),
        (
            "an unknown section",
            Box::new(|| std::fs::write(&keys, r#"{"keys": {"x": "quit"}}"#).unwrap()),
            "unknown section keys",
        ),
        (
            "an action name with escapes",
            Box::new(|| {
                // JSON escapes: serde names the unknown action with ESC and BEL in it.
                std::fs::write(&keys, r#"{"tree": {"x": "\u001b]0;pwned\u0007"}}"#).unwrap()
            }),
            "␛]0;pwned␇",
        ),
        (
            "a byte order mark, which is no error",
            Box::new(|| std::fs::write(&keys, "\u{feff}{\"tree\": {\"x\": \"quit\"}}").unwrap()),
            "",
        ),
    ];
    for (what, make, said) in cases {
        let _ = std::fs::remove_dir_all(&base);
        std::fs::create_dir_all(keys.parent().unwrap()).unwrap();
        make();
        let home = base.to_str().unwrap();
        let mut s = Session::start_env(&[], &[("XDG_CONFIG_HOME", home)], 100, 24);
        let screen = s.wait_for(&format!("the browser with {what}"), |sc| {
            sc.alternate_screen() && sc.contents().contains("纲目")
        });
        if said.is_empty() {
            // The file's own binding works: x quits from the tree.
            s.send("x");
        } else {
            assert!(screen.contains(said), "{what}: {screen}");
            // The default keys work.
            s.send("j");
            s.send("q");
        }
        assert!(s.wait_exit().success(), "{what}");
        let raw = s.raw();
        assert!(
            !raw.windows(3).any(|w| w == b"\x1b]0"),
            "{what}: an escape reached the terminal"
        );
    }
}
