//! Sites: the places in a file that advice can change.
//!
//! One walk over the tree collects every candidate a join point could
//! select: function declarations, calls, struct literals and the values of
//! their fields, the names of package-level values, and declarations
//! carrying directives. `//gorch:ignore`
//! above a declaration removes everything inside it; before the package
//! clause, it removes the whole file.

use crate::aspect::join::Kinds;
use crate::go::source::{SourceFile, Walk, walk_tree};
use tree_sitter::Node;

pub const IGNORE_DIRECTIVE: &str = "gorch:ignore";

/// A `//name args` comment directly above a declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub name: String,
    pub args: String,
    /// Byte offset of the comment.
    pub offset: usize,
}

#[derive(Debug, Clone)]
pub struct Site<'t> {
    pub kind: Kinds,
    /// The node advice changes: a function declaration, a call, a composite
    /// literal (with its `&`, if any), a field's value, a struct type's
    /// spec (`name struct{...}`), the name of a package-level value, a
    /// declaration.
    pub node: Node<'t>,
    /// The function declaration the site is in (or is).
    pub function: Option<Node<'t>>,
    /// Directives above the site's top-level declaration (for FUNCTION,
    /// DECLARATION and VALUE sites), and for a VALUE site in a group, those
    /// above its line of the group.
    pub directives: Vec<Directive>,
}

/// Collects the sites of a file, in source order.
pub fn collect<'t>(file: &'t SourceFile) -> Vec<Site<'t>> {
    let root = file.root();
    let mut sites = Vec::new();
    let mut cursor = root.walk();
    let top: Vec<Node<'t>> = root.named_children(&mut cursor).collect();
    if file_is_ignored(file, &top) {
        return sites;
    }
    for (i, decl) in top.iter().enumerate() {
        let directives = directives_above(file, &top[..i], *decl);
        if directives.iter().any(|d| d.name == IGNORE_DIRECTIVE) {
            continue;
        }
        let function = matches!(decl.kind(), "function_declaration" | "method_declaration").then_some(*decl);
        match decl.kind() {
            "function_declaration" | "method_declaration" => {
                sites.push(Site { kind: Kinds::FUNCTION, node: *decl, function, directives });
            }
            "type_declaration" | "var_declaration" | "const_declaration" => {
                if decl.kind() == "type_declaration" {
                    let mut cursor = decl.walk();
                    for spec in decl.named_children(&mut cursor).filter(|s| is_struct_spec(*s)) {
                        sites.push(Site {
                            kind: Kinds::TYPE,
                            node: spec,
                            function: None,
                            directives: directives.clone(),
                        });
                    }
                }
                if !directives.is_empty() {
                    sites.push(Site {
                        kind: Kinds::DECLARATION,
                        node: *decl,
                        function: None,
                        directives: directives.clone(),
                    });
                }
                value_sites(file, *decl, &directives, &mut sites);
            }
            _ => {}
        }
        collect_expressions(*decl, function, &mut sites);
    }
    sites
}

fn collect_expressions<'t>(decl: Node<'t>, function: Option<Node<'t>>, sites: &mut Vec<Site<'t>>) {
    walk_tree(decl, |node| {
        match node.kind() {
            "call_expression" => sites.push(Site { kind: Kinds::CALL, node, function, directives: Vec::new() }),
            "composite_literal" => {
                let outer =
                    node.parent().filter(|p| p.kind() == "unary_expression" && is_address_of(*p)).unwrap_or(node);
                sites.push(Site { kind: Kinds::LITERAL, node: outer, function, directives: Vec::new() });
                for value in field_values(node) {
                    sites.push(Site { kind: Kinds::FIELD, node: value, function, directives: Vec::new() });
                }
            }
            _ => {}
        }
        Walk::Descend
    });
}

