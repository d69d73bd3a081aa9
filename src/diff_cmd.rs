//! `gorch diff`: what gorch would change, shown as unified diffs.
//!
//! For packages, `go list -deps` gives the same package set a build
//! compiles (dependencies and the standard library included), so the diff
//! shows everything the build would change. For loose files, each
//! directory's files are taken as one package of the module around them.

use crate::aspect::AspectSet;
use crate::error::Error;
use crate::go::source::SourceFile;
use crate::rewrite::{self, PackageInfo};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A package to diff: its facts and its files' paths.
struct Package {
    info: PackageInfo,
    files: Vec<PathBuf>,
}

pub fn run(args: &[String], line_directives: bool) -> Result<i32, Error> {
    let cwd = std::env::current_dir().map_err(|e| Error::io(".", e))?;
    let set = AspectSet::load(&cwd)?;
    let file_mode = !args.is_empty() && args.iter().all(|a| a.ends_with(".go") && Path::new(a).is_file());
    let packages = if file_mode { packages_of_files(args)? } else { list_packages(args)? };

    let (mut files_changed, mut packages_changed) = (0, 0);
    for package in packages {
        let mut texts = Vec::new();
        for path in &package.files {
            texts.push(std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?);
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        if !rewrite::may_apply(&set, &package.info, &refs) {
            continue;
        }
        let names: Vec<String> = package.files.iter().map(|p| shown(p, &cwd)).collect();
        let files: Vec<SourceFile> = names.iter().cloned().zip(texts).map(|(n, t)| SourceFile::parse(n, t)).collect();
        if let Some((file, at)) = files.iter().find_map(|f| f.syntax_error().map(|at| (f, at))) {
            eprintln!(
                "gorch: {}:{}:{}: cannot parse this file; package {} is left out",
                file.name, at.line, at.column, package.info.import_path
            );
            continue;
        }
        let rewritten = rewrite::rewrite(&set, &package.info, &files)?;
        if rewritten.is_unchanged() {
            continue;
        }
        packages_changed += 1;
        for changed in &rewritten.files {
            let file = &files[changed.index];
            let text = if line_directives { &changed.compiled } else { &changed.readable };
            print!("{}", crate::diff::unified(&file.name, Some(&file.text), text));
            files_changed += 1;
        }
        if let Some(generated) = &rewritten.generated {
            let dir = package.files[0].parent().unwrap_or(Path::new("."));
            let name = shown(&dir.join("gorch_generated.go"), &cwd);
            let text = if line_directives { &generated.compiled } else { &generated.readable };
            print!("{}", crate::diff::unified(&name, None, text));
            files_changed += 1;
        }
    }
    eprintln!("gorch: {files_changed} files changed in {packages_changed} packages");
    Ok(0)
}

fn shown(path: &Path, cwd: &Path) -> String {
    path.strip_prefix(cwd).unwrap_or(path).display().to_string()
}

const FIELD: char = '\u{1f}';
const ITEM: char = '\u{1e}';

/// The packages a build of `args` compiles, from `go list -deps`.
fn list_packages(args: &[String]) -> Result<Vec<Package>, Error> {
    let template = "{{.ImportPath}}\u{1f}{{.Name}}\u{1f}{{.Dir}}\u{1f}{{join .GoFiles \"\\x1e\"}}\u{1f}{{join .CgoFiles \"\\x1e\"}}\u{1f}{{join .Imports \"\\x1e\"}}\u{1f}{{range $k, $v := .ImportMap}}{{$k}}\u{1e}{{end}}";
    let go = which::which("go").map_err(|_| Error::Usage("the go command is not on PATH".to_string()))?;
    let mut command = Command::new(&go);
    command.args(["list", "-deps", "-f", template]).args(args);
    if args.iter().all(|a| a.starts_with('-')) {
        command.arg(".");
    }
    let output = command.output().map_err(|e| Error::spawn(&go, e))?;
    if !output.status.success() {
        return Err(Error::Usage(format!("go list failed:\n{}", String::from_utf8_lossy(&output.stderr).trim_end())));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut packages = Vec::new();
    for line in stdout.lines().filter(|l| !l.is_empty()) {
        let fields: Vec<&str> = line.split(FIELD).collect();
        let [path, name, dir, go_files, cgo_files, imports, import_map] = fields[..] else {
            return Err(Error::Usage(format!("unexpected go list output: {line:?}")));
        };
        let items = |s: &str| s.split(ITEM).filter(|x| !x.is_empty()).map(str::to_string).collect::<Vec<_>>();
        let files: Vec<PathBuf> =
            items(go_files).into_iter().chain(items(cgo_files)).map(|f| Path::new(dir).join(f)).collect();
        if files.is_empty() {
            continue;
        }
        let imports: BTreeSet<String> = items(imports).into_iter().chain(items(import_map)).collect();
        let info = PackageInfo {
            import_path: path.to_string(),
            name: name.to_string(),
            test: false,
            testmain: false,
            imports: Some(imports),
        };
        packages.push(Package { info, files });
    }
    Ok(packages)
}

/// Loose files, grouped by directory; the import path comes from the
/// enclosing module's go.mod.
fn packages_of_files(args: &[String]) -> Result<Vec<Package>, Error> {
    let mut packages: Vec<Package> = Vec::new();
    for arg in args {
        let path = std::fs::canonicalize(arg).map_err(|e| Error::io(arg, e))?;
        let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        if let Some(p) = packages.iter_mut().find(|p| p.files[0].parent() == Some(&dir)) {
            p.files.push(path);
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let name = crate::go::source::scan_package_name(&text).unwrap_or("main").to_string();
        let info = PackageInfo {
            import_path: import_path_of(&dir),
            test: name.ends_with("_test") || arg.ends_with("_test.go"),
            testmain: false,
            name,
            imports: None,
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
