//! Command-line definitions.

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "gangmu",
    version,
    about = "纲目: outline browser for Chinese speeches"
)]
#[command(args_conflicts_with_subcommands = true)]
#[command(after_help = crate::usage::TOP_AFTER)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or directories to open (default: a speech piped in, else the bundled
    /// samples). `-` reads stdin.
    #[arg(value_parser = any_path())]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub find: FindArgs,
    /// How to measure ambiguous-width characters (“ ” … × · —) [default: narrow].
    #[arg(long, value_enum)]
    pub ambiguous: Option<Ambiguous>,
    /// Colours for a dark or a light background; auto asks the terminal (else dark)
    /// [default: auto].
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
    /// Colour or not: auto is colour unless NO_COLOR is set; never draws with reverse
    /// video, bold and underline only [default: auto].
    #[arg(long, value_enum)]
    pub color: Option<ColorArg>,
    /// Widest the text is set, in columns (80 = 40 Chinese characters); a wider pane
    /// centres it. 0 sets it as wide as the pane [default: 80].
    #[arg(long, value_name = "COLS")]
    pub text_width: Option<u16>,
    /// Leave the mouse to the terminal, so that its own selection and copy work.
    #[arg(long)]
    pub no_mouse: bool,
    /// Do not read files again when they change on disk.
    #[arg(long)]
    pub no_watch: bool,
    /// Start fresh: do not go back to earlier runs' positions, marks and tree width
    /// (this run's are still kept).
    #[arg(long)]
    pub no_restore: bool,
    /// Speaking rate for `t` (speaking time), in 字 a minute [default: 220].
    #[arg(long, value_name = "字/分钟", value_parser = clap::value_parser!(u32).range(1..))]
    pub rate: Option<u32>,
    /// The config file to read instead of the usual one (also GANGMU_CONFIG).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Interface language: zh or en [default: GANGMU_LANG, then the config's lang, then
    /// the locale: LC_ALL, LC_MESSAGES or LANG starting with zh is zh].
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
}

/// `--lang`. It is read before clap parses (`lang::startup`), so that `--help` is
/// already in the language; clap checks the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

/// The command line's definition in the language in effect.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    cmd.build();
    if crate::lang::is_zh() {
        crate::lang::help::localize(cmd)
    } else {
        cmd
    }
}

/// `Cli::parse`, with the help in the language in effect.
pub fn parse() -> Cli {
    use clap::FromArgMatches;
    let mut cmd = command();
    let parsed = cmd
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|m| Cli::from_arg_matches(&m));
    parsed.unwrap_or_else(|e| exit(e.format(&mut cmd)))
}

