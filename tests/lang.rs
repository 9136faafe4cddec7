//! The interface language from the outside: chosen by `--lang`, `GANGMU_LANG`, the
//! config and the locale, and never in machine formats.

use std::process::Command;

/// gangmu with the language's sources set as given and the machine's removed.
fn run(env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_gangmu"));
    c.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    for k in [
        "GANGMU_LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "GANGMU_CONFIG",
    ] {
        c.env_remove(k);
    }
    c.env("XDG_CONFIG_HOME", "/nonexistent");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run gangmu")
}

fn stdout(env: &[(&str, &str)], args: &[&str]) -> String {
    String::from_utf8(run(env, args).stdout).unwrap()
}

#[test]
fn machine_formats_are_the_same_in_both_languages() {
    let commands: [&[&str]; 7] = [
        &["outline", "-f", "json", "sample/"],
        &["outline", "-f", "jsonl", "sample/"],
        &["search", "-f", "json", "项目", "sample/"],
        &["search", "-f", "jsonl", "项目", "sample/"],
        &["check", "-f", "json", "sample/"],
        &["similar", "-f", "json", "sample/"],
        &["similar", "-f", "jsonl", "sample/"],
    ];
    for args in commands {
        let zh = run(&[("GANGMU_LANG", "zh")], args);
        let en = run(&[("GANGMU_LANG", "en")], args);
        // The samples copy nothing from each other: no pair, no line.
        let pairs = args[..3] == ["similar", "-f", "jsonl"];
        assert!(pairs || !zh.stdout.is_empty(), "{args:?}");
        assert_eq!(zh.stdout, en.stdout, "{args:?}");
        assert_eq!(zh.status.code(), en.status.code(), "{args:?}");
    }
}

#[test]
fn the_locale_flag_env_and_config_choose_in_that_order() {
    let help = |env: &[(&str, &str)], args: &[&str]| stdout(env, &[args, &["--help"]].concat());
    let zh = |t: &str| t.contains("用法：");
    assert!(zh(&help(&[("LANG", "zh_CN.UTF-8")], &[])));
    assert!(!zh(&help(&[("LANG", "C")], &[])));
    assert!(!zh(&help(&[], &[])), "no locale is English");
    assert!(zh(&help(&[("LC_ALL", "zh_TW.UTF-8"), ("LANG", "C")], &[])));
    assert!(!zh(&help(
        &[("LC_MESSAGES", "C"), ("LANG", "zh_CN.UTF-8")],
        &[]
    )));
    assert!(!zh(&help(
        &[("LANG", "zh_CN.UTF-8"), ("GANGMU_LANG", "en")],
        &[]
    )));
    assert!(zh(&help(&[("LANG", "C"), ("GANGMU_LANG", "zh")], &[])));
    assert!(!zh(&help(&[("GANGMU_LANG", "zh")], &["--lang", "en"])));
    assert!(zh(&help(&[("LANG", "C")], &["outline", "--lang=zh"])));
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "lang = \"zh\"\n").unwrap();
    let c = config.to_str().unwrap();
    assert!(zh(&help(&[("LANG", "C"), ("GANGMU_CONFIG", c)], &[])));
    assert!(!zh(&help(
        &[("GANGMU_CONFIG", c), ("GANGMU_LANG", "en")],
        &[]
    )));
}

#[test]
fn text_output_follows_the_language() {
    let args = ["outline", "sample/01_economy_work.txt"];
    let zh = stdout(&[("GANGMU_LANG", "zh")], &args);
    let en = stdout(&[("GANGMU_LANG", "en")], &args);
    assert!(zh.contains("［第") && zh.contains("行，"), "{zh}");
    assert!(en.contains("[L") && !en.contains("［第"), "{en}");
    let args = ["outline", "-f", "markdown", "sample/01_economy_work.txt"];
    let en = stdout(&[("GANGMU_LANG", "en")], &args);
    assert!(en.contains(" characters, line "), "{en}");
    // The speech's own words and the outline's 结束语 are never translated.
    assert!(en.contains("结束语"), "{en}");
    let err = run(&[("GANGMU_LANG", "zh")], &["outlin"]);
    let err = String::from_utf8(err.stderr).unwrap();
    assert!(err.contains("没有这个子命令"), "{err}");
    let err = run(&[("GANGMU_LANG", "zh")], &["--theme", "x"]);
    assert_eq!(err.status.code(), Some(2));
    let err = String::from_utf8(err.stderr).unwrap();
    assert!(err.starts_with("错误："), "{err}");
}
