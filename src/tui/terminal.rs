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

/// Raw mode, alternate screen, mouse capture, bracketed paste, hidden cursor; restores
/// what it did if a step fails.
pub fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    let entered = execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    );
    if entered.is_err() {
        restore();
    }
    entered
}

/// Full-screen mode; a panic hook that restores the terminal first.
pub fn setup() -> io::Result<Guard> {
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
