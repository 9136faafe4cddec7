//! The parser: logical lines → junk removal → head block → candidates → tree → document.

use super::chars::{char_len_capped, count_chars, is_cjk, is_terminal, norm};
use super::framing::{
    announced_count, is_closing_start, is_date_line, is_junk_phrase, is_label_line, is_page_number,
    is_salutation, is_separator, is_speaker_line, is_thanks, is_transition, title_of,
};
use super::head::{HeadRole, read_head};
use super::layout::logical_lines;
use super::markers::{
    Family, Marker, PointGroup, PointMarker, heading_marker, point_marker, split_heading,
    split_point, trim_trailing_punct,
};
use super::model::*;
use super::nesting::{Item, ItemKind, family_ranks, parents};
use std::borrow::Cow;

/// Label lines count as junk only this near the top or bottom of a file.
const EDGE_LINES: usize = 15;
/// Titles longer than this are cut (a lost line break can make a heading huge).
const MAX_TITLE_CHARS: usize = 1000;
/// Warnings kept per document.
const MAX_WARNINGS: usize = 100;

/// What a body line might be, before the document-wide checks decide.
#[derive(Debug, Clone)]
enum Cand {
    Body,
    Heading(Marker),
    Unnumbered,
    Point(PointMarker),
}

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
    let last_line = layout.physical_lines;
    // Most speeches have a few junk lines and warnings: room for them up front.
    let mut removed: Vec<Removed> = Vec::with_capacity(layout.dropped.len() + 8);
    removed.extend(layout.dropped.iter().map(|&(line, t)| Removed {
        line,
        text: t.to_string(),
    }));
    let mut warnings = Vec::with_capacity(8);
    if let Some(note) = layout.repaired {
        warnings.push(Warning {
            line: 1,
            message: note.to_string(),
        });
    }

    // Junk anywhere: separators, page numbers, adverts and watermarks, edge labels.
    // Each kept line's heading marker is found once, here: a heading is never junk, and
    // the marker is what the body's candidates below start from.
    let mut kept = Vec::with_capacity(layout.lines.len());
    let mut kept_markers = Vec::with_capacity(layout.lines.len());
    for l in &layout.lines {
        let t: &str = &l.text;
        let near_edge = l.no <= EDGE_LINES || l.no + EDGE_LINES > last_line;
        let marker = heading_marker(t);
        let junk = is_separator(t)
            || is_page_number(t)
            || (marker.is_none() && is_junk_phrase(t))
            || (near_edge && is_label_line(t));
        if junk {
            removed.push(Removed {
                line: l.no,
                text: t.to_string(),
            });
        } else {
            kept.push(l);
            kept_markers.push(marker);
        }
    }
    let texts: Vec<&str> = kept.iter().map(|l| l.text.as_ref()).collect();

    let head = read_head(&texts);
    let mut paragraphs = Vec::with_capacity(kept.len());
    // Paragraph texts, borrowed while parsing; copied into the document only if kept.
    let mut ptexts: Vec<&str> = Vec::with_capacity(kept.len());
    let mut para_of_line = vec![usize::MAX; kept.len()];
    for (i, role) in head.roles.iter().enumerate() {
        let role = match role {
            HeadRole::Junk => {
                removed.push(Removed {
                    line: kept[i].no,
                    text: texts[i].to_string(),
                });
                continue;
            }
            HeadRole::Title => Role::Title,
            HeadRole::Subtitle => Role::Subtitle,
            HeadRole::Meta => Role::Meta,
        };
        para_of_line[i] = paragraphs.len();
        paragraphs.push(paragraph(kept[i].no, role));
        ptexts.push(texts[i]);
    }
    removed.sort_by_key(|r| r.line);

    let body = head.body_start;
    let mut cands: Vec<Cand> = texts[body..]
        .iter()
        .zip(kept_markers.drain(body..))
        .enumerate()
        .map(|(k, (t, marker))| {
            if Some(body + k) == head.salutation {
                Cand::Body
            } else if let Some(m) = marker {
                Cand::Heading(m)
            } else if let Some(p) = point_marker(t) {
                Cand::Point(p)
            } else {
                Cand::Body
            }
        })
        .collect();
    demote_preview_list(&mut cands, &texts[body..]);
    mark_unnumbered(&mut cands, &texts[body..]);
    let has_headings = cands
        .iter()
        .any(|c| matches!(c, Cand::Heading(_) | Cand::Unnumbered));
    drop_lone_points(&mut cands, has_headings);

    // Paragraphs of the body, and the items (future nodes) they start.
    // Sized once: growing them push by push cost a reallocation each doubling.
    let marked = cands.iter().filter(|c| !matches!(c, Cand::Body)).count();
    let mut items = Vec::with_capacity(marked);
    let mut item_meta: Vec<(usize, &str, &str, bool)> = Vec::with_capacity(marked); // para, marker, title, flagged
    for (k, cand) in cands.iter().enumerate() {
        let i = body + k;
        let t = texts[i];
        let role = if Some(i) == head.salutation {
            Role::Salutation
        } else {
            Role::Body
        };
        let mut p = paragraph(kept[i].no, role);
        let (item, marker_len, split) = match cand {
            Cand::Body => (None, 0, None),
            Cand::Heading(m) => (
                Some(Item {
                    kind: ItemKind::Heading {
                        family: m.family,
                        delim: m.delim,
                    },
                    number: m.number,
                }),
                m.len,
                Some(split_heading(t, m.len)),
            ),
            Cand::Unnumbered => (
                Some(Item {
                    kind: ItemKind::Heading {
                        family: Family::Unnumbered,
                        delim: ' ',
                    },
                    number: None,
                }),
                0,
                None,
            ),
            Cand::Point(pm) => (
                Some(Item {
                    kind: ItemKind::Point { group: pm.group },
                    number: pm.number,
                }),
                pm.len,
                Some(split_point(t, pm.len)),
            ),
        };
        if let Some(item) = item {
            let (title, lead, flagged) = match split {
                Some(s) => (&t[s.title.0..s.title.1], s.lead, s.unterminated),
                None => (trim_trailing_punct(t), t.len(), false),
            };
            p.role = Role::Heading;
            p.node = Some(items.len());
            p.lead = lead;
            items.push(item);
            item_meta.push((paragraphs.len(), &t[..marker_len], title, flagged));
        }
        para_of_line[i] = paragraphs.len();
        paragraphs.push(p);
        ptexts.push(t);
    }

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
            ItemKind::Heading { .. } => Kind::Heading,
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

    // The closing: the first 同志们，… after the last node (or the last one, with no nodes).
    let after = nodes
        .last()
        .map_or(para_of_line.get(body).copied().unwrap_or(0), |n| n.para + 1);
    let is_close = |i: usize| paragraphs[i].role == Role::Body && is_closing_start(ptexts[i]);
    let closing = if nodes.is_empty() {
        (after..paragraphs.len()).rev().find(|&i| is_close(i))
    } else {
        (after..paragraphs.len()).find(|&i| is_close(i))
    };
    if let Some(c) = closing {
        for p in &mut paragraphs[c..] {
            p.role = Role::Closing;
        }
    }

    // Announced count: the first one in the preamble.
    let first_node_para = nodes
        .first()
        .map_or(closing.unwrap_or(paragraphs.len()), |n| n.para);
    let announced = (0..first_node_para)
        .filter(|&i| matches!(paragraphs[i].role, Role::Body | Role::Salutation))
        .find_map(|i| announced_count(ptexts[i]).map(|n| (n, paragraphs[i].line)));

    // 字数: prefix sums over paragraphs.
    let mut prefix = Vec::with_capacity(paragraphs.len() + 1);
    prefix.push(0usize);
    for t in &ptexts {
        prefix.push(prefix.last().copied().unwrap_or(0) + count_chars(t));
    }
    let stop = closing.unwrap_or(paragraphs.len());
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
        chars: prefix.last().copied().unwrap_or(0),
        announced: announced.map(|a| a.0),
        closing_line: closing.map(|c| paragraphs[c].line),
        removed,
        warnings,
        nodes,
        paragraphs,
        labels,
        text,
    }
}

