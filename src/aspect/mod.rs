//! Aspects: YAML-declared join points and advice, loaded and checked once
//! per gorch process.
//!
//! Two layers: `spec` mirrors the YAML as written; `check` turns it into
//! `Aspect`s whose join points and templates are compiled and validated.
//! Code that runs per compile only ever sees `AspectSet`.
//!
//! Where aspects come from: the built-in files in `aspects/` (embedded in
//! the binary), then `gorch.yaml` at the root of the main module. Aspect
//! files of dependency modules are never loaded.

pub mod advice;
mod check;
pub mod join;
mod links;
pub mod locate;
pub mod spec;
pub mod syntax;
pub mod template;

use crate::go::paths::in_module;
use advice::Advice;
use join::JoinPoint;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/builtin_aspects.rs"));

/// The name of the aspect file at the root of a module.
pub const CONFIG_FILE: &str = "gorch.yaml";

#[derive(Debug, Clone)]
pub struct Aspect {
    pub id: String,
    /// The file it came from, as messages name it.
    pub file: String,
    /// The file it came from, as positions of injected code name it.
    pub line_name: String,
    /// The line of its `id:`.
    pub line: usize,
    pub join_point: JoinPoint,
    pub advice: Vec<Advice>,
    /// Module path to the version the aspect was written for.
    pub requires: BTreeMap<String, String>,
    /// The Go releases (`1.x`, by minor number, both ends included) the
    /// aspect knows, when it depends on the standard library's internals.
    pub go: Option<(u32, u32)>,
}

impl Aspect {
    /// Whether the aspect knows the Go release named by a compile's
    /// `-goversion` (`go1.26.8`, `devel go1.28-abcdef ...`). An aspect
    /// without a range knows every release; an unreadable version is
    /// known to none that has one.
    pub fn knows_go(&self, version: &str) -> bool {
        let Some((min, max)) = self.go else { return true };
        go_minor(version).is_some_and(|minor| (min..=max).contains(&minor))
    }

    /// The required module that provides `import_path`, if any.
    pub fn module_of(&self, import_path: &str) -> Option<(&str, &str)> {
        self.requires
            .iter()
            .filter(|(module, _)| in_module(import_path, module))
            .max_by_key(|(module, _)| module.len())
            .map(|(m, v)| (m.as_str(), v.as_str()))
    }

    /// `gorch.yaml:12`, for messages.
    pub fn location(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

/// The text of one aspect file.
#[derive(Debug, Clone)]
pub struct AspectSource {
    /// How messages name the file: a path, or `builtin:aspects/x.yaml`.
    pub display: String,
    /// How positions of injected code name the file (relative and stable,
    /// so that no local path reaches a binary).
    pub line_name: String,
    pub text: String,
    /// The module the file is in (the nearest go.mod above it): its
    /// packages are the build's own, and need no `requires` entry.
    pub module: Option<String>,
}

impl AspectSource {
    /// A file that is in no module: its imports outside the standard
    /// library all need `requires`.
    pub fn outside_modules(display: &str, line_name: &str, text: String) -> AspectSource {
        AspectSource { display: display.to_string(), line_name: line_name.to_string(), text, module: None }
    }
}

/// A problem in an aspect file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub column: Option<usize>,
    pub aspect: Option<String>,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)?;
        if let Some(col) = self.column {
            write!(f, ":{col}")?;
        }
        write!(f, ": ")?;
        if let Some(id) = &self.aspect {
            write!(f, "aspect {id:?}: ")?;
        }
        write!(f, "{}", self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AspectError {
    #[error("{path}: cannot read the aspect file: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Diagnostic>),
}

/// Where the aspects of a set came from.
#[derive(Debug, Clone)]
pub struct SourceSummary {
    pub display: String,
    /// Aspects in force from this file.
    pub aspects: usize,
    /// Aspects of this file that a `disable` list turned off.
    pub disabled: usize,
}

impl fmt::Display for SourceSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} aspects", self.display, self.aspects)?;
        if self.disabled > 0 {
            write!(f, " ({} disabled)", self.disabled)?;
        }
        Ok(())
    }
}

