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
