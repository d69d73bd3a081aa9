//! The commands people type: `gorch diff`, `gorch aspects`, `gorch version`,
//! `gorch go`.

use crate::support::{Module, ok, text};

#[test]
fn diff_shows_what_a_build_would_change() {
    let m = Module::copy("modules/core");
    let out = ok(m.gorch(&["diff", "./..."]), "gorch diff");
    let diff = text(&out.stdout);
    for expected in [
        "--- a/main.go\n+++ b/main.go\n",
        "+\t__gorch_fmt.Println(\"-> divide\")\n",
        "-func divide(a, b int) (int, error) {\n+func divide(a, b int) (__gorch_r0 int, __gorch_r1 error) {\n",
        "-\tfmt.Println(strings.ToUpper(\"wrapped\"))\n",
        "+\tfmt.Println(\"[\" + strings.ToUpper(\"wrapped\") + \"]\")\n",
        "--- a/shapes/shapes.go\n+++ b/shapes/shapes.go\n",
        "--- /dev/null\n+++ b/gorch_generated.go\n",
    ] {
        assert!(diff.contains(expected), "missing {expected:?} in:\n{diff}");
    }
    assert!(!diff.contains("/*line"), "the default view has no line directives");
    assert_eq!(text(&out.stderr), "gorch: 3 files changed in 2 packages\n");

    let with_directives = text(&ok(m.gorch(&["diff", "--line-directives", "./shapes"]), "diff").stdout);
    assert!(with_directives.contains("+//line "), "{with_directives}");
}

#[test]
fn diff_of_files_needs_no_build() {
    let m = Module::copy("modules/core");
    let diff = text(&ok(m.gorch(&["diff", "shapes/shapes.go"]), "gorch diff FILE").stdout);
    assert!(diff.contains("+\t__gorch_fmt.Println(\"area of\", q)\n"), "{diff}");
}

