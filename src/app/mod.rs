//! The browser's state and its one way of changing: `Action` → `update`.

pub mod action;
pub mod compare;
pub mod copy;
pub mod edit;
pub mod effect;
pub mod help;
pub mod jobs;
pub mod keymap;
pub mod memory;
pub mod mouse;
mod nav;
pub mod near;
pub mod problems;
pub mod prompt;
pub mod reload;
pub mod results;
mod search;
pub mod state;
pub mod tree;
pub mod update;

pub use action::{Action, Batch};
pub use effect::Effect;
pub use jobs::settle;
pub use keymap::KeyMap;
pub use state::{Focus, State};
pub use update::{key_action, press, update};
