//! Making injected packages visible to the compiler and the linker.
//!
//! Compile and link both turn "advice imports these packages" into
//! archives (`deps::resolve`) and extra `packagefile` lines in a copy of the
//! go command's importcfg. This module holds what they share, and turns a
//! failed resolution into a message that names the aspect and the fix.

use crate::aspect::AspectSet;
use crate::deps::buildflags::BuildFlags;
use crate::deps::resolve::{Resolution, ResolveError, Resolver};
use crate::error::{Error, MissingRequirement};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A resolver for this build; `work` is the build's `$WORK` directory.
pub fn resolver(set: &AspectSet, work: Option<PathBuf>) -> Result<Resolver, Error> {
    let dir = std::env::current_dir().map_err(|e| Error::io(".", e))?;
    let identity = crate::identity::current(set, &dir);
    let prepared = super::prepare::paths(set, &crate::deps::gomod::Modules::of(&dir));
    Ok(Resolver {
        flags: BuildFlags::of_outer_build(),
        identity,
        gorch: std::env::current_exe().map_err(|e| Error::io("the gorch executable", e))?,
        dir,
        work,
        prepared,
    })
}

/// Resolves injected packages, each given with the aspect that injected
/// it, with `extra` flags for the nested build. `into` is the package being
/// compiled, if any: injecting into one of the injected packages' own
/// dependencies is an import cycle.
pub fn resolve(
    resolver: &Resolver,
    set: &AspectSet,
    injected: &BTreeMap<String, String>,
    extra: &[String],
    into: Option<&str>,
) -> Result<Resolution, Error> {
    let paths = injected.keys().cloned().collect();
    let resolution = resolver.resolve(&paths, extra).map_err(|e| explain(e, set, injected, into))?;
    match into {
        Some(package) if resolution.archives.contains_key(package) => Err(cycle(set, injected, package)),
        _ => Ok(resolution),
    }
}

/// The words that mark an import cycle in gorch's messages, also when a
/// nested build reports it.
const CYCLE: &str = "advice cannot add an import cycle";

fn cycle(set: &AspectSet, injected: &BTreeMap<String, String>, into: &str) -> Error {
    let aspect = injected.values().find_map(|id| set.aspect(id));
    Error::ImportCycle {
        location: aspect.map_or_else(String::new, |a| a.location()),
        aspect: aspect.map_or_else(String::new, |a| a.id.clone()),
        packages: injected.keys().cloned().collect::<Vec<_>>().join(", "),
        into: into.to_string(),
    }
}

/// The record a compile leaves in its archive: one injected import path a
/// line, then the extra flags its resolution needed, one a line.
pub fn record(injected: impl Iterator<Item = impl AsRef<str>>, extra: &[String]) -> String {
    injected.map(|p| format!("{}\n", p.as_ref())).chain(extra.iter().map(|f| format!("{f}\n"))).collect()
}

/// Reads a record back: (import paths, extra flags).
pub fn parse_record(text: &str) -> (Vec<String>, Vec<String>) {
    let (flags, paths): (Vec<&str>, Vec<&str>) =
        text.lines().filter(|l| !l.is_empty()).partition(|l| l.starts_with('-'));
    (paths.into_iter().map(str::to_string).collect(), flags.into_iter().map(str::to_string).collect())
}

/// Messages go list gives when go.mod, go.sum or vendor/ lack a module.
const NOT_REQUIRED: &[&str] = &[
    "no required module provides package",
    "import lookup disabled by -mod=",
    "missing go.sum entry",
    "is not in vendor/modules.txt",
];

fn explain(err: ResolveError, set: &AspectSet, injected: &BTreeMap<String, String>, into: Option<&str>) -> Error {
    let first_aspect = injected.values().next().and_then(|id| set.aspect(id));
    let cyclic = match &err {
        ResolveError::Cycle(_) => true,
        ResolveError::Packages(errors) => errors.iter().any(|(_, m)| m.contains(CYCLE)),
        _ => false,
    };
    if let (true, Some(into)) = (cyclic, into) {
        return cycle(set, injected, into);
    }
    if let ResolveError::Packages(errors) = &err {
        for (package, message) in errors {
            if !NOT_REQUIRED.iter().any(|m| message.contains(m)) {
                continue;
            }
            if let Some((aspect, module, version)) = requirer(set, injected, package) {
                return Error::MissingRequirement(Box::new(MissingRequirement {
                    location: aspect.location(),
                    aspect: aspect.id.clone(),
                    package: package.clone(),
                    module: module.to_string(),
                    version: version.to_string(),
                    detail: message.split(['\n', ';']).next().unwrap_or("").trim().to_string(),
                }));
            }
        }
    }
    let injector = match first_aspect {
        Some(a) => format!("aspect {:?} ({})", a.id, a.location()),
        None => format!("advice ({})", injected.keys().cloned().collect::<Vec<_>>().join(", ")),
    };
    Error::Resolve { injector, source: err }
}

/// The aspect to name for a package whose module the build lacks, with
/// that module and the version it requires: the aspect that injected the
/// package here, else another that injected something here and requires
/// the module, else any aspect that requires it.
fn requirer<'a>(
    set: &'a AspectSet,
    injected: &BTreeMap<String, String>,
    package: &str,
) -> Option<(&'a crate::aspect::Aspect, &'a str, &'a str)> {
    injected
        .get(package)
        .into_iter()
        .chain(injected.values())
        .filter_map(|id| set.aspect(id))
        .find_map(|a| a.module_of(package).map(|(module, version)| (a, module, version)))
        .or_else(|| set.requirement_of(package))
}

/// The importcfg `text` with a `packagefile` line for each archive whose
/// package it does not list yet. Packages it lists keep their archive: one
/// build of each package per binary.
pub fn extend_importcfg<'a>(text: &str, archives: impl IntoIterator<Item = (&'a String, &'a PathBuf)>) -> String {
    let listed = crate::deps::importcfg::importable(text);
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    for (path, archive) in archives {
        if !listed.contains(path) {
            out.push_str(&format!("packagefile {path}={}\n", archive.display()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip() {
        let text = record(["fmt", "go.opentelemetry.io/otel"].iter(), &["-pgo=/m/default.pgo".to_string()]);
        assert_eq!(text, "fmt\ngo.opentelemetry.io/otel\n-pgo=/m/default.pgo\n");
        assert_eq!(
            parse_record(&text),
            (vec!["fmt".into(), "go.opentelemetry.io/otel".into()], vec!["-pgo=/m/default.pgo".into()])
        );
    }

    #[test]
    fn listed_packages_keep_their_archive() {
        let add: BTreeMap<String, PathBuf> = [
            ("fmt".to_string(), PathBuf::from("/nested/fmt.a")),
            ("time".to_string(), PathBuf::from("/nested/time.a")),
        ]
        .into();
        let out = extend_importcfg("packagefile fmt=/outer/fmt.a", &add);
        assert_eq!(out, "packagefile fmt=/outer/fmt.a\npackagefile time=/nested/time.a\n");
    }
}
