//! gorch's identity in a build: what the go command folds into the cache
//! key of every compile and link (see `version`).
//!
//! `gorch@<version>:<hash>`. The hash covers gorch's sources, every aspect
//! file, and what the packages advice injects are built from: a package
//! compiled with injected imports must be compiled again when what it
//! imports changes, and the go command cannot know it imports them. Its
//! own cache key covers its files and flags, not the archives gorch hands
//! the compiler, so without this a build with `CGO_ENABLED=0`, another
//! `-tags` or an upgraded module would reuse a package compiled against
//! other builds of its injected imports, and the linker would refuse the
//! mix ("fingerprint mismatch").
//!
//! What the injected packages are built from is, for each package they
//! need: the files the build's configuration selects (which `-tags`,
//! `CGO_ENABLED`, `GOOS` and `GOARCH` decide), its module and version (and
//! replacement), whether it comes from vendor/, the module's directory
//! (unless -trimpath keeps paths out of archives), and for modules without
//! a version a hash of the package's files; and the outer build's
//! `-gcflags` and `-asmflags`, which may name packages by pattern.
//!
//! Finding those takes a `go list -deps`; its answer is kept in gorch's
//! cache under the build's fingerprint, so that a build with nothing to do
//! does not pay for it again. Answers that hash files of modules without a
//! version (workspace modules, local replacements) are not kept: those
//! files change without any module file changing.

use crate::aspect::AspectSet;
use crate::cache::Cache;
use crate::deps::buildflags::BuildFlags;
use crate::deps::fingerprint;
use crate::nested_go::IDENTITY;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub text: String,
    /// Whether the go command listed every injected package without an
    /// error (false when, say, go.mod lacks a module that advice needs).
    pub listed_cleanly: bool,
}

/// The identity of a build run in `dir` with `aspects`.
pub fn of(aspects: &AspectSet, dir: &Path) -> Identity {
    let (dependencies, listed_cleanly) = injected_dependencies(aspects, dir);
    let mut hasher = Sha256::new();
    hasher.update(aspects.hash.as_bytes());
    hasher.update([0]);
    hasher.update(dependencies.as_bytes());
    let hash = crate::digest::hex(&hasher.finalize()[..8]);
    Identity { text: format!("gorch@{}:{hash}", crate::version::VERSION), listed_cleanly }
}

/// The identity's text: inherited from the gorch process that started
/// this nested go command, or computed.
pub fn current(aspects: &AspectSet, dir: &Path) -> String {
    match std::env::var(IDENTITY) {
        Ok(inherited) if !inherited.is_empty() => inherited,
        _ => of(aspects, dir).text,
    }
}

/// What the archives of injected packages are built from (see the module
/// documentation). Empty when the aspects inject nothing. A package the
/// go command cannot list (a module missing from go.mod) is marked, and
/// its message stands in: the compile that needs it reports the problem
/// properly.
fn injected_dependencies(aspects: &AspectSet, dir: &Path) -> (String, bool) {
    let paths: BTreeSet<&str> =
        aspects.aspects.iter().flat_map(|a| a.advice.iter().flat_map(|x| x.import_paths())).collect();
    if paths.is_empty() {
        return (String::new(), true);
    }
    let flags = BuildFlags::of_outer_build();
    // A GORCH_CACHE_SIZE that is not a size stops the compiles.
    let cache = Cache::open().ok().flatten();
    let key = {
        let mut parts = vec![
            b"identity".to_vec(),
            aspects.hash.as_bytes().to_vec(),
            paths.iter().copied().collect::<Vec<_>>().join("\n").into_bytes(),
        ];
        parts.extend(fingerprint::of_build(dir, &flags.flags));
        let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        crate::cache::key(&refs)
    };
    if let Some(stored) = cache.as_ref().and_then(|c| c.get("identity", &key)) {
        let stored = String::from_utf8_lossy(&stored);
        if let Some((clean, text)) = stored.split_once('\n') {
            return (text.to_string(), clean == "clean");
        }
    }
    let listing = list(&paths, &flags, dir);
    if let (Some(cache), false) = (&cache, listing.hashed_files) {
        let clean = if listing.clean { "clean" } else { "unclean" };
        let _ = cache.put("identity", &key, format!("{clean}\n{}", listing.text).as_bytes());
    }
    (listing.text, listing.clean)
}

