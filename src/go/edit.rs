//! Text edits on one file, applied in one forward pass.
//!
//! Every change gorch makes is an insertion or a small replacement at a byte
//! offset of the original file. A `wrap-expression` is two insertions (a
//! prefix before the expression and a suffix after it), so advice on nested
//! expressions never overlaps. Edits at the same offset are ordered by
//! `Order`; edits whose replaced ranges overlap are a conflict, reported
//! with both aspects named.
//!
//! With a `LineMap`, the output carries line directives: a `//line` header
//! naming the original file, a `/*line*/` before each inserted text saying
//! where it came from (the aspect's file and line), and a `/*line*/` after
//! it restoring the original text's effective position. Without one, the
//! output is the plain code, for people to read (`gorch diff`).

use super::lines::{LineMap, Position};

/// Where an edit goes among edits at the same offset. Smaller first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Order {
    class: u8,
    span: i64,
    layer: i64,
}

impl Order {
    /// The end of a wrapped node: inner nodes (starting later) close first,
    /// and on one node the inner layer (earlier advice) closes first.
    pub fn closing(node_start: usize, layer: usize) -> Order {
        Order { class: 0, span: -(node_start as i64), layer: layer as i64 }
    }

    /// A plain insertion; smaller `rank` first.
    pub fn plain(rank: i64) -> Order {
        Order { class: 1, span: 0, layer: rank }
    }

    /// The start of a wrapped node: outer nodes (ending later) open first,
    /// and on one node the outer layer (later advice) opens first.
    pub fn opening(node_end: usize, layer: usize) -> Order {
        Order { class: 2, span: -(node_end as i64), layer: -(layer as i64) }
    }

    /// A replacement of original text: after every insertion at its start
    /// (a wrapper opening there encloses the replaced text).
    pub fn replacement() -> Order {
        Order { class: 3, span: 0, layer: 0 }
    }
}

/// Inserted text and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// Where the text comes from (an aspect's file and line), for positions
    /// in compiler messages and stack traces. `None` for glue (a name, a
    /// parenthesis, a line break) that is reported at the position of
    /// whatever precedes it.
    pub origin: Option<Position>,
}

impl Piece {
    pub fn glue(text: impl Into<String>) -> Piece {
        Piece { text: text.into(), origin: None }
    }

    pub fn from(text: impl Into<String>, origin: Position) -> Piece {
        Piece { text: text.into(), origin: Some(origin) }
    }
}

#[derive(Debug, Clone)]
pub struct Edit {
    pub start: usize,
    /// Equal to `start` for an insertion.
    pub end: usize,
    pub pieces: Vec<Piece>,
    pub order: Order,
    /// The aspect that asked for this edit, for conflict messages.
    pub owner: String,
}

impl Edit {
    pub fn insert(at: usize, pieces: Vec<Piece>, order: Order, owner: &str) -> Edit {
        Edit { start: at, end: at, pieces, order, owner: owner.to_string() }
    }

    /// Replaces `start..end` (use `Order::replacement()` when `end > start`).
    pub fn replace(start: usize, end: usize, text: &str, order: Order, owner: &str) -> Edit {
        Edit { start, end, pieces: vec![Piece::glue(text)], order, owner: owner.to_string() }
    }

