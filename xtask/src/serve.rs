//! A tiny static file server on 127.0.0.1, enough to host the app locally: GET and HEAD only,
//! one thread per connection, the Content-Security-Policy header on every answer, and an ETag
//! so that a browser revalidates (`304 Not Modified`) instead of fetching and compiling the
//! WebAssembly again on every visit, as any ordinary web server lets it. A browser that accepts
//! Brotli gets the precompressed `.br` twin that `xtask build` writes, one that accepts only gzip
//! the `.gz` twin, as nginx's `brotli_static` and `gzip_static` do.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// The policy the app runs under: nothing outside its own origin, no inline script, wasm allowed.
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; \
connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

fn bind(port: u16) -> Result<TcpListener, String> {
    TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))
}

/// Serves `dir` until the process ends; `ready` receives the URL.
pub fn serve(dir: &Path, port: u16, ready: impl FnOnce(&str)) -> Result<(), String> {
    if !dir.join("index.html").exists() {
        return Err(format!(
            "{} has no index.html: run `cargo run -p xtask -- build` first",
            dir.display()
        ));
    }
    let listener = bind(port)?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    ready(&format!("http://127.0.0.1:{port}/"));
    accept(listener, dir.to_path_buf());
    Ok(())
}

/// Serves `dir` from a background thread; returns the port (`port` 0 picks a free one).
pub fn spawn(dir: &Path, port: u16) -> Result<u16, String> {
    let listener = bind(port)?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let dir = dir.to_path_buf();
    std::thread::spawn(move || accept(listener, dir));
    Ok(port)
}

fn accept(listener: TcpListener, dir: PathBuf) {
    for stream in listener.incoming().flatten() {
        let dir = dir.clone();
        std::thread::spawn(move || {
            let _ = handle(stream, &dir);
        });
    }
}

/// The media type of a file, by extension.
pub fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// Maps a request path to a file under `dir`, refusing anything that climbs out of it.
pub fn resolve(dir: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let rel = Path::new(path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let full = if path.ends_with('/') {
        dir.join(rel).join("index.html")
    } else {
        dir.join(rel)
    };
    full.is_file().then_some(full)
}

fn handle(mut stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    let (mut if_none_match, mut accept_encoding) = (None, String::new());
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("if-none-match") {
                if_none_match = Some(value.trim().to_owned());
            } else if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept_encoding = value.to_owned();
            }
        }
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let file = resolve(dir, target);
    // The precompressed twin written by `xtask build`: Brotli first, then gzip, as accepted.
    let sent = file.as_deref().map(|f| precompressed_twin(f, &accept_encoding));
    let encoding = sent.as_ref().and_then(|(_, e)| *e);
    let tag = sent.as_ref().and_then(|(p, _)| etag(p));
    let unchanged = matches!((&tag, &if_none_match), (Some(t), Some(h)) if h.split(',').any(|x| x.trim() == t));
    let (status, body, kind) = if method != "GET" && method != "HEAD" {
        (
            "405 Method Not Allowed",
            b"method not allowed".to_vec(),
            "text/plain; charset=utf-8",
        )
    } else if unchanged {
        (
            "304 Not Modified",
            Vec::new(),
            file.as_deref().map_or("text/plain; charset=utf-8", mime),
        )
    } else {
        match file
            .as_deref()
            .zip(sent.as_ref())
            .and_then(|(f, (p, _))| std::fs::read(p).ok().map(|b| (b, mime(f))))
        {
            Some((b, kind)) => ("200 OK", b, kind),
            None => ("404 Not Found", b"not found".to_vec(), "text/plain; charset=utf-8"),
        }
    };
    let etag_line = tag.map_or(String::new(), |t| format!("ETag: {t}\r\n"));
    let encoding_line = encoding.map_or(String::new(), |e| format!("Content-Encoding: {e}\r\n"));
    // A 304 has no body; its Content-Length would describe the one the browser already holds.
    let length_line = if status.starts_with("304") {
        String::new()
    } else {
        format!("Content-Length: {}\r\n", body.len())
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\n{length_line}Content-Security-Policy: {CSP}\r\n\
X-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nCross-Origin-Opener-Policy: same-origin\r\n\
Cache-Control: no-cache\r\nVary: Accept-Encoding\r\n{encoding_line}{etag_line}Connection: close\r\n\r\n"
    );
    // One write, and no Nagle delay: a header sent apart from its body waits for the browser's
    // delayed acknowledgement (tens of milliseconds per file) before the body may follow.
    stream.set_nodelay(true)?;
    let mut response = head.into_bytes();
    if method != "HEAD" {
        response.extend_from_slice(&body);
    }
    stream.write_all(&response)?;
    stream.flush()
}

/// The file to send for `file` and its content coding: the `.br` twin when the browser accepts
/// Brotli and the twin exists, else the `.gz` twin when it accepts gzip, else the file itself.
fn precompressed_twin(file: &Path, accept_encoding: &str) -> (PathBuf, Option<&'static str>) {
    for (coding, extension) in [("br", "br"), ("gzip", "gz")] {
        let mut twin = file.as_os_str().to_owned();
        twin.push(".");
        twin.push(extension);
        let twin = PathBuf::from(twin);
        if accepts(accept_encoding, coding) && twin.is_file() {
            return (twin, Some(coding));
        }
    }
    (file.to_path_buf(), None)
}

/// Whether an `Accept-Encoding` value allows `coding` (`gzip`, `br`: named, or `*`, without
/// `;q=0`).
pub fn accepts(value: &str, coding: &str) -> bool {
    value.split(',').any(|offered| {
        let mut parts = offered.split(';');
        let name = parts.next().unwrap_or("").trim();
        let refused =
            parts.any(|p| p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()) == Some(0.0));
        (name.eq_ignore_ascii_case(coding) || name == "*") && !refused
    })
}

