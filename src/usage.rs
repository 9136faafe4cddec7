//! What gangmu says about itself: the examples, exit statuses and files at the end of
//! each `--help`, the man page (`gangmu man`), shell completions (`gangmu completions`),
//! and the suggestion for a mistyped subcommand.

use crate::export::say;
use crate::lang::tr;
use std::io::Write;
use std::process::ExitCode;

/// After `gangmu --help`.
pub const TOP_AFTER: &str = "\
Examples:
  gangmu                                 browse the bundled sample speeches
  gangmu 讲话/                           browse every .txt under 讲话/
  cat 讲话.txt | gangmu                  browse a speech piped in (keys from the terminal)
  gangmu outline 讲话.txt                print its outline
  gangmu search \"基层 减负\" 讲话/        every paragraph with both words, and its section
  gangmu check 初稿.txt                  numbering, headings, points, junk, closing

With no PATH, a speech piped or redirected into standard input is read; when standard
input is a terminal or /dev/null, the bundled samples are.

Files:
  $XDG_CONFIG_HOME/gangmu/config.toml    settings and key bindings
                                         (default ~/.config/gangmu/config.toml)
  $XDG_STATE_HOME/gangmu/state.json      reading positions, marks, tree width
                                         (default ~/.local/state/gangmu/state.json)

Environment: NO_COLOR (no colour under --color auto), GANGMU_CONFIG (another config
file), GANGMU_LANG (interface language, zh or en), LC_ALL, LC_MESSAGES, LANG (a locale
starting with zh makes the interface Chinese, any other English), VISUAL or EDITOR (the
editor `e` opens in the browser).

Exit status: 0 success, 1 failure (the browser needs a terminal), 2 usage error. Each
command's --help gives its own; `gangmu man` prints the manual page.";

/// After `gangmu outline --help`.
pub const OUTLINE_AFTER: &str = "\
Examples:
  gangmu outline 讲话.txt                    the outline as an indented tree
  gangmu outline -f markdown 讲话.txt        nested lists, to paste into a document
  gangmu outline -f json 讲话/ > 纲目.json    one JSON object (\"schema\": 1)
  gangmu outline -f jsonl 讲话/ | jq -r .title
                                             one JSON document a line, as they come
  cat 讲话.txt | gangmu outline              a speech piped in
  gangmu outline --explain 讲话.txt          every line: the role it got, and why

Exit status: 0 when every file was outlined, 1 when some could not be read, 2 on a
usage error. A closed pipe (| head) ends the run quietly, with 0.";

/// After `gangmu search --help`.
pub const SEARCH_AFTER: &str = "\
Examples:
  gangmu search 营商环境 讲话/               every paragraph that says it, with its section
  gangmu search \"基层 减负\" 讲话/            both words in one paragraph
  gangmu search --phrase \"基层 减负\" 讲话/   the words as one phrase
  gangmu search --regex '第[一二三]季度' 讲话/
  gangmu search -c 招商 讲话/                how many matches each speech has
  gangmu search -f jsonl 招商 讲话/          one JSON object a match

Outline cache: the outlines of speeches searched are kept in ~/.cache/gangmu/outlines
($XDG_CACHE_HOME), by path, size and times, so a folder searched again only has its
changed files parsed, and is not listed again while unchanged; the speeches are never
written. --no-cache does without it.

Exit status: 0 when something was found, 1 when nothing was, 2 on an error (a bad
pattern, a file that could not be read). A closed pipe (| head) ends the run quietly,
with 0.";

/// After `gangmu check --help`.
pub const CHECK_AFTER: &str = "\
Examples:
  gangmu check 初稿.txt                      PATH:LINE:COL: warning: MESSAGE [rule]
  gangmu check --rule numbering,junk 初稿/   only these rules
  gangmu check --no-rule parallel 初稿.txt   all but the notes on wording
  gangmu check -f json 初稿.txt              one JSON object

Rules: numbering, announced, mixed-style, heading-punct, parallel (a note), lone-point,
junk, closing.

Exit status: 0 when no warning was found (notes alone leave it 0), 1 when some were,
2 on an error (a file that could not be read). A closed pipe (| head) ends the run
quietly, with 0.";

/// After `gangmu completions --help`.
pub const COMPLETIONS_AFTER: &str = "\
Examples:
  gangmu completions bash > ~/.local/share/bash-completion/completions/gangmu
  gangmu completions zsh > ~/.zfunc/_gangmu        (with fpath+=~/.zfunc in .zshrc)
  gangmu completions fish > ~/.config/fish/completions/gangmu.fish
  gangmu completions powershell >> $PROFILE";

/// After `gangmu man --help`.
pub const MAN_AFTER: &str = "\
Examples:
  gangmu man | man -l -
  gangmu man > ~/.local/share/man/man1/gangmu.1";

/// `gangmu completions SHELL`: the script on stdout.
pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut cmd = crate::cli::command();
    let mut script = Vec::new();
    // Into memory first: clap_complete panics when its writer fails (a closed pipe).
    clap_complete::generate(shell, &mut cmd, "gangmu", &mut script);
    print(&script)
}

