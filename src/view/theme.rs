//! Every style in one place, in three palettes: for dark backgrounds, for light ones, and
//! without colour (`NO_COLOR`, `--color never`), where reverse video, bold and underline
//! carry what colour carries in the others.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Dark,
    Light,
    /// No colour at all: attributes only.
    Mono,
}

fn fg(c: Color) -> Style {
    Style::default().fg(c)
}
fn on(f: Color, b: Color) -> Style {
    Style::default().fg(f).bg(b)
}
fn with(m: Modifier) -> Style {
    Style::default().add_modifier(m)
}
const BOLD: Modifier = Modifier::BOLD;
const REV: Modifier = Modifier::REVERSED;
const UNDER: Modifier = Modifier::UNDERLINED;

impl Theme {
    pub fn base(self) -> Style {
        Style::default()
    }
    /// The header of the pane that has the keys.
    pub fn head_focused(self) -> Style {
        match self {
            Theme::Dark => on(Color::Black, Color::Cyan).add_modifier(BOLD),
            Theme::Light => on(Color::White, Color::Blue).add_modifier(BOLD),
            Theme::Mono => with(REV | BOLD),
        }
    }
    pub fn head_unfocused(self) -> Style {
        match self {
            Theme::Dark => on(Color::Gray, Color::DarkGray),
            Theme::Light => on(Color::Black, Color::Gray),
            Theme::Mono => with(UNDER),
        }
    }
    /// The selected tree row in the focused tree.
    pub fn sel_focused(self) -> Style {
        match self {
            Theme::Dark => on(Color::Black, Color::Cyan).add_modifier(BOLD),
            Theme::Light => on(Color::White, Color::Blue).add_modifier(BOLD),
            Theme::Mono => with(REV | BOLD),
        }
    }
    /// The selected tree row while the text has the keys: still plain to see.
    pub fn sel_unfocused(self) -> Style {
        match self {
            Theme::Dark => on(Color::White, Color::DarkGray),
            Theme::Light => on(Color::Black, Color::Gray),
            Theme::Mono => with(REV),
        }
    }
    pub fn fold(self) -> Style {
        match self {
            Theme::Mono => Style::default(),
            _ => fg(Color::DarkGray),
        }
    }
    pub fn count(self) -> Style {
        match self {
            Theme::Mono => with(Modifier::DIM),
            _ => fg(Color::DarkGray),
        }
    }
    /// The sign on a speech the parser has warnings about.
    pub fn warn(self) -> Style {
        match self {
            Theme::Dark => fg(Color::LightRed).add_modifier(BOLD),
            Theme::Light => fg(Color::Red).add_modifier(BOLD),
            Theme::Mono => with(BOLD),
        }
    }
    pub fn root(self) -> Style {
        match self {
            Theme::Dark => fg(Color::LightYellow).add_modifier(BOLD),
            Theme::Light => fg(Color::Blue).add_modifier(BOLD),
            Theme::Mono => with(BOLD),
        }
    }
    pub fn closing_leaf(self) -> Style {
        match self {
            Theme::Dark => fg(Color::Gray).add_modifier(Modifier::ITALIC),
            Theme::Light => fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            Theme::Mono => with(Modifier::ITALIC),
        }
    }
    /// A heading or point by its level (1 = top) and whether it is a point.
    pub fn heading(self, level: usize, point: bool) -> Style {
        let s = with(BOLD);
        if point || self == Theme::Mono {
            return s;
        }
        let c = match (self, level) {
            (Theme::Dark, 1) => Color::LightYellow,
            (Theme::Dark, 2) => Color::LightCyan,
            (Theme::Dark, 3) => Color::LightGreen,
            (Theme::Dark, _) => Color::LightMagenta,
            (_, 1) => Color::Red,
            (_, 2) => Color::Blue,
            (_, 3) => Color::Green,
            (_, _) => Color::Magenta,
        };
        s.fg(c)
    }
    pub fn title(self) -> Style {
        self.root()
    }
    pub fn subtitle(self) -> Style {
        match self {
            Theme::Dark => fg(Color::Yellow),
            Theme::Light => fg(Color::Blue),
            Theme::Mono => with(Modifier::ITALIC),
        }
    }
    pub fn meta(self) -> Style {
        match self {
            Theme::Dark => fg(Color::Gray),
            Theme::Light => fg(Color::DarkGray),
            Theme::Mono => with(Modifier::DIM),
        }
    }
    /// A row the filter shows only because a match is under it.
    pub fn context(self) -> Style {
        match self {
            Theme::Dark => fg(Color::DarkGray),
            Theme::Light => fg(Color::Gray),
            Theme::Mono => with(Modifier::DIM),
        }
    }
    /// A search match, and the filter's match in a title.
    pub fn matched(self) -> Style {
        match self {
            Theme::Mono => with(UNDER),
            _ => on(Color::Black, Color::Yellow),
        }
    }
    pub fn current_match(self) -> Style {
        match self {
            Theme::Mono => with(REV | BOLD | UNDER),
            _ => on(Color::Black, Color::LightRed).add_modifier(BOLD),
        }
    }
    pub fn status(self) -> Style {
        match self {
            Theme::Dark => on(Color::White, Color::DarkGray),
            Theme::Light => on(Color::Black, Color::Gray),
            Theme::Mono => with(REV),
        }
    }
    pub fn status_hint(self) -> Style {
        match self {
            Theme::Dark => on(Color::Black, Color::Gray),
            Theme::Light => on(Color::White, Color::DarkGray),
            Theme::Mono => with(BOLD),
        }
    }
    pub fn divider(self, dragging: bool) -> Style {
        match (self, dragging) {
            (Theme::Mono, true) => with(BOLD),
            (Theme::Mono, false) => Style::default(),
            (_, true) => fg(Color::Cyan),
            (_, false) => fg(Color::DarkGray),
        }
    }
    /// The divider drawn as a column of background (for wide ambiguous characters).
    pub fn divider_fill(self, dragging: bool) -> Style {
        match self {
            Theme::Mono => with(REV),
            _ => self.divider(dragging).bg(Color::DarkGray),
        }
    }
    pub fn help(self) -> Style {
        match self {
            Theme::Dark => on(Color::White, Color::Blue),
            Theme::Light => on(Color::Black, Color::LightCyan),
            Theme::Mono => Style::default(),
        }
    }
    pub fn help_key(self) -> Style {
        match self {
            Theme::Dark => self.help().fg(Color::LightYellow).add_modifier(BOLD),
            Theme::Light => self.help().fg(Color::Blue).add_modifier(BOLD),
            Theme::Mono => with(BOLD),
        }
    }
}
