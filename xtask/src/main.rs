//! Build, serve, test and measure the tnl browser app.
//!
//! ```sh
//! cargo run -p xtask -- run        # install what is missing, build into dist/, serve on 127.0.0.1
//! cargo run -p xtask -- build      # install what is missing, build into dist/
//! cargo run -p xtask -- test       # native tests of the app, wasm parity, end-to-end in Chromium
//! cargo run -p xtask -- bench      # transfer size, first render, re-scoring time
//! cargo run -p xtask -- size-floor # what the stack alone sends, under the app
//! ```
//!
//! Everything comes from the package registries (crates.io, npm, Debian) through their usual
//! clients; every install is skipped when already present.

mod linked;
mod parity;
mod serve;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

type Result<T = ()> = std::result::Result<T, String>;

const USAGE: &str = "usage: cargo run -p xtask -- <command>

commands:
  install            install the wasm target, wasm-bindgen-cli, npm packages and Chromium if missing
  build [--dev]      build the static site into dist/ (--dev: no wasm-opt, faster)
  serve [--port N]   serve dist/ on 127.0.0.1 (default port 8080), with the CSP header
  run [--port N]     install + build + serve
  test               native tests of tnl-web, wasm parity (Node), end-to-end (headless Chromium)
  test-native        cargo test -p tnl-web
  test-wasm          engine parity: golden answers give the same report bytes in wasm as natively
  test-e2e           build, serve on a free port, run tests/e2e with Playwright and axe-core
  size               build, then fail when the precompressed files sent exceed 450 KB (run by test-e2e)
  bench              measure transfer size, first render and re-scoring; print a Markdown table
  size-floor         build the app and two smaller apps on the same stack (web/examples/floor_*.rs)
                     and print what each sends: the floor under the app's size";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("install") => install(),
        Some("build") => install().and_then(|_| build(args.iter().any(|a| a == "--dev"))),
        Some("serve") => serve::serve(&root().join("dist"), port(&args), |url| {
            println!("serving the app on {url}")
        }),
        Some("run") => install().and_then(|_| build(false)).and_then(|_| {
            serve::serve(&root().join("dist"), port(&args), |url| {
                println!("tnl is running at {url} (Ctrl+C to stop)")
            })
        }),
        Some("test") => install()
            .and_then(|_| test_native())
            .and_then(|_| parity::run_parity(&root()))
            .and_then(|_| test_e2e()),
        Some("test-native") => test_native(),
        Some("test-wasm") => install().and_then(|_| parity::run_parity(&root())),
        Some("test-e2e") => install().and_then(|_| test_e2e()),
        Some("bench") => install().and_then(|_| bench()),
        Some("size-floor") => install().and_then(|_| size_floor()),
        Some("size") => install()
            .and_then(|_| build(false))
            .and_then(|_| check_size(&root().join("dist"))),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn port(args: &[String]) -> u16 {
    args.iter()
        .position(|a| a == "--port")
        .and_then(|i| args.get(i + 1))
        .and_then(|p| p.parse().ok())
        .unwrap_or(8080)
}

/// The repository root (xtask lives one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn e2e_dir() -> PathBuf {
    root().join("tests/e2e")
}

/// Runs a command, failing with its name when it fails.
pub fn run(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}");
    eprintln!("$ {shown}");
    let status = cmd.status().map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn output(cmd: &mut Command) -> Option<String> {
    cmd.output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
}

/// The wasm-bindgen version the app is locked to, read from Cargo.lock: the CLI must match it.
fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
            {
                return Ok(v.to_owned());
            }
        }
    }
    Err("wasm-bindgen not found in Cargo.lock".into())
}

fn install() -> Result {
    let targets = output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !targets.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let want = wasm_bindgen_version()?;
    let have = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) != Some(want.as_str()) {
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &want]))?;
    }
    let e2e = e2e_dir();
    let wanted = ["playwright-core", "axe-core", "binaryen"];
    if !wanted
        .iter()
        .all(|p| e2e.join("node_modules").join(p).join("package.json").exists())
    {
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&e2e))?;
    }
    if !Path::new("/usr/bin/chromium").exists() {
        run(Command::new("apt-get").arg("update"))?;
        run(Command::new("apt-get")
            .args(["install", "-y", "chromium"])
            .env("DEBIAN_FRONTEND", "noninteractive"))?;
    }
    Ok(())
}

