//! gorch's own content-addressed cache: rewritten packages and dependency
//! resolutions, shared by every gorch process and every build on the
//! machine.
//!
//! An entry is a file named by its key under `<root>/<kind>/<xx>/`. It
//! starts with a header naming the kind, the key, and the SHA-256 and
//! length of the payload; a read checks all of them, so a truncated,
//! corrupted or foreign file is ignored (and rebuilt), never used. Writes
//! go to a temporary file in the same directory and are renamed into place,
//! so readers see a whole entry or none, and concurrent writers of one key
//! write the same bytes. A read refreshes the entry's modification time;
//! past the size limit, the least recently used entries are evicted.
//!
//! Where: `GORCH_CACHE` (`off` disables it), else `$XDG_CACHE_HOME/gorch`,
//! else the platform's cache directory. Size limit: `GORCH_CACHE_SIZE`
//! (bytes, or with a K, M or G suffix), 2G by default.

use crate::digest::hex;
use sha2::{Digest, Sha256};
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const MAGIC: &str = "gorch-cache 1";
const DEFAULT_LIMIT: u64 = 2 << 30;
/// How often (at most) a write looks at the cache's total size.
const TRIM_EVERY: Duration = Duration::from_secs(600);
/// A temporary file older than this was left by a writer that died.
const ABANDONED_AFTER: Duration = Duration::from_secs(3600);

pub struct Cache {
    root: PathBuf,
    limit: u64,
}

/// Size of a cache: entries and bytes, per kind.
#[derive(Debug, Default)]
pub struct Stats {
    pub kinds: Vec<(String, u64, u64)>,
}

impl Cache {
    /// The cache the environment names; `None` when it is turned off.
    pub fn open() -> Result<Option<Cache>, CacheSizeError> {
        let root = match std::env::var_os("GORCH_CACHE") {
            Some(dir) if dir == "off" => return Ok(None),
            Some(dir) if !dir.is_empty() => PathBuf::from(dir),
            _ => match default_root() {
                Some(root) => root,
                None => return Ok(None),
            },
        };
        let limit = match std::env::var("GORCH_CACHE_SIZE") {
            Ok(value) if !value.trim().is_empty() => parse_size(&value).ok_or(CacheSizeError { value })?,
            _ => DEFAULT_LIMIT,
        };
        Ok(Some(Cache { root, limit }))
    }

