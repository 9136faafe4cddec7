//! Standard output for the commands that stream (`outline`, `search`): writes stop at the
//! first failure, an error line on stderr comes after what was printed before it, and a
//! closed pipe (`| head`) is told apart from a real failure at the end. Never a panic.

use super::{say, say_error};
use crate::corpus::LoadError;
use std::io::{self, BufWriter, Write};

pub struct Sink {
    out: BufWriter<io::Stdout>,
    /// The first write that failed: nothing more is written after it.
    failed: Option<io::Error>,
}

/// How the output ended.
pub enum Closed {
    Fine,
    /// The reader went away: nothing is wrong with the run.
    Pipe,
    /// Said on stderr already.
    Failed,
}

impl Sink {
    pub fn new() -> Sink {
        Sink {
            out: BufWriter::with_capacity(1 << 16, io::stdout()),
            failed: None,
        }
    }

    pub fn failed(&self) -> bool {
        self.failed.is_some()
    }

    /// Writes unless an earlier write failed.
    pub fn put(&mut self, bytes: &[u8]) {
        if self.failed.is_none()
            && let Err(e) = self.out.write_all(bytes)
        {
            self.failed = Some(e);
        }
    }

    /// A file that could not be read: one line on stderr, in order with stdout.
    pub fn error(&mut self, e: &LoadError) {
        if self.failed.is_none()
            && let Err(err) = self.out.flush()
        {
            self.failed = Some(err);
        }
        say_error(e);
    }

    /// Flushes what is left; what is still buffered after a failure is dropped without
    /// another try at writing it.
    pub fn close(mut self) -> Closed {
        if self.failed.is_none()
            && let Err(e) = self.out.flush()
        {
            self.failed = Some(e);
        }
        match self.failed.take() {
            None => Closed::Fine,
            Some(e) => {
                let _ = self.out.into_parts();
                if e.kind() == io::ErrorKind::BrokenPipe {
                    Closed::Pipe
                } else {
                    say(&crate::color::error_line(
                        "standard output",
                        &e.to_string(),
                        crate::color::stderr(),
                    ));
                    Closed::Failed
                }
            }
        }
    }
}

impl Default for Sink {
    fn default() -> Self {
        Sink::new()
    }
}
