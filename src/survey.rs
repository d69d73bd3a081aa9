//! What gorch does to the packages of a build, without building them.
//!
//! `go list -deps` gives the package set a build compiles (dependencies and
//! the standard library included, test variants with `-test`); each
//! package goes through the same pre-filter and rewrite as in a compile.
//! `gorch diff` shows the result; `gorch go` summarizes it.

use crate::aspect::AspectSet;
use crate::error::Error;
use crate::go::imports::FileImports;
use crate::go::source::SourceFile;
use crate::rewrite::{self, PackageInfo, Rewritten};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A package of a build: its facts and its files' paths.
pub struct Package {
    pub info: PackageInfo,
    pub files: Vec<PathBuf>,
}

/// A package gorch changes.
pub struct Surveyed {
    pub info: PackageInfo,
    /// The package's files, named as shown to people (relative to the
    /// working directory when below it).
    pub files: Vec<SourceFile>,
    pub dir: PathBuf,
    pub rewritten: Rewritten,
}

/// The packages named by `args` in `dir`: loose `.go` files, or the
/// packages a build of `args` (build flags and patterns) compiles.
pub fn packages(args: &[String], tests: bool, dir: &Path) -> Result<Vec<Package>, Error> {
    let file_mode = !args.is_empty() && args.iter().all(|a| a.ends_with(".go") && dir.join(a).is_file());
    if file_mode { packages_of_files(args, dir) } else { list_packages(args, tests, dir) }
}

/// Rewrites each package an aspect applies to and hands it to `each`.
/// Packages with a file that does not parse are reported and left out.
pub fn survey(
    set: &AspectSet,
    packages: Vec<Package>,
    cwd: &Path,
    mut each: impl FnMut(Surveyed) -> Result<(), Error>,
) -> Result<(), Error> {
    for package in packages {
        let mut texts = Vec::new();
        for path in &package.files {
            texts.push(std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?);
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let Some(set) = set.for_package(&package.info.import_path) else { continue };
        if !rewrite::may_apply(&set, &package.info, &refs) {
            continue;
        }
        let names: Vec<String> = package.files.iter().map(|p| shown(p, cwd)).collect();
        let files: Vec<SourceFile> = names.into_iter().zip(texts).map(|(n, t)| SourceFile::parse(n, t)).collect();
        if let Some((file, why)) = files.iter().find_map(|f| f.unrewritable().map(|why| (f, why))) {
            eprintln!(
                "gorch: {}:{}:{}: {}; package {} is left out",
                file.name, why.at.line, why.at.column, why.reason, package.info.import_path
            );
            continue;
        }
        let rewritten = rewrite::rewrite(&set, &package.info, &files)?;
        if rewritten.is_unchanged() {
            continue;
        }
        let dir = package.files.first().and_then(|f| f.parent()).unwrap_or(Path::new(".")).to_path_buf();
        each(Surveyed { info: package.info, files, dir, rewritten })?;
    }
    Ok(())
}

pub fn shown(path: &Path, cwd: &Path) -> String {
    path.strip_prefix(cwd).unwrap_or(path).display().to_string()
}

const FIELD: char = '\u{1f}';
const ITEM: char = '\u{1e}';

/// The packages a build of `args` compiles, from `go list -deps` (with
/// test variants and test mains under `-test`).
fn list_packages(args: &[String], tests: bool, dir: &Path) -> Result<Vec<Package>, Error> {
    let template = "{{.ImportPath}}\u{1f}{{.Name}}\u{1f}{{.Dir}}\u{1f}{{join .GoFiles \"\\x1e\"}}\u{1f}{{join .CgoFiles \"\\x1e\"}}\u{1f}{{join .Imports \"\\x1e\"}}\u{1f}{{range $k, $v := .ImportMap}}{{$k}}\u{1e}{{end}}\u{1f}{{join .Deps \"\\x1e\"}}";
    let go = which::which("go").map_err(|_| Error::GoNotFound)?;
    let mut command = Command::new(&go);
    command.current_dir(dir).args(["list", "-e", "-deps", "-f", template]);
    if tests {
        command.arg("-test");
    }
    command.args(args);
    if args.iter().all(|a| a.starts_with('-')) {
        command.arg(".");
    }
    let output = command.output().map_err(|e| Error::spawn(&go, e))?;
    if !output.status.success() {
        return Err(Error::GoFailed {
            command: "go list".to_string(),
            stderr: String::from_utf8_lossy(&output.stderr).trim_end().to_string(),
        });
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut packages = Vec::new();
    for line in stdout.lines().filter(|l| !l.is_empty()) {
        let fields: Vec<&str> = line.split(FIELD).collect();
        let [path, name, dir, go_files, cgo_files, imports, import_map, deps] = fields[..] else {
            return Err(Error::GoOutput { command: "go list".to_string(), line: line.to_string() });
        };
        let items = |s: &str| s.split(ITEM).filter(|x| !x.is_empty()).map(str::to_string).collect::<Vec<_>>();
        let files: Vec<PathBuf> =
            items(go_files).into_iter().chain(items(cgo_files)).map(|f| Path::new(dir).join(f)).collect();
        // A test main's source is generated by the go command: it has no
        // files here, and only advice for the package as a whole reaches it.
        let testmain = path.ends_with(".test");
        if files.is_empty() && !testmain {
            continue;
        }
        let imports: BTreeSet<String> = items(imports).into_iter().chain(items(import_map)).collect();
        let info = PackageInfo {
            import_path: path.split(" [").next().unwrap_or(path).to_string(),
            name: name.to_string(),
            test: testmain || path.contains(" ["),
            testmain,
            imports: Some(imports),
            depends_on: Some(items(deps).into_iter().collect()),
        };
        packages.push(Package { info, files });
    }
    Ok(packages)
}

/// Loose files, grouped by directory; the import path comes from the
/// enclosing module's go.mod, the imports from the files themselves.
fn packages_of_files(args: &[String], dir: &Path) -> Result<Vec<Package>, Error> {
    let mut packages: Vec<Package> = Vec::new();
    for arg in args {
        let path = std::fs::canonicalize(dir.join(arg)).map_err(|e| Error::io(arg, e))?;
        let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let imports = FileImports::of(&SourceFile::parse("", text.clone())).specs.into_iter().map(|s| s.path);
        if let Some(p) = packages.iter_mut().find(|p| p.files[0].parent() == Some(&dir)) {
            p.info.imports.get_or_insert_default().extend(imports);
            p.files.push(path);
            continue;
        }
        let name = crate::go::source::scan_package_name(&text).unwrap_or("main").to_string();
        let info = PackageInfo {
            import_path: import_path_of(&dir),
            test: name.ends_with("_test") || arg.ends_with("_test.go"),
            testmain: false,
            name,
            imports: Some(imports.collect()),
            depends_on: None,
        };
        packages.push(Package { info, files: vec![path] });
    }
    Ok(packages)
}

/// The module path plus the directory's path inside the module.
fn import_path_of(dir: &Path) -> String {
    for root in dir.ancestors() {
        if let Ok(gomod) = std::fs::read_to_string(root.join("go.mod")) {
            let module = gomod
                .lines()
                .find_map(|l| l.trim().strip_prefix("module "))
                .map(|m| m.trim().trim_matches('"').to_string())
                .unwrap_or_default();
            let rel = dir.strip_prefix(root).unwrap_or(Path::new(""));
            return if rel.as_os_str().is_empty() { module } else { format!("{module}/{}", rel.display()) };
        }
    }
    "command-line-arguments".to_string()
}
