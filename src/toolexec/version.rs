//! The `-V=full` probe.
//!
//! The go command runs `<tool> -V=full` once per build and folds the line
//! it prints into the cache key of every action that uses the tool. gorch
//! appends its identity (version, source fingerprint and the hash of the
//! aspects in force), so that builds with different aspects never share
//! cache entries while identical builds still hit the cache.
//!
//! Release toolchains key on the whole line; development toolchains only
//! on the text after the last `/` of the final `buildID=` field, so there
//! the identity goes inside that field, with no space.

use crate::aspect::AspectSet;
use crate::error::Error;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::process::Command;

pub fn run(tool: &Path, args: &[OsString]) -> Result<i32, Error> {
    let output = Command::new(tool).args(args).output().map_err(|e| Error::spawn(tool, e))?;
    if !output.status.success() {
        std::io::stdout().write_all(&output.stdout).ok();
        std::io::stderr().write_all(&output.stderr).ok();
        return Ok(output.status.code().unwrap_or(1));
    }
    let cwd = std::env::current_dir().map_err(|e| Error::io(".", e))?;
    let identity = match std::env::var(IDENTITY) {
        Ok(inherited) if !inherited.is_empty() => inherited,
        _ => identity(&AspectSet::load(&cwd)?, &cwd),
    };
    let line = String::from_utf8_lossy(&output.stdout);
    let mut stdout = std::io::stdout();
    writeln!(stdout, "{}", with_identity(&line, &identity)).map_err(|e| Error::io("stdout", e))?;
    std::io::stderr().write_all(&output.stderr).ok();
    Ok(0)
}

/// Nested go commands that gorch runs inherit the identity through this
/// variable instead of computing it again.
pub const IDENTITY: &str = "GORCH_IDENTITY";

/// `gorch@<version>:<hash>`. The hash covers gorch's sources, every aspect
/// file, and the versions of every module that the injected packages come
/// from or depend on: a package compiled with injected imports must be
/// compiled again when what it imports changes, and the go command cannot
/// know it imports them.
pub fn identity(aspects: &AspectSet, dir: &Path) -> String {
    let modules = injected_modules(aspects, dir);
    let mut hasher = Sha256::new();
    hasher.update(aspects.hash.as_bytes());
    hasher.update([0]);
    hasher.update(modules.as_bytes());
    let hash: String = hasher.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("gorch@{}:{hash}", crate::version::VERSION)
}

/// What the archives of injected packages depend on, beyond the Go
/// version: for every non-standard package they need, its module and
/// version (and replacement), whether it comes from vendor/, the module's
/// directory (unless -trimpath keeps paths out of archives), and for
/// modules without a version (workspace modules, local replacements) a
/// hash of the package's files. Empty when the aspects inject nothing
/// outside the standard library. When the go command cannot list them (a
/// module missing from go.mod), its message stands in: the compile that
/// needs them reports the problem properly.
fn injected_modules(aspects: &AspectSet, dir: &Path) -> String {
    let paths: BTreeSet<&str> = aspects
        .aspects
        .iter()
        .flat_map(|a| a.advice.iter().flat_map(|x| x.import_paths()))
        .filter(|p| !crate::aspect::is_standard(p))
        .collect();
    if paths.is_empty() {
        return String::new();
    }
    let flags = crate::deps::buildflags::BuildFlags::of_outer_build();
    let trimpath = flags.flags.iter().any(|f| f == "-trimpath");
    let template = "{{if not .Standard}}{{.ImportPath}}\u{1f}{{.Dir}}\u{1f}{{join .GoFiles \"\\x1e\"}}\u{1f}{{with .Module}}{{.Path}}@{{.Version}}{{with .Replace}}=>{{.Path}}@{{.Version}}{{end}}\u{1f}{{.Dir}}{{end}}{{end}}";
    let started = std::time::Instant::now();
    let output = crate::deps::gocmd::go()
        .current_dir(dir)
        .args(["list", "-e", "-deps", "-f", template])
        .args(flags.readonly_override())
        .args(&paths)
        .env_remove("TOOLEXEC_IMPORTPATH")
        .output();
    crate::log::event(format_args!(
        "identity: go list -deps of injected packages took {:.2}s",
        started.elapsed().as_secs_f64()
    ));
    let out = match output {
        Ok(out) => out,
        Err(e) => return format!("cannot run go list: {e}"),
    };
    let mut text = String::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let fields: Vec<&str> = line.split('\u{1f}').collect();
        let [package, package_dir, files, module, module_dir] = fields[..] else { continue };
        text.push_str(&format!("{package} {module}"));
        if module_dir.is_empty() {
            text.push_str(" vendored");
        } else if !trimpath {
            text.push_str(&format!(" {module_dir}"));
        }
        // `path@` or `path@v1=>../local@`: the version says nothing.
        if module.ends_with('@') {
            text.push_str(&format!(" {}", hash_files(Path::new(package_dir), files.split('\u{1e}'))));
        }
        text.push('\n');
    }
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    text
}

/// A hash of a package's files, for modules whose version says nothing.
fn hash_files<'a>(dir: &Path, files: impl Iterator<Item = &'a str>) -> String {
    let mut hasher = Sha256::new();
    for file in files.filter(|f| !f.is_empty()) {
        hasher.update(file.as_bytes());
        hasher.update(std::fs::read(dir.join(file)).unwrap_or_default());
    }
    hasher.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The tool's version line with gorch's identity added where the go
/// command will read it.
pub fn with_identity(line: &str, identity: &str) -> String {
    let line = line.trim_end();
    let fields: Vec<&str> = line.split_whitespace().collect();
    let devel = fields.get(2).is_some_and(|f| f.contains("devel"));
    if devel && fields.last().is_some_and(|f| f.starts_with("buildID=")) {
        format!("{line}+{identity}")
    } else {
        format!("{line} {identity}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_lines_get_a_field() {
        assert_eq!(
            with_identity("compile version go1.26.8\n", "gorch@0.1.0:abc"),
            "compile version go1.26.8 gorch@0.1.0:abc"
        );
    }

    #[test]
    fn devel_lines_extend_the_build_id() {
        assert_eq!(
            with_identity("compile version devel go1.27-1a2b3c buildID=xyz/abc123\n", "gorch@0.1.0:abc"),
            "compile version devel go1.27-1a2b3c buildID=xyz/abc123+gorch@0.1.0:abc"
        );
    }
}
