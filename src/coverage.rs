//! The libraries a build uses that no aspect in force instruments, from
//! gorch's list of libraries that talk to the world outside the program
//! (`aspects/libraries.txt`), so that a library gorch cannot see is named
//! rather than silently missing from the traces.

use crate::aspect::AspectSet;
use crate::aspect::join::glob_options;
use crate::go::paths::in_module;
use std::collections::{BTreeMap, BTreeSet};

const LIBRARIES: &str = include_str!("../aspects/libraries.txt");

/// A library of the list: the name it is reported by (its module), and the
/// packages a program imports to use it.
struct Library {
    name: &'static str,
    packages: Vec<glob::Pattern>,
}

/// The list; a line whose glob does not parse is left out (the unit test
/// below keeps the list clean).
fn libraries() -> Vec<Library> {
    LIBRARIES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let name = words.next()?;
            let packages: Option<Vec<glob::Pattern>> = words.map(|w| glob::Pattern::new(w).ok()).collect();
            Some(Library { name, packages: packages.filter(|p| !p.is_empty())? })
        })
        .collect()
}

/// Of the listed libraries, those that `packages` (each with its direct
/// imports) use while no aspect of `set` names one of their packages: each
/// with the number of packages outside it that import it.
pub fn uninstrumented<'p>(
    set: &AspectSet,
    packages: impl IntoIterator<Item = (&'p str, &'p BTreeSet<String>)>,
) -> BTreeMap<String, usize> {
    let mut named = BTreeSet::new();
    for aspect in &set.aspects {
        aspect.join_point.named_packages(&mut named);
    }
    let libraries: Vec<Library> = libraries()
        .into_iter()
        .filter(|l| !named.iter().any(|p| l.packages.iter().any(|g| g.matches_with(p, glob_options()))))
        .collect();
    let mut users: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (package, imports) in packages {
        for library in &libraries {
            let uses = imports.iter().any(|i| library.packages.iter().any(|g| g.matches_with(i, glob_options())));
            if uses && !in_module(package, library.name) {
                users.entry(library.name).or_default().insert(package);
            }
        }
    }
    users.into_iter().map(|(name, users)| (name.to_string(), users.len())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_list_names_a_library_and_its_packages() {
        let lines = LIBRARIES.lines().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')).count();
        assert_eq!(libraries().len(), lines);
        assert!(libraries().iter().any(|l| l.name == "github.com/redis/go-redis/v9"));
    }

    #[test]
    fn a_library_is_reported_with_its_users_until_an_aspect_names_it() {
        let imports: BTreeSet<String> =
            ["github.com/redis/go-redis/v9", "github.com/aws/aws-sdk-go-v2/service/s3", "fmt"].map(String::from).into();
        let own: BTreeSet<String> = ["github.com/redis/go-redis/v9/internal".to_string()].into();
        let packages = [
            ("example.com/app", &imports),
            ("example.com/app/cache", &imports),
            ("github.com/redis/go-redis/v9", &own),
        ];
        let none = AspectSet::from_sources(&[]).unwrap();
        let want: BTreeMap<String, usize> =
            [("github.com/aws/aws-sdk-go-v2".to_string(), 2), ("github.com/redis/go-redis/v9".to_string(), 2)].into();
        assert_eq!(uninstrumented(&none, packages), want);
        // An aspect that names one of a library's packages instruments it.
        let source = crate::aspect::AspectSource::outside_modules(
            "gorch.yaml",
            "gorch.yaml",
            "aspects:\n  - id: redis\n    join-point:\n      import-path: github.com/redis/go-redis/v9\n    advice:\n      - add-blank-import: fmt\n".to_string(),
        );
        let redis = AspectSet::from_sources(&[source]).unwrap();
        assert_eq!(uninstrumented(&redis, packages).keys().collect::<Vec<_>>(), ["github.com/aws/aws-sdk-go-v2"]);
    }
}
