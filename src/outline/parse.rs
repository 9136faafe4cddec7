//! The parser, as an ordered list of passes, each in its own module and each recording
//! why it decided what it did:
//!
//! 1. `layout`: physical lines to logical lines (flattened and hard-wrapped text
//!    repaired, markdown marks stripped);
//! 2. `sweep`: junk lines, alone and by their neighbours (adverts, web furniture, the
//!    page footer);
//! 3. `head`: title, subtitle, metadata and the salutation;
//! 4. `appendix`: where text after the speech begins;
//! 5. `cands`, `lead`: what each body line is (headings, points, unnumbered headings,
//!    lead sentences), decided from evidence across the document;
//! 6. `closing`: where the closing starts;
//! 7. `nesting`: the tree; then 字数, the announced count and numbering warnings.

use super::appendix::appendix_start;
use super::cands::{
    Cand, classify, demote_preview_list, drop_lone_points, keep_old_style_runs, mark_part_dates,
    mark_signature, mark_unnumbered,
};
use super::chars::{count_chars, norm};
use super::closing::find_closing;
use super::framing::announced_count;
use super::head::{HeadRole, read_head};
use super::layout::logical_lines;
use super::lead::mark_lead_sentences;
use super::markers::{Family, Marker, heading_marker, point_marker};
use super::model::*;
use super::nesting::{Item, ItemKind, family_ranks, parents};
use super::numbering::check_numbering;
use super::sweep::sweep;
use super::titles::{split_heading, split_point, trim_trailing_punct};
use super::why::Why;
use std::borrow::Cow;

/// Titles longer than this are cut (a lost line break can make a heading huge).
const MAX_TITLE_CHARS: usize = 1000;
/// Warnings kept per document.
const MAX_WARNINGS: usize = 100;

/// Whether the document keeps its paragraphs' text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// For reading: every paragraph carries its text.
    Keep,
    /// For exports of the outline alone: paragraphs keep their line, role and node but
    /// not their text, so the speech is never copied.
    Drop,
}

/// Parses decoded text into a document. `stem` is the title when the speech has none.
/// Never panics, whatever the text.
pub fn parse(text: &str, path: &str, stem: &str, encoding: &'static str) -> Document {
    parse_with(text, path, stem, encoding, Text::Keep)
}

