//! Line numbers in an aspect file.
//!
//! The YAML library reports where a file fails to deserialize, but keeps no
//! positions for values that deserialize fine and are wrong later (a bad
//! glob, an unknown template value) or that gorch needs to point at (the
//! line a template starts on, for positions of injected code). Aspect files
//! are small and regular, so a scan of the text finds those lines: each
//! aspect starts at its `id:` line, and a value is found by its text after
//! that line.

pub struct Locator<'a> {
    lines: Vec<&'a str>,
    /// (1-based line, id) of every `id:` key, in file order.
    ids: Vec<(usize, String)>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Locator<'a> {
        let lines: Vec<&str> = text.lines().collect();
        let ids = lines.iter().enumerate().filter_map(|(i, line)| id_value(line).map(|id| (i + 1, id))).collect();
        Locator { lines, ids }
    }

    /// The line of the aspect's `id:` key.
    pub fn aspect_line(&self, id: &str) -> Option<usize> {
        self.nth_aspect_line(id, 0)
    }

    /// The line of the `id:` key of the `nth` aspect (from 0) with this id.
    pub fn nth_aspect_line(&self, id: &str, nth: usize) -> Option<usize> {
        self.ids.iter().filter(|(_, i)| i == id).nth(nth).map(|(line, _)| *line)
    }

    /// Whether the line holds a top-level key (`aspects:`, `disable:`),
    /// outside every aspect.
    pub fn is_top_level(&self, line: usize) -> bool {
        let text = line.checked_sub(1).and_then(|i| self.lines.get(i)).copied().unwrap_or("");
        text.chars().next().is_some_and(|c| !c.is_whitespace() && c != '-' && c != '#')
    }

    /// The id of the aspect whose text contains `line`.
    pub fn aspect_at(&self, line: usize) -> Option<&str> {
        self.ids
            .iter()
            .take_while(|(l, _)| *l <= line)
            .last()
            .map(|(_, id)| id.as_str())
            .or_else(|| self.ids.first().filter(|(l, _)| line + 2 >= *l).map(|(_, id)| id.as_str()))
    }

    /// The first line at or after `from` (inside the same aspect) that
    /// contains `needle`, with the 1-based column where it starts.
    pub fn find(&self, from: usize, needle: &str) -> Option<(usize, usize)> {
        let needle = needle.trim();
        if needle.is_empty() {
            return None;
        }
        let end = self.ids.iter().map(|(l, _)| *l).find(|&l| l > from).unwrap_or(self.lines.len() + 1);
        (from..end).find_map(|line| {
            let text = self.lines.get(line.checked_sub(1)?)?;
            text.find(needle).map(|col| (line, col + 1))
        })
    }

    /// Where the text of a template starts: its first non-blank line, found
    /// at or after `from`. `None` for templates written in a form whose text
    /// does not appear verbatim (folded, or quoted with escapes).
    pub fn template_start(&self, from: usize, template: &str) -> Option<(usize, usize)> {
        let first = template.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        self.find(from, first)
    }

    /// The line of a named join point, `NAME:` under the top-level
    /// `join-points:` key.
    pub fn named_join_point_line(&self, name: &str) -> Option<usize> {
        let section = self.lines.iter().position(|l| l.starts_with("join-points:"))?;
        let body: Vec<(usize, &str)> = self.lines[section + 1..]
            .iter()
            .enumerate()
            .take_while(|(_, l)| l.trim().is_empty() || l.starts_with([' ', '#']))
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(|(i, l)| (section + 2 + i, *l))
            .collect();
        let indent = |l: &str| l.len() - l.trim_start().len();
        let names_at = indent(body.first()?.1);
        let keys = [format!("{name}:"), format!("\"{name}\":"), format!("'{name}':")];
        body.iter()
            .find(|(_, l)| indent(l) == names_at && keys.iter().any(|k| l.trim_start().starts_with(k.as_str())))
            .map(|(line, _)| *line)
    }

    /// Where the text of a template written elsewhere in the file starts: a
    /// template an aspect reuses through a YAML alias (`template: *name`)
    /// is written where its anchor is. The first place where every line of
    /// the template appears, in order, at one indentation.
    pub fn template_anywhere(&self, template: &str) -> Option<(usize, usize)> {
        let wanted: Vec<&str> = template.lines().skip_while(|l| l.trim().is_empty()).collect();
        let first = wanted.first().filter(|l| !l.trim().is_empty())?;
        (0..self.lines.len()).find_map(|start| {
            let indent = self.lines[start].strip_suffix(first)?;
            if !indent.chars().all(char::is_whitespace) {
                return None;
            }
            let all = wanted.iter().enumerate().all(|(k, want)| {
                let have = self.lines.get(start + k).copied().unwrap_or("");
                if want.is_empty() { have.trim().is_empty() } else { have.strip_prefix(indent) == Some(want) }
            });
            all.then_some((start + 1, indent.len() + 1))
        })
    }
}

/// The value of an `id:` key on this line (`- id: x`, `id: "x"`).
fn id_value(line: &str) -> Option<String> {
    let rest = line.trim_start().trim_start_matches('-').trim_start();
    let value = rest.strip_prefix("id:")?;
    let value = match value.find(" #") {
        Some(comment) => &value[..comment],
        None => value,
    };
    let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
    (!value.is_empty()).then(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"aspects:
  - id: first
    join-point:
      function-call: a.B
    advice:
      - prepend-statements:
          template: |
            x := 1
  - id: "second" # note
    join-point:
      function-call: a.B
"#;

    #[test]
    fn finds_aspects_and_values() {
        let loc = Locator::new(TEXT);
        assert_eq!(loc.aspect_line("first"), Some(2));
        assert_eq!(loc.aspect_line("second"), Some(9));
        assert_eq!(loc.aspect_at(5), Some("first"));
        assert_eq!(loc.aspect_at(11), Some("second"));
        assert_eq!(loc.find(9, "a.B"), Some((11, 22)));
        assert_eq!(loc.template_start(2, "x := 1\n"), Some((8, 13)));
    }

    #[test]
    fn templates_reused_through_an_alias_are_found_at_their_anchor() {
        let text = r#"aspects:
  - id: a
    advice:
      - prepend-statements:
          template: &t |
            x := 1

            y := x
  - id: b
    advice:
      - prepend-statements:
          template: *t
"#;
        let loc = Locator::new(text);
        assert_eq!(loc.template_start(9, "x := 1\n\ny := x\n"), None);
        assert_eq!(loc.template_anywhere("x := 1\n\ny := x\n"), Some((6, 13)));
        assert_eq!(loc.template_anywhere("x := 1\ny := x\n"), None);
    }

    #[test]
    fn named_join_points_are_found_under_their_key() {
        let text = r#"join-points:
  # calls
  calls:
    function-call: a.calls
  calls-b:
    calls: x
aspects: []
"#;
        let loc = Locator::new(text);
        assert_eq!(loc.named_join_point_line("calls"), Some(3));
        assert_eq!(loc.named_join_point_line("calls-b"), Some(5));
        assert_eq!(loc.named_join_point_line("x"), None);
    }

    #[test]
    fn search_stays_inside_the_aspect() {
        let loc = Locator::new(TEXT);
        assert_eq!(loc.find(2, "second"), None);
    }
}
