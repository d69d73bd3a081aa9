//! Links between aspects: a hook inside a library is a pair of aspects,
//! one that defines a function in the library and marks it
//! `//go:linkname name`, one that declares it elsewhere with
//! `//go:linkname local path.name`. Turning off the first and not the
//! second would leave the linker with a reference to nothing; this finds
//! such pairs when aspects load.

use super::Aspect;
use super::advice::Advice;

/// The symbols (`net/http.__gorch_setServerHook`) an aspect's declarations
/// define for others to link to, and those they link to.
pub struct Links {
    pub defines: Vec<String>,
    pub uses: Vec<String>,
}

pub fn of(aspect: &Aspect) -> Links {
    let mut links = Links { defines: Vec::new(), uses: Vec::new() };
    let packages = aspect.join_point.only_in().unwrap_or_default();
    for advice in &aspect.advice {
        let Advice::InjectDeclarations(code) = advice else { continue };
        for line in code.template.source.lines() {
            let Some(rest) = line.trim().strip_prefix("//go:linkname ") else { continue };
            match rest.split_whitespace().collect::<Vec<_>>()[..] {
                [name] => links.defines.extend(packages.iter().map(|p| format!("{p}.{name}"))),
                [_, target] => links.uses.push(target.to_string()),
                _ => {}
            }
        }
    }
    links
}

/// For each aspect in force that links to a symbol only a turned-off
/// aspect defines: (the aspect, the symbol, the aspect that defines it).
pub fn broken<'a>(on: &'a [Aspect], off: &'a [Aspect]) -> Vec<(&'a Aspect, String, &'a Aspect)> {
    if off.is_empty() {
        return Vec::new();
    }
    let defined_on: Vec<String> = on.iter().flat_map(|a| of(a).defines).collect();
    let mut found = Vec::new();
    for aspect in on {
        for symbol in of(aspect).uses {
            if defined_on.contains(&symbol) {
                continue;
            }
            if let Some(definer) = off.iter().find(|a| of(a).defines.contains(&symbol)) {
                found.push((aspect, symbol, definer));
            }
        }
    }
    found
}
