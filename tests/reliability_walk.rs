//! Issue 10, lower risks: what a folder walk meets (links to `/` and to system folders,
//! folders nested thousands deep), an empty path, a huge sparse file.

mod common;

use common::run::*;

/// The `== path` header lines of a text outline: one per speech outlined.
fn outlined(d: &Done) -> Vec<&str> {
    d.stdout.lines().filter(|l| l.starts_with("== ")).collect()
}

#[cfg(unix)]
#[test]
fn links_to_folders_are_followed_only_when_asked_and_never_into_the_system() {
    use std::os::unix::fs::symlink;
    let dir = Dir::new("rootlink");
    // A link to `/` read every text file on the machine and all of /proc.
    symlink("/", dir.path("root")).unwrap();
    let d = run(&["outline", &dir.s("")]);
    assert_eq!(d.code, Some(0), "{}", d.stderr);
    assert_eq!(outlined(&d).len(), 1, "{}", d.stdout);

    // With --follow a link to a folder of speeches is read, a link to a system folder
    // (endless files) is not.
    let more = Dir::new("rootlink-more");
    std::fs::remove_file(dir.path("root")).unwrap();
    symlink(&more.0, dir.path("more")).unwrap();
    for system in ["/proc", "/sys", "/dev"] {
        if std::path::Path::new(system).is_dir() {
            symlink(system, dir.path(&system[1..])).unwrap();
        }
    }
    let d = run(&["outline", &dir.s("")]);
    assert_eq!(outlined(&d).len(), 1, "not followed unasked: {}", d.stdout);
    let d = run(&["outline", "--follow", &dir.s("")]);
    assert_eq!(d.code, Some(0), "{}", d.stderr);
    let names = outlined(&d);
    assert_eq!(names.len(), 2, "{}", d.stdout);
    assert!(names[1].contains("more/good.txt"), "{names:?}");
}

#[test]
fn folders_nested_two_thousand_deep_are_walked_in_linear_time() {
    // Each level cost a canonical path, a stat per component: cubic in the depth, and
    // minutes at 2,000 levels. The path stays under PATH_MAX (4,096 bytes).
    let dir = Dir::new("deep");
    let mut deep = dir.0.clone();
    let levels = (4000 - deep.as_os_str().len()) / 2;
    for _ in 0..levels.min(2000) {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("x.txt"), GOOD).unwrap();
    let d = run(&["outline", &dir.s("")]);
    assert_eq!(d.code, Some(0), "{}", d.stderr);
    let names = outlined(&d);
    assert_eq!(names.len(), 2, "{}", d.stderr);
    assert!(names[0].contains("/d/d/x.txt  ("), "the deep file first");
    assert!(names[1].contains("/good.txt  ("));
}

#[test]
fn an_empty_path_is_one_unreadable_path_not_a_usage_error() {
    let dir = Dir::new("emptypath");
    let d = run(&["outline", "", &dir.s("good.txt")]);
    assert_eq!(d.code, Some(1), "{}", d.stderr);
    assert!(has_good(&d), "{}", d.stdout);
    assert_eq!(d.stderr.trim(), "gangmu: '': empty path (skipped)");
}

#[test]
fn a_huge_sparse_file_is_called_binary_from_its_head() {
    let dir = Dir::new("sparse");
    let big = std::fs::File::create(dir.path("zeros.txt")).unwrap();
    if big.set_len(2 << 30).is_err() {
        eprintln!("this file system has no sparse files: skipped");
        return;
    }
    // Under a limit that admits it, it was read whole (2 GB of memory) before being
    // refused; now its first bytes decide.
    let d = run(&[
        "outline",
        "--max-size",
        "4G",
        &dir.s("zeros.txt"),
        &dir.s("good.txt"),
    ]);
    assert_eq!(d.code, Some(1), "{}", d.stderr);
    assert!(has_good(&d), "{}", d.stdout);
    assert!(
        d.stderr
            .contains("zeros.txt: binary file, not text (skipped)"),
        "{}",
        d.stderr
    );
}
