//! The terminal side: setup and restore, the event loop, background loading.

pub mod background;
pub mod clipboard;
pub mod editor;
pub mod events;
pub mod keyname;
pub mod loader;
pub mod near;
pub mod signals;
pub mod state_file;
pub mod terminal;
pub mod watch;

use crate::app::{Action, Batch, Effect, KeyMap, State, key_action, update};
use crate::cli::{ColorArg, FindArgs, ThemeArg};
use crate::export::say;
use crate::text::Ambiguous;
use crate::view::theme::Theme;
use crate::view::view;
use crossterm::event;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How often the screen is redrawn while a search or filter runs, to show its progress.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// What the browser is started with.
pub struct Options {
    pub paths: Vec<PathBuf>,
    /// Which files folders give, how links are followed, the largest file read.
    pub find: FindArgs,
    pub amb: Ambiguous,
    pub keymap: KeyMap,
    /// Shown on the status line at start (a key file that could not be used).
    pub warning: Option<String>,
    pub theme: ThemeArg,
    pub color: ColorArg,
    /// Widest text line in columns (0: the pane's width).
    pub text_width: u16,
    /// Capture the mouse (off: the terminal's own selection works).
    pub mouse: bool,
    /// Read files again when they change on disk.
    pub watch: bool,
    /// Speaking rate in 字 a minute.
    pub rate: u32,
    /// Use the positions, marks and tree width kept from earlier runs.
    pub restore: bool,
    /// Tree width in columns from the config (0: gangmu's choice).
    pub tree_width: u16,
    /// Styles the config's `[colors]` table sets, by role.
    pub colors: Vec<(String, ratatui::style::Style)>,
}

/// Does what `update` asked of the world outside the state; what comes of it returns as
/// actions on `back`.
fn perform(
    effect: Effect,
    guard: &mut terminal::Guard,
    back: &mpsc::Sender<Action>,
    max: u64,
) -> std::io::Result<()> {
    match effect {
        Effect::FindNear(docs) => near::spawn(docs, back.clone()),
        Effect::Copy(text) => {
            if let Err(e) = clipboard::copy(&text) {
                let _ = back.send(Action::Say(crate::tr!("无法复制：{e}", "Cannot copy: {e}")));
            }
        }
        Effect::Edit { path, line } => {
            signals::editing(true);
            {
                let _out = std::io::stdout().lock();
                terminal::restore();
            }
            let ran = editor::run(&path, line);
            signals::editing(false);
            terminal::enter()?;
            guard.forget_screen()?;
            let name = editor::name();
            let said = match ran {
                Err(e) => {
                    let why = crate::corpus::find::io_reason(&e);
                    Some(crate::tr!(
                        "编辑器 {name} 无法启动：{why}（设置 $VISUAL 或 $EDITOR）",
                        "Editor {name} did not start: {why} (set $VISUAL or $EDITOR)"
                    ))
                }
                Ok(st) if !st.success() => {
                    let how = st.code().map_or_else(
                        || crate::lang::tr("信号", "a signal").to_string(),
                        |c| crate::tr!("退出码 {c}", "exit code {c}"),
                    );
                    Some(crate::tr!(
                        "编辑器 {name} 退出时报错（{how}）",
                        "Editor {name} failed ({how})"
                    ))
                }
                Ok(_) => None,
            };
            // Read again at once, whether or not a watcher also sees the save.
            let source = crate::corpus::Source::File(path.clone());
            let read = match crate::corpus::load_source(&source, crate::outline::Text::Keep, max) {
                Ok(doc) => Action::Reloaded(Box::new(loader::trimmed(doc))),
                Err(_) if !path.exists() => Action::Removed(source.display()),
                Err(e) => Action::Say(e.to_string()),
            };
            let _ = back.send(read);
            if let Some(m) = said {
                let _ = back.send(Action::Say(m));
            }
        }
    }
    Ok(())
}

/// The palette: none under `--color never` or `NO_COLOR` (a non-empty value, as
/// no-color.org says), else the theme asked for, or the one the background suits.
fn palette(theme: ThemeArg, color: ColorArg) -> Theme {
    let no_color = crate::color::no_color_env();
    match color {
        ColorArg::Never => return Theme::Mono,
        ColorArg::Auto if no_color => return Theme::Mono,
        // crossterm drops colours under NO_COLOR unless told otherwise.
        ColorArg::Always => crossterm::style::force_color_output(true),
        ColorArg::Auto => {}
    }
    match theme {
        ThemeArg::Dark => Theme::Dark,
        ThemeArg::Light => Theme::Light,
        ThemeArg::Auto => match background::is_light() {
            Some(true) => Theme::Light,
            _ => Theme::Dark,
        },
    }
}

pub fn run(opts: Options) -> ExitCode {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        say(crate::lang::tr(
            "gangmu：浏览需要终端；`gangmu outline` 以文本打印纲目",
            "gangmu: the browser needs a terminal; `gangmu outline` prints outlines as text",
        ));
        return ExitCode::FAILURE;
    }
    match run_loop(opts) {
        Ok((_, Some(sig))) => {
            signals::ended();
            ExitCode::from((128 + sig) as u8)
        }
        Ok((errors, None)) => {
            // Files that could not be read were counted on the status line; name them now
            // that the screen is back. A file name may hold escape sequences: shown, not
            // obeyed, as on screen.
            for e in &errors {
                say(&e.to_string());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            say(&crate::text::sanitize(&format!("gangmu: {e}")));
            ExitCode::FAILURE
        }
    }
}

/// The browser's session: the files that could not be read, and the signal that ended
/// it, if one did.
type Ended = (Vec<crate::corpus::LoadError>, Option<i32>);

