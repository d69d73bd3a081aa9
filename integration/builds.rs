//! Builds of real Go modules with `go build -toolexec=<gorch under test>`.

use crate::support::{Module, compile_commands, ok, text};

pub const CORE_OUTPUT: &str = "\
injected init ran
-> divide
<- divide
5 <nil>
-> divide
<- divide
error in divide: division by zero
0 division by zero
push 1
push 2
area of {3}
2 9 circle of radius 2
[WRAPPED]
a-b-gorch
quiet
";

#[test]
fn instrumented_program_shows_every_kind_of_advice() {
    let m = Module::copy("modules/core");
    ok(m.go_gorch(&["build", "-o", "core", "."]), "go build -toolexec");
    let out = ok(m.exec("core", &["run"]), "core run");
    assert_eq!(text(&out.stdout), CORE_OUTPUT);

    // The same module built plainly shows none of it.
    ok(m.go(&["build", "-o", "plain", "."]), "go build");
    let plain = ok(m.exec("plain", &["run"]), "plain run");
    assert_eq!(text(&plain.stdout), "5 <nil>\n0 division by zero\n2 9 circle of radius 1\nWRAPPED\na-b\nquiet\n");
}

/// Calls and struct literals match inside the package that declares the
/// function or type, where the code names no package, as they do
/// elsewhere.
#[test]
fn calls_and_literals_match_inside_their_own_package() {
    let m = Module::copy("modules/samepackage");
    ok(m.go_gorch(&["build", "-o", "app", "."]), "go build -toolexec");
    let out = ok(m.exec("app", &[]), "app");
    assert_eq!(text(&out.stdout), "[hello main] nut 30\n[hello lib] bolt 20\n");
}

#[test]
fn method_calls_match_where_the_file_spells_out_the_receiver_type_and_arguments_count_from_the_end() {
    let m = Module::copy("modules/methodcall");
    let plain = ok(m.go(&["run", "."]), "go run");
    assert!(text(&plain.stdout).starts_with("var 1 counter\n"), "{}", text(&plain.stdout));
    ok(m.go_gorch(&["build", "-o", "app", "."]), "go build -toolexec");
    let out = ok(m.exec("app", &[]), "app");
    let want = r#"var 1001 value:counter
literal 1002 counter
new 1003
inline 1004
param 1012
own package 1002
field 5
returned 6
range 7
closure param 1008
sum 303 400
"#;
    assert_eq!(text(&out.stdout), want);
}

#[test]
fn assign_value_changes_package_level_values_by_type_name_and_directive_the_standard_library_included() {
    let m = Module::copy("modules/assignvalue");
    let plain = ok(m.go(&["run", "."]), "go run");
    assert_eq!(
        text(&plain.stdout),
        "debug false false false\ngreeting hello bye\nretries 3 0 1\ntimeout 2s\nmax header bytes 1048576\n"
    );
    ok(m.go_gorch(&["build", "-o", "app", "."]), "go build -toolexec");
    let out = ok(m.exec("app", &[]), "app");
    let want = r#"debug true true true
greeting hello, world bye
retries 6 0 11
timeout 2.5s
max header bytes 2097152
"#;
    assert_eq!(text(&out.stdout), want);
}

#[test]
fn panics_and_callers_name_the_original_lines() {
    let m = Module::copy("modules/core");
    ok(m.go_gorch(&["build", "-o", "core", "."]), "go build -toolexec");

    let panic = m.exec("core", &["panic"]);
    assert!(!panic.status.success());
    let trace = text(&panic.stderr);
    let expected = format!("{}:{} ", m.path().join("main.go").display(), m.line_of("main.go", "MARK:panic"));
    assert!(
        trace.contains(&format!("main.explode(0x3)\n\t{expected}")),
        "stack trace:\n{trace}\nexpected a frame at {expected}"
    );

    let callers = text(&ok(m.exec("core", &["caller"]), "core caller").stdout);
    let main_at = format!("{}:{}", m.path().join("main.go").display(), m.line_of("main.go", "MARK:caller"));
    let shapes_at =
        format!("{}:{}", m.path().join("shapes/shapes.go").display(), m.line_of("shapes/shapes.go", "MARK:caller"));
    assert_eq!(callers, format!("injected init ran\n-> where\n<- where\n{main_at}\n{shapes_at}\n"));
}

