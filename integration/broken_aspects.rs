//! The catalog of broken aspect files in `testdata/broken-aspects/`: one
//! folder per mistake, with its `gorch.yaml`, Go files when the mistake
//! shows only against code (else a small main package), and `want.err`,
//! the message gorch must print.
//!
//! Each case is built with the real go command: the build must fail, and
//! gorch must have said exactly one thing, `want.err`, naming the file and
//! line. Mistakes in the aspect file itself are also what `gorch aspects
//! check` reports. `GORCH_BLESS=1` rewrites `want.err` from what gorch
//! says; review the diff before committing.

use crate::support::{command, gorch, run, text};
use std::fs;
use std::path::{Path, PathBuf};

const MAIN: &str = r#"package main

//gorch:trace
func work(n int) int { return n * 2 }

func main() { println(work(21)) }
"#;

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/broken-aspects");
    let mut dirs: Vec<PathBuf> =
        fs::read_dir(&root).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    dirs
}

/// The case as a module of its own.
fn module(case: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("go.mod"), "module example.com/broken\n\ngo 1.24\n").unwrap();
    let mut has_go = false;
    for entry in fs::read_dir(case).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "gorch.yaml" || name.ends_with(".go") {
            has_go |= name.ends_with(".go");
            fs::copy(entry.path(), dir.path().join(&name)).unwrap();
        }
    }
    if !has_go {
        fs::write(dir.path().join("main.go"), MAIN).unwrap();
    }
    dir
}

/// What gorch said: its lines of the output.
fn gorch_lines(stderr: &[u8]) -> String {
    text(stderr).lines().filter(|l| l.starts_with("gorch: ")).map(|l| format!("{l}\n")).collect()
}

#[test]
fn every_broken_aspect_file_stops_the_build_with_one_clear_message() {
    let bless = std::env::var_os("GORCH_BLESS").is_some();
    let cases = cases();
    assert!(cases.len() >= 25, "the catalog holds {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let m = module(case);
        let mut build = command("go", m.path());
        build.arg("build").arg(format!("-toolexec={}", gorch().display())).args(["-o", "app", "."]);
        let out = run(build);
        let said = gorch_lines(&out.stderr);
        if out.status.success() {
            failures.push(format!("{name}: the build succeeded"));
            continue;
        }
        if m.path().join("app").exists() {
            failures.push(format!("{name}: a binary was written"));
        }
        if said.lines().count() != 1 || !said.contains(".yaml:") && !said.contains(".go:") {
            failures.push(format!("{name}: expected one message naming a file and line, got:\n{}", text(&out.stderr)));
        }
        let want_file = case.join("want.err");
        if bless {
            fs::write(&want_file, &said).unwrap();
        } else if fs::read_to_string(&want_file).unwrap_or_default() != said {
            failures.push(format!(
                "{name}: message differs\n--- want\n{}--- got\n{said}",
                fs::read_to_string(&want_file).unwrap_or_default()
            ));
        }

        // A mistake in the file is what `gorch aspects check` reports; one
        // that shows only against code passes the check.
        let mut check = command(gorch(), m.path());
        check.args(["aspects", "check"]);
        let checked = run(check);
        if !checked.status.success() && gorch_lines(&checked.stderr) != said {
            failures.push(format!("{name}: gorch aspects check said\n{}", text(&checked.stderr)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
