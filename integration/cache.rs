//! gorch's own cache, seen through real builds: shared by concurrent
//! builds, robust to damaged entries, optional when it cannot be written.
//!
//! Every build here passes `-a`, so that each compile runs through gorch
//! although the tests share one go cache, and `-trimpath`, so that two
//! builds can be compared byte for byte.

use crate::builds::CORE_OUTPUT;
use crate::support::{Module, command, gorch, ok, run, run_together, sha256, text};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `go build -a -trimpath -toolexec=gorch -o <out> .` with gorch's cache
/// at `cache` and its log in `<out>.log`.
fn build(m: &Module, cache: &Path, out: &str) -> Command {
    let mut cmd = command("go", m.path());
    cmd.args(["build", "-a", "-trimpath", &format!("-toolexec={}", gorch().display()), "-o", out, "."])
        .env("GORCH_CACHE", cache)
        .env("GORCH_LOG", m.path().join(format!("{out}.log")));
    cmd
}

/// How many lines of a build's gorch log contain `what`.
fn logged(m: &Module, out: &str, what: &str) -> usize {
    m.read(&format!("{out}.log")).lines().filter(|l| l.contains(what)).count()
}

/// Every entry file in a cache directory (`locks` holds no entries).
fn entries(cache: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for kind in fs::read_dir(cache).unwrap().flatten().filter(|k| k.path().is_dir() && k.file_name() != "locks") {
        for shard in fs::read_dir(kind.path()).unwrap().flatten() {
            files.extend(fs::read_dir(shard.path()).unwrap().flatten().map(|e| e.path()));
        }
    }
    files.sort();
    files
}

#[test]
fn parallel_builds_sharing_one_cache_make_identical_binaries() {
    let m = Module::copy("modules/core");
    let cache = tempfile::tempdir().unwrap();
    let outputs = run_together(vec![build(&m, cache.path(), "first"), build(&m, cache.path(), "second")]);
    for out in outputs {
        ok(out, "concurrent go build -a");
    }
    assert_eq!(sha256(m.path().join("first")), sha256(m.path().join("second")));
    assert_eq!(text(&ok(m.exec("first", &["run"]), "first run").stdout), CORE_OUTPUT);
    assert!(!entries(cache.path()).is_empty(), "the builds filled the cache");

    // A third build takes every rewrite from the cache, and makes the same
    // binary.
    ok(run(build(&m, cache.path(), "third")), "go build -a with a warm gorch cache");
    assert_eq!(logged(&m, "third", "parsed and matched"), 0, "{}", m.read("third.log"));
    assert!(logged(&m, "third", "from gorch's cache") > 0, "{}", m.read("third.log"));
    assert_eq!(sha256(m.path().join("third")), sha256(m.path().join("first")));

    // `gorch cache` shows and clears it.
    let gorch_cache = |args: &[&str]| {
        let mut cmd = command(gorch(), m.path());
        cmd.args(["cache"]).args(args).env("GORCH_CACHE", cache.path());
        text(&ok(run(cmd), "gorch cache").stdout)
    };
    assert_eq!(gorch_cache(&["path"]), format!("{}\n", cache.path().display()));
    let stats = gorch_cache(&["stats"]);
    assert!(stats.lines().any(|l| l.starts_with("rewrite ")), "{stats}");
    assert!(!stats.contains("total             0 entries"), "{stats}");
    gorch_cache(&["clean"]);
    assert!(gorch_cache(&["stats"]).contains("total             0 entries"));
}

