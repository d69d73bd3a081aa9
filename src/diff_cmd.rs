//! `gorch diff`: what gorch would change in a build, as unified diffs.

use crate::aspect::AspectSet;
use crate::error::Error;
use crate::survey::{self, shown};

pub fn run(args: &[String], line_directives: bool) -> Result<i32, Error> {
    let cwd = std::env::current_dir().map_err(|e| Error::io(".", e))?;
    let set = AspectSet::load(&cwd)?;
    let packages = survey::packages(args, false, &cwd)?;
    let (mut files_changed, mut packages_changed) = (0, 0);
    survey::survey(&set, packages, &cwd, |package| {
        packages_changed += 1;
        for changed in &package.rewritten.files {
            let file = &package.files[changed.index];
            let text = if line_directives { &changed.compiled } else { &changed.readable };
            print!("{}", crate::diff::unified(&file.name, Some(&file.text), text));
            files_changed += 1;
        }
        if let Some(generated) = &package.rewritten.generated {
            let name = shown(&package.dir.join("gorch_generated.go"), &cwd);
            let text = if line_directives { &generated.compiled } else { &generated.readable };
            print!("{}", crate::diff::unified(&name, None, text));
            files_changed += 1;
        }
        Ok(())
    })?;
    eprintln!("gorch: {files_changed} files changed in {packages_changed} packages");
    Ok(0)
}
