//! Running the user's editor on a speech (`e`): full-screen mode is left while it runs
//! and entered again after, as `git commit` and `fzf` do.

use std::io;
use std::path::Path;
use std::process::Command;

/// The editor's command line: `$VISUAL`, else `$EDITOR`, else `vi`, split as a shell
/// would (`code --wait` is a command and an argument), then `+LINE PATH`.
pub fn command_line(
    visual: Option<&str>,
    editor: Option<&str>,
    path: &Path,
    line: usize,
) -> Vec<std::ffi::OsString> {
    let chosen = [visual, editor]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|v| !v.is_empty())
        .unwrap_or("vi");
    let mut argv: Vec<std::ffi::OsString> = shell_words::split(chosen)
        .unwrap_or_else(|_| chosen.split_whitespace().map(String::from).collect())
        .into_iter()
        .map(Into::into)
        .collect();
    if argv.is_empty() {
        argv.push("vi".into());
    }
    argv.push(format!("+{}", line.max(1)).into());
    argv.push(path.as_os_str().to_owned());
    argv
}

/// The editor's command as the user set it, for messages.
pub fn name() -> String {
    let var = |k| {
        std::env::var(k)
            .ok()
            .filter(|v: &String| !v.trim().is_empty())
    };
    var("VISUAL")
        .or_else(|| var("EDITOR"))
        .unwrap_or_else(|| "vi".into())
}

/// Runs the editor on `path` at `line` and waits for it. The caller has left full-screen
/// mode; a failure to start is the error returned.
pub fn run(path: &Path, line: usize) -> io::Result<std::process::ExitStatus> {
    let var = |k| std::env::var(k).ok();
    let (visual, editor) = (var("VISUAL"), var("EDITOR"));
    let argv = command_line(visual.as_deref(), editor.as_deref(), path, line);
    Command::new(&argv[0]).args(&argv[1..]).status()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: Vec<std::ffi::OsString>) -> Vec<String> {
        v.into_iter()
            .map(|s| s.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn visual_then_editor_then_vi_with_the_line_and_path() {
        let p = Path::new("讲话 稿.txt");
        assert_eq!(
            strings(command_line(Some("code --wait"), Some("nano"), p, 12)),
            ["code", "--wait", "+12", "讲话 稿.txt"]
        );
        assert_eq!(
            strings(command_line(
                Some(" "),
                Some("'/opt/my editor/ed' -x"),
                p,
                0
            )),
            ["/opt/my editor/ed", "-x", "+1", "讲话 稿.txt"]
        );
        assert_eq!(strings(command_line(None, None, p, 3))[0], "vi");
    }
}
