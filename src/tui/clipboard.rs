//! The clipboard through OSC 52: the terminal sets it, so it works over ssh and inside
//! tmux, with no X11 or Wayland tool on the machine running gangmu.

use base64::Engine;
use std::io::{self, Write};

/// The escape sequence that asks the terminal to put `text` on the clipboard. Inside
/// tmux it is also sent wrapped for passthrough: tmux takes the plain one when
/// `set-clipboard` is `on`, the wrapped one when `allow-passthrough` is.
pub fn osc52(text: &str, tmux: bool) -> Vec<u8> {
    let b64 = base64::engine::general_purpose::STANDARD.encode(text);
    let plain = format!("\x1b]52;c;{b64}\x07");
    if !tmux {
        return plain.into_bytes();
    }
    let wrapped = format!("\x1bPtmux;\x1b\x1b]52;c;{b64}\x07\x1b\\");
    [plain.into_bytes(), wrapped.into_bytes()].concat()
}

/// Sends `text` to the clipboard.
pub fn copy(text: &str) -> io::Result<()> {
    let tmux = std::env::var_os("TMUX").is_some_and(|v| !v.is_empty());
    let mut out = io::stdout().lock();
    out.write_all(&osc52(text, tmux))?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_goes_as_base64_and_tmux_gets_it_wrapped_too() {
        let s = String::from_utf8(osc52("讲话", false)).unwrap();
        assert_eq!(s, "\x1b]52;c;6K6y6K+d\x07");
        let t = String::from_utf8(osc52("讲话", true)).unwrap();
        assert!(t.starts_with(&s));
        assert!(t.ends_with("\x1bPtmux;\x1b\x1b]52;c;6K6y6K+d\x07\x1b\\"));
        // Text that holds escapes is carried inside base64, never sent raw.
        let e = String::from_utf8(osc52("a\x1b]0;x\x07", false)).unwrap();
        assert_eq!(e.matches('\x1b').count(), 1);
    }
}
