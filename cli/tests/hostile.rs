//! The ten cases of issue 19, as a hostile user would try them: `tnl` never destroys a file,
//! never dies on I/O, never hangs, bounds its memory, and escapes what it shows.
//!
//! Tests that need root (a device node, a file owned by someone else, a small file system, a
//! folder only root can read) say so and pass without checking anything when run as another
//! user; the test machine runs them as root.

use assert_cmd::Command;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Stdio;

const MINI: &str = "tests/fixtures/mini-edition.json";
const PARTIAL: &str = "tests/golden/mini-ville-partielle.answers.json";
const TEMPLATE: &str = "criteria/templates/tnl-2025.answers.json";
const INVENTORY: &str = "tests/golden/deps-shipped/territoire-40.inventory.json";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn tnl() -> Command {
    let mut c = Command::cargo_bin("tnl").expect("the tnl binary is built");
    c.current_dir(root()).env("NO_COLOR", "1");
    c
}

/// What a finished `tnl` gave: exit code (-1 when killed by a signal), stdout, stderr.
struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    run_with(tnl().args(args))
}

fn run_with(c: &mut Command) -> Run {
    let out = c.output().expect("tnl runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run_std(mut c: std::process::Command) -> Run {
    let out = c.output().expect("tnl runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `tnl evaluate` of the mini edition's partial answers, written to `out`.
fn evaluate_to(out: &Path) -> Run {
    run(&[
        "evaluate",
        PARTIAL,
        "--criteria",
        MINI,
        "-o",
        out.to_str().expect("utf-8"),
    ])
}

fn is_root() -> bool {
    std::fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

fn skip(why: &str) {
    let mut err = std::io::stderr();
    let _ = std::io::Write::write_all(&mut err, format!("skipped: {why}\n").as_bytes());
}

fn copy_fixture(from: &str, to: &Path) -> String {
    std::fs::copy(root().join(from), to).expect("copy fixture");
    to.to_string_lossy().into_owned()
}

fn text(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read")
}

/// Runs a command that must end by itself; a hang fails the test after a generous delay (a
/// guard against blocking the suite, not a measure of speed).
fn run_to_the_end(mut c: std::process::Command) -> std::process::Output {
    let mut child = c
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tnl starts");
    for _ in 0..600 {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = child.kill();
    panic!("tnl did not end");
}

fn tnl_std() -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("tnl"));
    c.current_dir(root()).env("NO_COLOR", "1");
    c
}

// ------------------------------------------------------------------ 1. -o naming an input

#[test]
fn output_naming_an_input_is_refused_and_the_input_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let answers = copy_fixture(TEMPLATE, &d.join("a.json"));
    let inventory = copy_fixture(INVENTORY, &d.join("inv.json"));
    std::os::unix::fs::symlink(d.join("a.json"), d.join("link.json")).expect("symlink");
    std::fs::hard_link(d.join("a.json"), d.join("hard.json")).expect("hard link");
    let before = text(&d.join("a.json"));
    let hard = d.join("hard.json").to_string_lossy().into_owned();
    let dotted = format!("{}/./a.json", d.display());
    let cases: Vec<Vec<&str>> = vec![
        vec!["evaluate", &answers, "-o", &answers],
        vec!["evaluate", &answers, "-o", &hard],
        vec!["evaluate", &answers, "-o", &dotted],
        vec!["compare", &answers, TEMPLATE, "-o", &answers],
        vec!["deps", &inventory, "--prefill", &answers, "-o", &answers],
        vec!["deps", &inventory, "-o", &inventory],
        vec!["template", "--from", &answers, "-o", &answers],
        vec!["batch", d.to_str().expect("utf-8"), "-o", &answers],
    ];
    for args in &cases {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("is also an input of this command"),
            "{args:?}: {}",
            r.stderr
        );
        assert_eq!(text(&d.join("a.json")), before, "{args:?}: the input is unchanged");
    }
    assert!(text(&d.join("inv.json")).contains("\"kind\": \"inventory\""));
    // The symbolic link is refused as a link, before its target is compared.
    let link = d.join("link.json").to_string_lossy().into_owned();
    let r = run(&["evaluate", &answers, "-o", &link]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(text(&d.join("a.json")), before);
}

// ------------------------------------------------------------------ 2. -o onto what is not a file

#[test]
fn output_onto_a_fifo_a_folder_or_a_symlink_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let fifo = d.join("fifo.json");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo")
        .success());
    let target = d.join("kept.md");
    std::fs::write(&target, "kept").expect("write");
    std::os::unix::fs::symlink(&target, d.join("link.md")).expect("symlink");
    for (out, what) in [
        (fifo.clone(), "is a FIFO"),
        (d.to_path_buf(), "is a folder"),
        (d.join("link.md"), "is a symbolic link"),
    ] {
        let r = evaluate_to(&out);
        assert_eq!(r.code, 2, "{what}: {}", r.stderr);
        assert!(r.stderr.contains(what), "{}", r.stderr);
    }
    assert!(std::fs::symlink_metadata(d.join("link.md"))
        .expect("link")
        .file_type()
        .is_symlink());
    assert_eq!(text(&target), "kept");
    assert!(std::fs::metadata(&fifo).expect("fifo").file_type().is_fifo());
    // `-o -` and `-o /dev/stdout` write to standard output.
    for out in ["-", "/dev/stdout"] {
        let r = run(&["evaluate", PARTIAL, "--criteria", MINI, "--format", "md", "-o", out]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(String::from_utf8_lossy(&r.stdout).starts_with('#'), "{out}");
    }
}

#[test]
fn output_onto_a_device_node_is_refused() {
    if !is_root() {
        return skip("creating a device node needs root");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let null = dir.path().join("null");
    // The same device as /dev/null (character, major 1, minor 3).
    assert!(std::process::Command::new("mknod")
        .arg(&null)
        .args(["c", "1", "3"])
        .status()
        .expect("mknod")
        .success());
    let r = evaluate_to(&null);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("is a device, not a regular file"), "{}", r.stderr);
    let meta = std::fs::metadata(&null).expect("still there");
    assert!(meta.file_type().is_char_device());
}

#[test]
fn an_existing_output_keeps_its_owner_and_mode() {
    if !is_root() {
        return skip("giving a file to another user needs root");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("report.md");
    std::fs::write(&out, "old").expect("write");
    std::os::unix::fs::chown(&out, Some(4242), Some(4343)).expect("chown");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let r = evaluate_to(&out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let meta = std::fs::metadata(&out).expect("written");
    assert_eq!((meta.uid(), meta.gid()), (4242, 4343));
    assert_eq!(meta.permissions().mode() & 0o7777, 0o600);
    assert!(text(&out).starts_with('#'), "the report replaced the old text");
}

// ------------------------------------------------------------------ 3. closed pipe, full disk

#[test]
fn a_full_stdout_is_an_error_not_a_panic() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let mut c = tnl_std();
    c.args(["validate", PARTIAL, PARTIAL, "--criteria", MINI]).stdout(full);
    let r = run_std(c);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.stderr, "error: <stdout>: No space left on device\n",
        "said once, then stopped"
    );
}

#[test]
fn a_full_stderr_never_panics() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let inputs = d.join("in");
    std::fs::create_dir(&inputs).expect("mkdir");
    copy_fixture(TEMPLATE, &inputs.join("a.json"));
    std::fs::write(inputs.join("bad.json"), "{").expect("write");
    let out = |name: &str| d.join(name).to_string_lossy().into_owned();
    let answers = copy_fixture(TEMPLATE, &d.join("answers.json"));
    let in_dir = inputs.to_string_lossy().into_owned();
    let (x_csv, carried, filled, page, reports) = (
        out("x.csv"),
        out("carried.json"),
        out("filled.json"),
        out("page.html"),
        out("reports"),
    );
    let cases: Vec<(Vec<&str>, i32)> = vec![
        (vec!["batch", &in_dir, "-o", &x_csv], 1),
        (vec!["template", "--from", &answers, "-o", &carried], 0),
        (vec!["deps", INVENTORY, "--prefill", &answers, "-o", &filled], 0),
        (vec!["batch", &in_dir, "-o", &page, "--reports", &reports], 1),
        (vec!["validate", "nope.json"], 1),
    ];
    for (args, code) in cases {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let mut c = tnl_std();
        c.args(&args).stderr(full);
        let r = run_std(c);
        assert_eq!(r.code, code, "{args:?}");
    }
}

