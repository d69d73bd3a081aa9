//! Does a join point select a site?
//!
//! Names in join points are import paths; names in code are whatever the
//! file's imports made them. Resolution goes through `FileImports` (renamed,
//! dot and blank imports) and `scope::is_shadowed` (a local `http` is not
//! the package).

use super::PackageInfo;
use super::sites::{Site, field_context, literal_of, value_spec};
use crate::aspect::join::{Answer, FunctionSelector, JoinPoint, Kinds, LiteralMatch, QualifiedName};
use crate::go::imports::FileImports;
use crate::go::scope::{Declared, declared, is_shadowed, parameter_names};
use crate::go::source::SourceFile;
use crate::go::types::TypeNames;
use tree_sitter::Node;

pub struct FileContext<'a> {
    pub file: &'a SourceFile,
    pub imports: &'a FileImports,
    pub package: &'a PackageInfo,
    /// Every file of the package (names gorch adds must be fresh in all).
    pub all_files: &'a [SourceFile],
}

impl<'a> FileContext<'a> {
    pub fn matches(&self, jp: &JoinPoint, site: &Site) -> bool {
        match jp {
            JoinPoint::ImportPath(_)
            | JoinPoint::PackageName(_)
            | JoinPoint::PackageImports(_)
            | JoinPoint::DependsOn(_)
            | JoinPoint::MainPackage(_)
            | JoinPoint::TestPackage(_)
            | JoinPoint::TestMain(_) => jp.answer(self.package) == Answer::Match,
            JoinPoint::FunctionBody(sel) => site.kind == Kinds::FUNCTION && self.function_matches(sel, site.node),
            JoinPoint::FunctionCall(q) => site.kind == Kinds::CALL && self.call_matches(q, site.node),
            JoinPoint::MethodCall { ty, name, matches } => {
                site.kind == Kinds::CALL && self.method_call_matches(ty, name, *matches, site)
            }
            JoinPoint::StructLiteral { ty, field: None, matches } => {
                site.kind == Kinds::LITERAL
                    && literal_matches(*matches, literal_of(site.node))
                    && self.literal_type_is(ty, literal_of(site.node))
            }
            JoinPoint::StructLiteral { ty, field: Some(field), matches } => {
                site.kind == Kinds::FIELD
                    && field_context(site.node).is_some_and(|(literal, key)| {
                        self.file.text_of(key) == field
                            && literal_matches(*matches, literal)
                            && self.literal_type_is(ty, literal)
                    })
            }
            JoinPoint::StructDefinition(ty) => {
                site.kind == Kinds::TYPE
                    && ty.path == self.package.import_path
                    && site.node.child_by_field_name("name").is_some_and(|n| self.file.text_of(n) == ty.name)
            }
            JoinPoint::ValueDeclaration(ty) => {
                site.kind == Kinds::VALUE
                    && value_spec(site.node)
                        .and_then(|(spec, _)| spec.child_by_field_name("type"))
                        .is_some_and(|written| self.package_level_names().canonical(written) == *ty)
            }
            JoinPoint::DeclarationOf(q) => {
                site.kind == Kinds::VALUE
                    && q.path == self.package.import_path
                    && self.file.text_of(site.node) == q.name
            }
            JoinPoint::Directive(name) => site.directives.iter().any(|d| d.name == *name),
            JoinPoint::AllOf(parts) => parts.iter().all(|p| self.matches(p, site)),
            JoinPoint::OneOf(parts) => parts.iter().any(|p| self.matches(p, site)),
            JoinPoint::Not(inner) => !self.matches(inner, site),
        }
    }

    /// The import path a qualifier means at `at`, unless a local name
    /// shadows it.
    fn qualifier_path(&self, qualifier: Node) -> Option<&str> {
        let name = self.file.text_of(qualifier);
        let path = self.imports.path_of_qualifier(name)?;
        (!is_shadowed(self.file, name, qualifier)).then_some(path)
    }

    /// Whether a bare identifier refers to `q` through a dot import.
    fn dot_imported(&self, q: &QualifiedName, ident: Node) -> bool {
        self.file.text_of(ident) == q.name
            && self.imports.dot_imports().any(|p| p == q.path)
            && !is_shadowed(self.file, &q.name, ident)
    }