fn paragraph(line: usize, role: Role) -> Paragraph {
    Paragraph {
        line,
        role,
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
        if let Some(p) = text.get(at..).and_then(point_marker) {
            out.push(InlinePoint {
                offset: at,
                marker: text[at..at + p.len].to_string(),
            });
        }
    }
    out
}

/// Short marker lines in a row in the preamble, announcing what follows, are a list.
fn demote_preview_list(cands: &mut [Cand], texts: &[&str]) {
    let Some(start) = cands.iter().position(|c| matches!(c, Cand::Heading(_))) else {
        return;
    };
    let Cand::Heading(first) = &cands[start] else {
        return;
    };
    let family = first.family;
    let mut end = start;
    while let Some(Cand::Heading(m)) = cands.get(end) {
        let expected = (end - start + 1) as u32;
        if m.family != family || m.number != Some(expected) || char_len_capped(texts[end], 40) > 40
        {
            break;
        }
        end += 1;
    }
    let restarts_later = cands[end..]
        .iter()
        .any(|c| matches!(c, Cand::Heading(m) if m.family == family && m.number == Some(1)));
    if end - start >= 2 && restarts_later {
        for c in &mut cands[start..end] {
            *c = Cand::Body;
        }
    }
}

/// Unnumbered headings (§6): short bare lines standing alone between paragraphs.
fn mark_unnumbered(cands: &mut [Cand], texts: &[&str]) {
    let candidates: Vec<usize> = (1..cands.len().saturating_sub(1))
        .filter(|&k| {
            matches!(cands[k], Cand::Body)
                && looks_like_bare_heading(texts[k])
                && (matches!(cands[k - 1], Cand::Heading(_))
                    || texts[k - 1].chars().last().is_some_and(ends_paragraph))
                && matches!(cands[k + 1], Cand::Body | Cand::Point(_))
                && !looks_like_bare_heading(texts[k + 1])
        })
        .collect();
    let numbered = cands.iter().any(|c| matches!(c, Cand::Heading(_)));
    if candidates.len() >= 2 || (candidates.len() == 1 && !numbered) {
        for k in candidates {
            cands[k] = Cand::Unnumbered;
        }
    }
}

