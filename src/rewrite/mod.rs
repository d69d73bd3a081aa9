//! Rewriting one package: match every aspect against every site, apply the
//! advice, render the changed files.
//!
//! This is the whole engine, independent of how files arrive: the compile
//! step of a build, `gorch diff`, and the golden tests all call `rewrite`.
//! It never writes files and never runs anything.

pub mod apply;
pub mod generated;
mod layout;
pub mod matcher;
pub mod names;
pub mod site_error;
pub mod sites;

use crate::aspect::AspectSet;
use crate::aspect::join::{Answer, PackageFacts};
use crate::go::imports::FileImports;
use crate::go::lines::LineMap;
use crate::go::source::SourceFile;
use apply::{FileWriter, SiteValues};
pub use generated::GeneratedFile;
use matcher::FileContext;
pub use site_error::SiteError;
use std::collections::{BTreeMap, BTreeSet};

/// What gorch knows about the package being compiled.
#[derive(Debug, Clone)]
pub struct PackageInfo {
    /// Import path, without the ` [p.test]` suffix of test variants.
    pub import_path: String,
    /// The name in the package clause.
    pub name: String,
    /// A test build: internal or external test package, or test main.
    pub test: bool,
    /// The generated test main.
    pub testmain: bool,
    /// The packages the compiler can import (the importcfg's entries);
    /// `None` when unknown, as for `gorch diff FILE.go`. Advice may import
    /// others: the compile step resolves them.
    pub imports: Option<BTreeSet<String>>,
    /// Of the packages that `depends-on` join points name, those this
    /// package imports directly or through others; `None` when unknown.
    pub depends_on: Option<BTreeSet<String>>,
}

impl PackageInfo {
    /// Can advice in this package import `path`?
    pub fn check_import(&self, path: &str) -> Result<(), SiteError> {
        if path == self.import_path {
            return Err(SiteError::ImportsItself(path.to_string()));
        }
        Ok(())
    }

    /// Whether the compiler can import `path` without gorch's help.
    pub fn can_import(&self, path: &str) -> bool {
        path == "unsafe" || self.imports.as_ref().is_none_or(|i| i.contains(path))
    }
}

impl PackageFacts for PackageInfo {
    fn import_path(&self) -> Option<&str> {
        Some(&self.import_path)
    }
    fn package_name(&self) -> Option<&str> {
        Some(&self.name)
    }
    fn is_main(&self) -> Option<bool> {
        Some(self.name == "main" && !self.testmain)
    }
    fn is_test(&self) -> Option<bool> {
        Some(self.test)
    }
    fn is_testmain(&self) -> Option<bool> {
        Some(self.testmain)
    }
    /// Without an importcfg (a golden case that lists no imports), every
    /// package counts as imported.
    fn imports(&self, path: &str) -> Option<bool> {
        Some(self.imports.as_ref().is_none_or(|i| i.contains(path)))
    }
    /// Unknown (`gorch diff FILE.go`, golden cases) counts as depending.
    fn depends_on(&self, path: &str) -> Option<bool> {
        Some(self.depends_on.as_ref().is_none_or(|d| d.contains(path)))
    }
    fn contains(&self, _text: &str) -> bool {
        true
    }
}

/// Package facts plus the files' raw text, for the pre-filter.
struct Unparsed<'a> {
    info: &'a PackageInfo,
    texts: &'a [&'a str],
}

impl PackageFacts for Unparsed<'_> {
    fn import_path(&self) -> Option<&str> {
        self.info.import_path()
    }
    fn package_name(&self) -> Option<&str> {
        self.info.package_name()
    }
    fn is_main(&self) -> Option<bool> {
        self.info.is_main()
    }
    fn is_test(&self) -> Option<bool> {
        self.info.is_test()
    }
    fn is_testmain(&self) -> Option<bool> {
        self.info.is_testmain()
    }
    fn imports(&self, path: &str) -> Option<bool> {
        self.info.imports(path)
    }
    fn depends_on(&self, path: &str) -> Option<bool> {
        self.info.depends_on(path)
    }
    fn contains(&self, text: &str) -> bool {
        self.texts.iter().any(|t| t.contains(text))
    }
}

/// False when no aspect can change the package: it then compiles
/// untouched, without being parsed.
pub fn may_apply(set: &AspectSet, info: &PackageInfo, texts: &[&str]) -> bool {
    !may_change(set, info, texts).is_empty()
}

/// The aspects that may change the package, judged without parsing.
pub fn may_change<'s>(set: &'s AspectSet, info: &PackageInfo, texts: &[&str]) -> Vec<&'s crate::aspect::Aspect> {
    let facts = Unparsed { info, texts };
    set.aspects.iter().filter(|a| a.join_point.answer(&facts) != Answer::Never).collect()
}

