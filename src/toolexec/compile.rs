//! The compile step: rewrite the package's Go files, then run the real
//! compiler on the rewritten copies.
//!
//! The argv is turned into a `CompileJob` first; everything after reads
//! named fields. The cheap path comes first: a package no aspect can match
//! (judged from its importcfg and the text of its files) is compiled as
//! is, unparsed. A package whose files tree-sitter cannot parse is compiled
//! untouched too, so the user sees the compiler's own message.

use super::rewrite_cache::{self, Outcome};
use super::{inject, passthrough};
use crate::aspect::AspectSet;
use crate::cache::Cache;
use crate::deps::{archive, depends, importcfg, pgo};
use crate::error::Error;
use crate::go::source::{SourceFile, SyntaxErrorAt, Unrewritable, scan_package_name};
use crate::rewrite::{self, PackageInfo};
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::{OsStr, OsString};
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A compiler invocation, with the fields gorch uses named.
#[derive(Debug, Clone)]
pub struct CompileJob {
    pub tool: PathBuf,
    pub args: Vec<OsString>,
    /// Where the Go files are in `args` (always last on the command line).
    pub files: Range<usize>,
    /// The archive the compiler writes (`-o`).
    pub output: PathBuf,
    /// The package's object directory (`$WORK/bNNN/`), from `-o`.
    pub objdir: PathBuf,
    pub importcfg: Option<PathBuf>,
    /// Where the importcfg path is in `args`.
    importcfg_arg: Option<usize>,
    /// The preprocessed profile of a profile-guided build.
    pub pgoprofile: Option<PathBuf>,
    /// `-goversion`: the toolchain's version.
    pub go_version: Option<String>,
    /// The import path as the go command knows it (`TOOLEXEC_IMPORTPATH`),
    /// with a ` [p.test]` suffix for test variants.
    pub import_path: String,
}

impl CompileJob {
    pub fn parse(tool: &Path, args: &[OsString], toolexec_importpath: Option<String>) -> Result<CompileJob, Error> {
        let mut output = None;
        let mut package = None;
        let mut importcfg = None;
        let mut importcfg_arg = None;
        let mut pgoprofile = None;
        let mut go_version = None;
        let mut i = 0;
        let files_start = args.iter().rposition(|a| !is_go_file(a)).map_or(0, |last_flag| last_flag + 1);
        while i < files_start {
            let arg = args[i].to_string_lossy();
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) => (f.to_string(), Some(v.to_string())),
                None => (arg.to_string(), None),
            };
            let takes_value = matches!(flag.as_str(), "-o" | "-p" | "-importcfg" | "-pgoprofile" | "-goversion");
            if takes_value {
                let value = match inline {
                    Some(v) => v,
                    None => {
                        i += 1;
                        args.get(i).map(|v| v.to_string_lossy().into_owned()).unwrap_or_default()
                    }
                };
                match flag.as_str() {
                    "-o" => output = Some(PathBuf::from(value)),
                    "-p" => package = Some(value),
                    "-pgoprofile" => pgoprofile = Some(PathBuf::from(value)),
                    "-goversion" => go_version = Some(value),
                    _ => {
                        importcfg = Some(PathBuf::from(value));
                        importcfg_arg = Some(i);
                    }
                }
            }
            i += 1;
        }
        let output = output.ok_or(Error::CompileWithoutOutput)?;
        let objdir = output.parent().map(Path::to_path_buf).unwrap_or_default();
        let package = package.unwrap_or_default();
        Ok(CompileJob {
            tool: tool.to_path_buf(),
            args: args.to_vec(),
            files: files_start..args.len(),
            output,
            objdir,
            importcfg_arg,
            pgoprofile,
            go_version,
            import_path: toolexec_importpath.filter(|p| !p.is_empty()).unwrap_or(package),
            importcfg,
        })
    }

    /// `args` with the importcfg replaced by `path`.
    fn with_importcfg(&self, mut args: Vec<OsString>, path: &Path) -> Vec<OsString> {
        if let Some(i) = self.importcfg_arg {
            let inline = args[i].to_string_lossy().starts_with("-importcfg=");
            args[i] = if inline { format!("-importcfg={}", path.display()).into() } else { path.into() };
        }
        args
    }

    pub fn go_files(&self) -> &[OsString] {
        &self.args[self.files.clone()]
    }

    /// The import path without the test-variant suffix.
    fn plain_import_path(&self) -> &str {
        self.import_path.split(" [").next().unwrap_or(&self.import_path)
    }

    fn is_test(&self, package_name: &str) -> bool {
        self.import_path.contains(" [") || self.import_path.ends_with(".test") || package_name.ends_with("_test")
    }

    fn is_testmain(&self) -> bool {
        self.go_files().iter().any(|f| Path::new(f).file_name() == Some(OsStr::new("_testmain.go")))
    }
}

