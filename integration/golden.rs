//! Golden cases: one folder per case under `testdata/golden/`.
//!
//! A case holds `gorch.yaml` (its aspects), the input `.go` files of one
//! package, and optionally `case.yaml` (the package's import path, whether
//! it is a test build, which imports the compiler can resolve, which
//! packages named by `depends-on` it depends on, and whether
//! gorch's built-in aspects apply: `builtin: true`). The
//! expected results are:
//!
//! - `want.diff`: what changed, as a reviewer reads it (no line directives);
//! - `want/<file>.go`: each changed file exactly as the compiler gets it,
//!   line directives included (`gorch_generated.go` for an added file);
//! - or `want.err`: the error, when the case must fail.
//!
//! Each case takes the path a compile takes: the pre-filter first (a
//! package it clears compiles untouched), then the rewrite.
//!
//! `GORCH_BLESS=1 cargo test --test integration golden` rewrites the
//! expected files from what gorch produces; review the diff before
//! committing.

use gorch::aspect::{AspectSet, AspectSource};
use gorch::go::source::SourceFile;
use gorch::rewrite::{PackageInfo, may_apply, rewrite};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct CaseSpec {
    import_path: Option<String>,
    #[serde(default)]
    test: bool,
    #[serde(default)]
    testmain: bool,
    imports: Option<Vec<String>>,
    /// Of the packages `depends-on` join points name, those the package
    /// depends on (when not given: its imports, or all when those are not
    /// given either).
    depends_on: Option<Vec<String>>,
    /// Load gorch's built-in aspects before the case's gorch.yaml.
    #[serde(default)]
    builtin: bool,
}

/// What a case produces: expected-file path (relative to the case) to text.
fn run_case(dir: &Path) -> BTreeMap<String, String> {
    let spec: CaseSpec = match fs::read_to_string(dir.join("case.yaml")) {
        Ok(text) => serde_yaml::from_str(&text).expect("case.yaml"),
        Err(_) => CaseSpec::default(),
    };
    let mut sources = if spec.builtin { gorch::aspect::builtin_sources() } else { Vec::new() };
    if let Ok(text) = fs::read_to_string(dir.join("gorch.yaml")) {
        sources.push(AspectSource::outside_modules("gorch.yaml", "gorch.yaml", text));
    }
    let mut out = BTreeMap::new();
    let set = match AspectSet::from_sources(&sources) {
        Ok(set) => set,
        Err(e) => {
            out.insert("want.err".to_string(), format!("{e}\n"));
            return out;
        }
    };

    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".go"))
        .collect();
    names.sort();
    let files: Vec<SourceFile> =
        names.iter().map(|n| SourceFile::parse(n.clone(), fs::read_to_string(dir.join(n)).unwrap())).collect();
    for f in &files {
        assert_eq!(f.syntax_error(), None, "{}: golden inputs must parse cleanly", f.name);
    }
    let info = PackageInfo {
        import_path: spec.import_path.unwrap_or_else(|| "example.com/golden".to_string()),
        name: files[0].package_name().expect("package clause").to_string(),
        test: spec.test,
        testmain: spec.testmain,
        imports: spec.imports.clone().map(|i| i.into_iter().collect::<BTreeSet<_>>()),
        depends_on: spec.depends_on.or(spec.imports.clone()).map(|d| d.into_iter().collect::<BTreeSet<_>>()),
    };
    // As a compile does: a package the pre-filter clears compiles
    // untouched, unparsed.
    let texts: Vec<&str> = files.iter().map(|f| f.text.as_str()).collect();
    if !may_apply(&set, &info, &texts) {
        out.insert("want.diff".to_string(), String::new());
        return out;
    }
    match rewrite(&set, &info, &files) {
        Err(e) => {
            out.insert("want.err".to_string(), format!("{e}\n"));
        }
        Ok(rewritten) => {
            let mut diff = String::new();
            for changed in &rewritten.files {
                let name = &files[changed.index].name;
                diff.push_str(&gorch::diff::unified(name, Some(&files[changed.index].text), &changed.readable));
                out.insert(format!("want/{name}"), changed.compiled.clone());
            }
            if let Some(generated) = &rewritten.generated {
                diff.push_str(&gorch::diff::unified("gorch_generated.go", None, &generated.readable));
                out.insert("want/gorch_generated.go".to_string(), generated.compiled.clone());
            }
            out.insert("want.diff".to_string(), diff);
        }
    }
    out
}

/// The expected files a case has on disk.
fn expected(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for name in ["want.diff", "want.err"] {
        if let Ok(text) = fs::read_to_string(dir.join(name)) {
            out.insert(name.to_string(), text);
        }
    }
    if let Ok(entries) = fs::read_dir(dir.join("want")) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            out.insert(format!("want/{name}"), fs::read_to_string(entry.path()).unwrap());
        }
    }
    out
}

fn bless(dir: &Path, actual: &BTreeMap<String, String>) {
    let _ = fs::remove_dir_all(dir.join("want"));
    let _ = fs::remove_file(dir.join("want.diff"));
    let _ = fs::remove_file(dir.join("want.err"));
    for (name, text) in actual {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
}

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/golden");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("testdata/golden")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("gorch.yaml").is_file() || p.join("case.yaml").is_file())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn golden_cases() {
    let blessing = std::env::var_os("GORCH_BLESS").is_some();
    let mut failures = Vec::new();
    let all = cases();
    for dir in &all {
        let case = dir.file_name().unwrap().to_string_lossy().into_owned();
        let actual = run_case(dir);
        if blessing {
            bless(dir, &actual);
            continue;
        }
        let want = expected(dir);
        let names: BTreeSet<&String> = actual.keys().chain(want.keys()).collect();
        for name in names {
            let (a, w) = (actual.get(name), want.get(name));
            if a != w {
                let shown = gorch::diff::unified(name, w.map(String::as_str), a.map_or("<missing>\n", String::as_str));
                failures.push(format!("case {case}: {name} differs (- expected, + actual)\n{shown}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} golden mismatches:\n\n{}", failures.len(), failures.join("\n"));
    assert!(all.len() >= 25, "expected at least 25 golden cases, found {}", all.len());
}
