//! Local scopes: is a name declared between the file scope and a point in
//! the code?
//!
//! `http.Get(u)` calls net/http only if no local `http` is in scope there.
//! This is the one question gorch asks of scopes, so it is answered by
//! walking up from the point and looking at what each enclosing construct
//! declared before it, following the Go spec's scoping rules for blocks,
//! statements with initializers, case clauses and function signatures.
//! Package-level declarations are not consulted: a package-level name equal
//! to an import name is a compile error in Go.

use super::source::SourceFile;
use tree_sitter::Node;

/// True if `name` is declared in a local scope enclosing `at`, before `at`.
pub fn is_shadowed(file: &SourceFile, name: &str, at: Node) -> bool {
    declaring_name(file, name, at).is_some()
}

/// The identifier that declares `name` in the innermost local scope
/// enclosing `at`, before `at`; `None` when no local scope does.
pub fn declaring_name<'t>(file: &SourceFile, name: &str, at: Node<'t>) -> Option<Node<'t>> {
    let mut child = at;
    while let Some(parent) = child.parent() {
        let declared = match parent.kind() {
            "source_file" => return None,
            "function_declaration" | "method_declaration" | "func_literal" => signature_declares(file, parent, name),
            "if_statement" | "expression_switch_statement" | "type_switch_statement" | "for_clause" => {
                let init = parent.child_by_field_name("initializer");
                let by_init = init.filter(|init| init.id() != child.id()).and_then(|init| declares(file, init, name));
                let by_alias = (parent.kind() == "type_switch_statement"
                    && matches!(child.kind(), "type_case" | "default_case"))
                .then(|| parent.child_by_field_name("alias"))
                .flatten()
                .and_then(|alias| identifiers(alias).find(|n| file.text_of(*n) == name));
                by_init.or(by_alias)
            }
            "for_statement" | "statement_list" | "communication_case" => {
                let before: Vec<Node<'t>> = preceding_siblings(parent, child).collect();
                before.into_iter().rev().find_map(|sibling| declares(file, sibling, name))
            }
            _ => None,
        };
        if declared.is_some() {
            return declared;
        }
        child = parent;
    }
    None
}

/// What a local variable's declaration says of its type: the type as
/// written (`var c *http.Client`, a parameter), or the expression it was
/// initialized from (`c := &http.Client{}`); `None` when neither is known
/// from the declaration alone (`for _, c := range cs`, `a, b := f()`).
pub enum Declared<'t> {
    Type(Node<'t>),
    Value(Node<'t>),
}

/// The declaration of the variable `name` seen at `at`, as far as syntax
/// tells its type.
pub fn declared<'t>(file: &SourceFile, name: &str, at: Node<'t>) -> Option<Declared<'t>> {
    let ident = declaring_name(file, name, at)?;
    let decl = ident.parent()?;
    match decl.kind() {
        "parameter_declaration" | "variadic_parameter_declaration" => {
            let ty = decl.child_by_field_name("type")?;
            (decl.kind() == "parameter_declaration").then_some(Declared::Type(ty))
        }
        "var_spec" => {
            if let Some(ty) = decl.child_by_field_name("type") {
                return Some(Declared::Type(ty));
            }
            let index = position_among_names(decl, ident, "name")?;
            value_at(decl.child_by_field_name("value")?, index)
        }
        "expression_list" => {
            let statement = decl.parent().filter(|p| p.kind() == "short_var_declaration")?;
            let index = position_in_list(decl, ident)?;
            value_at(statement.child_by_field_name("right")?, index)
        }
        _ => None,
    }
}

/// The value at `index` of a right-hand side, if it has one per name.
fn value_at<'t>(values: Node<'t>, index: usize) -> Option<Declared<'t>> {
    let mut cursor = values.walk();
    let all: Vec<Node<'t>> = values.named_children(&mut cursor).filter(|n| n.kind() != "comment").collect();
    all.get(index).map(|v| Declared::Value(*v))
}

fn position_among_names(spec: Node, ident: Node, field: &str) -> Option<usize> {
    let mut cursor = spec.walk();
    let names: Vec<Node> = spec.children_by_field_name(field, &mut cursor).collect();
    names.iter().position(|n| n.id() == ident.id())
}

fn position_in_list(list: Node, ident: Node) -> Option<usize> {
    let mut cursor = list.walk();
    let names: Vec<Node> = list.named_children(&mut cursor).filter(|n| n.kind() != "comment").collect();
    names.iter().position(|n| n.id() == ident.id())
}

fn preceding_siblings<'t>(parent: Node<'t>, child: Node<'t>) -> impl Iterator<Item = Node<'t>> {
    let mut cursor = parent.walk();
    let siblings: Vec<Node<'t>> = parent.named_children(&mut cursor).collect();
    siblings.into_iter().take_while(move |s| s.id() != child.id())
}

