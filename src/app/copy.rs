//! `y` and `Y`: the selected section's text, or the speech's outline, as the clipboard
//! gets them. Only the reading text is copied: lines the parser removed as junk are not.

use super::effect::Effect;
use super::state::State;
use super::tree::{ItemKind, NONE};
use crate::outline::chars::count_chars;
use std::ops::Range;

/// The paragraphs of tree item `i`: its heading and everything under it.
pub fn item_paras(s: &State, i: u32) -> Range<usize> {
    let it = s.tree.items[i as usize];
    let doc = &s.docs[it.doc as usize];
    let len = doc.paragraphs.len();
    let appendix = doc.appendix_para().unwrap_or(len);
    let closing = doc.closing_para().unwrap_or(appendix);
    let (start, end) = match it.kind {
        ItemKind::Root => (0, len),
        ItemKind::Closing => (closing, appendix),
        ItemKind::Appendix => (appendix, len),
        ItemKind::Node(n) => {
            let node = &doc.nodes[n as usize];
            // Up to the next section outside this one, or the closing.
            let next = doc.nodes.get(node.end).map_or(closing, |x| x.para);
            (node.para, next.min(closing))
        }
    };
    start.min(len)..end.clamp(start.min(len), len)
}

/// `y`: the selected section's text, one paragraph a line.
pub fn copy_section(s: &mut State) {
    if s.sel == NONE {
        return;
    }
    let doc = &s.docs[s.tree.items[s.sel as usize].doc as usize];
    let paras = item_paras(s, s.sel);
    let text: Vec<&str> = paras.map(|p| doc.para_text(p)).collect();
    let text = text.join("\n");
    let (m, t) = s.item_label(s.sel);
    let name = crate::outline::label(m, t);
    // The count first: on a narrow status line the title gives way, not the number.
    let (n, name) = (count_chars(&text), short(&name));
    s.message = Some(crate::tr!(
        "已复制 {n}字：{name}",
        "Copied {n} characters: {name}"
    ));
    s.effects.push(Effect::Copy(text));
}

/// `Y`: the outline of the speech the selection is in, indented two spaces a level.
pub fn copy_outline(s: &mut State) {
    if s.sel == NONE {
        return;
    }
    let d = s.tree.items[s.sel as usize].doc as usize;
    let text = outline_list(s, d);
    // Items below the title, 结束语 included.
    let n = text.lines().count().saturating_sub(1);
    let title = short(&s.docs[d].title);
    s.message = Some(crate::tr!(
        "已复制纲目 {n} 项：{title}",
        "Copied the outline, {n} items: {title}"
    ));
    s.effects.push(Effect::Copy(text));
}

/// The outline of speech `d` as an indented list: the title, each node's marker and
/// title, the closing.
pub fn outline_list(s: &State, d: usize) -> String {
    let doc = &s.docs[d];
    let mut out = doc.title.clone();
    for n in &doc.nodes {
        out.push('\n');
        out.push_str(&"  ".repeat(n.level));
        out.push_str(&crate::outline::label(
            doc.node_marker(n),
            doc.node_title(n),
        ));
    }
    if s.tree.closing_item(d).is_some() {
        out.push_str("\n  结束语");
    }
    out.push('\n');
    out
}

/// A label short enough for the status line.
fn short(label: &str) -> String {
    let mut chars = label.chars();
    let head: String = chars.by_ref().take(30).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use crate::app::effect::Effect;
    use crate::app::{State, press};
    use crate::outline::parse;
    use crate::text::Ambiguous;

    const SPEECH: &str = "在全市工作会议上的讲话\n同志们：\n今天讲两点意见。\n\
        一、抓好项目建设\n项目是发展的支撑。\n（一）抓开工\n开工要快。\n\
        二、优化营商环境\n环境就是生产力。\n更多精彩内容请关注微信公众号\n\
        同志们，让我们共同努力！\n";

    fn state() -> State {
        let doc = parse(SPEECH, "a.txt", "a", "UTF-8");
        State::with_docs(vec![doc], 100, 30, Ambiguous::Narrow)
    }

    fn copied(s: &State) -> &str {
        match s.effects.last() {
            Some(Effect::Copy(t)) => t,
            other => panic!("nothing copied: {other:?}"),
        }
    }

    #[test]
    fn a_section_is_copied_with_its_subsections_and_without_junk() {
        let mut s = state();
        // The speech, then 一、.
        press(&mut s, "jy");
        let text = copied(&s);
        assert_eq!(
            text,
            "一、抓好项目建设\n项目是发展的支撑。\n（一）抓开工\n开工要快。"
        );
        assert!(s.message.as_deref().unwrap().contains("一、抓好项目建设"));
        // 二、 stops before the closing, and the source line is not copied.
        press(&mut s, "}y");
        assert_eq!(copied(&s), "二、优化营商环境\n环境就是生产力。");
    }

    #[test]
    fn the_whole_speech_and_its_outline() {
        let mut s = state();
        press(&mut s, "gy");
        let text = copied(&s).to_string();
        assert!(text.starts_with("在全市工作会议上的讲话\n"));
        assert!(text.ends_with("让我们共同努力！"));
        assert!(!text.contains("公众号"));
        press(&mut s, "Y");
        assert_eq!(
            copied(&s),
            "在全市工作会议上的讲话\n  一、抓好项目建设\n    （一）抓开工\n  二、优化营商环境\n  结束语\n"
        );
    }
}
