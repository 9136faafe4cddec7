//! Standard input that is a terminal, and a speech piped into the browser, which then
//! takes its keys from the terminal (`/dev/tty`). Run through `sh` in a pseudo-terminal,
//! so that the shell does the piping as a user's would.
#![cfg(unix)]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SPEECH: &str = "在管道工作会议上的讲话\n同志们：\n一、读取管道\n正文。\n二、读取按键\n正文。\n同志们，让我们共同努力！\n";

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal size")
}

struct Shell {
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    /// The terminal's output has ended (every writer closed it).
    done: Arc<AtomicBool>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
    _state: tempfile::TempDir,
}

/// `sh -c SCRIPT` in a 100×30 pty; `$0` is gangmu, `$1` is `arg`.
fn shell(script: &str, arg: &str) -> Shell {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("openpty");
    let mut cmd = CommandBuilder::new("sh");
    cmd.args(["-c", script, env!("CARGO_BIN_EXE_gangmu"), arg]);
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    // The browser's Chinese, whatever the machine's locale.
    cmd.env("GANGMU_LANG", "zh");
    cmd.env("XDG_CONFIG_HOME", "/nonexistent");
    // The emulator answers no questions: the background is said the way rxvt says it.
    cmd.env("COLORFGBG", "15;0");
    cmd.env_remove("NO_COLOR");
    let state = tempfile::tempdir().expect("state dir");
    cmd.env("XDG_STATE_HOME", state.path());
    let child = pair.slave.spawn_command(cmd).expect("spawn sh");
    drop(pair.slave);
    let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(30), nz(100), 0)));
    let raw = Arc::new(Mutex::new(Vec::new()));
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let (s, r) = (screen.clone(), raw.clone());
    let done = Arc::new(AtomicBool::new(false));
    let d = done.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            r.lock().unwrap().extend_from_slice(&buf[..n]);
            s.lock().unwrap().process(&buf[..n]);
        }
        d.store(true, Ordering::SeqCst);
    });
    let writer = pair.master.take_writer().expect("writer");
    Shell {
        screen,
        raw,
        done,
        writer,
        child,
        _master: pair.master,
        _state: state,
    }
}

impl Shell {
    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, what: &str) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if self.contents().contains(what) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// Everything written to the terminal, once the program has ended.
    fn output(&self) -> String {
        let start = Instant::now();
        while !self.done.load(Ordering::SeqCst) && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(10));
        }
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    /// The exit status, within 20 seconds.
    fn exit(&mut self) -> Option<u32> {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status.exit_code());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        None
    }
}

#[test]
fn a_terminal_on_standard_input_keeps_the_samples() {
    // `gangmu outline` typed at a prompt: stdin is the terminal, nothing is piped in.
    let mut sh = shell("exec \"$0\" outline --color never", "");
    assert_eq!(sh.exit(), Some(0), "{}", sh.contents());
    let out = sh.output();
    assert!(out.contains("== sample/01_economy_work.txt"), "{out}");
    // Not waiting for a speech on the terminal.
    assert!(!out.contains("== -"), "{out}");
}

#[test]
fn outline_text_is_coloured_on_a_terminal() {
    let mut sh = shell("exec \"$0\" outline sample", "");
    assert_eq!(sh.exit(), Some(0));
    let out = sh.output();
    assert!(out.contains("\x1b[36m一、\x1b[0m"), "{out:?}");
    // NO_COLOR turns auto off.
    let mut sh = shell("NO_COLOR=1 exec \"$0\" outline", "");
    assert_eq!(sh.exit(), Some(0));
    let out = sh.output();
    assert!(out.contains("== sample/01"), "{out:?}");
    assert!(!out.contains('\x1b'), "{out:?}");
}

#[test]
fn error_lines_are_coloured_on_a_terminal() {
    let mut sh = shell("exec \"$0\" outline missing.txt", "");
    assert_eq!(sh.exit(), Some(1));
    let out = sh.output();
    assert!(
        out.contains("\x1b[1;31mgangmu:\x1b[0m \x1b[35mmissing.txt\x1b[0m: 没有这个文件"),
        "{out:?}"
    );
}

#[test]
fn the_browser_reads_a_piped_speech_and_its_keys_from_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("speech.txt");
    std::fs::write(&file, SPEECH).unwrap();
    // `cat speech.txt | gangmu`: the speech comes through the pipe, the keys through
    // /dev/tty.
    let mut sh = shell("cat \"$1\" | exec \"$0\"", &file.display().to_string());
    assert!(sh.wait_for("在管道工作会议上的讲话"), "{}", sh.contents());
    assert!(sh.wait_for("二、读取按键"), "{}", sh.contents());
    let screen = sh.contents();
    assert!(screen.contains("1 篇"), "{screen}");
    // One speech, from standard input, not the bundled samples.
    assert!(!screen.contains("内置示例"), "{screen}");
    assert!(!screen.contains("经济工作会议"), "{screen}");
    sh.writer.write_all(b"q").unwrap();
    sh.writer.flush().unwrap();
    assert_eq!(sh.exit(), Some(0), "{}", sh.contents());
}
