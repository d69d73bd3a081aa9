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
    "any",
    "bool",
    "byte",
    "comparable",
    "complex64",
    "complex128",
    "error",
    "float32",
    "float64",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "rune",
    "string",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
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
    /// The canonical spelling of a type node.
    pub fn canonical(&self, node: Node) -> String {
        normalize_type(&self.spell(node))
    }

    /// The canonical type of every parameter in a list, one per name
    /// (`a, b int` gives two), `...T` for a variadic one.
    pub fn parameter_types(&self, list: Node) -> Vec<String> {
        let mut types = Vec::new();
        let mut cursor = list.walk();
        for decl in list.named_children(&mut cursor) {
            let Some(canonical) = self.parameter_type(decl) else { continue };
            let mut inner = decl.walk();
            let count = decl.children_by_field_name("name", &mut inner).count().max(1);
            types.extend(std::iter::repeat_n(canonical, count));
        }
        types
    }

    /// The canonical type of one parameter declaration (`...T` when
    /// variadic); `None` for a node that is not one.
    pub fn parameter_type(&self, decl: Node) -> Option<String> {
        let canonical = self.canonical(decl.child_by_field_name("type")?);
        Some(if decl.kind() == "variadic_parameter_declaration" { format!("...{canonical}") } else { canonical })
    }

    /// Result types: a parenthesized list, or a single bare type.
    pub fn result_types(&self, result: Node) -> Vec<String> {
        if result.kind() == "parameter_list" { self.parameter_types(result) } else { vec![self.canonical(result)] }
    }

    /// The type with names qualified; spaces are left for `normalize_type`.
    fn spell(&self, node: Node) -> String {
        let text = || self.file.text_of(node).to_string();
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
                let (Some(pkg), Some(name)) = (node.child_by_field_name("package"), node.child_by_field_name("name"))
                else {
                    return text();
                };
                match self.imports.path_of_qualifier(self.file.text_of(pkg)) {
                    Some(path) => format!("{path}.{}", self.file.text_of(name)),
                    None => text(),
                }
            }
            "pointer_type" => match node.named_child(0) {
                Some(elem) => format!("*{}", self.spell(elem)),
                None => text(),
            },
            "slice_type" => match node.child_by_field_name("element") {
                Some(elem) => format!("[]{}", self.spell(elem)),
                None => text(),
            },
            "array_type" => match (node.child_by_field_name("length"), node.child_by_field_name("element")) {
                (Some(len), Some(elem)) => {
                    format!("[{}]{}", self.file.text_of(len), self.spell(elem))
                }
                _ => text(),
            },
            "map_type" => match (node.child_by_field_name("key"), node.child_by_field_name("value")) {
                (Some(k), Some(v)) => format!("map[{}]{}", self.spell(k), self.spell(v)),
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
                        "type_elem" => arg.named_child(0).map_or_else(text, |t| self.spell(t)),
                        _ => self.spell(arg),
                    })
                    .collect();
                format!("{}[{}]", self.spell(base), parts.join(","))
            }
            "parenthesized_type" => node.named_child(0).map_or_else(text, |t| self.spell(t)),
            "interface_type" if node.named_child_count() == 0 => "any".to_string(),
            "channel_type" => {
                let mut cursor = node.walk();
                let parts: Vec<String> = node
                    .children(&mut cursor)
                    .map(|c| if c.is_named() { self.spell(c) } else { c.kind().to_string() })
                    .collect();
                parts.join(" ")
            }
            "function_type" => {
                let params =
                    node.child_by_field_name("parameters").map(|l| self.parameter_types(l)).unwrap_or_default();
                let results = match node.child_by_field_name("result") {
                    Some(r) if r.kind() == "parameter_list" => format!("({})", self.parameter_types(r).join(",")),
                    Some(r) => self.canonical(r),
                    None => String::new(),
                };
                format!("func({}) {results}", params.join(","))
            }
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

/// The import paths a type written with import paths names:
/// `map[string]*net/http.Request` names `net/http`.
pub fn import_paths(ty: &str) -> Vec<&str> {
    ty.split(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '.' | '/' | '-' | '~')))
        .filter_map(|word| word.rsplit_once('.').map(|(path, _)| path))
        .filter(|path| !path.is_empty())
        .collect()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::go::source::{Walk, walk_tree};

    fn param_types(src: &str) -> Vec<String> {
        let file =
            SourceFile::parse("p.go", format!("package p\n\nimport h \"net/http\"\nimport \"context\"\n\n{src}\n"));
        let imports = FileImports::of(&file);
        let names = TypeNames { file: &file, imports: &imports, package_path: "example.com/p", type_params: vec!["T"] };
        let mut params = None;
        walk_tree(file.root(), |n| {
            if n.kind() == "function_declaration" {
                params = n.child_by_field_name("parameters");
            }
            Walk::Descend
        });
        names.parameter_types(params.unwrap())
    }

    #[test]
    fn qualifies_by_import_path() {
        assert_eq!(
            param_types(
                "func f(a context.Context, b *h.Request, c []byte, d map[string]*Local, e interface{}, f Stack[T], g chan  int, h func(w h.ResponseWriter, r *h.Request) error, i <-chan *T, j chan<- []byte) {}"
            ),
            vec![
                "context.Context",
                "*net/http.Request",
                "[]byte",
                "map[string]*example.com/p.Local",
                "any",
                "example.com/p.Stack[T]",
                "chan int",
                "func(net/http.ResponseWriter,*net/http.Request)error",
                "<-chan*T",
                "chan<-[]byte",
            ]
        );
    }

    #[test]
    fn normalizes_aspect_spelling() {
        assert_eq!(normalize_type(" * net/http.Request "), "*net/http.Request");
        assert_eq!(normalize_type("map[string] int"), "map[string]int");
        assert_eq!(normalize_type("interface{ }"), "any");
        assert_eq!(normalize_type("chan  int"), "chan int");
        assert_eq!(
            normalize_type("func(net/http.ResponseWriter, *net/http.Request) error"),
            "func(net/http.ResponseWriter,*net/http.Request)error"
        );
    }
}