/// One VALUE site for each name a package-level `var` or `const`
/// declaration gives.
fn value_sites<'t>(file: &'t SourceFile, decl: Node<'t>, directives: &[Directive], sites: &mut Vec<Site<'t>>) {
    let group = match decl.named_children(&mut decl.walk()).find(|n| n.kind() == "var_spec_list") {
        Some(list) => list,
        None => decl,
    };
    let mut cursor = group.walk();
    let members: Vec<Node<'t>> = group.named_children(&mut cursor).collect();
    for (i, spec) in members.iter().enumerate() {
        if !matches!(spec.kind(), "var_spec" | "const_spec") {
            continue;
        }
        let mut all = directives.to_vec();
        if group.start_position().row != spec.start_position().row {
            all.extend(directives_above(file, &members[..i], *spec));
        }
        let mut names = spec.walk();
        for name in spec.children_by_field_name("name", &mut names) {
            sites.push(Site { kind: Kinds::VALUE, node: name, function: None, directives: all.clone() });
        }
    }
}

/// For a VALUE site: its spec (`a, b int = 1, 2`), and which of the spec's
/// names it is.
pub fn value_spec(name: Node) -> Option<(Node, usize)> {
    let spec = name.parent().filter(|p| matches!(p.kind(), "var_spec" | "const_spec"))?;
    let mut cursor = spec.walk();
    let index = spec.children_by_field_name("name", &mut cursor).position(|n| n.id() == name.id())?;
    Some((spec, index))
}

/// `name struct{...}` in a type declaration.
fn is_struct_spec(spec: Node) -> bool {
    spec.kind() == "type_spec" && spec.child_by_field_name("type").is_some_and(|t| t.kind() == "struct_type")
}

fn is_address_of(unary: Node) -> bool {
    unary.child_by_field_name("operator").is_some_and(|op| op.kind() == "&")
}

/// The value expressions of `Key: value` elements of a composite literal
/// (elided-type values like `{1, 2}` cannot be wrapped and are left out).
fn field_values(literal: Node) -> Vec<Node> {
    let Some(body) = literal.child_by_field_name("body") else { return Vec::new() };
    let mut cursor = body.walk();
    body.named_children(&mut cursor)
        .filter(|e| e.kind() == "keyed_element")
        .filter_map(|e| e.child_by_field_name("value"))
        .filter_map(|v| v.named_child(0))
        .filter(|v| v.kind() != "literal_value")
        .collect()
}

/// For a FIELD site: the composite literal and the key it is the value of.
pub fn field_context<'t>(value: Node<'t>) -> Option<(Node<'t>, Node<'t>)> {
    let element = value.parent()?; // literal_element
    let keyed = element.parent().filter(|k| k.kind() == "keyed_element")?;
    let key = keyed.child_by_field_name("key")?;
    let literal = keyed.parent()?.parent().filter(|l| l.kind() == "composite_literal")?;
    Some((literal, key))
}

/// The composite literal of a LITERAL site (which may be `&T{...}`).
pub fn literal_of(node: Node) -> Node {
    if node.kind() == "unary_expression" { node.child_by_field_name("operand").unwrap_or(node) } else { node }
}

fn file_is_ignored(file: &SourceFile, top: &[Node]) -> bool {
    top.iter()
        .take_while(|n| n.kind() != "package_clause")
        .filter(|n| n.kind() == "comment")
        .any(|c| parse_directive(file.text_of(*c)).is_some_and(|(name, _)| name == IGNORE_DIRECTIVE))
}

/// The directives in the comment group directly above `decl` (no blank
/// line between the comments, nor between them and the declaration).
fn directives_above(file: &SourceFile, before: &[Node], decl: Node) -> Vec<Directive> {
    let mut directives = Vec::new();
    let mut next_row = decl.start_position().row;
    for comment in before.iter().rev() {
        if comment.kind() != "comment" || comment.end_position().row + 1 != next_row {
            break;
        }
        if let Some((name, args)) = parse_directive(file.text_of(*comment)) {
            directives.push(Directive { name: name.to_string(), args: args.to_string(), offset: comment.start_byte() });
        }
        next_row = comment.start_position().row;
    }
    directives.reverse();
    directives
}