struct Listing {
    text: String,
    clean: bool,
    /// Whether the text holds hashes of package files.
    hashed_files: bool,
}

fn list(paths: &BTreeSet<&str>, flags: &BuildFlags, dir: &Path) -> Listing {
    let trimpath = flags.is_on("trimpath");
    let template = concat!(
        "{{.ImportPath}}\u{1f}{{.Standard}}\u{1f}{{.Dir}}\u{1f}",
        "{{join .GoFiles \"\\x1e\"}}\u{1e}{{join .CgoFiles \"\\x1e\"}}\u{1e}{{join .SFiles \"\\x1e\"}}\u{1f}",
        "{{with .Module}}{{.Path}}@{{.Version}}{{with .Replace}}=>{{.Path}}@{{.Version}}{{end}}{{end}}\u{1f}",
        "{{with .Module}}{{.Dir}}{{end}}\u{1f}",
        "{{if or .Error .DepsErrors}}error{{end}}"
    );
    let started = std::time::Instant::now();
    let output = crate::deps::gocmd::go()
        .current_dir(dir)
        .args(["list", "-e", "-deps", "-f", template])
        .args(flags.nested())
        .args(paths)
        .env_remove("TOOLEXEC_IMPORTPATH")
        .output();
    crate::log::event(format_args!(
        "identity: go list -deps of injected packages took {:.2}s",
        started.elapsed().as_secs_f64()
    ));
    let out = match output {
        Ok(out) => out,
        Err(e) => return Listing { text: format!("cannot run go list: {e}"), clean: false, hashed_files: false },
    };
    let mut listing = Listing { text: String::new(), clean: out.status.success(), hashed_files: false };
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let fields: Vec<&str> = line.split('\u{1f}').collect();
        let [package, standard, package_dir, files, module, module_dir, error] = fields[..] else {
            listing.clean = false;
            listing.text.push_str(&format!("{line}\n"));
            continue;
        };
        if !error.is_empty() {
            listing.clean = false;
            listing.text.push_str("error ");
        }
        // Which files the configuration selects: net without cgo, say.
        let selected = files.split('\u{1e}').filter(|f| !f.is_empty()).collect::<Vec<_>>().join(" ");
        if standard == "true" {
            listing.text.push_str(&format!("{package} std {selected}\n"));
            continue;
        }
        listing.text.push_str(&format!("{package} {module} {selected}"));
        if module_dir.is_empty() {
            listing.text.push_str(" vendored");
        } else if !trimpath {
            listing.text.push_str(&format!(" {module_dir}"));
        }
        // `path@` or `path@v1=>../local@`: the version says nothing.
        if module.ends_with('@') {
            listing.hashed_files = true;
            listing.text.push_str(&format!(" {}", hash_files(Path::new(package_dir), files.split('\u{1e}'))));
        }
        listing.text.push('\n');
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !stderr.trim().is_empty() {
        listing.clean = false;
        listing.text.push_str(&stderr);
    }
    // Flags that may apply to injected packages and not to their users.
    for flag in flags.flags.iter().filter(|f| f.starts_with("-gcflags=") || f.starts_with("-asmflags=")) {
        listing.text.push_str(&format!("{flag}\n"));
    }
    listing
}

/// A hash of a package's files, for modules whose version says nothing.
fn hash_files<'a>(dir: &Path, files: impl Iterator<Item = &'a str>) -> String {
    let mut hasher = Sha256::new();
    for file in files.filter(|f| !f.is_empty()) {
        hasher.update(file.as_bytes());
        hasher.update(std::fs::read(dir.join(file)).unwrap_or_default());
    }
    crate::digest::hex(&hasher.finalize()[..8])
}
