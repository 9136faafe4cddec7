//! `e`: the speech on screen opened in the user's editor at the line being read. The
//! event loop runs the editor (`Effect::Edit`) and reads the file again after it.

use super::effect::Effect;
use super::state::State;
use crate::lang::tr;
use std::path::PathBuf;

/// The file of speech `doc` on disk, when it has one: not a bundled sample, not stdin.
pub fn file_of(s: &State, doc: usize) -> Option<PathBuf> {
    let d = s.docs.get(doc)?;
    if s.samples || d.path == "-" {
        return None;
    }
    Some(PathBuf::from(&d.path))
}

/// The 1-based line of the reading position: the paragraph at the top of the text pane.
pub fn reading_line(s: &State) -> Option<(usize, usize)> {
    let tv = s.text.as_ref()?;
    let para = tv.layout.para_at(tv.top).unwrap_or(0);
    let line = s.docs[tv.doc].paragraphs.get(para).map_or(1, |p| p.line);
    Some((tv.doc, line))
}

pub fn open_editor(s: &mut State) {
    let Some((doc, line)) = reading_line(s) else {
        return;
    };
    match file_of(s, doc) {
        Some(path) if path.is_file() => s.effects.push(Effect::Edit { path, line }),
        Some(_) => {
            s.message = Some(
                tr(
                    "文件已不在原处，无法编辑",
                    "The file is no longer there to edit",
                )
                .into(),
            )
        }
        None => {
            s.message = Some(
                tr(
                    "示例讲话和标准输入没有文件可编辑",
                    "Samples and standard input have no file to edit",
                )
                .into(),
            )
        }
    }
}
