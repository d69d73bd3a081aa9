//! The commands people type: `gorch go`, `gorch diff`, `gorch aspects`,
//! `gorch cache`, `gorch version`. (Toolexec mode, which the go command uses, is decided
//! before clap sees the arguments; see `run`.)

use crate::aspect::{self, AspectSet};
use crate::error::Error;
use clap::{Parser, Subcommand};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;

#[derive(Parser)]
#[command(
    name = "gorch",
    version,
    about = "Compile-time instrumentation for Go",
    long_about = "Compile-time instrumentation for Go.\n\nUse it as the go command's tool wrapper:\n  go build -toolexec=gorch ./...\nor let gorch pass the flag:\n  gorch go build ./..."
)]
struct Cli {
    #[command(subcommand)]
    command: Commands,
}

#[derive(Subcommand)]
enum Commands {
    /// Print gorch's version and the hash of the aspects in force here.
    Version {
        /// Print them as JSON: the values a binary records as the build
        /// settings gorch.version and gorch.aspects (`go version -m`).
        #[arg(long)]
        json: bool,
    },
    /// Run the go command with -toolexec set to this gorch
    /// (build, install, run, test or vet), and summarize what it
    /// instrumented.
    #[command(disable_help_flag = true)]
    Go {
        /// Also write every instrumented site to FILE, as JSON.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        #[arg(trailing_var_arg = true, allow_hyphen_values = true, required = true, value_name = "GO ARGS")]
        args: Vec<OsString>,
    },
    /// Show what gorch changes, as a unified diff: for the packages of a
    /// build (`gorch diff [build flags] [packages]`, dependencies included)
    /// or for files (`gorch diff FILE.go...`).
    Diff {
        /// Show the files as the compiler gets them, line directives included.
        #[arg(long)]
        line_directives: bool,
        #[arg(trailing_var_arg = true, allow_hyphen_values = true, value_name = "ARGS")]
        args: Vec<String>,
    },
    /// Make go.mod and go.sum require every module the aspects inject, and
    /// write gorch.tool.go so that `go mod tidy` keeps them.
    Pin,
    /// List or check aspects.
    Aspects {
        #[command(subcommand)]
        command: AspectsCommand,
    },
    /// Show or clear gorch's cache of rewritten packages and resolutions.
    Cache {
        #[command(subcommand)]
        command: CacheCommand,
    },
}

#[derive(Subcommand)]
enum CacheCommand {
    /// Print the cache directory (GORCH_CACHE, else the user cache directory).
    Path,
    /// Print the number and size of entries, per kind.
    Stats,
    /// Remove every entry.
    Clean,
}

#[derive(Subcommand)]
enum AspectsCommand {
    /// List the aspects in force here: built-in ones, then gorch.yaml's.
    List,
    /// Check an aspect file (by default, the ones in force here) and report
    /// every problem with its file and line.
    Check { file: Option<PathBuf> },
    /// Print the JSON Schema of aspect files, for editors (the repository
    /// ships it as aspects/gorch.schema.json).
    Schema,
}

pub fn main(args: Vec<OsString>) -> Result<i32, Error> {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            e.print().ok();
            return Ok(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Commands::Version { json } => version(json),
        Commands::Go { report, args } => go(args, report),
        Commands::Diff { line_directives, args } => {
            // Like the go command, `-C dir` changes directory before anything.
            let args = match args.split_first() {
                Some((flag, rest)) if flag == "-C" && !rest.is_empty() => {
                    std::env::set_current_dir(&rest[0]).map_err(|e| Error::io(&rest[0], e))?;
                    rest[1..].to_vec()
                }
                Some((flag, rest)) if flag.starts_with("-C=") => {
                    std::env::set_current_dir(&flag[3..]).map_err(|e| Error::io(&flag[3..], e))?;
                    rest.to_vec()
                }
                _ => args,
            };
            crate::diff_cmd::run(&args, line_directives)
        }
        Commands::Pin => crate::pin::run(&cwd()?),
        Commands::Aspects { command: AspectsCommand::List } => list(),
        Commands::Aspects { command: AspectsCommand::Check { file } } => check(file),
        Commands::Aspects { command: AspectsCommand::Schema } => {
            print!("{}", crate::aspect::spec::schema());
            Ok(0)
        }
        Commands::Cache { command } => cache(command),
    }
}

fn cwd() -> Result<PathBuf, Error> {
    std::env::current_dir().map_err(|e| Error::io(".", e))
}

fn version(json: bool) -> Result<i32, Error> {
    let dir = cwd()?;
    let set = AspectSet::load(&dir)?;
    let identity = crate::identity::of(&set, &dir).text;
    if json {
        println!("{}", crate::report::version_json(&set, &identity));
        return Ok(0);
    }
    println!("gorch {} (source {})", crate::version::VERSION, crate::version::SOURCE_HASH);
    println!("identity {identity}");
    println!("aspects hash {}", set.files_hash);
    for source in &set.sources {
        println!("aspects {source}");
    }
    Ok(0)
}

fn cache(command: CacheCommand) -> Result<i32, Error> {
    let Some(cache) = crate::cache::Cache::open()? else {
        println!("gorch's cache is off (GORCH_CACHE=off)");
        return Ok(0);
    };
    let root = cache.root();
    match command {
        CacheCommand::Path => println!("{}", root.display()),
        CacheCommand::Stats => {
            let stats = cache.stats();
            println!("{} (limit {})", root.display(), human_size(cache.limit()));
            let (mut entries, mut bytes) = (0, 0);
            for (kind, n, size) in &stats.kinds {
                println!("{kind:<10} {n:>8} entries {:>10}", human_size(*size));
                entries += n;
                bytes += size;
            }
            println!("{:<10} {entries:>8} entries {:>10}", "total", human_size(bytes));
        }
        CacheCommand::Clean => {
            cache.clean().map_err(|e| Error::io(root, e))?;
            println!("removed {}", root.display());
        }
    }
    Ok(0)
}

fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 => format!("{:.1} GiB", b as f64 / (1u64 << 30) as f64),
        b if b >= 1 << 20 => format!("{:.1} MiB", b as f64 / (1u64 << 20) as f64),
        b if b >= 1 << 10 => format!("{:.1} KiB", b as f64 / 1024.0),
        b => format!("{b} B"),
    }
}

/// Subcommands of the go command that build, and so take -toolexec.
const BUILDING: &[&str] = &["build", "install", "run", "test", "vet"];

fn go(args: Vec<OsString>, report: Option<PathBuf>) -> Result<i32, Error> {
    let go = which::which("go").map_err(|_| Error::GoNotFound)?;
    let command = go_command_line(&args, &self_path()?)?;
    let sub = args[0].to_string_lossy().into_owned();
    let rest: Vec<String> = args[1..].iter().map(|a| a.to_string_lossy().into_owned()).collect();
    // `go run` hands the terminal to the program: summarize before it.
    if sub == "run" {
        summarize(&sub, &rest, report.as_deref())?;
    }
    let status = Command::new(&go)
        .args(&command)
        .env(crate::deps::buildflags::ENV, crate::deps::buildflags::BuildFlags::encode(&command))
        .status()
        .map_err(|e| Error::spawn(&go, e))?;
    // Failing tests still ran instrumented code: say what it was.
    if sub != "run" && (status.success() || sub == "test") {
        summarize(&sub, &rest, report.as_deref())?;
    }
    Ok(crate::toolexec::exit_code(status))
}

/// Prints the one-line summary of what the build instrumented, and writes
/// the report when asked.
fn summarize(sub: &str, args: &[String], file: Option<&std::path::Path>) -> Result<(), Error> {
    let dir = cwd()?;
    let dir = match args.iter().position(|a| a == "-C") {
        Some(i) if i + 1 < args.len() => dir.join(&args[i + 1]),
        _ => dir,
    };
    let report = crate::report::of_build(sub, args, &dir)?;
    eprintln!("{}", report.summary());
    if let Some(file) = file {
        std::fs::write(file, report.json()).map_err(|e| Error::io(file, e))?;
    }
    Ok(())
}

fn self_path() -> Result<PathBuf, Error> {
    std::env::current_exe().map_err(|e| Error::io("the gorch executable", e))
}

/// The go command's arguments with `-toolexec` added after the subcommand
/// (and after `-C dir`, which must come first).
pub fn go_command_line(args: &[OsString], gorch: &std::path::Path) -> Result<Vec<OsString>, Error> {
    let sub = args.first().map(|a| a.to_string_lossy().into_owned()).unwrap_or_default();
    if !BUILDING.contains(&sub.as_str()) {
        return Err(Error::NotABuild { subcommand: sub, building: BUILDING.join(", ") });
    }
    let mut out = vec![args[0].clone()];
    let mut rest = args[1..].iter().peekable();
    if let Some(first) = rest.peek().map(|a| a.to_string_lossy().into_owned()) {
        if first == "-C" || first == "--C" {
            out.push(rest.next().unwrap().clone());
            out.extend(rest.next().cloned());
        } else if first.starts_with("-C=") || first.starts_with("--C=") {
            out.push(rest.next().unwrap().clone());
        }
    }
    out.push(crate::nested_go::toolexec_flag(gorch).into());
    out.extend(rest.cloned());
    Ok(out)
}

fn list() -> Result<i32, Error> {
    let set = AspectSet::load(&cwd()?)?;
    if set.aspects.is_empty() {
        println!("no aspects (built-in aspects: none; no {} found for this module)", aspect::CONFIG_FILE);
    }
    for a in &set.aspects {
        let advice: Vec<&str> = a.advice.iter().map(|x| x.name()).collect();
        println!("{}\t{}\t{} -> {}", a.id, a.location(), a.join_point, advice.join(", "));
    }
    Ok(0)
}

fn check(file: Option<PathBuf>) -> Result<i32, Error> {
    let cwd = cwd()?;
    let set = match &file {
        Some(path) => AspectSet::from_sources(&[aspect::read_source(path, &cwd)?])?,
        None => AspectSet::load(&cwd)?,
    };
    for source in &set.sources {
        println!("{source}: ok");
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[OsString]) -> Vec<String> {
        v.iter().map(|s| s.to_string_lossy().into_owned()).collect()
    }

    #[test]
    fn toolexec_goes_after_the_subcommand_and_dash_c() {
        let gorch = std::path::Path::new("/bin/gorch");
        let args: Vec<OsString> = ["build", "-o", "app", "./..."].iter().map(OsString::from).collect();
        assert_eq!(
            strings(&go_command_line(&args, gorch).unwrap()),
            ["build", "-toolexec=/bin/gorch", "-o", "app", "./..."]
        );
        let args: Vec<OsString> = ["run", "-C", "demo", "."].iter().map(OsString::from).collect();
        assert_eq!(
            strings(&go_command_line(&args, gorch).unwrap()),
            ["run", "-C", "demo", "-toolexec=/bin/gorch", "."]
        );
        let args: Vec<OsString> = ["mod", "tidy"].iter().map(OsString::from).collect();
        assert!(go_command_line(&args, gorch).is_err());
    }

    #[test]
    fn paths_with_spaces_are_quoted() {
        assert_eq!(
            crate::nested_go::toolexec_flag(std::path::Path::new("/opt/my tools/gorch")),
            "-toolexec='/opt/my tools/gorch'"
        );
    }
}
