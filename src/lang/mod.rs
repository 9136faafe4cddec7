//! The interface language: one for the whole process, Chinese or English, chosen once at
//! startup (`choose`) and read wherever a person reads gangmu's own words. The speech's
//! text, the outline's data (`结束语`, `附件`) and machine formats (JSON) never change
//! with it.

mod choose;
pub mod help;

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

pub use choose::{Setting, choose, from_locale, startup};

/// The language gangmu speaks in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

/// Nothing chosen yet: the library used without `main` (tests, benches) is Chinese, as
/// the browser was before the language could be chosen.
const UNSET: u8 = 0;

static GLOBAL: AtomicU8 = AtomicU8::new(UNSET);

thread_local! {
    // The test harness runs each test on a thread of its own, so a test can pin a
    // language here without racing the others.
    static PINNED: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the language for the whole process (`main`, once).
pub fn set(lang: Lang) {
    GLOBAL.store(
        match lang {
            Lang::Zh => 1,
            Lang::En => 2,
        },
        Ordering::Relaxed,
    );
}

/// Sets the language for this thread only, over the process's (tests).
pub fn pin(lang: Lang) {
    PINNED.with(|p| p.set(Some(lang)));
}

/// The language in effect on this thread.
pub fn current() -> Lang {
    PINNED
        .with(Cell::get)
        .unwrap_or(match GLOBAL.load(Ordering::Relaxed) {
            2 => Lang::En,
            _ => Lang::Zh,
        })
}

pub fn is_zh() -> bool {
    current() == Lang::Zh
}

/// One of two texts, by the language in effect.
pub fn tr(zh: &'static str, en: &'static str) -> &'static str {
    if is_zh() { zh } else { en }
}

/// `format!` in the language in effect: `tr!("第 {n} 行", "line {n}")`, the same
/// arguments for both.
#[macro_export]
macro_rules! tr {
    ($zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        if $crate::lang::is_zh() {
            format!($zh $(, $arg)*)
        } else {
            format!($en $(, $arg)*)
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinned_language_wins_on_its_thread_only() {
        pin(Lang::En);
        assert_eq!(tr("中", "en"), "en");
        let n = 3;
        assert_eq!(tr!("第 {n} 行", "line {n}"), "line 3");
        let other = std::thread::spawn(|| tr("中", "en")).join().unwrap();
        assert_eq!(other, "中");
        pin(Lang::Zh);
        assert_eq!(tr!("第 {} 行", "line {}", n), "第 3 行");
    }
}
