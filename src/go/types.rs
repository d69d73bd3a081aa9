//! Canonical spelling of Go types, so that a type written in an aspect
//! (`*net/http.Request`) can be compared with one written in a file
//! (`*h.Request` under `import h "net/http"`).
//!
//! The canonical form qualifies named types by import path, keeps
//! predeclared types and type parameters bare, writes `any` for the empty
//! interface, and drops insignificant spaces. It is syntax, not type
//! checking: aliases and defined types are not unified.

use super::imports::FileImports;
use super::source::SourceFile;
use tree_sitter::Node;

const PREDECLARED: &[&str] = &[
    "any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32", "float64",
    "int", "int8", "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32",
    "uint64", "uintptr",
];

pub struct TypeNames<'a> {
    pub file: &'a SourceFile,
    pub imports: &'a FileImports,
    /// Import path of the package being compiled: local named types are
    /// qualified with it.
    pub package_path: &'a str,
    /// Type parameters in scope (of the function and of its receiver).
    pub type_params: Vec<&'a str>,
}

impl TypeNames<'_> {
    pub fn canonical(&self, node: Node) -> String {
        let text = || normalize_type(self.file.text_of(node));
        match node.kind() {
            "type_identifier" => {
                let name = self.file.text_of(node);
                if PREDECLARED.contains(&name) || self.type_params.contains(&name) {
                    name.to_string()
                } else {
                    format!("{}.{name}", self.package_path)
                }
            }
            "qualified_type" => {
                let (Some(pkg), Some(name)) =
                    (node.child_by_field_name("package"), node.child_by_field_name("name"))
                else {
                    return text();
                };
                match self.imports.path_of_qualifier(self.file.text_of(pkg)) {
                    Some(path) => format!("{path}.{}", self.file.text_of(name)),
                    None => text(),
                }
            }
            "pointer_type" => match node.named_child(0) {
                Some(elem) => format!("*{}", self.canonical(elem)),
                None => text(),
            },
            "slice_type" => match node.child_by_field_name("element") {
                Some(elem) => format!("[]{}", self.canonical(elem)),
                None => text(),
            },
            "array_type" => match (node.child_by_field_name("length"), node.child_by_field_name("element")) {
                (Some(len), Some(elem)) => {
                    format!("[{}]{}", normalize_type(self.file.text_of(len)), self.canonical(elem))
                }
                _ => text(),
            },
            "map_type" => match (node.child_by_field_name("key"), node.child_by_field_name("value")) {
                (Some(k), Some(v)) => format!("map[{}]{}", self.canonical(k), self.canonical(v)),
                _ => text(),
            },
            "generic_type" => {
                let (Some(base), Some(args)) =
                    (node.child_by_field_name("type"), node.child_by_field_name("type_arguments"))
                else {
                    return text();
                };
                let mut cursor = args.walk();
                let parts: Vec<String> = args
                    .named_children(&mut cursor)
                    .map(|arg| match arg.kind() {
                        "type_elem" => arg.named_child(0).map_or_else(|| text(), |t| self.canonical(t)),
                        _ => self.canonical(arg),
                    })
                    .collect();
                format!("{}[{}]", self.canonical(base), parts.join(","))
            }
            "parenthesized_type" => node.named_child(0).map_or_else(text, |t| self.canonical(t)),
            "interface_type" if node.named_child_count() == 0 => "any".to_string(),
            _ => text(),
        }
    }
}

/// Spelling of a type string without insignificant spaces: spaces are kept
/// only between two word characters (`chan int`, `func() error`).
pub fn normalize_type(text: &str) -> String {
    let collapsed: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::new();
    for (i, word) in collapsed.iter().enumerate() {
        if i > 0 {
            let prev = out.chars().last().unwrap_or(' ');
            let next = word.chars().next().unwrap_or(' ');
            if is_word(prev) && is_word(next) {
                out.push(' ');
            }
        }
        out.push_str(word);
    }
    if out == "interface{}" {
        return "any".to_string();
    }
    out
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::go::source::{walk_tree, Walk};

    fn param_types(src: &str) -> Vec<String> {
        let file = SourceFile::parse("p.go", format!("package p\n\nimport h \"net/http\"\nimport \"context\"\n\n{src}\n"));
        let imports = FileImports::of(&file);
        let names = TypeNames { file: &file, imports: &imports, package_path: "example.com/p", type_params: vec!["T"] };
        let mut out = Vec::new();
        walk_tree(file.root(), |n| {
            if n.kind() == "parameter_declaration" {
                out.push(names.canonical(n.child_by_field_name("type").unwrap()));
            }
            Walk::Descend
        });
        out
    }

    #[test]
    fn qualifies_by_import_path() {
        assert_eq!(
            param_types("func f(a context.Context, b *h.Request, c []byte, d map[string]*Local, e interface{}, f Stack[T], g chan  int) {}"),
            vec!["context.Context", "*net/http.Request", "[]byte", "map[string]*example.com/p.Local", "any", "example.com/p.Stack[T]", "chan int"]
        );
    }

    #[test]
    fn normalizes_aspect_spelling() {
        assert_eq!(normalize_type(" * net/http.Request "), "*net/http.Request");
        assert_eq!(normalize_type("map[string] int"), "map[string]int");
        assert_eq!(normalize_type("interface{ }"), "any");
        assert_eq!(normalize_type("chan  int"), "chan int");
    }
}