/// `parse`, choosing whether paragraph texts are kept.
pub fn parse_with(
    text: &str,
    path: &str,
    stem: &str,
    encoding: &'static str,
    keep: Text,
) -> Document {
    let layout = logical_lines(text);
    // Most speeches have a few junk lines and warnings: room for them up front.
    let mut removed: Vec<Removed> = Vec::with_capacity(layout.dropped.len() + 8);
    removed.extend(layout.dropped.iter().map(|&(line, t)| Removed {
        line,
        text: t.to_string(),
        why: Why::WrapNoise,
    }));
    let mut warnings = Vec::with_capacity(8);
    if let Some(note) = layout.repaired {
        warnings.push(Warning {
            line: 1,
            message: note.to_string(),
        });
    }

    // 2. Junk. Each line's heading marker is found once, here: a heading is never junk,
    // and the marker is what the body's candidates start from.
    let markers: Vec<Option<Marker>> = layout
        .lines
        .iter()
        .map(|l| heading_marker(&l.text))
        .collect();
    let marked: Vec<bool> = layout
        .lines
        .iter()
        .zip(&markers)
        .map(|(l, m)| m.is_some() || l.md > 0)
        .collect();
    let junk = sweep(&layout.lines, &marked, layout.physical_lines);
    let mut kept = Vec::with_capacity(layout.lines.len());
    let mut kept_markers = Vec::with_capacity(layout.lines.len());
    for ((l, marker), why) in layout.lines.iter().zip(markers).zip(junk) {
        match why {
            Some(why) => removed.push(Removed {
                line: l.no,
                text: l.text.to_string(),
                why,
            }),
            None => {
                kept.push(l);
                kept_markers.push(marker);
            }
        }
    }
    let texts: Vec<&str> = kept.iter().map(|l| l.text.as_ref()).collect();
    let md: Vec<u8> = kept.iter().map(|l| l.md).collect();

    // 3. The head block.
    let head = read_head(&texts, &md);
    let mut paragraphs = Vec::with_capacity(kept.len());
    // Paragraph texts, borrowed while parsing; copied into the document only if kept.
    let mut ptexts: Vec<&str> = Vec::with_capacity(kept.len());
    for (i, &(role, why)) in head.roles.iter().enumerate() {
        let role = match role {
            HeadRole::Junk => {
                removed.push(Removed {
                    line: kept[i].no,
                    text: texts[i].to_string(),
                    why,
                });
                continue;
            }
            HeadRole::Title => Role::Title,
            HeadRole::Subtitle => Role::Subtitle,
            HeadRole::Meta => Role::Meta,
        };
        paragraphs.push(paragraph(kept[i].no, role, why));
        ptexts.push(texts[i]);
    }
    removed.sort_by_key(|r| r.line);

    // 4–6. The body up to any appendix: candidates, then the closing.
    let body = head.body_start;
    let end = appendix_start(&texts[body..]).map_or(texts.len(), |k| body + k);
    let btexts = &texts[body..end];
    let salutation = head.salutation.map(|s| s - body);
    let mut cands = classify(
        btexts,
        kept_markers.drain(body..end).collect(),
        &md[body..end],
        salutation,
    );
    demote_preview_list(&mut cands, btexts);
    keep_old_style_runs(&mut cands);
    mark_part_dates(&mut cands, btexts);
    mark_signature(&mut cands, btexts);
    mark_unnumbered(&mut cands, btexts);
    // Lone points first, as a paragraph may open with a numeral-and-verb by chance
    // (`一般…`); again after, as lead sentences start scopes of their own.
    drop_lone_points(&mut cands);
    if mark_lead_sentences(&mut cands, btexts) {
        drop_lone_points(&mut cands);
    }
    let closing = find_closing(&cands, btexts);
    if let Some((c, _)) = closing {
        for cand in &mut cands[c..] {
            if matches!(cand, Cand::Point(_)) {
                *cand = Cand::Body(Why::InClosing);
            }
        }
    }

    // Paragraphs of the body, and the items (future nodes) they start.
    // Sized once: growing them push by push cost a reallocation each doubling.
    let starts = cands.iter().filter(|c| !c.is_body()).count();
    let mut items = Vec::with_capacity(starts);
    let mut item_meta: Vec<(usize, &str, &str, bool)> = Vec::with_capacity(starts); // para, marker, title, flagged
    let mut closing_para = None;
    for (k, cand) in cands.iter().enumerate() {
        let t = btexts[k];
        let (role, why) = match (cand, closing) {
            (_, Some((c, why))) if k == c => (Role::Closing, why),
            (_, Some((c, _))) if k > c => (Role::Closing, Why::InClosing),
            (Cand::Body(Why::Salutation), _) => (Role::Salutation, Why::Salutation),
            (Cand::Body(Why::Meta), _) => (Role::Meta, Why::Meta),
            (Cand::Body(why), _) => (Role::Body, *why),
            (Cand::Heading(_, why) | Cand::Unnumbered(why) | Cand::Lead(why), _) => {
                (Role::Heading, *why)
            }
            (Cand::Point(_), _) => (Role::Heading, Why::Point),
        };
        if role == Role::Closing && closing_para.is_none() {
            closing_para = Some(paragraphs.len());
        }
        let mut p = paragraph(kept[body + k].no, role, why);
        let item = match cand {
            Cand::Body(_) => None,
            Cand::Heading(m, _) => Some((
                Item {
                    kind: ItemKind::Heading {
                        family: m.family,
                        delim: m.delim,
                    },
                    number: m.number,
                },
                m.len,
                Some(split_heading(t, m.len)),
            )),
            Cand::Unnumbered(_) => Some((
                Item {
                    kind: ItemKind::Heading {
                        family: Family::Unnumbered,
                        delim: ' ',
                    },
                    number: None,
                },
                0,
                None,
            )),
            Cand::Lead(_) => Some((
                Item {
                    kind: ItemKind::Lead,
                    number: None,
                },
                0,
                None,
            )),
            Cand::Point(pm) => Some((
                Item {
                    kind: ItemKind::Point { group: pm.group },
                    number: pm.number,
                },
                pm.len,
                Some(split_point(t, pm.len)),
            )),
        };
        if let Some((item, marker_len, split)) = item {
            let (title, lead, flagged) = match split {
                Some(s) => (&t[s.title.0..s.title.1], s.lead, s.unterminated),
                None => (trim_trailing_punct(t), t.len(), false),
            };
            p.node = Some(items.len());
            p.lead = lead;
            items.push(item);
            item_meta.push((paragraphs.len(), &t[..marker_len], title, flagged));
        }
        paragraphs.push(p);
        ptexts.push(t);
    }
    let appendix_para = (end < texts.len()).then_some(paragraphs.len());
    for (k, t) in texts[end..].iter().enumerate() {
        let why = if k == 0 {
            Why::AppendixHeader
        } else {
            Why::Appendix
        };
        paragraphs.push(paragraph(kept[end + k].no, Role::Appendix, why));
        ptexts.push(t);
    }

    // 7. The tree.
    let ranks = family_ranks(&items);
    let parent = parents(&items, &ranks);
    let mut nodes: Vec<Node> = Vec::with_capacity(items.len());
    let mut labels = String::with_capacity(item_meta.iter().map(|m| m.1.len() + m.2.len()).sum());
    for (idx, (item, (para, marker, title, flagged))) in items.iter().zip(item_meta).enumerate() {
        let line = paragraphs[para].line;
        if flagged {
            warnings.push(Warning {
                line,
                message: "heading line has no sentence end: a line break was probably lost".into(),
            });
        }
        let title = cap_title(title, line, &mut warnings);
        let level = parent[idx].map_or(1, |p| nodes[p].level + 1);
        let kind = match item.kind {
            ItemKind::Heading { .. } | ItemKind::Lead => Kind::Heading,
            ItemKind::Point { .. } => Kind::Point,
        };
        let mut node = Node::new(level, kind, line, marker, &title, &mut labels);
        (node.parent, node.end, node.para) = (parent[idx], idx + 1, para);
        nodes.push(node);
    }
    for j in (0..nodes.len()).rev() {
        if let Some(p) = nodes[j].parent {
            nodes[p].end = nodes[p].end.max(nodes[j].end);
        }
    }
    // Announced count: the first one in the preamble.
    let first_node_para = nodes
        .first()
        .map_or(closing_para.unwrap_or(paragraphs.len()), |n| n.para);
    let announced = (0..first_node_para)
        .filter(|&i| matches!(paragraphs[i].role, Role::Body | Role::Salutation))
        .find_map(|i| announced_count(ptexts[i]).map(|n| (n, paragraphs[i].line)));

    // 字数: prefix sums over paragraphs; the appendix is not the speech.
    let mut prefix = Vec::with_capacity(paragraphs.len() + 1);
    prefix.push(0usize);
    for t in &ptexts {
        prefix.push(prefix.last().copied().unwrap_or(0) + count_chars(t));
    }
    let speech_end = appendix_para.unwrap_or(paragraphs.len());
    let stop = closing_para.unwrap_or(speech_end);
    for i in 0..nodes.len() {
        let end = nodes[i].end;
        let to = if end < nodes.len() {
            nodes[end].para
        } else {
            stop
        };
        nodes[i].chars = prefix[to.max(nodes[i].para)] - prefix[nodes[i].para];
    }

    check_numbering(&nodes, &labels, &items, &mut warnings);
    if let Some((n, line)) = announced {
        let top = nodes.iter().filter(|n| n.level == 1).count();
        if top != n {
            warnings.push(Warning {
                line,
                message: format!("announced {n} parts, but found {top} top-level sections"),
            });
        }
    }
    let title = match head.title {
        Some(t) => {
            cap_title(t, paragraphs.first().map_or(1, |p| p.line), &mut warnings).into_owned()
        }
        None => stem.to_string(),
    };
    warnings.sort_by(|a, b| (a.line, &a.message).cmp(&(b.line, &b.message)));
    // A broken file can have a warning per line; the first ones say what is wrong.
    if warnings.len() > MAX_WARNINGS {
        let more = warnings.len() - MAX_WARNINGS;
        warnings.truncate(MAX_WARNINGS);
        let line = warnings.last().map_or(1, |w| w.line);
        warnings.push(Warning {
            line,
            message: format!("… and {more} more warnings"),
        });
    }

    let mut text = String::new();
    if keep == Text::Keep {
        text.reserve_exact(ptexts.iter().map(|t| t.len()).sum());
        for (p, t) in paragraphs.iter_mut().zip(&ptexts) {
            let start = text.len();
            text.push_str(t);
            p.span = start..text.len();
        }
    }
    Document {
        path: path.to_string(),
        title,
        subtitle: head.subtitle,
        encoding,
        chars: prefix[speech_end],
        announced: announced.map(|a| a.0),
        closing_line: closing_para.map(|c| paragraphs[c].line),
        appendix_line: appendix_para.map(|a| paragraphs[a].line),
        removed,
        warnings,
        nodes,
        paragraphs,
        labels,
        text,
    }
}