fn ends_paragraph(c: char) -> bool {
    is_terminal(c) || matches!(norm(c), '：' | '”' | '」' | '…')
}

fn looks_like_bare_heading(t: &str) -> bool {
    let n = char_len_capped(t, 40);
    if !(4..=40).contains(&n) {
        return false;
    }
    let cjk = t.chars().filter(|&c| is_cjk(c)).count();
    let last = t.chars().last().map(norm);
    cjk * 10 >= n * 7
        && !t.chars().any(is_terminal)
        && !matches!(last, Some('，' | '、' | '：' | '…'))
        && !matches!(t.chars().next(), Some('“' | '《' | '"' | '‘' | '（' | '('))
        && !is_transition(t)
        && !is_salutation(t)
        && !is_thanks(t)
        && !is_date_line(t)
        && !is_speaker_line(t)
        && title_of(t).is_none()
}

/// A single stray `最后，` is not a point: a list needs siblings. Points in the preamble of
/// a speech with headings introduce the meeting, not its parts.
fn drop_lone_points(cands: &mut [Cand], has_headings: bool) {
    // Scopes come one after another, so only the current scope's points are kept: one
    // vector for every scope, and a count per group (there are only a few groups).
    let mut scope: Option<usize> = None;
    let mut members: Vec<(PointGroup, usize)> = Vec::new();
    let mut counts: Vec<(PointGroup, usize)> = Vec::new();
    let mut flush =
        |cands: &mut [Cand], scope: Option<usize>, members: &mut Vec<(PointGroup, usize)>| {
            counts.clear();
            for &(g, _) in members.iter() {
                match counts.iter_mut().find(|c| c.0 == g) {
                    Some(c) => c.1 += 1,
                    None => counts.push((g, 1)),
                }
            }
            for &(g, k) in members.iter() {
                let siblings = counts.iter().find(|c| c.0 == g).map_or(0, |c| c.1);
                if siblings < 2 || (scope.is_none() && has_headings) {
                    cands[k] = Cand::Body;
                }
            }
            members.clear();
        };
    for k in 0..cands.len() {
        match &cands[k] {
            Cand::Heading(_) | Cand::Unnumbered => {
                flush(cands, scope, &mut members);
                scope = Some(k);
            }
            Cand::Point(p) => members.push((p.group, k)),
            Cand::Body => {}
        }
    }
    flush(cands, scope, &mut members);
}

