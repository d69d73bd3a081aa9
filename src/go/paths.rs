//! Import paths and the modules they belong to.

/// Whether an import path is in the standard library: its first element
/// has no dot (the go command's rule).
pub fn is_standard(import_path: &str) -> bool {
    !import_path.split('/').next().unwrap_or("").contains('.')
}

/// Whether an import path is in a module (the module's own path or below).
pub fn in_module(import_path: &str, module: &str) -> bool {
    import_path == module || import_path.strip_prefix(module).is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_paths_and_modules() {
        assert!(is_standard("net/http") && is_standard("unsafe") && !is_standard("example.com/app"));
        assert!(in_module("example.com/app/sub", "example.com/app"));
        assert!(in_module("example.com/app", "example.com/app"));
        assert!(!in_module("example.com/application", "example.com/app"));
    }
}
