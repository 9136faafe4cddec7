//! Properties of Chinese line breaking (`gangmu::text::wrap`).

use gangmu::text::wrap::{no_end, no_start};
use gangmu::text::{Ambiguous, str_width, wrap};
use proptest::prelude::*;

/// Speech-like text: CJK, punctuation of both kinds, dashes and ellipses, numbers, words.
fn speechy() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        4 => "[一二三四五六七八九十抓项目建设发展安全工作会议同志们]{1,6}",
        2 => prop::sample::select(vec![
            "，", "。", "、", "；", "：", "！", "？", "）", "》", "”", "’", "…", "—", "·", "%",
        ]).prop_map(String::from),
        1 => prop::sample::select(vec!["“", "‘", "（", "《", "「", "『", "【"]).prop_map(String::from),
        1 => prop::sample::select(vec!["——", "……"]).prop_map(String::from),
        1 => "[0-9]{1,6}(\\.[0-9]{1,2})?",
        1 => "[a-zA-Z]{1,12}",
        1 => Just(" ".to_string()),
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn check(text: &str, width: usize, indent: usize, amb: Ambiguous) -> Result<(), TestCaseError> {
    let rows = wrap(text, width, indent, amb);
    prop_assert!(!rows.is_empty());
    // Rows joined give the input back: contiguous, covering, nothing lost or repeated.
    let mut at = 0;
    for r in &rows {
        prop_assert_eq!(r.start, at);
        prop_assert!(r.end >= r.start);
        at = r.end;
    }
    prop_assert_eq!(at, text.len());
    for (k, r) in rows.iter().enumerate() {
        let row = &text[r.start..r.end];
        let room = if k == 0 {
            width.saturating_sub(indent)
        } else {
            width
        };
        let w = str_width(row, amb);
        // A row is too wide only when it is a single character wider than the row.
        prop_assert!(
            w <= room.max(1)
                || row
                    .chars()
                    .filter(|c| gangmu::text::char_width(*c, amb) > 0)
                    .count()
                    == 1,
            "row {:?} width {} > {}",
            row,
            w,
            room
        );
        if let Some(next) = rows.get(k + 1)
            && !r.forced
            && next.end > next.start
            && r.end > r.start
        {
            let first = text[next.start..].chars().next().unwrap();
            let last = row.chars().next_back().unwrap();
            prop_assert!(!no_start(first), "row starts with {first:?}: {rows:?}");
            prop_assert!(!no_end(last), "row ends with {last:?}");
        }
    }
    // `——` and `……` are never split (when the row is wide enough to hold them).
    if width >= 4 {
        for r in &rows[..rows.len() - 1] {
            let (before, after) = text.split_at(r.end);
            for c in ['—', '…'] {
                let run = before.chars().rev().take_while(|&x| x == c).count();
                prop_assert!(
                    !(run % 2 == 1 && after.starts_with(c)),
                    "split {c}{c} at {}: {rows:?}",
                    r.end
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn speech_text_wraps_by_the_rules(text in speechy(), width in 1usize..60, indent in 0usize..6) {
        check(&text, width, indent, Ambiguous::Narrow)?;
        check(&text, width, indent, Ambiguous::Wide)?;
    }

    #[test]
    fn any_unicode_wraps_without_panic(text in "\\PC{0,80}|.{0,40}|[\\u{0}-\\u{40}\\u{200B}-\\u{200F}\\u{300}-\\u{36F}\\u{1F466}\\u{200D}]{0,40}", width in 0usize..30) {
        let clean = gangmu::text::sanitize(&text);
        check(&clean, width.max(1), 0, Ambiguous::Narrow)?;
        // Raw input must not panic either.
        let _ = wrap(&text, width, 2, Ambiguous::Wide);
    }

    #[test]
    fn numbers_and_words_stay_whole_when_they_fit(word in "[0-9]{1,5}|[a-z]{1,5}", pre in "[一二三四五]{0,9}", width in 6usize..20) {
        let text = format!("{pre}{word}。");
        let rows = wrap(&text, width, 0, Ambiguous::Narrow);
        let at = pre.len();
        let word_starts_a_row = rows.iter().any(|r| r.start == at);
        for r in &rows {
            if r.start > at && r.start < at + word.len() {
                // Only to keep `。` off the start of a row (issue 11): the word fills its
                // row, and just its last letter goes down with the `。`.
                prop_assert!(
                    word_starts_a_row && word.len() + 2 > width && r.start == at + word.len() - 1,
                    "{word} split: {rows:?}"
                );
            }
        }
        prop_assert!(rows.iter().all(|r| !text[r.start..].starts_with('。') || r.start == 0), "a row starts with 。: {rows:?}");
    }
}
