//! The profile of a profile-guided build, for nested builds.
//!
//! With `-pgo=auto` (the go command's default), every package of a build
//! is compiled with the `default.pgo` of its main package, and that changes
//! their export data. A nested `go list -export` of injected packages has
//! no main package, so it must be given the profile explicitly, or its
//! archives would not match the outer build's and the link would fail with
//! a fingerprint mismatch.
//!
//! The compiler only sees a preprocessed copy (`-pgoprofile=...`). gorch
//! finds the original as the go command does, among the `default.pgo` files
//! of the directories the go command was asked to build, and confirms it by
//! preprocessing each candidate and comparing the bytes.

use super::buildflags::BuildFlags;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum PgoError {
    #[error("{path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot run go tool preprofile: {0}")]
    Preprofile(#[source] std::io::Error),
    #[error(
        "this is a profile-guided build, and gorch cannot tell which default.pgo it uses (looked at {looked_at}); pass -pgo=<file> to the go command"
    )]
    Unknown { looked_at: String },
}

/// The `-pgo=<file>` flag that nested builds need for a compile that got
/// `-pgoprofile=<preprocessed>`; `None` when the outer build's flags
/// already name the profile.
pub fn nested_flag(preprocessed: &Path, flags: &BuildFlags, cwd: &Path) -> Result<Option<String>, PgoError> {
    if flags.explicit_pgo_file().is_some() {
        return Ok(None);
    }
    let wanted = std::fs::read(preprocessed)
        .map_err(|source| PgoError::Read { path: preprocessed.display().to_string(), source })?;
    let candidates = candidates(flags, cwd);
    let scratch =
        tempfile::tempdir().map_err(|source| PgoError::Read { path: "a temporary directory".to_string(), source })?;
    for (i, candidate) in candidates.iter().enumerate() {
        let out = scratch.path().join(format!("{i}.preprofile"));
        let status = crate::deps::gocmd::go()
            .args(["tool", "preprofile", "-i"])
            .arg(candidate)
            .arg("-o")
            .arg(&out)
            .status()
            .map_err(PgoError::Preprofile)?;
        if status.success() && std::fs::read(&out).is_ok_and(|b| b == wanted) {
            return Ok(Some(format!("-pgo={}", candidate.display())));
        }
    }
    let looked_at = if candidates.is_empty() {
        "none found".to_string()
    } else {
        candidates.iter().map(|c| c.display().to_string()).collect::<Vec<_>>().join(", ")
    };
    Err(PgoError::Unknown { looked_at })
}

/// `default.pgo` files in the directories named by the outer build's
/// package arguments (`.`, `./cmd/app`, `./...`).
fn candidates(flags: &BuildFlags, cwd: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let patterns: Vec<&str> =
        if flags.patterns.is_empty() { vec!["."] } else { flags.patterns.iter().map(String::as_str).collect() };
    for pattern in patterns {
        let local = pattern == "."
            || pattern == ".."
            || pattern.starts_with("./")
            || pattern.starts_with("../")
            || pattern.starts_with('/');
        if !local {
            continue;
        }
        match pattern.strip_suffix("/...").or_else(|| (pattern == "...").then_some(".")) {
            Some(root) => walk(&cwd.join(root), &mut found),
            None => {
                let file = cwd.join(pattern).join("default.pgo");
                if file.is_file() {
                    found.push(file);
                }
            }
        }
    }
    let mut found: Vec<PathBuf> = found.into_iter().map(|f| std::fs::canonicalize(&f).unwrap_or(f)).collect();
    found.sort();
    found.dedup();
    found
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !(name.starts_with('.') || name.starts_with('_') || name == "vendor" || name == "testdata") {
                walk(&path, found);
            }
        } else if name == "default.pgo" {
            found.push(path);
        }
    }
}
