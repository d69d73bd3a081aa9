//! Advice that imports packages the program never imported: the standard
//! library (fmt, expvar) and a third-party module (the OpenTelemetry API,
//! fetched through the Go module proxy by `gorch pin`), in every way Go
//! developers build.

use crate::support::{Module, compile_commands, ok, text};

/// What the inject module prints when both aspects ran and expvar's init
/// ran before them.
const INJECTED: &str = "otel-trace: 21 true\nstd-trace: Double 21 expvar initialized: true\n";

/// A copy of the inject module after `gorch pin`.
fn pinned(rel: &str) -> Module {
    let m = Module::copy(rel);
    ok(m.gorch(&["pin"]), "gorch pin");
    m
}

#[test]
fn a_missing_module_stops_the_build_until_gorch_pin_adds_it() {
    let m = Module::copy("modules/inject");
    let before = m.go_gorch(&["build", "-o", "inject", "."]);
    assert!(!before.status.success());
    let line = m.line_of("gorch.yaml", "id: thirdparty-trace");
    assert_eq!(
        text(&before.stderr),
        format!(
            "# example.com/inject/worker\ngorch: gorch.yaml:{line}: aspect \"thirdparty-trace\" injects go.opentelemetry.io/otel, but this module does not require go.opentelemetry.io/otel (go: no required module provides package go.opentelemetry.io/otel); run `gorch pin` to add go.opentelemetry.io/otel@v1.47.0 to go.mod and go.sum, and to vendor/ when the module vendors\n"
        )
    );
    assert_eq!(m.read("go.mod"), "module example.com/inject\n\ngo 1.24\n", "a build never edits go.mod");

    ok(m.gorch(&["pin"]), "gorch pin");
    assert!(m.read("go.mod").contains("go.opentelemetry.io/otel v1.47.0"), "{}", m.read("go.mod"));
    let tool = m.read("gorch.tool.go");
    assert!(tool.contains("//go:build tools\n\npackage main\n"), "{tool}");
    assert!(tool.contains("\t_ \"go.opentelemetry.io/otel\"\n\t_ \"go.opentelemetry.io/otel/attribute\"\n"), "{tool}");
    let pinned = [m.read("go.mod"), m.read("go.sum"), tool];
    ok(m.gorch(&["pin"]), "second gorch pin");
    assert_eq!([m.read("go.mod"), m.read("go.sum"), m.read("gorch.tool.go")], pinned, "pin is idempotent");
    ok(m.go(&["mod", "tidy"]), "go mod tidy");
    assert!(m.read("go.mod").contains("go.opentelemetry.io/otel v1.47.0"), "go mod tidy keeps the requirement");

    ok(m.go_gorch(&["build", "-o", "inject", "."]), "build after pin");
    assert_eq!(text(&ok(m.exec("inject", &[]), "inject").stdout), INJECTED);
}

#[test]
fn a_cached_dependency_still_links_what_it_injected() {
    let m = pinned("modules/inject");
    ok(m.go_gorch(&["build", "-o", "inject", "."]), "first build");
    m.write("main.go", &format!("{}// touched\n", m.read("main.go")));
    let second = ok(m.go_gorch(&["build", "-x", "-o", "inject", "."]), "build after touching main.go");
    assert_eq!(compile_commands(&text(&second.stderr)), 1, "only main recompiles; worker comes from the cache");
    assert_eq!(text(&ok(m.exec("inject", &[]), "inject").stdout), INJECTED);
}

#[test]
fn tests_internal_and_external_see_the_injected_code() {
    let m = pinned("modules/inject");
    let out = text(&ok(m.gorch(&["go", "test", "-v", "-run", "Double", "./..."]), "gorch go test").stdout);
    for line in [
        "std-trace: Double 2 expvar initialized: true\n",
        "std-trace: Double 3 expvar initialized: true\n",
        "otel-trace: 3 true\n",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }
    ok(m.gorch(&["go", "vet", "./..."]), "gorch go vet");
    let run = ok(m.gorch(&["go", "run", "."]), "gorch go run");
    assert_eq!(text(&run.stdout), INJECTED);
    let bin = m.path().join("bin");
    ok(m.go_gorch_with(&["install", "."], &[("GOBIN", bin.as_os_str())]), "go install");
    assert_eq!(text(&ok(m.exec("bin/inject", &[]), "installed inject").stdout), INJECTED);
}

#[test]
fn race_and_coverage_builds_run_the_advice() {
    let m = pinned("modules/inject");
    for flags in
        [&["-race"][..], &["-cover"], &["-cover", "-coverpkg=./..."], &["-race", "-cover", "-covermode=atomic"]]
    {
        let mut args = vec!["test", "-v", "-run", "Double"];
        args.extend_from_slice(flags);
        args.push("./...");
        let out = m.go_gorch(&args);
        let stdout = text(&out.stdout);
        assert!(out.status.success(), "go test {flags:?}:\n{stdout}{}", text(&out.stderr));
        for line in ["std-trace: Double 2 expvar initialized: true\n", "otel-trace: 3 true\n"] {
            assert!(stdout.contains(line), "go test {flags:?}: missing {line:?} in:\n{stdout}");
        }
    }
}

