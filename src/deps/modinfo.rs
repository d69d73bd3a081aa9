//! The build information a binary carries (`go version -m`), as the go
//! command hands it to the linker: a `modinfo "<Go-quoted string>"` line
//! in `importcfg.link`. The string is the text of `debug.BuildInfo`
//! between two 16-byte markers; gorch adds its own build settings there,
//! so that a binary says how it was instrumented.

/// `importcfg` with `settings` (key, value) appended to the build settings
/// of its modinfo line, or `None` when it has no modinfo line (or one
/// gorch cannot read). Keys must be plain words; values are quoted as
/// `debug.BuildInfo` quotes them when they need it.
pub fn with_build_settings(importcfg: &str, settings: &[(&str, &str)]) -> Option<String> {
    let mut out = String::with_capacity(importcfg.len() + 128);
    let mut found = false;
    for line in importcfg.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        match body.strip_prefix("modinfo ").filter(|_| !found) {
            Some(quoted) => {
                let mut info = unquote(quoted)?;
                // Marker, text (each line ending in \n), marker.
                if info.len() < 32 {
                    return None;
                }
                let end = info.split_off(info.len() - 16);
                for (key, value) in settings {
                    info.extend_from_slice(format!("build\t{key}={}\n", setting_value(value)).as_bytes());
                }
                info.extend_from_slice(&end);
                out.push_str("modinfo ");
                out.push_str(&quote(&info));
                out.push('\n');
                found = true;
            }
            None => out.push_str(line),
        }
    }
    found.then_some(out)
}

/// A build setting's value as `debug.BuildInfo.String` writes it: quoted
/// when it holds a space, tab, newline, quote, backquote or '='.
fn setting_value(value: &str) -> String {
    if value.is_empty() || value.contains([' ', '\t', '\r', '\n', '"', '`', '=']) {
        quote(value.as_bytes())
    } else {
        value.to_string()
    }
}

/// Bytes as a Go interpreted string literal that `strconv.Unquote` reads
/// back exactly.
fn quote(bytes: &[u8]) -> String {
    let mut q = String::from("\"");
    for &b in bytes {
        match b {
            b'"' => q.push_str("\\\""),
            b'\\' => q.push_str("\\\\"),
            b'\n' => q.push_str("\\n"),
            b'\t' => q.push_str("\\t"),
            0x20..=0x7e => q.push(b as char),
            _ => q.push_str(&format!("\\x{b:02x}")),
        }
    }
    q.push('"');
    q
}

/// The bytes of a Go interpreted string literal (as `strconv.Quote`
/// writes them), or `None` if it is not one.
fn unquote(literal: &str) -> Option<Vec<u8>> {
    let inner = literal.strip_prefix('"')?.strip_suffix('"')?;
    let bytes = inner.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let hex = |s: &[u8]| std::str::from_utf8(s).ok().and_then(|s| u32::from_str_radix(s, 16).ok());
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        let escape = *bytes.get(i + 1)?;
        i += 2;
        match escape {
            b'a' => out.push(0x07),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(0x0b),
            b'\\' | b'"' | b'\'' => out.push(escape),
            b'x' => {
                out.push(u8::try_from(hex(bytes.get(i..i + 2)?)?).ok()?);
                i += 2;
            }
            b'0'..=b'7' => {
                let digits = std::str::from_utf8(bytes.get(i - 1..i + 2)?).ok()?;
                out.push(u8::try_from(u32::from_str_radix(digits, 8).ok()?).ok()?);
                i += 1 + 1;
            }
            b'u' | b'U' => {
                let n = if escape == b'u' { 4 } else { 8 };
                let c = char::from_u32(hex(bytes.get(i..i + n)?)?)?;
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                i += n;
            }
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // As the go command writes it (Go 1.26), shortened.
    const CFG: &str = "# import config\npackagefile example.com/app=/w/b001/_pkg_.a\nmodinfo \"0w\\xaf\\f\\x92t\\b\\x02A\\xe1\\xc1\\a\\xe6\\xd6\\x18\\xe6path\\texample.com/app\\nmod\\texample.com/app\\t(devel)\\t\\nbuild\\t-compiler=gc\\nbuild\\tGOOS=linux\\n\\xf92C1\\x86\\x18 r\\x00\\x82B\\x10A\\x16\\xd8\\xf2\"\n";

    #[test]
    fn build_settings_go_before_the_end_marker() {
        let out = with_build_settings(CFG, &[("gorch.version", "0.1.0"), ("gorch.aspects", "abc def")]).unwrap();
        assert!(
            out.starts_with("# import config\npackagefile example.com/app=/w/b001/_pkg_.a\nmodinfo \"0w\\xaf\\x0c")
        );
        let line = out.lines().find(|l| l.starts_with("modinfo ")).unwrap();
        let info = unquote(line.strip_prefix("modinfo ").unwrap()).unwrap();
        let original = unquote(CFG.lines().nth(2).unwrap().strip_prefix("modinfo ").unwrap()).unwrap();
        assert_eq!(info[..16], original[..16]);
        assert_eq!(info[info.len() - 16..], original[original.len() - 16..]);
        let text = String::from_utf8_lossy(&info[16..info.len() - 16]).into_owned();
        assert_eq!(
            text,
            "path\texample.com/app\nmod\texample.com/app\t(devel)\t\nbuild\t-compiler=gc\nbuild\tGOOS=linux\n\
             build\tgorch.version=0.1.0\nbuild\tgorch.aspects=\"abc def\"\n"
        );
    }

    #[test]
    fn quoting_round_trips_every_byte() {
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(unquote(&quote(&all)).unwrap(), all);
        assert_eq!(unquote("\"\\101\\u00e9\\U0001F600\"").unwrap(), "Aé😀".as_bytes());
    }

    #[test]
    fn without_modinfo_there_is_nothing_to_add() {
        assert_eq!(with_build_settings("packagefile a=/x.a\n", &[("k", "v")]), None);
        assert_eq!(with_build_settings("modinfo \"short\"\n", &[("k", "v")]), None);
        assert_eq!(with_build_settings("modinfo \"bad\\q\"\n", &[("k", "v")]), None);
    }
}
