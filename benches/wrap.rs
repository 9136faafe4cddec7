//! Re-wrapping a 2 MB speech at a new width. Prints figures; `cargo bench --bench wrap`.

use gangmu::outline::parse;
use gangmu::text::layout::Texts;
use gangmu::text::{Ambiguous, Layout};
use std::time::Instant;

fn main() {
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
    let t = Instant::now();
    let doc = parse(&text, "big.txt", "big", "UTF-8");
    println!(
        "2 MB speech: {:.2} MB, {} paragraphs, parsed in {:?}",
        text.len() as f64 / 1e6,
        doc.paragraphs.len(),
        t.elapsed()
    );
    let texts = Texts::new(&doc);
    for amb in [Ambiguous::Narrow, Ambiguous::Wide] {
        let mut layout = Layout::new(&doc, &texts, 80, amb);
        for width in [79, 120, 57, 200, 33] {
            let mut best = f64::MAX;
            for _ in 0..5 {
                let t = Instant::now();
                layout = Layout::new(&doc, &texts, width, amb);
                best = best.min(t.elapsed().as_secs_f64() * 1e3);
            }
            println!(
                "re-wrap at width {width:>3} ({amb:?}): {best:>6.2} ms (best of 5), {} rows",
                layout.rows.len()
            );
        }
    }
}
