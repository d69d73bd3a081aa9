//! The outer build's flags, for the nested go commands gorch runs.
//!
//! A package injected by advice must be built exactly as the outer build
//! would have built it, or the linker finds two incompatible builds of one
//! package. A tool run through `-toolexec` sees only its own argv and the
//! environment: GOFLAGS, GOOS, GOARCH and the rest of the environment reach
//! nested go commands by themselves, but flags given on the go command
//! line (`-tags`, `-race`, `-mod=vendor`, ...) do not. gorch reads them
//! back from the go command itself, its parent process
//! (`/proc/<ppid>/cmdline`), or from `GORCH_BUILD_FLAGS`, which `gorch go`
//! sets.
//!
//! Only flags that change what a package compiles to are kept; the
//! coverage flags need care (see `nested`).

/// Environment variable through which `gorch go` hands over the go command
/// line (arguments separated by U+001F).
pub const ENV: &str = "GORCH_BUILD_FLAGS";
const SEPARATOR: char = '\u{1f}';

/// Build flags that take a value, and whether they matter to what
/// dependencies compile to.
const VALUED: &[(&str, bool)] = &[
    ("asmflags", true),
    ("buildmode", true),
    ("compiler", true),
    ("covermode", true),
    ("coverpkg", true),
    ("gccgoflags", true),
    ("gcflags", true),
    ("installsuffix", true),
    ("mod", true),
    ("modfile", true),
    ("overlay", true),
    ("pgo", true),
    ("tags", true),
    ("C", false),
    ("exec", false),
    ("ldflags", false),
    ("o", false),
    ("p", false),
    ("pkgdir", false),
    ("toolexec", false),
    ("vettool", false),
    ("fuzz", false),
    ("run", false),
    ("skip", false),
    ("bench", false),
    ("benchtime", false),
    ("count", false),
    ("coverprofile", false),
    ("cpu", false),
    ("timeout", false),
    ("parallel", false),
    ("shuffle", false),
    ("outputdir", false),
    ("json", false),
];

/// Boolean build flags that matter to what dependencies compile to.
const BOOLEAN: &[&str] = &["race", "msan", "asan", "cover", "trimpath", "linkshared"];

/// The flags of the outer build that a nested `go list -export` must
/// repeat, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildFlags {
    pub flags: Vec<String>,
    /// The package arguments (`.`, `./cmd/...`).
    pub patterns: Vec<String>,
}

impl BuildFlags {
    /// From `GORCH_BUILD_FLAGS`, else from the parent process's command
    /// line. Empty when neither can be read (a go command run in some
    /// other way): the environment, GOFLAGS included, still applies.
    pub fn of_outer_build() -> BuildFlags {
        if let Ok(line) = std::env::var(ENV) {
            return BuildFlags::parse(line.split(SEPARATOR).map(str::to_string));
        }
        parent_command_line().map(BuildFlags::parse).unwrap_or_default()
    }

