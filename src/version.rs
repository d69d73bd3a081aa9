//! gorch's identity: its version and a fingerprint of the sources it was
//! built from (computed by build.rs).

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// First 16 hex digits of a SHA-256 over gorch's sources and built-in
/// aspects. Two builds of the same sources agree, on any machine.
pub const SOURCE_HASH: &str = env!("GORCH_SOURCE_HASH");

/// The build settings that name gorch's version and the aspects in force
/// (`go version -m`; `gorch version --json` prints the same values).
pub const VERSION_SETTING: &str = "gorch.version";
pub const ASPECTS_SETTING: &str = "gorch.aspects";
