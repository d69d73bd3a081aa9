//! The imports of one Go file, and how names in that file resolve to
//! import paths.
//!
//! Join points name things by import path (`net/http.ListenAndServe`); files
//! name them by whatever the import declaration chose: the package's own
//! name, a rename, a dot import. This module answers "which import path
//! does this qualifier mean here?" It knows nothing of local scopes: the
//! caller checks shadowing (see `scope`).

use super::source::SourceFile;
use tree_sitter::Node;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportName {
    /// `import "net/http"`: the package's own name.
    Default,
    /// `import h "net/http"`.
    Alias(String),
    /// `import . "net/http"`.
    Dot,
    /// `import _ "net/http"`.
    Blank,
}

#[derive(Debug, Clone)]
pub struct ImportSpec {
    pub path: String,
    pub name: ImportName,
}

#[derive(Debug, Clone, Default)]
pub struct FileImports {
    pub specs: Vec<ImportSpec>,
    /// Byte offset just after the package clause: where new import
    /// declarations can be inserted without moving any existing line.
    pub after_package_clause: usize,
}

impl FileImports {
    pub fn of(file: &SourceFile) -> FileImports {
        let root = file.root();
        let mut imports = FileImports::default();
        let mut cursor = root.walk();
        for decl in root.named_children(&mut cursor) {
            match decl.kind() {
                "package_clause" => imports.after_package_clause = decl.end_byte(),
                "import_declaration" => {
                    let mut specs = Vec::new();
                    collect_specs(decl, &mut specs);
                    for spec in specs {
                        if let Some(parsed) = parse_spec(file, spec) {
                            imports.specs.push(parsed);
                        }
                    }
                }
                _ => {}
            }
        }
        imports
    }

    /// The import path that `qualifier` (the `X` of `X.Name`) refers to at
    /// file scope, if it is an import name.
    pub fn path_of_qualifier(&self, qualifier: &str) -> Option<&str> {
        self.specs.iter().find_map(|spec| match &spec.name {
            ImportName::Alias(alias) if alias == qualifier => Some(spec.path.as_str()),
            ImportName::Default if default_package_name(&spec.path) == qualifier => Some(spec.path.as_str()),
            _ => None,
        })
    }

    /// Import paths brought into file scope with a dot import.
    pub fn dot_imports(&self) -> impl Iterator<Item = &str> {
        self.specs.iter().filter(|s| s.name == ImportName::Dot).map(|s| s.path.as_str())
    }

    pub fn imports(&self, path: &str) -> bool {
        self.specs.iter().any(|s| s.path == path)
    }
}

fn collect_specs<'t>(node: Node<'t>, out: &mut Vec<Node<'t>>) {
    let mut cursor = node.walk();
    for child in node.named_children(&mut cursor) {
        match child.kind() {
            "import_spec" => out.push(child),
            "import_spec_list" => collect_specs(child, out),
            _ => {}
        }
    }
}

fn parse_spec(file: &SourceFile, spec: Node) -> Option<ImportSpec> {
    let path_node = spec.child_by_field_name("path")?;
    let path = unquote(file.text_of(path_node))?;
    let name = match spec.child_by_field_name("name") {
        None => ImportName::Default,
        Some(n) => match n.kind() {
            "dot" => ImportName::Dot,
            "blank_identifier" => ImportName::Blank,
            _ => ImportName::Alias(file.text_of(n).to_string()),
        },
    };
    Some(ImportSpec { path, name })
}

/// The contents of an import path literal. Import paths cannot hold
/// escapes worth supporting, so only plain literals are accepted.
fn unquote(literal: &str) -> Option<String> {
    let inner = literal
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .or_else(|| literal.strip_prefix('`').and_then(|s| s.strip_suffix('`')))?;
    (!inner.contains('\\')).then(|| inner.to_string())
}

/// The name a package is imported under when the import does not rename
/// it, by the Go convention: the last path element, without a major-version
/// suffix (`/v2`, `.v3`) or a `go-` prefix / `-go` suffix. A package whose
/// name breaks the convention must be imported with an explicit name for
/// its calls to be recognised (the same rule goimports follows).
pub fn default_package_name(path: &str) -> &str {
    let mut elems = path.rsplit('/');
    let mut last = elems.next().unwrap_or(path);
    if is_major_version(last)
        && let Some(prev) = elems.next()
    {
        last = prev;
    }
    if let Some(dot) = last.rfind(".v")
        && last[dot + 2..].chars().all(|c| c.is_ascii_digit())
        && dot + 2 < last.len()
    {
        last = &last[..dot];
    }
    let last = last.strip_prefix("go-").unwrap_or(last);
    last.strip_suffix("-go").unwrap_or(last)
}

fn is_major_version(elem: &str) -> bool {
    elem.len() > 1 && elem.starts_with('v') && elem[1..].chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names_follow_the_convention() {
        assert_eq!(default_package_name("net/http"), "http");
        assert_eq!(default_package_name("github.com/go-chi/chi/v5"), "chi");
        assert_eq!(default_package_name("gopkg.in/yaml.v3"), "yaml");
        assert_eq!(default_package_name("github.com/mattn/go-sqlite3"), "sqlite3");
        assert_eq!(default_package_name("github.com/x/thing-go"), "thing");
        assert_eq!(default_package_name("fmt"), "fmt");
    }

    #[test]
    fn resolves_renamed_dot_and_blank_imports() {
        let file = SourceFile::parse(
            "a.go",
            "package a\nimport (\n\th \"net/http\"\n\t. \"fmt\"\n\t_ \"embed\"\n\t\"context\"\n)\nimport `os`\n".into(),
        );
        let imports = FileImports::of(&file);
        assert_eq!(imports.path_of_qualifier("h"), Some("net/http"));
        assert_eq!(imports.path_of_qualifier("http"), None);
        assert_eq!(imports.path_of_qualifier("context"), Some("context"));
        assert_eq!(imports.path_of_qualifier("os"), Some("os"));
        assert_eq!(imports.path_of_qualifier("embed"), None);
        assert_eq!(imports.dot_imports().collect::<Vec<_>>(), vec!["fmt"]);
        assert_eq!(imports.after_package_clause, "package a".len());
    }
}
