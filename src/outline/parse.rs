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
use super::build::{Builder, Found};
use super::cands::{
    Cand, classify, demote_preview_list, drop_lone_points, keep_old_style_runs, mark_part_dates,
    mark_signature, mark_unnumbered,
};
use super::chars::norm;
use super::closing::find_closing;
use super::head::{Head, HeadRole, read_head};
use super::layout::logical_lines;
use super::lead::mark_lead_sentences;
use super::markers::{Family, Marker, heading_marker, point_marker};
use super::model::*;
use super::nesting::{Item, ItemKind};
use super::segment::{PART_LINES, parts};
use super::sweep::sweep;
use super::titles::{split_heading, split_point, trim_trailing_punct};
use super::why::Why;

/// Whether the document keeps its paragraphs' text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// For reading: every paragraph carries its text.
    Keep,
    /// For exports of the outline alone: only the paragraphs that nodes, the closing and
    /// the appendix start at are kept, with their line, role and node but not their
    /// text, so the speech is never copied.
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
    parse_parts(text, path, stem, encoding, keep, PART_LINES)
}

/// `parse_with`, reading the text in parts of at most `lines` lines (about: see
/// `segment::parts`). The parser's own is `PART_LINES`; tests and the fuzzer use small
/// ones to reach the joins between parts with small inputs.
pub fn parse_parts(
    text: &str,
    path: &str,
    stem: &str,
    encoding: &'static str,
    keep: Text,
    lines: usize,
) -> Document {
    let parts = parts(text, lines);
    let mut doc = Builder::new(keep, text.len());
    let mut head = (None, None);
    let last = parts.len() - 1;
    for (k, &(first, part)) in parts.iter().enumerate() {
        let at = Place {
            offset: first,
            first: k == 0,
            last: k == last,
        };
        if let Some(h) = read_part(part, at, &mut doc) {
            head = h;
        }
    }
    doc.finish(path, head.0.as_deref(), head.1, stem, encoding)
}

/// Where a part is in the text.
#[derive(Clone, Copy)]
struct Place {
    /// Lines before it.
    offset: usize,
    /// It holds the head block.
    first: bool,
    /// It holds the closing and any appendix.
    last: bool,
}

/// The line passes over one part, its paragraphs and nodes handed to `doc`; the title
/// and subtitle when it is the first part.
fn read_part(text: &str, at: Place, doc: &mut Builder) -> Option<(Option<String>, Option<String>)> {
    let layout = logical_lines(text);
    let line_no = |no: usize| at.offset + no;
    let mut removed: Vec<Removed> = layout
        .dropped
        .iter()
        .map(|&(line, t)| Removed {
            line: line_no(line),
            text: t.to_string(),
            why: Why::WrapNoise,
        })
        .collect();
    if let Some(note) = layout.repaired {
        doc.warn_once(WarnKind::Repaired, line_no(1), note);
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
    drop(marked);
    let mut kept = Vec::with_capacity(layout.lines.len());
    let mut kept_markers = Vec::with_capacity(layout.lines.len());
    for ((l, marker), why) in layout.lines.iter().zip(markers).zip(junk) {
        match why {
            Some(why) => removed.push(Removed {
                line: line_no(l.no),
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
    doc.reserve(kept.len());

    // 3. The head block, in the first part only.
    let head = if at.first {
        read_head(&texts, &md)
    } else {
        Head::default()
    };
    for (i, &(role, why)) in head.roles.iter().enumerate() {
        let role = match role {
            HeadRole::Junk => {
                removed.push(Removed {
                    line: line_no(kept[i].no),
                    text: texts[i].to_string(),
                    why,
                });
                continue;
            }
            HeadRole::Title => Role::Title,
            HeadRole::Subtitle => Role::Subtitle,
            HeadRole::Meta => Role::Meta,
        };
        doc.push(line_no(kept[i].no), role, why, texts[i], None);
    }
    doc.remove(removed);

    // 4–6. The body up to any appendix: candidates, then the closing; both are in the
    // last part.
    let body = head.body_start;
    let end = match at.last {
        true => appendix_start(&texts[body..]).map_or(texts.len(), |k| body + k),
        false => texts.len(),
    };
    let btexts = &texts[body..end];
    let salutation = head.salutation.map(|s| s - body);
    let mut cands = classify(
        btexts,
        kept_markers.drain(body..end).collect(),
        &md[body..end],
        salutation,
    );
    drop(kept_markers);
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
    let closing = if at.last {
        find_closing(&cands, btexts)
    } else {
        None
    };
    if let Some((c, _)) = closing {
        for cand in &mut cands[c..] {
            if matches!(cand, Cand::Point(_)) {
                *cand = Cand::Body(Why::InClosing);
            }
        }
    }

    // Paragraphs of the body, and the nodes they start.
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
        doc.push(line_no(kept[body + k].no), role, why, t, found(cand, t));
    }
    for (k, t) in texts[end..].iter().enumerate() {
        let why = if k == 0 {
            Why::AppendixHeader
        } else {
            Why::Appendix
        };
        doc.push(line_no(kept[end + k].no), Role::Appendix, why, t, None);
    }
    at.first.then_some((head.title, head.subtitle))
}

/// The node a body line starts, if any.
fn found<'t>(cand: &Cand, t: &'t str) -> Option<Found<'t>> {
    let (item, marker_len, split) = match cand {
        Cand::Body(_) => return None,
        Cand::Heading(m, _) => (
            Item {
                kind: ItemKind::Heading {
                    family: m.family,
                    delim: m.delim,
                },
                number: m.number,
            },
            m.len,
            Some(split_heading(t, m.len)),
        ),
        Cand::Unnumbered(_) => (
            Item {
                kind: ItemKind::Heading {
                    family: Family::Unnumbered,
                    delim: ' ',
                },
                number: None,
            },
            0,
            None,
        ),
        Cand::Lead(_) => (
            Item {
                kind: ItemKind::Lead,
                number: None,
            },
            0,
            None,
        ),
        Cand::Point(pm) => (
            Item {
                kind: ItemKind::Point { group: pm.group },
                number: pm.number,
            },
            pm.len,
            Some(split_point(t, pm.len)),
        ),
    };
    let (title, lead, flagged) = match split {
        Some(s) => (&t[s.title.0..s.title.1], s.lead, s.unterminated),
        None => (trim_trailing_punct(t), t.len(), false),
    };
    Some(Found {
        item,
        marker: &t[..marker_len],
        title,
        lead,
        flagged,
    })
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
