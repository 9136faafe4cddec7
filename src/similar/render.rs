//! `gangmu similar`'s output: one block per family for people, JSON for tools.

use super::pairs::{Pair, Sketch};
use crate::text::sanitize;
use crate::tr;
use std::fmt::Write as _;

/// A family for a person: each member's path, title, 字数 and how much of it is in the
/// family's first (longest) speech, then its pairs with where they share text.
pub fn text(
    n: usize,
    family: &[usize],
    speeches: &[Sketch],
    pairs: &[&Pair],
    inside: &[f64],
) -> String {
    let mut s = String::new();
    let size = family.len();
    let _ = writeln!(
        s,
        "{}",
        tr!(
            "== 家族 {n}：{size} 篇讲话",
            "== family {n}: {size} speeches"
        )
    );
    for (k, &i) in family.iter().enumerate() {
        let sp = &speeches[i];
        let share = if k == 0 {
            crate::lang::tr("第一篇", "first").to_string()
        } else {
            let pct = format!("{:.0}", inside[k]);
            tr!("{pct}% 在第一篇里", "{pct}% in the first")
        };
        let _ = writeln!(
            s,
            "  {}  {}  {}字  {share}",
            sanitize(&sp.path),
            sanitize(&sp.title),
            sp.chars
        );
    }
    for p in pairs {
        let (a, b) = (&speeches[p.a], &speeches[p.b]);
        let (pa, pb) = (sanitize(&a.path), sanitize(&b.path));
        let (ab, ba) = (format!("{:.0}", p.a_in_b), format!("{:.0}", p.b_in_a));
        let (passages, shared) = (p.passages, p.shared);
        let _ = writeln!(
            s,
            "{}",
            tr!(
                "  {pa} ~ {pb}：前者 {ab}% 在后者里，后者 {ba}% 在前者里；{passages} 段，{shared}字",
                "  {pa} ~ {pb}: {ab}% of the first in the second, {ba}% of the second in the first; {passages} passages, {shared}字"
            )
        );
        for (who, secs) in [(&a.path, &p.sections_a), (&b.path, &p.sections_b)] {
            let shown: Vec<String> = secs
                .iter()
                .take(4)
                .map(|x| sanitize(x).into_owned())
                .collect();
            let more = secs.len().saturating_sub(4);
            let tail = if more > 0 {
                format!(" (+{more})")
            } else {
                String::new()
            };
            let (who, shown) = (sanitize(who), shown.join(crate::lang::tr("；", "; ")));
            let _ = writeln!(
                s,
                "{}",
                tr!("    在 {who}：{shown}{tail}", "    in {who}: {shown}{tail}")
            );
        }
    }
    s.push('\n');
    s
}

/// A pair as one JSON object (`--format jsonl`, and the pairs of `--format json`).
pub fn pair_json(p: &Pair, speeches: &[Sketch]) -> serde_json::Value {
    let (a, b) = (&speeches[p.a], &speeches[p.b]);
    serde_json::json!({
        "a": a.path,
        "b": b.path,
        "a_in_b": round1(p.a_in_b),
        "b_in_a": round1(p.b_in_a),
        "passages": p.passages,
        "shared_chars": p.shared,
        "sections_a": p.sections_a,
        "sections_b": p.sections_b,
    })
}

/// A family as one JSON object.
pub fn family_json(
    family: &[usize],
    speeches: &[Sketch],
    pairs: &[&Pair],
    inside: &[f64],
) -> serde_json::Value {
    let members: Vec<serde_json::Value> = family
        .iter()
        .zip(inside)
        .map(|(&i, &c)| {
            let sp = &speeches[i];
            serde_json::json!({
                "path": sp.path,
                "title": sp.title,
                "chars": sp.chars,
                "in_first": round1(c),
            })
        })
        .collect();
    let pairs: Vec<serde_json::Value> = pairs.iter().map(|p| pair_json(p, speeches)).collect();
    serde_json::json!({ "members": members, "pairs": pairs })
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