fn is_go_file(arg: &OsString) -> bool {
    let s = arg.to_string_lossy();
    s.ends_with(".go") && !s.starts_with('-')
}

pub fn run(tool: &Path, args: &[OsString]) -> Result<i32, Error> {
    let job = CompileJob::parse(tool, args, std::env::var("TOOLEXEC_IMPORTPATH").ok())?;
    if job.files.is_empty() {
        return passthrough::run(tool, args);
    }
    let cwd = std::env::current_dir().map_err(|e| Error::io(".", e))?;
    let all = AspectSet::load(&cwd)?;
    let importcfg = match &job.importcfg {
        Some(path) => Some(fs::read_to_string(path).map_err(|e| Error::io(path, e))?),
        None => None,
    };
    let depends_on = depends::of_importcfg(&all.depended_on(), importcfg.as_deref().unwrap_or(""))?;
    let compiled = Compiled { output: &job.output, depends_on: &depends_on };
    compile(&job, &all, importcfg.as_deref(), &compiled)
}

/// What a successful compile leaves in its archive besides the package.
struct Compiled<'a> {
    output: &'a Path,
    /// The watched packages the package depends on (`deps::depends`).
    depends_on: &'a BTreeSet<String>,
}

impl Compiled<'_> {
    /// Runs the compiler with `args`: in gorch's place when nothing is to
    /// be added to its archive.
    fn run(&self, tool: &Path, args: &[OsString]) -> Result<i32, Error> {
        if self.depends_on.is_empty() {
            return passthrough::run(tool, args);
        }
        let status = Command::new(tool).args(args).status().map_err(|e| Error::spawn(tool, e))?;
        self.finish(status)
    }

    /// After the compiler ran: records what the link and later compiles
    /// need to know.
    fn finish(&self, status: std::process::ExitStatus) -> Result<i32, Error> {
        if status.success() && !self.depends_on.is_empty() {
            depends::record(self.output, self.depends_on).map_err(|e| Error::io(self.output, e))?;
        }
        Ok(crate::toolexec::exit_code(status))
    }
}

