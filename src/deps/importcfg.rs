//! The compiler's importcfg: which packages a compile can import, and
//! where their export data is.
//!
//! The go command writes one per compile (`packagefile path=archive` for
//! each direct import, `importmap path=actual` for vendored packages).
//! gorch reads it to learn what a package imports without parsing it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Import paths the compile can resolve, from the text of an importcfg.
pub fn importable(text: &str) -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    for line in text.lines() {
        let line = line.trim();
        let entry = line.strip_prefix("packagefile ").or_else(|| line.strip_prefix("importmap "));
        if let Some((path, _)) = entry.and_then(|e| e.split_once('=')) {
            paths.insert(path.trim().to_string());
        }
    }
    paths
}

/// The `packagefile` entries: import path to archive.
pub fn packagefiles(text: &str) -> BTreeMap<String, PathBuf> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("packagefile "))
        .filter_map(|e| e.split_once('='))
        .map(|(path, archive)| (path.trim().to_string(), PathBuf::from(archive.trim())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_packagefile_and_importmap_lines() {
        let text = r#"# import config
packagefile fmt=/w/b002/_pkg_.a
importmap golang.org/x/net/dns=vendor/golang.org/x/net/dns
packagefile vendor/golang.org/x/net/dns=/w/b9/_pkg_.a
modinfo "x"
"#;
        let got: Vec<String> = importable(text).into_iter().collect();
        assert_eq!(got, vec!["fmt", "golang.org/x/net/dns", "vendor/golang.org/x/net/dns"]);
    }
}