/// The identifier by which the statement or clause `node` declares `name`
/// in the scope it belongs to.
fn declares<'t>(file: &SourceFile, node: Node<'t>, name: &str) -> Option<Node<'t>> {
    match node.kind() {
        "short_var_declaration" => {
            node.child_by_field_name("left").and_then(|left| identifiers(left).find(|n| file.text_of(*n) == name))
        }
        "range_clause" | "receive_statement" => {
            if !has_define_token(node) {
                return None;
            }
            node.child_by_field_name("left").and_then(|left| identifiers(left).find(|n| file.text_of(*n) == name))
        }
        "for_clause" => node.child_by_field_name("initializer").and_then(|init| declares(file, init, name)),
        "var_declaration" | "const_declaration" | "type_declaration" | "var_spec_list" => {
            let mut cursor = node.walk();
            let specs: Vec<Node<'t>> = node.named_children(&mut cursor).collect();
            specs.into_iter().find_map(|spec| match spec.kind() {
                "var_spec_list" => declares(file, spec, name),
                "var_spec" | "const_spec" | "type_spec" | "type_alias" => {
                    spec_names(spec).into_iter().find(|n| file.text_of(*n) == name)
                }
                _ => None,
            })
        }
        "labeled_statement" => {
            let mut cursor = node.walk();
            let inner: Vec<Node<'t>> = node.named_children(&mut cursor).collect();
            inner.into_iter().find_map(|n| declares(file, n, name))
        }
        _ => None,
    }
}

fn spec_names(spec: Node) -> Vec<Node> {
    let mut cursor = spec.walk();
    spec.children_by_field_name("name", &mut cursor).collect()
}

fn has_define_token(node: Node) -> bool {
    let mut cursor = node.walk();
    node.children(&mut cursor).any(|c| !c.is_named() && c.kind() == ":=")
}

fn identifiers(list: Node) -> impl Iterator<Item = Node> {
    let mut cursor = list.walk();
    let nodes: Vec<Node> = if list.kind() == "identifier" {
        vec![list]
    } else {
        list.named_children(&mut cursor).filter(|n| n.kind() == "identifier").collect()
    };
    nodes.into_iter()
}

/// Receiver, parameters, results and type parameters of a function.
fn signature_declares<'t>(file: &SourceFile, func: Node<'t>, name: &str) -> Option<Node<'t>> {
    ["receiver", "parameters", "result", "type_parameters"]
        .into_iter()
        .filter_map(|field| func.child_by_field_name(field))
        .find_map(|list| parameter_names(list).into_iter().find(|n| file.text_of(*n) == name))
}

/// The name nodes of a parameter, result, receiver or type-parameter list.
pub fn parameter_names(list: Node) -> Vec<Node> {
    let mut names = Vec::new();
    let mut cursor = list.walk();
    for decl in list.named_children(&mut cursor) {
        if matches!(
            decl.kind(),
            "parameter_declaration" | "variadic_parameter_declaration" | "type_parameter_declaration"
        ) {
            let mut inner = decl.walk();
            names.extend(decl.children_by_field_name("name", &mut inner));
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::go::source::{Walk, walk_tree};

    /// Finds the `http` operand of every `http.Get` call and reports
    /// whether it is shadowed, in source order.
    fn shadowing(body: &str) -> Vec<bool> {
        let text = format!("package p\n\nimport \"net/http\"\n\n{body}\n");
        let file = SourceFile::parse("p.go", text);
        let mut found = Vec::new();
        walk_tree(file.root(), |n| {
            if n.kind() == "selector_expression" && file.text_of(n) == "http.Get" {
                let operand = n.child_by_field_name("operand").unwrap();
                found.push(is_shadowed(&file, "http", operand));
            }
            Walk::Descend
        });
        found
    }

    #[test]
    fn statement_order_matters() {
        let got = shadowing("func f() {\n\thttp.Get(u)\n\thttp := c\n\thttp.Get(u)\n}");
        assert_eq!(got, vec![false, true]);
    }

    #[test]
    fn the_right_hand_side_of_a_definition_is_outside_its_scope() {
        assert_eq!(shadowing("func f() {\n\thttp := http.Get(u)\n}"), vec![false]);
    }

    #[test]
    fn parameters_and_closures_shadow() {
        assert_eq!(shadowing("func f(http C) {\n\thttp.Get(u)\n}"), vec![true]);
        assert_eq!(shadowing("func f() {\n\tg := func(http C) { http.Get(u) }\n\thttp.Get(u)\n}"), vec![true, false]);
        assert_eq!(shadowing("func (http C) f() {\n\thttp.Get(u)\n}"), vec![true]);
    }

    #[test]
    fn statement_initializers_and_clauses_shadow() {
        let got = shadowing(
            r#"func f() {
	if http := c; true {
		http.Get(u)
	}
	for _, http := range cs {
		http.Get(u)
	}
	switch http := x.(type) {
	case C:
		http.Get(u)
	}
	select {
	case http := <-ch:
		http.Get(u)
	}
	http.Get(u)
}"#,
        );
        assert_eq!(got, vec![true, true, true, true, false]);
    }

    #[test]
    fn var_const_and_type_declarations_shadow() {
        assert_eq!(shadowing("func f() {\n\tvar http C\n\thttp.Get(u)\n}"), vec![true]);
        assert_eq!(shadowing("func f() {\n\tvar (\n\t\ta int\n\t\thttp C\n\t)\n\thttp.Get(u)\n}"), vec![true]);
        assert_eq!(shadowing("func f() {\n\t{\n\t\tvar http C\n\t\t_ = http\n\t}\n\thttp.Get(u)\n}"), vec![false]);
    }
}
