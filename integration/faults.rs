//! Builds killed in the middle: whatever gorch was doing (preparing
//! injected packages, rewriting, writing its cache, linking), the next
//! build must succeed and make the same binary as a build that was never
//! interrupted.

use crate::support::{Module, alone, command, gorch, ok, run, sha256, text};
use std::os::unix::process::CommandExt;
use std::process::Stdio;
use std::time::Duration;

#[test]
fn builds_killed_at_any_point_leave_nothing_that_changes_the_next_one() {
    let m = Module::copy("modules/inject");
    ok(m.gorch(&["pin"]), "gorch pin");
    let gorch_cache = tempfile::tempdir().unwrap();
    let gocache = tempfile::tempdir().unwrap();
    let build = |out: &str| {
        let mut cmd = command("go", m.path());
        cmd.env("GORCH_CACHE", gorch_cache.path()).env("GOCACHE", gocache.path());
        cmd.args(["build", "-trimpath", &format!("-toolexec={}", gorch().display()), "-o", out, "."]);
        cmd
    };

    // Kill the whole process tree (go, gorch, the nested go commands, the
    // compilers) after a while, with ever later deadlines: a cold build
    // of this module takes some 20 seconds here.
    let mut killed = 0;
    let deadlines = [300, 700, 1_500, 3_000, 6_000, 10_000];
    alone(|| {
        for millis in deadlines {
            let mut cmd = build("killed");
            cmd.process_group(0).stdout(Stdio::null()).stderr(Stdio::null());
            let mut child = cmd.spawn().unwrap();
            std::thread::sleep(Duration::from_millis(millis));
            if child.try_wait().unwrap().is_none() {
                let group = format!("-{}", child.id());
                let _ = std::process::Command::new("kill").args(["-KILL", "--", &group]).status();
                killed += 1;
            }
            let _ = child.wait();
        }
    });
    assert!(killed >= 3, "only {killed} builds were still running when killed");

    let after = ok(run(build("after")), "the build after the killed ones");
    assert!(text(&after.stderr).is_empty(), "{}", text(&after.stderr));
    let out = ok(m.exec("after", &[]), "after");
    assert!(text(&out.stdout).contains("otel-trace: 21 true"), "{}", text(&out.stdout));

    // The same binary as a build with fresh caches.
    let (fresh_gorch, fresh_go) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut reference = build("reference");
    reference.env("GORCH_CACHE", fresh_gorch.path()).env("GOCACHE", fresh_go.path());
    ok(run(reference), "a build with fresh caches");
    assert_eq!(sha256(m.path().join("after")), sha256(m.path().join("reference")));
}
