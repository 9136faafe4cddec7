//! Where a pattern matches in one parsed speech: the paragraphs of its text (junk lines
//! the parser removed are not among them), each with the section it stands in.

use super::pattern::Pattern;
use super::speech::Speech;
use crate::outline::Document;
use serde::Serialize;

/// A paragraph where every word of the pattern occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Paragraph index in the document.
    pub para: usize,
    /// The line it starts on (1-based).
    pub line: usize,
    /// Byte ranges of the matches in the paragraph's text.
    pub ranges: Vec<(usize, usize)>,
}

/// One step of a breadcrumb: the speech, a section, or the closing or appendix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Crumb {
    pub marker: String,
    pub title: String,
    pub line: usize,
}

/// Every paragraph of `doc` where `pattern` matches, in order. Each word is looked for
/// once over the whole reading text (not paragraph by paragraph: a speech has hundreds),
/// and its matches are assigned to the paragraphs they lie in.
pub fn find(doc: &Document, pattern: &Pattern) -> Vec<Hit> {
    let paras = &doc.paragraphs;
    // Per word, (paragraph, range in it) in text order.
    let mut per_word: Vec<Vec<(usize, (usize, usize))>> = Vec::new();
    for w in pattern.words() {
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(m) = w.find_at(&doc.text, at) {
            let p = paras.partition_point(|q| q.span.start <= m.start());
            let span = p.checked_sub(1).map(|p| (p, paras[p].span.clone()));
            at = match span {
                Some((p, span)) if m.end() <= span.end && m.start() < m.end() => {
                    found.push((p, (m.start() - span.start, m.end() - span.start)));
                    m.end()
                }
                // Across two paragraphs: looked for again from the next one.
                Some((_, span)) if m.end() > span.end && span.end > m.start() => span.end,
                // Empty, or before the first paragraph: on by one character.
                _ => {
                    m.start()
                        + doc.text[m.start()..]
                            .chars()
                            .next()
                            .map_or(1, char::len_utf8)
                }
            };
            if at >= doc.text.len() {
                break;
            }
        }
        if found.is_empty() {
            return Vec::new();
        }
        per_word.push(found);
    }
    let Some((first, rest)) = per_word.split_first() else {
        return Vec::new();
    };
    let mut hits: Vec<Hit> = Vec::new();
    for &(p, r) in first {
        match hits.last_mut() {
            Some(h) if h.para == p => h.ranges.push(r),
            _ => hits.push(Hit {
                para: p,
                line: paras[p].line,
                ranges: vec![r],
            }),
        }
    }
    // Every other word must be in the paragraph too.
    for word in rest {
        hits.retain_mut(|h| {
            let at = word.partition_point(|&(p, _)| p < h.para);
            let mine = word[at..].iter().take_while(|&&(p, _)| p == h.para);
            let before = h.ranges.len();
            h.ranges.extend(mine.map(|&(_, r)| r));
            h.ranges.len() > before
        });
    }
    if !rest.is_empty() {
        for h in &mut hits {
            h.ranges = super::pattern::merge(std::mem::take(&mut h.ranges));
        }
    }
    hits
}

/// Where a speech's title, closing and appendix are: found once per speech, not per hit.
#[derive(Debug, Clone, Copy)]
pub struct Landmarks {
    title_line: usize,
    closing: Option<usize>,
    appendix: Option<usize>,
}

impl Landmarks {
    pub fn new(title_line: usize, closing: Option<usize>, appendix: Option<usize>) -> Self {
        Landmarks {
            title_line,
            closing,
            appendix,
        }
    }

    pub fn of(doc: &Document) -> Self {
        Landmarks {
            title_line: doc
                .paragraphs
                .iter()
                .find(|p| p.role == crate::outline::Role::Title)
                .map_or(1, |p| p.line),
            closing: doc.closing_para(),
            appendix: doc.appendix_para(),
        }
    }
}

/// One step of a breadcrumb before it is written out: the speech, a section (node
/// index), or the closing or appendix (the paragraph where it starts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Speech,
    Node(usize),
    Closing(usize),
    Appendix(usize),
}

