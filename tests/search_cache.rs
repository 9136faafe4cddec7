//! The outline cache of `gangmu search` (issue 12): a search with the cache finds what
//! a search that parses every file finds, whether the cache is new, warm, out of date,
//! damaged or cannot be written; `--no-cache` neither reads nor writes it.

mod common;
use common::run::{Dir, Done, command, finish};
use gangmu::corpus::synth::{self, Pools};
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// `gangmu search` with its cache in `cache`.
fn search(cache: &Path, args: &[&str]) -> Done {
    finish(
        command(&[&["search"], args].concat())
            .env("XDG_CACHE_HOME", cache)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("gangmu runs"),
    )
}

/// Samples and generated speeches in UTF-8, CRLF, GB18030 and UTF-16.
fn corpus(name: &str) -> Dir {
    let dir = Dir::new(name);
    for (file, bytes) in gangmu::corpus::samples::SAMPLES {
        let base = file.rsplit('/').next().unwrap_or(file);
        std::fs::write(dir.path(base), bytes).expect("sample written");
    }
    let pools = Pools::from_samples();
    for i in 0..40 {
        let f = synth::file(&pools, 5, i, 5000);
        std::fs::write(dir.path(&format!("gen{i:03}.txt")), f).expect("speech written");
    }
    let text = synth::speech(&pools, &mut synth::Rng::new(3), 5000);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.path("utf16.txt"), utf16).expect("UTF-16 written");
    dir
}

/// The cache's files whose name ends in `.ext`.
fn cache_files(cache: &Path, ext: &str) -> Vec<PathBuf> {
    let dir = cache.join("gangmu").join("outlines");
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| Some(e.ok()?.path()))
                .filter(|p| p.extension().is_some_and(|x| x == ext))
                .collect()
        })
        .unwrap_or_default()
}

fn packs(cache: &Path) -> Vec<PathBuf> {
    cache_files(cache, "pack")
}

/// The same search, parsed and from the cache, in every format.
fn agree(cache: &Path, dir: &Dir, phrase: &str) {
    for format in [
        &["--format", "jsonl"][..],
        &["--format", "text"],
        &["--count"],
    ] {
        let path = dir.s("");
        let args = [format, &[phrase, &path]].concat();
        let want = search(cache, &[&["--no-cache"], &args[..]].concat());
        let got = search(cache, &args);
        assert_eq!(got.code, want.code, "{phrase} {format:?}: {}", got.stderr);
        assert_eq!(got.stdout, want.stdout, "{phrase} {format:?}");
        assert_eq!(got.stderr, want.stderr, "{phrase} {format:?}");
    }
}

#[test]
fn new_and_warm_caches_find_what_parsing_finds() {
    let dir = corpus("cache-warm");
    let cache = tempfile::tempdir().expect("cache folder");
    let c = cache.path();
    // Nothing is written without the cache.
    search(c, &["--no-cache", "发展", &dir.s("")]);
    assert!(packs(c).is_empty(), "--no-cache wrote {:?}", packs(c));
    // The first search fills the cache, the others read it; UTF-8, GB18030 and UTF-16
    // files, Markdown and joined lines, junk lines and closings among the matches.
    for phrase in ["营商环境", "发展", "同志们", "高质量 发展", "附件"] {
        agree(c, &dir, phrase);
        // Warm: every matching file's entry is read, none is made, so the file is
        // not written again.
        let before = std::fs::read(&packs(c)[0]).expect("pack");
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&packs(c)[0]).unwrap());
        agree(c, &dir, phrase);
        assert_eq!(
            std::fs::read(&packs(c)[0]).expect("pack"),
            before,
            "{phrase}"
        );
        #[cfg(unix)]
        assert_eq!(
            std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&packs(c)[0]).unwrap()),
            inode,
            "{phrase}: the warm search rewrote the cache"
        );
    }
    assert_eq!(packs(c).len(), 1, "one cache file for one folder");
    // What the warm cache gives is from the entries: they are there for most files.
    let size = std::fs::metadata(&packs(c)[0]).expect("pack").len();
    assert!(size > 40 * 200, "a pack of {size} bytes for 60 speeches");
}