#[test]
fn one_resolution_serves_every_compile_of_a_build() {
    let m = pinned("modules/inject");
    std::fs::create_dir_all(m.path().join("again")).unwrap();
    m.write("again/again.go", "package again\n\n//gorch:trace\nfunc Triple(n int) int { return 3 * n }\n");
    let log = m.path().join("gorch.log");
    ok(m.go_gorch_with(&["build", "./..."], &[("GORCH_LOG", log.as_os_str())]), "go build ./...");
    let events = std::fs::read_to_string(&log).unwrap();
    let count = |what: &str| events.lines().filter(|l| l.contains(what)).count();
    assert_eq!(count("go list -deps -export"), 1, "{events}");
    assert_eq!(count("compile example.com/inject/"), 2, "{events}");
    // The other compile and the link of the command reuse the answer.
    assert_eq!(count("reused this build's answer"), 2, "{events}");
    assert_eq!(count("link: added"), 1, "{events}");
}

#[test]
fn trimpath_and_position_independent_builds_run() {
    let m = pinned("modules/inject");
    for flag in ["-trimpath", "-buildmode=pie"] {
        ok(m.go_gorch(&["build", flag, "-o", "inject", "."]), flag);
        assert_eq!(text(&ok(m.exec("inject", &[]), flag).stdout), INJECTED, "{flag}");
    }
}

/// The go command caches the worker package under a key that covers its
/// own files and flags, not the injected packages it was compiled against.
/// Switching CGO_ENABLED or `-tags netgo` changes how expvar and net
/// build, so each configuration must compile the worker again, or the
/// linker finds a worker expecting another build of expvar.
#[test]
fn another_configuration_does_not_reuse_packages_compiled_against_other_injected_builds() {
    let m = pinned("modules/inject");
    let configurations: [(&str, &[&str]); 4] =
        [("0", &["-trimpath"]), ("1", &["-trimpath"]), ("1", &["-trimpath", "-tags", "netgo"]), ("0", &["-trimpath"])];
    for (cgo, flags) in configurations {
        let args: Vec<&str> = ["build"].into_iter().chain(flags.iter().copied()).chain(["-o", "inject", "."]).collect();
        let what = format!("CGO_ENABLED={cgo} go build {}", flags.join(" "));
        ok(m.go_gorch_with(&args, &[("CGO_ENABLED", cgo.as_ref())]), &what);
        assert_eq!(text(&ok(m.exec("inject", &[]), &what).stdout), INJECTED, "{what}");
    }
}

#[test]
fn vendored_modules_are_refreshed_by_pin_and_used() {
    let m = pinned("modules/inject");
    ok(m.go(&["mod", "vendor"]), "go mod vendor");
    std::fs::remove_dir_all(m.path().join("vendor/go.opentelemetry.io")).unwrap();
    let pin = text(&ok(m.gorch(&["pin"]), "gorch pin with vendor/").stdout);
    assert!(pin.contains("refreshed vendor/"), "{pin}");
    assert!(m.path().join("vendor/go.opentelemetry.io/otel/attribute").is_dir());
    ok(m.go_gorch(&["build", "-mod=vendor", "-o", "inject", "."]), "go build -mod=vendor");
    assert_eq!(text(&ok(m.exec("inject", &[]), "vendored").stdout), INJECTED);
}

#[test]
fn workspaces_resolve_through_go_work() {
    let m = Module::copy("modules/workspace");
    let before = m.go_gorch(&["build", "-o", "app.bin", "./app"]);
    assert!(text(&before.stderr).contains("run `gorch pin`"), "{}", text(&before.stderr));
    let at_root = m.gorch(&["pin"]);
    assert!(text(&at_root.stderr).contains("in a workspace, run gorch pin in the module that builds your program"));

    let mut pin = crate::support::command(crate::support::gorch(), &m.path().join("app"));
    pin.arg("pin");
    ok(crate::support::run(pin), "gorch pin in app/");
    ok(m.go_gorch(&["build", "-o", "app.bin", "./app"]), "workspace build");
    assert_eq!(text(&ok(m.exec("app.bin", &[]), "app").stdout), "workspace-trace: example.com/lib.Double 21\n");
}

/// With a default.pgo, every package of the build is compiled with the
/// profile; the injected packages must be too, or the link fails with a
/// fingerprint mismatch.
#[test]
fn profile_guided_builds_link() {
    let m = pinned("modules/inject");
    ok(m.go(&["test", "-tags", "profile", "-run", "TestProfile", "."]), "writing default.pgo");
    assert!(m.path().join("default.pgo").is_file());
    let build = ok(m.go_gorch(&["build", "-x", "-o", "inject", "."]), "profile-guided build");
    assert!(text(&build.stderr).contains("-pgoprofile="), "the build must be profile-guided");
    assert_eq!(text(&ok(m.exec("inject", &[]), "inject").stdout), INJECTED);
}