/// All aspects in force for a build, in application order.
#[derive(Debug, Clone)]
pub struct AspectSet {
    pub aspects: Vec<Aspect>,
    /// Import path globs of packages no aspect changes.
    pub excluded: Vec<glob::Pattern>,
    /// Import path globs of packages that are the instrumentation itself.
    pub instrumentation: Vec<glob::Pattern>,
    pub sources: Vec<SourceSummary>,
    /// Covers gorch's version and sources and every aspect file's text:
    /// goes into the build cache key of every compile.
    pub hash: String,
    /// Covers only the aspect files (names and text): what a binary
    /// records as `gorch.aspects`, equal wherever the same aspects apply.
    pub files_hash: String,
}

impl AspectSet {
    /// The aspects that may change a package: none in an excluded one;
    /// in the instrumentation (the packages of the modules aspects require,
    /// and those an `instrumentation:` glob matches) only the aspects whose
    /// join point names the package, for instrumenting the instrumentation
    /// by accident would have it trace its own work.
    pub fn for_package(&self, import_path: &str) -> Option<Cow<'_, AspectSet>> {
        if self.excluded.iter().any(|g| g.matches_with(import_path, join::glob_options())) {
            return None;
        }
        let instrumentation = self.aspects.iter().flat_map(|a| a.requires.keys()).any(|m| in_module(import_path, m))
            || self.instrumentation.iter().any(|g| g.matches_with(import_path, join::glob_options()));
        if !instrumentation {
            return (!self.aspects.is_empty()).then_some(Cow::Borrowed(self));
        }
        let named: Vec<Aspect> = self
            .aspects
            .iter()
            .filter(|a| a.join_point.only_in().is_some_and(|p| p.contains(import_path)))
            .cloned()
            .collect();
        (!named.is_empty()).then(|| Cow::Owned(AspectSet { aspects: named, ..self.clone() }))
    }

    /// The packages that `depends-on` join points name.
    pub fn depended_on(&self) -> BTreeSet<String> {
        let mut paths = BTreeSet::new();
        for aspect in &self.aspects {
            aspect.join_point.depended_on(&mut paths);
        }
        paths
    }

    /// The aspect with this id.
    pub fn aspect(&self, id: &str) -> Option<&Aspect> {
        self.aspects.iter().find(|a| a.id == id)
    }

    /// The aspect that applies to the package and requires the module of
    /// `import_path`, with that module and version.
    pub fn requirement_of(&self, import_path: &str) -> Option<(&Aspect, &str, &str)> {
        self.aspects.iter().find_map(|a| a.module_of(import_path).map(|(m, v)| (a, m, v)))
    }

    /// Checks and combines aspect files, in order.
    pub fn from_sources(sources: &[AspectSource]) -> Result<AspectSet, AspectError> {
        let mut aspects: Vec<Aspect> = Vec::new();
        let mut excluded = Vec::new();
        let mut instrumentation = Vec::new();
        let mut disable = Vec::new();
        let mut diagnostics = Vec::new();
        for source in sources {
            match check::check_source(source) {
                Ok(checked) => {
                    disable.extend(checked.disable);
                    excluded.extend(checked.exclude);
                    instrumentation.extend(checked.instrumentation);
                    for aspect in checked.aspects {
                        if let Some(first) = aspects.iter().find(|a| a.id == aspect.id) {
                            diagnostics.push(Diagnostic {
                                file: aspect.file.clone(),
                                line: aspect.line,
                                column: None,
                                aspect: Some(aspect.id.clone()),
                                message: format!("another aspect has this id, at {}", first.location()),
                            });
                        } else {
                            aspects.push(aspect);
                        }
                    }
                }
                Err(mut found) => diagnostics.append(&mut found),
            }
        }
        let mut disabled: Vec<Aspect> = Vec::new();
        // Where each disabled aspect was turned off.
        let mut turned_off: Vec<Diagnostic> = Vec::new();
        for (pattern, at) in disable {
            let (off, on): (Vec<Aspect>, Vec<Aspect>) = aspects.into_iter().partition(|a| pattern.matches(&a.id));
            aspects = on;
            if off.is_empty() && !disabled.iter().any(|a| pattern.matches(&a.id)) {
                let message = format!("disable: no aspect has an id matching {:?}", pattern.as_str());
                diagnostics.push(Diagnostic { message, ..at.clone() });
            }
            turned_off.extend(off.iter().map(|_| at.clone()));
            disabled.extend(off);
        }
        for (user, symbol, definer) in links::broken(&aspects, &disabled) {
            let at = disabled.iter().position(|a| a.id == definer.id).map(|i| turned_off[i].clone());
            let message = format!(
                "disable: turns off aspect {:?} ({}), but aspect {:?} ({}) links to {symbol}, which it defines; disable both",
                definer.id,
                definer.location(),
                user.id,
                user.location()
            );
            let at = at.unwrap_or_else(|| Diagnostic {
                file: user.file.clone(),
                line: user.line,
                column: None,
                aspect: Some(user.id.clone()),
                message: String::new(),
            });
            diagnostics.push(Diagnostic { message, ..at });
        }
        // An aspect that names a package instruments it by design (a hook
        // inside a library, which other aspects may call into): excluding
        // the package would break that aspect, not turn it off.
        for (glob, at) in &excluded {
            let mut named: BTreeMap<String, Vec<&Aspect>> = BTreeMap::new();
            for aspect in &aspects {
                for package in aspect.join_point.only_in().unwrap_or_default() {
                    if glob.matches_with(&package, join::glob_options()) {
                        named.entry(package).or_default().push(aspect);
                    }
                }
            }
            for (package, by) in named {
                let ids: Vec<String> = by.iter().map(|a| format!("{:?} ({})", a.id, a.location())).collect();
                let (which, verb, them) =
                    if by.len() == 1 { ("aspect", "instruments", "it") } else { ("aspects", "instrument", "them") };
                let message = format!(
                    "exclude: {:?} matches {package}, which {which} {} {verb} by name; disable {them} instead",
                    glob.as_str(),
                    ids.join(", ")
                );
                diagnostics.push(Diagnostic { message, ..at.clone() });
            }
        }
        if !diagnostics.is_empty() {
            return Err(AspectError::Invalid(diagnostics));
        }
        let summaries = sources
            .iter()
            .map(|s| SourceSummary {
                display: s.display.clone(),
                aspects: aspects.iter().filter(|a| a.file == s.display).count(),
                disabled: disabled.iter().filter(|a| a.file == s.display).count(),
            })
            .collect();
        Ok(AspectSet {
            aspects,
            excluded: excluded.into_iter().map(|(glob, _)| glob).collect(),
            instrumentation,
            sources: summaries,
            hash: hash_sources(sources, true),
            files_hash: hash_sources(sources, false),
        })
    }

    /// The built-in aspects plus the main module's `gorch.yaml`, found from
    /// `dir` (the go command's working directory).
    pub fn load(dir: &Path) -> Result<AspectSet, AspectError> {
        let mut sources = builtin_sources();
        if let Some(config) = find_config(dir) {
            sources.push(read_source(&config, dir)?);
        }
        AspectSet::from_sources(&sources)
    }
}

