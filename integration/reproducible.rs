//! Reproducible output: the same module, toolchain, aspects and flags give
//! the same bytes, wherever and however often it is built.

use crate::support::{Module, ok, text};
use sha2::{Digest, Sha256};
use std::ffi::OsStr;
use std::fs;

fn sha256(path: std::path::PathBuf) -> String {
    Sha256::digest(fs::read(&path).unwrap()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Two copies of a module that injects third-party packages, in different
/// directories, each built cold with its own GOCACHE, gorch cache and
/// TMPDIR: bit-identical binaries.
#[test]
fn builds_in_different_places_make_identical_binaries() {
    let mut binaries = Vec::new();
    for _ in 0..2 {
        let m = Module::copy("modules/inject");
        ok(m.gorch(&["pin"]), "gorch pin");
        let (gocache, gorch_cache, tmp) =
            (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let env: [(&str, &OsStr); 4] = [
            ("GOCACHE", gocache.path().as_os_str()),
            ("GORCH_CACHE", gorch_cache.path().as_os_str()),
            ("TMPDIR", tmp.path().as_os_str()),
            ("GOFLAGS", OsStr::new("-trimpath -buildvcs=false")),
        ];
        ok(m.go_gorch_with(&["build", "-o", "app", "."], &env), "go build -trimpath -toolexec");
        let out = ok(m.exec("app", &[]), "app");
        assert!(text(&out.stdout).contains("otel-trace: 21 true"), "{}", text(&out.stdout));
        binaries.push((sha256(m.path().join("app")), m));
    }
    assert_eq!(binaries[0].0, binaries[1].0, "the two builds differ");
}
