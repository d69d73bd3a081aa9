//! Unified diffs of what gorch changes, for review in a terminal or a CI
//! log. Shows the code as people read it: without line directives.

use similar::TextDiff;

/// A unified diff of one file; empty when the texts are equal. A `None`
/// original stands for a file gorch adds.
pub fn unified(name: &str, original: Option<&str>, changed: &str) -> String {
    let old = original.unwrap_or("");
    if old == changed {
        return String::new();
    }
    let old_name = if original.is_some() { format!("a/{name}") } else { "/dev/null".to_string() };
    TextDiff::from_lines(old, changed)
        .unified_diff()
        .context_radius(3)
        .header(&old_name, &format!("b/{name}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_changed_lines_with_context() {
        let d =
            unified("main.go", Some("package main\n\nfunc main() {\n}\n"), "package main\n\nfunc main() {\n\tx()\n}\n");
        assert_eq!(
            d,
            r#"--- a/main.go
+++ b/main.go
@@ -1,4 +1,5 @@
 package main
 
 func main() {
+	x()
 }
"#
        );
        assert_eq!(unified("x.go", Some("same\n"), "same\n"), "");
        assert!(unified("new.go", None, "package x\n").starts_with("--- /dev/null\n+++ b/new.go\n"));
    }
}