#[test]
fn a_closed_pipe_ends_quietly_with_status_141() {
    // The report (about 80 KB) is larger than a pipe holds (64 KB), so tnl writes after the
    // reader has gone, whichever runs first.
    let mut c = tnl_std();
    c.args(["evaluate", TEMPLATE, "--format", "html"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("tnl starts");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("tnl ends");
    assert_eq!(out.status.code(), Some(141));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn a_full_disk_leaves_nothing_under_the_output_name() {
    if !is_root() {
        return skip("mounting a small file system needs root");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let mnt = dir.path();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=16k", "tmpfs"])
        .arg(mnt)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        return skip("this machine cannot mount a tmpfs");
    }
    let out = mnt.join("report.html");
    let r = run(&["evaluate", TEMPLATE, "-o", out.to_str().expect("utf-8")]);
    let left: Vec<_> = std::fs::read_dir(mnt).expect("list").collect();
    let _ = std::process::Command::new("umount").arg(mnt).status();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        format!("error: {}: No space left on device\n", out.display()),
        "the message names the file"
    );
    assert!(left.is_empty(), "no partial file, no temporary file: {left:?}");
}

// ------------------------------------------------------------------ 4. a FIFO in a batch folder

#[test]
fn a_fifo_in_a_batch_folder_is_skipped_not_opened() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    copy_fixture(TEMPLATE, &d.join("a.json"));
    assert!(std::process::Command::new("mkfifo")
        .arg(d.join("b.json"))
        .status()
        .expect("mkfifo")
        .success());
    let mut c = tnl_std();
    c.args(["batch", d.to_str().expect("utf-8")]);
    let out = run_to_the_end(c);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("warning: ") && stderr.contains("b.json: skipped: a FIFO, not a regular file"),
        "{stderr}"
    );
    assert!(stderr.contains("1 of them skipped"), "{stderr}");
    assert!(stdout.lines().any(|l| l.contains("a.json,answers,")), "{stdout}");
    assert!(
        stdout.contains("skipped: a FIFO, not a regular file"),
        "the row says it: {stdout}"
    );
}

