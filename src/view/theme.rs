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
    /// The ≈ of a speech with near-duplicates.
    pub fn similar(self) -> Style {
        match self {
            Theme::Dark => fg(Color::LightMagenta).add_modifier(BOLD),
            Theme::Light => fg(Color::Magenta).add_modifier(BOLD),
            Theme::Mono => with(BOLD),
        }
    }
    /// Text both speeches of a comparison have.
    pub fn shared(self) -> Style {
        match self {
            Theme::Dark => fg(Color::LightGreen),
            Theme::Light => fg(Color::Green),
            Theme::Mono => with(UNDER),
        }
    }
    /// The difference the comparison is at.
    pub fn difference(self) -> Style {
        match self {
            Theme::Mono => with(REV | BOLD),
            _ => on(Color::Black, Color::LightRed).add_modifier(BOLD),
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

/// What a `[colors]` table may set, by the names a config file uses, with what each
/// colours.
pub const ROLES: &[(&str, &str)] = &[
    ("header", "the focused pane's header"),
    ("header_dim", "the other pane's header"),
    ("selection", "the selected row in the focused tree"),
    (
        "selection_dim",
        "the selected row while the text has the keys",
    ),
    ("speech", "a speech's title in the tree and the text"),
    ("heading1", "top-level headings (一、)"),
    ("heading2", "second-level headings (（一）)"),
    ("heading3", "third-level headings (1.)"),
    ("heading4", "deeper headings"),
    ("point", "points (一是, 首先)"),
    ("closing", "the 结束语 and 附件 leaves"),
    ("subtitle", "the subtitle"),
    ("meta", "the speaker and date lines"),
    ("count", "字数 and speaking time"),
    ("warning", "the ! of a speech with warnings"),
    ("similar", "the ≈ of a speech with near-duplicates"),
    ("shared", "text both speeches of a comparison have"),
    ("difference", "the difference a comparison is at"),
    ("fold", "the ▸ ▾ signs"),
    (
        "context",
        "rows the filter shows only for a match under them",
    ),
    ("match", "search and filter matches"),
    ("current_match", "the match the reader is at"),
    ("status", "the status line"),
    ("status_hint", "the ? hint on the status line"),
    ("divider", "the line between the panes"),
    ("help", "the help and problems overlays"),
    ("help_key", "keys and titles in the overlays"),
];

/// The styles the view draws with: a palette, and what the config's `[colors]` table
/// changed in it. Colours set there are not used without colour (`NO_COLOR`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Styles {
    pub palette: Theme,
    over: [Option<Style>; ROLES.len()],
}

impl From<Theme> for Styles {
    fn from(palette: Theme) -> Self {
        Styles {
            palette,
            over: [None; ROLES.len()],
        }
    }
}

/// Delegates that lay the config's style for the role over the palette's.
macro_rules! roles {
    ($($method:ident => $role:literal),* $(,)?) => {
        impl Styles {
            $(pub fn $method(self) -> Style {
                self.with($role, self.palette.$method())
            })*
        }
    };
}

roles! {
    base => "",
    head_focused => "header",
    head_unfocused => "header_dim",
    sel_focused => "selection",
    sel_unfocused => "selection_dim",
    fold => "fold",
    count => "count",
    warn => "warning",
    similar => "similar",
    shared => "shared",
    difference => "difference",
    root => "speech",
    title => "speech",
    closing_leaf => "closing",
    subtitle => "subtitle",
    meta => "meta",
    context => "context",
    matched => "match",
    current_match => "current_match",
    status => "status",
    status_hint => "status_hint",
    help => "help",
    help_key => "help_key",
}

impl Styles {
    /// Sets role `name` (one of `ROLES`) to `style`; false for an unknown role.
    pub fn set(&mut self, name: &str, style: Style) -> bool {
        match ROLES.iter().position(|(r, _)| *r == name) {
            Some(i) => {
                self.over[i] = Some(style);
                true
            }
            None => false,
        }
    }

    fn with(self, role: &str, base: Style) -> Style {
        let Some(i) = ROLES.iter().position(|(r, _)| *r == role) else {
            return base;
        };
        match self.over[i] {
            // Without colour only the attributes of a setting count.
            Some(o) if self.palette == Theme::Mono => base.patch(Style {
                fg: None,
                bg: None,
                ..o
            }),
            Some(o) => base.patch(o),
            None => base,
        }
    }

    pub fn heading(self, level: usize, point: bool) -> Style {
        let role = match (point, level) {
            (true, _) => "point",
            (_, 1) => "heading1",
            (_, 2) => "heading2",
            (_, 3) => "heading3",
            _ => "heading4",
        };
        self.with(role, self.palette.heading(level, point))
    }

    pub fn divider(self, dragging: bool) -> Style {
        self.with("divider", self.palette.divider(dragging))
    }

    pub fn divider_fill(self, dragging: bool) -> Style {
        self.with("divider", self.palette.divider_fill(dragging))
    }
}

/// A style as a config writes it: a foreground colour, `on` a background colour, and
/// attributes, in any order: `yellow`, `black on cyan`, `bold #ffd700`, `underline`.
/// Colours are names (`red`, `lightblue`, `darkgray`), `#rrggbb` or 0–255.
pub fn parse_style(text: &str) -> Result<Style, String> {
    let mut style = Style::default();
    let mut words = text.split_whitespace().peekable();
    if words.peek().is_none() {
        return Err("an empty style".into());
    }
    while let Some(w) = words.next() {
        let modifier = match w.to_ascii_lowercase().as_str() {
            "bold" => Some(BOLD),
            "dim" => Some(Modifier::DIM),
            "italic" => Some(Modifier::ITALIC),
            "underline" | "underlined" => Some(UNDER),
            "reverse" | "reversed" => Some(REV),
            _ => None,
        };
        if let Some(m) = modifier {
            style = style.add_modifier(m);
        } else if w.eq_ignore_ascii_case("on") {
            let c = words.next().ok_or("`on` with no colour after it")?;
            style = style.bg(colour(c)?);
        } else {
            style = style.fg(colour(w)?);
        }
    }
    Ok(style)
}

fn colour(w: &str) -> Result<Color, String> {
    w.parse::<Color>().map_err(|_| {
        format!("unknown colour '{w}' (a name such as yellow or lightblue, #rrggbb, or 0–255)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_as_a_config_writes_them() {
        assert_eq!(parse_style("yellow"), Ok(fg(Color::Yellow)));
        assert_eq!(
            parse_style("black on cyan bold"),
            Ok(on(Color::Black, Color::Cyan).add_modifier(BOLD))
        );
        assert_eq!(parse_style("#ffd700"), Ok(fg(Color::Rgb(0xff, 0xd7, 0x00))));
        assert_eq!(
            parse_style("underline 208"),
            Ok(fg(Color::Indexed(208)).add_modifier(UNDER))
        );
        assert!(parse_style("yelow").is_err());
        assert!(parse_style("red on").is_err());
        assert!(parse_style(" ").is_err());
    }

    #[test]
    fn a_role_set_in_the_config_wins_and_colour_is_dropped_without_colour() {
        let mut s = Styles::from(Theme::Dark);
        assert!(s.set("heading1", parse_style("magenta").unwrap()));
        assert!(!s.set("headline", Style::default()));
        assert_eq!(s.heading(1, false).fg, Some(Color::Magenta));
        // Other levels keep the palette's.
        assert_eq!(s.heading(2, false), Theme::Dark.heading(2, false));
        let mut m = Styles::from(Theme::Mono);
        m.set("match", parse_style("red on yellow italic").unwrap());
        let st = m.matched();
        assert_eq!((st.fg, st.bg), (None, None));
        assert!(st.add_modifier.contains(Modifier::ITALIC | UNDER));
    }
}