    fn call_matches(&self, q: &QualifiedName, call: Node) -> bool {
        let Some(mut callee) = call.child_by_field_name("function") else { return false };
        // pkg.F[T](x) may parse as an index expression around the selector.
        if callee.kind() == "index_expression" {
            match callee.child_by_field_name("operand") {
                Some(op) => callee = op,
                None => return false,
            }
        }
        match callee.kind() {
            "selector_expression" => {
                let (Some(operand), Some(field)) =
                    (callee.child_by_field_name("operand"), callee.child_by_field_name("field"))
                else {
                    return false;
                };
                operand.kind() == "identifier"
                    && self.file.text_of(field) == q.name
                    && self.qualifier_path(operand) == Some(q.path.as_str())
            }
            "identifier" => self.dot_imported(q, callee) || self.local(q, callee),
            _ => false,
        }
    }

    /// Whether a bare identifier names `q` declared in this package.
    fn local(&self, q: &QualifiedName, ident: Node) -> bool {
        q.path == self.package.import_path
            && self.file.text_of(ident) == q.name
            && !is_shadowed(self.file, &q.name, ident)
    }

    /// Whether a call is `recv.name(...)` with `recv` of type `ty` or `*ty`
    /// as far as the file spells it out.
    fn method_call_matches(&self, ty: &QualifiedName, name: &str, matches: LiteralMatch, site: &Site) -> bool {
        let Some(callee) = site.node.child_by_field_name("function") else { return false };
        if callee.kind() != "selector_expression" {
            return false;
        }
        let (Some(operand), Some(field)) = (callee.child_by_field_name("operand"), callee.child_by_field_name("field"))
        else {
            return false;
        };
        if self.file.text_of(field) != name {
            return false;
        }
        let names = match site.function {
            Some(func) => self.type_names(func),
            None => self.package_level_names(),
        };
        let Some(receiver) = self.expression_type(operand, &names, 0) else { return false };
        let value = format!("{}.{}", ty.path, ty.name);
        match matches {
            LiteralMatch::Any => receiver == value || receiver == format!("*{value}"),
            LiteralMatch::PointerOnly => receiver == format!("*{value}"),
            LiteralMatch::ValueOnly => receiver == value,
        }
    }

    /// The canonical type of an expression, when the file spells it out:
    /// `T{...}`, `&T{...}`, `new(T)`, or a local variable or parameter
    /// declared with a type or initialized from one of those.
    fn expression_type(&self, expr: Node, names: &TypeNames, depth: usize) -> Option<String> {
        let mut expr = expr;
        while expr.kind() == "parenthesized_expression" {
            expr = expr.named_child(0)?;
        }
        match expr.kind() {
            "composite_literal" => Some(names.canonical(expr.child_by_field_name("type")?)),
            "unary_expression" => {
                let operator = expr.child_by_field_name("operator")?;
                let operand = expr.child_by_field_name("operand")?;
                let literal = (self.file.text_of(operator) == "&").then_some(operand)?;
                (literal.kind() == "composite_literal")
                    .then(|| self.expression_type(literal, names, depth))
                    .flatten()
                    .map(|t| format!("*{t}"))
            }
            "call_expression" => {
                let function = expr.child_by_field_name("function")?;
                if self.file.text_of(function) != "new" || is_shadowed(self.file, "new", function) {
                    return None;
                }
                let args = expr.child_by_field_name("arguments")?;
                let mut cursor = args.walk();
                let only: Vec<Node> = args.named_children(&mut cursor).filter(|n| n.kind() != "comment").collect();
                let [arg] = only.as_slice() else { return None };
                self.type_expression(*arg, names).map(|t| format!("*{t}"))
            }
            "identifier" if depth < 4 => match declared(self.file, self.file.text_of(expr), expr)? {
                Declared::Type(ty) => Some(names.canonical(ty)),
                Declared::Value(value) => self.expression_type(value, names, depth + 1),
            },
            _ => None,
        }
    }

    /// A type written where an expression goes (`new(http.Client)`).
    fn type_expression(&self, node: Node, names: &TypeNames) -> Option<String> {
        match node.kind() {
            "selector_expression" => {
                let operand = node.child_by_field_name("operand").filter(|o| o.kind() == "identifier")?;
                let field = node.child_by_field_name("field")?;
                Some(format!("{}.{}", self.qualifier_path(operand)?, self.file.text_of(field)))
            }
            "identifier" => Some(format!("{}.{}", self.package.import_path, self.file.text_of(node))),
            _ => Some(names.canonical(node)),
        }
    }