/// The minor release of a Go version string: 26 for `go1.26.8`, for
/// `go1.26rc1` and for `devel go1.26-abcdef`.
pub fn go_minor(version: &str) -> Option<u32> {
    let rest = &version[version.find("go1.")? + 4..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

pub fn builtin_sources() -> Vec<AspectSource> {
    BUILTIN_ASPECTS
        .iter()
        .map(|(name, text)| {
            AspectSource::outside_modules(&format!("builtin:{name}"), &format!("gorch/{name}"), text.to_string())
        })
        .collect()
}

/// Reads an aspect file; messages name it relative to `cwd` when it is
/// below it.
pub fn read_source(path: &Path, cwd: &Path) -> Result<AspectSource, AspectError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| AspectError::Read { path: path.display().to_string(), source })?;
    let display = path.strip_prefix(cwd).unwrap_or(path).display().to_string();
    let line_name = path.file_name().map_or_else(|| CONFIG_FILE.to_string(), |n| n.to_string_lossy().into_owned());
    let module = path
        .ancestors()
        .skip(1)
        .map(|dir| dir.join("go.mod"))
        .find(|go_mod| go_mod.is_file())
        .and_then(|go_mod| std::fs::read_to_string(go_mod).ok())
        .and_then(|text| crate::deps::gomod::module_path(&text));
    Ok(AspectSource { display, line_name, text, module })
}