#[derive(Debug, thiserror::Error)]
pub enum RewriteError {
    #[error("{at}: aspect {aspect:?} ({aspect_location}): {error}")]
    Advice { at: String, aspect: String, aspect_location: String, error: Box<SiteError> },
    #[error("{at}: aspects {first:?} and {second:?} change the same code in conflicting ways")]
    Conflict { at: String, first: String, second: String },
}

#[derive(Debug, Clone)]
pub struct RewrittenFile {
    /// Index of the file in the package's file list.
    pub index: usize,
    /// With line directives, for the compiler.
    pub compiled: String,
    /// Without, for people.
    pub readable: String,
}

/// One place an aspect applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub aspect: String,
    pub file: String,
    pub line: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Rewritten {
    pub files: Vec<RewrittenFile>,
    pub generated: Option<GeneratedFile>,
    /// Import paths the advice added, in any file, each with the first
    /// aspect that added it.
    pub imports: BTreeMap<String, String>,
    pub applied: Vec<Applied>,
}

impl Rewritten {
    pub fn is_unchanged(&self) -> bool {
        self.files.is_empty() && self.generated.is_none()
    }
}

/// Rewrites a package. Files must have parsed without errors.
pub fn rewrite(set: &AspectSet, info: &PackageInfo, files: &[SourceFile]) -> Result<Rewritten, RewriteError> {
    // Advice `k` of aspect `a` is layer `first_layer[a] + k`.
    let mut first_layer = Vec::with_capacity(set.aspects.len());
    let mut layers = 0;
    for aspect in &set.aspects {
        first_layer.push(layers);
        layers += aspect.advice.len();
    }

    let mut out = Rewritten::default();
    let mut package_level: Vec<usize> = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let imports = FileImports::of(file);
        let cx = FileContext { file, imports: &imports, package: info, all_files: files };
        let sites = sites::collect(file);
        let mut writer = FileWriter::new(cx);
        for (a, aspect) in set.aspects.iter().enumerate() {
            let jp = &aspect.join_point;
            let kinds = jp.kinds();
            if kinds.is_empty() {
                continue;
            }
            let directive_names = jp.directive_names();
            for site in sites.iter().filter(|s| !kinds.intersect(s.kind).is_empty()) {
                if !writer.cx.matches(jp, site) {
                    continue;
                }
                let directive = site.directives.iter().find(|d| directive_names.contains(&d.name.as_str()));
                let at = SiteValues { aspect, site, directive };
                let report_at = directive.map_or(site.node.start_byte(), |d| d.offset);
                for (k, advice) in aspect.advice.iter().enumerate() {
                    if advice.site_kinds().is_none() {
                        if !package_level.contains(&a) {
                            package_level.push(a);
                        }
                        continue;
                    }
                    writer.apply(advice, first_layer[a] + k, &at).map_err(|error| RewriteError::Advice {
                        at: describe(&writer.lines, report_at),
                        aspect: aspect.id.clone(),
                        aspect_location: aspect.location(),
                        error: Box::new(error),
                    })?;
                }
                let position = writer.lines.position(report_at);
                out.applied.push(Applied { aspect: aspect.id.clone(), file: position.file, line: position.line });
            }
        }
        for (path, aspect) in writer.aliases.requesters() {
            out.imports.entry(path.to_string()).or_insert_with(|| aspect.to_string());
        }
        let finished = writer.finish().map_err(|c| RewriteError::Conflict {
            at: describe(&LineMap::of(file), c.offset),
            first: c.first,
            second: c.second,
        })?;
        if let Some((compiled, readable)) = finished {
            out.files.push(RewrittenFile { index, compiled, readable });
        }
    }

    for (a, aspect) in set.aspects.iter().enumerate() {
        if aspect.join_point.kinds().is_empty() && aspect.join_point.answer(info) == Answer::Match {
            package_level.push(a);
            out.applied.push(Applied {
                aspect: aspect.id.clone(),
                file: format!("package {}", info.import_path),
                line: 0,
            });
        }
    }
    package_level.sort_unstable();
    out.generated = generated::build(set, &package_level, info, files)?;
    for aspect in package_level.iter().map(|&a| &set.aspects[a]) {
        for advice in &aspect.advice {
            for path in advice.import_paths() {
                out.imports.entry(path.to_string()).or_insert_with(|| aspect.id.clone());
            }
        }
    }
    Ok(out)
}

/// `file:line:col` of an offset, as the compiler would report it.
fn describe(lines: &LineMap, offset: usize) -> String {
    let p = lines.position(offset);
    match p.column {
        Some(col) => format!("{}:{}:{}", p.file, p.line, col),
        None => format!("{}:{}", p.file, p.line),
    }
}
