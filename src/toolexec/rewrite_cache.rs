//! Rewritten packages in gorch's cache (`crate::cache`).
//!
//! A compile whose package passes the pre-filter is parsed and rewritten;
//! the outcome (the files as the compiler gets them, the added file, the
//! injected imports, or "nothing to change") is stored under a key that
//! covers everything it depends on, so the next build with the same
//! package skips parsing and rewriting: gorch's identity (its version and
//! sources, every aspect file), the Go version, the package's import path,
//! name and kind, what the compiler can import, and every file's name and
//! content.

use crate::aspect::AspectSet;
use crate::rewrite::{PackageInfo, Rewritten};
use std::collections::BTreeMap;

/// What rewriting a package came to, in the form the compile step needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Unchanged,
    Rewritten {
        /// (index among the package's files, text for the compiler)
        files: Vec<(usize, String)>,
        generated: Option<String>,
        /// Import path to the aspect that added it.
        imports: BTreeMap<String, String>,
    },
}

impl Outcome {
    pub fn of(rewritten: &Rewritten) -> Outcome {
        if rewritten.is_unchanged() {
            return Outcome::Unchanged;
        }
        Outcome::Rewritten {
            files: rewritten.files.iter().map(|f| (f.index, f.compiled.clone())).collect(),
            generated: rewritten.generated.as_ref().map(|g| g.compiled.clone()),
            imports: rewritten.imports.clone(),
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        let Outcome::Rewritten { files, generated, imports } = self else {
            return b"unchanged\n".to_vec();
        };
        let mut out = b"rewritten\n".to_vec();
        for (index, text) in files {
            out.extend(format!("file {index} {}\n", text.len()).bytes());
            out.extend(text.bytes());
        }
        if let Some(text) = generated {
            out.extend(format!("generated {}\n", text.len()).bytes());
            out.extend(text.bytes());
        }
        for (path, aspect) in imports {
            out.extend(format!("import {path}\t{aspect}\n").bytes());
        }
        out
    }

    pub fn decode(bytes: &[u8]) -> Option<Outcome> {
        let text = std::str::from_utf8(bytes).ok()?;
        let mut rest = text.strip_prefix("rewritten\n").or_else(|| (text == "unchanged\n").then_some(""))?;
        if text == "unchanged\n" {
            return Some(Outcome::Unchanged);
        }
        let (mut files, mut generated, mut imports) = (Vec::new(), None, BTreeMap::new());
        while !rest.is_empty() {
            let (line, after) = rest.split_once('\n')?;
            let mut words = line.splitn(3, ' ');
            match words.next()? {
                "file" => {
                    let index = words.next()?.parse().ok()?;
                    let len: usize = words.next()?.parse().ok()?;
                    files.push((index, after.get(..len)?.to_string()));
                    rest = &after[len..];
                }
                "generated" => {
                    let len: usize = words.next()?.parse().ok()?;
                    generated = Some(after.get(..len)?.to_string());
                    rest = &after[len..];
                }
                "import" => {
                    let (path, aspect) = line.strip_prefix("import ")?.split_once('\t')?;
                    imports.insert(path.to_string(), aspect.to_string());
                    rest = after;
                }
                _ => return None,
            }
        }
        Some(Outcome::Rewritten { files, generated, imports })
    }
}

/// The key of a package's rewrite.
pub fn key(aspects: &AspectSet, go_version: &str, info: &PackageInfo, files: &[(String, &str)]) -> String {
    let importable =
        info.imports.as_ref().map(|i| i.iter().cloned().collect::<Vec<_>>().join("\n")).unwrap_or_default();
    let depends_on =
        info.depends_on.as_ref().map(|d| d.iter().cloned().collect::<Vec<_>>().join("\n")).unwrap_or_default();
    let kind =
        format!("{}{}{}", info.name, if info.test { " test" } else { "" }, if info.testmain { " main" } else { "" });
    let mut parts: Vec<&[u8]> = vec![
        b"rewrite",
        aspects.hash.as_bytes(),
        go_version.as_bytes(),
        info.import_path.as_bytes(),
        kind.as_bytes(),
        importable.as_bytes(),
        depends_on.as_bytes(),
    ];
    for (name, text) in files {
        parts.push(name.as_bytes());
        parts.push(text.as_bytes());
    }
    crate::cache::key(&parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_round_trip() {
        let rewritten = Outcome::Rewritten {
            files: vec![(0, "package a\n\nfunc f() {}\n".to_string()), (2, "x\ny".to_string())],
            generated: Some("package a\nvar _ = 1\n".to_string()),
            imports: [("fmt".to_string(), "trace".to_string())].into(),
        };
        assert_eq!(Outcome::decode(&rewritten.encode()), Some(rewritten));
        assert_eq!(Outcome::decode(&Outcome::Unchanged.encode()), Some(Outcome::Unchanged));
        assert_eq!(Outcome::decode(b"rewritten\nfile 0 999\nshort"), None);
    }
}
