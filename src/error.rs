//! The error a gorch command ends with. Library modules have their own
//! typed errors; this gathers them for the one message the user sees,
//! prefixed with `gorch: ` by `run`.

use crate::aspect::AspectError;
use crate::rewrite::RewriteError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Aspects(#[from] AspectError),
    #[error(transparent)]
    Rewrite(#[from] RewriteError),
    #[error(transparent)]
    CacheSize(#[from] crate::cache::CacheSizeError),
    #[error("cannot run {program}: {source}")]
    Spawn {
        program: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the go command is not on PATH")]
    GoNotFound,
    /// A go command gorch ran (`go list`, `go get`, `go work use`) failed.
    #[error("{command} failed:\n{stderr}")]
    GoFailed { command: String, stderr: String },
    #[error("unexpected {command} output: {line:?}")]
    GoOutput { command: String, line: String },
    #[error("compile invocation without -o")]
    CompileWithoutOutput,
    #[error("{package}: {source}")]
    Pgo {
        package: String,
        #[source]
        source: crate::deps::pgo::PgoError,
    },
    #[error("{dir} is not inside a Go module (no go.mod){hint}")]
    NotInModule { dir: String, hint: &'static str },
    #[error("{path} exists and was not written by gorch pin; move it away")]
    NotOurs { path: String },
    #[error("gorch go runs the go command's {building} subcommands; run `go {subcommand}` directly")]
    NotABuild { subcommand: String, building: String },
    #[error(transparent)]
    MissingRequirement(Box<MissingRequirement>),
    #[error("cannot build the packages that {injector} injects:\n{source}")]
    Resolve {
        /// `aspect "x" (gorch.yaml:3)`, or who else injected them.
        injector: String,
        #[source]
        source: crate::deps::resolve::ResolveError,
    },
    #[error(
        "{location}: aspect {aspect:?} injects {packages} into {into}, but {into} is among their dependencies: advice cannot add an import cycle; narrow the aspect's join point (an import-path filter) so that it leaves {into} alone"
    )]
    ImportCycle { location: String, aspect: String, packages: String, into: String },
    #[error(
        "{location}: aspect {aspect:?} changes internals of {package} that differ between Go releases, and knows Go 1.{min} to 1.{max}; this build uses {release}: build with a release it knows, or turn the aspect off (disable: [{aspect}])"
    )]
    UnknownGo { location: String, aspect: String, package: String, release: String, min: u32, max: u32 },
}

impl Error {
    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Error {
        Error::Io { path: path.as_ref().display().to_string(), source }
    }

    pub fn spawn(program: impl AsRef<std::ffi::OsStr>, source: std::io::Error) -> Error {
        Error::Spawn { program: program.as_ref().to_string_lossy().into_owned(), source }
    }
}

/// Advice imports a package from a module the build does not have.
#[derive(Debug, thiserror::Error)]
#[error(
    "{location}: aspect {aspect:?} injects {package}, but this module does not require {module} (go: {detail}); run `gorch pin` to add {module}@{version} to go.mod and go.sum, and to vendor/ when the module vendors"
)]
pub struct MissingRequirement {
    pub location: String,
    pub aspect: String,
    pub package: String,
    pub module: String,
    pub version: String,
    pub detail: String,
}
