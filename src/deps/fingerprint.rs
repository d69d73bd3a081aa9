//! What the answers of nested go commands depend on beyond their own
//! arguments, for keys that outlive a build (gorch's cache): the
//! toolchain, the environment the go command reads, the directory it runs
//! in, the module files, and the files that build flags name.

use super::gomod::Modules;
use std::path::Path;

/// The parts of a key, each to be length-prefixed by `cache::key`.
pub fn of_build(dir: &Path, flags: &[String]) -> Vec<Vec<u8>> {
    let mut env: Vec<String> = std::env::vars()
        .filter(|(k, _)| {
            (k.starts_with("GO") || k.starts_with("CGO_") || matches!(k.as_str(), "CC" | "CXX" | "PKG_CONFIG"))
                && !k.starts_with("GORCH")
        })
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    env.sort();
    let mut parts = vec![
        super::gocmd::toolchain_stamp(),
        env.join("\n").into_bytes(),
        dir.to_string_lossy().as_bytes().to_vec(),
        flags.join("\n").into_bytes(),
    ];
    let named = ["pgo", "modfile"].into_iter().filter_map(|f| file_flag(flags, f)).map(std::path::PathBuf::from);
    for file in Modules::of(dir).files.into_iter().chain(named) {
        parts.push(file.to_string_lossy().as_bytes().to_vec());
        parts.push(std::fs::read(&file).unwrap_or_default());
    }
    parts
}

/// The value of a flag that names a file (`-name=value` or `-name value`).
pub fn file_flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let flag = format!("-{name}");
    let inline = format!("-{name}=");
    args.iter().enumerate().find_map(|(i, arg)| {
        if let Some(value) = arg.strip_prefix(&inline) {
            Some(value)
        } else if *arg == flag {
            args.get(i + 1).map(String::as_str)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_flags_are_found_in_both_spellings() {
        let args: Vec<String> = ["-race", "-pgo=/p/default.pgo", "-modfile", "/m/alt.mod"].map(String::from).into();
        assert_eq!(file_flag(&args, "pgo"), Some("/p/default.pgo"));
        assert_eq!(file_flag(&args, "modfile"), Some("/m/alt.mod"));
        assert_eq!(file_flag(&args, "overlay"), None);
    }

    #[test]
    fn module_files_and_flags_change_the_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("go.mod"), "module m\n").unwrap();
        let before = of_build(dir.path(), &[]);
        assert_eq!(of_build(dir.path(), &[]), before);
        assert_ne!(of_build(dir.path(), &["-race".to_string()]), before);
        std::fs::write(dir.path().join("go.sum"), "x v1 h1:abc\n").unwrap();
        assert_ne!(of_build(dir.path(), &[]), before);
    }
}
