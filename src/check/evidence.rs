//! Rules that read what the parser already decided: its warnings (numbering, mixed
//! styles, the announced count), the points it found alone, the lines it removed as junk,
//! and whether it found a closing. Nothing is derived a second time.

use super::place::At;
use super::{Finding, Rule, Rules};
use crate::outline::chars::{is_cjk, norm};
use crate::outline::framing::announced_at;
use crate::outline::markers::{PointGroup, point_marker};
use crate::outline::{Document, Kind, Role, WarnKind, Why};

/// `numbering`, `mixed-style` and `announced`, from `Document::warnings` by their kind.
/// Numbering warnings point at the marker of the node on their line.
pub fn warnings(doc: &Document, rules: Rules, out: &mut Vec<Finding>) {
    for w in &doc.warnings {
        let rule = match w.kind {
            WarnKind::NumberingStart
            | WarnKind::NumberingGap
            | WarnKind::NumberingRepeat
            | WarnKind::NumberingRestart => Rule::Numbering,
            WarnKind::MixedStyle => Rule::MixedStyle,
            WarnKind::Announced => Rule::Announced,
            _ => continue,
        };
        if !rules.has(rule) {
            continue;
        }
        let at = match rule {
            Rule::Announced => announcement(doc, w.line),
            _ => node_start(doc, w.line),
        };
        out.push(Finding {
            rule,
            at,
            message: w.message.clone(),
            zh: w.zh.clone(),
        });
    }
}

/// The paragraph on `line`, if one starts there (the first, on a flattened line).
fn para_on(doc: &Document, line: usize) -> Option<usize> {
    let i = doc.paragraphs.partition_point(|p| p.line < line);
    (doc.paragraphs.get(i)?.line == line).then_some(i)
}

/// The start of the node on `line` (its marker).
fn node_start(doc: &Document, line: usize) -> At {
    let i = doc.nodes.partition_point(|n| n.line < line);
    match doc.nodes.get(i).filter(|n| n.line == line) {
        Some(n) => At::Para {
            para: n.para,
            offset: 0,
        },
        None => At::Line(line),
    }
}

/// The announcing verb (`讲三点`) in the paragraph on `line`.
fn announcement(doc: &Document, line: usize) -> At {
    let Some(first) = para_on(doc, line) else {
        return At::Line(line);
    };
    let on_line = (first..doc.paragraphs.len()).take_while(|&i| doc.paragraphs[i].line == line);
    for para in on_line {
        if let Some((offset, _)) = announced_at(doc.para_text(para)) {
            return At::Para { para, offset };
        }
    }
    At::Para {
        para: first,
        offset: 0,
    }
}

/// `lone-point`: enumerations the parser found without a sibling (`Why::LonePoint`). A
/// lone `最后，` is left alone: it is how a speech says the last thing it says. So is one
/// after a paragraph that stops mid-sentence (`…撮合，` / `二是…`): a row of hard-wrapped
/// text kept apart, whose list is inside the paragraph before.
pub fn lone_points(doc: &Document, out: &mut Vec<Finding>) {
    for (para, p) in doc.paragraphs.iter().enumerate() {
        if p.why != Why::LonePoint || para > 0 && mid_sentence(doc, para - 1) {
            continue;
        }
        let text = doc.para_text(para);
        let Some(pm) = point_marker(text) else {
            continue;
        };
        let Some(n) = pm.number else { continue };
        let marker = &text[..pm.len];
        out.push(Finding {
            rule: Rule::LonePoint,
            at: At::Para { para, offset: 0 },
            message: format!(
                "lone point: {marker} with no {} in its section",
                sibling(pm.group, n, marker, false)
            ),
            zh: format!(
                "孤立的要点：{marker}所在的章节里没有{}",
                sibling(pm.group, n, marker, true)
            ),
        });
    }
}

/// Body paragraph `para` ends inside a sentence: on a comma, or on a word.
fn mid_sentence(doc: &Document, para: usize) -> bool {
    let body = doc
        .paragraphs
        .get(para)
        .is_some_and(|p| p.role == Role::Body);
    let last = doc.para_text(para).trim_end().chars().next_back();
    body && last.is_some_and(|c| matches!(norm(c), '，' | '、') || is_cjk(c))
}

/// The enumeration word a lone point's list is missing.
fn sibling(group: PointGroup, n: u32, marker: &str, zh: bool) -> &'static str {
    let first = n == 1;
    match group {
        PointGroup::Shi if first => "二是",
        PointGroup::Shi => "一是",
        PointGroup::Yao if first => "二要",
        PointGroup::Yao => "一要",
        PointGroup::Ordinal if marker.starts_with('第') => match first {
            true => "第二",
            false => "第一",
        },
        PointGroup::Ordinal if first && zh => "其次或最后",
        PointGroup::Ordinal if first => "其次 or 最后",
        PointGroup::Ordinal => "首先",
        PointGroup::Fangmian if first => "另一方面",
        PointGroup::Fangmian => "一方面",
        PointGroup::Qi if first => "其二",
        PointGroup::Qi => "其一",
        PointGroup::Dian if first => "第二点",
        PointGroup::Dian => "第一点",
        PointGroup::Verb(_) if zh => "下一个要点",
        PointGroup::Verb(_) => "second point",
    }
}

/// Removed lines that are junk in a draft: what was copied along from a web page or a
/// printed page. Separators may be the writer's own; lines set aside before the title
/// (column names, a headline naming the speaker) may be a draft's cover lines.
pub fn is_draft_junk(why: Why) -> bool {
    use Why::*;
    matches!(
        why,
        Advert(_)
            | Widget(_)
            | Breadcrumb
            | Label(_)
            | LabelValue(_)
            | Timestamp
            | Caption
            | Credit
            | ImageLink
            | Dateline
            | EndMark
            | PageJump
            | Citation
            | Footer
            | PageNumber
            | WrapNoise
    )
}

/// `junk`: one finding per removed line that is junk in a draft.
pub fn junk(doc: &Document, out: &mut Vec<Finding>) {
    for (index, r) in doc.removed.iter().enumerate() {
        if is_draft_junk(r.why) {
            out.push(Finding {
                rule: Rule::Junk,
                at: At::Removed { index },
                message: format!("junk line left in the draft ({})", r.why),
                zh: format!("稿中残留的杂项（{}）", r.why.zh()),
            });
        }
    }
}

/// `closing`: numbered top-level sections and no closing paragraph. It points at the
/// speech's last paragraph, where a closing would follow.
pub fn closing(doc: &Document, out: &mut Vec<Finding>) {
    if doc.closing_line.is_some() {
        return;
    }
    let sections = doc
        .children_of(None)
        .filter(|&i| {
            let n = &doc.nodes[i];
            n.kind == Kind::Heading && !doc.node_marker(n).is_empty()
        })
        .count();
    if sections == 0 {
        return;
    }
    let Some(last) = doc
        .paragraphs
        .iter()
        .rposition(|p| p.role != Role::Appendix)
    else {
        return;
    };
    out.push(Finding {
        rule: Rule::Closing,
        at: At::Para {
            para: last,
            offset: 0,
        },
        message: format!(
            "no closing: {sections} numbered sections, but no closing paragraph \
             (同志们，… or 谢谢大家) after the last one"
        ),
        zh: format!(
            "没有结束语：有 {sections} 个带序号的部分，但最后一部分之后没有结束的段落\
             （同志们，……或谢谢大家）"
        ),
    });
}