    /// Replaces `start..end` with pieces that carry their origin.
    pub fn replace_with(start: usize, end: usize, pieces: Vec<Piece>, owner: &str) -> Edit {
        Edit { start, end, pieces, order: Order::replacement(), owner: owner.to_string() }
    }

    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    fn same_as(&self, other: &Edit) -> bool {
        self.start == other.start && self.end == other.end && self.pieces == other.pieces
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub first: String,
    pub second: String,
    pub offset: usize,
}

/// Applies `edits` to `original`. With `lines`, weaves in line directives
/// (see the module comment).
pub fn apply(original: &str, edits: &[Edit], lines: Option<&LineMap>) -> Result<String, Conflict> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.start, e.order));
    for pair in sorted.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let overlaps = b.start < a.end || (a.start == b.start && a.end > a.start && b.end > b.start);
        if overlaps && !a.same_as(b) {
            return Err(Conflict { first: a.owner.clone(), second: b.owner.clone(), offset: b.start });
        }
    }

    let bom = if original.starts_with('\u{feff}') { 3 } else { 0 };
    let extra: usize = edits.iter().flat_map(|e| &e.pieces).map(|p| p.text.len() + 48).sum();
    let mut out = String::with_capacity(original.len() + extra + 64);
    if let Some(lines) = lines {
        // The compiler sees the rewritten file under another name: every
        // original position must be reported as the original file's.
        out.push_str(&format!("//line {}:1:1\n", lines.position(bom).file));
    }

    let mut pos = bom;
    let mut restore = false;
    let mut last: Option<&Edit> = None;
    for edit in sorted {
        if last.is_some_and(|l| l.same_as(edit) && l.end > l.start) {
            continue; // the same replacement asked twice (a name two advice needed)
        }
        if edit.start > pos {
            if restore {
                if let Some(lines) = lines {
                    out.push_str(&lines.position(pos).inline_directive());
                }
                restore = false;
            }
            out.push_str(&original[pos..edit.start]);
            pos = edit.start;
        }
        for piece in edit.pieces.iter().filter(|p| !p.text.is_empty()) {
            if let (Some(_), Some(origin)) = (lines, &piece.origin) {
                out.push_str(&origin.inline_directive());
            }
            out.push_str(&piece.text);
            restore = true;
        }
        if edit.end > pos {
            pos = edit.end;
            restore = true;
        }
        last = Some(edit);
    }
    if pos < original.len() {
        if restore && let Some(lines) = lines {
            out.push_str(&lines.position(pos).inline_directive());
        }
        out.push_str(&original[pos..]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::go::source::SourceFile;

    fn insert(at: usize, text: &str, order: Order) -> Edit {
        Edit::insert(at, vec![Piece::glue(text)], order, "a")
    }

    #[test]
    fn nested_wraps_nest() {
        // f(g(x)) with both calls wrapped, and the outer call wrapped twice.
        let src = "f(g(x))";
        let edits = vec![
            insert(0, "A(", Order::opening(7, 0)),
            insert(7, ")", Order::closing(0, 0)),
            insert(0, "B(", Order::opening(7, 1)),
            insert(7, ")", Order::closing(0, 1)),
            insert(2, "C(", Order::opening(6, 0)),
            insert(6, ")", Order::closing(2, 0)),
        ];
        assert_eq!(apply(src, &edits, None).unwrap(), "B(A(f(C(g(x)))))");
    }

    #[test]
    fn chained_calls_sharing_a_start_nest() {
        // a.b().c() wraps both the chain and its inner call a.b().
        let src = "a.b().c()";
        let edits = vec![
            insert(0, "In(", Order::opening(5, 0)),
            insert(5, ")", Order::closing(0, 0)),
            insert(0, "Out(", Order::opening(9, 0)),
            insert(9, ")", Order::closing(0, 0)),
        ];
        assert_eq!(apply(src, &edits, None).unwrap(), "Out(In(a.b()).c())");
    }

    #[test]
    fn overlapping_replacements_conflict() {
        let a = Edit::replace(2, 5, "X", Order::plain(0), "a");
        let b = Edit::replace(4, 6, "Y", Order::plain(0), "b");
        let err = apply("0123456789", &[a, b], None).unwrap_err();
        assert_eq!((err.first.as_str(), err.second.as_str()), ("a", "b"));
    }

    #[test]
    fn directives_restore_original_positions() {
        let src = "package a\n\nfunc f() {\n\tg()\n}\n";
        let file = SourceFile::parse("/src/a.go", src.to_string());
        let lines = LineMap::of(&file);
        let brace = src.find('{').unwrap() + 1;
        let origin = Position { file: "gorch.yaml".into(), line: 7, column: Some(5) };
        let pieces = vec![Piece::glue("\n\t"), Piece::from("injected()", origin), Piece::glue("\n")];
        let e = Edit::insert(brace, pieces, Order::plain(0), "a");
        let out = apply(src, &[e], Some(&lines)).unwrap();
        assert_eq!(
            out,
            r#"//line /src/a.go:1:1
package a

func f() {
	/*line gorch.yaml:7:5*/injected()
/*line /src/a.go:3:11*/
	g()
}
"#
        );
    }
}