/// Builds the static site into `dist/`.
pub fn build(dev: bool) -> Result {
    let root = root();
    let dist = root.join("dist");
    run(Command::new("cargo")
        .args([
            "build",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm",
            "-p",
            "tnl-web",
        ])
        .env("CARGO_ENCODED_RUSTFLAGS", remapped_paths(&root))
        .current_dir(&root))?;
    let wasm = target_dir(&root).join("wasm32-unknown-unknown/wasm/tnl-web.wasm");
    linked::check_size_rules(&wasm)?;
    if dist.exists() {
        std::fs::remove_dir_all(&dist).map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    run(Command::new("wasm-bindgen")
        .arg("--target")
        .arg("web")
        .arg("--no-typescript")
        .arg("--out-dir")
        .arg(&dist)
        .arg("--out-name")
        .arg("tnl_web")
        .arg(&wasm))?;
    if !dev {
        wasm_opt(&dist.join("tnl_web_bg.wasm"))?;
    }
    for f in ["index.html", "style.css", "boot.js"] {
        let text = std::fs::read_to_string(root.join("web").join(f)).map_err(|e| format!("web/{f}: {e}"))?;
        std::fs::write(dist.join(f), without_comments(&text, f)).map_err(|e| format!("dist/{f}: {e}"))?;
    }
    write_service_worker(&root, &dist)?;
    if !dev {
        precompress(&dist)?;
    }
    eprintln!("built the app into {}", dist.display());
    Ok(())
}

/// The text of a static file as sent: the comments written for maintainers (whole `//` lines of
/// a script, `/* … */` blocks of a stylesheet) and the indentation left out, since every visitor
/// would download them. The files in `web/` keep them.
pub fn without_comments(text: &str, name: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if name.ends_with(".css") {
        let mut rest = text;
        while let Some(start) = rest.find("/*") {
            out.push_str(&rest[..start]);
            rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
        }
        out.push_str(rest);
    } else {
        out.push_str(text);
    }
    let script = name.ends_with(".js");
    out.lines()
        .map(str::trim)
        .filter(|l| !(l.is_empty() || script && l.starts_with("//")))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Writes `dist/sw.js` from `web/sw.js`, its cache named after a hash of every other file of the
/// site: a new build is a new cache, which the browser installs beside the old one.
fn write_service_worker(root: &Path, dist: &Path) -> Result {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    // FNV-1a over the names and bytes: a name for a cache, not a signature.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in &files {
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        for b in name.bytes().chain([0]).chain(bytes) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    let template = std::fs::read_to_string(root.join("web/sw.js")).map_err(|e| format!("web/sw.js: {e}"))?;
    if !template.contains("@VERSION@") {
        return Err("web/sw.js has no @VERSION@ to fill".into());
    }
    let worker = template.replace("@VERSION@", &format!("{hash:016x}"));
    std::fs::write(dist.join("sw.js"), without_comments(&worker, "sw.js")).map_err(|e| format!("dist/sw.js: {e}"))
}

/// The most the browser may receive on a first visit: every precompressed `.br` file of the site.
pub const SIZE_CEILING: usize = 450_000;

/// The bytes of the twins with `extension` (`br` or `gz`) in `dist`, one line per file, and
/// their total.
fn twin_sizes(dist: &Path, extension: &str) -> Result<(usize, Vec<String>)> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    names.sort();
    let (mut total, mut lines) = (0, Vec::new());
    for path in names {
        let n = std::fs::metadata(&path).map_err(|e| e.to_string())?.len() as usize;
        total += n;
        lines.push(format!(
            "  {} {}",
            kb(n),
            path.file_name().unwrap_or_default().to_string_lossy()
        ));
    }
    Ok((total, lines))
}

/// The bytes a first visit receives (the `.br` twins, which `xtask serve` and the documented
/// server configurations send to every browser that accepts Brotli, as today's all do); fails
/// above [`SIZE_CEILING`], and says the figure either way, with the gzip twins' total for a
/// server without Brotli.
fn check_size(dist: &Path) -> Result {
    let (total, lines) = twin_sizes(dist, "br")?;
    let (gzip_total, _) = twin_sizes(dist, "gz")?;
    let verdict = format!(
        "the app sends {} (precompressed .br files), ceiling {}; {} from a server that sends the .gz twins only",
        kb(total),
        kb(SIZE_CEILING),
        kb(gzip_total)
    );
    eprintln!("{}\n{verdict}", lines.join("\n"));
    if total == 0 {
        return Err(format!("no .br file in {}: build without --dev first", dist.display()));
    }
    if total > SIZE_CEILING {
        return Err(format!("too heavy: {verdict}"));
    }
    Ok(())
}

/// Optimizes a wasm file in place for size, as the shipped app is.
fn wasm_opt(wasm: &Path) -> Result {
    // Debian's binaryen is too old for today's wasm features: use the npm package's.
    let tmp = wasm.with_extension("opt.wasm");
    run(Command::new(e2e_dir().join("node_modules/.bin/wasm-opt"))
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
        ])
        .args([
            "--enable-reference-types",
            "--enable-multivalue",
            "--strip-debug",
            "--strip-producers",
        ])
        .arg(wasm)
        .arg("-o")
        .arg(&tmp))?;
    std::fs::rename(&tmp, wasm).map_err(|e| e.to_string())
}