fn paragraph(line: usize, role: Role, why: Why) -> Paragraph {
    Paragraph {
        line,
        role,
        why,
        span: 0..0,
        node: None,
        lead: 0,
    }
}

fn cap_title<'a>(
    title: impl Into<Cow<'a, str>>,
    line: usize,
    warnings: &mut Vec<Warning>,
) -> Cow<'a, str> {
    let title = title.into();
    // Fewer bytes than the cap means fewer characters too.
    if title.len() <= MAX_TITLE_CHARS {
        return title;
    }
    match title.char_indices().nth(MAX_TITLE_CHARS) {
        None => title,
        Some((cut, _)) => {
            warnings.push(Warning {
                line,
                message: format!("title longer than {MAX_TITLE_CHARS} characters: cut"),
            });
            Cow::Owned(format!("{}…", &title[..cut]))
        }
    }
}

/// Enumeration words inside a paragraph, after a punctuation mark (`…：一是…；二是…`).
pub(crate) fn inline_points(text: &str, from: usize) -> Vec<InlinePoint> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    // Scan bytes: the marks that can precede a point start with 0xE2, 0xE3 or 0xEF, or are
    // ASCII; the Chinese characters in between (0xE4..=0xE9) are skipped at once.
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        if !matches!(b, 0xE2 | 0xE3 | 0xEF | b',' | b';' | b':' | b'!' | b'?') {
            continue;
        }
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            continue;
        };
        if !matches!(
            norm(c),
            '，' | '。' | '；' | '：' | '！' | '？' | '、' | '”'
        ) {
            continue;
        }
        let at = i + c.len_utf8();
        // A numeral and any verb is a point only in a run of paragraphs, never inline.
        if let Some(p) = text.get(at..).and_then(point_marker)
            && !matches!(p.group, super::markers::PointGroup::Verb(_))
        {
            out.push(InlinePoint {
                offset: at,
                marker: text[at..at + p.len].to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_points_follow_punctuation_only() {
        let t = "今年有三项任务：一是抓项目；二是抓招商，三是抓环境。统一是前提。";
        let points = inline_points(t, 0);
        let got: Vec<&str> = points.iter().map(|p| p.marker.as_str()).collect();
        assert_eq!(got, ["一是", "二是", "三是"]);
        let p = &points[1];
        assert_eq!(&t[p.offset..p.offset + p.marker.len()], "二是");
    }
}
