//! The real binary in a pseudo-terminal, read back through a terminal emulator (vt100).
//! Waits for a stable screen instead of sleeping for fixed times.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Self::start_env(args, &[], cols, rows)
    }

    fn start_env(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gangmu"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        // No user key bindings from the machine running the tests.
        cmd.env("XDG_CONFIG_HOME", "/nonexistent");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn gangmu");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().expect("rows"),
            cols.try_into().expect("cols"),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let p = parser.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().expect("parser").process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("writer");
        // Keep the master alive as long as the writer by leaking it into the session.
        std::mem::forget(pair.master);
        Session {
            parser,
            writer,
            child,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Polls until `pred` holds for the screen and the screen has not changed for a while.
    fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut last = String::new();
        let mut stable_since = Instant::now();
        loop {
            let (now, ok) = {
                let p = self.parser.lock().expect("parser");
                (p.screen().contents_formatted_basic(), pred(p.screen()))
            };
            if now != last {
                last = now;
                stable_since = Instant::now();
            } else if ok && stable_since.elapsed() >= Duration::from_millis(150) {
                return self.screen();
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }
}

fn text_at(screen: &vt100::Screen, row: u16) -> String {
    screen.rows(0, 200).nth(row as usize).unwrap_or_default()
}

fn row(s: &Session, r: u16) -> String {
    text_at(s.parser.lock().expect("parser").screen(), r)
}

/// Background colour of the text pane's header (top right cell).
fn text_head_bg(sc: &vt100::Screen) -> Option<vt100::Color> {
    let (_, cols) = (sc.size().0.get(), sc.size().1.get());
    sc.cell(0, cols - 1).map(|c| c.bgcolor())
}

#[test]
fn browse_the_samples_in_a_real_terminal() {
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/sample");
    let mut s = Session::start(&[samples], 100, 30);
    let first = s.wait_for("the first frame with the tree filled", |sc| {
        sc.alternate_screen() && sc.contents().contains("纲目") && sc.contents().contains("结束语")
    });
    assert!(first.contains("? 帮助"), "{first}");
    assert!(!row(&s, 29).contains('›'), "starts at a speech title");

    // `]`: the first heading; the breadcrumb gains a level.
    s.send("]");
    s.wait_for("the breadcrumb to show a heading", |sc| {
        text_at(sc, 29).contains('›')
    });
    let top_row = row(&s, 1);

    // Tab: the text header takes the focus colour.
    let before = text_head_bg(s.parser.lock().expect("parser").screen());
    s.send("\t");
    s.wait_for("the focus to move to the text", |sc| {
        text_head_bg(sc) != before
    });

    // PageDown: the text moves on.
    s.send("\x1b[6~");
    let paged = s.wait_for("the text to scroll a page", |sc| text_at(sc, 1) != top_row);
    assert!(paged.contains("帮助"), "{paged}");

    // q: quits with status 0, leaving the alternate screen and showing the cursor.
    s.send("q");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(st) = s.child.try_wait().expect("wait") {
            break st;
        }
        assert!(Instant::now() < deadline, "gangmu did not quit");
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(status.success(), "exit status {status:?}");
    s.wait_for("the terminal to be restored", |sc| {
        !sc.alternate_screen() && !sc.hide_cursor()
    });
}

fn wait_exit(s: &mut Session) -> portable_pty::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(st) = s.child.try_wait().expect("wait") {
            return st;
        }
        assert!(Instant::now() < deadline, "gangmu did not exit");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn temp_speech(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("gangmu-e2e-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{name}.txt"));
    std::fs::write(&path, text).expect("write speech");
    path
}

#[test]
fn escape_sequences_in_a_file_are_shown_not_obeyed() {
    let path = temp_speech(
        "esc",
        "控制字符测试讲话\n同志们：\n这里有\u{1b}[2J\u{1b}[31m转义序列\u{1b}]0;标题\u{7}和\u{9b}31m结尾。\n",
    );
    let mut s = Session::start(&[path.to_str().expect("utf-8 path")], 80, 12);
    let screen = s.wait_for("the speech", |sc| sc.contents().contains("转义序列"));
    assert!(screen.contains("␛[2J␛[31m转义序列␛]0;标题␇和"), "{screen}");
    // The 8-bit CSI (U+009B) is not obeyed either: what follows it stays text.
    assert!(screen.contains("31m结"), "{screen}");
    assert!(
        screen.contains("纲目"),
        "the screen was not cleared by the file: {screen}"
    );
    s.send("q");
    assert!(wait_exit(&mut s).success());
    let _ = std::fs::remove_dir_all(path.parent().expect("dir"));
}

#[test]
fn a_panic_restores_the_terminal() {
    let mut s = Session::start_env(&[], &[("GANGMU_TEST_PANIC", "1")], 80, 24);
    let status = wait_exit(&mut s);
    assert!(!status.success());
    let screen = s.wait_for("the terminal to be restored", |sc| {
        !sc.alternate_screen() && !sc.hide_cursor()
    });
    assert!(
        screen.contains("GANGMU_TEST_PANIC"),
        "the panic message is readable: {screen}"
    );
    let mode = s
        .parser
        .lock()
        .expect("parser")
        .screen()
        .mouse_protocol_mode();
    assert_eq!(mode, vt100::MouseProtocolMode::None, "mouse capture off");
}
