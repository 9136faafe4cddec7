//! Issue 15 in a real terminal: near-duplicates are found off the event loop once the
//! speeches are loaded, signed in the tree, and compared side by side.

mod common;
use common::pty::Session;

#[test]
fn near_duplicates_are_found_signed_and_compared() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/similar");
    for f in ["base.txt", "copy.txt", "phrase.txt"] {
        std::fs::copy(data.join(f), dir.path().join(f)).unwrap();
    }
    let d = dir.path().display().to_string();
    let mut s = Session::start(&[d.as_str()], 100, 30);
    let screen = s.wait_for("the sign of near-duplicates", |sc| {
        sc.contents().matches("≈1").count() == 2
    });
    // The speech that shares only set phrases is not signed.
    assert!(!screen.contains("≈2"), "{screen}");
    s.send("=");
    s.wait_for("the list", |sc| sc.contents().contains("相似的讲话"));
    s.send("\r");
    s.wait_for("the comparison", |sc| {
        sc.contents().matches("见于另一篇").count() == 2
    });
    s.send("]");
    s.wait_for("the first difference", |sc| {
        sc.contents().contains("差异 1/")
    });
    s.send("\x1b");
    s.wait_for("back to the list", |sc| {
        !sc.contents().contains("见于另一篇") && sc.contents().contains("相似的讲话")
    });
    s.send("q");
    s.wait_for("the list closed", |sc| {
        !sc.contents().contains("相似的讲话")
    });
    s.send("q");
    assert!(s.wait_exit().success());
}
