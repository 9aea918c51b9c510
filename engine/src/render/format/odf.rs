//! What the two OpenDocument writers share: the XML escaping, the package's manifest and
//! properties, and the stored zip that holds the parts.
//!
//! An ODF package is a zip: `mimetype` first and stored, then the manifest and the XML parts.
//! Every part here is stored (no compression), so the writer is a few lines instead of a zip
//! library in the browser's wasm; the documents are small and a browser or a mail gateway
//! compresses them in transit anyway. Entries carry a fixed date (1980-01-01), since the engine
//! reads no clock: the same document gives the same bytes.

use crate::text::Lang;
use std::fmt::Write as _;

/// Escapes text for XML content and attribute values: the HTML escaping (which XML reads the
/// same), line breaks and tabs turned into spaces (every text here is one paragraph), and the two
/// noncharacters XML 1.0 forbids dropped.
pub fn escape_xml(text: &str) -> String {
    crate::render::escape_html(text)
        .chars()
        .filter(|&c| c != '\u{fffe}' && c != '\u{ffff}')
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect()
}

/// The package's manifest: the package itself with its media type, then each of `parts`.
pub(crate) fn manifest_xml(mime: &str, parts: &[&str]) -> String {
    let mut o = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="{mime}"/>
"#
    );
    for part in parts {
        let _ = writeln!(
            o,
            r#" <manifest:file-entry manifest:full-path="{part}" manifest:media-type="text/xml"/>"#
        );
    }
    o.push_str("</manifest:manifest>\n");
    o
}

/// The document's properties as office suites show them: its title, language and the engine
/// that wrote it.
pub(crate) fn meta_xml(title: &str, lang: Lang, generator: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">
 <office:meta><dc:title>{}</dc:title><dc:language>{}</dc:language><meta:generator>{}</meta:generator></office:meta>
</office:document-meta>
"#,
        escape_xml(title),
        lang.code(),
        escape_xml(generator)
    )
}

/// CRC-32 (IEEE 802.3), the zip checksum; bit by bit, to stay small.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip archive of `files`, in order, every entry stored, dated 1980-01-01 00:00. Names are
/// ASCII. Sizes stay far below the 4 GB of plain zip.
pub(crate) fn zip_stored(files: &[(&str, &[u8])]) -> Vec<u8> {
    const DOS_DATE: u16 = (1 << 5) | 1; // 1980-01-01
    let mut out = Vec::new();
    let mut central = Vec::new();
    let u16le = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let u32le = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    for (name, data) in files {
        let offset = out.len() as u32;
        let (crc, size, name_len) = (crc32(data), data.len() as u32, name.len() as u16);
        // Local file header.
        u32le(&mut out, 0x0403_4b50);
        for x in [10, 0, 0, 0, DOS_DATE] {
            u16le(&mut out, x); // version needed 1.0, flags, method "stored", time, date
        }
        for x in [crc, size, size] {
            u32le(&mut out, x);
        }
        u16le(&mut out, name_len);
        u16le(&mut out, 0); // extra field length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Central directory entry.
        u32le(&mut central, 0x0201_4b50);
        for x in [20, 10, 0, 0, 0, DOS_DATE] {
            u16le(&mut central, x); // made by 2.0, needed 1.0, flags, method, time, date
        }
        for x in [crc, size, size] {
            u32le(&mut central, x);
        }
        for x in [name_len, 0, 0, 0, 0] {
            u16le(&mut central, x); // name, extra, comment lengths, disk, internal attributes
        }
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (cd_offset, cd_size, n) = (out.len() as u32, central.len() as u32, files.len() as u16);
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    for x in [0, 0, n, n] {
        u16le(&mut out, x);
    }
    u32le(&mut out, cd_size);
    u32le(&mut out, cd_offset);
    u16le(&mut out, 0); // comment length
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_of_known_inputs() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
    }

    #[test]
    fn xml_escaping() {
        assert_eq!(
            escape_xml("a<b>&\"c'\u{1}\r\nd\u{ffff}"),
            "a&lt;b&gt;&amp;&quot;c&#39; d"
        );
    }

    #[test]
    fn zip_layout() {
        let z = zip_stored(&[("mimetype", b"abc"), ("x.xml", b"<x/>")]);
        // The mimetype first, its name at byte 30 and its content right after (what ODF readers
        // check), then the second entry, the central directory and its end record.
        assert_eq!(&z[..4], b"PK\x03\x04");
        assert_eq!(&z[8..10], &[0, 0], "stored");
        assert_eq!(&z[30..38], b"mimetype");
        assert_eq!(&z[38..41], b"abc");
        assert_eq!(&z[41..45], b"PK\x03\x04");
        let end = z.len() - 22;
        assert_eq!(&z[end..end + 4], b"PK\x05\x06");
        assert_eq!(u16::from_le_bytes([z[end + 10], z[end + 11]]), 2);
        let cd = u32::from_le_bytes([z[end + 16], z[end + 17], z[end + 18], z[end + 19]]) as usize;
        assert_eq!(&z[cd..cd + 4], b"PK\x01\x02");
        assert_eq!(u32::from_le_bytes([z[14], z[15], z[16], z[17]]), crc32(b"abc"));
    }
}
