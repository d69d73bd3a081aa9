//! A parsed Go source file: its text, its tree-sitter tree, and the facts
//! every other module asks of a file.
//!
//! Parsing is the expensive step of a compile that gorch rewrites, so it
//! happens once per file; everything downstream borrows from `SourceFile`.

use tree_sitter::{Node, Parser, Tree};

pub struct SourceFile {
    /// The name the compiler knows this file by (the path on its command
    /// line). Positions in rewritten files are mapped back to this name.
    pub name: String,
    pub text: String,
    pub tree: Tree,
}

/// Why gorch leaves a file to the compiler as it is, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unrewritable {
    pub at: SyntaxErrorAt,
    pub reason: &'static str,
}

/// Where a parse went wrong: 1-based line and column (bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntaxErrorAt {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn parse(name: impl Into<String>, text: String) -> SourceFile {
        let mut parser = new_parser();
        let tree = parser
            .parse(&text, None)
            .expect("tree-sitter parse without a timeout or cancellation always returns a tree");
        SourceFile { name: name.into(), text, tree }
    }

    /// Whether gorch must leave the file as it is: it does not parse, or a
    /// `//line` directive names a file that no `/*line*/` comment can name
    /// again (its name holds `*/`), so positions after inserted code could
    /// not be restored.
    pub fn unrewritable(&self) -> Option<Unrewritable> {
        if let Some(at) = self.syntax_error() {
            return Some(Unrewritable { at, reason: "tree-sitter-go cannot parse this file" });
        }
        // Only a file with a //line directive can have such a name.
        if !self.text.contains("//line ") {
            return None;
        }
        let at = self.first_node(|node| {
            node.kind() == "comment"
                && self.text_of(node).strip_prefix("//line ").is_some_and(|rest| rest.contains("*/"))
        })?;
        Some(Unrewritable {
            at,
            reason: "this line directive names a file with */ in its name, which gorch cannot restore after inserted code",
        })
    }

    fn unterminated_comment(&self) -> Option<SyntaxErrorAt> {
        if !self.text.contains("/*") {
            return None;
        }
        self.first_node(|node| {
            // Where the Go scanner starts a comment that never ends,
            // tree-sitter-go reads the operators `/` and `*`.
            let divides_by_star = node.kind() == "/" && self.text.as_bytes().get(node.end_byte()) == Some(&b'*');
            let text = self.text_of(node);
            let open_comment =
                node.kind() == "comment" && text.starts_with("/*") && (text.len() < 4 || !text.ends_with("*/"));
            divides_by_star || open_comment
        })
    }

    /// Where the first node (in source order) that `pred` accepts starts.
    fn first_node(&self, mut pred: impl FnMut(Node) -> bool) -> Option<SyntaxErrorAt> {
        let mut found = None;
        walk_tree(self.root(), |node| {
            if found.is_some() {
                return Walk::Skip;
            }
            if pred(node) {
                found = Some(position(node));
            }
            Walk::Descend
        });
        found
    }

    pub fn root(&self) -> Node<'_> {
        self.tree.root_node()
    }

    pub fn text_of(&self, node: Node) -> &str {
        &self.text[node.byte_range()]
    }

    /// The first ERROR or MISSING node, if the file did not parse cleanly,
    /// or a general comment that never ends (which tree-sitter-go may read
    /// as a division and a dereference, and the Go compiler rejects).
    pub fn syntax_error(&self) -> Option<SyntaxErrorAt> {
        let root = self.root();
        if !root.has_error() {
            return self.unterminated_comment();
        }
        let mut cursor = root.walk();
        let mut node = root;
        // Descend towards the first node that is an error, preferring the
        // earliest child that contains one.
        loop {
            if node.is_error() || node.is_missing() {
                return Some(position(node));
            }
            let next = node.children(&mut cursor).find(|c| c.has_error() || c.is_error() || c.is_missing());
            match next {
                Some(child) => node = child,
                None => return Some(position(node)),
            }
        }
    }

    /// The name in the package clause.
    pub fn package_name(&self) -> Option<&str> {
        let root = self.root();
        let mut cursor = root.walk();
        let clause = root.children(&mut cursor).find(|n| n.kind() == "package_clause")?;
        let mut inner = clause.walk();
        let ident = clause.named_children(&mut inner).find(|n| n.kind() == "package_identifier")?;
        Some(self.text_of(ident))
    }

    /// 1-based line and column (in bytes) of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        position_in(&self.text, offset)
    }
}