#[test]
fn aspects_check_names_every_problem() {
    let m = Module::copy("modules/core");
    m.write(
        "bad.yaml",
        r#"aspects:
  - id: one
    join-point:
      import-path: 'a/[b'
    advice:
      - add-blank-import: fmt
  - id: two
    join-point:
      function-call: fmt.Println
    advice:
      - prepend-statements:
          template: x()
"#,
    );
    let out = m.gorch(&["aspects", "check", "bad.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "gorch: bad.yaml:4:21: aspect \"one\": bad import-path glob \"a/[b\": invalid range pattern\n\
         bad.yaml:11:9: aspect \"two\": prepend-statements changes functions, but the join point selects calls\n"
    );
    let good = ok(m.gorch(&["aspects", "check"]), "aspects check");
    let listed = text(&good.stdout);
    assert!(listed.contains("\nbuiltin:aspects/context/goroutine.yaml: 0 aspects (6 disabled): ok\n"), "{listed}");
    assert!(listed.contains("\nbuiltin:aspects/grpc/grpc.yaml: 0 aspects (2 disabled): ok\n"), "{listed}");
    assert!(listed.ends_with("\ngorch.yaml: 8 aspects: ok\n"), "{listed}");
}

#[test]
fn aspects_list_and_version_describe_what_is_in_force() {
    let m = Module::copy("modules/core");
    let list = text(&ok(m.gorch(&["aspects", "list"]), "aspects list").stdout);
    assert!(list.contains("bracket-upper\tgorch.yaml:"), "{list}");
    assert!(list.contains("function-call strings.ToUpper -> wrap-expression"), "{list}");
    let version = text(&ok(m.gorch(&["version"]), "version").stdout);
    assert!(version.starts_with(&format!("gorch {} (source ", env!("CARGO_PKG_VERSION"))), "{version}");
    assert!(version.contains("\nidentity gorch@"), "{version}");
}

#[test]
fn gorch_go_build_passes_itself_as_toolexec() {
    let m = Module::copy("modules/core");
    ok(m.gorch(&["go", "build", "-o", "core", "."]), "gorch go build");
    let out = text(&ok(m.exec("core", &["run"]), "core run").stdout);
    assert!(out.starts_with("injected init ran\n"), "{out}");
    let refused = m.gorch(&["go", "mod", "tidy"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("run `go mod` directly"));
}

/// The README's quick start: `gorch go run -C integration/demo .`.
#[test]
fn the_demo_shows_its_instrumentation() {
    let m = Module::copy("demo");
    let out = ok(m.gorch(&["go", "run", "."]), "gorch go run (demo)");
    let shown = text(&out.stdout);
    let made_at = format!("(made at main.go:{})", m.line_of("main.go", "errors.New("));
    for line in [
        "[gorch] -> process({ID:1 Items:3})\n",
        "[gorch] <- validate after 0s\n",
        "order 1 costs 21\n",
        &format!("order 2 failed: an order needs at least one item {made_at}\n"),
    ] {
        assert!(shown.contains(line), "missing {line:?} in:\n{shown}");
    }
    // Two traces, one per priced order, each printed as a tree: the
    // //gorch:span function, the HTTP client span inside it (no context
    // passed: the goroutine's span is the parent), the server span across
    // the wire (traceparent), the //gorch:span function the handler calls.
    let trees: Vec<&str> = shown.split("trace ").skip(1).collect();
    assert_eq!(trees.len(), 2, "{shown}");
    for tree in trees {
        let lines: Vec<&str> = tree.lines().collect();
        assert!(lines[0].len() == 32 && lines[0].chars().all(|c| c.is_ascii_hexdigit()), "{tree}");
        for (line, start) in [
            (1, "  order.quote  internal  "),
            (2, "  └─ HTTP GET  client  "),
            (3, "     └─ GET /price/{items}  server  "),
            (4, "        └─ price.compute  internal  "),
        ] {
            assert!(lines[line].starts_with(start), "line {line} of:\n{tree}");
        }
        assert!(lines[3].contains("http.route=/price/{items}  http.response.status_code=200"), "{tree}");
    }
    let plain = text(&ok(m.go(&["run", "."]), "go run (demo)").stdout);
    assert_eq!(plain, "order 1 costs 21\norder 2 failed: an order needs at least one item\norder 3 costs 35\n");
}

/// Failing tests ran instrumented code: `gorch go test` still says what
/// it instrumented, and keeps the go command's exit status.
#[test]
fn gorch_go_test_reports_sites_when_tests_fail() {
    let m = Module::copy("demo");
    m.write(
        "fail_test.go",
        r#"package main

import "testing"

func TestFails(t *testing.T) { t.Fatal("on purpose") }
"#,
    );
    let out = m.gorch(&["go", "--report", "sites.json", "test", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("gorch: instrumented "), "{}", text(&out.stderr));
    assert!(m.read("sites.json").contains("\"aspect\": \"trace\""), "{}", m.read("sites.json"));
}

/// A library gorch has no aspect for is named in the summary and the
/// report, never a silent gap; one whose aspects are turned off is too.
#[test]
fn gorch_go_build_names_the_libraries_it_cannot_instrument() {
    let m = Module::copy("modules/uncovered");
    ok(m.gorch(&["pin"]), "gorch pin (uncovered)");
    let out = ok(m.gorch(&["go", "--report", "report.json", "build", "./..."]), "gorch go build");
    let summary = text(&out.stderr);
    let line = "gorch: no built-in instrumentation for: github.com/gocql/gocql (used by 2 packages)\n";
    assert!(summary.ends_with(line), "{summary}");
    let report = m.read("report.json");
    assert!(report.contains(r#"{"library": "github.com/gocql/gocql", "used_by": 2}"#), "{report}");
    assert!(!report.contains(r#""library": "github.com/go-chi"#), "chi is instrumented: {report}");

    m.write("gorch.yaml", "disable:\n  - otel-router-chi\n");
    let out = ok(m.gorch(&["go", "build", "./..."]), "gorch go build, chi's aspect off");
    let summary = text(&out.stderr);
    assert!(
        summary.ends_with(
            "gorch: no built-in instrumentation for: github.com/go-chi/chi/v5 (used by 1 package), github.com/gocql/gocql (used by 2 packages)\n"
        ),
        "{summary}"
    );
}