// ------------------------------------------------------------------ 5. endless and huge lines

#[test]
fn dev_zero_on_stdin_ends_at_once() {
    let mut c = tnl_std();
    c.args(["batch", "-"])
        .stdin(std::fs::File::open("/dev/zero").expect("/dev/zero"));
    let out = run_to_the_end(c);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("<stdin>:1: binary data (a NUL byte), not JSON Lines"),
        "{stderr}"
    );
}

#[test]
fn an_overlong_line_is_an_error_row_and_the_next_lines_are_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let answers: serde_json::Value = serde_json::from_str(&text(&root().join(TEMPLATE))).expect("template");
    let mut lines = "x".repeat(3 * 1024 * 1024).into_bytes();
    lines.push(b'\n');
    lines.extend(answers.to_string().as_bytes());
    lines.push(b'\n');
    let path = dir.path().join("export.jsonl");
    std::fs::write(&path, &lines).expect("write");
    let r = run(&[
        "batch",
        path.to_str().expect("utf-8"),
        "--format",
        "jsonl",
        "--max-input-size",
        "1M",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&r.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON row"))
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["error"], "line too large (over the limit of 1 MiB)");
    assert_eq!(rows[1]["error"], serde_json::Value::Null);
    assert_eq!(rows[1]["type"], "answers");
}