    pub fn at(root: impl Into<PathBuf>, limit: u64) -> Cache {
        Cache { root: root.into(), limit }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn limit(&self) -> u64 {
        self.limit
    }

    fn path(&self, kind: &str, key: &str) -> PathBuf {
        self.root.join(kind).join(&key[..2.min(key.len())]).join(key)
    }

    /// The payload stored under `key`, if an intact entry is there.
    pub fn get(&self, kind: &str, key: &str) -> Option<Vec<u8>> {
        let path = self.path(kind, key);
        let mut bytes = Vec::new();
        fs::File::open(&path).ok()?.read_to_end(&mut bytes).ok()?;
        let payload = verify(&bytes, kind, key)?;
        // Recently used: keep it through the next eviction.
        if let Ok(file) = fs::File::options().append(true).open(&path) {
            let _ = file.set_modified(SystemTime::now());
        }
        Some(payload.to_vec())
    }

    /// Stores `payload` under `key`, atomically.
    pub fn put(&self, kind: &str, key: &str, payload: &[u8]) -> io::Result<()> {
        let path = self.path(kind, key);
        let dir = path.parent().expect("entries live in a directory");
        fs::create_dir_all(dir)?;
        let mut temp = tempfile::NamedTempFile::new_in(dir)?;
        let digest = hex(&Sha256::digest(payload));
        write!(temp, "{MAGIC}\n{kind}\n{key}\n{digest}\n{}\n", payload.len())?;
        temp.write_all(payload)?;
        temp.as_file().sync_data()?;
        temp.persist(&path).map_err(|e| e.error)?;
        self.maybe_trim();
        Ok(())
    }

    /// An exclusive lock named after `key`, held until the file is
    /// dropped: lets one process compute what others would compute too.
    /// `None` when the lock cannot be had (they all compute it then).
    pub fn lock(&self, key: &str) -> Option<fs::File> {
        let dir = self.root.join("locks");
        fs::create_dir_all(&dir).ok()?;
        let file = fs::File::create(dir.join(key)).ok()?;
        file.lock().ok()?;
        Some(file)
    }

    /// Every entry, with its size and last use.
    fn entries(&self) -> Vec<(PathBuf, String, u64, SystemTime)> {
        let mut out = Vec::new();
        let Ok(kinds) = fs::read_dir(&self.root) else { return out };
        for kind in kinds.flatten().filter(|k| k.path().is_dir()) {
            let name = kind.file_name().to_string_lossy().into_owned();
            for shard in fs::read_dir(kind.path()).into_iter().flatten().flatten() {
                for entry in fs::read_dir(shard.path()).into_iter().flatten().flatten() {
                    if let Ok(meta) = entry.metadata() {
                        let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                        out.push((entry.path(), name.clone(), meta.len(), used));
                    }
                }
            }
        }
        out
    }

    pub fn stats(&self) -> Stats {
        let mut stats = Stats::default();
        for (_, kind, size, _) in self.entries() {
            match stats.kinds.iter_mut().find(|(k, _, _)| *k == kind) {
                Some((_, n, bytes)) => {
                    *n += 1;
                    *bytes += size;
                }
                None => stats.kinds.push((kind, 1, size)),
            }
        }
        stats.kinds.sort();
        stats
    }

    /// Removes every entry.
    pub fn clean(&self) -> io::Result<()> {
        match fs::remove_dir_all(&self.root) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// Removes what killed writers left behind, then evicts the least
    /// recently used entries until the cache is under 90% of its limit.
    pub fn trim(&self) {
        let mut entries = self.entries();
        // `put` writes a temporary file and renames it: one a killed
        // process left is never read, and goes once it is old.
        entries.retain(|(path, _, _, used)| {
            let temporary = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with(".tmp"));
            let abandoned = temporary && used.elapsed().unwrap_or_default() > ABANDONED_AFTER;
            !(abandoned && fs::remove_file(path).is_ok())
        });
        let mut total: u64 = entries.iter().map(|e| e.2).sum();
        if total <= self.limit {
            return;
        }
        entries.sort_by_key(|e| e.3);
        for (path, _, size, _) in entries {
            if total <= self.limit / 10 * 9 {
                break;
            }
            if fs::remove_file(&path).is_ok() {
                total -= size;
            }
        }
    }

    fn maybe_trim(&self) {
        let stamp = self.root.join("trim.stamp");
        let due = fs::metadata(&stamp)
            .and_then(|m| m.modified())
            .map_or(true, |t| t.elapsed().unwrap_or_default() > TRIM_EVERY);
        if due && fs::write(&stamp, b"").is_ok() {
            self.trim();
        }
    }
}

/// The payload of an entry's bytes, when the header matches.
fn verify<'b>(bytes: &'b [u8], kind: &str, key: &str) -> Option<&'b [u8]> {
    let mut lines = bytes.splitn(6, |&b| b == b'\n');
    let mut line = || lines.next().map(|l| String::from_utf8_lossy(l).into_owned());
    if line()? != MAGIC || line()? != kind || line()? != key {
        return None;
    }
    let digest = line()?;
    let len: usize = line()?.parse().ok()?;
    let payload = lines.next()?;
    (payload.len() == len && hex(&Sha256::digest(payload)) == digest).then_some(payload)
}

/// A cache key from its parts (each length-prefixed, so parts cannot run
/// into each other).
pub fn key(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hex(&hasher.finalize())
}

fn default_root() -> Option<PathBuf> {
    if let Some(xdg) = std::env::var_os("XDG_CACHE_HOME").filter(|x| !x.is_empty()) {
        return Some(PathBuf::from(xdg).join("gorch"));
    }
    let home = PathBuf::from(std::env::var_os("HOME")?);
    if cfg!(target_os = "macos") { Some(home.join("Library/Caches/gorch")) } else { Some(home.join(".cache/gorch")) }
}

