//! The `-V=full` probe.
//!
//! The go command runs `<tool> -V=full` once per build and folds the line
//! it prints into the cache key of every action that uses the tool. gorch
//! appends its identity (version, source fingerprint and the hash of the
//! aspects in force: see `identity`), so that builds with different aspects
//! never share cache entries while identical builds still hit the cache.
//! The compiler's probe comes before the build's first compile: it is where
//! gorch prepares the packages advice may inject (see `prepare`).
//!
//! Release toolchains key on the whole line; development toolchains only
//! on the text after the last `/` of the final `buildID=` field, so there
//! the identity goes inside that field, with no space.

use crate::aspect::AspectSet;
use crate::error::Error;
use crate::identity;
use crate::nested_go::IDENTITY;
use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::process::Command;

pub fn run(tool: &Path, args: &[OsString]) -> Result<i32, Error> {
    let output = Command::new(tool).args(args).output().map_err(|e| Error::spawn(tool, e))?;
    if !output.status.success() {
        std::io::stdout().write_all(&output.stdout).ok();
        std::io::stderr().write_all(&output.stderr).ok();
        return Ok(crate::toolexec::exit_code(output.status));
    }
    let cwd = std::env::current_dir().map_err(|e| Error::io(".", e))?;
    let identity = match std::env::var(IDENTITY) {
        // A nested go command that gorch runs: the build it serves has
        // prepared what it can.
        Ok(inherited) if !inherited.is_empty() => inherited,
        _ => {
            let aspects = AspectSet::load(&cwd)?;
            let identity = identity::of(&aspects, &cwd);
            if super::tool_name(tool) == "compile" {
                super::prepare::run(&aspects, &identity, &cwd);
            }
            identity.text
        }
    };
    let line = String::from_utf8_lossy(&output.stdout);
    let mut stdout = std::io::stdout();
    writeln!(stdout, "{}", with_identity(&line, &identity)).map_err(|e| Error::io("stdout", e))?;
    std::io::stderr().write_all(&output.stderr).ok();
    Ok(0)
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