/// Errors in instrumented functions, on the line of the brace where code
/// is inserted, after it, and in a call that gorch wraps.
#[test]
fn compile_errors_read_exactly_as_in_a_plain_build() {
    let m = Module::copy("modules/core");
    m.edit("main.go", "func divide(a, b int) (int, error) {", "func divide(a, b int) (int, error) { x := undefinedOne");
    m.edit("main.go", "if b == 0 {", "if b == undefinedTwo {");
    m.edit("main.go", "strings.ToUpper(\"wrapped\")", "strings.ToUpper(undefinedThree)");
    let plain = m.go(&["build", "-o", "plain", "."]);
    let gorch = m.go_gorch(&["build", "-o", "core", "."]);
    assert!(!plain.status.success() && !gorch.status.success());
    let plain_err = text(&plain.stderr);
    assert!(plain_err.contains("undefined: undefinedThree"), "{plain_err}");
    assert_eq!(text(&gorch.stderr), plain_err);
}

#[test]
fn syntax_errors_are_left_to_the_compiler() {
    let m = Module::copy("modules/core");
    m.edit("main.go", "return a / b, nil", "return a / b, nil +");
    let plain = m.go(&["build", "-o", "plain", "."]);
    let gorch = m.go_gorch(&["build", "-o", "core", "."]);
    assert!(!plain.status.success());
    assert_eq!(text(&gorch.stderr), text(&plain.stderr));
}

#[test]
fn a_second_identical_build_compiles_nothing() {
    let m = Module::copy("modules/core");
    ok(m.go_gorch(&["build", "-o", "core", "."]), "first build");
    let second = ok(m.go_gorch(&["build", "-x", "-o", "core", "."]), "second build");
    assert_eq!(compile_commands(&text(&second.stderr)), 0, "second build ran the compiler:\n{}", text(&second.stderr));
}

#[test]
fn editing_an_aspect_recompiles_with_the_new_advice() {
    let m = Module::copy("modules/core");
    ok(m.go_gorch(&["build", "-o", "core", "."]), "first build");
    m.edit("gorch.yaml", "template: '\"[\" + {{expr}} + \"]\"'", "template: '\"<\" + {{expr}} + \">\"'");
    let rebuild = ok(m.go_gorch(&["build", "-x", "-o", "core", "."]), "rebuild");
    assert!(compile_commands(&text(&rebuild.stderr)) > 0, "editing an aspect must recompile");
    let out = text(&ok(m.exec("core", &["run"]), "core run").stdout);
    assert!(out.contains("<WRAPPED>\n") && !out.contains("[WRAPPED]"), "{out}");
}

#[test]
fn bad_aspects_stop_the_build_with_file_line_and_id() {
    let m = Module::copy("modules/core");
    m.edit("gorch.yaml", "      function-call: strings.ToUpper", "      function-cal: strings.ToUpper");
    let out = m.go_gorch(&["build", "-o", "core", "."]);
    assert!(!out.status.success());
    let line = m.line_of("gorch.yaml", "function-cal:");
    let want = format!(
        "gorch: gorch.yaml:{line}:7: aspect \"bracket-upper\": join-point: unknown variant `function-cal`, expected one of"
    );
    assert!(text(&out.stderr).contains(&want), "stderr:\n{}\nwanted: {want}", text(&out.stderr));
}

#[test]
fn go_test_and_go_vet_run_through_gorch() {
    let m = Module::copy("modules/core");
    m.write(
        "main_test.go",
        r#"package main

import "testing"

func TestLabelIsSigned(t *testing.T) {
	if got := label("x"); got != "x-gorch" {
		t.Fatalf("label = %q", got)
	}
}
"#,
    );
    m.write(
        "shapes/shapes_test.go",
        r#"package shapes_test

import (
	"testing"

	"example.com/core/shapes"
)

func TestCircle(t *testing.T) {
	if got := (&shapes.Circle{R: 2}).Name(); got != "circle of radius 4" {
		t.Fatal(got)
	}
}
"#,
    );
    ok(m.gorch(&["go", "test", "./..."]), "gorch go test");
    // The same tests fail without gorch: they really test the advice.
    assert!(!m.go(&["test", "./..."]).status.success());
    ok(m.gorch(&["go", "vet", "./..."]), "gorch go vet");
}

