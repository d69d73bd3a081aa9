//! The link step: every package that advice injected, and everything it
//! imports, must be in the linker's importcfg.
//!
//! The go command lists the packages of the original import graph. gorch
//! reads its record (`deps::archive`) from each listed archive, including
//! archives that came from the build cache, resolves what they injected,
//! and repeats for the archives it added (an injected package may itself
//! have been instrumented with injections). Packages already listed keep
//! their archive. The linker then loads the injected packages through the
//! imports their users were compiled with, so their `init` functions run
//! in the usual order.
//!
//! Every binary linked through gorch also records gorch's version and the
//! hash of the aspect files among its build settings (`go version -m`).

use super::{inject, passthrough};
use crate::aspect::AspectSet;
use crate::deps::{archive, importcfg, modinfo};
use crate::error::Error;
use crate::version::{ASPECTS_SETTING, VERSION_SETTING};
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

pub fn run(tool: &Path, args: &[OsString]) -> Result<i32, Error> {
    let Some((arg, cfg_path)) = importcfg_arg(args) else {
        return passthrough::run(tool, args);
    };
    let text = fs::read_to_string(&cfg_path).map_err(|e| Error::io(&cfg_path, e))?;
    let mut listed: BTreeMap<String, PathBuf> = importcfg::packagefiles(&text);
    let mut added: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut scanned: BTreeSet<PathBuf> = BTreeSet::new();
    let mut resolved: BTreeSet<(Vec<String>, Vec<String>)> = BTreeSet::new();
    let mut resolver = None;
    let mut aspects = None;
    loop {
        let mut records: BTreeSet<(Vec<String>, Vec<String>)> = BTreeSet::new();
        for archive_path in listed.values() {
            if !scanned.insert(archive_path.clone()) {
                continue;
            }
            let record = archive::read_member(archive_path, archive::MEMBER).map_err(|e| Error::io(archive_path, e))?;
            if let Some(record) = record {
                let parsed = inject::parse_record(&String::from_utf8_lossy(&record));
                if !resolved.contains(&parsed) {
                    records.insert(parsed);
                }
            }
        }
        if records.is_empty() {
            break;
        }
        let aspects = match &aspects {
            Some(a) => a,
            None => aspects.insert(AspectSet::load(&std::env::current_dir().map_err(|e| Error::io(".", e))?)?),
        };
        let resolver = match &resolver {
            Some(r) => r,
            None => resolver
                .insert(inject::resolver(aspects, cfg_path.parent().and_then(Path::parent).map(Path::to_path_buf))?),
        };
        for (paths, extra) in records {
            // The record does not say which aspect injected a package; the
            // aspects that require its module speak for it.
            let injected: BTreeMap<String, String> = paths.iter().map(|p| (p.clone(), String::new())).collect();
            let resolution = inject::resolve(resolver, aspects, &injected, &extra, None)?;
            for (path, archive) in resolution.archives {
                if !listed.contains_key(&path) {
                    listed.insert(path.clone(), archive.clone());
                    added.insert(path, archive);
                }
            }
            resolved.insert((paths, extra));
        }
    }
    let aspects = match aspects {
        Some(a) => a,
        None => AspectSet::load(&std::env::current_dir().map_err(|e| Error::io(".", e))?)?,
    };
    let settings = [(VERSION_SETTING, crate::version::VERSION), (ASPECTS_SETTING, aspects.files_hash.as_str())];
    let recorded = modinfo::with_build_settings(&text, &settings);
    if added.is_empty() && recorded.is_none() {
        return passthrough::run(tool, args);
    }
    let text = recorded.unwrap_or(text);
    if !added.is_empty() {
        crate::log::event(format_args!("link: added {} packages", added.len()));
    }
    let copy = cfg_path.with_file_name("importcfg.gorch.link");
    fs::write(&copy, inject::extend_importcfg(&text, &added)).map_err(|e| Error::io(&copy, e))?;
    let mut args = args.to_vec();
    args[arg] = if args[arg].to_string_lossy().starts_with("-importcfg=") {
        format!("-importcfg={}", copy.display()).into()
    } else {
        copy.into_os_string()
    };
    passthrough::run(tool, &args)
}

/// The index of the importcfg path (or of `-importcfg=path`) and the path.
fn importcfg_arg(args: &[OsString]) -> Option<(usize, PathBuf)> {
    args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_string_lossy();
        if a == "-importcfg" {
            args.get(i + 1).map(|p| (i + 1, PathBuf::from(p)))
        } else {
            a.strip_prefix("-importcfg=").map(|p| (i, PathBuf::from(p)))
        }
    })
}
