//! Resolving, before a build compiles anything, the packages its advice
//! may inject.
//!
//! Left to the compiles, the first one that injects a package waits for a
//! nested go command that compiles the injected packages and everything
//! they import, while the outer build goes on compiling beside it: on a
//! cold go cache, the packages both need (net/http, crypto/tls, gRPC, ...)
//! are compiled twice, at the same time. The go command probes
//! `compile -V=full` once per build, before its first compile, and waits
//! for the answer; there gorch resolves everything the build may inject at
//! once, with every core. The outer build then finds the packages it
//! shares with the injected ones already compiled, and each compile's
//! resolution is answered from the prepared one (`deps::resolve`).
//!
//! Only where it pays: gorch's cache is on (the answer waits there, and a
//! build with nothing to do finds it in a few milliseconds), the aspects
//! inject packages from outside the standard library, and every injected
//! package could be listed (a module that `gorch pin` has not added is
//! reported by the compile that needs it, as before). An aspect counts
//! only when its join point can match code of this build: a call of
//! `google.golang.org/grpc.NewServer` needs the module to require gRPC
//! directly.

use crate::aspect::AspectSet;
use crate::aspect::join::{Answer, WholeBuild};
use crate::cache::Cache;
use crate::deps::buildflags::BuildFlags;
use crate::deps::gomod::Modules;
use crate::deps::resolve::Resolver;
use crate::go::paths::is_standard;
use crate::identity::Identity;
use std::collections::BTreeSet;
use std::path::Path;

/// Everything the aspects that can apply to this build may inject, when
/// some of it is outside the standard library.
pub fn paths(set: &AspectSet, modules: &Modules) -> Option<BTreeSet<String>> {
    // Before any compile, only which packages its modules can provide is known.
    let build = WholeBuild(|path: &str| modules.directly_available(path));
    let paths: BTreeSet<String> = set
        .aspects
        .iter()
        .filter(|a| a.join_point.answer(&build) != Answer::Never)
        .flat_map(|a| a.advice.iter().flat_map(|x| x.import_paths()))
        .map(str::to_string)
        .collect();
    paths.iter().any(|p| !is_standard(p)).then_some(paths)
}

/// Prepares the build run in `dir`. Never fails the build: a problem is
/// the concern of the compile that meets it.
pub fn run(set: &AspectSet, identity: &Identity, dir: &Path) {
    if !identity.listed_cleanly || !matches!(Cache::open(), Ok(Some(_))) {
        return;
    }
    let Some(paths) = paths(set, &Modules::of(dir)) else { return };
    let Ok(gorch) = std::env::current_exe() else { return };
    let resolver = Resolver {
        flags: BuildFlags::of_outer_build(),
        identity: identity.text.clone(),
        gorch,
        dir: dir.to_path_buf(),
        work: None,
        prepared: Some(paths.clone()),
    };
    let started = std::time::Instant::now();
    let outcome = resolver.prepare(&paths);
    crate::log::event(format_args!(
        "prepare {} packages: {} in {:.2}s",
        paths.len(),
        match &outcome {
            Ok(()) => "done".to_string(),
            Err(e) => format!("failed ({e})"),
        },
        started.elapsed().as_secs_f64()
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aspect::AspectSource;

    #[test]
    fn only_aspects_that_can_match_count() {
        let text = r#"aspects:
  - id: grpc
    join-point:
      function-call: google.golang.org/grpc.NewServer
    requires:
      example.com/grpcotel: v1.0.0
    advice:
      - wrap-expression:
          imports:
            g: example.com/grpcotel
          template: '{{g}}.Wrap({{expr}})'
  - id: http
    join-point:
      function-call: net/http.ListenAndServe
    requires:
      example.com/httpotel: v1.0.0
    advice:
      - wrap-expression:
          imports:
            h: example.com/httpotel
          template: '{{h}}.Wrap({{expr}})'
"#;
        let source = AspectSource::outside_modules("gorch.yaml", "gorch.yaml", text.into());
        let set = AspectSet::from_sources(&[source]).unwrap();
        let without_grpc = Modules { files: vec![], direct: vec!["example.com/app".into()] };
        assert_eq!(paths(&set, &without_grpc), Some(["example.com/httpotel".to_string()].into()));
        let with_grpc = Modules { files: vec![], direct: vec!["google.golang.org/grpc".into()] };
        let both: BTreeSet<String> = ["example.com/grpcotel".into(), "example.com/httpotel".into()].into();
        assert_eq!(paths(&set, &with_grpc), Some(both));
    }
}