#[test]
fn an_input_over_the_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.json");
    let file = std::fs::File::create(&path).expect("create");
    // A sparse file: 100 GB announced, nothing stored; reading it whole would never end.
    file.set_len(100 << 30).expect("set_len");
    let mut c = tnl_std();
    c.args(["evaluate", path.to_str().expect("utf-8")]);
    let out = run_to_the_end(c);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("file too large (over the limit of 64 MiB)"));
}

// ------------------------------------------------------------------ 6. a huge inventory

#[test]
fn an_inventory_past_real_sizes_is_refused_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let items: Vec<String> = (0..10_001)
        .map(|i| format!(r#"{{"function":"browser","product":"p{i}","seats":1}}"#))
        .collect();
    let path = dir.path().join("inv.json");
    std::fs::write(
        &path,
        format!(
            r#"{{"format":1,"kind":"inventory","profile":{{"name":"x"}},"items":[{}]}}"#,
            items.join(",")
        ),
    )
    .expect("write");
    let out = dir.path().join("map.odt");
    let r = run(&[
        "deps",
        path.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("too many inventory items (10001, tnl reads at most 10000)"),
        "{}",
        r.stderr
    );
    assert!(!out.exists());
}

// ------------------------------------------------------------------ 7. an unreadable subfolder

#[test]
fn unreadable_entries_are_listed_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    copy_fixture(TEMPLATE, &d.join("a.json"));
    std::fs::set_permissions(d.join("a.json"), std::fs::Permissions::from_mode(0o644)).expect("chmod");
    // A link to nowhere: unreadable even for root.
    std::os::unix::fs::symlink(d.join("nowhere"), d.join("b.json")).expect("symlink");
    let closed = d.join("closed");
    std::fs::create_dir(&closed).expect("mkdir");
    copy_fixture(TEMPLATE, &closed.join("c.json"));
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let mut c = tnl_std();
    c.args(["batch", d.to_str().expect("utf-8")]);
    if is_root() {
        // Root reads every folder: run as nobody, for whom `closed` is closed.
        std::os::unix::process::CommandExt::uid(&mut c, 65534);
    }
    let out = run_to_the_end(c);
    let _ = std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o755));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stdout.lines().any(|l| l.contains("a.json,answers,")), "{stdout}");
    assert!(
        stderr.contains("b.json: skipped: cannot read: no such file or directory"),
        "{stderr}"
    );
    assert!(
        stderr.contains("closed: skipped: cannot read: permission denied"),
        "{stderr}"
    );
    assert!(stderr.contains("2 of them skipped"), "{stderr}");
}

// ------------------------------------------------------------------ 8. batch -o page.html

