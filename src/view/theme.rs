//! Every style in one place.

use ratatui::style::{Color, Modifier, Style};

pub fn base() -> Style {
    Style::default()
}
pub fn head_focused() -> Style {
    Style::default()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}
pub fn head_unfocused() -> Style {
    Style::default().fg(Color::Gray).bg(Color::DarkGray)
}
pub fn sel_focused() -> Style {
    Style::default()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}
pub fn sel_unfocused() -> Style {
    Style::default().bg(Color::DarkGray)
}
pub fn fold() -> Style {
    Style::default().fg(Color::DarkGray)
}
pub fn count() -> Style {
    Style::default().fg(Color::DarkGray)
}
pub fn root() -> Style {
    Style::default()
        .fg(Color::LightYellow)
        .add_modifier(Modifier::BOLD)
}
pub fn closing_leaf() -> Style {
    Style::default()
        .fg(Color::Gray)
        .add_modifier(Modifier::ITALIC)
}
/// A heading or point by its level (1 = top) and whether it is a point.
pub fn heading(level: usize, point: bool) -> Style {
    let s = Style::default().add_modifier(Modifier::BOLD);
    if point {
        return s;
    }
    match level {
        1 => s.fg(Color::LightYellow),
        2 => s.fg(Color::LightCyan),
        3 => s.fg(Color::LightGreen),
        _ => s.fg(Color::LightMagenta),
    }
}
pub fn title() -> Style {
    Style::default()
        .fg(Color::LightYellow)
        .add_modifier(Modifier::BOLD)
}
pub fn subtitle() -> Style {
    Style::default().fg(Color::Yellow)
}
pub fn meta() -> Style {
    Style::default().fg(Color::Gray)
}
pub fn matched() -> Style {
    Style::default().fg(Color::Black).bg(Color::Yellow)
}
pub fn current_match() -> Style {
    Style::default()
        .fg(Color::Black)
        .bg(Color::LightRed)
        .add_modifier(Modifier::BOLD)
}
pub fn status() -> Style {
    Style::default().fg(Color::White).bg(Color::DarkGray)
}
pub fn status_hint() -> Style {
    Style::default().fg(Color::Black).bg(Color::Gray)
}
pub fn divider(dragging: bool) -> Style {
    if dragging {
        Style::default().fg(Color::Cyan)
    } else {
        Style::default().fg(Color::DarkGray)
    }
}
pub fn help() -> Style {
    Style::default().fg(Color::White).bg(Color::Blue)
}
pub fn help_key() -> Style {
    help().fg(Color::LightYellow).add_modifier(Modifier::BOLD)
}