/// Cargo's target directory: `CARGO_TARGET_DIR` when set (relative to the repository, where the
/// builds run), else `target/`.
pub fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("target"),
    }
}

/// Rust flags that write source paths in the wasm (panic locations) relative to the repository
/// and the crates' registry, instead of this machine's directories (the standard library's are
/// `/rustc/<commit>/` already): the wasm no longer depends on where the sources sit, and the
/// paths weigh less. Flags already in `RUSTFLAGS` or `CARGO_ENCODED_RUSTFLAGS` are kept.
fn remapped_paths(root: &Path) -> String {
    let mut flags: Vec<String> = match std::env::var("CARGO_ENCODED_RUSTFLAGS") {
        Ok(f) if !f.is_empty() => f.split('\x1f').map(str::to_owned).collect(),
        _ => std::env::var("RUSTFLAGS")
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_owned)
            .collect(),
    };
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    if let Some(home) = cargo_home {
        flags.push(format!("--remap-path-prefix={}=", home.join("registry/src").display()));
    }
    flags.push(format!("--remap-path-prefix={}=tnl", root.display()));
    flags.join("\x1f")
}

/// Writes two precompressed twins next to every file of the site: `name.br` (Brotli at its
/// highest quality, which every browser of the last years accepts, about 15 % smaller than the
/// gzip twin on the wasm) and `name.gz` (Zopfli: a gzip stream any browser reads, about 4 %
/// smaller than `gzip -9`, for the servers without Brotli). `xtask serve` sends the Brotli twin
/// to a browser that accepts `br`, else the gzip one to a browser that accepts gzip, as nginx's
/// `brotli_static on; gzip_static on;` does.
fn precompress(dist: &Path) -> Result {
    let files: Vec<PathBuf> = std::fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file() && !is_twin(p))
        .collect();
    for path in files {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (extension, compressed) in [("gz", zopfli_gzip(&bytes)?), ("br", brotli_compress(&bytes)?)] {
            let mut twin = path.clone().into_os_string();
            twin.push(".");
            twin.push(extension);
            std::fs::write(&twin, compressed).map_err(|e| format!("{}: {e}", Path::new(&twin).display()))?;
        }
    }
    Ok(())
}

/// Whether `path` is a precompressed twin (`.gz` or `.br`) rather than a file of the site.
fn is_twin(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "gz" || e == "br")
}

/// `bytes` as a Brotli stream at quality 11 with a 16 MiB window, as the site's `.br` files are.
fn brotli_compress(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut std::io::Cursor::new(bytes), &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}

