//! Where Go text stands with respect to its literals and comments: which
//! literal or comment a piece of Go text ends inside of, and how a value
//! placed there stays part of it.

/// Whether Go text ends at the start of a line, outside any string, rune,
/// raw string or comment.
pub fn at_clean_line_start(text: &str) -> bool {
    text.ends_with('\n') && open_literal(text).is_none()
}

/// A value placed inside a literal of the template is part of that
/// literal: `"{{directive.args}}"` with the argument `a"b` must stay one
/// string. In an interpreted string or rune literal, the value is
/// escaped; in a raw string, a backquote closes the literal, joins a
/// quoted backquote and opens another.
pub fn in_literal(value: String, open: Option<char>) -> String {
    match open {
        Some(quote @ ('"' | '\'')) => {
            let mut out = String::with_capacity(value.len());
            for c in value.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if c == quote => {
                        out.push('\\');
                        out.push(c);
                    }
                    c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
                    c => out.push(c),
                }
            }
            out
        }
        Some('`') => value.replace('`', "` + \"`\" + `"),
        _ => value,
    }
}

/// The character that would close the literal or comment Go text ends
/// inside of (`"`, `'`, a backquote, `*` for a general comment, a newline
/// for a line comment), if any.
pub fn open_literal(text: &str) -> Option<char> {
    let mut inside: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (inside, c) {
            (None, '`') | (None, '"') | (None, '\'') => inside = Some(c),
            (None, '/') if chars.peek() == Some(&'/') => inside = Some('\n'),
            (None, '/') if chars.peek() == Some(&'*') => {
                chars.next();
                inside = Some('*');
            }
            (Some('*'), '*') if chars.peek() == Some(&'/') => {
                chars.next();
                inside = None;
            }
            (Some('"') | Some('\''), '\\') => {
                chars.next();
            }
            (Some('*'), _) => {}
            (Some(close), _) if c == close => inside = None,
            _ => {}
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_and_comments_left_open() {
        assert_eq!(open_literal("x := \"a"), Some('"'));
        assert_eq!(open_literal("x := `a\n"), Some('`'));
        assert_eq!(open_literal("x := 1 // note"), Some('\n'));
        assert_eq!(open_literal("x := /* a */ 1"), None);
        assert_eq!(open_literal("x := '\\''"), None);
        assert!(at_clean_line_start("x := 1\n") && at_clean_line_start("x := 1 // note\n"));
        assert!(!at_clean_line_start("s := `open\n") && !at_clean_line_start("/* open\n"));
    }

    #[test]
    fn values_stay_inside_the_literal_they_are_placed_in() {
        assert_eq!(in_literal("a\"b".to_string(), Some('"')), "a\\\"b");
        assert_eq!(in_literal("a`b".to_string(), Some('`')), "a` + \"`\" + `b");
        assert_eq!(in_literal("a`b".to_string(), None), "a`b");
    }
}
