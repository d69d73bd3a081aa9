//! Toolexec mode: `gorch /abs/path/to/<tool> args...`, as run by
//! `go build -toolexec=gorch`.
//!
//! Every tool runs exactly as the go command asked (same argv, stdio and
//! exit status) except two: `compile`, whose Go files gorch may rewrite,
//! and the `-V=full` probe of `compile` and `link`, whose answer gorch
//! extends so that the go build cache keys cover the aspects in force.

mod compile;
mod inject;
pub mod link;
pub mod passthrough;
mod prepare;
pub mod rewrite_cache;
pub mod version;

use crate::error::Error;
use std::ffi::OsString;
use std::path::Path;

/// Is this command line a tool invocation from the go command? The go
/// command always passes the tool as an absolute path.
pub fn is_tool_invocation(args: &[OsString]) -> bool {
    args.get(1).is_some_and(|a| Path::new(a).is_absolute())
}

/// The tool's name: `compile` for `/go/pkg/tool/linux_amd64/compile`.
pub fn tool_name(tool: &Path) -> String {
    tool.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Runs the tool at `args[0]` with `args[1..]`. Returns the exit status to
/// exit with (when the tool was not exec'd in place).
pub fn run(args: &[OsString]) -> Result<i32, Error> {
    let tool = Path::new(&args[0]);
    let tool_args = &args[1..];
    let name = tool_name(tool);
    let probing_version = tool_args.len() == 1 && tool_args[0] == "-V=full";
    match name.as_str() {
        "compile" | "link" if probing_version => version::run(tool, tool_args),
        "compile" => compile::run(tool, tool_args),
        "link" => link::run(tool, tool_args),
        _ => passthrough::run(tool, tool_args),
    }
}

/// The exit code that reports a tool's end as a shell would: its own code,
/// or 128 plus the signal that killed it.
pub fn exit_code(status: std::process::ExitStatus) -> i32 {
    #[cfg(unix)]
    if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(&status) {
        return 128 + signal;
    }
    status.code().unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::exit_code;
    use std::process::Command;

    #[test]
    fn exit_codes_and_signals_reach_the_go_command() {
        let run = |script: &str| exit_code(Command::new("sh").args(["-c", script]).status().unwrap());
        assert_eq!(run("exit 7"), 7);
        assert_eq!(run("exit 0"), 0);
        assert_eq!(run("kill -9 $$"), 137);
    }
}