/// The sections paragraph `para` stands in, from the speech's title down: the section
/// whose heading comes last before it, and that section's parents; or the closing or
/// the appendix.
pub fn steps<S: Speech + ?Sized>(doc: &S, marks: Landmarks, para: usize) -> Vec<Step> {
    // Deep enough for most outlines without growing.
    let mut out = Vec::with_capacity(6);
    steps_into(doc, marks, para, &mut out);
    out
}

/// `steps`, in `out` (emptied first).
pub fn steps_into<S: Speech + ?Sized>(doc: &S, marks: Landmarks, para: usize, out: &mut Vec<Step>) {
    out.clear();
    out.push(Step::Speech);
    match leaf(doc, marks, para) {
        Step::Speech => {}
        Step::Node(i) => {
            let mut node = Some(i);
            while let Some(i) = node {
                out.push(Step::Node(i));
                node = doc.parent(i);
            }
            out[1..].reverse();
        }
        step => out.push(step),
    }
}

/// The last of `steps`, which decides the others: the closing or appendix, the
/// section whose heading comes last before the paragraph, or the speech itself.
pub fn leaf<S: Speech + ?Sized>(doc: &S, marks: Landmarks, para: usize) -> Step {
    if let Some(a) = marks.appendix.filter(|&a| para >= a) {
        return Step::Appendix(a);
    }
    if let Some(c) = marks.closing.filter(|&c| para >= c) {
        return Step::Closing(c);
    }
    doc.section_of(para).map_or(Step::Speech, Step::Node)
}

/// A step as it is shown and exported.
pub fn crumb<S: Speech + ?Sized>(doc: &S, marks: Landmarks, step: Step) -> Crumb {
    let (marker, title, line) = parts(doc, marks, step);
    Crumb {
        marker: marker.to_string(),
        title: title.to_string(),
        line,
    }
}

/// A step's marker, title and line, borrowed from the speech.
pub fn parts<S: Speech + ?Sized>(doc: &S, marks: Landmarks, step: Step) -> (&str, &str, usize) {
    match step {
        Step::Speech => ("", doc.title(), marks.title_line),
        Step::Node(i) => doc.section(i),
        Step::Closing(at) => ("", "结束语", doc.para_line(at)),
        Step::Appendix(at) => ("", "附件", doc.para_line(at)),
    }
}

/// `steps` written out.
pub fn breadcrumb<S: Speech + ?Sized>(doc: &S, marks: Landmarks, para: usize) -> Vec<Crumb> {
    steps(doc, marks, para)
        .into_iter()
        .map(|s| crumb(doc, marks, s))
        .collect()
}

/// `ranges` (bytes of `text`) as character ranges.
pub fn char_ranges(text: &str, ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let chars = |b: usize| text.get(..b).map_or(0, |s| s.chars().count());
    ranges.iter().map(|&(a, b)| (chars(a), chars(b))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::parse;
    use crate::search::pattern::Options;

    const SPEECH: &str = "在全县工作会议上的讲话
同志们：
今天开会，讲营商环境。
一、抓发展
（一）抓项目
项目是发展的关键，营商环境要优化。
二、抓作风
作风要实。
同志们，让我们为优化营商环境而努力！
";

    fn crumbs(doc: &Document, para: usize) -> Vec<String> {
        breadcrumb(doc, Landmarks::of(doc), para)
            .into_iter()
            .map(|c| format!("{}{}@{}", c.marker, c.title, c.line))
            .collect()
    }

    #[test]
    fn each_hit_has_the_section_it_stands_in() {
        let doc = parse(SPEECH, "a.txt", "a", "UTF-8");
        let p = Pattern::new("营商环境", Options::default()).unwrap();
        let hits = find(&doc, &p);
        let lines: Vec<usize> = hits.iter().map(|h| h.line).collect();
        assert_eq!(lines, [3, 6, 9]);
        assert_eq!(crumbs(&doc, hits[0].para), ["在全县工作会议上的讲话@1"]);
        assert_eq!(
            crumbs(&doc, hits[1].para),
            ["在全县工作会议上的讲话@1", "一、抓发展@4", "（一）抓项目@5"]
        );
        assert_eq!(
            crumbs(&doc, hits[2].para),
            ["在全县工作会议上的讲话@1", "结束语@9"]
        );
        let text = doc.para_text(hits[1].para);
        assert_eq!(char_ranges(text, &hits[1].ranges), [(9, 13)]);
    }
}
