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
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Error {
        Error::Io { path: path.as_ref().display().to_string(), source }
    }

    pub fn spawn(program: impl AsRef<std::ffi::OsStr>, source: std::io::Error) -> Error {
        Error::Spawn { program: program.as_ref().to_string_lossy().into_owned(), source }
    }
}
