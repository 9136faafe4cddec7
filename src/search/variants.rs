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

/// The steps of OpenCC's conversions. OpenCC's configurations for whole conversions
/// (`s2tw`, `hk2s`, …) chain the same dictionaries, but each loads its own copies: the
/// six a query needs loaded the 1.8 MB phrase dictionary three times, and every search
/// started 8 ms late. These six configurations are one step each, each loaded once.
const STEPS: [BuiltinConfig; 6] = [
    // Traditional to simplified: standard, then Taiwan's and Hong Kong's variants to
    // standard traditional.
    BuiltinConfig::T2s,
    BuiltinConfig::Tw2t,
    BuiltinConfig::Hk2t,
    // Simplified to traditional, then standard traditional to Taiwan's and Hong Kong's.
    BuiltinConfig::S2t,
    BuiltinConfig::T2tw,
    BuiltinConfig::T2hk,
];

/// OpenCC's conversions as chains of `STEPS`, as its configurations chain them: to
/// simplified Chinese (`t2s`, `tw2s`, `hk2s`), then to traditional (`s2t`, `s2tw`,
/// `s2hk`).
const TO_SIMPLIFIED: [&[usize]; 3] = [&[0], &[1, 0], &[2, 0]];
const TO_TRADITIONAL: [&[usize]; 3] = [&[3], &[3, 4], &[3, 5]];

/// Where `STEPS` has simplified to traditional, whose phrase dictionary takes most of
/// the loading time.
const BIG_STEP: usize = 3;

/// The steps, loaded once on the first query, the big one on a thread of its own (not
/// rayon's pool, which the browser's loading may keep busy); a step that cannot load is
/// left out of the chains.
fn steps() -> &'static [Option<OpenCC>] {
    static LOADED: OnceLock<Vec<Option<OpenCC>>> = OnceLock::new();
    LOADED.get_or_init(|| {
        std::thread::scope(|scope| {
            let big = scope.spawn(|| OpenCC::from_config(STEPS[BIG_STEP]).ok());
            let mut steps: Vec<Option<OpenCC>> = (STEPS.iter().enumerate())
                .map(|(k, &c)| (k != BIG_STEP).then(|| OpenCC::from_config(c).ok())?)
                .collect();
            steps[BIG_STEP] = big.join().ok().flatten();
            steps
        })
    })
}

/// `text` through the chain of steps `chain`; `None` when one did not load.
fn convert(chain: &[usize], text: &str) -> Option<String> {
    let steps = steps();
    let mut out = text.to_string();
    for &k in chain {
        out = steps.get(k)?.as_ref()?.convert(&out);
    }
    Some(out)
}

/// The characters each position of `word` may be in a file, in order. OpenCC converts
/// whole phrases (`头发` → `頭髮`, `干部` → `幹部`), so the word is converted as a
/// whole both ways and the results are read position by position.
pub fn classes(word: &str) -> Vec<BTreeSet<char>> {
    let chars: Vec<char> = word.chars().collect();
    let mut out: Vec<BTreeSet<char>> = chars.iter().map(|&c| BTreeSet::from([c])).collect();
    if chars.iter().any(|c| !c.is_ascii()) {
        // Simplified forms first, then the traditional forms of each.
        let mut forms: BTreeSet<String> = BTreeSet::from([word.to_string()]);
        forms.extend(TO_SIMPLIFIED.iter().filter_map(|c| convert(c, word)));
        let simplified: Vec<String> = forms.iter().cloned().collect();
        for s in &simplified {
            forms.extend(TO_TRADITIONAL.iter().filter_map(|c| convert(c, s)));
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

    /// The shared steps convert as OpenCC's own configurations do.
    #[test]
    fn the_chains_of_steps_are_opencc_s_conversions() {
        use BuiltinConfig::*;
        let words = [
            "发展",
            "營商環境",
            "头发",
            "干部",
            "软件",
            "里面",
            "台湾",
            "着力",
            "后面",
            "於是",
            "麵包",
            "裏面",
            "着數",
            "牀",
            "綫",
            "出租车",
            "鼠标",
            "乾隆",
            "了解",
        ];
        let chains = TO_SIMPLIFIED.iter().chain(&TO_TRADITIONAL);
        for (chain, config) in chains.zip([T2s, Tw2s, Hk2s, S2t, S2tw, S2hk]) {
            let opencc = OpenCC::from_config(config).unwrap();
            for w in words {
                assert_eq!(
                    convert(chain, w).as_deref(),
                    Some(&*opencc.convert(w)),
                    "{w}"
                );
            }
        }
    }

    #[test]
    fn a_character_without_other_forms_is_alone() {
        assert_eq!(classes("的")[0], BTreeSet::from(['的']));
    }
}
