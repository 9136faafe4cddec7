//! Is the terminal's background light? For `--theme auto`: `COLORFGBG` when the terminal
//! sets it (rxvt, konsole), else the terminal is asked (OSC 11) together with a question
//! every terminal answers (DA1), so a terminal that does not know OSC 11 costs no wait.
//! Asked on the controlling terminal, never on stdin (which may be a speech piped in).

use std::time::{Duration, Instant};

/// How long to wait for a terminal that answers nothing at all.
const PATIENCE: Duration = Duration::from_millis(150);

/// `Some(true)` light, `Some(false)` dark, `None` unknown. Call in raw mode, before the
/// event reader starts, so that the answer is neither echoed nor taken for keys.
pub fn is_light() -> Option<bool> {
    if let Some(light) = std::env::var_os("COLORFGBG").and_then(|v| colorfgbg(&v.to_string_lossy()))
    {
        return Some(light);
    }
    #[cfg(unix)]
    {
        ask().and_then(|reply| osc11_luma(&reply)).map(|l| l > 0.6)
    }
    #[cfg(not(unix))]
    None
}

/// `15;0` (foreground;background, ANSI numbers): 7 and 9–15 are light backgrounds.
fn colorfgbg(v: &str) -> Option<bool> {
    let bg: u8 = v.rsplit(';').next()?.trim().parse().ok()?;
    Some(bg == 7 || (9..=15).contains(&bg))
}

/// The luma of `…]11;rgb:RRRR/GGGG/BBBB…` (1 to 4 hex digits a channel).
fn osc11_luma(reply: &[u8]) -> Option<f32> {
    let text = std::str::from_utf8(reply).ok()?;
    let at = text.find("]11;rgb:")? + "]11;rgb:".len();
    let rest = &text[at..];
    let end = rest
        .find(|c: char| !(c.is_ascii_hexdigit() || c == '/'))
        .unwrap_or(rest.len());
    let mut ch = rest[..end].split('/').map(|h| {
        let max = (1u32 << (4 * h.len().clamp(1, 4))) - 1;
        u32::from_str_radix(h, 16)
            .ok()
            .map(|v| v as f32 / max as f32)
    });
    let (r, g, b) = (ch.next()??, ch.next()??, ch.next()??);
    Some(0.2126 * r + 0.7152 * g + 0.0722 * b)
}

#[cfg(unix)]
fn ask() -> Option<Vec<u8>> {
    use std::io::{Read, Write};
    use std::os::fd::AsRawFd;
    let mut tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()?;
    tty.write_all(b"\x1b]11;?\x1b\\\x1b[c").ok()?;
    tty.flush().ok()?;
    let deadline = Instant::now() + PATIENCE;
    let mut reply = Vec::new();
    let mut buf = [0u8; 256];
    // Until the DA1 answer (`ESC [ ? … c`), which comes after any OSC 11 answer.
    while !da1_seen(&reply) && reply.len() < 4096 {
        let left = deadline.checked_duration_since(Instant::now())?;
        let mut fds = libc::pollfd {
            fd: tty.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, for an fd that stays open for the call.
        let ready = unsafe { libc::poll(&mut fds, 1, left.as_millis() as libc::c_int) };
        if ready <= 0 {
            return None;
        }
        let n = tty.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        reply.extend_from_slice(&buf[..n]);
    }
    Some(reply)
}

fn da1_seen(reply: &[u8]) -> bool {
    reply
        .windows(3)
        .position(|w| w == b"\x1b[?")
        .is_some_and(|at| reply[at..].contains(&b'c'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colorfgbg_backgrounds() {
        assert_eq!(colorfgbg("15;0"), Some(false));
        assert_eq!(colorfgbg("0;15"), Some(true));
        assert_eq!(colorfgbg("0;default;7"), Some(true));
        assert_eq!(colorfgbg("default"), None);
    }

    #[test]
    fn osc11_answers() {
        let white = osc11_luma(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;c").unwrap();
        assert!(white > 0.99);
        let black = osc11_luma(b"\x1b]11;rgb:0000/0000/0000\x07").unwrap();
        assert!(black < 0.01);
        let solarized_light = osc11_luma(b"\x1b]11;rgb:fd/f6/e3\x07").unwrap();
        assert!(solarized_light > 0.6);
        assert_eq!(osc11_luma(b"\x1b[?62;c"), None);
        assert_eq!(osc11_luma(b"\x1b]11;rgb:zz/00/00\x07"), None);
    }

    #[test]
    fn da1_is_recognised() {
        assert!(da1_seen(b"\x1b]11;rgb:0/0/0\x07\x1b[?64;1;2c"));
        assert!(!da1_seen(b"\x1b]11;rgb:0/0/0\x07\x1b[?64;1"));
    }
}