/// `gangmu man`: one roff page for gangmu(1), every subcommand in it, on stdout.
pub fn man() -> ExitCode {
    let mut page = Vec::new();
    match man_page(&mut page) {
        Ok(()) => print(&tidy(&page)),
        Err(e) => {
            say(&crate::color::error_line(
                "man",
                &e.to_string(),
                crate::color::stderr(),
            ));
            ExitCode::FAILURE
        }
    }
}

/// The page: the top command's title, name, synopsis, description and options (the
/// browser's), then a COMMANDS section with each subcommand's synopsis, options and
/// examples, then the examples, files and exit statuses of `gangmu --help`.
fn man_page(out: &mut Vec<u8>) -> std::io::Result<()> {
    let mut cmd = crate::cli::command();
    cmd.build();
    let top = clap_mangen::Man::new(cmd.clone());
    top.render_title(out)?;
    top.render_name_section(out)?;
    top.render_synopsis_section(out)?;
    top.render_description_section(out)?;
    top.render_options_section(out)?;
    out.extend_from_slice(b".SH COMMANDS\n");
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name() == "help" {
            continue;
        }
        let name = format!("gangmu {}", sub.get_name());
        writeln!(out, ".SS \"{}\"", roff_text(&name))?;
        let man = clap_mangen::Man::new(sub.clone());
        let mut part = Vec::new();
        man.render_synopsis_section(&mut part)?;
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            writeln!(part, ".PP\n{}", roff_text(&about.to_string()))?;
        }
        man.render_options_section(&mut part)?;
        // Inside COMMANDS, each subcommand's sections are paragraphs with a bold label.
        for line in String::from_utf8_lossy(&part).lines() {
            match line.strip_prefix(".SH ") {
                Some(heading) => {
                    let label = heading.trim_matches('"').to_lowercase();
                    writeln!(out, ".PP\n\\fI{}:\\fR", roff_text(&capitalized(&label)))?;
                }
                None => writeln!(out, "{line}")?,
            }
        }
        if let Some(after) = sub.get_after_long_help().or(sub.get_after_help()) {
            literal(out, &after.to_string())?;
        }
    }
    let heading = tr("例子、文件、退出状态", "EXAMPLES, FILES, EXIT STATUS");
    writeln!(out, ".SH \"{heading}\"")?;
    literal(out, tr(crate::lang::help::TOP_AFTER, TOP_AFTER))?;
    top.render_version_section(out)?;
    Ok(())
}

/// The lines each clap_mangen part starts with, defining `\*(Aq` (an apostrophe).
const AQ: [&str; 2] = [".ie \\n(.g .ds Aq \\(aq", ".el .ds Aq '"];

