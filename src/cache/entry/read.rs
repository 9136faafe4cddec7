//! Reading an entry's records: its head, the outline's nodes, the paragraphs one by
//! one. A raw search reads up to the nodes (`outline`); a document is rebuilt from all
//! of them (`read`, then `super::decode`). Every count and offset is checked against
//! the entry's size, so a damaged entry reads as `None`, never as a panic.

use super::role_of;
use crate::cache::raw::{self, Coding, Places};
use crate::cache::varint::{In, utf8};
use crate::outline::{Kind, Role};
use std::ops::Range;

/// An entry read, but for its paragraphs, which `read` hands out one by one.
pub struct Read<'a> {
    pub title: String,
    pub(super) subtitle: Option<String>,
    pub(super) chars: usize,
    pub(super) announced: Option<usize>,
    pub nodes: Vec<RawNode>,
    pub(super) literals: &'a str,
    pub other_labels: &'a str,
}

/// A paragraph as the entry gives it.
pub struct ParaRecord {
    pub line: usize,
    pub role: Role,
    pub(super) node: Option<usize>,
    pub(super) lead: usize,
    /// Whether its text is in the decoded file (else in `literals`), and where.
    pub(super) place: (bool, Range<usize>),
}

/// What a raw search reads of an entry: its head, table of places and outline, not its
/// paragraphs.
pub struct Outline<'a> {
    pub title: &'a str,
    pub coding: Coding,
    pub places: Places<'a>,
    /// The first title, closing and appendix paragraphs, and their lines.
    pub landmarks: [Option<(usize, usize)>; 3],
    pub nodes: Vec<RawNode>,
    pub other_labels: &'a str,
}

/// The head of an entry.
struct Head<'a> {
    n_paras: usize,
    n_nodes: usize,
    chars: usize,
    announced: Option<usize>,
    title: &'a str,
    subtitle: Option<&'a str>,
    landmarks: [Option<(usize, usize)>; 3],
    /// With the file's coding, when every paragraph has a place in its bytes.
    places: Option<(Coding, Places<'a>)>,
}

fn head<'a>(r: &mut In<'a>) -> Option<Head<'a>> {
    let size = r.0.len();
    let coding = match r.u8()? {
        0 => None,
        c => Some(Coding::from_code(c)?),
    };
    let n_paras = r.num()?;
    let n_nodes = r.num()?;
    // Each paragraph takes at least 6 bytes (and a row of places) and each node 10: a
    // count the entry cannot hold is damage, found before anything is allocated for it.
    let per_para = if coding.is_some() { 6 + raw::ROW } else { 6 };
    if n_paras
        .checked_mul(per_para)?
        .checked_add(n_nodes.checked_mul(10)?)?
        > size
    {
        return None;
    }
    let chars = r.num()?;
    let announced = r.opt()?;
    let title = r.str()?;
    let subtitle = match r.opt()? {
        None => None,
        Some(n) => Some(utf8(r.take(n)?)?),
    };
    let mut landmarks = [None; 3];
    for mark in &mut landmarks {
        if let Some(p) = r.opt()? {
            *mark = Some((p, r.num()?));
        }
    }
    let places = match coding {
        Some(c) => Some((c, Places::new(r.take(n_paras.checked_mul(raw::ROW)?)?))),
        None => None,
    };
    Some(Head {
        n_paras,
        n_nodes,
        chars,
        announced,
        title,
        subtitle,
        landmarks,
        places,
    })
}

/// An entry's head and outline for a raw search, the nodes read into `nodes` (emptied
/// first, so a search thread reuses one vector); `None` when it has no places or is
/// damaged.
pub fn outline(bytes: &[u8], mut nodes: Vec<RawNode>) -> Option<Outline<'_>> {
    let mut r = In(bytes);
    let h = head(&mut r)?;
    let (coding, places) = h.places?;
    raw_nodes(&mut r, h.n_nodes, h.n_paras, &mut nodes)?;
    Some(Outline {
        title: h.title,
        coding,
        places,
        landmarks: h.landmarks,
        nodes,
        other_labels: r.str()?,
    })
}

/// An entry's parts, `paragraph` given each paragraph with their number; `None` when
/// the entry is damaged.
pub fn read<'a>(bytes: &'a [u8], mut paragraph: impl FnMut(usize, ParaRecord)) -> Option<Read<'a>> {
    let mut r = In(bytes);
    let h = head(&mut r)?;
    let n_paras = h.n_paras;
    let mut nodes = Vec::new();
    raw_nodes(&mut r, h.n_nodes, n_paras, &mut nodes)?;
    let other_labels = r.str()?;
    let mut end = 0usize;
    for _ in 0..n_paras {
        let line = r.num()?;
        let role = role_of(r.u8()?)?;
        let node = r.opt()?.filter(|&n| n < h.n_nodes);
        let lead = r.num()?;
        let at = r.num()?;
        let len = r.num()?;
        let place = if at & 1 == 0 {
            let start = end.checked_add(at >> 1)?;
            end = start.checked_add(len)?;
            (true, start..end)
        } else {
            (false, (at >> 1)..(at >> 1).checked_add(len)?)
        };
        paragraph(
            n_paras,
            ParaRecord {
                line,
                role,
                node,
                lead,
                place,
            },
        );
    }
    let literals = r.str()?;
    Some(Read {
        title: h.title.to_string(),
        subtitle: h.subtitle.map(str::to_string),
        chars: h.chars,
        announced: h.announced,
        nodes,
        literals,
        other_labels,
    })
}

fn raw_nodes(
    r: &mut In<'_>,
    n_nodes: usize,
    n_paras: usize,
    nodes: &mut Vec<RawNode>,
) -> Option<()> {
    nodes.clear();
    nodes.reserve(n_nodes);
    // Where the next label that does not open its paragraph starts in `other_labels`.
    let mut other = 0usize;
    for i in 0..n_nodes {
        let level = r.num()?;
        let kind = if r.u8()? == 1 {
            Kind::Point
        } else {
            Kind::Heading
        };
        let line = r.num()?;
        let chars = r.num()?;
        // Pre-order: a parent comes before its child, a subtree ends after its node.
        let parent = match r.opt()? {
            Some(back) => Some(i.checked_sub(back.checked_add(1)?)?),
            None => None,
        };
        let end = i.checked_add(r.num()?)?;
        let para = r.num()?;
        if end <= i || end > n_nodes || para >= n_paras {
            return None;
        }
        let (marker, title) = (r.num()?, r.num()?);
        let len = marker.checked_add(title)?;
        let elsewhere = match r.u8()? == 1 {
            true => None,
            false => {
                other = other.checked_add(len)?;
                Some(other - len..other)
            }
        };
        nodes.push(RawNode {
            level,
            kind,
            line,
            chars,
            parent,
            end,
            para,
            marker,
            title,
            elsewhere,
        });
    }
    Some(())
}

/// A node as the entry gives it, its label not yet found.
pub struct RawNode {
    pub(super) level: usize,
    pub(super) kind: Kind,
    pub line: usize,
    pub(super) chars: usize,
    pub parent: Option<usize>,
    pub(super) end: usize,
    pub para: usize,
    /// Byte lengths of marker and title.
    pub marker: usize,
    pub title: usize,
    /// Where the label is in `other_labels`; `None` when it opens the node's paragraph.
    pub elsewhere: Option<Range<usize>>,
}
