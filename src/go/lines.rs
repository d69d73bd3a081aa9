//! Effective source positions of a Go file, as the compiler computes them.
//!
//! Files the go command hands to the compiler may already carry line
//! directives (cgo and cover output point back at the user's file). After
//! gorch inserts code, it must restore the position the compiler would
//! have reported for the following original text: the *effective* position,
//! which follows those directives. This module replicates the rules of
//! cmd/compile/internal/syntax (`updateBase`): `//line` only at column 1,
//! `/*line*/` anywhere on one line, numbers peeled off from the right, an
//! empty filename meaning "previous filename" only when a column is given.

use super::source::{SourceFile, Walk, walk_tree};

/// A position as the compiler reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub file: String,
    pub line: usize,
    /// `None` after a directive without a column: the compiler then reports
    /// no column until the next directive.
    pub column: Option<usize>,
}

impl Position {
    /// An inline directive that makes the next character have this
    /// position.
    pub fn inline_directive(&self) -> String {
        match self.column {
            Some(col) => format!("/*line {}:{}:{}*/", self.file, self.line, col),
            None => format!("/*line {}:{}*/", self.file, self.line),
        }
    }
}

struct Anchor {
    /// First byte the directive's position applies to.
    offset: usize,
    file: String,
    line: usize,
    column: Option<usize>,
}

pub struct LineMap {
    name: String,
    line_starts: Vec<usize>,
    anchors: Vec<Anchor>,
}

impl LineMap {
    pub fn of(file: &SourceFile) -> LineMap {
        let text = &file.text;
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut map = LineMap { name: file.name.clone(), line_starts, anchors: Vec::new() };

        let mut comments = Vec::new();
        walk_tree(file.root(), |node| {
            if node.kind() == "comment" {
                comments.push((node.start_byte(), node.end_byte()));
            }
            Walk::Descend
        });
        let mut previous_file = file.name.clone();
        for (start, end) in comments {
            let raw = &text[start..end];
            let (body, anchor) = if let Some(rest) = raw.strip_prefix("//line ") {
                if map.column_of(start) != 1 {
                    continue;
                }
                // The position applies to the first byte of the next line.
                let next_line = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
                (rest.strip_suffix('\r').unwrap_or(rest), next_line)
            } else if let Some(rest) = raw.strip_prefix("/*line ") {
                if rest.contains('\n') {
                    continue;
                }
                (rest.strip_suffix("*/").unwrap_or(rest), end)
            } else {
                continue;
            };
            if let Some((name, line, column)) = parse_directive(body, &previous_file) {
                previous_file = name.clone();
                map.anchors.push(Anchor { offset: anchor, file: name, line, column });
            }
        }
        map
    }

    fn line_index(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    fn column_of(&self, offset: usize) -> usize {
        offset - self.line_starts[self.line_index(offset)] + 1
    }

    /// The position the compiler assigns to the byte at `offset` of the
    /// original file (when that file is compiled under its own name).
    pub fn position(&self, offset: usize) -> Position {
        let physical_line = self.line_index(offset);
        let physical_col = self.column_of(offset);
        let idx = self.anchors.partition_point(|a| a.offset <= offset);
        let Some(anchor) = idx.checked_sub(1).map(|i| &self.anchors[i]) else {
            return Position { file: self.name.clone(), line: physical_line + 1, column: Some(physical_col) };
        };
        let anchor_line = self.line_index(anchor.offset);
        if anchor_line == physical_line {
            Position {
                file: anchor.file.clone(),
                line: anchor.line,
                column: anchor.column.map(|c| c + (offset - anchor.offset)),
            }
        } else {
            Position {
                file: anchor.file.clone(),
                line: anchor.line + (physical_line - anchor_line),
                column: anchor.column.map(|_| physical_col),
            }
        }
    }
}

/// Parses the text after `line ` the way the compiler does. Returns `None`
/// for text the compiler would ignore or reject (a rejected directive fails
/// the compile anyway, with the compiler's own message).
fn parse_directive(text: &str, previous_file: &str) -> Option<(String, usize, Option<usize>)> {
    let (rest, last) = split_number(text)?;
    let (file, line, column) = match split_number(rest) {
        Some((file, line)) => (file, line, Some(last)),
        None => (rest, last, None),
    };
    if line == 0 || column == Some(0) {
        return None;
    }
    let file = if file.is_empty() && column.is_some() { previous_file } else { file };
    Some((file.to_string(), line, column))
}

fn split_number(text: &str) -> Option<(&str, usize)> {
    let colon = text.rfind(':')?;
    let number = text[colon + 1..].parse().ok()?;
    Some((&text[..colon], number))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(text: &str) -> (SourceFile, LineMap) {
        let file = SourceFile::parse("/src/a.go", text.to_string());
        let map = LineMap::of(&file);
        (file, map)
    }

    fn pos(file: &str, line: usize, column: Option<usize>) -> Position {
        Position { file: file.to_string(), line, column }
    }

    #[test]
    fn without_directives_positions_are_physical() {
        let (_, m) = map("package a\n\nvar x = 1\n");
        assert_eq!(m.position(15), pos("/src/a.go", 3, Some(5)));
    }

    #[test]
    fn follows_line_comments_at_column_one() {
        let text = "package a\n//line orig.go:40:3\nvar x = 1\n\tvar y = 2\n";
        let (_, m) = map(text);
        let x = text.find("x =").unwrap();
        assert_eq!(m.position(x), pos("orig.go", 40, Some(7)));
        let y = text.find("y =").unwrap();
        assert_eq!(m.position(y), pos("orig.go", 41, Some(6)));
    }

    #[test]
    fn ignores_indented_line_comments_and_keeps_unknown_columns() {
        let text = "package a\n //line no.go:9\n//line c.go:7\nvar x = 1\n";
        let (_, m) = map(text);
        let x = text.find("x =").unwrap();
        assert_eq!(m.position(x), pos("c.go", 7, None));
    }

    #[test]
    fn inline_directives_apply_right_after_the_comment() {
        let text = "package a\nvar x = /*line :5:10*/y\n";
        let (_, m) = map(text);
        let y = text.find("y\n").unwrap();
        assert_eq!(m.position(y), pos("/src/a.go", 5, Some(10)));
        assert_eq!(m.position(y).inline_directive(), "/*line /src/a.go:5:10*/");
    }

    #[test]
    fn empty_filename_without_column_is_empty() {
        assert_eq!(parse_directive(":12", "prev.go"), Some((String::new(), 12, None)));
        assert_eq!(parse_directive("C:\\x.go:3:4", "p"), Some(("C:\\x.go".into(), 3, Some(4))));
        assert_eq!(parse_directive("nonumber", "p"), None);
    }
}