    /// Picks the relevant flags out of a go command's arguments (starting
    /// after `go`, or at the subcommand).
    pub fn parse(args: impl IntoIterator<Item = String>) -> BuildFlags {
        let mut args = args.into_iter().peekable();
        // Skip the program and the subcommand.
        while let Some(arg) = args.peek() {
            if arg.starts_with('-') {
                break;
            }
            let is_subcommand = matches!(arg.as_str(), "build" | "install" | "run" | "test" | "vet" | "list");
            args.next();
            if is_subcommand {
                break;
            }
        }
        let mut kept = Vec::new();
        let mut patterns = Vec::new();
        while let Some(arg) = args.next() {
            if arg == "--" {
                break;
            }
            let Some(flag) = arg.strip_prefix("--").or_else(|| arg.strip_prefix('-')) else {
                patterns.push(arg); // a package pattern; test flags may follow
                continue;
            };
            let (name, inline) = match flag.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (flag, None),
            };
            // `-test.run` and friends, and `-args`, end the build flags.
            if name == "args" {
                break;
            }
            if let Some(&(_, relevant)) = VALUED.iter().find(|(n, _)| *n == name) {
                let value = match inline {
                    Some(v) => v,
                    None => args.next().unwrap_or_default(),
                };
                if relevant {
                    kept.push(format!("-{name}={value}"));
                }
            } else if BOOLEAN.contains(&name) {
                match inline.as_deref() {
                    None | Some("true") => kept.push(format!("-{name}")),
                    Some(_) => kept.retain(|k| k != &format!("-{name}")),
                }
            }
        }
        BuildFlags { flags: kept, patterns }
    }

    /// The go command line to hand over in `GORCH_BUILD_FLAGS`.
    pub fn encode(args: &[std::ffi::OsString]) -> String {
        let parts: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
        parts.join(&SEPARATOR.to_string())
    }

    /// Whether a boolean flag (`trimpath`) is on, on the go command line or
    /// in GOFLAGS.
    pub fn is_on(&self, name: &str) -> bool {
        let flag = format!("-{name}");
        let goflags = std::env::var("GOFLAGS").unwrap_or_default();
        let from_env = BuildFlags::parse(goflags.split_whitespace().map(str::to_string));
        self.flags.contains(&flag) || from_env.flags.contains(&flag)
    }

    /// The profile named by `-pgo=<file>`, when not `auto` or `off`.
    pub fn explicit_pgo_file(&self) -> Option<&str> {
        self.value("pgo").filter(|v| *v != "auto" && *v != "off")
    }

    fn value(&self, name: &str) -> Option<&str> {
        let prefix = format!("-{name}=");
        self.flags.iter().rev().find_map(|f| f.strip_prefix(&prefix))
    }

    /// `-mod=readonly` when the outer build runs with `-mod=mod` (on its
    /// command line or in GOFLAGS): a nested go command must never add
    /// requirements to go.mod during a build. Other modes, vendoring
    /// included, are left as the outer build has them.
    pub fn readonly_override(&self) -> Option<&'static str> {
        let goflags = std::env::var("GOFLAGS").unwrap_or_default();
        let from_env = goflags.split_whitespace().rev().find_map(|f| f.trim_start_matches('-').strip_prefix("mod="));
        (self.value("mod").or(from_env) == Some("mod")).then_some("-mod=readonly")
    }

    /// The flags for a nested `go list -export` of injected packages.
    ///
    /// Coverage is the subtle case: with `-cover` alone, only the main
    /// module's (or the tested) packages are instrumented, never packages
    /// that advice injects or their dependencies, so the nested build must
    /// not ask for coverage (it would instrument the packages it names).
    /// With `-coverpkg`, the outer build instruments exactly the matching
    /// packages, and the nested build must do the same.
    pub fn nested(&self) -> Vec<String> {
        let coverpkg = self.value("coverpkg").is_some();
        self.flags
            .iter()
            .filter(|f| coverpkg || !(f.as_str() == "-cover" || f.starts_with("-covermode=")))
            .filter(|f| !f.starts_with("-mod=") || self.readonly_override().is_none())
            // A nested build has no main package for `auto` to find a
            // profile by: see `pgo`.
            .filter(|f| f.as_str() != "-pgo=auto")
            .cloned()
            .chain(coverpkg.then(|| "-cover".to_string()).filter(|c| !self.flags.contains(c)))
            .chain(self.readonly_override().map(str::to_string))
            .collect()
    }
}

/// The parent process's argv (Linux; elsewhere `gorch go` and GOFLAGS
/// carry the flags).
#[cfg(not(target_os = "linux"))]
fn parent_command_line() -> Option<Vec<String>> {
    None
}

/// The parent process's argv, on Linux.
#[cfg(target_os = "linux")]
fn parent_command_line() -> Option<Vec<String>> {
    let ppid = std::os::unix::process::parent_id();
    let raw = std::fs::read(format!("/proc/{ppid}/cmdline")).ok()?;
    let args: Vec<String> =
        raw.split(|&b| b == 0).filter(|a| !a.is_empty()).map(|a| String::from_utf8_lossy(a).into_owned()).collect();
    // Only a go command's flags mean anything here.
    let program = args.first()?;
    let base = program.rsplit('/').next().unwrap_or(program);
    (base == "go" || base.starts_with("go1.")).then_some(args)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Vec<String> {
        BuildFlags::parse(line.split_whitespace().map(str::to_string)).flags
    }

    #[test]
    fn keeps_flags_that_change_compiled_code() {
        assert_eq!(
            parse("/usr/local/go/bin/go build -race -o app -tags netgo,osusergo -toolexec gorch -trimpath ./..."),
            vec!["-race", "-tags=netgo,osusergo", "-trimpath"]
        );
        assert_eq!(
            parse("go test -v -run TestX -count=1 -mod=vendor ./pkg -coverpkg=./..."),
            vec!["-mod=vendor", "-coverpkg=./..."]
        );
        assert_eq!(parse("go build -race=false ."), Vec::<String>::new());
        assert_eq!(parse("go vet -tags x ./... -args -race"), vec!["-tags=x"]);
        let both = BuildFlags::parse("go build -o app ./cmd/app ./tools/...".split(' ').map(str::to_string));
        assert_eq!(both.patterns, vec!["./cmd/app", "./tools/..."]);
    }

    #[test]
    fn nested_builds_cover_only_with_coverpkg() {
        let plain_cover =
            BuildFlags { flags: vec!["-cover".into(), "-covermode=atomic".into(), "-race".into()], patterns: vec![] };
        assert_eq!(plain_cover.nested(), vec!["-race"]);
        let with_pkg = BuildFlags { flags: vec!["-coverpkg=all".into()], patterns: vec![] };
        assert_eq!(with_pkg.nested(), vec!["-coverpkg=all", "-cover"]);
    }
}