/// Ends the run on a parse error (or after `--help`, `--version`), as clap does, with
/// its usage errors in Chinese when that is the language.
fn exit(e: clap::Error) -> ! {
    use clap::error::ErrorKind::*;
    let shown = matches!(
        e.kind(),
        DisplayHelp | DisplayVersion | DisplayHelpOnMissingArgumentOrSubcommand
    );
    if shown || !crate::lang::is_zh() {
        e.exit()
    }
    crate::export::say(crate::lang::help::clap_error(&e.render().to_string()).trim_end());
    std::process::exit(e.exit_code())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeArg {
    Auto,
    Dark,
    Light,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the outline of speeches as text, JSON or Markdown.
    Outline(OutlineArgs),
    /// Find a phrase in every speech, with the section each match stands in.
    Search(SearchArgs),
    /// Print the configuration in effect as a commented config.toml to start from.
    Config(ConfigArgs),
    /// Check the structure of speech drafts: numbering, headings, points, junk, closing.
    Check(CheckArgs),
    /// Which speeches copy which: pairs that share text, by family.
    Similar(SimilarArgs),
    /// Print a completion script for a shell.
    #[command(after_help = crate::usage::COMPLETIONS_AFTER)]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output.
    #[command(after_help = crate::usage::MAN_AFTER)]
    Man,
}

/// `gangmu check`.
#[derive(Debug, Clone, Args)]
#[command(after_help = crate::usage::CHECK_AFTER)]
pub struct CheckArgs {
    /// Files or directories (default: a speech piped in, else the bundled samples).
    /// `-` reads stdin.
    #[arg(value_parser = any_path())]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub find: FindArgs,
    /// Output: text (`PATH:LINE:COL: warning: MESSAGE [rule]`) or json (one object).
    #[arg(short, long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Only these rules (repeatable, or comma separated).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "RULE")]
    pub rule: Vec<crate::check::Rule>,
    /// Skip these rules (repeatable, or comma separated).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "RULE")]
    pub no_rule: Vec<crate::check::Rule>,
    /// Colour `warning:` and `note:`, and error lines: auto (when the stream is a
    /// terminal and NO_COLOR is not set), always or never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

/// `gangmu similar`.
#[derive(Debug, Clone, Args)]
#[command(after_help = "Examples:
  gangmu similar 讲话/                    families of speeches that share text
  gangmu similar --min 60 -f jsonl 讲话/  pairs where 60% of one is in the other

Containment is measured on the speech text (junk removed), ignoring whitespace and
punctuation, in passages of 8 characters or more. Exit status: 0, or 2 when a file could
not be read or the output failed.")]
pub struct SimilarArgs {
    /// Files or directories (default: a speech piped in, else the bundled samples).
    #[arg(value_parser = any_path())]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub find: FindArgs,
    /// Report a pair when this much of one speech, in percent, is in the other.
    #[arg(long, value_name = "PERCENT", default_value_t = 30, value_parser = clap::value_parser!(u8).range(1..=100))]
    pub min: u8,
    /// A passage found in more speeches than this is a set phrase or template: it does
    /// not make a pair by itself.
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub common: usize,
    /// Output: text (one block per family), json (one object), jsonl (one pair a line).
    #[arg(short, long, value_enum, default_value_t = SimilarFormat::Text)]
    pub format: SimilarFormat,
    /// Colour error lines: auto, always or never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SimilarFormat {
    Text,
    Json,
    Jsonl,
}

/// `gangmu config`.
#[derive(Debug, Clone, Args)]
pub struct ConfigArgs {
    /// The config file to read instead of the usual one (also GANGMU_CONFIG).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print only where the config file is looked for.
    #[arg(long)]
    pub path: bool,
}

/// `gangmu search`.
#[derive(Debug, Clone, Args)]
#[command(after_help = crate::usage::SEARCH_AFTER)]
pub struct SearchArgs {
    /// A phrase; several words separated by spaces must all be in one paragraph.
    #[arg(allow_hyphen_values = true)]
    pub pattern: String,
    /// Files or directories (default: a speech piped in, else the bundled samples).
    /// `-` reads stdin.
    #[arg(value_parser = any_path())]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub find: FindArgs,
    /// The pattern is a regular expression (Rust regex syntax).
    #[arg(long)]
    pub regex: bool,
    /// The whole pattern is one phrase, spaces included.
    #[arg(long, conflicts_with = "regex")]
    pub phrase: bool,
    /// No folding: full- and half-width forms, simplified and traditional characters
    /// and ASCII case must be as typed.
    #[arg(long)]
    pub exact: bool,
    /// Output: text (one line per match), json (one object), jsonl (one object per match).
    #[arg(short, long, value_enum, default_value_t = SearchFormat::Text)]
    pub format: SearchFormat,
    /// Print how many matches each speech has instead of the matches.
    #[arg(short = 'c', long)]
    pub count: bool,
    /// Neither read nor write the outline cache: parse every matching speech, list every
    /// folder. The cache keeps the outlines of speeches searched before, by path, size
    /// and times, and the listings of folders unchanged since.
    #[arg(long)]
    pub no_cache: bool,
    /// Colour the matches, and error lines: auto (when the stream is a terminal and
    /// NO_COLOR is not set), always or never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchFormat {
    Text,
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Args)]
pub struct FindArgs {
    /// Extra file extensions to read from directories besides .txt, comma separated (e.g. md,text).
    #[arg(long, value_delimiter = ',')]
    pub ext: Vec<String>,
    /// Largest file or stream to read (e.g. 512M, 2G); larger ones are reported and skipped.
    #[arg(long, value_name = "SIZE", value_parser = crate::corpus::parse_size, default_value = "512M")]
    pub max_size: u64,
    /// Follow links to folders inside the folders walked (links to files are always read).
    #[arg(short = 'L', long)]
    pub follow: bool,
}

impl Default for FindArgs {
    /// What the command line gives when none of these options is used.
    fn default() -> Self {
        FindArgs {
            ext: Vec::new(),
            max_size: crate::corpus::DEFAULT_MAX_SIZE,
            follow: false,
        }
    }
}

#[derive(Debug, Clone, Args)]
#[command(after_help = crate::usage::OUTLINE_AFTER)]
pub struct OutlineArgs {
    /// Files or directories (default: a speech piped in, else the bundled samples).
    /// `-` reads stdin.
    #[arg(value_parser = any_path())]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub find: FindArgs,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Print every line of each file with the role gangmu gave it and why.
    #[arg(long, conflicts_with = "format")]
    pub explain: bool,
    /// Colour markers and titles in text output, and error lines: auto (when the
    /// stream is a terminal and NO_COLOR is not set), always or never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// An indented tree with lines, 字数 and warnings.
    Text,
    /// One object: schema, documents and errors.
    Json,
    /// One JSON object a line (JSON Lines): each document as it is outlined, or an error.
    Jsonl,
    /// Nested lists under each title, to paste into a document.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Ambiguous {
    Narrow,
    Wide,
}

/// Any path, the empty one included: clap's own path parser refuses `''` with a usage
/// error, where it is one unreadable path among others and reported as such.
fn any_path() -> impl clap::builder::TypedValueParser<Value = PathBuf> {
    use clap::builder::TypedValueParser;
    clap::builder::OsStringValueParser::new().map(PathBuf::from)
}
