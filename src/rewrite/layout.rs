//! How inserted code sits among the original: parentheses that keep
//! operator precedence on both sides of a wrapper, and indentation that
//! makes injected statements readable without changing what they mean.

use tree_sitter::Node;

/// Whether `{{expr}}` is a whole element of a list or a group in the
/// template (`f({{expr}}, x)`), where no operator can reach into it.
pub fn stands_alone(before: &str, after: &str) -> bool {
    let before = before.trim_end();
    let after = after.trim_start();
    (before.is_empty() || before.ends_with(['(', ',', '[', '{']))
        && (after.is_empty() || after.starts_with([')', ',', ']', '}']))
}

/// Whether the template is one call around `{{expr}}` (`f(`, `{{expr}}`,
/// `, x)`): a primary expression, which needs no parentheses anywhere.
pub fn is_call_around(before: &str, after: &str) -> bool {
    let Some(callee) = before.trim_start().strip_suffix('(') else { return false };
    let callee_ok = !callee.is_empty()
        && callee.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && callee.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.');
    let mut depth = 1;
    for (i, c) in after.trim_end().char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '"' | '\'' | '`' => return false,
            _ => {}
        }
        if depth == 0 {
            return callee_ok && i + 1 == after.trim_end().len();
        }
    }
    false
}

/// Whether the expression is an operand of something that binds tighter
/// than any binary operator: a selector, index, slice, type assertion,
/// call, or a unary or binary operator.
pub fn operand_of_operator(node: Node) -> bool {
    let Some(parent) = node.parent() else { return false };
    let is = |field: &str| parent.child_by_field_name(field).is_some_and(|n| n.id() == node.id());
    match parent.kind() {
        "selector_expression" | "index_expression" | "slice_expression" | "type_assertion_expression" => is("operand"),
        "call_expression" => is("function"),
        "unary_expression" | "binary_expression" => true,
        _ => false,
    }
}

/// Indents every line after the first with a tab, for readable output,
/// except lines inside raw string literals, whose text is their value.
pub fn indent(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    // The closing character of the literal or comment being read, if any.
    let mut inside: Option<char> = None;
    while let Some(c) = chars.next() {
        out.push(c);
        match (inside, c) {
            (None, '`') | (None, '"') | (None, '\'') => inside = Some(c),
            (None, '/') if chars.peek() == Some(&'/') => inside = Some('\n'),
            (None, '\n') => out.push('\t'),
            (Some('\n'), '\n') => {
                inside = None;
                out.push('\t');
            }
            (Some('"') | Some('\''), '\\') => out.extend(chars.next()),
            (Some(close), _) if c == close => inside = None,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_around_the_expression_are_primary() {
        assert!(is_call_around("logged(", ")"));
        assert!(is_call_around("pkg.Wrap(", ", 2)"));
        assert!(!is_call_around("f(", ") + 1"));
        assert!(!is_call_around("\"[\" + f(", ")"));
    }

    #[test]
    fn indentation_leaves_raw_strings_alone() {
        assert_eq!(indent("a()\nb(`x\ny`)\nc(\"`\") // `\nd()"), "a()\n\tb(`x\ny`)\n\tc(\"`\") // `\n\td()");
    }
}