/// A validator for a file: its length and modification time. `Cache-Control: no-cache` makes the
/// browser ask each time; an unchanged file then costs a `304` and nothing else.
fn etag(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(format!("\"{:x}-{:x}\"", meta.len(), modified.as_nanos()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_climb_out_of_the_site() {
        let dir = std::env::temp_dir();
        assert_eq!(resolve(&dir, "/../etc/passwd"), None);
        assert_eq!(resolve(&dir, "/a/../../b"), None);
    }

    #[test]
    fn an_unchanged_file_is_not_sent_again() {
        let dir = std::env::temp_dir().join(format!("tnl-serve-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_default();
        std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap_or_default();
        let port = spawn(&dir, 0).unwrap_or_default();
        let get = |extra: &str| -> String {
            use std::io::Read;
            let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
            write!(s, "GET / HTTP/1.1\r\nHost: x\r\n{extra}\r\n").expect("write");
            let mut out = String::new();
            s.read_to_string(&mut out).expect("read");
            out
        };
        let first = get("");
        assert!(first.starts_with("HTTP/1.1 200 OK"), "{first}");
        let tag = first
            .lines()
            .find_map(|l| l.strip_prefix("ETag: "))
            .expect("an ETag")
            .to_owned();
        let again = get(&format!("If-None-Match: {tag}\r\n"));
        assert!(again.starts_with("HTTP/1.1 304 Not Modified"), "{again}");
        assert!(again.ends_with("\r\n\r\n"), "a 304 has no body: {again}");
        let other = get("If-None-Match: \"0-0\"\r\n");
        assert!(
            other.starts_with("HTTP/1.1 200 OK") && other.ends_with("<!doctype html>"),
            "{other}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_browser_gets_the_precompressed_twin_it_accepts() {
        use std::io::Read;
        let dir = std::env::temp_dir().join(format!("tnl-serve-gz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_default();
        let page = "<!doctype html><title>tnl</title>".repeat(20);
        std::fs::write(dir.join("index.html"), &page).unwrap_or_default();
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(page.as_bytes()).unwrap_or_default();
        std::fs::write(dir.join("index.html.gz"), enc.finish().unwrap_or_default()).unwrap_or_default();
        let port = spawn(&dir, 0).unwrap_or_default();
        let get = |extra: &str| -> (String, Vec<u8>) {
            let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
            write!(s, "GET / HTTP/1.1\r\nHost: x\r\n{extra}\r\n").expect("write");
            let mut out = Vec::new();
            s.read_to_end(&mut out).expect("read");
            let split = out.windows(4).position(|w| w == b"\r\n\r\n").expect("a header") + 4;
            (
                String::from_utf8_lossy(&out[..split]).into_owned(),
                out[split..].to_vec(),
            )
        };
        let (head, body) = get("Accept-Encoding: gzip, deflate, br\r\n");
        assert!(
            head.contains("Content-Encoding: gzip\r\n") && head.contains("Vary: Accept-Encoding"),
            "{head}"
        );
        let mut unzipped = String::new();
        flate2::read::GzDecoder::new(&body[..])
            .read_to_string(&mut unzipped)
            .expect("a gzip stream");
        assert_eq!(unzipped, page);
        let gz_tag = head
            .lines()
            .find_map(|l| l.strip_prefix("ETag: "))
            .expect("an ETag")
            .to_owned();
        let (plain_head, plain) = get("");
        assert!(!plain_head.contains("Content-Encoding"), "{plain_head}");
        assert_eq!(plain, page.as_bytes());
        assert_ne!(
            plain_head.lines().find_map(|l| l.strip_prefix("ETag: ")),
            Some(gz_tag.as_str()),
            "each encoding has its own validator"
        );
        let (refused, _) = get("Accept-Encoding: gzip;q=0, deflate\r\n");
        assert!(!refused.contains("Content-Encoding"), "{refused}");
        // With a Brotli twin too, a browser that accepts both gets Brotli, one that accepts only
        // gzip still gets gzip.
        let br = crate::brotli_compress(page.as_bytes()).expect("brotli");
        std::fs::write(dir.join("index.html.br"), &br).unwrap_or_default();
        let (br_head, br_body) = get("Accept-Encoding: gzip, deflate, br\r\n");
        assert!(br_head.contains("Content-Encoding: br\r\n"), "{br_head}");
        let mut unbrotlied = Vec::new();
        brotli::BrotliDecompress(&mut &br_body[..], &mut unbrotlied).expect("a Brotli stream");
        assert_eq!(unbrotlied, page.as_bytes());
        let (gzip_only, _) = get("Accept-Encoding: gzip\r\n");
        assert!(gzip_only.contains("Content-Encoding: gzip\r\n"), "{gzip_only}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn codings_are_accepted_as_browsers_say_them() {
        assert!(accepts("gzip, deflate, br, zstd", "gzip"));
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(accepts(" GZIP;q=0.5", "gzip"));
        assert!(accepts("*", "br"));
        assert!(!accepts("br, deflate", "gzip"));
        assert!(!accepts("gzip;q=0", "gzip"));
        assert!(!accepts("gzip, br;q=0", "br"));
        assert!(!accepts("", "gzip"));
    }

    #[test]
    fn wasm_is_served_as_wasm() {
        assert_eq!(mime(Path::new("x/tnl_web_bg.wasm")), "application/wasm");
        assert_eq!(mime(Path::new("boot.js")), "text/javascript; charset=utf-8");
    }
}