#[test]
fn damaged_entries_are_rebuilt_never_used() {
    // The inject module injects a third-party module: its cache holds
    // resolutions as well as rewrites.
    let m = Module::copy("modules/inject");
    ok(m.gorch(&["pin"]), "gorch pin");
    let cache = tempfile::tempdir().unwrap();
    ok(run(build(&m, cache.path(), "intact")), "go build -a");
    let files = entries(cache.path());
    assert!(files.iter().any(|f| f.to_string_lossy().contains("/resolve/")), "{files:?}");
    assert!(files.len() >= 2, "{files:?}");

    // Truncated entries and garbage.
    for (i, file) in files.iter().enumerate() {
        let bytes = fs::read(file).unwrap();
        let damaged = if i % 2 == 0 { bytes[..bytes.len() / 2].to_vec() } else { b"not a gorch entry".to_vec() };
        fs::write(file, damaged).unwrap();
    }
    ok(run(build(&m, cache.path(), "damaged")), "go build -a over a damaged cache");
    // (A resolution this build wrote before its compiles may be read back.)
    assert_eq!(logged(&m, "damaged", "rewrite"), logged(&m, "damaged", "parsed and matched"));
    assert!(logged(&m, "damaged", "go list -deps -export") > 0, "{}", m.read("damaged.log"));
    assert_eq!(sha256(m.path().join("damaged")), sha256(m.path().join("intact")));
    let expected = "otel-trace: 21 true\nstd-trace: Double 21 expvar initialized: true\n";
    assert_eq!(text(&ok(m.exec("damaged", &[]), "damaged").stdout), expected);

    // The entries were written again, whole: the next build uses them all.
    ok(run(build(&m, cache.path(), "repaired")), "go build -a over the repaired cache");
    assert_eq!(logged(&m, "repaired", "parsed and matched"), 0, "{}", m.read("repaired.log"));
    assert_eq!(logged(&m, "repaired", "go list -deps -export"), 0, "{}", m.read("repaired.log"));
    assert_eq!(sha256(m.path().join("repaired")), sha256(m.path().join("intact")));

    // Whole entries under each other's names (a resolution where a rewrite
    // belongs): foreign, so ignored too.
    let of_kind = |kind: &str| files.iter().find(|f| f.to_string_lossy().contains(kind)).unwrap();
    let (rewrite, resolve) = (of_kind("/rewrite/"), of_kind("/resolve/"));
    let (a, b) = (fs::read(rewrite).unwrap(), fs::read(resolve).unwrap());
    fs::write(rewrite, b).unwrap();
    fs::write(resolve, a).unwrap();
    ok(run(build(&m, cache.path(), "swapped")), "go build -a over swapped entries");
    assert_eq!(logged(&m, "swapped", "rewrite"), logged(&m, "swapped", "parsed and matched"));
    assert_eq!(sha256(m.path().join("swapped")), sha256(m.path().join("intact")));
}

#[test]
fn a_read_only_cache_still_builds_and_says_so_once() {
    let m = Module::copy("modules/core");
    let parent = tempfile::tempdir().unwrap();
    let cache = parent.path().join("cache");
    fs::create_dir(&cache).unwrap();
    let _read_only = ReadOnly::make(&cache);
    let out = ok(run(build(&m, &cache, "core")), "go build -a with a read-only gorch cache");
    let stderr = text(&out.stderr);
    // The go command may show the path relative to the package it built.
    let warnings =
        stderr.lines().filter(|l| l.starts_with("gorch: warning: cannot write to gorch's cache at ")).count();
    assert_eq!(warnings, 1, "{stderr}");
    assert!(stderr.contains(&format!("{} (", cache.file_name().unwrap().to_string_lossy())), "{stderr}");
    assert_eq!(text(&ok(m.exec("core", &["run"]), "core run").stdout), CORE_OUTPUT);
}

/// A cache size that is not one stops the build (and `gorch cache`) with a
/// message naming the variable, however it is wrong, never a default in
/// its place.
#[test]
fn a_cache_size_that_is_not_a_size_stops_the_build() {
    let m = Module::copy("modules/core");
    let cache = tempfile::tempdir().unwrap();
    for size in ["lots", "2T", "17179869184G"] {
        let mut cmd = build(&m, cache.path(), "core");
        cmd.env("GORCH_CACHE_SIZE", size);
        let out = run(cmd);
        assert!(!out.status.success(), "GORCH_CACHE_SIZE={size}: the build succeeded");
        let said: Vec<String> =
            text(&out.stderr).lines().filter(|l| l.starts_with("gorch: ")).map(String::from).collect();
        let want = format!("gorch: GORCH_CACHE_SIZE={size:?} is not a size: ");
        assert!(!said.is_empty() && said.iter().all(|l| l.starts_with(&want)), "{said:#?}");
        let mut stats = command(gorch(), m.path());
        stats.args(["cache", "stats"]).env("GORCH_CACHE", cache.path()).env("GORCH_CACHE_SIZE", size);
        let out = run(stats);
        assert_eq!(out.status.code(), Some(1));
        assert!(text(&out.stderr).starts_with(&want), "{}", text(&out.stderr));
    }
}

/// A directory nobody can write to while this lives: mode 0555, and the
/// immutable attribute where the tests run as root (whom modes do not
/// stop).
struct ReadOnly(PathBuf);

impl ReadOnly {
    fn make(dir: &Path) -> ReadOnly {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).unwrap();
        let guard = ReadOnly(dir.to_path_buf());
        if writable(dir) {
            let status = Command::new("chattr").arg("+i").arg(dir).status();
            assert!(
                status.is_ok_and(|s| s.success()) && !writable(dir),
                "cannot make {} read-only: mode 0555 does not stop this user and `chattr +i` failed (install e2fsprogs)",
                dir.display()
            );
        }
        guard
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        let _ = fs::set_permissions(&self.0, fs::Permissions::from_mode(0o755));
    }
}

fn writable(dir: &Path) -> bool {
    let probe = dir.join("probe");
    let ok = fs::write(&probe, b"").is_ok();
    let _ = fs::remove_file(&probe);
    ok
}
