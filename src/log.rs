//! An opt-in log of what gorch does inside a build: `GORCH_LOG=/path/file`.
//!
//! Each gorch process appends whole lines (one write each, so concurrent
//! processes do not interleave them): nested go commands with how long they
//! took, resolutions reused from another process, packages rewritten. It
//! is how a user, or the benchmark, sees what a build cost.

use std::io::Write;

pub const ENV: &str = "GORCH_LOG";

pub fn event(message: impl std::fmt::Display) {
    let Some(path) = std::env::var_os(ENV).filter(|p| !p.is_empty()) else { return };
    let line = format!("gorch[{}] {message}\n", std::process::id());
    if let Ok(mut file) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
        let _ = file.write_all(line.as_bytes());
    }
}