/// `bytes` as a gzip stream compressed with Zopfli, as the site's `.gz` files are.
fn zopfli_gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let options = zopfli::Options {
        iteration_count: std::num::NonZeroU64::new(5).unwrap_or(std::num::NonZeroU64::MIN),
        ..zopfli::Options::default()
    };
    zopfli::compress(options, zopfli::Format::Gzip, bytes, &mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

fn test_native() -> Result {
    run(Command::new("cargo")
        .args(["test", "-p", "tnl-web", "-p", "xtask"])
        .current_dir(root()))
}

/// Builds, serves on a free port, and runs the Playwright tests against it.
fn test_e2e() -> Result {
    build(false)?;
    check_size(&root().join("dist"))?;
    let server = serve::spawn(&root().join("dist"), 0)?;
    let url = format!("http://127.0.0.1:{}/", server);
    let mut node = Command::new("node");
    node.args(["--test", "--test-concurrency=1", "--test-timeout=300000"]);
    // While working on a few tests: TNL_E2E_ONLY=<regular expression of their names>.
    if let Some(only) = std::env::var_os("TNL_E2E_ONLY").filter(|o| !o.is_empty()) {
        let mut arg = std::ffi::OsString::from("--test-name-pattern=");
        arg.push(only);
        node.arg(arg);
    }
    run(node.arg("app.test.mjs").current_dir(e2e_dir()).env("TNL_URL", &url))
}

fn bench() -> Result {
    build(false)?;
    let dist = root().join("dist");
    let mut rows = Vec::new();
    let (mut raw_total, mut gz_total, mut sent_total) = (0, 0, 0);
    let mut names: Vec<_> = std::fs::read_dir(&dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    names.retain(|p| !is_twin(p));
    names.sort();
    for path in names {
        let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
        let gz = gzip_len(&bytes);
        let mut twin = path.clone().into_os_string();
        twin.push(".br");
        let sent = std::fs::metadata(&twin)
            .map(|m| m.len() as usize)
            .unwrap_or(bytes.len());
        raw_total += bytes.len();
        gz_total += gz;
        sent_total += sent;
        rows.push(format!(
            "| {} | {} | {} | {} |",
            path.file_name().unwrap_or_default().to_string_lossy(),
            kb(bytes.len()),
            kb(gz),
            kb(sent)
        ));
    }
    // The editions and the catalogue as the wasm embeds them (packed by web/build.rs), gzipped
    // together as they sit in the wasm's data, against the files in criteria/.
    let packed = |p: tnl_web::packed::Packed| match p {
        tnl_web::packed::Packed::Full(t) | tnl_web::packed::Packed::Delta(t) => t,
    };
    let mut data: Vec<&str> = tnl_web::packed::EDITIONS.iter().map(|&(_, _, p)| packed(p)).collect();
    data.push(tnl_web::packed::CATALOGUE);
    let (editions, editions_gz) = (
        data.iter().map(|t| t.len()).sum::<usize>(),
        gzip_len(data.concat().as_bytes()),
    );
    let mut files: Vec<&str> = tnl_engine::editions::EDITIONS.iter().map(|e| e.json).collect();
    files.push(tnl_engine::deps::CATALOGUE_JSON);
    let files_gz: usize = files.iter().map(|t| gzip_len(t.as_bytes())).sum();
    let server = serve::spawn(&dist, 0)?;
    let url = format!("http://127.0.0.1:{}/", server);
    let timing = Command::new("node")
        .arg("bench.mjs")
        .current_dir(e2e_dir())
        .env("TNL_URL", &url)
        .output()
        .map_err(|e| e.to_string())?;
    if !timing.status.success() {
        return Err(format!(
            "bench.mjs failed:\n{}",
            String::from_utf8_lossy(&timing.stderr)
        ));
    }
    println!("| file | raw | gzip -9 | sent (the precompressed .br, Brotli 11) |\n|---|---:|---:|---:|");
    for r in rows {
        println!("{r}");
    }
    println!(
        "| **total** | **{}** | **{}** | **{}** |",
        kb(raw_total),
        kb(gz_total),
        kb(sent_total)
    );
    println!(
        "\nEmbedded editions and catalogue inside the wasm: {} raw, about {} gzip (counted in the wasm above; the files in criteria/ gzip to {}).\n",
        kb(editions),
        kb(editions_gz),
        kb(files_gz)
    );
    print!("{}", String::from_utf8_lossy(&timing.stdout));
    Ok(())
}

/// The floors under the app's size: `web/examples/floor_yew.rs` (a minimal Yew app) and
/// `floor_engine.rs` (Yew, the embedded editions and the engine scoring pasted answers, no
/// screen), built with the app's profile, flags, wasm-bindgen and wasm-opt, and compressed as the
/// site's files are. Prints a Markdown table of what each sends, with the app's `dist/` below.
fn size_floor() -> Result {
    build(false)?;
    let root = root();
    let examples = ["floor_yew", "floor_engine"];
    let mut cargo = Command::new("cargo");
    cargo.args([
        "build",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm",
        "-p",
        "tnl-web",
    ]);
    for x in examples {
        cargo.args(["--example", x]);
    }
    run(cargo
        .env("CARGO_ENCODED_RUSTFLAGS", remapped_paths(&root))
        .current_dir(&root))?;
    let sent = |path: &Path| -> Result<usize> {
        Ok(brotli_compress(&std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?)?.len())
    };
    let mut rows = Vec::new();
    for x in examples {
        let out = target_dir(&root).join("size-floor").join(x);
        let wasm = target_dir(&root)
            .join("wasm32-unknown-unknown/wasm/examples")
            .join(format!("{x}.wasm"));
        run(Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-name", x, "--out-dir"])
            .arg(&out)
            .arg(&wasm))?;
        let bg = out.join(format!("{x}_bg.wasm"));
        wasm_opt(&bg)?;
        let (w, j) = (sent(&bg)?, sent(&out.join(format!("{x}.js")))?);
        rows.push(format!(
            "| `web/examples/{x}.rs` | {} | {} | {} |",
            kb(w),
            kb(j),
            kb(w + j)
        ));
    }
    let dist = root.join("dist");
    let twin = |name: &str| {
        std::fs::metadata(dist.join(format!("{name}.br")))
            .map(|m| m.len() as usize)
            .map_err(|e| format!("dist/{name}.br: {e}"))
    };
    let (w, j) = (twin("tnl_web_bg.wasm")?, twin("tnl_web.js")?);
    let statics = twin("index.html")? + twin("style.css")? + twin("boot.js")?;
    rows.push(format!("| the app (`dist/`) | {} | {} | {} |", kb(w), kb(j), kb(w + j)));
    let editions: Vec<&str> = tnl_web::packed::EDITIONS
        .iter()
        .map(|&(_, _, p)| match p {
            tnl_web::packed::Packed::Full(t) | tnl_web::packed::Packed::Delta(t) => t,
        })
        .collect();
    println!("| build (sent: Brotli 11) | wasm | JS glue | wasm + JS |\n|---|---:|---:|---:|");
    for r in rows {
        println!("{r}");
    }
    println!(
        "\nThe app's index.html, style.css and boot.js send {} more. The packed editions alone (no catalogue) gzip to {}; the catalogue to {}.",
        kb(statics),
        kb(gzip_len(editions.concat().as_bytes())),
        kb(gzip_len(tnl_web::packed::CATALOGUE.as_bytes()))
    );
    Ok(())
}

#[allow(
    clippy::float_arithmetic,
    reason = "a figure printed for people, not a result the engine computes"
)]
fn kb(n: usize) -> String {
    format!("{:.1} KB", n as f64 / 1000.0)
}

fn gzip_len(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::without_comments;

    #[test]
    fn comments_for_maintainers_are_not_sent_and_the_rest_is_kept() {
        let css = "/* why */\n.a { color: red; } /* inline */\n  .b { content: \"x\"; }\n";
        assert_eq!(
            without_comments(css, "style.css"),
            ".a { color: red; }\n.b { content: \"x\"; }\n"
        );
        let js = "// why\nconst u = 'http://x/';\n\n  f(); // kept: not a whole line\n";
        assert_eq!(
            without_comments(js, "boot.js"),
            "const u = 'http://x/';\nf(); // kept: not a whole line\n"
        );
        assert_eq!(without_comments("<p>\n  a\n</p>\n", "index.html"), "<p>\na\n</p>\n");
    }
}
