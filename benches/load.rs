//! Loading a corpus into the browser against outlining it:
//! `GANGMU_BENCH_DIR=/tmp/corpus cargo bench --bench load`. Without the variable it writes
//! the generator's 10,000 speeches to a temporary directory first. The browser side runs
//! the real loader thread and feeds every batch through `update`, as the event loop does,
//! with no terminal; the outline side is the binary, output to /dev/null.

use gangmu::app::{Action, State, update};
use gangmu::corpus::synth::{Pools, file};
use gangmu::text::Ambiguous;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

fn main() {
    let (dir, generated) = match std::env::var_os("GANGMU_BENCH_DIR") {
        Some(d) => (PathBuf::from(d), false),
        None => {
            let d = std::env::temp_dir().join(format!("gangmu-load-{}", std::process::id()));
            std::fs::create_dir_all(&d).expect("temp dir");
            let pools = Pools::from_samples();
            for i in 0..10_000 {
                std::fs::write(
                    d.join(format!("{:06}.txt", i + 1)),
                    file(&pools, 1, i, 20_000),
                )
                .expect("write corpus");
            }
            (d, true)
        }
    };
    let bin = env!("CARGO_BIN_EXE_gangmu");
    for round in 0..3 {
        let t = Instant::now();
        let status = Command::new(bin)
            .args(["outline", "--format", "json"])
            .arg(&dir)
            .stdout(Stdio::null())
            .status()
            .expect("run gangmu outline");
        let outline = t.elapsed();

        let t = Instant::now();
        let (tx, rx) = std::sync::mpsc::channel();
        // With the files watched for changes, as the browser runs by default.
        let (wtx, _wrx) = std::sync::mpsc::channel();
        gangmu::tui::loader::spawn(vec![dir.clone()], Default::default(), tx, Some(wtx));
        let mut s = State::new(200, 50, Ambiguous::Narrow);
        for batch in rx {
            update(&mut s, Action::Loaded(batch));
        }
        let browser = t.elapsed();
        println!(
            "round {round}: outline {:.2} s (exit {:?}), browser load {:.2} s, {} speeches",
            outline.as_secs_f64(),
            status.code(),
            browser.as_secs_f64(),
            s.docs.len()
        );
    }
    if generated {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
