//! Reproducible output: the same module, toolchain, aspects and flags give
//! the same bytes, wherever and however often it is built.

use crate::support::{Module, command, gorch, ok, run, sha256, text};
use std::ffi::OsStr;
use std::fs;

/// Two copies of a module that injects third-party packages, in
/// directories of different depths and lengths, each built cold with its
/// own GOCACHE, gorch cache and TMPDIR: bit-identical binaries. The build
/// ID is left out (`-ldflags=-buildid=`): the compiler's export data
/// records the column at which each line directive of a rewritten file
/// takes effect, and a directive naming a longer path moves it, so the
/// packages' build IDs (not their code) depend on the path's length.
#[test]
fn builds_in_different_places_make_identical_binaries() {
    let mut binaries = Vec::new();
    for under in ["", "a/much/longer/checkout path"] {
        let m = Module::copy_under("modules/inject", under);
        ok(m.gorch(&["pin"]), "gorch pin");
        let (gocache, gorch_cache, tmp) =
            (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let env: [(&str, &OsStr); 4] = [
            ("GOCACHE", gocache.path().as_os_str()),
            ("GORCH_CACHE", gorch_cache.path().as_os_str()),
            ("TMPDIR", tmp.path().as_os_str()),
            ("GOFLAGS", OsStr::new("-trimpath -buildvcs=false -ldflags=-buildid=")),
        ];
        ok(m.go_gorch_with(&["build", "-o", "app", "."], &env), "go build -trimpath -toolexec");
        let out = ok(m.exec("app", &[]), "app");
        assert!(text(&out.stdout).contains("otel-trace: 21 true"), "{}", text(&out.stdout));
        binaries.push((sha256(m.path().join("app")), m));
    }
    assert_eq!(binaries[0].0, binaries[1].0, "the two builds differ");
}

/// Every way to hand gorch to the go command gives the same binary: an
/// absolute path, a name found on PATH, a path with spaces (quoted inside
/// the flag), GOFLAGS, and `gorch go build`.
#[test]
fn every_way_to_wire_gorch_in_gives_the_same_binary() {
    let m = Module::copy("modules/core");
    let gorch = gorch();
    let spaced_dir = tempfile::tempdir().unwrap();
    let spaced = spaced_dir.path().join("my tools").join("gorch");
    fs::create_dir_all(spaced.parent().unwrap()).unwrap();
    fs::copy(&gorch, &spaced).unwrap();
    let path = format!("{}:{}", gorch.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());

    let go = |out: &str, toolexec: Option<String>, env: &[(&str, String)]| {
        let mut cmd = command("go", m.path());
        cmd.args(["build", "-trimpath", "-o", out]);
        cmd.args(toolexec);
        cmd.arg(".");
        for (key, value) in env {
            cmd.env(key, value);
        }
        ok(run(cmd), out);
    };
    go("absolute", Some(format!("-toolexec={}", gorch.display())), &[]);
    go("on-path", Some("-toolexec=gorch".into()), &[("PATH", path)]);
    go("spaces", Some(format!("-toolexec='{}'", spaced.display())), &[]);
    go("goflags", None, &[("GOFLAGS", format!("-buildvcs=false -toolexec={}", gorch.display()))]);
    ok(m.gorch(&["go", "build", "-trimpath", "-o", "wrapper", "."]), "gorch go build");

    let expected = sha256(m.path().join("absolute"));
    for binary in ["on-path", "spaces", "goflags", "wrapper"] {
        assert_eq!(sha256(m.path().join(binary)), expected, "{binary} differs from the build with an absolute path");
    }
    assert_eq!(text(&ok(m.exec("spaces", &["run"]), "run").stdout), crate::builds::CORE_OUTPUT);
}