fn compile(job: &CompileJob, all: &AspectSet, importcfg: Option<&str>, compiled: &Compiled) -> Result<i32, Error> {
    let (tool, args) = (job.tool.as_path(), job.args.as_slice());
    let Some(aspects) = all.for_package(job.plain_import_path()) else {
        return compiled.run(tool, args);
    };
    let aspects: &AspectSet = &aspects;
    let Some(texts) = read_files(job) else {
        // Unreadable or not UTF-8: the compiler has the right message.
        return compiled.run(tool, args);
    };
    let name = scan_package_name(&texts[0]).unwrap_or_default().to_string();
    let info = PackageInfo {
        import_path: job.plain_import_path().to_string(),
        test: job.is_test(&name),
        testmain: job.is_testmain(),
        name,
        imports: importcfg.map(importcfg::importable),
        depends_on: Some(compiled.depends_on.clone()),
    };
    let text_refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let changing = rewrite::may_change(aspects, &info, &text_refs);
    if changing.is_empty() {
        return compiled.run(tool, args);
    }
    let release = job.go_version.as_deref().unwrap_or("an unknown Go release");
    if let Some(aspect) = changing.iter().find(|a| !a.knows_go(release)) {
        let (min, max) = aspect.go.unwrap_or_default();
        return Err(Error::UnknownGo {
            location: aspect.location(),
            aspect: aspect.id.clone(),
            package: info.import_path.clone(),
            release: release.to_string(),
            min,
            max,
        });
    }

    let names: Vec<String> = job.go_files().iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let cache = Cache::open()?;
    let key = {
        let named: Vec<(String, &str)> = names.iter().cloned().zip(texts.iter().map(String::as_str)).collect();
        rewrite_cache::key(aspects, job.go_version.as_deref().unwrap_or(""), &info, &named)
    };
    let cached = cache.as_ref().and_then(|c| c.get("rewrite", &key)).and_then(|b| Outcome::decode(&b));
    let outcome = match cached {
        Some(outcome) => {
            crate::log::event(format_args!("rewrite {}: from gorch's cache", info.import_path));
            outcome
        }
        None => {
            let files: Vec<SourceFile> = names.into_iter().zip(texts).map(|(n, t)| SourceFile::parse(n, t)).collect();
            if let Some((file, why)) = files.iter().find_map(|f| f.unrewritable().map(|why| (f, why))) {
                return compile_untouched(job, compiled, &file.name, why, &info.import_path);
            }
            let outcome = Outcome::of(&rewrite::rewrite(aspects, &info, &files)?);
            crate::log::event(format_args!("rewrite {}: parsed and matched", info.import_path));
            if let Some(cache) = &cache
                && let Err(e) = cache.put("rewrite", &key, &outcome.encode())
            {
                warn_once(job, cache, &e);
            }
            outcome
        }
    };
    let Outcome::Rewritten { files, generated, imports } = outcome else {
        return compiled.run(tool, args);
    };
    let args = write_rewritten(job, &files, generated.as_deref())?;
    let injected: BTreeMap<String, String> =
        imports.iter().filter(|(path, _)| !info.can_import(path)).map(|(p, a)| (p.clone(), a.clone())).collect();
    if injected.is_empty() {
        return compiled.run(tool, &args);
    }
    compile_with_injected(job, compiled, args, all, &info, &injected)
}

/// Resolves the packages advice added, compiles with them in a copy of the
/// importcfg, and records them in the archive for the link step.
fn compile_with_injected(
    job: &CompileJob,
    compiled: &Compiled,
    args: Vec<OsString>,
    aspects: &AspectSet,
    info: &PackageInfo,
    injected: &BTreeMap<String, String>,
) -> Result<i32, Error> {
    let resolver = inject::resolver(aspects, job.objdir.parent().map(Path::to_path_buf))?;
    let extra: Vec<String> = match &job.pgoprofile {
        Some(profile) => pgo::nested_flag(profile, &resolver.flags, &resolver.dir)
            .map_err(|source| Error::Pgo { package: info.import_path.clone(), source })?
            .into_iter()
            .collect(),
        None => Vec::new(),
    };
    let resolution = inject::resolve(&resolver, aspects, injected, &extra, Some(&info.import_path))?;
    let original = match &job.importcfg {
        Some(path) => fs::read_to_string(path).map_err(|e| Error::io(path, e))?,
        None => String::new(),
    };
    let direct = resolution.archives.iter().filter(|(path, _)| injected.contains_key(*path));
    let importcfg = job.objdir.join("gorch").join("importcfg");
    fs::write(&importcfg, inject::extend_importcfg(&original, direct)).map_err(|e| Error::io(&importcfg, e))?;
    let args = job.with_importcfg(args, &importcfg);

    crate::log::event(format_args!(
        "compile {}: injected {}",
        info.import_path,
        injected.keys().cloned().collect::<Vec<_>>().join(",")
    ));
    let status = Command::new(&job.tool).args(&args).status().map_err(|e| Error::spawn(&job.tool, e))?;
    if status.success() {
        let record = inject::record(injected.keys(), &extra);
        archive::append_member(&job.output, archive::MEMBER, record.as_bytes())
            .map_err(|e| Error::io(&job.output, e))?;
    }
    compiled.finish(status)
}

