//! The outline tree of every loaded speech as one flat pre-order array, with expansion in a
//! bitset and the list of visible rows rebuilt only when expansion or the filter changes.

use crate::outline::{Document, Role};

pub const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// A speech, labelled with its title.
    Root,
    /// `Document::nodes[i]`.
    Node(u32),
    /// The 结束语 leaf, when the speech has a closing.
    Closing,
    /// The 附件 leaf, when text follows the speech (`名词解释`, `注释`, `附件`).
    Appendix,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub doc: u32,
    pub kind: ItemKind,
    /// 0 for a speech, 1 for its top-level sections.
    pub depth: u16,
    pub parent: u32,
    /// One past the last item of this item's subtree.
    pub end: u32,
}

#[derive(Debug, Clone, Default)]
pub struct Bitset(Vec<u64>);

impl Bitset {
    pub fn get(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }
    pub fn set(&mut self, i: usize, v: bool) {
        if self.0.len() <= i / 64 {
            self.0.resize(i / 64 + 1, 0);
        }
        let bit = 1u64 << (i % 64);
        if v {
            self.0[i / 64] |= bit;
        } else {
            self.0[i / 64] &= !bit;
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub items: Vec<Item>,
    /// Item index of each document's root.
    pub doc_root: Vec<u32>,
    expanded: Bitset,
    /// Items shown while a filter is active: the matches and their ancestors.
    filter: Option<Bitset>,
    /// Visible items in order (ascending, since the array is pre-order).
    pub visible: Vec<u32>,
}

impl Tree {
    /// Appends a document; items shallower than `open_depth` start expanded.
    pub fn push_doc(&mut self, doc: &Document, open_depth: u16) {
        let d = self.doc_root.len() as u32;
        let root = self.items.len() as u32;
        self.doc_root.push(root);
        let has_closing = doc.paragraphs.iter().any(|p| p.role == Role::Closing);
        let has_appendix = doc.paragraphs.iter().any(|p| p.role == Role::Appendix);
        let n = doc.nodes.len() as u32;
        let end = root + 1 + n + u32::from(has_closing) + u32::from(has_appendix);
        self.items.push(Item {
            doc: d,
            kind: ItemKind::Root,
            depth: 0,
            parent: NONE,
            end,
        });
        for (i, node) in doc.nodes.iter().enumerate() {
            // Guard against a malformed model: keep every subtree inside the document.
            let node_end = (node.end as u32).clamp(i as u32 + 1, n);
            self.items.push(Item {
                doc: d,
                kind: ItemKind::Node(i as u32),
                depth: node.level.clamp(1, 1000) as u16,
                parent: node
                    .parent
                    .filter(|&p| p < i)
                    .map_or(root, |p| root + 1 + p as u32),
                end: root + 1 + node_end,
            });
        }
        // The leaves after the sections: 结束语, then 附件.
        for (has, kind) in [
            (has_closing, ItemKind::Closing),
            (has_appendix, ItemKind::Appendix),
        ] {
            if has {
                let at = self.items.len() as u32;
                self.items.push(Item {
                    doc: d,
                    kind,
                    depth: 1,
                    parent: root,
                    end: at + 1,
                });
            }
        }
        for i in root..end {
            let depth = self.items[i as usize].depth;
            self.expanded.set(i as usize, depth < open_depth);
        }
        if self.filter.is_none() {
            let mut i = root;
            while i < end {
                self.visible.push(i);
                i = self.next_shown(i);
            }
        }
    }

    /// Puts `doc`, read again, in the place of document `d`; returns how many items the
    /// tree grew by (negative: shrank). Items keep their expansion where the outline kept
    /// its shape; a filter shows the new items until it is matched again.
    pub fn replace_doc(&mut self, d: usize, doc: &Document, open_depth: u16) -> i64 {
        let root = self.doc_root[d];
        let old_end = self.items[root as usize].end;
        let mut fresh = Tree::default();
        fresh.push_doc(doc, open_depth);
        let old_len = (old_end - root) as usize;
        let new_len = fresh.items.len();
        let delta = new_len as i64 - old_len as i64;
        let shift = |i: u32| (i64::from(i) + delta) as u32;
        // Expansion: the old item's where the depth is the same, else the default.
        let expanded: Vec<bool> = (0..new_len)
            .map(|k| {
                let same =
                    k < old_len && self.items[root as usize + k].depth == fresh.items[k].depth;
                if same {
                    self.expanded.get(root as usize + k)
                } else {
                    fresh.expanded.get(k)
                }
            })
            .collect();
        let new_items = fresh.items.iter().map(|it| Item {
            doc: d as u32,
            parent: if it.parent == NONE {
                NONE
            } else {
                it.parent + root
            },
            end: it.end + root,
            ..*it
        });
        self.items
            .splice(root as usize..old_end as usize, new_items);
        for it in &mut self.items[root as usize + new_len..] {
            if it.parent != NONE {
                it.parent = shift(it.parent);
            }
            it.end = shift(it.end);
        }
        for r in &mut self.doc_root[d + 1..] {
            *r = shift(*r);
        }
        let total = self.items.len();
        let splice = |bits: &Bitset, new: &dyn Fn(usize) -> bool| {
            let mut out = Bitset::default();
            for i in 0..total {
                let v = if i < root as usize {
                    bits.get(i)
                } else if i < root as usize + new_len {
                    new(i - root as usize)
                } else {
                    bits.get((i as i64 - delta) as usize)
                };
                if v {
                    out.set(i, true);
                }
            }
            out
        };
        self.expanded = splice(&self.expanded, &|k| expanded[k]);
        if let Some(f) = &self.filter {
            self.filter = Some(splice(f, &|_| true));
        }
        self.rebuild();
        delta
    }

    /// The item after `i` in the visible walk: skips a collapsed subtree.
    fn next_shown(&self, i: u32) -> u32 {
        if self.expanded.get(i as usize) {
            i + 1
        } else {
            self.items[i as usize].end
        }
    }

    pub fn has_children(&self, i: u32) -> bool {
        self.items[i as usize].end > i + 1
    }

    pub fn is_expanded(&self, i: u32) -> bool {
        self.expanded.get(i as usize)
    }

    pub fn set_expanded(&mut self, i: u32, v: bool) {
        if self.is_expanded(i) != v {
            self.expanded.set(i as usize, v);
            self.rebuild();
        }
    }

    /// Expands every item shallower than `depth` (`None`: everything) and collapses the rest.
    pub fn set_depth(&mut self, depth: Option<u16>) {
        for i in 0..self.items.len() {
            let d = self.items[i].depth;
            self.expanded.set(i, depth.is_none_or(|x| d < x));
        }
        self.rebuild();
    }

    pub fn rebuild(&mut self) {
        self.visible.clear();
        let mut i = 0u32;
        let n = self.items.len() as u32;
        while i < n {
            if let Some(f) = &self.filter
                && !f.get(i as usize)
            {
                i = self.items[i as usize].end;
                continue;
            }
            self.visible.push(i);
            i = self.next_shown(i);
        }
    }

    /// Position of item `i` in the visible rows.
    pub fn row_of(&self, i: u32) -> Option<usize> {
        self.visible.binary_search(&i).ok()
    }

    /// `i` if visible, else its nearest visible ancestor.
    pub fn nearest_visible(&self, mut i: u32) -> u32 {
        while i != NONE && self.row_of(i).is_none() {
            i = self.items[i as usize].parent;
        }
        i
    }

    /// Opens every ancestor of `i`, so that it becomes visible (unless filtered out).
    pub fn reveal(&mut self, i: u32) {
        let mut changed = false;
        let mut p = self.items[i as usize].parent;
        while p != NONE {
            if !self.expanded.get(p as usize) {
                self.expanded.set(p as usize, true);
                changed = true;
            }
            p = self.items[p as usize].parent;
        }
        if changed {
            self.rebuild();
        }
    }

    pub fn is_ancestor_or_self(&self, a: u32, i: u32) -> bool {
        a <= i && i < self.items[a as usize].end
    }

    /// Item of node `node` of document `doc`.
    pub fn node_item(&self, doc: usize, node: usize) -> u32 {
        self.doc_root[doc] + 1 + node as u32
    }

    pub fn closing_item(&self, doc: usize) -> Option<u32> {
        self.leaf_item(doc, ItemKind::Closing)
    }

    pub fn appendix_item(&self, doc: usize) -> Option<u32> {
        self.leaf_item(doc, ItemKind::Appendix)
    }

    /// The 结束语 or 附件 leaf of `doc`: one of its last two items.
    fn leaf_item(&self, doc: usize, kind: ItemKind) -> Option<u32> {
        let root = self.doc_root[doc];
        let end = self.items[root as usize].end;
        (end.saturating_sub(2).max(root + 1)..end).find(|&i| self.items[i as usize].kind == kind)
    }

    pub fn filter_active(&self) -> bool {
        self.filter.is_some()
    }

    /// Shows only items where `matches` holds, with their ancestors, which are opened.
    /// `None` removes the filter.
    pub fn set_filter(&mut self, matches: Option<&dyn Fn(u32) -> bool>) {
        let Some(matches) = matches else {
            self.filter = None;
            self.rebuild();
            return;
        };
        let mut mask = Bitset::default();
        for i in 0..self.items.len() as u32 {
            if matches(i) && !mask.get(i as usize) {
                mask.set(i as usize, true);
                let mut p = self.items[i as usize].parent;
                while p != NONE && !mask.get(p as usize) {
                    mask.set(p as usize, true);
                    self.expanded.set(p as usize, true);
                    p = self.items[p as usize].parent;
                }
                // An ancestor already in the mask may have been a match left collapsed.
                while p != NONE && !self.expanded.get(p as usize) {
                    self.expanded.set(p as usize, true);
                    p = self.items[p as usize].parent;
                }
            }
        }
        self.filter = Some(mask);
        self.rebuild();
    }

    pub fn expansion(&self) -> Bitset {
        self.expanded.clone()
    }

    pub fn restore_expansion(&mut self, e: Bitset) {
        self.expanded = e;
        self.rebuild();
    }
}
