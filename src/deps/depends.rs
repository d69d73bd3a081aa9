//! Which of the packages that `depends-on` join points name a package
//! imports, directly or through others.
//!
//! A compile sees only its direct imports (the importcfg). The rest of the
//! answer travels the way the injection record does (`archive`): each
//! compile through gorch appends to its archive a member, `gorch.depends`,
//! listing the watched packages its package depends on, and a later compile
//! reads its direct imports' members. An archive from the go build cache
//! carries its member too, and gorch's suffix on the compiler's version
//! ties every cached archive to the aspect set (and so to the watched
//! packages) it was compiled with. A package that depends on none of them
//! gets no member.

use super::archive;
use crate::error::Error;
use crate::go::paths::is_standard;
use std::collections::BTreeSet;
use std::io;
use std::path::Path;

pub const MEMBER: &str = "gorch.depends";

/// Of the `watched` packages, those a package with this importcfg depends
/// on: the ones it imports, and those its imports' archives record. An
/// archive that cannot be read is the error, named.
pub fn of_importcfg(watched: &BTreeSet<String>, importcfg: &str) -> Result<BTreeSet<String>, Error> {
    let mut found = BTreeSet::new();
    if watched.is_empty() {
        return Ok(found);
    }
    // The standard library imports nothing from outside it.
    let standard_watched = watched.iter().any(|w| is_standard(w));
    for (path, archive_path) in super::importcfg::packagefiles(importcfg) {
        if watched.contains(&path) {
            found.insert(path.clone());
        }
        if is_standard(&path) && !standard_watched {
            continue;
        }
        let recorded = recorded(&archive_path).map_err(|e| Error::io(&archive_path, e))?;
        found.extend(recorded.into_iter().filter(|p| watched.contains(p)));
    }
    Ok(found)
}

/// The watched packages an archive records.
fn recorded(archive_path: &Path) -> io::Result<Vec<String>> {
    let Some(data) = archive::read_member(archive_path, MEMBER)? else {
        return Ok(Vec::new());
    };
    Ok(String::from_utf8_lossy(&data).lines().filter(|l| !l.is_empty()).map(str::to_string).collect())
}

/// Records a compiled package's answer in its archive.
pub fn record(archive_path: &Path, found: &BTreeSet<String>) -> io::Result<()> {
    let text: String = found.iter().map(|p| format!("{p}\n")).collect();
    archive::append_member(archive_path, MEMBER, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn archive(dir: &Path, name: &str, records: &[&str]) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, b"!<arch>\n").unwrap();
        if !records.is_empty() {
            record(&path, &records.iter().map(|s| s.to_string()).collect()).unwrap();
        }
        path
    }

    #[test]
    fn a_dependency_is_found_directly_and_through_an_archive() {
        let dir = tempfile::tempdir().unwrap();
        let zap = archive(dir.path(), "zap.a", &[]);
        let lib = archive(dir.path(), "lib.a", &["go.uber.org/zap/zapcore", "example.com/other"]);
        let fmt = archive(dir.path(), "fmt.a", &["go.uber.org/zap"]);
        let cfg = format!(
            "packagefile go.uber.org/zap={}\npackagefile example.com/lib={}\npackagefile fmt={}\n",
            zap.display(),
            lib.display(),
            fmt.display()
        );
        let watched: BTreeSet<String> =
            ["go.uber.org/zap", "go.uber.org/zap/zapcore", "github.com/sirupsen/logrus"].map(String::from).into();
        let found = of_importcfg(&watched, &cfg).unwrap();
        // Standard packages are not read: fmt's (impossible) record is not believed.
        assert_eq!(found, ["go.uber.org/zap", "go.uber.org/zap/zapcore"].map(String::from).into());
        assert!(of_importcfg(&BTreeSet::new(), &cfg).unwrap().is_empty());
    }
}
