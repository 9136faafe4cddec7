//! Running the gangmu binary under a watchdog, with scratch folders made at test time.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const WATCHDOG: Duration = Duration::from_secs(30);

pub const GOOD: &str = "在全县工作会议上的讲话\n同志们：\n下面，我讲两点意见。\n一、提高站位\n各级干部要切实增强责任感。\n二、狠抓落实\n一是抓项目。项目是发展的生命线。\n二是抓招商。招商是项目的源头。\n同志们，让我们共同努力！\n";

/// A scratch directory holding `good.txt`, removed when the test ends. Made by
/// `tempfile` (a fresh name, only this user's), the name only a prefix to tell it by.
pub struct Dir(pub PathBuf, tempfile::TempDir);

impl Dir {
    pub fn new(name: &str) -> Dir {
        let t = tempfile::Builder::new()
            .prefix(&format!("gangmu-rel-{name}-"))
            .tempdir()
            .expect("temp dir");
        let d = t.path().to_path_buf();
        std::fs::write(d.join("good.txt"), GOOD).expect("good.txt");
        Dir(d, t)
    }
    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
    pub fn s(&self, name: &str) -> String {
        self.path(name).display().to_string()
    }
}

pub struct Done {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

pub fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_gangmu"));
    c.args(args);
    // The tests read its English, whatever the machine's locale.
    c.env("GANGMU_LANG", "en");
    // The outline cache of `gangmu search` goes to a scratch folder, not the user's.
    c.env(
        "XDG_CACHE_HOME",
        std::env::temp_dir().join("gangmu-test-cache"),
    );
    c
}

/// Waits for `child` under the watchdog; reads what it wrote; no death by signal.
pub fn finish(mut child: Child) -> Done {
    let mut out = child.stdout.take();
    let mut err = child.stderr.take();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(o) = out.as_mut() {
            let _ = o.read_to_end(&mut v);
        }
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(e) = err.as_mut() {
            let _ = e.read_to_end(&mut v);
        }
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("try_wait") {
            break s;
        }
        if start.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gangmu did not answer within {WATCHDOG:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert!(status.signal().is_none(), "killed by {:?}", status.signal());
    }
    Done {
        code: status.code(),
        stdout: String::from_utf8_lossy(&out_t.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err_t.join().unwrap()).into_owned(),
    }
}

pub fn run(args: &[&str]) -> Done {
    let child = command(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    finish(child)
}

/// The good speech was outlined.
pub fn has_good(d: &Done) -> bool {
    d.stdout.contains("一、提高站位")
}