fn run_loop(opts: Options) -> std::io::Result<Ended> {
    let (tx, rx) = mpsc::channel::<Batch>();
    let (wtx, wrx) = mpsc::channel::<Action>();
    let samples = opts.paths.is_empty();
    let max = opts.find.max_size;
    loader::spawn(
        opts.paths,
        opts.find,
        tx,
        (opts.watch && !samples).then(|| wtx.clone()),
    );
    let mut guard = terminal::setup(opts.mouse)?;
    // In raw mode, before the first read of events: the terminal's answer is not a key.
    let theme = palette(opts.theme, opts.color);
    let watch = signals::watch()?;
    let size = guard.term.size()?;
    let mut state = State::new(size.width, size.height, opts.amb);
    state.keymap = opts.keymap;
    state.message = opts.warning;
    state.theme = theme.into();
    for (role, style) in &opts.colors {
        state.theme.set(role, *style);
    }
    state.max_text_width = opts.text_width;
    state.samples = samples;
    state.rate = opts.rate;
    state.tree_width = opts.tree_width;
    let kept = state_file::path();
    if let Some(p) = &kept {
        let (memory, warning) = state_file::load(p);
        if let Some(w) = warning {
            state.message = Some(crate::text::sanitize(&w).into_owned());
        }
        // The width the reader last dragged to wins over the config's.
        if opts.restore && memory.tree_width > 0 {
            state.tree_width = memory.tree_width;
        }
        state.memory = memory;
    }
    state.restore = opts.restore;
    // Kept for the next run only when the reader changes it here, so that a width set
    // in the config is not frozen by the first run that used it.
    let start_width = state.tree_width;
    let mut dirty = true;
    let mut last_draw = Instant::now();
    // For the end-to-end test of the panic hook: panic once a document is on screen.
    let test_panic = std::env::var_os("GANGMU_TEST_PANIC").is_some();
    let mut signal = None;
    loop {
        // A signal to end: as Ctrl-C, so that the reader's place is kept.
        if let Some(sig) = signals::ending() {
            signal = Some(sig);
            // Ctrl-C's action: it quits from anywhere, an overlay or a prompt included.
            update(&mut state, Action::Interrupt);
            break;
        }
        // Back from a suspend: the terminal shows the shell's screen, not the last frame.
        if watch
            .redraw
            .swap(false, std::sync::atomic::Ordering::SeqCst)
        {
            guard.forget_screen()?;
            dirty = true;
        }
        // Everything the loader has sent so far, as one batch.
        let mut merged: Option<Batch> = None;
        while let Ok(b) = rx.try_recv() {
            let m = merged.get_or_insert_with(Batch::default);
            m.docs.extend(b.docs);
            m.errors.extend(b.errors);
            m.total = b.total.or(m.total);
            m.done |= b.done;
        }
        if let Some(b) = merged {
            update(&mut state, Action::Loaded(b));
            dirty = true;
        }
        // Files changed on disk, read again by the watcher.
        while let Ok(a) = wrx.try_recv() {
            update(&mut state, a);
            dirty = true;
        }
        for effect in std::mem::take(&mut state.effects) {
            perform(effect, &mut guard, &wtx, max)?;
            dirty = true;
        }
        if dirty {
            guard.term.draw(|f| view(&state, f))?;
            last_draw = Instant::now();
            dirty = false;
            if test_panic && state.text.is_some() {
                panic!("GANGMU_TEST_PANIC");
            }
        }
        if state.quit {
            break;
        }
        // Waking now and then also notices a return from a suspend. With a search or
        // filter running, keys come first and the work goes on between them.
        let busy = state.jobs.pending();
        let wait = if busy {
            Duration::ZERO
        } else if state.loading.done {
            Duration::from_millis(100)
        } else {
            Duration::from_millis(30)
        };
        if !event::poll(wait)? {
            if busy {
                update(&mut state, Action::Work);
                // Drawn when it ends, and now and then to show it is going on.
                dirty |= !state.jobs.pending() || last_draw.elapsed() >= PROGRESS_EVERY;
            }
            continue;
        }
        // Handle every event already queued before drawing again; a burst of resizes
        // becomes one.
        let mut resize = None;
        loop {
            match events::translate(event::read()?) {
                events::Input::Resize(w, h) => resize = Some((w, h)),
                events::Input::Key(k) => match key_action(&state, &k) {
                    Some(Action::Suspend) => {
                        signals::suspend();
                        guard.forget_screen()?;
                        dirty = true;
                    }
                    Some(a) => {
                        update(&mut state, a);
                        dirty = true;
                    }
                    None => {}
                },
                events::Input::Actions(actions) => {
                    for a in actions {
                        update(&mut state, a);
                        dirty = true;
                    }
                }
                events::Input::None => {}
            }
            if state.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        if let Some((w, h)) = resize {
            // The backend must learn the new size too before the next draw.
            guard.term.autoresize()?;
            update(&mut state, Action::Resize(w, h));
            dirty = true;
        }
        if state.quit {
            break;
        }
    }
    drop(guard);
    if let Some(p) = &kept {
        let mut memory = std::mem::take(&mut state.memory);
        memory.marks.extend(std::mem::take(&mut state.marks));
        if state.tree_width != start_width {
            memory.tree_width = state.tree_width;
        }
        memory.prune();
        if let Err(e) = state_file::save(p, &memory) {
            let (p, why) = (p.display(), crate::corpus::find::io_reason(&e));
            say(&crate::tr!(
                "gangmu: {p}: {why}；标记和阅读位置没有保存",
                "gangmu: {p}: {why}; marks and positions not kept"
            ));
        }
    }
    Ok((std::mem::take(&mut state.loading.errors), signal))
}