pub fn new_parser() -> Parser {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_go::LANGUAGE.into())
        .expect("the bundled tree-sitter-go grammar matches the tree-sitter library");
    parser
}

/// 1-based line and byte column of `offset` in `text`.
pub fn position_in(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    (line, offset - line_start + 1)
}

/// Finds the package name without parsing: skips whitespace and comments up
/// to the `package` keyword. Used by the cheap pre-filter, which must not pay
/// for a parse.
pub fn scan_package_name(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut i = if text.starts_with('\u{feff}') { 3 } else { 0 };
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if text[i..].starts_with("//") {
            i = text[i..].find('\n').map_or(bytes.len(), |n| i + n + 1);
        } else if text[i..].starts_with("/*") {
            i = text[i + 2..].find("*/").map(|n| i + 2 + n + 2)?;
        } else {
            break;
        }
    }
    let rest = text[i..].strip_prefix("package")?;
    if !rest.starts_with(|c: char| c.is_whitespace() || c == '/') {
        return None;
    }
    let rest = rest.trim_start();
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// True if `name` is a Go identifier (letters, digits, underscore; not
/// starting with a digit). Keywords are not checked here.
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_') && chars.all(|c| c.is_alphanumeric() || c == '_')
}

pub const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

/// Where a node starts, 1-based.
fn position(node: Node) -> SyntaxErrorAt {
    let p = node.start_position();
    SyntaxErrorAt { line: p.row + 1, column: p.column + 1 }
}

/// Walks every node of a subtree in document order.
pub fn walk_tree<'t>(root: Node<'t>, mut visit: impl FnMut(Node<'t>) -> Walk) {
    let mut cursor = root.walk();
    loop {
        let node = cursor.node();
        let descend = visit(node) == Walk::Descend;
        if descend && cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.node() == root {
                return;
            }
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return;
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Walk {
    Descend,
    Skip,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_that_never_ends_is_a_syntax_error() {
        // tree-sitter-go parses this without an error node.
        let text = "package a\n\nfunc f() string {\n\treturn s/*ce(x)\n}\n\nfunc g() {}\n";
        let file = SourceFile::parse("a.go", text.to_string());
        assert!(!file.root().has_error());
        assert_eq!(file.syntax_error(), Some(SyntaxErrorAt { line: 4, column: 10 }));
        let closed = SourceFile::parse("a.go", "package a\n\n/**/ /* x */ func f() {}\n".to_string());
        assert_eq!(closed.syntax_error(), None);
    }

    #[test]
    fn a_line_directive_naming_a_file_with_a_comment_end_is_left_alone() {
        let text = "package a\n\n//line /*x*/y.go:7\nfunc f() {}\n";
        let file = SourceFile::parse("a.go", text.to_string());
        assert_eq!(file.syntax_error(), None);
        assert_eq!(file.unrewritable().map(|u| u.at), Some(SyntaxErrorAt { line: 3, column: 1 }));
        let plain = SourceFile::parse("a.go", "package a\n\n//line y.go:7\nfunc f() {}\n".to_string());
        assert_eq!(plain.unrewritable(), None);
    }

    #[test]
    fn scans_package_name_past_comments() {
        let text = "// Copyright\n/* block\n */\n//go:build linux\n\npackage foo_test // x\n";
        assert_eq!(scan_package_name(text), Some("foo_test"));
        assert_eq!(scan_package_name("packagex foo"), None);
        assert_eq!(scan_package_name("\u{feff}package main\n"), Some("main"));
    }

    #[test]
    fn reports_first_syntax_error() {
        let file = SourceFile::parse("a.go", "package a\n\nfunc f() {\n\tx := \n}\n".to_string());
        let at = file.syntax_error().expect("error");
        assert_eq!(at.line, 4);
        let ok = SourceFile::parse("b.go", "package b\nfunc f() {}\n".to_string());
        assert_eq!(ok.syntax_error(), None);
        assert_eq!(ok.package_name(), Some("b"));
    }

    #[test]
    fn positions_are_one_based_bytes() {
        assert_eq!(position_in("ab\ncd", 0), (1, 1));
        assert_eq!(position_in("ab\ncd", 4), (2, 2));
    }
}