/// The compiler gets cgo's output for a file that imports "C"; positions
/// must follow the line directives cgo wrote. A `//go:build go1.21` line
/// must still set the file's language version (old loop semantics).
#[test]
fn cgo_files_and_file_versions_keep_their_meaning() {
    let m = Module::copy("modules/cgo");
    ok(m.go_gorch(&["build", "-o", "cgo", "."]), "go build -toolexec (cgo)");
    let out = text(&ok(m.exec("cgo", &[]), "cgo").stdout);
    assert_eq!(out, "-> double in \"main\"\n42\n-> loopVars in \"main\"\n3 3 3\n");

    let panic = m.exec("cgo", &["panic"]);
    let trace = text(&panic.stderr);
    let expected =
        format!("main.explode()\n\t{}:{} ", m.path().join("main.go").display(), m.line_of("main.go", "MARK:panic"));
    assert!(trace.contains(&expected), "stack trace:\n{trace}\nexpected {expected:?}");
}

/// A shared library for C programs, instrumented with an injected import
/// (strconv, which the package does not import).
#[test]
fn c_shared_libraries_carry_the_advice() {
    let m = Module::copy("modules/cgo");
    ok(m.go_gorch(&["build", "-buildmode=c-shared", "-o", "libcgo.so", "."]), "go build -buildmode=c-shared");
    let cc = std::process::Command::new("cc")
        .current_dir(m.path())
        .args(["-o", "use", "c/use.c", "./libcgo.so"])
        .output()
        .unwrap();
    ok(cc, "cc use.c");
    let out = std::process::Command::new(m.path().join("use")).current_dir(m.path()).output().unwrap();
    assert_eq!(text(&ok(out, "use").stdout), "-> GorchDouble in \"main\"\n-> double in \"main\"\n42\n");
}

/// `go version -m` shows how a binary was instrumented, with the values
/// `gorch version --json` prints; a plain build shows nothing of gorch.
#[test]
fn binaries_record_gorch_and_the_aspects_in_their_build_settings() {
    let m = Module::copy("modules/core");
    let settings = |binary: &str| -> Vec<String> {
        let out = ok(m.go(&["version", "-m", binary]), "go version -m");
        text(&out.stdout).lines().filter_map(|l| l.trim().strip_prefix("build\tgorch.")).map(str::to_string).collect()
    };
    let json_value = |json: &str, key: &str| -> String {
        let start = json.find(&format!("\"{key}\": \"")).unwrap_or_else(|| panic!("{key} in {json}")) + key.len() + 5;
        json[start..start + json[start..].find('"').unwrap()].to_string()
    };

    ok(m.go_gorch(&["build", "-o", "core", "."]), "go build -toolexec");
    let json = text(&ok(m.gorch(&["version", "--json"]), "gorch version --json").stdout);
    let (version, aspects) = (json_value(&json, "gorch.version"), json_value(&json, "gorch.aspects"));
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
    assert_eq!(aspects.len(), 16, "{json}");
    assert_eq!(settings("core"), [format!("version={version}"), format!("aspects={aspects}")]);

    ok(m.go(&["build", "-o", "plain", "."]), "go build");
    assert_eq!(settings("plain"), Vec::<String>::new());

    // Other aspects, another hash, in the binary and in the JSON.
    m.edit("gorch.yaml", "\naspects:\n", "\n# another aspect set\naspects:\n");
    ok(m.go_gorch(&["build", "-o", "edited", "."]), "go build -toolexec after editing gorch.yaml");
    let json = text(&ok(m.gorch(&["version", "--json"]), "gorch version --json").stdout);
    let edited = json_value(&json, "gorch.aspects");
    assert_ne!(edited, aspects);
    assert_eq!(settings("edited"), [format!("version={version}"), format!("aspects={edited}")]);
}

/// The README's example of a hook inside a library, built as written: the
/// program's side sees every round trip of net/http's Transport.
#[test]
fn the_readme_hook_inside_net_http_reaches_the_program() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = &readme[readme.find("### Hooks inside libraries").expect("the README shows a hook")..];
    let start = section.find("```yaml\n").unwrap() + "```yaml\n".len();
    let example = &section[start..start + section[start..].find("```").unwrap()];
    let m = Module::copy("modules/hook");
    m.write("gorch.yaml", &format!("disable: [otel-*]\n{example}"));
    ok(m.go_gorch(&["build", "-o", "hook", "."]), "go build -toolexec");
    let out = ok(m.exec("hook", &[]), "hook");
    let stderr = text(&out.stderr);
    assert!(stderr.contains(" round trip to http://127.0.0.1:"), "{stderr}");
    assert_eq!(text(&out.stdout), "hello\n");
    ok(m.go(&["build", "-o", "plain", "."]), "go build");
    let plain = ok(m.exec("plain", &[]), "plain");
    assert_eq!((text(&plain.stdout), text(&plain.stderr)), ("hello\n".to_string(), String::new()));
}
