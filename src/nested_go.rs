//! How gorch hands itself to a go command it runs (`go list -export` to
//! resolve injected packages, `gorch go build`): the `-toolexec` flag, and
//! the variable through which the nested command's gorch inherits the
//! build's identity. Shared by the toolexec side and the commands, so that
//! neither reaches into the other.

use std::path::Path;

/// Nested go commands that gorch runs inherit the identity through this
/// variable instead of computing it again.
pub const IDENTITY: &str = "GORCH_IDENTITY";

/// `-toolexec=PATH`, quoted for the go command's field splitting when the
/// path has spaces or quotes.
pub fn toolexec_flag(gorch: &Path) -> String {
    let path = gorch.display().to_string();
    if path.contains(|c: char| c.is_whitespace() || c == '\'' || c == '"') {
        if path.contains('\'') { format!("-toolexec=\"{path}\"") } else { format!("-toolexec='{path}'") }
    } else {
        format!("-toolexec={path}")
    }
}
