use clap::Parser;
use gangmu::cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Outline(args)) => gangmu::export::run_outline(&args),
        None => gangmu::export::run_outline(&cli.outline_args()),
    }
}
