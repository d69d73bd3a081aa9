//! gorch's record inside a package archive.
//!
//! When advice makes a package import something its importcfg lacked, the
//! link step must add those packages too, also in later builds where the
//! package comes from the go build cache and gorch never sees its compile.
//! So the record travels with the package: an extra member, named
//! `gorch.inject`, appended to the archive the compiler wrote (before the
//! go command hashes and caches it). The Go linker skips archive members
//! with short names that are not object files, so the record costs nothing
//! at link time unless gorch reads it.
//!
//! The archive format is the classic Unix `ar`: an 8-byte magic, then
//! members, each a 60-byte header (name, dates, mode, decimal size, "`\n")
//! followed by its data, padded to an even length.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

pub const MEMBER: &str = "gorch.inject";
const MAGIC: &[u8] = b"!<arch>\n";
const HEADER: usize = 60;

/// Appends a member to an archive.
pub fn append_member(archive: &Path, name: &str, data: &[u8]) -> io::Result<()> {
    assert!(name.len() < 16, "member names stay below 16 bytes so that the linker skips them");
    let mut file = std::fs::OpenOptions::new().read(true).append(true).open(archive)?;
    let mut magic = [0u8; 8];
    file.read_exact(&mut magic)?;
    if magic != MAGIC {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "not an ar archive"));
    }
    let header = format!("{name:<16}{:<12}{:<6}{:<6}{:<8}{:<10}`\n", 0, 0, 0, 644, data.len());
    debug_assert_eq!(header.len(), HEADER);
    let mut bytes = header.into_bytes();
    bytes.extend_from_slice(data);
    if data.len() % 2 == 1 {
        bytes.push(b'\n');
    }
    file.write_all(&bytes)
}

/// The data of the first member called `name`, if the archive has one.
/// Reads only the headers of the members before it.
pub fn read_member(archive: &Path, name: &str) -> io::Result<Option<Vec<u8>>> {
    let mut file = File::open(archive)?;
    let len = file.metadata()?.len();
    let mut magic = [0u8; 8];
    if file.read_exact(&mut magic).is_err() || magic != MAGIC {
        return Ok(None);
    }
    let mut offset = MAGIC.len() as u64;
    let mut header = [0u8; HEADER];
    while offset + HEADER as u64 <= len {
        file.seek(SeekFrom::Start(offset))?;
        file.read_exact(&mut header)?;
        let member = String::from_utf8_lossy(&header[..16]);
        let size: u64 = String::from_utf8_lossy(&header[48..58])
            .trim()
            .parse()
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "bad ar member size"))?;
        if member.trim_end() == name {
            let mut data = vec![0u8; size as usize];
            file.read_exact(&mut data)?;
            return Ok(Some(data));
        }
        offset += HEADER as u64 + size + size % 2;
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appended_members_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("_pkg_.a");
        // An archive with one odd-sized member, as the compiler writes them.
        let mut archive = MAGIC.to_vec();
        archive.extend_from_slice(
            format!("{:<16}{:<12}{:<6}{:<6}{:<8}{:<10}`\n", "__.PKGDEF", 0, 0, 0, 644, 3).as_bytes(),
        );
        archive.extend_from_slice(b"abc\n");
        std::fs::write(&path, archive).unwrap();

        assert_eq!(read_member(&path, MEMBER).unwrap(), None);
        append_member(&path, MEMBER, b"net/url\ntime\n").unwrap();
        assert_eq!(read_member(&path, MEMBER).unwrap().as_deref(), Some(&b"net/url\ntime\n"[..]));
        assert_eq!(read_member(&path, "__.PKGDEF").unwrap().as_deref(), Some(&b"abc"[..]));
    }

    #[test]
    fn other_files_have_no_member() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x");
        std::fs::write(&path, "not an archive").unwrap();
        assert_eq!(read_member(&path, MEMBER).unwrap(), None);
        assert!(append_member(&path, MEMBER, b"x").is_err());
    }
}
