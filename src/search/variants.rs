//! The forms a character of a query may take in a file: full- and half-width forms and
//! ASCII case (`text::fold`, spec §2), and simplified and traditional Chinese (OpenCC's
//! tables, through `ferrous-opencc`: `發展` finds `发展` and back).

use crate::text::fold::fold;
use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// For each folded form that more than one character has, those characters.
fn same_fold() -> &'static HashMap<char, Vec<char>> {
    static TABLE: OnceLock<HashMap<char, Vec<char>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut by_fold: HashMap<char, Vec<char>> = HashMap::new();
        // Folding only touches the Basic Multilingual Plane; most characters fold to
        // themselves and are in no group.
        for c in (0..=0xFFFFu32).filter_map(char::from_u32) {
            let f = fold(c);
            if f != c {
                by_fold.entry(f).or_insert_with(|| vec![f]).push(c);
            }
        }
        by_fold
    })
}

/// OpenCC converters, loaded once (a few milliseconds) on the first query.
fn converters() -> &'static [OpenCC] {
    static CONVERTERS: OnceLock<Vec<OpenCC>> = OnceLock::new();
    CONVERTERS.get_or_init(|| {
        use BuiltinConfig::*;
        [T2s, Tw2s, Hk2s, S2t, S2tw, S2hk]
            .into_iter()
            .filter_map(|c| OpenCC::from_config(c).ok())
            .collect()
    })
}

/// The characters each position of `word` may be in a file, in order. OpenCC converts
/// whole phrases (`头发` → `頭髮`, `干部` → `幹部`), so the word is converted as a
/// whole both ways and the results are read position by position.
pub fn classes(word: &str) -> Vec<BTreeSet<char>> {
    let chars: Vec<char> = word.chars().collect();
    let mut out: Vec<BTreeSet<char>> = chars.iter().map(|&c| BTreeSet::from([c])).collect();
    if chars.iter().any(|c| !c.is_ascii()) {
        let convs = converters();
        // Simplified forms first, then the traditional forms of each.
        let mut forms: BTreeSet<String> = BTreeSet::from([word.to_string()]);
        forms.extend(convs[..3.min(convs.len())].iter().map(|c| c.convert(word)));
        let simplified: Vec<String> = forms.iter().cloned().collect();
        for s in &simplified {
            forms.extend(convs.iter().skip(3).map(|c| c.convert(s)));
        }
        for f in &forms {
            let fc: Vec<char> = f.chars().collect();
            // A conversion that changed the length (rare) says nothing position by
            // position: it is left out.
            if fc.len() == chars.len() {
                for (set, c) in out.iter_mut().zip(fc) {
                    set.insert(c);
                }
            }
        }
    }
    let table = same_fold();
    for set in &mut out {
        let more: Vec<char> = set
            .iter()
            .filter_map(|&c| table.get(&fold(c)))
            .flatten()
            .copied()
            .collect();
        set.extend(more);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(word: &str, pos: usize, c: char) -> bool {
        classes(word)[pos].contains(&c)
    }

    #[test]
    fn simplified_and_traditional_find_each_other() {
        assert!(has("發展", 0, '发'));
        assert!(has("发展", 0, '發'));
        assert!(has("营商环境", 2, '環'));
        assert!(has("干部", 0, '幹'));
        assert!(has("头发", 1, '髮'));
    }

    #[test]
    fn width_and_case_forms_are_one() {
        assert!(has("3.基层", 0, '３'));
        assert!(has("3.基层", 1, '．'));
        assert!(has("\"温差\"", 0, '“'));
        assert!(has("“温差”", 3, '"'));
        assert!(has("(一)", 0, '（'));
        assert!(has("ab", 0, 'A'));
        assert!(has("ab", 1, 'Ｂ'));
    }

    #[test]
    fn a_character_without_other_forms_is_alone() {
        assert_eq!(classes("的")[0], BTreeSet::from(['的']));
    }
}
