//! The real binary in a pseudo-terminal, read back through a terminal emulator (vt100).
//! Waits for a stable screen instead of sleeping for fixed times. Keeps every byte the
//! program wrote, and what the emulator was asked to do besides drawing (bells, titles,
//! clipboard writes), for the tests that check nothing from a file reaches the terminal.
#![allow(dead_code)]

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the emulator saw that is not drawing.
#[derive(Debug, Default, Clone)]
pub struct Events {
    pub bells: usize,
    pub titles: Vec<Vec<u8>>,
    pub clipboard: Vec<Vec<u8>>,
    pub unhandled_osc: usize,
    /// Resize requests (`ESC[8;r;ct`) and other unhandled CSI finals.
    pub unhandled_csi: Vec<char>,
}

impl vt100::Callbacks for Events {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
    fn paste_from_clipboard(&mut self, _: &mut vt100::Screen, ty: &[u8]) {
        self.clipboard.push(ty.to_vec());
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, _params: &[&[u8]]) {
        self.unhandled_osc += 1;
    }
    fn unhandled_csi(
        &mut self,
        _: &mut vt100::Screen,
        _i1: Option<u8>,
        _i2: Option<u8>,
        _params: &[&[u16]],
        c: char,
    ) {
        self.unhandled_csi.push(c);
    }
}

pub type Parser = vt100::Parser<Events>;

pub struct Session {
    pub parser: Arc<Mutex<Parser>>,
    /// Everything the program wrote to the terminal, in order.
    pub raw: Arc<Mutex<Vec<u8>>>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    pub master: Box<dyn MasterPty + Send>,
    /// Marks and positions go here, not to the home of the machine running the tests.
    pub state: tempfile::TempDir,
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a non-zero terminal size")
}

impl Session {
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Self::start_env(args, &[], cols, rows)
    }

    pub fn start_env(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Session {
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
        // The browser's Chinese, whatever the machine's locale.
        cmd.env("GANGMU_LANG", "zh");
        // No user key bindings from the machine running the tests.
        cmd.env("XDG_CONFIG_HOME", "/nonexistent");
        // A dark background, said the way rxvt says it: the emulator here answers no
        // questions, so the browser would otherwise ask and wait (tested on its own).
        cmd.env("COLORFGBG", "15;0");
        let state = tempfile::tempdir().expect("state dir");
        cmd.env("XDG_STATE_HOME", state.path());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn gangmu");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            nz(rows),
            nz(cols),
            0,
            Events::default(),
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let (p, r) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                r.lock().expect("raw").extend_from_slice(&buf[..n]);
                p.lock().expect("parser").process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("writer");
        Session {
            parser,
            raw,
            writer,
            child,
            master: pair.master,
            state,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    pub fn events(&self) -> Events {
        self.parser.lock().expect("parser").callbacks().clone()
    }

    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().expect("raw").clone()
    }

    /// Polls until `pred` holds for the screen and the screen has not changed for a while.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) -> String {
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

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    /// Resizes the terminal: the emulator first, then the pty (which signals the program).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .expect("parser")
            .set_size(nz(rows), nz(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
    }

    /// Still running?
    pub fn alive(&mut self) -> bool {
        self.child.try_wait().expect("try_wait").is_none()
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(st) = self.child.try_wait().expect("wait") {
                return st;
            }
            assert!(Instant::now() < deadline, "gangmu did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

pub fn text_at(screen: &vt100::Screen, row: u16) -> String {
    screen.rows(0, 500).nth(row as usize).unwrap_or_default()
}

pub fn row(s: &Session, r: u16) -> String {
    text_at(s.parser.lock().expect("parser").screen(), r)
}

/// Background colour of the text pane's header (top right cell).
pub fn text_head_bg(sc: &vt100::Screen) -> Option<vt100::Color> {
    let cols = sc.size().1.get();
    sc.cell(0, cols - 1).map(|c| c.bgcolor())
}
