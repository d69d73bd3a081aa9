//! Build script: embeds the built-in aspects and fingerprints gorch's sources.
//!
//! The fingerprint goes into the `-V=full` suffix, so that a gorch built from
//! different sources never shares go build cache entries with another one,
//! while two builds of the same sources (on any machine) agree.

use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());

    let mut inputs = Vec::new();
    for dir in ["src", "aspects"] {
        collect(&root, &root.join(dir), &mut inputs);
        println!("cargo:rerun-if-changed={dir}");
    }
    for file in ["build.rs", "Cargo.toml", "Cargo.lock"] {
        if root.join(file).is_file() {
            inputs.push(file.to_string());
        }
        println!("cargo:rerun-if-changed={file}");
    }
    inputs.sort();

    let mut hasher = Sha256::new();
    for rel in &inputs {
        let bytes = fs::read(root.join(rel)).unwrap();
        hasher.update(rel.as_bytes());
        hasher.update([0]);
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    let digest = hasher.finalize();
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    println!("cargo:rustc-env=GORCH_SOURCE_HASH={hex}");

    let mut builtin = String::from("pub static BUILTIN_ASPECTS: &[(&str, &str)] = &[\n");
    for rel in inputs.iter().filter(|r| r.starts_with("aspects/") && r.ends_with(".yaml")) {
        let abs = root.join(rel);
        builtin.push_str(&format!("    ({rel:?}, include_str!({:?})),\n", abs.display().to_string()));
    }
    builtin.push_str("];\n");
    fs::write(out.join("builtin_aspects.rs"), builtin).unwrap();
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, out);
        } else {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push(rel);
        }
    }
}
