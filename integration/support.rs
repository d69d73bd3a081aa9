//! Helpers for tests that run the real go command with the gorch binary
//! that cargo just built.
//!
//! Every go command shares one GOCACHE and one gorch cache under cargo's
//! target directory (tests about the go cache compare two builds, which a
//! shared cache does not disturb; tests about gorch's cache bring their
//! own), reaches the Go module proxy only where a test pins a module,
//! and is serialized with the others: a machine with two cores gains nothing from two
//! concurrent Go builds, and a cold build of the standard library for one
//! aspect set should happen once, not once per racing test.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

static GO_LOCK: Mutex<()> = Mutex::new(());

pub fn gorch() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_gorch"))
}

pub fn gocache() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("gocache")
}

/// gorch's own cache for the tests, kept away from the user's.
pub fn gorch_cache() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("gorch-cache")
}

/// A command with the environment every test's go command gets.
pub fn command(program: impl AsRef<std::ffi::OsStr>, dir: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(dir)
        .env("GOCACHE", gocache())
        .env("GORCH_CACHE", gorch_cache())
        .env_remove("GORCH_LOG")
        .env("GOFLAGS", "-buildvcs=false")
        .env("GOTOOLCHAIN", "local")
        .env("GO111MODULE", "on")
        .env_remove("TOOLEXEC_IMPORTPATH")
        .stdin(Stdio::null());
    cmd
}

/// Runs a command that may invoke the go command, one at a time.
pub fn run(mut cmd: Command) -> Output {
    let _guard = GO_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"))
}

/// Runs `f` while no other test's go command runs.
pub fn alone<T>(f: impl FnOnce() -> T) -> T {
    let _guard = GO_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    f()
}

/// Runs commands side by side (and alone with them: no other test's go
/// command runs meanwhile).
pub fn run_together(commands: Vec<Command>) -> Vec<Output> {
    let _guard = GO_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let children: Vec<_> = commands
        .into_iter()
        .map(|mut cmd| {
            cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
            cmd.spawn().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"))
        })
        .collect();
    children.into_iter().map(|child| child.wait_with_output().unwrap()).collect()
}

/// The SHA-256 of a file, in hex.
pub fn sha256(path: PathBuf) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(std::fs::read(&path).unwrap()).iter().map(|b| format!("{b:02x}")).collect()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Fails with both output streams when a command failed.
pub fn ok(output: Output, what: &str) -> Output {
    assert!(
        output.status.success(),
        "{what} failed ({}):\nstdout:\n{}\nstderr:\n{}",
        output.status,
        text(&output.stdout),
        text(&output.stderr)
    );
    output
}

/// A copy of a module under `integration/` (`modules/core`, `demo`), in a
/// temporary directory of its own.
pub struct Module {
    /// Removed with the module (none for a module copied to a place of the
    /// caller's choosing).
    _dir: Option<tempfile::TempDir>,
    /// Where the module is inside `dir`.
    root: PathBuf,
}

impl Module {
    pub fn copy(rel: &str) -> Module {
        Module::copy_under(rel, "")
    }

    /// A copy at `<temporary directory>/<under>`, to build a module from
    /// paths of different lengths.
    pub fn copy_under(rel: &str, under: &str) -> Module {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let dir = tempfile::Builder::new().prefix(&format!("gorch-{name}-")).tempdir().unwrap();
        let root = dir.path().join(under);
        copy_dir(&Module::source(rel), &root);
        Module { _dir: Some(dir), root }
    }

    /// A copy at `root` (emptied first), kept after the module is dropped.
    pub fn copy_into(rel: &str, root: &Path) -> Module {
        if root.exists() {
            std::fs::remove_dir_all(root).unwrap();
        }
        copy_dir(&Module::source(rel), root);
        Module { _dir: None, root: root.to_path_buf() }
    }

    /// Where the module `rel` is in the project.
    fn source(rel: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("integration").join(rel)
    }

    pub fn path(&self) -> &Path {
        &self.root
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }

    pub fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.path().join(rel), text).unwrap();
    }

    /// Replaces the one occurrence of `from` in a file.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert_eq!(text.matches(from).count(), 1, "{rel} must contain {from:?} exactly once");
        self.write(rel, &text.replacen(from, to, 1));
    }

    /// The 1-based line of the line holding `marker` in a file.
    pub fn line_of(&self, rel: &str, marker: &str) -> usize {
        let text = self.read(rel);
        text.lines().position(|l| l.contains(marker)).unwrap_or_else(|| panic!("{marker} not in {rel}")) + 1
    }

    /// `go <args>` in the module.
    pub fn go(&self, args: &[&str]) -> Output {
        let mut cmd = command("go", self.path());
        cmd.args(args);
        run(cmd)
    }

    /// `go <sub> -toolexec=<gorch> <rest>` in the module.
    pub fn go_gorch(&self, args: &[&str]) -> Output {
        self.go_gorch_with(args, &[])
    }

    /// `go <sub> -toolexec=<gorch> <rest>` with extra environment.
    pub fn go_gorch_with(&self, args: &[&str], env: &[(&str, &std::ffi::OsStr)]) -> Output {
        let mut full = vec![args[0].to_string(), format!("-toolexec={}", gorch().display())];
        full.extend(args[1..].iter().map(|s| s.to_string()));
        let mut cmd = command("go", self.path());
        cmd.args(&full);
        for (key, value) in env {
            cmd.env(key, value);
        }
        run(cmd)
    }

    /// `gorch <args>` in the module.
    pub fn gorch(&self, args: &[&str]) -> Output {
        let mut cmd = command(gorch(), self.path());
        cmd.args(args);
        run(cmd)
    }

    /// Runs a binary the module built.
    pub fn exec(&self, binary: &str, args: &[&str]) -> Output {
        Command::new(self.path().join(binary)).args(args).output().unwrap()
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Lines of `go build -x` output that run the compiler.
pub fn compile_commands(stderr: &str) -> usize {
    stderr.lines().filter(|l| l.contains("/compile ") && l.contains(" -o ")).count()
}

/// Calls `get` every `every` until `done` holds for what it returns, or
/// `timeout` passes; returns the last value either way, for the caller's
/// assertions to show.
pub fn poll<T>(timeout: Duration, every: Duration, mut get: impl FnMut() -> T, done: impl Fn(&T) -> bool) -> T {
    let deadline = Instant::now() + timeout;
    loop {
        let value = get();
        if done(&value) || Instant::now() > deadline {
            return value;
        }
        std::thread::sleep(every);
    }
}