/// The page as `man` expects it: `.TH` first, then the definition of `\*(Aq` once
/// (every part rendered on its own repeats it).
fn tidy(page: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(page);
    let mut lines: Vec<&str> = text.lines().filter(|l| !AQ.contains(l)).collect();
    let th = lines
        .iter()
        .position(|l| l.starts_with(".TH "))
        .unwrap_or(0);
    let title = lines.remove(th);
    let mut out = format!("{title}\n{}\n{}\n", AQ[0], AQ[1]);
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
    out.into_bytes()
}

/// Text kept as it is laid out (`.nf`), escaped for roff.
fn literal(out: &mut Vec<u8>, text: &str) -> std::io::Result<()> {
    out.extend_from_slice(b".PP\n.nf\n");
    for line in text.lines() {
        writeln!(out, "{}", roff_text(line))?;
    }
    out.extend_from_slice(b".fi\n");
    Ok(())
}

/// A line of text for roff: backslashes escaped, and a line that would read as a
/// request (a leading `.` or `'`) protected by `\&`.
fn roff_text(line: &str) -> String {
    let escaped = line.replace('\\', "\\e");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|first| first.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Writes `bytes` to stdout: a closed pipe is a success, as for the other commands.
fn print(bytes: &[u8]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let line =
                crate::color::error_line(tr("标准输出", "standard output"), &e.to_string(), false);
            say(&line);
            ExitCode::FAILURE
        }
    }
}

/// `gangmu outlin`: the browser's first path, when it names nothing on disk and is a
/// subcommand's name mistyped, gives that subcommand's name. A missing file
/// (`missing.txt`) or anything with a path separator or a dot is left to the browser,
/// which says it could not be read.
pub fn mistyped_subcommand(arg: &std::ffi::OsStr) -> Option<String> {
    let arg = arg.to_str()?;
    if arg.is_empty() || arg.contains(['/', '\\', '.']) || std::fs::symlink_metadata(arg).is_ok() {
        return None;
    }
    let cmd = crate::cli::command();
    let names = cmd.get_subcommands().map(|s| s.get_name().to_string());
    let names: Vec<String> = names.chain(["help".to_string()]).collect();
    names
        .into_iter()
        .filter_map(|name| {
            // One edit for short names, two for longer ones (a swap is one edit), or
            // the beginning of a name (`compl`).
            let d = strsim::osa_distance(arg, &name);
            let near = d <= if name.len() <= 4 { 1 } else { 2 };
            let prefix = arg.len() >= 3 && name.starts_with(arg);
            (near || prefix).then_some((d, name))
        })
        .min()
        .map(|(_, name)| name)
}

/// The usage error for a mistyped subcommand, as clap words its own.
pub fn no_such_subcommand(arg: &str, suggestion: &str, color: bool) -> String {
    let p = crate::color::Paint(color);
    let error = p.paint(crate::color::style::ERROR, tr("错误：", "error:"));
    let arg = crate::text::sanitize(arg);
    crate::tr!(
        "{error} 没有这个子命令或路径“{arg}”；是不是想用“{suggestion}”？\n\n\
         更多信息请用 '--help'。",
        "{error} no such subcommand or path '{arg}'; did you mean '{suggestion}'?\n\n\
         For more information, try '--help'."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn near_names_are_suggested_and_files_are_not() {
        let s = |a: &str| mistyped_subcommand(OsStr::new(a));
        assert_eq!(s("outlin").as_deref(), Some("outline"));
        assert_eq!(s("serach").as_deref(), Some("search"));
        assert_eq!(s("chekc").as_deref(), Some("check"));
        assert_eq!(s("compl").as_deref(), Some("completions"));
        assert_eq!(s("mna").as_deref(), Some("man"));
        for not in [
            "missing.txt",
            "讲话",
            "dir/outlin",
            "xyz",
            "",
            "outline.txt",
            "o",
        ] {
            assert_eq!(s(not), None, "{not}");
        }
    }

    #[test]
    fn roff_lines_never_start_a_request() {
        assert_eq!(roff_text(".hidden"), "\\&.hidden");
        assert_eq!(roff_text("'quoted'"), "\\&'quoted'");
        assert_eq!(roff_text("a\\b"), "a\\eb");
    }
}