/// Gaps, repeats and restarts in sibling numbering; mixed marker styles at one level.
fn check_numbering(nodes: &[Node], labels: &str, items: &[Item], warnings: &mut Vec<Warning>) {
    // Pre-order: the children of p are p+1, then each child's `end`, up to p's `end`.
    let children = |parent: Option<usize>| {
        let (mut i, end) = parent.map_or((0, nodes.len()), |p| (p + 1, nodes[p].end));
        std::iter::from_fn(move || {
            (i < end).then(|| {
                let cur = i;
                i = nodes[cur].end.max(cur + 1);
                cur
            })
        })
    };
    // A few kinds per sibling list: a small vector, reused, beats a hash map.
    let mut last: Vec<(ItemKind, (u32, usize))> = Vec::new();
    for parent in std::iter::once(None).chain((0..nodes.len()).map(Some)) {
        last.clear();
        let mut style: Option<(usize, ItemKind)> = None;
        for i in children(parent) {
            // Numbering runs per family (delimiter aside) or per point group.
            let key = match items[i].kind {
                ItemKind::Heading { family, .. } => ItemKind::Heading { family, delim: ' ' },
                point => point,
            };
            if let ItemKind::Heading { family, delim } = items[i].kind
                && family != Family::Unnumbered
            {
                match style {
                    None => style = Some((i, items[i].kind)),
                    Some((
                        j,
                        ItemKind::Heading {
                            family: f0,
                            delim: d0,
                        },
                    )) if f0 != family || d0 != delim => {
                        let what = if f0 == family {
                            "delimiters"
                        } else {
                            "marker styles"
                        };
                        warnings.push(Warning {
                            line: nodes[i].line,
                            message: format!(
                                "mixed {what} at one level: {} and {}",
                                nodes[j].marker_in(labels),
                                nodes[i].marker_in(labels)
                            ),
                        });
                        style = Some((i, items[i].kind));
                    }
                    _ => {}
                }
            }
            let Some(n) = items[i].number else { continue };
            let line = nodes[i].line;
            let marker = nodes[i].marker_in(labels);
            let slot = last.iter().position(|(k, _)| *k == key);
            match slot.map(|s| last[s].1) {
                None if n != 1 && matches!(items[i].kind, ItemKind::Heading { .. }) => {
                    warnings.push(Warning {
                        line,
                        message: format!("numbering starts at {marker}"),
                    });
                }
                Some((prev, j)) if n == prev => warnings.push(Warning {
                    line,
                    message: format!(
                        "numbering repeats: {} then {marker}",
                        nodes[j].marker_in(labels)
                    ),
                }),
                Some((prev, j)) if n > prev + 1 => warnings.push(Warning {
                    line,
                    message: format!(
                        "numbering gap: {} then {marker}",
                        nodes[j].marker_in(labels)
                    ),
                }),
                Some((prev, j)) if n < prev => warnings.push(Warning {
                    line,
                    message: format!(
                        "numbering restarts: {} then {marker}",
                        nodes[j].marker_in(labels)
                    ),
                }),
                _ => {}
            }
            match slot {
                Some(s) => last[s].1 = (n, i),
                None => last.push((key, (n, i))),
            }
        }
    }
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
