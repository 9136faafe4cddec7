//! Signals. On SIGTERM, SIGHUP, SIGINT or SIGQUIT the terminal is put back before gangmu
//! ends; on SIGTSTP (and Ctrl-Z, which raw mode turns into a key) it is put back, the
//! process stops, and on `fg` full-screen mode is entered again and the screen redrawn.
//!
//! Signals and job control are Unix's: elsewhere `watch` starts nothing and `suspend`
//! does nothing (there is no shell job to stop), with the same interface.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

#[cfg(unix)]
pub use unix::{Watch, suspend, watch};

#[cfg(not(unix))]
pub use other::{Watch, suspend, watch};

/// A signal that asks the browser to end (SIGTERM, SIGHUP, SIGINT, SIGQUIT), once one came.
static ENDING: AtomicI32 = AtomicI32::new(0);
/// The event loop has ended the run: state kept, terminal restored.
static ENDED: AtomicBool = AtomicBool::new(false);

/// The signal asking the browser to end, if one came: the event loop quits as on Ctrl-C.
pub fn ending() -> Option<i32> {
    match ENDING.load(Ordering::SeqCst) {
        0 => None,
        sig => Some(sig),
    }
}

/// The event loop has done what ending asks; the signal thread may exit now.
pub fn ended() {
    ENDED.store(true, Ordering::SeqCst);
}

/// Set while the user's editor runs in the foreground.
static EDITING: AtomicBool = AtomicBool::new(false);

/// The editor starts (`true`) or has ended: signals are left to it meanwhile.
pub fn editing(on: bool) {
    EDITING.store(on, Ordering::SeqCst);
}

#[cfg(unix)]
mod unix {
    use super::{Arc, AtomicBool, EDITING, ENDED, ENDING, Ordering};
    use crate::tui::terminal;
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    use signal_hook::iterator::{Handle, Signals};
    use std::io;

    /// The watching thread's handle, and the flag it raises when the screen must be drawn
    /// again from scratch.
    pub struct Watch {
        pub redraw: Arc<AtomicBool>,
        handle: Handle,
    }

    impl Drop for Watch {
        fn drop(&mut self) {
            self.handle.close();
        }
    }

    /// Starts watching for the signals above on a thread of its own, so that they are
    /// answered even while the event loop is busy.
    pub fn watch() -> io::Result<Watch> {
        let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP])?;
        let handle = signals.handle();
        let redraw = Arc::new(AtomicBool::new(false));
        let flag = redraw.clone();
        std::thread::spawn(move || {
            for sig in signals.forever() {
                if EDITING.load(Ordering::SeqCst) {
                    // The editor has the terminal: Ctrl-C and Ctrl-\ are its own (as git
                    // commit leaves them), and a stop stops gangmu with it, screen untouched.
                    if sig == SIGTSTP {
                        // SAFETY: raise has no preconditions.
                        unsafe {
                            libc::raise(libc::SIGSTOP);
                        }
                    } else if sig == SIGTERM || sig == SIGHUP {
                        std::process::exit(128 + sig);
                    }
                    continue;
                }
                if sig == SIGTSTP {
                    suspend();
                    flag.store(true, Ordering::SeqCst);
                } else {
                    // The event loop ends the run itself (and keeps the reader's place)
                    // when it can; a loop stuck in work still ends within a second.
                    ENDING.store(sig, Ordering::SeqCst);
                    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(1);
                    while !ENDED.load(Ordering::SeqCst) && std::time::Instant::now() < deadline {
                        std::thread::sleep(std::time::Duration::from_millis(5));
                    }
                    // Holding standard output, so that no frame is drawn after the restore.
                    let _out = io::stdout().lock();
                    terminal::restore();
                    std::process::exit(128 + sig);
                }
            }
        });
        Ok(Watch { redraw, handle })
    }

    /// Leaves full-screen mode, stops until continued (`fg`), then enters it again. The
    /// caller redraws the whole screen.
    pub fn suspend() {
        {
            let _out = io::stdout().lock();
            terminal::restore();
            // SAFETY: raise has no preconditions; SIGSTOP cannot be caught, so the process
            // stops here until SIGCONT.
            unsafe {
                libc::raise(libc::SIGSTOP);
            }
        }
        let _ = terminal::enter();
    }
}

#[cfg(not(unix))]
mod other {
    use super::{Arc, AtomicBool};
    use std::io;

    /// The flag is never raised: nothing stops the browser behind its back.
    pub struct Watch {
        pub redraw: Arc<AtomicBool>,
    }

    pub fn watch() -> io::Result<Watch> {
        Ok(Watch {
            redraw: Arc::new(AtomicBool::new(false)),
        })
    }

    /// No job control: the browser stays on screen.
    pub fn suspend() {}
}
