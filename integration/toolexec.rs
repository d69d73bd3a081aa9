//! Toolexec mode seen from the go command's side: pass-through and the
//! `-V=full` probe.

use crate::support::{Module, command, gorch, ok, run, text};
use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn tools_other_than_compile_and_link_pass_through_untouched() {
    let mut child = Command::new(gorch())
        .args(["/bin/sh", "-c", "cat; echo \"args: $0 $1\" >&2; exit 7", "first", "second"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"from stdin\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(7));
    assert_eq!(text(&out.stdout), "from stdin\n");
    assert_eq!(text(&out.stderr), "args: first second\n");
}

fn tool_version(m: &Module, tool: &str) -> String {
    let goroot = text(&ok(m.go(&["env", "GOTOOLDIR"]), "go env").stdout).trim().to_string();
    let path = std::path::Path::new(&goroot).join(tool);
    let mut cmd = command(gorch(), m.path());
    cmd.args([path.to_str().unwrap(), "-V=full"]);
    text(&ok(run(cmd), "gorch tool -V=full").stdout)
}

#[test]
fn version_probe_carries_gorch_identity() {
    let m = Module::copy("modules/core");
    let plain = text(&ok(m.go(&["tool", "compile", "-V=full"]), "compile -V=full").stdout);
    let with_gorch = tool_version(&m, "compile");
    let prefix = format!("{} gorch@{}:", plain.trim_end(), env!("CARGO_PKG_VERSION"));
    assert!(with_gorch.starts_with(&prefix), "{with_gorch:?} should start with {prefix:?}");
    assert_eq!(tool_version(&m, "compile"), with_gorch, "the identity is deterministic");
    assert!(tool_version(&m, "link").starts_with("link version"));

    // Another aspect set is another identity.
    m.edit("gorch.yaml", "\"[\" + {{expr}}", "\"(\" + {{expr}}");
    assert_ne!(tool_version(&m, "compile"), with_gorch);
}

#[test]
fn devel_toolchains_get_the_identity_inside_the_build_id() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("compile");
    std::fs::write(&fake, "#!/bin/sh\necho 'compile version devel go1.27-abcdef buildID=aaa/bbb'\n").unwrap();
    std::os::unix::fs::PermissionsExt::set_mode(&mut std::fs::metadata(&fake).unwrap().permissions(), 0o755);
    std::fs::set_permissions(&fake, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let out = ok(
        Command::new(gorch()).current_dir(dir.path()).args([fake.to_str().unwrap(), "-V=full"]).output().unwrap(),
        "fake -V=full",
    );
    let line = text(&out.stdout);
    let want = format!("compile version devel go1.27-abcdef buildID=aaa/bbb+gorch@{}:", env!("CARGO_PKG_VERSION"));
    assert!(line.starts_with(&want), "{line:?}");
    assert!(!line.trim_end().contains(' ') || line.trim_end().split(' ').count() == 5, "no new field: {line:?}");
}
