//! `config.toml` from the command line: `gangmu config` prints the configuration in
//! effect, a broken file stops the browser with one line naming its line, and the
//! printed file is a valid config.

use std::process::{Command, Output};

fn gangmu(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_gangmu"));
    c.args(args)
        .env_remove("GANGMU_CONFIG")
        .env("GANGMU_LANG", "en")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("XDG_STATE_HOME", "/nonexistent");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("runs")
}

#[test]
fn config_prints_the_defaults_and_where_the_file_is_looked_for() {
    let out = gangmu(&["config"], &[]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("rate = 220"), "{text}");
    assert!(text.contains("\"ctrl-d\" = \"half_page_down\""), "{text}");
    assert!(text.contains("does not exist"), "{text}");
    let out = gangmu(&["config", "--path"], &[]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "/nonexistent/gangmu/config.toml\n"
    );
    // GANGMU_CONFIG, then --config, name another file.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("mine.toml");
    std::fs::write(
        &p,
        "rate = 180\n[keys.global]\n\"alt-q\" = \"quit\"\nq = \"none\"\n",
    )
    .unwrap();
    let ps = p.to_str().unwrap();
    let out = gangmu(&["config"], &[("GANGMU_CONFIG", ps)]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("rate = 180") && text.contains("\"alt-q\" = \"quit\""));
    assert!(text.contains("\"q\" = \"none\""), "{text}");
    let out = gangmu(&["config", "--config", ps, "--path"], &[]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{ps}\n"));
    // What it prints is a config file that reads back as the same configuration.
    let again = dir.path().join("again.toml");
    std::fs::write(&again, &text).unwrap();
    let out2 = gangmu(&["config", "--config", again.to_str().unwrap()], &[]);
    let text2 = String::from_utf8(out2.stdout).unwrap();
    assert_eq!(
        text.lines().skip(1).collect::<Vec<_>>(),
        text2.lines().skip(1).collect::<Vec<_>>()
    );
}

#[test]
fn a_broken_config_stops_the_browser_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("config.toml");
    std::fs::write(&p, "rate = 200\n\n[keys.tree]\n\"ctrl-\" = \"quit\"\n").unwrap();
    let out = gangmu(&["--config", p.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("config.toml:4: unknown key name 'ctrl-'"),
        "{err}"
    );
    // The same file through `gangmu config`.
    let out = gangmu(&["config", "--config", p.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(2));
}