/// The `gorch.yaml` in force for a build run in `dir`: the one at the root
/// of the module `dir` is in (the nearest `go.mod` above it); without one,
/// the one at the root of the workspace (the nearest `go.work` above it,
/// unless GOWORK=off).
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    let workspaces = std::env::var("GOWORK").map_or(true, |w| w != "off");
    let mut module_seen = false;
    for d in dir.ancestors() {
        let module = d.join("go.mod").is_file();
        let workspace = workspaces && d.join("go.work").is_file();
        if (module && !module_seen) || workspace {
            let config = d.join(CONFIG_FILE);
            if config.is_file() {
                return Some(config);
            }
        }
        if workspace || (module && !workspaces) {
            return None;
        }
        module_seen |= module;
    }
    None
}

/// A hash of the aspect files, and of gorch's version and sources when
/// `with_gorch`.
fn hash_sources(sources: &[AspectSource], with_gorch: bool) -> String {
    let mut hasher = Sha256::new();
    if with_gorch {
        hasher.update(crate::version::VERSION.as_bytes());
        hasher.update([0]);
        hasher.update(crate::version::SOURCE_HASH.as_bytes());
    }
    for source in sources {
        hasher.update([0]);
        hasher.update(source.line_name.as_bytes());
        hasher.update([0]);
        hasher.update((source.text.len() as u64).to_le_bytes());
        hasher.update(source.text.as_bytes());
    }
    crate::digest::hex(&hasher.finalize()[..8])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> AspectSource {
        AspectSource::outside_modules("gorch.yaml", "gorch.yaml", text.into())
    }

    fn errors(text: &str) -> Vec<String> {
        match AspectSet::from_sources(&[source(text)]) {
            Ok(_) => Vec::new(),
            Err(AspectError::Invalid(d)) => d.iter().map(ToString::to_string).collect(),
            Err(e) => vec![e.to_string()],
        }
    }

    #[test]
    fn a_valid_file_loads() {
        let set = AspectSet::from_sources(&[source(
            r#"aspects:
  - id: wrap-get
    join-point:
      function-call: net/http.Get
    advice:
      - wrap-expression:
          imports: {log: log}
          template: '{{log}}.Println("get") ; {{expr}}'
"#,
        )]);
        // `a ; b` is not an expression: rejected with the template's line.
        let err = set.unwrap_err().to_string();
        assert_eq!(
            err,
            "gorch.yaml:8: aspect \"wrap-get\": wrap-expression: the template does not render to one Go expression"
        );
        let ok = AspectSet::from_sources(&[source(
            r#"aspects:
  - id: wrap-get
    join-point:
      function-call: net/http.Get
    advice:
      - wrap-expression:
          template: 'traced({{expr}})'
"#,
        )])
        .unwrap();
        assert_eq!(ok.aspects.len(), 1);
        assert_eq!(ok.hash.len(), 16);
    }

    #[test]
    fn unknown_keys_name_file_line_and_aspect() {
        assert_eq!(
            errors(
                r#"aspects:
  - id: a
    join-point:
      function-call: x.Y
    advise: []
"#
            ),
            vec![
                "gorch.yaml:5:5: aspect \"a\": unknown field `advise`, expected one of `id`, `join-point`, `advice`, `requires`, `go`"
            ]
        );
    }

    #[test]
    fn semantic_errors_point_at_the_value() {
        assert_eq!(
            errors(
                r#"aspects:
  - id: a
    join-point:
      import-path: 'example.com/[x'
    advice:
      - add-blank-import: fmt
"#
            ),
            vec!["gorch.yaml:4:21: aspect \"a\": bad import-path glob \"example.com/[x\": invalid range pattern"]
        );
        assert_eq!(
            errors(
                r#"aspects:
  - id: a
    join-point:
      function-call: x.Y
    advice:
      - prepend-statements:
          template: |
            x := 1
            y := {{func.nmae}}
"#
            ),
            vec![format!(
                "gorch.yaml:9:18: aspect \"a\": unknown template value {{{{func.nmae}}}}; known values: {}",
                template::KNOWN_VALUES
            )]
        );
    }

    #[test]
    fn advice_must_fit_the_join_point() {
        let errs = errors(
            r#"aspects:
  - id: a
    join-point:
      function-call: x.Y
    advice:
      - prepend-statements:
          template: f()
"#,
        );
        assert_eq!(
            errs,
            vec![
                "gorch.yaml:6:9: aspect \"a\": prepend-statements changes functions, but the join point selects calls"
            ]
        );
    }

    #[test]
    fn duplicate_ids_are_errors() {
        let one = r#"aspects:
  - id: a
    join-point:
      package-name: main
    advice:
      - add-blank-import: embed
"#;
        let err = AspectSet::from_sources(&[source(one), source(one)]).unwrap_err().to_string();
        assert_eq!(err, "gorch.yaml:2: aspect \"a\": another aspect has this id, at gorch.yaml:2");
    }

    #[test]
    fn a_second_aspect_with_an_id_is_reported_at_its_own_line() {
        let one = r#"  - id: a
    join-point:
      package-name: main
    advice:
      - add-blank-import: embed
"#;
        let err = AspectSet::from_sources(&[source(&format!("aspects:\n{one}{one}"))]).unwrap_err().to_string();
        assert_eq!(err, "gorch.yaml:7: aspect \"a\": another aspect has this id, at gorch.yaml:2");
    }

    #[test]
    fn top_level_mistakes_name_no_aspect() {
        assert_eq!(
            errors("aspect:\n  - id: a\n"),
            vec![
                "gorch.yaml:1:1: unknown field `aspect`, expected one of `aspects`, `disable`, `exclude`, `instrumentation`, `requires`, `join-points`"
            ]
        );
    }

    #[test]
    fn unused_imports_are_errors() {
        let errs = errors(
            r#"aspects:
  - id: a
    join-point:
      function-call: x.Y
    advice:
      - wrap-expression:
          imports:
            log: log
          template: f({{expr}})
"#,
        );
        assert_eq!(
            errs,
            vec!["gorch.yaml:8:13: aspect \"a\": wrap-expression imports \"log\" but its template never uses {{log}}"]
        );
    }

    #[test]
    fn every_builtin_file_is_embedded_and_valid() {
        fn yaml_files(dir: &std::path::Path) -> usize {
            std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .map(
                    |p| {
                        if p.is_dir() {
                            yaml_files(&p)
                        } else {
                            usize::from(p.extension().is_some_and(|x| x == "yaml"))
                        }
                    },
                )
                .sum()
        }
        let on_disk = yaml_files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("aspects"));
        assert!(on_disk >= 15, "{on_disk} aspect files, one folder per family");
        let embedded = builtin_sources();
        assert_eq!(embedded.len(), on_disk);
        AspectSet::from_sources(&embedded).unwrap();
    }

    #[test]
    fn third_party_imports_need_a_required_module() {
        let errs = errors(
            r#"aspects:
  - id: a
    join-point:
      function-call: x.Y
    advice:
      - wrap-expression:
          imports:
            otel: go.opentelemetry.io/otel
          template: '{{otel}}.X({{expr}})'
"#,
        );
        assert_eq!(
            errs,
            vec![
                "gorch.yaml:8:19: aspect \"a\": wrap-expression imports \"go.opentelemetry.io/otel\", which is in no module listed under requires (and not in the standard library, nor a package the join point depends on)"
            ]
        );
        let ok = AspectSet::from_sources(&[source(
            r#"aspects:
  - id: a
    join-point:
      function-call: x.Y
    requires:
      go.opentelemetry.io/otel: v1.38.0
    advice:
      - wrap-expression:
          imports:
            otel: go.opentelemetry.io/otel
          template: '{{otel}}.X({{expr}})'
"#,
        )])
        .unwrap();
        assert!(ok.for_package("go.opentelemetry.io/otel/trace").is_none());
        assert!(ok.for_package("go.opentelemetry.io/otelx").is_some());
        let excluding = AspectSet::from_sources(&[source(
            r#"exclude: ['example.com/vendored/**']
aspects:
  - id: a
    join-point:
      package-name: main
    advice:
      - add-blank-import: embed
"#,
        )])
        .unwrap();
        assert!(excluding.for_package("example.com/vendored/a/b").is_none());
        assert!(excluding.for_package("example.com/app").is_some());
        assert_eq!(
            ok.requirement_of("go.opentelemetry.io/otel").map(|(a, m, v)| (a.id.as_str(), m, v)),
            Some(("a", "go.opentelemetry.io/otel", "v1.38.0"))
        );
        let bad = errors(
            r#"aspects:
  - id: a
    join-point:
      package-name: main
    requires:
      example.com/m: latest
    advice:
      - add-blank-import: example.com/m
"#,
        );
        assert_eq!(
            bad,
            vec![
                "gorch.yaml:6:22: aspect \"a\": version \"latest\" of module example.com/m is not a semantic version such as v1.2.3"
            ]
        );
    }

    #[test]
    fn config_comes_from_the_module_then_the_workspace() {
        let root = tempfile::tempdir().unwrap();
        let (ws, app, pkg) = (root.path().join("ws"), root.path().join("ws/app"), root.path().join("ws/app/pkg"));
        std::fs::create_dir_all(&pkg).unwrap();
        std::fs::write(ws.join("go.work"), "go 1.24\n").unwrap();
        std::fs::write(app.join("go.mod"), "module app\n").unwrap();
        assert_eq!(find_config(&pkg), None);
        std::fs::write(ws.join(CONFIG_FILE), "").unwrap();
        assert_eq!(find_config(&pkg), Some(ws.join(CONFIG_FILE)));
        std::fs::write(app.join(CONFIG_FILE), "").unwrap();
        assert_eq!(find_config(&pkg), Some(app.join(CONFIG_FILE)));
        assert_eq!(find_config(&ws), Some(ws.join(CONFIG_FILE)));
    }

    #[test]
    fn disable_removes_aspects_by_id_and_unknown_ids_are_errors() {
        let builtin = AspectSource {
            display: "builtin:aspects/x.yaml".into(),
            line_name: "gorch/aspects/x.yaml".into(),
            text: r#"aspects:
  - id: otel-one
    join-point:
      package-name: main
    advice:
      - add-blank-import: embed
  - id: other
    join-point:
      package-name: main
    advice:
      - add-blank-import: embed
"#
            .into(),
            module: None,
        };
        let set = AspectSet::from_sources(&[builtin.clone(), source("disable: ['otel-*']\n")]).unwrap();
        assert_eq!(set.aspects.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), vec!["other"]);
        let err = AspectSet::from_sources(&[builtin, source("\ndisable:\n  - otel-two\n")]).unwrap_err().to_string();
        assert_eq!(err, "gorch.yaml:3:5: disable: no aspect has an id matching \"otel-two\"");
    }

    #[test]
    fn disabling_half_of_a_hook_is_an_error() {
        let hook = r#"aspects:
  - id: lib
    join-point:
      import-path: example.com/lib
    advice:
      - inject-declarations:
          template: |
            //go:linkname setHook
            func setHook(f func()) {}
  - id: program
    join-point:
      main-package: true
    advice:
      - inject-declarations:
          template: |
            //go:linkname set example.com/lib.setHook
            func set(f func())
"#;
        assert!(errors(hook).is_empty());
        let err = AspectSet::from_sources(&[source(hook), source("disable: [lib]\n")]).unwrap_err().to_string();
        assert_eq!(
            err,
            "gorch.yaml:1:11: disable: turns off aspect \"lib\" (gorch.yaml:2), but aspect \"program\" (gorch.yaml:10) links to example.com/lib.setHook, which it defines; disable both"
        );
        assert!(AspectSet::from_sources(&[source(hook), source("disable: [lib, program]\n")]).is_ok());
    }

    #[test]
    fn aspects_know_the_go_releases_they_name() {
        let text = r#"aspects:
  - id: rt
    go: {min: "1.23", max: "1.27"}
    join-point:
      import-path: runtime
    advice:
      - add-blank-import: unsafe
"#;
        let set = AspectSet::from_sources(&[source(text)]).unwrap();
        let rt = &set.aspects[0];
        assert!(rt.knows_go("go1.23.12") && rt.knows_go("go1.27rc1") && rt.knows_go("devel go1.25-abc +x"));
        assert!(!rt.knows_go("go1.28.0") && !rt.knows_go("go1.22.5") && !rt.knows_go("unknown"));
        assert_eq!(
            errors(&text.replace("\"1.27\"", "\"1.20\"")),
            vec!["gorch.yaml:3:23: aspect \"rt\": go: min \"1.23\" is newer than max \"1.20\""]
        );
        assert_eq!(go_minor("go1.9"), Some(9));
    }

    #[test]
    fn empty_files_hold_no_aspects() {
        assert!(errors("# nothing yet\n").is_empty());
    }
}
