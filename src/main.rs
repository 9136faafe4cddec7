use clap::Parser;
use gangmu::cli::{Ambiguous, Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Outline(args)) => gangmu::export::run_outline(&args),
        None => {
            let keymap = match gangmu::tui::load_keymap() {
                Ok(k) => k,
                Err(e) => {
                    gangmu::export::say(&gangmu::text::sanitize(&format!("gangmu: {e}")));
                    return ExitCode::from(2);
                }
            };
            gangmu::tui::run(gangmu::tui::Options {
                paths: cli.paths,
                exts: cli.find.ext,
                max_size: cli.find.max_size,
                amb: match cli.ambiguous {
                    Ambiguous::Narrow => gangmu::text::Ambiguous::Narrow,
                    Ambiguous::Wide => gangmu::text::Ambiguous::Wide,
                },
                keymap,
            })
        }
    }
}
