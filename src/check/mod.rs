//! `gangmu check`: a structure lint for speech drafts. Each rule reads what the parser
//! decided (its warnings, removed lines, lone points, the closing) or compares sibling
//! headings (`shape`), and says where, as a compiler does: `PATH:LINE:COL: warning: …`.

mod evidence;
mod place;
mod render;
mod run;
mod shape;

use crate::outline::Document;
use place::Places;

pub use render::{json, text};
pub use run::run;

/// A rule of `gangmu check`, by the id printed after each diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Rule {
    /// Gaps, repeats and restarts in sibling numbering (一、 then 三、).
    Numbering,
    /// The preamble announces a count the top-level sections do not match.
    Announced,
    /// One level written two ways (1. and 1、, （一） and (一)).
    MixedStyle,
    /// Sibling headings that end differently (some with 。, some without).
    HeadingPunct,
    /// A sibling heading that breaks its siblings' parallel wording or length (a note).
    Parallel,
    /// An enumeration with no sibling: 一是 with no 二是, 首先 with no 其次.
    LonePoint,
    /// Advert, watermark and web page lines left in the draft.
    Junk,
    /// Numbered sections but no closing paragraph.
    Closing,
}

impl Rule {
    pub const ALL: [Rule; 8] = [
        Rule::Numbering,
        Rule::Announced,
        Rule::MixedStyle,
        Rule::HeadingPunct,
        Rule::Parallel,
        Rule::LonePoint,
        Rule::Junk,
        Rule::Closing,
    ];

    /// The id printed in brackets and accepted by `--rule`.
    pub fn id(self) -> &'static str {
        match self {
            Rule::Numbering => "numbering",
            Rule::Announced => "announced",
            Rule::MixedStyle => "mixed-style",
            Rule::HeadingPunct => "heading-punct",
            Rule::Parallel => "parallel",
            Rule::LonePoint => "lone-point",
            Rule::Junk => "junk",
            Rule::Closing => "closing",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Rule::Parallel => Severity::Note,
            _ => Severity::Warning,
        }
    }
}

/// Warnings make the exit status 1; notes are advice and leave it 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One finding: where (1-based line and column, in characters of the decoded file),
/// which rule, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub line: usize,
    pub column: usize,
    pub rule: Rule,
    /// In English; the JSON gives it, the same in both languages.
    pub message: String,
    /// The same in Chinese.
    pub zh: String,
}

impl Diagnostic {
    /// The message in the interface language (text output).
    pub fn text(&self) -> &str {
        if crate::lang::is_zh() {
            &self.zh
        } else {
            &self.message
        }
    }

    pub fn severity(&self) -> Severity {
        self.rule.severity()
    }
}

/// The rules a run applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules([bool; Rule::ALL.len()]);

impl Rules {
    pub fn all() -> Rules {
        Rules([true; Rule::ALL.len()])
    }

    /// `only` (or every rule when empty), less `skip`.
    pub fn select(only: &[Rule], skip: &[Rule]) -> Rules {
        let mut on = [only.is_empty(); Rule::ALL.len()];
        for &r in only {
            on[r as usize] = true;
        }
        for &r in skip {
            on[r as usize] = false;
        }
        Rules(on)
    }

    pub fn has(&self, r: Rule) -> bool {
        self.0[r as usize]
    }
}

/// A diagnostic before its column is known: the rule says where in the paragraph or
/// removed line, `Places` turns that into a column of the decoded file.
pub(crate) struct Finding {
    pub rule: Rule,
    pub at: place::At,
    pub message: String,
    pub zh: String,
}

/// The diagnostics of one speech, in line and column order. `doc` must be parsed with
/// `Text::Keep` from `text`, the decoded file (the columns are counted in it).
pub fn check(doc: &Document, text: &str, rules: Rules) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    evidence::warnings(doc, rules, &mut found);
    if rules.has(Rule::LonePoint) {
        evidence::lone_points(doc, &mut found);
    }
    if rules.has(Rule::Junk) {
        evidence::junk(doc, &mut found);
    }
    if rules.has(Rule::Closing) {
        evidence::closing(doc, &mut found);
    }
    if rules.has(Rule::HeadingPunct) {
        shape::heading_punct(doc, &mut found);
    }
    if rules.has(Rule::Parallel) {
        shape::parallel(doc, &mut found);
    }
    if found.is_empty() {
        return Vec::new();
    }
    let places = Places::new(doc, text);
    let mut out: Vec<Diagnostic> = found
        .into_iter()
        .map(|f| {
            let (line, column) = places.locate(&f.at);
            Diagnostic {
                line,
                column,
                rule: f.rule,
                message: f.message,
                zh: f.zh,
            }
        })
        .collect();
    out.sort_by_key(|d| (d.line, d.column, d.rule));
    out
}