    fn literal_type_is(&self, ty: &QualifiedName, literal: Node) -> bool {
        let Some(mut t) = literal.child_by_field_name("type") else { return false };
        if t.kind() == "generic_type" {
            match t.child_by_field_name("type") {
                Some(base) => t = base,
                None => return false,
            }
        }
        match t.kind() {
            "qualified_type" => {
                let (Some(pkg), Some(name)) = (t.child_by_field_name("package"), t.child_by_field_name("name")) else {
                    return false;
                };
                self.file.text_of(name) == ty.name && self.qualifier_path(pkg) == Some(ty.path.as_str())
            }
            "type_identifier" => self.dot_imported(ty, t) || self.local(ty, t),
            _ => false,
        }
    }

    fn function_matches(&self, sel: &FunctionSelector, func: Node) -> bool {
        // A declaration without a body (assembly, linkname) has no body to
        // change.
        if func.child_by_field_name("body").is_none() {
            return false;
        }
        if let Some(name) = &sel.name
            && func.child_by_field_name("name").map(|n| self.file.text_of(n)) != Some(name.as_str())
        {
            return false;
        }
        if let Some(want) = &sel.receiver {
            let Some((pointer, type_name)) = receiver_type(self.file, func) else { return false };
            if pointer != want.pointer
                || type_name != want.name
                || want.path.as_ref().is_some_and(|p| *p != self.package.import_path)
            {
                return false;
            }
        }
        if let Some((args, results)) = &sel.signature {
            let names = self.type_names(func);
            let params = func.child_by_field_name("parameters").map(|l| names.parameter_types(l)).unwrap_or_default();
            let outs = func.child_by_field_name("result").map(|r| names.result_types(r)).unwrap_or_default();
            if params != *args || outs != *results {
                return false;
            }
        }
        true
    }

    /// Canonical type spelling outside any function.
    fn package_level_names(&self) -> TypeNames<'a> {
        TypeNames {
            file: self.file,
            imports: self.imports,
            package_path: &self.package.import_path,
            type_params: Vec::new(),
        }
    }

    /// Canonical type spelling inside `func` (its type parameters and its
    /// receiver's are bare names).
    pub fn type_names(&self, func: Node) -> TypeNames<'a> {
        TypeNames {
            file: self.file,
            imports: self.imports,
            package_path: &self.package.import_path,
            type_params: type_parameters(self.file, func),
        }
    }
}

/// Whether a composite literal is written as `&T{...}` or `T{...}` as the
/// join point wants.
fn literal_matches(matches: LiteralMatch, literal: Node) -> bool {
    let pointer = literal.parent().is_some_and(|p| p.kind() == "unary_expression");
    match matches {
        LiteralMatch::Any => true,
        LiteralMatch::PointerOnly => pointer,
        LiteralMatch::ValueOnly => !pointer,
    }
}

/// Pointer-ness and type name of a method's receiver.
pub fn receiver_type<'f>(file: &'f SourceFile, func: Node) -> Option<(bool, &'f str)> {
    let list = func.child_by_field_name("receiver")?;
    let mut cursor = list.walk();
    let decl = list.named_children(&mut cursor).find(|n| n.kind() == "parameter_declaration")?;
    let mut ty = decl.child_by_field_name("type")?;
    let pointer = ty.kind() == "pointer_type";
    if pointer {
        ty = ty.named_child(0)?;
    }
    if ty.kind() == "generic_type" {
        ty = ty.child_by_field_name("type")?;
    }
    (ty.kind() == "type_identifier").then(|| (pointer, file.text_of(ty)))
}

/// Type parameter names of a function and of its receiver's type.
fn type_parameters<'f>(file: &'f SourceFile, func: Node) -> Vec<&'f str> {
    let mut names: Vec<&str> = func
        .child_by_field_name("type_parameters")
        .map(|l| parameter_names(l).into_iter().map(|n| file.text_of(n)).collect())
        .unwrap_or_default();
    if let Some(list) = func.child_by_field_name("receiver") {
        crate::go::source::walk_tree(list, |n| {
            if n.kind() == "type_arguments" {
                let mut cursor = n.walk();
                for arg in n.named_children(&mut cursor) {
                    let ident = if arg.kind() == "type_elem" { arg.named_child(0) } else { Some(arg) };
                    if let Some(ident) = ident.filter(|i| i.kind() == "type_identifier") {
                        names.push(file.text_of(ident));
                    }
                }
            }
            crate::go::source::Walk::Descend
        });
    }
    names
}
