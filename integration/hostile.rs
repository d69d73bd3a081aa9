//! Go files nobody planned for (integration/modules/hostile): a byte order
//! mark, CRLF line endings, unicode identifiers, generics, line directives
//! already present, a generated file, assembly, and a file of 100,000
//! lines written here. Built plainly and through gorch with the real go
//! command: the instrumented program must print exactly what the plain
//! one prints (including the file and line of each caller), every
//! expected site must be rewritten, and syntax errors must read as in a
//! plain build.

use crate::support::{Module, ok, text};
use std::fmt::Write;

/// Functions in the generated big.go; each takes eight lines, and the
/// table that lists them one per line brings the file past 100,000 lines.
const BIG_FUNCTIONS: usize = 11_200;
/// Every this many functions, one carries //gorch:trace.
const TRACED_EVERY: usize = 1_000;

fn big_file() -> String {
    let mut out = String::from(
        r#"//go:build hostilebig

// Written by the test: a file of over 100,000 lines.
package main

import "fmt"

"#,
    );
    for i in 0..BIG_FUNCTIONS {
        let directive = if i % TRACED_EVERY == 0 { "//gorch:trace\n" } else { "\n" };
        write!(
            out,
            r#"{directive}func big{i}(x int) int {{
	y := x + {i}
	if y%2 == 0 {{
		return y / 2
	}}
	return y
}}
"#
        )
        .unwrap();
    }
    out.push_str("var bigFuncs = []func(int) int{\n");
    for i in 0..BIG_FUNCTIONS {
        writeln!(out, "\tbig{i},").unwrap();
    }
    out.push_str(
        r#"}

func bigTotal() string {
	total := 0
	for i, f := range bigFuncs {
		total += f(i)
	}
	return fmt.Sprint("big: ", total, " ", where())
}
"#,
    );
    out
}

#[test]
fn unusual_files_are_rewritten_and_behave_as_in_a_plain_build() {
    let m = Module::copy("modules/hostile");
    let big = big_file();
    assert!(big.lines().count() > 100_000, "{} lines", big.lines().count());
    m.write("big.go", &big);

    ok(m.go(&["build", "-tags", "hostilebig", "-o", "plain", "."]), "plain go build");
    ok(
        m.gorch(&["go", "--report", "sites.json", "build", "-tags", "hostilebig", "-o", "instrumented", "."]),
        "gorch go build",
    );

    let plain = ok(m.exec("plain", &[]), "plain");
    let instrumented = ok(m.exec("instrumented", &[]), "instrumented");
    assert_eq!(text(&instrumented.stdout), text(&plain.stdout), "the instrumented program prints something else");
    assert!(
        text(&plain.stdout).contains("big: ") && text(&plain.stdout).contains("big.go:"),
        "{}",
        text(&plain.stdout)
    );

    let entered: Vec<String> = text(&instrumented.stderr).lines().map(str::to_string).collect();
    for name in ["bomGreeting", "crlfJoin", "Größe", "変数", "Push", "Map", "Sum", "fromDirectives", "generatedTable"]
    {
        assert!(entered.contains(&format!("enter {name}")), "{name} was not traced: {entered:?}");
    }
    let big_traced = entered.iter().filter(|l| l.starts_with("enter big")).count();
    assert_eq!(big_traced, BIG_FUNCTIONS.div_ceil(TRACED_EVERY), "traced functions of big.go");

    let report = m.read("sites.json");
    for (file, line) in [
        ("bom.go", 8),
        ("crlf.go", 10),
        ("unicode.go", 10),
        ("unicode.go", 14),
        ("generics.go", 32),
        ("grammar.y", 200),
        ("table_gen.go", 10),
    ] {
        let site = format!(
            "{{\"aspect\": \"sprint\", \"package\": \"example.com/hostile\", \"file\": \"{file}\", \"line\": {line}}}"
        );
        assert!(report.contains(&site), "missing {site} in:\n{report}");
    }
}

/// Broken files go to the compiler untouched: a syntax error in a CRLF
/// file, and a comment that never ends (which tree-sitter-go reads as a
/// division by a dereference).
#[test]
fn syntax_errors_read_as_in_a_plain_build() {
    let m = Module::copy("modules/hostile");
    let crlf = m.read("crlf.go");
    assert!(crlf.contains("\r\n"));
    let unicode = m.read("unicode.go");
    for (file, broken, at) in [
        ("crlf.go", crlf.replace("return fmt.Sprint(\"crlf \"", "return fmt.Sprint((\"crlf \""), "crlf.go:10:"),
        ("unicode.go", unicode.replace("faktor*π", "faktor/*π"), "unicode.go:10:"),
    ] {
        let original = m.read(file);
        m.write(file, &broken);
        let plain = m.go(&["build", "-o", "plain", "."]);
        let instrumented = m.go_gorch(&["build", "-o", "instrumented", "."]);
        assert!(!plain.status.success() && !instrumented.status.success(), "{file}");
        assert!(text(&plain.stderr).contains(at), "{}", text(&plain.stderr));
        assert_eq!(text(&instrumented.stderr), text(&plain.stderr), "{file}");
        m.write(file, &original);
    }
}
