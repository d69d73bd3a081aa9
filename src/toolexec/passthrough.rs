//! Running a tool untouched.
//!
//! On Unix gorch replaces itself with the tool (`exec`), so the tool's
//! stdio, exit status and signals are the go command's to see directly,
//! and gorch's memory is returned before the tool starts.

use crate::error::Error;
use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

pub fn run<S: AsRef<OsStr>>(tool: &Path, args: &[S]) -> Result<i32, Error> {
    let mut command = Command::new(tool);
    command.args(args);
    exec(command, tool)
}

#[cfg(unix)]
pub fn exec(mut command: Command, tool: &Path) -> Result<i32, Error> {
    use std::os::unix::process::CommandExt;
    let err = command.exec();
    Err(Error::spawn(tool, err))
}

#[cfg(not(unix))]
pub fn exec(mut command: Command, tool: &Path) -> Result<i32, Error> {
    let status = command.status().map_err(|e| Error::spawn(tool, e))?;
    Ok(status.code().unwrap_or(1))
}
