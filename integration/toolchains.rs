//! The hooks gorch's built-in aspects put inside the standard library
//! (net/http's server and transport, database/sql, os.Exit, os/signal)
//! name the library's internals, which change between Go releases: a
//! program using all of them (`modules/bridges`, whose gorch.yaml sets
//! each hook to a function that prints what it saw) is built and run with
//! every supported release, fetched through the module proxy. The same
//! program checks the goroutine context inside the runtime (otel-context):
//! inherited by a goroutine started in a span, not by one started before,
//! and gone with a goroutine that exits.

use crate::support::{Module, command, gorch, ok, run, text};

/// The Go releases gorch supports, oldest first.
const RELEASES: &[&str] = &["go1.23.12", "go1.24.11", "go1.25.5", "go1.26.8", "go1.27.3"];

const HOOKED: &str = "\
client hook: /page
server hook: /page
got hello
sql hook: \"SELECT n FROM numbers\"
sql done: <nil>
n = 7
exit hook: 3 SIGTERM handled by the program: true
goroutine context: inherited true, earlier goroutine in it false, later goroutines in it 0, exited goroutine's span freed true
";

#[test]
fn hooks_inside_the_standard_library_work_on_every_supported_go() {
    let m = Module::copy("modules/bridges");
    for release in RELEASES {
        let binary = format!("bridges-{release}");
        let mut build = command("go", m.path());
        build.env("GOTOOLCHAIN", release).args([
            "build",
            &format!("-toolexec={}", gorch().display()),
            "-o",
            &binary,
            ".",
        ]);
        ok(run(build), &format!("go build through gorch with {release}"));
        let out = m.exec(&binary, &[]);
        assert_eq!(out.status.code(), Some(3), "{release}: {}", text(&out.stderr));
        assert_eq!(text(&out.stdout), HOOKED, "{release}");
    }
    let mut plain = command("go", m.path());
    plain.args(["build", "-o", "plain", "."]);
    ok(run(plain), "go build");
    let out = m.exec("plain", &[]);
    assert_eq!((out.status.code(), text(&out.stdout)), (Some(3), "got hello\nn = 7\n".to_string()));
}
