use gangmu::cli::{Ambiguous, Cli, ColorArg, Command, ThemeArg};
use gangmu::export::say;
use gangmu::text::sanitize;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    gangmu::lang::set(gangmu::lang::startup(&args));
    let cli = gangmu::cli::parse();
    match cli.command {
        Some(Command::Outline(args)) => gangmu::export::run_outline(&args),
        Some(Command::Search(args)) => gangmu::search::run(&args),
        Some(Command::Check(args)) => gangmu::check::run(&args),
        Some(Command::Similar(args)) => gangmu::similar::run(&args),
        Some(Command::Config(args)) => gangmu::config::run(&args),
        Some(Command::Completions { shell }) => gangmu::usage::completions(shell),
        Some(Command::Man) => gangmu::usage::man(),
        None => browse(cli),
    }
}

/// The browser, with the command line's options over the config file's over the
/// defaults. A config file with an error stops here, naming its line.
fn browse(cli: Cli) -> ExitCode {
    // `gangmu outlin`: a usage error, not an empty browser.
    if let Some(first) = cli.paths.first()
        && let Some(name) = gangmu::usage::mistyped_subcommand(first.as_os_str())
    {
        let color = gangmu::color::enabled(
            cli.color.unwrap_or(ColorArg::Auto),
            gangmu::color::Stream::Stderr,
        );
        let arg = first.to_string_lossy();
        say(&gangmu::usage::no_such_subcommand(&arg, &name, color));
        return ExitCode::from(2);
    }
    let path = gangmu::config::path(cli.config.as_deref());
    let loaded = match gangmu::config::load(path.as_deref()) {
        Ok(l) => l,
        Err(e) => {
            say(&sanitize(&e));
            return ExitCode::from(2);
        }
    };
    // Notes are said here (they show after the browser ends) and on the status line.
    let notes: Vec<String> = loaded
        .notes
        .iter()
        .map(|n| sanitize(n).into_owned())
        .collect();
    for n in &notes {
        say(n);
    }
    let c = loaded.config;
    gangmu::tui::run(gangmu::tui::Options {
        paths: gangmu::corpus::paths_or_stdin(&cli.paths).into_owned(),
        find: cli.find,
        amb: match cli.ambiguous.or(c.ambiguous).unwrap_or(Ambiguous::Narrow) {
            Ambiguous::Narrow => gangmu::text::Ambiguous::Narrow,
            Ambiguous::Wide => gangmu::text::Ambiguous::Wide,
        },
        keymap: loaded.keymap,
        warning: notes.last().cloned(),
        theme: cli.theme.or(c.theme).unwrap_or(ThemeArg::Auto),
        color: cli.color.or(c.color).unwrap_or(ColorArg::Auto),
        text_width: cli
            .text_width
            .or(c.text_width)
            .unwrap_or(gangmu::app::state::DEFAULT_TEXT_WIDTH),
        tree_width: c.tree_width.unwrap_or(0),
        colors: loaded.colors,
        mouse: !cli.no_mouse && c.mouse.unwrap_or(true),
        watch: !cli.no_watch && c.watch.unwrap_or(true),
        rate: cli
            .rate
            .or(c.rate)
            .unwrap_or(gangmu::app::state::DEFAULT_RATE)
            .max(1),
        restore: !cli.no_restore && c.restore.unwrap_or(true),
    })
}
