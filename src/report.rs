//! What a build instrumented: the one-line summary `gorch go` prints, and
//! the JSON report it writes with `--report FILE`.
//!
//! It is computed from the package set of the build (see `survey`), not
//! from the compiles that ran, so it is the same whether packages came from
//! the build cache or were compiled again.

use crate::aspect::AspectSet;
use crate::deps::buildflags::BuildFlags;
use crate::error::Error;
use crate::survey;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One place an aspect applied: (aspect, package, file, line); file and
/// line are empty for advice that applies to a whole package.
pub type Site = (String, String, String, usize);

pub struct Report {
    pub identity: String,
    pub sites: BTreeSet<Site>,
    /// Libraries the build uses that no aspect instruments, each with the
    /// number of packages that import it (`coverage`).
    pub uninstrumented: BTreeMap<String, usize>,
}

/// Surveys the build that `go <sub> <args>` runs.
pub fn of_build(sub: &str, args: &[String], dir: &Path) -> Result<Report, Error> {
    let set = AspectSet::load(dir)?;
    let flags = BuildFlags::parse(args.iter().cloned());
    let mut patterns = flags.patterns.clone();
    if sub == "run" {
        // After the package come the program's arguments.
        patterns.truncate(1);
    }
    let mut list_args = flags.flags.clone();
    list_args.extend(patterns);
    let packages = survey::packages(&list_args, sub == "test", dir)?;
    let uninstrumented = crate::coverage::uninstrumented(
        &set,
        packages.iter().filter_map(|p| Some((p.info.import_path.as_str(), p.info.imports.as_ref()?))),
    );
    let mut sites = BTreeSet::new();
    survey::survey(&set, packages, dir, |package| {
        for applied in &package.rewritten.applied {
            let (file, line) =
                if applied.line == 0 { (String::new(), 0) } else { (applied.file.clone(), applied.line) };
            sites.insert((applied.aspect.clone(), package.info.import_path.clone(), file, line));
        }
        Ok(())
    })?;
    Ok(Report { identity: crate::identity::of(&set, dir).text, sites, uninstrumented })
}

impl Report {
    /// `gorch: instrumented 12 sites in 4 packages (otel-http-serve 2, ...)`,
    /// and a second line naming the libraries no aspect instruments.
    pub fn summary(&self) -> String {
        let mut summary = self.sites_summary();
        if !self.uninstrumented.is_empty() {
            let named: Vec<String> = self
                .uninstrumented
                .iter()
                .map(|(library, n)| format!("{library} (used by {n} package{})", if *n == 1 { "" } else { "s" }))
                .collect();
            summary.push_str(&format!("\ngorch: no built-in instrumentation for: {}", named.join(", ")));
        }
        summary
    }

    fn sites_summary(&self) -> String {
        if self.sites.is_empty() {
            return "gorch: no aspect applied to this build".to_string();
        }
        let packages: BTreeSet<&str> = self.sites.iter().map(|s| s.1.as_str()).collect();
        let mut per_aspect: BTreeMap<&str, usize> = BTreeMap::new();
        for site in &self.sites {
            *per_aspect.entry(site.0.as_str()).or_default() += 1;
        }
        let counts: Vec<String> = per_aspect.iter().map(|(a, n)| format!("{a} {n}")).collect();
        format!("gorch: instrumented {} sites in {} packages ({})", self.sites.len(), packages.len(), counts.join(", "))
    }

    pub fn json(&self) -> String {
        let mut out = format!(
            "{{\n  \"gorch\": {},\n  \"identity\": {},\n  \"sites\": [",
            quote(crate::version::VERSION),
            quote(&self.identity)
        );
        for (i, (aspect, package, file, line)) in self.sites.iter().enumerate() {
            let sep = if i == 0 { "\n" } else { ",\n" };
            let (file, line) =
                if *line == 0 { ("null".to_string(), "null".to_string()) } else { (quote(file), line.to_string()) };
            out.push_str(&format!(
                "{sep}    {{\"aspect\": {}, \"package\": {}, \"file\": {file}, \"line\": {line}}}",
                quote(aspect),
                quote(package)
            ));
        }
        out.push_str("\n  ],\n  \"uninstrumented\": [");
        for (i, (library, n)) in self.uninstrumented.iter().enumerate() {
            let sep = if i == 0 { "\n" } else { ",\n" };
            out.push_str(&format!("{sep}    {{\"library\": {}, \"used_by\": {n}}}", quote(library)));
        }
        out.push_str(if self.uninstrumented.is_empty() { "]\n}\n" } else { "\n  ]\n}\n" });
        out
    }
}

/// `gorch version --json`: gorch's version and sources, the identity, and
/// the aspects in force, under the names of the build settings a binary
/// records.
pub fn version_json(set: &AspectSet, identity: &str) -> String {
    use crate::version::{ASPECTS_SETTING, VERSION_SETTING};
    let sources: Vec<String> = set
        .sources
        .iter()
        .map(|s| {
            format!("{{\"file\": {}, \"aspects\": {}, \"disabled\": {}}}", quote(&s.display), s.aspects, s.disabled)
        })
        .collect();
    format!(
        "{{\"{VERSION_SETTING}\": {}, \"{ASPECTS_SETTING}\": {}, \"source\": {}, \"identity\": {}, \"aspect_files\": [{}]}}",
        quote(crate::version::VERSION),
        quote(&set.files_hash),
        quote(crate::version::SOURCE_HASH),
        quote(identity),
        sources.join(", ")
    )
}

/// A JSON string literal.
fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_count_sites_packages_and_aspects() {
        let sites: BTreeSet<Site> = [
            ("otel-sdk".to_string(), "example.com/app".to_string(), String::new(), 0),
            ("otel-http-serve".to_string(), "example.com/app".to_string(), "main.go".to_string(), 12),
            ("otel-sql-open".to_string(), "example.com/app/db".to_string(), "db/db.go".to_string(), 7),
        ]
        .into();
        let uninstrumented = [("github.com/redis/go-redis/v9".to_string(), 3)].into();
        let report = Report { identity: "gorch@0.1.0:x".to_string(), sites, uninstrumented };
        assert_eq!(
            report.summary(),
            "gorch: instrumented 3 sites in 2 packages (otel-http-serve 1, otel-sdk 1, otel-sql-open 1)\n\
             gorch: no built-in instrumentation for: github.com/redis/go-redis/v9 (used by 3 packages)"
        );
        let json = report.json();
        assert!(
            json.contains(
                "{\"aspect\": \"otel-sdk\", \"package\": \"example.com/app\", \"file\": null, \"line\": null}"
            ),
            "{json}"
        );
        assert!(json.contains("{\"aspect\": \"otel-sql-open\", \"package\": \"example.com/app/db\", \"file\": \"db/db.go\", \"line\": 7}"), "{json}");
        assert!(
            json.ends_with(
                "\"uninstrumented\": [\n    {\"library\": \"github.com/redis/go-redis/v9\", \"used_by\": 3}\n  ]\n}\n"
            ),
            "{json}"
        );
        assert_eq!(quote("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
    }
}
