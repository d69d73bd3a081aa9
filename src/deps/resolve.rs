//! Export archives of packages that advice injects.
//!
//! The go command planned the build before gorch added any import, so it
//! neither built the injected packages nor lists them. gorch asks a nested
//! `go list -deps -export`, run with the outer build's flags and through
//! gorch itself (so every archive has the same toolexec identity, and is
//! instrumented exactly as the outer build would instrument it), for the
//! archives of the injected packages and of everything they import.
//!
//! The go command runs many compiles at once; a resolution is done once
//! per build: the first gorch process that needs it takes a lock in the
//! build's work directory (`$WORK/gorch/`), the others wait and read its
//! answer. Across builds, answers are kept in gorch's cache, keyed by all
//! they depend on (gorch's identity, the flags and the environment of the
//! build, GOCACHE, the module files, the package set) and used only while
//! every archive they name is still there. A resolution that would need
//! itself (advice injecting into a dependency of what it injects) is a
//! cycle, reported instead of waited for.

use super::buildflags::BuildFlags;
use super::fingerprint;
use crate::cache::Cache;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Resolutions in progress up the process chain, to catch cycles.
const RESOLVING: &str = "GORCH_RESOLVING";
const FIELD: char = '\u{1f}';

#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    #[error("cannot run the go command: {0}")]
    Spawn(#[source] std::io::Error),
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("go list failed:\n{0}")]
    GoList(String),
    /// Packages go list reported errors for: (import path, message).
    #[error("{}", .0.iter().map(|(p, m)| format!("{p}: {m}")).collect::<Vec<_>>().join("\n"))]
    Packages(Vec<(String, String)>),
    #[error(
        "import cycle: resolving {0} needs the same resolution again (advice injects a package into one of its own dependencies)"
    )]
    Cycle(String),
}

/// Import path to archive, for the injected packages and their closure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    pub archives: BTreeMap<String, PathBuf>,
}

impl Resolution {
    fn encode(&self) -> String {
        self.archives.iter().map(|(p, a)| format!("{p}{FIELD}{}\n", a.display())).collect()
    }

    fn decode(text: &str) -> Resolution {
        let archives =
            text.lines().filter_map(|l| l.split_once(FIELD)).map(|(p, a)| (p.to_string(), PathBuf::from(a))).collect();
        Resolution { archives }
    }
}

pub struct Resolver {
    pub flags: BuildFlags,
    /// gorch's identity in this build, handed to nested go commands.
    pub identity: String,
    /// The gorch binary, passed as -toolexec to nested builds.
    pub gorch: PathBuf,
    /// Where the go command runs (the module the build is in).
    pub dir: PathBuf,
    /// The build's work directory, shared by its gorch processes.
    pub work: Option<PathBuf>,
    /// What `prepare` resolves for this build, if anything: an answer for
    /// these covers every subset.
    pub prepared: Option<BTreeSet<String>>,
}

impl Resolver {
    /// Resolves `paths`, with `extra` flags for the nested build (a PGO
    /// profile: see `pgo`).
    pub fn resolve(&self, paths: &BTreeSet<String>, extra: &[String]) -> Result<Resolution, ResolveError> {
        let mut nested = self.flags.nested();
        nested.extend(extra.iter().cloned());
        let key = key(&nested, paths, &self.dir);
        let resolving = std::env::var(RESOLVING).unwrap_or_default();
        if resolving.split(',').any(|k| k == key) {
            return Err(ResolveError::Cycle(joined(paths)));
        }
        let Some(work) = &self.work else {
            return self.run(&nested, paths, &key, &resolving);
        };
        let dir = work.join("gorch");
        fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
        let lock_path = dir.join(format!("{key}.lock"));
        let lock = fs::File::create(&lock_path).map_err(|e| io(&lock_path, e))?;
        lock.lock().map_err(|e| io(&lock_path, e))?;
        let answer = dir.join(format!("{key}.resolved"));
        if let Ok(text) = fs::read_to_string(&answer) {
            crate::log::event(format_args!("resolve {}: reused this build's answer", joined(paths)));
            return Ok(Resolution::decode(&text));
        }
        let resolution = self.run(&nested, paths, &key, &resolving)?;
        let partial = dir.join(format!("{key}.partial"));
        fs::write(&partial, resolution.encode()).map_err(|e| io(&partial, e))?;
        fs::rename(&partial, &answer).map_err(|e| io(&answer, e))?;
        Ok(resolution)
    }

    /// Resolves `paths` ahead of a build's compiles, into gorch's cache,
    /// where the build's compiles look first (see `toolexec::prepare`).
    pub fn prepare(&self, paths: &BTreeSet<String>) -> Result<(), ResolveError> {
        let nested = self.flags.nested();
        let key = key(&nested, paths, &self.dir);
        self.run(&nested, paths, &key, "").map(drop)
    }

    /// A resolution from gorch's cache (its own, or the one prepared
    /// before the build when that covers it), or a nested go list whose
    /// answer goes into the cache. One build at a time runs a given list:
    /// the others wait for its answer.
    fn run(
        &self,
        nested: &[String],
        paths: &BTreeSet<String>,
        key: &str,
        resolving: &str,
    ) -> Result<Resolution, ResolveError> {
        // An overlay can replace any file of any package: its answers are
        // not kept.
        let Some(cache) = Cache::open().ok().flatten().filter(|_| fingerprint::file_flag(nested, "overlay").is_none())
        else {
            return self.list(nested, paths, key, resolving);
        };
        let lasting = self.lasting_key(nested, paths);
        if let Some(found) = self.cached(&cache, nested, paths, &lasting) {
            return Ok(found);
        }
        let _lock = cache.lock(&lasting);
        if let Some(found) = self.cached(&cache, nested, paths, &lasting) {
            return Ok(found);
        }
        let resolution = self.list(nested, paths, key, resolving)?;
        // A cache that cannot be written only costs speed; the compile
        // step says so once.
        let _ = cache.put("resolve", &lasting, resolution.encode().as_bytes());
        Ok(resolution)
    }