#[test]
fn batch_to_an_html_name_writes_an_escaped_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let inputs = d.join("in");
    std::fs::create_dir(&inputs).expect("mkdir");
    let mut answers: serde_json::Value = serde_json::from_str(&text(&root().join(TEMPLATE))).expect("template");
    answers["profile"]["name"] = "<script>alert(1)</script>".into();
    std::fs::write(inputs.join("a.json"), answers.to_string()).expect("write");
    let page = d.join("page.html");
    let r = run(&[
        "batch",
        inputs.to_str().expect("utf-8"),
        "-o",
        page.to_str().expect("utf-8"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = text(&page);
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..80.min(html.len())]);
    assert!(!html.contains("<script>alert"), "the name is escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // An explicit --format still wins.
    let r = run(&[
        "batch",
        inputs.to_str().expect("utf-8"),
        "--format",
        "csv",
        "-o",
        page.to_str().expect("utf-8"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(text(&page).starts_with("source,type,"));
}

// ------------------------------------------------------------------ 9. control characters

const HOSTILE: &str = "tnl-2025\u{1b}]0;pwned\u{7}\u{1b}[2J";

fn no_controls(bytes: &[u8], what: &str) {
    let bad: Vec<u8> = bytes
        .iter()
        .copied()
        .filter(|&b| (b < 0x20 && b != b'\n' && b != b'\t' && b != b'\r') || b == 0x7f)
        .collect();
    assert!(
        bad.is_empty(),
        "{what}: control bytes {bad:?} in {}",
        String::from_utf8_lossy(bytes)
    );
}

#[test]
fn control_characters_from_files_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let mut criteria: serde_json::Value = serde_json::from_str(&text(&root().join(MINI))).expect("mini");
    criteria["id"] = HOSTILE.into();
    let criteria_path = d.join("edition.json");
    std::fs::write(&criteria_path, criteria.to_string()).expect("write");
    let mut answers: serde_json::Value = serde_json::from_str(&text(&root().join(TEMPLATE))).expect("template");
    answers["edition"] = HOSTILE.into();
    answers["profile"]["name"] = "Boë\u{7}\u{1b}[31m".into();
    let answers_path = d.join("answers.json");
    std::fs::write(&answers_path, answers.to_string()).expect("write");
    let (criteria_file, answers_file) = (
        criteria_path.to_str().expect("utf-8"),
        answers_path.to_str().expect("utf-8"),
    );
    // Standard output: `validate`'s lines are escaped wherever they go; the JSON report escapes
    // control characters itself. Standard error: every message.
    for (args, shown) in [
        (vec!["validate", criteria_file], false),
        (vec!["validate", answers_file], true),
        (vec!["evaluate", answers_file], true),
    ] {
        let r = run(&args);
        no_controls(r.stderr.as_bytes(), &format!("stderr of {args:?}"));
        no_controls(&r.stdout, &format!("stdout of {args:?}"));
        let all = format!("{}{}", r.stderr, String::from_utf8_lossy(&r.stdout));
        assert!(
            !shown || all.contains("\\u{1b}]0;pwned\\u{7}"),
            "{args:?}: the escape is shown: {all}"
        );
    }
    let r = run(&["batch", d.to_str().expect("utf-8"), "--format", "md"]);
    no_controls(r.stderr.as_bytes(), "stderr of batch");
    assert!(r.stderr.contains("\\u{1b}"), "{}", r.stderr);
}

#[test]
fn csv_cells_never_carry_control_characters() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let mut answers: serde_json::Value = serde_json::from_str(&text(&root().join(TEMPLATE))).expect("template");
    answers["profile"]["name"] = "Boë\u{0}\u{7}\u{1b}[2J\u{7f}".into();
    std::fs::write(d.join("a.json"), answers.to_string()).expect("write");
    let r = run(&["batch", d.to_str().expect("utf-8"), "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    no_controls(&r.stdout, "batch CSV");
    assert!(String::from_utf8_lossy(&r.stdout).contains("Boë\u{FFFD}\u{FFFD}\u{FFFD}[2J\u{FFFD}"));
    let r = run(&["evaluate", d.join("a.json").to_str().expect("utf-8"), "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    no_controls(&r.stdout, "report CSV");
}

// ------------------------------------------------------------------ 10. huge seat counts

#[test]
fn huge_seat_counts_neither_panic_nor_wrap() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("inv.json");
    std::fs::write(
        &path,
        r#"{"format":1,"kind":"inventory","profile":{"name":"x"},"items":[
            {"function":"workstation_os","product":"windows","seats":18446744073709551615},
            {"function":"workstation_os","product":"ubuntu","seats":18446744073709551615}]}"#,
    )
    .expect("write");
    let p = path.to_str().expect("utf-8");
    let r = run(&["deps", p, "--today", "2026-01-01"]);
    assert_eq!(r.code, 0, "a debug build does not panic: {}", r.stderr);
    let report: serde_json::Value = serde_json::from_slice(&r.stdout).expect("a report");
    assert_eq!(report["summary"]["seats_total"], 0, "absurd counts are ignored");
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, ["out_of_range", "out_of_range"]);
    for format in ["md", "csv", "html"] {
        let r = run(&["deps", p, "--today", "2026-01-01", "--format", format]);
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        let out = String::from_utf8_lossy(&r.stdout).replace(|c: char| !c.is_ascii_digit(), "");
        assert!(
            !out.contains("18446744073709551"),
            "{format}: no wrapped or saturated sum"
        );
    }
}