/// `//name args` with no space after `//` and a `:` in the name, the form
/// of Go directives.
fn parse_directive(comment: &str) -> Option<(&str, &str)> {
    let body = comment.strip_prefix("//")?.trim_end_matches('\r');
    if body.starts_with(char::is_whitespace) {
        return None;
    }
    let (name, args) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    name.contains(':').then_some((name, args.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(u8, String)> {
        let file = SourceFile::parse("a.go", src.to_string());
        collect(&file)
            .iter()
            .map(|s| {
                let k = [Kinds::FUNCTION, Kinds::CALL, Kinds::LITERAL, Kinds::FIELD, Kinds::DECLARATION, Kinds::TYPE]
                    .iter()
                    .position(|k| *k == s.kind)
                    .unwrap() as u8;
                (k, file.text_of(s.node).lines().next().unwrap().to_string())
            })
            .collect()
    }

    #[test]
    fn collects_every_kind_in_order() {
        let got = kinds(
            r#"package a

//x:y arg
type T struct{}

func f() {
	s := &http.Server{Handler: h, Addr: g()}
	_ = s
}
"#,
        );
        assert_eq!(
            got,
            vec![
                (5, "T struct{}".to_string()),
                (4, "type T struct{}".to_string()),
                (0, "func f() {".to_string()),
                (2, "&http.Server{Handler: h, Addr: g()}".to_string()),
                (3, "h".to_string()),
                (3, "g()".to_string()),
                (1, "g()".to_string()),
            ]
        );
    }

    #[test]
    fn every_name_of_a_package_level_value_is_a_site_with_its_lines_directives() {
        let file = SourceFile::parse(
            "a.go",
            "package a\n\n//x:all\nvar (\n\ta, b int\n\t//x:c here\n\tc = 1\n)\n\nconst d = 2\n\nfunc f() { var e int; _ = e }\n"
                .to_string(),
        );
        let values: Vec<(String, Vec<String>)> = collect(&file)
            .iter()
            .filter(|s| s.kind == Kinds::VALUE)
            .map(|s| (file.text_of(s.node).to_string(), s.directives.iter().map(|d| d.name.clone()).collect()))
            .collect();
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<String>>();
        assert_eq!(
            values,
            vec![
                ("a".to_string(), names(&["x:all"])),
                ("b".to_string(), names(&["x:all"])),
                ("c".to_string(), names(&["x:all", "x:c"])),
                ("d".to_string(), names(&[])),
            ]
        );
        let c = collect(&file).into_iter().find(|s| s.kind == Kinds::VALUE && file.text_of(s.node) == "b").unwrap();
        assert_eq!(value_spec(c.node).map(|(spec, i)| (file.text_of(spec), i)), Some(("a, b int", 1)));
    }

    #[test]
    fn ignore_directives_remove_declarations_and_files() {
        let got = kinds("package a\n\n//gorch:ignore\nfunc f() { g() }\n\nfunc h() { g() }\n");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, "func h() { g() }");
        assert!(kinds("//gorch:ignore\n\npackage a\n\nfunc h() { g() }\n").is_empty());
    }

    #[test]
    fn directives_must_touch_the_declaration() {
        let file = SourceFile::parse(
            "a.go",
            "package a\n\n//gorch:span one\n\n// Doc.\n//gorch:span two\nfunc f() {}\n".to_string(),
        );
        let sites = collect(&file);
        let names: Vec<&str> = sites[0].directives.iter().map(|d| d.args.as_str()).collect();
        assert_eq!(names, vec!["two"]);
        assert_eq!(parse_directive("// gorch:span"), None);
        assert_eq!(parse_directive("//go:noinline"), Some(("go:noinline", "")));
    }
}