fn read_files(job: &CompileJob) -> Option<Vec<String>> {
    job.go_files().iter().map(|f| fs::read_to_string(f).ok()).collect()
}

/// Compiles the original files. If the compiler accepts a file gorch
/// could not rewrite, the package goes uninstrumented, and gorch says so.
fn compile_untouched(
    job: &CompileJob,
    compiled: &Compiled,
    file: &str,
    why: Unrewritable,
    package: &str,
) -> Result<i32, Error> {
    let status = Command::new(&job.tool).args(&job.args).status().map_err(|e| Error::spawn(&job.tool, e))?;
    if status.success() {
        let SyntaxErrorAt { line, column } = why.at;
        eprintln!(
            "gorch: warning: {file}:{line}:{column}: {}, so package {package} was compiled without instrumentation",
            why.reason
        );
    }
    compiled.finish(status)
}

/// Writes the rewritten files under the package's object directory (which
/// the go command's `-trimpath` rewrite covers) and returns the compiler
/// arguments that use them.
fn write_rewritten(
    job: &CompileJob,
    files: &[(usize, String)],
    generated: Option<&str>,
) -> Result<Vec<OsString>, Error> {
    let dir = job.objdir.join("gorch");
    fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let mut args = job.args.clone();
    let mut used: Vec<OsString> = Vec::new();
    for (index, text) in files {
        let original = Path::new(&job.go_files()[*index]);
        let mut name = original.file_name().map(OsStr::to_os_string).unwrap_or_else(|| "file.go".into());
        if used.contains(&name) {
            name = format!("{index}_{}", name.to_string_lossy()).into();
        }
        used.push(name.clone());
        let path = dir.join(&name);
        fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
        args[job.files.start + index] = path.into_os_string();
    }
    if let Some(generated) = generated {
        let path = dir.join("gorch_generated.go");
        fs::write(&path, generated).map_err(|e| Error::io(&path, e))?;
        args.push(path.into_os_string());
    }
    Ok(args)
}

/// Says once per build that gorch's cache cannot be written (the first
/// gorch process of the build to find out creates a marker in `$WORK`).
pub fn warn_once(job: &CompileJob, cache: &Cache, err: &std::io::Error) {
    let marker = job.objdir.parent().map(|w| w.join("gorch").join("cache-warned"));
    let first =
        marker.is_none_or(|m| fs::create_dir_all(m.parent().unwrap_or(&m)).is_ok() && fs::File::create_new(&m).is_ok());
    if first {
        eprintln!(
            "gorch: warning: cannot write to gorch's cache at {} ({err}); building without it",
            cache.root().display()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn parses_the_go_command_argv() {
        let args = os(&[
            "-o",
            "/w/b012/_pkg_.a",
            "-trimpath",
            "/w/b012=>",
            "-p",
            "main",
            "-lang=go1.24",
            "-complete",
            "-buildid",
            "A/A",
            "-goversion",
            "go1.26.8",
            "-c=2",
            "-nolocalimports",
            "-importcfg",
            "/w/b012/importcfg",
            "-pack",
            "/src/app/main.go",
            "/src/app/util.go",
        ]);
        let job = CompileJob::parse(Path::new("/go/compile"), &args, Some("example.com/app".into())).unwrap();
        assert_eq!(job.objdir, PathBuf::from("/w/b012"));
        assert_eq!(job.import_path, "example.com/app");
        assert_eq!(job.importcfg, Some(PathBuf::from("/w/b012/importcfg")));
        assert_eq!(job.go_files(), &os(&["/src/app/main.go", "/src/app/util.go"])[..]);
    }

    #[test]
    fn test_variants_keep_their_plain_path() {
        let args = os(&["-o", "/w/b1/_pkg_.a", "-p", "example.com/app", "/src/a_test.go"]);
        let job =
            CompileJob::parse(Path::new("/go/compile"), &args, Some("example.com/app [example.com/app.test]".into()))
                .unwrap();
        assert_eq!(job.plain_import_path(), "example.com/app");
        assert!(job.is_test("app"));
    }
}
