//! The module files of a build, read without the go command: which files
//! decide the module versions (for cache keys), and which modules the
//! build's own code requires directly.
//!
//! The main module is the nearest go.mod above the directory; a workspace
//! is `$GOWORK`, else the nearest go.work (unless `GOWORK=off`), and adds
//! every module it uses.

use std::fs;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Modules {
    /// go.mod, go.sum and vendor/modules.txt of every main module, and
    /// go.work and go.work.sum: existing or not, in a stable order.
    pub files: Vec<PathBuf>,
    /// The main modules' paths and their direct (not `// indirect`)
    /// requirements.
    pub direct: Vec<String>,
}

impl Modules {
    pub fn of(dir: &Path) -> Modules {
        let mut roots: Vec<PathBuf> = Vec::new();
        let mut files = Vec::new();
        if let Some(work) = workspace_file(dir) {
            let root = work.parent().unwrap_or(Path::new("/")).to_path_buf();
            let text = fs::read_to_string(&work).unwrap_or_default();
            roots.extend(directive_values(&text, "use").into_iter().map(|u| root.join(u)));
            files.push(work.clone());
            files.push(work.with_extension("work.sum"));
        }
        if roots.is_empty()
            && let Some(root) = dir.ancestors().find(|d| d.join("go.mod").is_file())
        {
            roots.push(root.to_path_buf());
        }
        let mut direct = Vec::new();
        for root in &roots {
            files.extend(["go.mod", "go.sum", "vendor/modules.txt"].map(|f| root.join(f)));
            let text = fs::read_to_string(root.join("go.mod")).unwrap_or_default();
            direct.extend(directive_values(&text, "module"));
            direct.extend(requirement_lines(&text).filter(|l| !l.contains("// indirect")).filter_map(first_word));
        }
        direct.sort();
        direct.dedup();
        Modules { files, direct }
    }

    /// Whether the build's own code can import `path` directly: a
    /// standard package, or one of a main module or a direct requirement.
    pub fn directly_available(&self, path: &str) -> bool {
        crate::go::paths::is_standard(path)
            || self
                .direct
                .iter()
                .any(|m| path == m || path.strip_prefix(m.as_str()).is_some_and(|r| r.starts_with('/')))
    }
}

fn workspace_file(dir: &Path) -> Option<PathBuf> {
    match std::env::var("GOWORK") {
        Ok(value) if value == "off" => None,
        Ok(value) if !value.is_empty() => Some(PathBuf::from(value)),
        _ => dir.ancestors().map(|d| d.join("go.work")).find(|f| f.is_file()),
    }
}

/// The module path a go.mod declares.
pub fn module_path(go_mod: &str) -> Option<String> {
    directive_values(go_mod, "module").into_iter().next()
}

/// The values of a directive (`use ./a`, `use ( ./a ./b )`, `module m`),
/// without comments or quotes.
fn directive_values(text: &str, name: &str) -> Vec<String> {
    let mut values = Vec::new();
    let mut in_block = false;
    for line in text.lines().map(strip_comment) {
        if in_block {
            if line == ")" {
                in_block = false;
            } else if let Some(word) = first_word(line) {
                values.push(word);
            }
        } else if let Some(rest) = line.strip_prefix(name).filter(|r| r.starts_with([' ', '\t', '('])) {
            let rest = rest.trim();
            if rest == "(" {
                in_block = true;
            } else if let Some(word) = first_word(rest) {
                values.push(word);
            }
        }
    }
    values
}

/// The lines of `require` directives (one per requirement), comments kept.
fn requirement_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut in_block = false;
    text.lines().filter_map(move |line| {
        let line = line.trim();
        if in_block {
            if line == ")" {
                in_block = false;
                return None;
            }
            return Some(line).filter(|l| !l.is_empty() && !l.starts_with("//"));
        }
        let rest = line.strip_prefix("require")?.trim_start();
        if rest.starts_with('(') {
            in_block = true;
            return None;
        }
        Some(rest)
    })
}

fn strip_comment(line: &str) -> &str {
    line.split("//").next().unwrap_or("").trim()
}

fn first_word(line: &str) -> Option<String> {
    let word = line.split_whitespace().next()?.trim_matches('"');
    (!word.is_empty()).then(|| word.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GO_MOD: &str = r#"module example.com/shop

go 1.24

require github.com/gin-gonic/gin v1.12.0

require (
	"google.golang.org/grpc" v1.85.0
	github.com/XSAM/otelsql v0.44.0 // indirect
	// a comment
)
"#;

    #[test]
    fn direct_requirements_and_main_modules() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("go.mod"), GO_MOD).unwrap();
        fs::create_dir(dir.path().join("cmd")).unwrap();
        let modules = Modules::of(&dir.path().join("cmd"));
        assert_eq!(modules.direct, ["example.com/shop", "github.com/gin-gonic/gin", "google.golang.org/grpc"]);
        assert!(modules.directly_available("net/http"));
        assert!(modules.directly_available("google.golang.org/grpc/credentials"));
        assert!(modules.directly_available("example.com/shop/internal/db"));
        assert!(!modules.directly_available("github.com/XSAM/otelsql"));
        assert!(!modules.directly_available("google.golang.org/grpcx"));
        assert_eq!(modules.files[0], dir.path().join("go.mod"));
    }

    #[test]
    fn workspaces_add_every_module_they_use() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("go.work"), "go 1.24\n\nuse (\n\t./app // the program\n\t./lib\n)\n").unwrap();
        for (name, text) in
            [("app", "module example.com/app\n"), ("lib", "module example.com/lib\nrequire x.org/y v1.0.0\n")]
        {
            fs::create_dir(dir.path().join(name)).unwrap();
            fs::write(dir.path().join(name).join("go.mod"), text).unwrap();
        }
        let modules = Modules::of(&dir.path().join("app"));
        assert_eq!(modules.direct, ["example.com/app", "example.com/lib", "x.org/y"]);
        assert!(modules.files.contains(&dir.path().join("lib/go.sum")));
        assert!(modules.files.contains(&dir.path().join("go.work.sum")));
    }
}
