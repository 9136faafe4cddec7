//! Issue 10: signals never leave the terminal broken. The real binary runs in a pty; after
//! each signal the terminal's modes are compared with what they were before gangmu took
//! it, and the emulator is checked for the alternate screen, the cursor and mouse modes.
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

fn started() -> (Session, libc::tcflag_t) {
    let s = Session::start(&[], 80, 24);
    let before = local_modes(&s);
    assert_eq!(before & COOKED, COOKED, "the pty starts in cooked mode");
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
