//! Re-wrapping a 2 MB speech at a new width, with criterion (statistics and baselines:
//! `cargo bench --bench wrap -- --save-baseline before`, then `--baseline before`).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use gangmu::outline::parse;
use gangmu::text::layout::Texts;
use gangmu::text::{Ambiguous, Layout};
use std::hint::black_box;

/// About 2 MB: one paragraph with every kind of break opportunity, repeated, under
/// headings every twenty paragraphs.
fn speech() -> String {
    let para = "各级各部门要把思想统一到市委决策部署上来，切实增强做好工作的“责任感”和紧迫感——这是2024年全市经济增长6.5%目标的关键……对工作不力的，要严肃问责（见附件）。";
    let mut text = String::from("在全市工作会议上的讲话\n同志们：\n");
    let mut k = 0;
    while text.len() < 2_000_000 {
        if k % 20 == 0 {
            text.push_str(&format!(
                "{}、第{}部分\n",
                ["一", "二", "三"][k % 3],
                k / 20
            ));
        }
        text.push_str(para);
        text.push('\n');
        k += 1;
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = speech();
    let doc = parse(&text, "big.txt", "big", "UTF-8");
    let texts = Texts::new(&doc);
    let mut g = c.benchmark_group("re-wrap a 2 MB speech");
    g.sample_size(10);
    for amb in [Ambiguous::Narrow, Ambiguous::Wide] {
        for width in [33u16, 79, 200] {
            let id = BenchmarkId::new(format!("{amb:?}"), width);
            g.bench_with_input(id, &width, |b, &w| {
                b.iter(|| black_box(Layout::new(&doc, &texts, w as usize, amb).rows.len()))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
