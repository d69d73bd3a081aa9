//! A fuzz target for the parse-match-rewrite path, the code that runs on
//! every file of a user's build.
//!
//! Inputs are Go files of this repository (the golden cases' inputs and
//! the test modules), mutated: byte ranges deleted or repeated, tokens and
//! whole declarations inserted (directives, calls the aspects match, line
//! directives, a BOM, CRLF), two files spliced. Each input goes the way a
//! compile does: parse; a file with a syntax error goes to the compiler
//! untouched; otherwise rewrite with the built-in aspects and
//! testdata/fuzz/gorch.yaml. Properties:
//!
//! - gorch never panics;
//! - for an input that parses, every rewritten file and the added file
//!   parse, and the rewritten files declare the same top-level names in
//!   the same order as their inputs.
//!
//! Deterministic: `GORCH_FUZZ_SEED` (default 1) and
//! `GORCH_FUZZ_ITERATIONS` (default 20,000, the bounded run of the test
//! suite) or `GORCH_FUZZ_SECONDS` (a time budget, for
//! integration/fuzz.sh). A failing input is written to
//! `target/fuzz-failures/` and the test fails naming it.

use gorch::aspect::{AspectSet, AspectSource};
use gorch::go::source::SourceFile;
use gorch::rewrite::{PackageInfo, rewrite};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Pieces that mutations insert: what the aspects look for, and what
/// trips up positions and parsers.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ",",
    ";",
    "\n",
    "\r\n",
    "\u{feff}",
    "\"",
    "`",
    "/*",
    "*/",
    "//gorch:trace\n",
    "//gorch:ignore\n",
    "//gorch:span\n",
    "//line other.go:7\n",
    "/*line other.go:3:9*/",
    "fmt.Sprint(x)",
    "fmt.Sprint(xs...)",
    "fmt.Println(1, 2)",
    "strings.ToUpper(s)",
    "&http.Client{}",
    "http.Client{Timeout: 1}",
    "go fmt.Sprint(1)\n",
    "defer fmt.Println()\n",
    "func f[T any](t T) T { return t }\n",
    "//gorch:trace\nfunc (r *R) M(ctx context.Context) (err error) { return nil }\n",
    "//gorch:trace\nfunc main() {}\n",
    "type T[K comparable, V any] map[K]V\n",
    "import \"fmt\"\n",
    "import fmt \"strings\"\n",
    "var _ = fmt.Sprint\n",
    "π",
    "変数",
    "x := fmt.Sprint(fmt.Sprint(1))\n",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn seeds() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("testdata/golden"), &mut files);
    collect(&root.join("integration/modules"), &mut files);
    files.sort();
    files.into_iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if path.is_dir() && name != "want" {
            collect(&path, out);
        } else if name.ends_with(".go") {
            out.push(path);
        }
    }
}

/// A byte index at or before `i` that is a char boundary.
fn boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mutate(rng: &mut Rng, seeds: &[String]) -> String {
    let mut text = seeds[rng.below(seeds.len())].clone();
    for _ in 0..1 + rng.below(4) {
        let at = boundary(&text, rng.below(text.len() + 1));
        match rng.below(6) {
            0 => {
                let end = boundary(&text, at + rng.below(40));
                text.replace_range(at..end, "");
            }
            1 => {
                let end = boundary(&text, at + rng.below(200));
                let piece = text[at..end].to_string();
                text.insert_str(at, &piece);
            }
            2 | 3 => {
                // Tokens at line starts keep most files valid.
                let at = if rng.below(2) == 0 { text[..at].rfind('\n').map_or(0, |n| n + 1) } else { at };
                text.insert_str(at, TOKENS[rng.below(TOKENS.len())]);
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                let from = boundary(other, rng.below(other.len() + 1));
                text.truncate(at);
                text.push_str(&other[from..]);
            }
            _ => {
                if rng.below(2) == 0 {
                    text = text.replace('\n', "\r\n");
                } else {
                    text.insert(0, '\u{feff}');
                }
            }
        }
    }
    text
}