/// errors.New wrapped with fmt.Errorf everywhere, inside package errors
/// too (which calls its own New): fmt cannot be injected into the packages
/// fmt itself depends on.
#[test]
fn import_cycles_are_reported_plainly() {
    let m = Module::copy("demo");
    m.edit(
        "gorch.yaml",
        "      all-of:\n        - import-path: example.com/demo\n        - function-call: errors.New",
        "      function-call: errors.New",
    );
    let out = m.go_gorch(&["build", "-o", "demo", "."]);
    assert!(!out.status.success());
    let line = m.line_of("gorch.yaml", "id: error-origin");
    let want = format!(
        "# errors\ngorch: gorch.yaml:{line}: aspect \"error-origin\" injects fmt into errors, but errors is among their dependencies: advice cannot add an import cycle; narrow the aspect's join point (an import-path filter) so that it leaves errors alone\n"
    );
    assert!(text(&out.stderr).contains(&want), "{}", text(&out.stderr));
}

/// A module written for Go 1.15: the OpenTelemetry modules need a newer
/// Go, so go get raises the go line past 1.17 (the pruned module graph),
/// and gorch pin runs go mod tidy so that go.sum has what the module's
/// own packages need.
#[test]
fn pin_records_the_module_graph_when_it_raises_an_old_go_version() {
    let m = Module::copy("modules/inject");
    m.edit("go.mod", "go 1.24", "go 1.15");
    let out = ok(m.gorch(&["pin"]), "gorch pin");
    let said = text(&out.stdout);
    assert!(said.contains("gorch pin: go get raised the go version from 1.15 to 1."), "{said}");
    assert!(said.contains("ran go mod tidy"), "{said}");
    ok(m.go(&["mod", "verify"]), "go mod verify");
    ok(m.go_gorch(&["build", "-o", "inject", "."]), "go build after pin");
    assert_eq!(text(&ok(m.exec("inject", &[]), "inject").stdout), INJECTED);
    let again = ok(m.gorch(&["pin"]), "second gorch pin");
    assert!(!text(&again.stdout).contains("go mod tidy"), "a second pin tidies again");
}

/// Pinning raises a dependency the module's tests share with the
/// OpenTelemetry modules (testify); its newer version imports a package
/// from a module go.sum does not list yet. gorch pin adds those sums, so
/// `go test` works right after it.
#[test]
fn pin_leaves_go_sum_complete_for_the_module_tests() {
    let m = Module::copy("modules/inject");
    m.write(
        "worker/assert_test.go",
        r#"package worker

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWithTestify(t *testing.T) {
	assert.Equal(t, 4, Double(2))
}
"#,
    );
    ok(m.go(&["get", "github.com/stretchr/testify@v1.8.4"]), "go get testify@v1.8.4");
    ok(m.go(&["mod", "tidy"]), "go mod tidy");
    let said = text(&ok(m.gorch(&["pin"]), "gorch pin").stdout);
    assert!(!m.read("go.mod").contains("github.com/stretchr/testify v1.8.4"), "pin did not raise testify");
    assert!(said.contains("gorch pin: raised github.com/stretchr/testify from v1.8.4 to v1."), "{said}");
    ok(m.go(&["test", "./..."]), "go test after pin");
}

/// A service on net/http alone, with the built-in aspects on: gorch pin
/// adds what the HTTP and SDK aspects inject and not gRPC's, says that it
/// raised the module's go line, and leaves the tidy module tidy; a second
/// pin changes nothing.
#[test]
fn pin_adds_only_what_can_apply_and_leaves_a_tidy_module_tidy() {
    let m = Module::copy("modules/core");
    for entry in std::fs::read_dir(m.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { std::fs::remove_dir_all(&path).unwrap() } else { std::fs::remove_file(&path).unwrap() }
    }
    m.write("go.mod", "module example.com/hello\n\ngo 1.24\n");
    m.write(
        "main.go",
        r#"package main

import (
	"fmt"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "hello") })
	http.ListenAndServe("127.0.0.1:0", nil)
}
"#,
    );
    ok(m.go(&["mod", "tidy", "-diff"]), "the module is tidy before pinning");
    let said = text(&ok(m.gorch(&["pin"]), "gorch pin").stdout);
    let gomod = m.read("go.mod");
    assert!(gomod.contains("go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp v"), "{gomod}");
    // gRPC comes in only as a dependency of the OTLP exporters.
    assert!(!gomod.contains("otelgrpc") && !gomod.contains("otelsql"), "{gomod}");
    assert!(
        gomod.lines().filter(|l| l.contains("google.golang.org/grpc v")).all(|l| l.ends_with("// indirect")),
        "{gomod}"
    );
    assert!(said.contains("gorch pin: raised the go line from 1.24 to "), "{said}");
    ok(m.go(&["mod", "tidy", "-diff"]), "go mod tidy -diff after pin");
    let again = text(&ok(m.gorch(&["pin"]), "second gorch pin").stdout);
    assert!(!again.contains("raised") && !again.contains("wrote"), "{again}");
    assert_eq!(m.read("go.mod"), gomod);
}
