//! gangmu: outlines of Chinese speeches, and a terminal browser for them.
//!
//! The core (`corpus`, `outline`, `text`, `export`) knows nothing of the terminal.

pub mod app;
pub mod cache;
pub mod check;
pub mod cli;
pub mod color;
pub mod config;
pub mod corpus;
pub mod export;
pub mod lang;
pub mod outline;
pub mod search;
pub mod similar;
pub mod text;
pub mod tui;
pub mod usage;
pub mod view;
