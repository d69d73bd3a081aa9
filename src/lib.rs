//! gorch: compile-time instrumentation for Go, as a `-toolexec` proxy that
//! rewrites packages from YAML aspects.
//!
//! `run` decides between the two ways gorch is invoked: by the go command
//! (`gorch /abs/path/to/tool args...`, see `toolexec`) or by a person
//! (`gorch <command>`, see `cli`).

pub mod aspect;
pub mod cache;
pub mod cli;
pub mod coverage;
pub mod deps;
pub mod diff;
mod diff_cmd;
mod digest;
pub mod error;
pub mod go;
pub mod identity;
pub mod log;
pub mod nested_go;
pub mod pin;
pub mod report;
pub mod rewrite;
pub mod survey;
pub mod toolexec;
pub mod version;

/// The process entry point; returns the exit status.
pub fn run() -> i32 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let result = if toolexec::is_tool_invocation(&args) { toolexec::run(&args[1..]) } else { cli::main(args) };
    match result {
        Ok(status) => status,
        Err(err) => {
            eprintln!("gorch: {err}");
            1
        }
    }
}
