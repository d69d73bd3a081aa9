//! Does a template render to Go?
//!
//! Every template is rendered when its aspect loads, with stand-in values
//! and under every combination of its conditions, and parsed as Go in the
//! place its advice puts it (statements, an expression, declarations), so
//! that a template that cannot compile is an error in the aspect file, not
//! in some package's build.

use super::template::{Cond, Env, Value};
use crate::go::scope::is_shadowed;
use crate::go::source::{SourceFile, Walk, walk_tree};
use std::collections::BTreeSet;

/// How rendered text is placed in a file, for checking that it is Go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Statements,
    Expression,
    Declarations,
}

/// Rendered template text parsed once, in a file the way its context
/// places it, for [`check_go`] and [`bare_package`].
pub struct Placed {
    file: SourceFile,
    context: Context,
    header_lines: usize,
}

impl Placed {
    pub fn new(text: &str, context: Context) -> Placed {
        let (before, after) = match context {
            Context::Statements => ("package p\nfunc _() {\n", "\n}\n"),
            Context::Expression => ("package p\nvar _ = ", "\n"),
            Context::Declarations => ("package p\n", "\n"),
        };
        let file = SourceFile::parse("template.go", format!("{before}{text}{after}"));
        Placed { file, context, header_lines: before.matches('\n').count() }
    }

    /// The 1-based line inside the text of a row of the file.
    fn line_of(&self, row: usize) -> usize {
        (row + 1).saturating_sub(self.header_lines).max(1)
    }
}

/// Whether the text is Go in its context. On failure returns the 1-based
/// line inside the text and a message.
pub fn check_go(placed: &Placed) -> Result<(), (usize, String)> {
    let (file, context) = (&placed.file, placed.context);
    let line_of = |row: usize| placed.line_of(row);
    let expected = match context {
        Context::Statements => "Go statements",
        Context::Expression => "one Go expression",
        Context::Declarations => "Go declarations (imports belong under imports:)",
    };
    let not_go = |row: usize| Err((line_of(row), format!("the template does not render to {expected}")));
    if let Some(at) = file.syntax_error() {
        return not_go(at.line - 1);
    }
    // tree-sitter-go accepts statements at the top level, so a clean parse
    // is not enough: the wrapper must still hold everything.
    let root = file.root();
    let mut cursor = root.walk();
    let top: Vec<_> =
        root.named_children(&mut cursor).filter(|n| !matches!(n.kind(), "package_clause" | "comment")).collect();
    let wrapper = match context {
        Context::Statements => Some("function_declaration"),
        Context::Expression => Some("var_declaration"),
        Context::Declarations => None,
    };
    let misplaced = match wrapper {
        Some(kind) => {
            (top.len() != 1 || top[0].kind() != kind).then(|| top.get(1).map_or(0, |n| n.start_position().row))
        }
        None => top
            .iter()
            .find(|n| {
                !matches!(
                    n.kind(),
                    "function_declaration"
                        | "method_declaration"
                        | "type_declaration"
                        | "var_declaration"
                        | "const_declaration"
                )
            })
            .map(|n| n.start_position().row),
    };
    if let Some(row) = misplaced {
        return not_go(row);
    }
    if context == Context::Expression {
        let mut line_comment = None;
        crate::go::source::walk_tree(file.root(), |n| {
            if n.kind() == "comment" && file.text_of(n).starts_with("//") && line_comment.is_none() {
                line_comment = Some(n.start_position().row);
            }
            crate::go::source::Walk::Descend
        });
        if let Some(row) = line_comment {
            let message = "an inline template cannot hold a // comment (it would swallow the code after it); use /* */";
            return Err((line_of(row), message.to_string()));
        }
    }
    Ok(())
}

/// The first package a template (rendered with [`StandIn`], which spells
/// declared imports apart) uses by a bare name: `fmt.Sprint` or
/// `http.Handler` where `fmt` or `http` is one of `names` and nothing in the
/// template declares it. Such a name binds to whatever the rewritten file
/// imports under it, or to nothing. Returns the 1-based line inside `text`
/// and the name.
pub fn bare_package(placed: &Placed, names: &BTreeSet<String>) -> Option<(usize, String)> {
    let file = &placed.file;
    let declared_at_top = top_level_names(file);
    let mut found = None;
    walk_tree(file.root(), |n| {
        if found.is_some() {
            return Walk::Skip;
        }
        let operand = match n.kind() {
            "selector_expression" => n.child_by_field_name("operand").filter(|o| o.kind() == "identifier"),
            "qualified_type" => n.child_by_field_name("package"),
            _ => None,
        };
        if let Some(operand) = operand {
            let name = file.text_of(operand);
            if names.contains(name) && !declared_at_top.contains(name) && !is_shadowed(file, name, operand) {
                found = Some((placed.line_of(operand.start_position().row), name.to_string()));
            }
        }
        Walk::Descend
    });
    found
}

