//! Does a template render to Go?
//!
//! Every template is rendered when its aspect loads, with stand-in values
//! and under every combination of its conditions, and parsed as Go in the
//! place its advice puts it (statements, an expression, declarations), so
//! that a template that cannot compile is an error in the aspect file, not
//! in some package's build.

use super::template::{Cond, Env, Value};
use crate::go::source::SourceFile;

/// How rendered text is placed in a file, for checking that it is Go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Statements,
    Expression,
    Declarations,
}

/// Parses `text` as Go in `context`. On failure returns the 1-based line
/// inside `text` and a message.
pub fn check_go(text: &str, context: Context) -> Result<(), (usize, String)> {
    let (before, after, expected) = match context {
        Context::Statements => ("package p\nfunc _() {\n", "\n}\n", "Go statements"),
        Context::Expression => ("package p\nvar _ = ", "\n", "one Go expression"),
        Context::Declarations => ("package p\n", "\n", "Go declarations (imports belong under imports:)"),
    };
    let file = SourceFile::parse("template.go", format!("{before}{text}{after}"));
    let header_lines = before.matches('\n').count();
    let line_of = |row: usize| (row + 1).saturating_sub(header_lines).max(1);
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

/// Stand-in values for checking a template's syntax before any real code
/// is at hand, under one assignment of its conditions.
pub struct StandIn(pub Vec<(Cond, bool)>);

impl Env for StandIn {
    fn value(&mut self, value: &Value) -> Result<String, String> {
        Ok(match value {
            Value::Body => "{}".to_string(),
            Value::Expr | Value::FuncReceiver | Value::Param(_) | Value::Result(_) => "x".to_string(),
            Value::FuncName | Value::PackageName | Value::PackagePath | Value::AspectId => "name".to_string(),
            Value::FuncReceiverType => "T".to_string(),
            Value::SiteFile | Value::DirectiveArgs => "text".to_string(),
            Value::SiteLine => "1".to_string(),
            Value::Import(name) => name.clone(),
            Value::Literal(text) => text.clone(),
        })
    }

    fn holds(&mut self, cond: &Cond) -> Result<bool, String> {
        Ok(self.0.iter().find(|(c, _)| c == cond).is_some_and(|(_, b)| *b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_go_syntax_in_context() {
        assert!(check_go("x := 1\ndefer f()", Context::Statements).is_ok());
        assert_eq!(check_go("x := 1\ndefer (", Context::Statements).unwrap_err().0, 2);
        assert!(check_go("f(x)", Context::Expression).is_ok());
        assert!(check_go("f(x) // no", Context::Expression).is_err());
        assert!(check_go("func F() {}", Context::Declarations).is_ok());
        assert!(check_go("x := 1", Context::Declarations).is_err());
    }
}
