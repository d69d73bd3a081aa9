//! The link step. Nothing gorch adds needs the linker's attention yet, so
//! the linker runs untouched.

use crate::error::Error;
use std::ffi::OsString;
use std::path::Path;

pub fn run(tool: &Path, args: &[OsString]) -> Result<i32, Error> {
    super::passthrough::run(tool, args)
}