/// Names the file declares at the package level.
fn top_level_names(file: &SourceFile) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let root = file.root();
    let mut cursor = root.walk();
    for decl in root.named_children(&mut cursor) {
        if decl.kind() == "function_declaration" {
            names.extend(decl.child_by_field_name("name").map(|n| file.text_of(n).to_string()));
            continue;
        }
        if !matches!(decl.kind(), "var_declaration" | "const_declaration" | "type_declaration") {
            continue;
        }
        walk_tree(decl, |n| {
            if !matches!(n.kind(), "var_spec" | "const_spec" | "type_spec" | "type_alias") {
                return Walk::Descend;
            }
            let mut inner = n.walk();
            names.extend(n.children_by_field_name("name", &mut inner).map(|id| file.text_of(id).to_string()));
            Walk::Skip
        });
    }
    names
}

/// How [`StandIn`] spells a declared import `name`: never a name a
/// template could write by hand.
pub fn stand_in_import(name: &str) -> String {
    format!("__gorch_import_{name}")
}

/// Stand-in values for checking a template's syntax before any real code
/// is at hand, under one assignment of its conditions.
pub struct StandIn(pub Vec<(Cond, bool)>);

impl Env for StandIn {
    type Error = std::convert::Infallible;

    fn value(&mut self, value: &Value) -> Result<String, Self::Error> {
        Ok(match value {
            Value::Body => "{}".to_string(),
            Value::Expr | Value::FuncReceiver | Value::Param(_) | Value::Result(_) => "x".to_string(),
            Value::FuncName | Value::PackageName | Value::PackagePath | Value::AspectId => "name".to_string(),
            Value::FuncReceiverType => "T".to_string(),
            Value::SiteFile | Value::DirectiveArgs => "text".to_string(),
            Value::SiteLine => "1".to_string(),
            Value::Import(name) => stand_in_import(name),
            Value::Literal(text) => text.clone(),
        })
    }

    fn holds(&mut self, cond: &Cond) -> Result<bool, Self::Error> {
        Ok(self.0.iter().find(|(c, _)| c == cond).is_some_and(|(_, b)| *b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_go_syntax_in_context() {
        let check_go = |text: &str, context| check_go(&Placed::new(text, context));
        assert!(check_go("x := 1\ndefer f()", Context::Statements).is_ok());
        assert_eq!(check_go("x := 1\ndefer (", Context::Statements).unwrap_err().0, 2);
        assert!(check_go("f(x)", Context::Expression).is_ok());
        assert!(check_go("f(x) // no", Context::Expression).is_err());
        assert!(check_go("func F() {}", Context::Declarations).is_ok());
        assert!(check_go("x := 1", Context::Declarations).is_err());
    }

    #[test]
    fn finds_packages_used_by_a_bare_name() {
        let names: BTreeSet<String> = ["fmt", "http", "errors"].map(String::from).into();
        let bare = |text: &str, context| bare_package(&Placed::new(text, context), &names);
        assert_eq!(bare("x := 1\nfmt.Println(x)", Context::Statements), Some((2, "fmt".to_string())));
        assert_eq!(bare("var h http.Handler", Context::Declarations), Some((1, "http".to_string())));
        assert_eq!(bare("__gorch_import_fmt.Println(x)", Context::Expression), None);
        // Declared in the template: a local, a parameter, a package-level var.
        assert_eq!(bare("fmt := p\nfmt.Println(x)", Context::Statements), None);
        assert_eq!(bare("func f(http T) { http.Get() }", Context::Declarations), None);
        assert_eq!(bare("var errors = e\nfunc f() { errors.Is() }", Context::Declarations), None);
        // Out of the local's scope.
        assert_eq!(
            bare("{\n\tfmt := p\n\t_ = fmt\n}\nfmt.Println(x)", Context::Statements),
            Some((5, "fmt".to_string()))
        );
        // Not a package name anybody listed.
        assert_eq!(bare("otel.Tracer(x)", Context::Expression), None);
    }
}
