use clap::Parser;
use gangmu::cli::{Ambiguous, Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Outline(args)) => gangmu::export::run_outline(&args),
        Some(Command::Search(args)) => gangmu::search::run(&args),
        Some(Command::Check(args)) => gangmu::check::run(&args),
        Some(Command::Completions { shell }) => gangmu::usage::completions(shell),
        Some(Command::Man) => gangmu::usage::man(),
        None => {
            // `gangmu outlin`: a usage error, not an empty browser.
            if let Some(first) = cli.paths.first()
                && let Some(name) = gangmu::usage::mistyped_subcommand(first.as_os_str())
            {
                let color = gangmu::color::enabled(cli.color, gangmu::color::Stream::Stderr);
                let arg = first.to_string_lossy();
                gangmu::export::say(&gangmu::usage::no_such_subcommand(&arg, &name, color));
                return ExitCode::from(2);
            }
            // A key file that cannot be used is said once here (it shows after the
            // browser ends) and on the status line; the browser opens with the defaults.
            let (keymap, warning) = gangmu::tui::load_keymap();
            let warning = warning.map(|w| gangmu::text::sanitize(&w).into_owned());
            if let Some(w) = &warning {
                gangmu::export::say(w);
            }
            gangmu::tui::run(gangmu::tui::Options {
                paths: gangmu::corpus::paths_or_stdin(&cli.paths).into_owned(),
                find: cli.find,
                amb: match cli.ambiguous {
                    Ambiguous::Narrow => gangmu::text::Ambiguous::Narrow,
                    Ambiguous::Wide => gangmu::text::Ambiguous::Wide,
                },
                keymap,
                warning,
                theme: cli.theme,
                color: cli.color,
                text_width: cli.text_width,
                mouse: !cli.no_mouse,
                watch: !cli.no_watch,
                rate: cli.rate,
                restore: !cli.no_restore,
            })
        }
    }
}