    fn cached(&self, cache: &Cache, nested: &[String], paths: &BTreeSet<String>, lasting: &str) -> Option<Resolution> {
        let usable = |key: &str| {
            let resolution = Resolution::decode(&String::from_utf8_lossy(&cache.get("resolve", key)?));
            let whole = paths.iter().all(|p| resolution.archives.contains_key(p));
            (whole && resolution.archives.values().all(|a| a.is_file())).then_some(resolution)
        };
        if let Some(found) = usable(lasting) {
            crate::log::event(format_args!("resolve {}: from gorch's cache", joined(paths)));
            return Some(found);
        }
        let prepared = self.prepared.as_ref().filter(|p| *p != paths && p.is_superset(paths))?;
        let found = usable(&self.lasting_key(nested, prepared))?;
        crate::log::event(format_args!("resolve {}: prepared before the build", joined(paths)));
        Some(found)
    }

    /// What a resolution depends on beyond one build: gorch's identity
    /// (which covers the aspects and the sources of injected packages
    /// outside the module cache), the package set, and the build
    /// (`fingerprint`).
    fn lasting_key(&self, nested: &[String], paths: &BTreeSet<String>) -> String {
        let mut parts: Vec<Vec<u8>> = vec![
            b"resolve".to_vec(),
            self.identity.as_bytes().to_vec(),
            paths.iter().cloned().collect::<Vec<_>>().join("\n").into_bytes(),
        ];
        parts.extend(fingerprint::of_build(&self.dir, nested));
        let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        crate::cache::key(&refs)
    }

    fn list(
        &self,
        nested: &[String],
        paths: &BTreeSet<String>,
        key: &str,
        resolving: &str,
    ) -> Result<Resolution, ResolveError> {
        let template = "{{.ImportPath}}\u{1f}{{.Export}}\u{1f}{{if .Error}}{{printf \"%q\" .Error.Err}}{{end}}";
        let mut command = crate::deps::gocmd::go();
        command
            .current_dir(&self.dir)
            .args(["list", "-e", "-deps", "-export"])
            .arg(crate::nested_go::toolexec_flag(&self.gorch))
            .args(nested)
            .args(["-f", template])
            .args(paths)
            .env_remove("TOOLEXEC_IMPORTPATH")
            .env(crate::nested_go::IDENTITY, &self.identity)
            .env(RESOLVING, if resolving.is_empty() { key.to_string() } else { format!("{resolving},{key}") });
        let started = std::time::Instant::now();
        let output = command.output().map_err(ResolveError::Spawn)?;
        crate::log::event(format_args!(
            "resolve {}: go list -deps -export {} took {:.2}s",
            joined(paths),
            nested.join(" "),
            started.elapsed().as_secs_f64()
        ));
        if !output.status.success() {
            return Err(ResolveError::GoList(String::from_utf8_lossy(&output.stderr).trim_end().to_string()));
        }
        let mut resolution = Resolution::default();
        let mut errors = Vec::new();
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            let mut fields = line.split(FIELD);
            let (Some(path), Some(export), error) = (fields.next(), fields.next(), fields.next()) else { continue };
            if let Some(quoted) = error.filter(|e| !e.is_empty()) {
                errors.push((path.to_string(), unquote(quoted)));
            } else if !export.is_empty() {
                resolution.archives.insert(path.to_string(), PathBuf::from(export));
            }
        }
        if !errors.is_empty() {
            return Err(ResolveError::Packages(errors));
        }
        Ok(resolution)
    }
}

fn joined(paths: &BTreeSet<String>) -> String {
    paths.iter().cloned().collect::<Vec<_>>().join(",")
}

fn io(path: &Path, source: std::io::Error) -> ResolveError {
    ResolveError::Io { path: path.display().to_string(), source }
}

/// What a resolution depends on within one build.
fn key(flags: &[String], paths: &BTreeSet<String>, dir: &Path) -> String {
    let mut hasher = Sha256::new();
    for part in flags.iter().chain(paths).map(String::as_str).chain([dir.to_string_lossy().as_ref()]) {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    crate::digest::hex(&hasher.finalize()[..12])
}

/// Undoes Go's `%q` for the messages go list prints.
fn unquote(quoted: &str) -> String {
    let inner = quoted.strip_prefix('"').and_then(|q| q.strip_suffix('"')).unwrap_or(quoted);
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolutions_round_trip() {
        let mut r = Resolution::default();
        r.archives.insert("net/url".into(), PathBuf::from("/c/ab-d"));
        r.archives.insert("strings".into(), PathBuf::from("/c/cd-d"));
        assert_eq!(Resolution::decode(&r.encode()), r);
    }

    #[test]
    fn go_messages_unquote() {
        assert_eq!(
            unquote(r#""no required module provides package x; to add it:\n\tgo get x""#),
            "no required module provides package x; to add it:\n\tgo get x"
        );
    }

    #[test]
    fn keys_depend_on_flags_and_paths() {
        let paths: BTreeSet<String> = ["net/url".to_string()].into();
        let a = key(&[], &paths, Path::new("/m"));
        assert_eq!(a.len(), 24);
        assert_ne!(a, key(&["-race".to_string()], &paths, Path::new("/m")));
    }
}
