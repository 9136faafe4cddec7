//! Entering and leaving full-screen mode. Restoration runs on quit, on error (the guard's
//! Drop) and on panic (the hook), and is harmless to run twice.

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Puts the terminal back as it was. Errors are ignored: there is nothing left to do.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
}

/// Restores the terminal when dropped, on every exit path.
pub struct Guard {
    pub term: Term,
}

impl Guard {
    /// Forgets what is on screen, so that the next frame is drawn whole: after a suspend
    /// the terminal shows the shell, not the last frame. Unlike `Terminal::clear`, it does
    /// not ask the terminal where the cursor is (not every terminal answers).
    pub fn forget_screen(&mut self) -> io::Result<()> {
        execute!(io::stdout(), Clear(ClearType::All))?;
        self.term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok(())
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Whether full-screen mode captures the mouse (`--no-mouse` leaves it to the terminal,
/// whose own selection then works).
static MOUSE: AtomicBool = AtomicBool::new(true);

/// Raw mode, alternate screen, mouse capture (unless turned off), bracketed paste, hidden
/// cursor; restores what it did if a step fails.
pub fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    let mut entered = execute!(out, EnterAlternateScreen);
    if entered.is_ok() && MOUSE.load(Ordering::SeqCst) {
        entered = execute!(out, EnableMouseCapture);
    }
    if entered.is_ok() {
        entered = execute!(out, EnableBracketedPaste, cursor::Hide);
    }
    if entered.is_err() {
        restore();
    }
    entered
}

/// Full-screen mode, with or without the mouse; a panic hook that restores the terminal
/// first.
pub fn setup(mouse: bool) -> io::Result<Guard> {
    MOUSE.store(mouse, Ordering::SeqCst);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    enter()?;
    // From here on the guard restores, even if a later step fails.
    match Terminal::new(CrosstermBackend::new(io::stdout())) {
        Ok(term) => Ok(Guard { term }),
        Err(e) => {
            restore();
            Err(e)
        }
    }
}
