//! Synthetic speeches for benchmarks and `examples/gen_corpus`: deterministic
//! recombinations of the bundled samples' titles, headings, points and paragraphs.

use super::{decode, samples::SAMPLES};
use crate::outline::{Kind, Role, parse};

/// A tiny deterministic generator (xorshift64*): the corpus must not depend on a crate's
/// version of randomness.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, v: &'a [String]) -> &'a str {
        v.get(self.below(v.len())).map_or("", |s| s.as_str())
    }
}

/// Text pools taken from the samples.
pub struct Pools {
    titles: Vec<String>,
    headings: Vec<String>,
    points: Vec<String>,
    paragraphs: Vec<String>,
}

impl Pools {
    pub fn from_samples() -> Self {
        let mut p = Pools {
            titles: vec![],
            headings: vec![],
            points: vec![],
            paragraphs: vec![],
        };
        for (name, bytes) in SAMPLES {
            // A sample that copies another would weigh its paragraphs twice.
            if name.contains("_copy") {
                continue;
            }
            let Ok(d) = decode(bytes) else { continue };
            let doc = parse(&d.text, name, name, d.encoding);
            p.titles.push(doc.title.clone());
            for n in &doc.nodes {
                let t = doc.node_title(n).to_string();
                if t.chars().count() <= 40 && !t.is_empty() {
                    match n.kind {
                        Kind::Heading => p.headings.push(t),
                        Kind::Point => p.points.push(t),
                    }
                }
            }
            for (i, para) in doc.paragraphs.iter().enumerate() {
                let text = doc.para_text(i);
                if para.role == Role::Body && para.node.is_none() && text.chars().count() > 40 {
                    p.paragraphs.push(text.to_string());
                }
            }
        }
        if p.paragraphs.is_empty() {
            p.paragraphs.push(
                "各级各部门要切实提高政治站位，坚持问题导向，扎实推进各项工作落地见效。".into(),
            );
        }
        for v in [&mut p.titles, &mut p.headings, &mut p.points] {
            if v.is_empty() {
                v.push("扎实推进重点工作".into());
            }
        }
        p
    }
}

const CN: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const ADVERTS: [&str; 3] = [
    "仅供学习参考 禁止外传",
    "扫码关注公众号获取更多材料",
    "会员群：12345678",
];

/// Line endings and encoding of a generated file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    Utf8,
    Utf8Crlf,
    Gb18030,
}

/// One speech of about `target` bytes (UTF-8), varied by `rng`.
pub fn speech(pools: &Pools, rng: &mut Rng, target: usize) -> String {
    let mut s = String::with_capacity(target + 4096);
    if rng.below(3) == 0 {
        s.push_str(ADVERTS[rng.below(ADVERTS.len())]);
        s.push('\n');
    }
    s.push_str(rng.pick(&pools.titles));
    s.push_str("\n（2024年3月5日）\n同志们：\n");
    let sections = 3 + rng.below(4);
    s.push_str(&format!("下面，我讲{}点意见。\n", CN[sections - 1]));
    s.push_str(rng.pick(&pools.paragraphs));
    s.push('\n');
    let per_section = target / sections;
    let style = rng.below(3);
    for (i, numeral) in CN.iter().enumerate().take(sections) {
        s.push_str(&format!("{numeral}、{}\n", rng.pick(&pools.headings)));
        let start = s.len();
        let mut sub = 0;
        while s.len() - start < per_section {
            match (style, rng.below(4)) {
                (0, 0) | (1, 0) if sub < 9 => {
                    let marker = if style == 0 {
                        format!("（{}）", CN[sub])
                    } else {
                        format!("{}.", sub + 1)
                    };
                    s.push_str(&format!("{marker}{}\n", rng.pick(&pools.headings)));
                    sub += 1;
                }
                (_, 1) => {
                    let count = 2 + rng.below(3);
                    for numeral in CN.iter().take(count) {
                        s.push_str(&format!(
                            "{numeral}是{}。{}\n",
                            rng.pick(&pools.points),
                            rng.pick(&pools.paragraphs)
                        ));
                    }
                }
                _ => {
                    s.push_str(rng.pick(&pools.paragraphs));
                    s.push('\n');
                }
            }
        }
        if rng.below(4) == 0 {
            s.push_str(&format!("- {} -\n", i + 1));
        }
    }
    s.push_str("同志们，做好今年的工作，任务艰巨、责任重大。让我们团结一心、真抓实干，奋力开创各项事业新局面！\n");
    s
}

/// Encodes a speech the way files are found: UTF-8, UTF-8 with CRLF, or GB18030.
pub fn encode(text: &str, flavor: Flavor) -> Vec<u8> {
    match flavor {
        Flavor::Utf8 => text.as_bytes().to_vec(),
        Flavor::Utf8Crlf => text.replace('\n', "\r\n").into_bytes(),
        Flavor::Gb18030 => encoding_rs::GB18030.encode(text).0.into_owned(),
    }
}

/// The flavour of the i-th file: one in five GB18030, one in five CRLF.
pub fn flavor_of(rng: &mut Rng) -> Flavor {
    match rng.below(5) {
        0 => Flavor::Gb18030,
        1 => Flavor::Utf8Crlf,
        _ => Flavor::Utf8,
    }
}

/// The i-th file of a corpus with `seed`: same inputs, same bytes.
pub fn file(pools: &Pools, seed: u64, i: usize, target: usize) -> Vec<u8> {
    let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x1000_0000_01B3));
    let text = speech(pools, &mut rng, target);
    encode(&text, flavor_of(&mut rng))
}

/// The generated corpus the command-line benchmarks share: `GANGMU_BENCH_N` speeches
/// (10,000 by default) of seed 1 in `$TMPDIR/gangmu-search-bench-N`, written once and
/// reused while the folder holds that many files.
pub fn bench_corpus() -> (usize, std::path::PathBuf) {
    let n: usize = std::env::var("GANGMU_BENCH_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let dir = std::env::temp_dir().join(format!("gangmu-search-bench-{n}"));
    if std::fs::read_dir(&dir).map_or(0, |d| d.count()) != n {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let pools = Pools::from_samples();
        for i in 0..n {
            std::fs::write(
                dir.join(format!("{:06}.txt", i + 1)),
                file(&pools, 1, i, 20_000),
            )
            .expect("write the corpus");
        }
    }
    (n, dir)
}