/// The file's top-level declarations other than imports and blank
/// variables (advice adds both: `var _ = strings.ToUpper` keeps an import
/// used after replace-function took its only call): kind and name, in
/// order.
fn declarations(file: &SourceFile) -> Vec<String> {
    let root = file.root();
    let mut cursor = root.walk();
    let mut out = Vec::new();
    for node in root.named_children(&mut cursor) {
        let name = match node.kind() {
            "function_declaration" | "method_declaration" => {
                // The receiver's type: advice may name an unnamed receiver.
                let receiver = node.child_by_field_name("receiver").map(|list| {
                    let mut cursor = list.walk();
                    let types: Vec<&str> = list
                        .named_children(&mut cursor)
                        .filter_map(|p| p.child_by_field_name("type"))
                        .map(|t| file.text_of(t))
                        .collect();
                    types.join(",")
                });
                let name = node.child_by_field_name("name").map(|n| file.text_of(n).to_string()).unwrap_or_default();
                format!("{} {}", receiver.unwrap_or_default(), name)
            }
            "type_declaration" | "var_declaration" | "const_declaration" => {
                let mut names = Vec::new();
                collect_names(file, node, &mut names);
                names.join(",")
            }
            "comment" | "import_declaration" => continue,
            _ => String::new(),
        };
        if node.kind() == "var_declaration" && name == "_" {
            continue;
        }
        out.push(format!("{}: {}", node.kind(), name));
    }
    out
}

fn collect_names(file: &SourceFile, node: tree_sitter::Node, out: &mut Vec<String>) {
    let mut cursor = node.walk();
    for child in node.named_children(&mut cursor) {
        match child.kind() {
            "type_spec" | "type_alias" | "var_spec" | "const_spec" => {
                let mut inner = child.walk();
                for name in child.children_by_field_name("name", &mut inner) {
                    out.push(file.text_of(name).to_string());
                }
            }
            "var_spec_list" | "const_spec_list" => collect_names(file, child, out),
            _ => {}
        }
    }
}

/// One input through the path a compile takes. `Err` says what broke.
fn check(set: &AspectSet, text: &str) -> Result<bool, String> {
    let file = SourceFile::parse("fuzz.go", text.to_string());
    if file.unrewritable().is_some() {
        return Ok(false); // the compiler gets it untouched
    }
    let Some(name) = file.package_name().map(str::to_string) else { return Ok(false) };
    let info = PackageInfo {
        import_path: "example.com/fuzz".into(),
        name,
        test: false,
        testmain: false,
        imports: None,
        depends_on: None,
    };
    let files = [file];
    // A rewrite may refuse (advice that cannot apply here): that is an
    // error for the user, not a failure of gorch.
    let Ok(rewritten) = rewrite(set, &info, &files) else { return Ok(true) };
    for changed in &rewritten.files {
        for (what, text) in [("compiled", &changed.compiled), ("readable", &changed.readable)] {
            let out = SourceFile::parse("fuzz.go", text.clone());
            if let Some(err) = out.syntax_error() {
                return Err(format!("the {what} output does not parse ({err:?}):\n{text}"));
            }
            let (before, after) = (declarations(&files[changed.index]), declarations(&out));
            if before != after {
                return Err(format!("the {what} output declares {after:?}, the input {before:?}:\n{text}"));
            }
        }
    }
    if let Some(generated) = &rewritten.generated {
        let out = SourceFile::parse("gorch_generated.go", generated.compiled.clone());
        if let Some(err) = out.syntax_error() {
            return Err(format!("the added file does not parse ({err:?}):\n{}", generated.compiled));
        }
    }
    Ok(true)
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

#[test]
fn rewriting_mutated_go_never_panics_and_keeps_valid_go_valid() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = gorch::aspect::builtin_sources();
    let text = std::fs::read_to_string(root.join("testdata/fuzz/gorch.yaml")).unwrap();
    sources.push(AspectSource::outside_modules("gorch.yaml", "gorch.yaml", text));
    let set = AspectSet::from_sources(&sources).expect("fuzz aspects");
    let seeds = seeds();
    assert!(seeds.len() > 50, "{} seed files", seeds.len());

    let seed = env_number("GORCH_FUZZ_SEED").unwrap_or(1);
    let budget = env_number("GORCH_FUZZ_SECONDS").map(Duration::from_secs);
    let iterations = env_number("GORCH_FUZZ_ITERATIONS").unwrap_or(if budget.is_some() { u64::MAX } else { 20_000 });
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let started = Instant::now();
    let (mut runs, mut valid) = (0u64, 0u64);
    while runs < iterations && budget.is_none_or(|b| started.elapsed() < b) {
        let input = mutate(&mut rng, &seeds);
        runs += 1;
        let outcome = catch_unwind(AssertUnwindSafe(|| check(&set, &input)));
        let problem = match outcome {
            Ok(Ok(parsed)) => {
                valid += u64::from(parsed);
                continue;
            }
            Ok(Err(problem)) => problem,
            Err(_) => "gorch panicked".to_string(),
        };
        let dir = root.join("target/fuzz-failures");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join(format!("seed{seed}-run{runs}.go"));
        std::fs::write(&file, &input).unwrap();
        panic!("{problem}\ninput: {}", file.display());
    }
    println!(
        "fuzz: seed {seed}, {runs} inputs ({valid} valid Go) in {:.1}s, no failures",
        started.elapsed().as_secs_f64()
    );
}