#[test]
fn a_file_changed_or_removed_after_it_was_cached_is_read_as_it_is_now() {
    let dir = corpus("cache-changed");
    let cache = tempfile::tempdir().expect("cache folder");
    let c = cache.path();
    agree(c, &dir, "发展");
    // The same size, other sections; another file gone.
    let f = dir.path("gen000.txt");
    let old = std::fs::read(&f).expect("read");
    let mut new =
        "在全市发展大会上的讲话\n一、谋发展\n发展是第一要务。\n二、促发展\n持续推动发展。\n"
            .as_bytes()
            .to_vec();
    new.resize(old.len().max(new.len()), b'\n');
    std::fs::write(&f, &new).expect("rewritten");
    std::fs::remove_file(dir.path("gen001.txt")).expect("removed");
    agree(c, &dir, "发展");
    let got = search(c, &["--format", "jsonl", "发展", &f.display().to_string()]);
    assert!(got.stdout.contains("二、促发展"), "{}", got.stdout);
}

#[test]
fn a_damaged_cache_is_not_trusted() {
    let dir = corpus("cache-damaged");
    let cache = tempfile::tempdir().expect("cache folder");
    let c = cache.path();
    agree(c, &dir, "营商环境");
    let pack = packs(c).pop().expect("a cache file");
    let good = std::fs::read(&pack).expect("read");
    // Entries scrambled with the index intact, then the file cut, then noise.
    let mut scrambled = good.clone();
    for (i, b) in scrambled.iter_mut().enumerate().take(good.len() / 2) {
        *b = b.wrapping_mul(31).wrapping_add(i as u8);
    }
    for bytes in [scrambled, good[..good.len() / 3].to_vec(), vec![0xA5; 4096]] {
        std::fs::write(&pack, &bytes).expect("damaged");
        agree(c, &dir, "营商环境");
    }
}

#[test]
fn a_cache_that_cannot_be_written_is_done_without() {
    let dir = corpus("cache-readonly");
    // The cache folder's place is taken by a file: nothing can be made there.
    let cache = tempfile::tempdir().expect("cache folder");
    let blocked = cache.path().join("blocked");
    std::fs::write(&blocked, "not a folder").expect("file");
    agree(&blocked, &dir, "营商环境");
    assert_eq!(std::fs::read(&blocked).expect("read"), b"not a folder");
}

/// A folder's listing is kept once the folder has been left alone for a while, and a
/// file added, removed or renamed afterwards is seen all the same.
#[test]
fn a_kept_folder_listing_never_hides_a_change() {
    let dir = corpus("cache-listing");
    let cache = tempfile::tempdir().expect("cache folder");
    let c = cache.path();
    // Listed right after it changed: not kept, as a change in the same clock tick
    // would not show in the folder's times.
    agree(c, &dir, "发展");
    assert!(
        cache_files(c, "dirs").is_empty(),
        "a fresh folder's listing was kept"
    );
    // Left alone past the 3 seconds, it is kept, and recalled by the next search.
    std::thread::sleep(std::time::Duration::from_millis(3300));
    agree(c, &dir, "发展");
    let dirs = cache_files(c, "dirs");
    assert_eq!(dirs.len(), 1, "the listing kept");
    let kept = std::fs::read(&dirs[0]).expect("listing");
    agree(c, &dir, "发展");
    assert_eq!(
        std::fs::read(&dirs[0]).expect("listing"),
        kept,
        "recalled, not rewritten"
    );
    // A new speech, one gone, one renamed: each search sees the folder as it is.
    let phrase = "在全市数字经济大会上的讲话\n一、抓发展\n发展数字经济。\n";
    std::fs::write(dir.path("zz-new.txt"), phrase).expect("new speech");
    let found = search(c, &["--count", "数字经济", &dir.s("")]);
    assert!(found.stdout.contains("zz-new.txt"), "{}", found.stdout);
    std::fs::rename(dir.path("zz-new.txt"), dir.path("zz-moved.txt")).expect("renamed");
    let found = search(c, &["--count", "数字经济", &dir.s("")]);
    assert!(found.stdout.contains("zz-moved.txt") && !found.stdout.contains("zz-new.txt"));
    std::fs::remove_file(dir.path("gen005.txt")).expect("removed");
    agree(c, &dir, "发展");
}