/// `GORCH_CACHE_SIZE` is set to something that is not a size.
#[derive(Debug, thiserror::Error)]
#[error(
    "GORCH_CACHE_SIZE={value:?} is not a size: give a number of bytes, or of K, M or G (such as 500M or 2G), below 16 EiB; unset it for the default of 2G, or set GORCH_CACHE=off to turn the cache off"
)]
pub struct CacheSizeError {
    value: String,
}

fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let (number, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => (&text[..i], &text[i..]),
        None => (text, ""),
    };
    let n: u64 = number.parse().ok()?;
    let factor = match unit.to_ascii_uppercase().trim_end_matches('B') {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return None,
    };
    n.checked_mul(factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_damage_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path(), DEFAULT_LIMIT);
        let k = key(&[b"rewrite", b"example.com/app"]);
        assert_eq!(cache.get("rewrite", &k), None);
        cache.put("rewrite", &k, b"payload bytes").unwrap();
        assert_eq!(cache.get("rewrite", &k).as_deref(), Some(&b"payload bytes"[..]));
        // Another kind, or another key, does not see it.
        assert_eq!(cache.get("resolve", &k), None);

        let path = cache.path("rewrite", &k);
        let full = fs::read(&path).unwrap();
        fs::write(&path, &full[..full.len() - 3]).unwrap();
        assert_eq!(cache.get("rewrite", &k), None, "truncated");
        let mut garbled = full.clone();
        *garbled.last_mut().unwrap() ^= 0xff;
        fs::write(&path, &garbled).unwrap();
        assert_eq!(cache.get("rewrite", &k), None, "corrupted");
        fs::write(&path, b"garbage").unwrap();
        assert_eq!(cache.get("rewrite", &k), None, "foreign");
    }

    #[test]
    fn least_recently_used_entries_go_first() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path(), 600);
        let keys: Vec<String> = (0..4).map(|i| key(&[format!("{i}").as_bytes()])).collect();
        for (i, k) in keys.iter().enumerate() {
            cache.put("rewrite", k, &[b'x'; 100]).unwrap();
            let old = SystemTime::now() - Duration::from_secs(100 - i as u64 * 10);
            fs::File::options().append(true).open(cache.path("rewrite", k)).unwrap().set_modified(old).unwrap();
        }
        assert!(cache.get("rewrite", &keys[0]).is_some()); // used now: newest
        cache.trim();
        let left: Vec<bool> = keys.iter().map(|k| cache.path("rewrite", k).exists()).collect();
        assert_eq!(left, vec![true, false, false, true]);
        assert_eq!(cache.stats().kinds.len(), 1);
    }

    #[test]
    fn temporary_files_of_dead_writers_go_once_old() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path(), 1 << 20);
        let k = key(&[b"k"]);
        cache.put("rewrite", &k, b"payload").unwrap();
        let shard = cache.path("rewrite", &k).parent().unwrap().to_path_buf();
        let (old, fresh) = (shard.join(".tmpOLD123"), shard.join(".tmpNEW456"));
        for file in [&old, &fresh] {
            fs::write(file, b"gorch-cache 1\nrewrite\n").unwrap();
        }
        let long_ago = SystemTime::now() - ABANDONED_AFTER - Duration::from_secs(60);
        fs::File::options().append(true).open(&old).unwrap().set_modified(long_ago).unwrap();
        cache.trim();
        assert!(!old.exists(), "an abandoned temporary file stays");
        assert!(fresh.exists(), "a temporary file another writer may still rename went");
        assert_eq!(cache.get("rewrite", &k).as_deref(), Some(&b"payload"[..]));
    }

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("512M"), Some(512 << 20));
        assert_eq!(parse_size("2G"), Some(2 << 30));
        assert_eq!(parse_size("1000"), Some(1000));
        assert_eq!(parse_size("lots"), None);
        // Too large for 64 bits, as a number or once multiplied.
        assert_eq!(parse_size("18446744073709551616"), None);
        assert_eq!(parse_size("17179869184G"), None);
        assert_eq!(parse_size("17179869183G"), Some(17179869183 << 30));
    }
}
