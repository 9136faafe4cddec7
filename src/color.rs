//! Whether to colour what gangmu prints, decided in one place for every command and
//! both streams: `--color always|never|auto`, auto being colour when the stream is a
//! terminal and `NO_COLOR` is not set (to a non-empty value, as no-color.org says).
//! Only ANSI SGR codes are written, and only around text already sanitized.

use crate::cli::ColorArg;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

/// Where the coloured text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// `NO_COLOR` is set to a non-empty value.
pub fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Colour on `stream`? `always` wins over `NO_COLOR`, as in the browser.
pub fn enabled(choice: ColorArg, stream: Stream) -> bool {
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            !no_color_env()
                && match stream {
                    Stream::Stdout => std::io::stdout().is_terminal(),
                    Stream::Stderr => std::io::stderr().is_terminal(),
                }
        }
    }
}

/// Error lines are said from many places (`export::say_error`); the choice for stderr is
/// made once, when a command starts, and read there.
static STDERR: AtomicBool = AtomicBool::new(false);

/// Decides for the rest of the run whether error lines on stderr are coloured.
pub fn choose_for_stderr(choice: ColorArg) {
    STDERR.store(enabled(choice, Stream::Stderr), Ordering::Relaxed);
}

/// Are error lines on stderr coloured?
pub fn stderr() -> bool {
    STDERR.load(Ordering::Relaxed)
}

/// The SGR codes gangmu uses, one name per meaning.
pub mod style {
    pub const RESET: &str = "\x1b[0m";
    pub const BOLD: &str = "\x1b[1m";
    /// File names (as ripgrep shows them).
    pub const PATH: &str = "\x1b[35m";
    /// Line numbers and positions.
    pub const LINE: &str = "\x1b[32m";
    /// Outline markers (`一、`, `（一）`, `一是`) and the 结束语 and 附件 rows.
    pub const MARKER: &str = "\x1b[36m";
    /// `warning:` (rustc's colour).
    pub const WARNING: &str = "\x1b[1;33m";
    /// `note:` (rustc's colour).
    pub const NOTE: &str = "\x1b[1;32m";
    /// `error:` and the `gangmu:` of an error line.
    pub const ERROR: &str = "\x1b[1;31m";
}

/// Writes `text` in `code` when colour is on, plainly when it is off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint(pub bool);

impl Paint {
    /// `text` wrapped in `code` and a reset, or `text` alone.
    pub fn paint(self, code: &str, text: &str) -> String {
        if self.0 && !code.is_empty() && !text.is_empty() {
            format!("{code}{text}{}", style::RESET)
        } else {
            text.to_string()
        }
    }
}

/// `gangmu: SUBJECT: MESSAGE`, the form of every error line, coloured or not. The
/// caller sanitizes subject and message (they may come from a file name).
pub fn error_line(subject: &str, message: &str, color: bool) -> String {
    let p = Paint(color);
    format!(
        "{} {}: {message}",
        p.paint(style::ERROR, "gangmu:"),
        p.paint(style::PATH, subject)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_and_always_ignore_the_stream() {
        assert!(!enabled(ColorArg::Never, Stream::Stdout));
        assert!(enabled(ColorArg::Always, Stream::Stderr));
    }

    #[test]
    fn error_lines_plain_and_coloured() {
        assert_eq!(
            error_line("a.txt", "empty file", false),
            "gangmu: a.txt: empty file"
        );
        assert_eq!(
            error_line("a.txt", "empty file", true),
            "\x1b[1;31mgangmu:\x1b[0m \x1b[35ma.txt\x1b[0m: empty file"
        );
    }
}
