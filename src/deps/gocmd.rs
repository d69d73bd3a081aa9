//! The go command that gorch runs for itself.
//!
//! Inside a build, the go command passes GOROOT to every tool it runs;
//! nested go commands must be that toolchain's, not whichever `go` comes
//! first on PATH, or they would build with another compiler.

use std::path::PathBuf;
use std::process::Command;

/// A `go` command of the toolchain in use.
pub fn go() -> Command {
    Command::new(program())
}

fn program() -> PathBuf {
    if let Some(root) = std::env::var_os("GOROOT").filter(|r| !r.is_empty()) {
        let go = PathBuf::from(root).join("bin").join("go");
        if go.is_file() {
            return go;
        }
    }
    PathBuf::from("go")
}

/// What identifies the toolchain on disk, for keys that outlive a build:
/// its VERSION file and the size and modification time of the go command
/// (an upgrade in place changes them).
pub fn toolchain_stamp() -> Vec<u8> {
    let program = program();
    let program = if program.is_absolute() { program } else { which::which(&program).unwrap_or(program) };
    let mut stamp = program.to_string_lossy().into_owned().into_bytes();
    if let Ok(meta) = std::fs::metadata(&program) {
        let modified = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
        stamp.extend(format!("\n{} {:?}", meta.len(), modified).bytes());
    }
    if let Some(root) = program.parent().and_then(|bin| bin.parent()) {
        stamp.extend(std::fs::read(root.join("VERSION")).unwrap_or_default());
    }
    stamp
}
