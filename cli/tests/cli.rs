//! Integration tests of every `tnl` subcommand: exit codes, exact messages, outputs.
//!
//! Commands run from the repository root so that file names in messages are stable. Snapshots
//! live in cli/tests/snapshots; review changes with `cargo insta review`.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const MINI: &str = "tests/fixtures/mini-edition.json";
const PARTIAL: &str = "tests/golden/mini-ville-partielle.answers.json";
const COMPLETE: &str = "tests/golden/mini-village-complet.answers.json";
const ERRORS: &str = "tests/golden/mini-erreurs.answers.json";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn tnl() -> Command {
    let mut c = Command::cargo_bin("tnl").expect("the tnl binary is built");
    c.current_dir(root()).env_remove("NO_COLOR");
    c
}

/// Runs `tnl args…` and returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    run_with(tnl().args(args))
}

fn run_with(c: &mut Command) -> (i32, String, String) {
    let out = c.output().expect("tnl runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p.to_string_lossy().into_owned()
}

/// Replaces the temporary folder in messages by `TMP`.
fn redact(text: &str, dir: &Path) -> String {
    text.replace(&dir.to_string_lossy().into_owned(), "TMP")
}

// ---------------------------------------------------------------- evaluate

#[test]
fn evaluate_markdown_on_the_mini_edition() {
    let (code, out, err) = run(&["evaluate", PARTIAL, "--criteria", MINI, "--format", "md"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "");
    insta::assert_snapshot!("evaluate_md_partial", out);
}

#[test]
fn evaluate_json_is_the_report_wire_format() {
    let (code, out, _) = run(&["evaluate", COMPLETE, "--criteria", MINI]);
    assert_eq!(code, 0);
    let report = tnl_engine::Report::from_json(&out, "out").expect("a report");
    assert_eq!(report.tier.map(|t| t.id.to_string()), Some("argent".to_owned()));
}

#[test]
fn evaluate_format_from_the_output_extension_and_lang() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("r.html");
    let (code, stdout, err) = run(&[
        "evaluate",
        PARTIAL,
        "--criteria",
        MINI,
        "-o",
        &out.to_string_lossy(),
        "--lang",
        "en",
    ]);
    assert_eq!((code, stdout.as_str(), err.as_str()), (0, "", ""));
    let html = std::fs::read_to_string(&out).expect("written");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("This is an estimate, not the decision of the label&#39;s jury."));
}

#[test]
fn evaluate_and_deps_write_an_odt_from_the_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("r.odt");
    let (code, stdout, err) = run(&["evaluate", PARTIAL, "--criteria", MINI, "-o", &out.to_string_lossy()]);
    assert_eq!((code, stdout.as_str(), err.as_str()), (0, "", ""));
    let bytes = std::fs::read(&out).expect("written");
    let criteria = tnl_engine::Criteria::from_json(&std::fs::read_to_string(root().join(MINI)).expect("mini"), "mini")
        .expect("valid");
    let answers = tnl_engine::Answers::from_json(&std::fs::read_to_string(root().join(PARTIAL)).expect("partial"), "p")
        .expect("valid");
    assert_eq!(
        bytes,
        tnl_engine::render::odt(&tnl_engine::evaluate(&criteria, &answers), tnl_engine::Lang::Fr)
    );
    // The dependency map too, from the extension, with the embedded catalogue.
    let map = dir.path().join("map.odt");
    let inventory = "tests/golden/deps/commune-mixte.inventory.json";
    assert_eq!(
        run(&["deps", inventory, "--today", "2026-11-29", "-o", &map.to_string_lossy()]).0,
        0
    );
    let inv = tnl_engine::deps::Inventory::from_json(
        &std::fs::read_to_string(root().join(inventory)).expect("inventory"),
        "i",
    )
    .expect("valid");
    let catalogue =
        tnl_engine::deps::Catalogue::from_json(tnl_engine::deps::CATALOGUE_JSON, "catalogue").expect("valid");
    let r = tnl_engine::deps::dependency_report(
        &catalogue,
        &inv,
        &tnl_engine::deps::DepsOptions {
            today: Some("2026-11-29".into()),
        },
    );
    assert_eq!(
        std::fs::read(&map).expect("written"),
        tnl_engine::render::deps_odt(&r, tnl_engine::Lang::Fr)
    );
}

#[test]
fn evaluate_reads_stdin() {
    let text = std::fs::read_to_string(root().join(PARTIAL)).expect("fixture");
    let (code, out, _) = run_with(
        tnl()
            .args(["evaluate", "-", "--criteria", MINI, "--format", "csv"])
            .write_stdin(text),
    );
    assert_eq!(code, 0);
    assert!(out.starts_with("section,id,label,status,score,possible,detail\r\n"));
}

#[test]
fn evaluate_the_embedded_edition_by_default() {
    let (code, out, err) = run(&[
        "evaluate",
        "criteria/templates/tnl-2025.answers.json",
        "--format",
        "md",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{err}");
    // The edition by its title, its version in the colophon, and no internal id.
    assert!(out.contains("2025 edition") && out.contains("(version "), "{out}");
    assert!(!out.contains("tnl-2025"), "{out}");
}

#[test]
fn evaluate_warns_about_ignored_answers_and_still_reports() {
    let (code, out, err) = run(&["evaluate", ERRORS, "--criteria", MINI]);
    assert_eq!(code, 0);
    assert!(out.contains("\"unknown_question\""));
    assert_eq!(
        err,
        "warning: tests/golden/mini-erreurs.answers.json: 4 answers ignored, see the diagnostics in the report (or run `tnl validate tests/golden/mini-erreurs.answers.json`)\n"
    );
    let (_, _, quiet) = run(&["evaluate", ERRORS, "--criteria", MINI, "--quiet"]);
    assert_eq!(quiet, "");
}

/// Each bad input: exit code 1, one `error:` message, and `-o` left unwritten.
#[test]
fn evaluate_bad_inputs_exact_messages_and_nothing_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    // Over the default limit of 64 MiB.
    let size = 65 * 1024 * 1024;
    let mut big = vec![b' '; size];
    big[0] = b'{';
    big[size - 1] = b'}';
    let cases: Vec<(&str, String)> = vec![
        ("not_json", write(d, "not.json", b"hello, world")),
        (
            "truncated",
            write(d, "truncated.json", br#"{"format": 1, "edition": "mini", "prof"#),
        ),
        ("empty", write(d, "empty.json", b"")),
        (
            "binary",
            write(
                d,
                "garbage.bin",
                &[0x7f, 0x45, 0x4c, 0x46, 0xff, 0xfe, 0x00, 0x01, 0x80],
            ),
        ),
        ("over_64_mib", write(d, "big.json", &big)),
        (
            "wrong_edition",
            write(
                d,
                "wrong.json",
                br#"{"format": 1, "edition": "tnl-1999", "profile": {"name": "X"}, "answers": {}}"#,
            ),
        ),
        ("criteria_not_answers", root().join(MINI).to_string_lossy().into_owned()),
        ("missing", d.join("nope.json").to_string_lossy().into_owned()),
    ];
    let out = d.join("out.md");
    let mut all = String::new();
    for (name, path) in &cases {
        let (code, stdout, err) = run(&["evaluate", path, "-o", &out.to_string_lossy()]);
        assert_eq!(code, 1, "{name}: {err}");
        assert_eq!(stdout, "", "{name}");
        assert!(err.starts_with("error: "), "{name}: {err}");
        assert_eq!(err.matches("error:").count(), 1, "{name}: printed once: {err}");
        assert!(!out.exists(), "{name}: nothing written to -o");
        all.push_str(&format!("## {name} (exit {code})\n{}\n", redact(&err, d)));
    }
    let root_path = root().to_string_lossy().into_owned();
    insta::assert_snapshot!("evaluate_bad_inputs", all.replace(&root_path, "ROOT"));
}

#[test]
fn evaluate_with_another_edition_than_the_answers() {
    let (code, _, err) = run(&[
        "evaluate",
        "criteria/templates/tnl-2025.answers.json",
        "--edition",
        "tnl-2024",
    ]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("evaluate_edition_mismatch", err);
}

#[test]
fn evaluate_unknown_edition_flag_is_a_usage_error() {
    let (code, _, err) = run(&["evaluate", PARTIAL, "--edition", "tnl-1999"]);
    assert_eq!(code, 2);
    assert_eq!(err, "error: unknown edition \"tnl-1999\" for --edition\n  hint: the editions built into tnl are tnl-2025, tnl-2024\n");
}

// ---------------------------------------------------------------- usage

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = run(&["evaluate"]);
    assert_eq!(code, 2);
    assert!(err.contains("required arguments were not provided"), "{err}");
    let (code, _, _) = run(&["frobnicate"]);
    assert_eq!(code, 2);
    let (code, _, err) = run(&["evaluate", PARTIAL, "--edition", "a", "--criteria", "b"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, _) = run(&["evaluate", PARTIAL, "--format", "pdf"]);
    assert_eq!(code, 2);
}

#[test]
fn help_has_examples_and_exit_codes() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Examples:") && out.contains("Exit codes: 0 ok, 1 invalid input or failed check, 2 usage error.")
    );
    for sub in [
        "validate", "evaluate", "batch", "compare", "template", "schema", "editions",
    ] {
        let (code, out, _) = run(&[sub, "--help"]);
        assert_eq!(code, 0, "{sub}");
        assert!(out.contains("Usage: tnl"), "{sub}");
    }
    let (_, out, _) = run(&["batch", "--help"]);
    insta::assert_snapshot!("batch_help", out);
}

// ---------------------------------------------------------------- validate

#[test]
fn validate_criteria_and_answers() {
    let (code, out, err) = run(&["validate", "criteria/tnl-2025.json", "criteria/tnl-2024.json", MINI]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "");
    assert!(out.contains("criteria/tnl-2025.json: ok, criteria \"tnl-2025\""));
    assert!(out.contains("tests/fixtures/mini-edition.json: ok, criteria \"mini\" version 1.0.0, 11 questions"));
    let (code, out, _) = run(&["validate", "--criteria", MINI, PARTIAL, COMPLETE, "-q"]);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn validate_unknown_question_ids_fail_with_every_problem() {
    let (code, out, err) = run(&["validate", "--criteria", MINI, ERRORS, PARTIAL, "--lang", "en"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "tests/golden/mini-ville-partielle.answers.json: ok, answers to \"mini\", 5 of 10 questions answered\n"
    );
    insta::assert_snapshot!("validate_errors", err);
}

#[test]
fn validate_broken_criteria_lists_problems() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(root().join(MINI))
        .expect("mini")
        .replace("\"domain\": \"donnees\"", "\"domain\": \"nulle_part\"");
    let bad = write(dir.path(), "bad-criteria.json", text.as_bytes());
    let (code, _, err) = run(&["validate", &bad]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("validate_bad_criteria", redact(&err, dir.path()));
}

#[test]
fn validate_not_json_and_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "a.json", b"{");
    let b = write(dir.path(), "b.json", b"  \n");
    let (code, out, err) = run(&["validate", &a, &b]);
    assert_eq!((code, out.as_str()), (1, ""));
    insta::assert_snapshot!("validate_not_json", redact(&err, dir.path()));
}

// ---------------------------------------------------------------- batch

fn batch_folder(dir: &Path) {
    for (name, src) in [
        ("a-complet.json", COMPLETE),
        ("b-partielle.json", PARTIAL),
        ("d-erreurs.json", ERRORS),
    ] {
        std::fs::copy(root().join(src), dir.join(name)).expect("copy");
    }
    write(dir, "c-casse.json", b"{\"format\": 1, \"edition\": ");
    write(dir, "notes.txt", b"ignored: not .json");
}

#[test]
fn batch_folder_with_one_bad_file_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    batch_folder(&input);
    let out = dir.path().join("out.csv");
    let (code, stdout, err) = run(&[
        "batch",
        &input.to_string_lossy(),
        "--criteria",
        MINI,
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    insta::assert_snapshot!("batch_bad_file_stderr", redact(&err, dir.path()));
    let csv = std::fs::read_to_string(&out).expect("the good rows are written");
    insta::assert_snapshot!("batch_csv", redact(&csv, dir.path()));
}

#[test]
fn batch_jsonl_and_markdown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut lines = String::new();
    for src in [COMPLETE, PARTIAL] {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(root().join(src)).expect("fixture")).expect("json");
        lines.push_str(&v.to_string());
        lines.push('\n');
    }
    lines.push_str("\n{not json}\n");
    let input = write(dir.path(), "communes.jsonl", lines.as_bytes());
    let (code, out, err) = run(&["batch", &input, "--criteria", MINI, "--format", "jsonl"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("batch_jsonl", redact(&out, dir.path()));
    insta::assert_snapshot!("batch_jsonl_stderr", redact(&err, dir.path()));
    let (code, out, _) = run_with(
        tnl()
            .args(["batch", "-", "--criteria", MINI, "--format", "md", "--lang", "en"])
            .write_stdin(lines.replace("{not json}\n", "")),
    );
    assert_eq!(code, 0);
    insta::assert_snapshot!("batch_md_stdin", out);
}

/// A territory folder: the same file name in two folders (`nord/`, `sud/`), an inventory beside
/// the second answers file, and a broken file.
fn territory_folder(dir: &Path) -> PathBuf {
    let input = dir.join("territoire");
    for sub in ["nord", "sud"] {
        std::fs::create_dir_all(input.join(sub)).expect("mkdir");
    }
    std::fs::copy(root().join(COMPLETE), input.join("nord/mairie.answers.json")).expect("copy");
    std::fs::copy(root().join(PARTIAL), input.join("sud/mairie.answers.json")).expect("copy");
    std::fs::copy(
        root().join("tests/golden/deps/commune-mixte.inventory.json"),
        input.join("sud/mairie.inventory.json"),
    )
    .expect("copy");
    write(&input, "casse.json", b"{\"format\": 1, \"edition\": ");
    input
}

#[test]
fn batch_writes_each_collectivites_report_as_evaluate_and_deps_do() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The territory folder and JSON Lines.
    let input = territory_folder(dir.path());
    let line: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(PARTIAL)).expect("fixture")).expect("json");
    write(&input, "lignes.jsonl", format!("{line}\n").as_bytes());
    let reports = dir.path().join("rapports");
    let (code, out, err) = run(&[
        "batch",
        &input.to_string_lossy(),
        "--criteria",
        MINI,
        "--reports",
        &reports.to_string_lossy(),
        "--today",
        "2026-13-01",
    ]);
    // A bad date is a usage error, and nothing is written.
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("invalid date") && out.is_empty() && !reports.exists(),
        "{err}"
    );
    let batch = [
        "batch",
        &input.to_string_lossy(),
        "--criteria",
        MINI,
        "--today",
        "2026-12-01",
    ]
    .map(str::to_owned);
    let (code, out, err) =
        run_with(
            tnl()
                .args(&batch)
                .args(["--reports", &reports.to_string_lossy(), "--report-format", "md"]),
        );
    assert_eq!(code, 1, "the broken file fails its row: {err}");
    assert!(err.contains("4 reports written to"), "{err}");
    let mut names: Vec<String> = std::fs::read_dir(&reports)
        .expect("reports")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["lignes-1.md", "nord-mairie.md", "sud-mairie.deps.md", "sud-mairie.md"]
    );
    // Each report is what `tnl evaluate` / `tnl deps` write for that file.
    for (report, args) in [
        (
            "nord-mairie.md",
            vec!["evaluate", COMPLETE, "--criteria", MINI, "--format", "md"],
        ),
        (
            "sud-mairie.md",
            vec!["evaluate", PARTIAL, "--criteria", MINI, "--format", "md"],
        ),
        (
            "lignes-1.md",
            vec!["evaluate", PARTIAL, "--criteria", MINI, "--format", "md"],
        ),
        (
            "sud-mairie.deps.md",
            vec![
                "deps",
                "tests/golden/deps/commune-mixte.inventory.json",
                "--format",
                "md",
                "--today",
                "2026-12-01",
            ],
        ),
    ] {
        let (_, expected, _) = run(&args);
        assert_eq!(
            std::fs::read_to_string(reports.join(report)).expect("report"),
            expected,
            "{report}"
        );
    }
    // The summary rows are the same as without --reports.
    let (_, plain, _) = run_with(tnl().args(&batch).arg("-q"));
    assert_eq!(out, plain);
    // --today reaches the dependency reports: in 2000 no contract end has passed yet.
    let earlier = dir.path().join("en-2000");
    run_with(tnl().args(&batch[..4]).args([
        "--today",
        "2000-01-01",
        "-q",
        "--report-format",
        "md",
        "--reports",
        &earlier.to_string_lossy(),
    ]));
    let (_, expected, _) = run(&[
        "deps",
        "tests/golden/deps/commune-mixte.inventory.json",
        "--format",
        "md",
        "--today",
        "2000-01-01",
    ]);
    let report_2000 = std::fs::read_to_string(earlier.join("sud-mairie.deps.md")).expect("report");
    assert_eq!(report_2000, expected);
    assert_ne!(
        report_2000,
        std::fs::read_to_string(reports.join("sud-mairie.deps.md")).expect("report")
    );
    // A folder that cannot be made is refused before anything.
    let file = write(dir.path(), "a-file", b"");
    let (code, _, err) = run(&[
        "batch",
        &input.to_string_lossy(),
        "--criteria",
        MINI,
        "--reports",
        &format!("{file}/sub"),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot create the reports folder"), "{err}");
}

#[test]
fn batch_writes_the_territory_page_with_each_inventory_beside_its_answers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = territory_folder(dir.path());
    // And an inventory with no answers of its collectivité.
    std::fs::copy(
        root().join("tests/golden/deps/syndicat-libre.inventory.json"),
        input.join("syndicat.inventory.json"),
    )
    .expect("copy");
    let out_dir = dir.path().join("livrable");
    std::fs::create_dir_all(&out_dir).expect("mkdir");
    let page = out_dir.join("territoire.html");
    let reports = dir.path().join("rapports");
    let (code, out, err) = run(&[
        "batch",
        &input.to_string_lossy(),
        "--criteria",
        MINI,
        "--today",
        "2026-12-01",
        "--format",
        "html",
        "-o",
        &page.to_string_lossy(),
        "--reports",
        &reports.to_string_lossy(),
    ]);
    assert_eq!(code, 1, "the broken file fails: {err}");
    assert!(
        out.is_empty() && err.contains("casse.json") && err.contains("the page lists them under \"Fichiers non lus\""),
        "{err}"
    );
    let html = std::fs::read_to_string(&page).expect("page");
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Ceci est une estimation"));
    // The broken file is on the page too, with the reason in the page's language.
    let not_read = html
        .split("<h2>Fichiers non lus</h2>")
        .nth(1)
        .expect("the inputs not read are listed");
    assert!(not_read.contains("1 fichier ou ligne n'a pas pu être lu"), "{not_read}");
    assert!(not_read.contains("casse.json</dt><dd>fichier de réponses invalide (1 problème)<br>à /edition : attendu du JSON valide, trouvé la fin du fichier"), "{not_read}");
    assert!(!not_read.contains("expected"), "{not_read}");
    // In input order: the answers, each with its report linked from the page's folder; the sud
    // mairie with its inventory's free share linked to its map; the syndicat on a row of its own.
    let rows: Vec<&str> = html
        .split("<tr><th scope=\"row\">")
        .skip(1)
        .map(|r| r.split("</th>").next().unwrap_or(""))
        .collect();
    let name = |f: &str| {
        serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(root().join(f)).expect("fixture"))
            .expect("json")["profile"]["name"]
            .as_str()
            .unwrap_or("")
            .to_owned()
    };
    assert_eq!(
        rows,
        [
            format!("<a href=\"../rapports/nord-mairie.html\">{}</a>", name(COMPLETE)),
            format!("<a href=\"../rapports/sud-mairie.html\">{}</a>", name(PARTIAL)),
            name("tests/golden/deps/syndicat-libre.inventory.json"),
        ]
    );
    assert_eq!(html.matches("<a href=\"../rapports/sud-mairie.deps.html\">").count(), 1);
    assert_eq!(html.matches("<a href=\"../rapports/syndicat.deps.html\">").count(), 1);
    for linked in [
        "nord-mairie.html",
        "sud-mairie.html",
        "sud-mairie.deps.html",
        "syndicat.deps.html",
    ] {
        assert!(reports.join(linked).is_file(), "{linked} is there");
    }
    // Without --reports the page links nothing, and goes to standard output.
    let (_, plain, _) = run(&[
        "batch",
        &input.to_string_lossy(),
        "--criteria",
        MINI,
        "--today",
        "2026-12-01",
        "--format",
        "html",
        "-q",
    ]);
    assert!(
        !plain.contains("<a href") && plain.matches("<tr><th scope=\"row\">").count() == 3,
        "{plain}"
    );
    // In English, in English.
    let (_, en, _) = run(&[
        "batch",
        &input.to_string_lossy(),
        "--criteria",
        MINI,
        "--format",
        "html",
        "--lang",
        "en",
        "-q",
    ]);
    assert!(
        en.contains("<h2>Inputs not read</h2>\n<p>1 input could not be read: it is not counted above.</p>"),
        "{en}"
    );
    assert!(
        en.contains("casse.json</dt><dd>invalid answers file (1 problem)<br>at /edition: expected valid JSON"),
        "{en}"
    );
}

#[test]
fn batch_output_is_the_same_on_one_thread() {
    let dir = tempfile::tempdir().expect("tempdir");
    batch_folder(dir.path());
    let d = dir.path().to_string_lossy().into_owned();
    let (_, many, _) = run(&["batch", &d, "--criteria", MINI, "-q"]);
    let (_, one, _) = run(&["batch", &d, "--criteria", MINI, "-q", "-j", "1"]);
    assert_eq!(many, one);
}

#[test]
fn batch_over_several_chunks_keeps_every_row_in_input_order() {
    // More lines than one chunk of work (4,096) and bad lines among them: every line has its
    // row, in input order, the bad ones with their reason, on any number of threads.
    let dir = tempfile::tempdir().expect("tempdir");
    let complete: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(COMPLETE)).expect("fixture")).expect("json");
    let mut lines = String::new();
    for i in 0..9_000 {
        if i % 1_000 == 999 {
            lines.push_str("{broken\n");
        } else {
            let mut v = complete.clone();
            v["profile"]["name"] = serde_json::Value::from(format!("Commune {i}"));
            lines.push_str(&v.to_string());
            lines.push('\n');
        }
    }
    let input = write(dir.path(), "many.jsonl", lines.as_bytes());
    let out = dir.path().join("many.csv");
    let (code, _, err) = run(&["batch", &input, "--criteria", MINI, "-q", "-o", &out.to_string_lossy()]);
    assert_eq!(code, 1);
    assert_eq!(err.lines().filter(|l| l.starts_with("error: ")).count(), 9, "{err}");
    let csv = std::fs::read_to_string(&out).expect("written");
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 9_000);
    for (i, row) in rows.iter().enumerate() {
        if i % 1_000 == 999 {
            assert!(row.ends_with(",\"invalid answers file: at (document root): expected valid JSON, found key must be a string at line 1 column 2\""), "line {}: {row}", i + 1);
            assert!(row.starts_with(&format!("{input}:{},", i + 1)), "line {}: {row}", i + 1);
        } else {
            assert!(row.contains(&format!(",Commune {i},")), "line {}: {row}", i + 1);
        }
    }
    let (_, one, _) = run(&["batch", &input, "--criteria", MINI, "-q", "-j", "1"]);
    assert_eq!(one, csv);
}

#[test]
fn batch_unknown_edition_is_a_row_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = write(
        dir.path(),
        "x.json",
        br#"{"format": 1, "edition": "tnl-1999", "profile": {"name": "X"}}"#,
    );
    let (code, out, err) = run(&["batch", &f, "--format", "jsonl"]);
    assert_eq!(code, 1);
    assert_eq!(
        redact(&out, dir.path()),
        "{\"error\":\"unknown edition \\\"tnl-1999\\\"\",\"source\":\"TMP/x.json\"}\n"
    );
    assert!(err.starts_with("error: "), "{err}");
}

#[test]
fn batch_missing_input_fails_before_anything() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("o.csv");
    let (code, _, err) = run(&["batch", "no/such/folder", "-o", &out.to_string_lossy()]);
    assert_eq!(code, 1);
    assert_eq!(err, "error: no/such/folder: cannot read: no such file or directory\n  hint: INPUT is an answers file, a folder of them, or a JSON Lines file\n");
    assert!(!out.exists());
}

// ---------------------------------------------------------------- compare

#[test]
fn compare_answers_and_reports() {
    // Reports: evaluate both with the mini edition first.
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("old.json");
    let new = dir.path().join("new.json");
    assert_eq!(
        run(&["evaluate", PARTIAL, "--criteria", MINI, "-o", &old.to_string_lossy()]).0,
        0
    );
    assert_eq!(
        run(&["evaluate", COMPLETE, "--criteria", MINI, "-o", &new.to_string_lossy()]).0,
        0
    );
    let (code, out, err) = run(&["compare", &old.to_string_lossy(), &new.to_string_lossy()]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("compare_md", out);
    let (code, out, _) = run(&[
        "compare",
        &old.to_string_lossy(),
        &new.to_string_lossy(),
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("compare_csv", out);
    // The OpenDocument text, from the extension of -o: the engine's, byte for byte.
    let odt = dir.path().join("progress.odt");
    assert_eq!(
        run(&[
            "compare",
            &old.to_string_lossy(),
            &new.to_string_lossy(),
            "-o",
            &odt.to_string_lossy(),
            "--lang",
            "en"
        ])
        .0,
        0
    );
    let read =
        |p: &Path| tnl_engine::Report::from_json(&std::fs::read_to_string(p).expect("report"), "r").expect("valid");
    let c = tnl_engine::compare(&read(&old), &read(&new));
    assert_eq!(
        std::fs::read(&odt).expect("written"),
        tnl_engine::render::comparison_odt(&c, tnl_engine::Lang::En)
    );
    // Answers with an embedded edition.
    let (code, out, err) = run(&[
        "compare",
        "tests/calibration/boe-2024.answers.json",
        "tests/calibration/boe-2025.answers.json",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["old"]["edition"], "tnl-2024");
    assert_eq!(v["new"]["edition"], "tnl-2025");
}

#[test]
fn spreadsheets_come_from_the_extension_and_a_report_has_none() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    // The comparison and the dependency map: the engine's spreadsheets, byte for byte.
    assert_eq!(
        run(&["evaluate", PARTIAL, "--criteria", MINI, "-o", &path("old.json")]).0,
        0
    );
    assert_eq!(
        run(&["evaluate", COMPLETE, "--criteria", MINI, "-o", &path("new.json")]).0,
        0
    );
    let (code, out, err) = run(&["compare", &path("old.json"), &path("new.json"), "-o", &path("c.ods")]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    let read =
        |p: &str| tnl_engine::Report::from_json(&std::fs::read_to_string(p).expect("report"), "r").expect("valid");
    let c = tnl_engine::compare(&read(&path("old.json")), &read(&path("new.json")));
    assert_eq!(
        std::fs::read(path("c.ods")).expect("written"),
        tnl_engine::render::comparison_ods(&c, tnl_engine::Lang::Fr)
    );
    let inventory = "tests/golden/deps/commune-mixte.inventory.json";
    let (code, _, _) = run(&[
        "deps",
        inventory,
        "--today",
        "2026-11-29",
        "--format",
        "ods",
        "-o",
        &path("d"),
    ]);
    assert_eq!(code, 0);
    let map = std::fs::read(path("d")).expect("written");
    assert_eq!(
        &map[38..38 + tnl_engine::render::ODS_MIME.len()],
        tnl_engine::render::ODS_MIME.as_bytes()
    );
    // The territory table, from the extension of -o: a spreadsheet, with the failed input's row.
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    batch_folder(&input);
    let (code, stdout, _) = run(&[
        "batch",
        &input.to_string_lossy(),
        "--criteria",
        MINI,
        "-o",
        &path("t.ods"),
    ]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    let table = std::fs::read(path("t.ods")).expect("the table is written");
    assert_eq!(
        &table[38..38 + tnl_engine::render::ODS_MIME.len()],
        tnl_engine::render::ODS_MIME.as_bytes()
    );
    let content = String::from_utf8_lossy(&table).into_owned();
    assert!(content.contains("c-casse.json") && content.contains(r#"office:value-type="percentage""#));
    // A report has no spreadsheet form: a usage error, and nothing written.
    let (code, _, err) = run(&["evaluate", PARTIAL, "--criteria", MINI, "-o", &path("r.ods")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("a report has no spreadsheet (ods) form"), "{err}");
    assert!(!dir.path().join("r.ods").exists());
    let (code, _, err) = run(&[
        "batch",
        &input.to_string_lossy(),
        "--criteria",
        MINI,
        "--reports",
        &path("reports"),
        "--report-format",
        "ods",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(!dir.path().join("reports").exists());
}

#[test]
fn compare_refuses_criteria_and_unknown_editions() {
    let (code, _, err) = run(&["compare", MINI, PARTIAL]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "error: tests/fixtures/mini-edition.json: is a criteria file, not answers or a report\n  hint: `tnl compare` takes two answers files or two reports of the same collectivité\n"
    );
    let (code, _, err) = run(&["compare", PARTIAL, COMPLETE]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "error: tests/golden/mini-ville-partielle.answers.json: unknown edition \"mini\"\n  hint: the editions built into tnl are tnl-2025, tnl-2024\n  hint: evaluate against another edition with --criteria FILE\n"
    );
}

// ---------------------------------------------------------------- template, schema, editions

#[test]
fn template_from_last_years_answers_carries_them_into_the_edition() {
    let old = "tests/calibration/boe-2024.answers.json";
    let (code, out, err) = run(&["template", "--edition", "tnl-2025", "--from", old]);
    assert_eq!(code, 0, "{err}");
    let carried = tnl_engine::Answers::from_json(&out, "carried").expect("answers");
    let expected = tnl_engine::carry_over(
        &tnl_engine::Answers::from_json(&std::fs::read_to_string(root().join(old)).unwrap(), "old").unwrap(),
        &tnl_engine::editions::load("tnl-2025").unwrap().unwrap(),
    );
    assert_eq!(carried, expected.answers, "the engine's carry-over, as written");
    assert_eq!(carried.edition, "tnl-2025");
    assert_eq!(
        err,
        format!(
            "{old}: {} answers carried from tnl-2024 into tnl-2025, 0 not accepted by it, 0 to questions it no longer asks; {} questions to answer\n",
            expected.carried.len(),
            expected.new_questions.len()
        )
    );
    // The result is a valid answers file; -q says nothing; a file that is not answers is refused.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("boe-2025.answers.json");
    let (code, _, err) = run(&[
        "template",
        "--edition",
        "tnl-2025",
        "--from",
        old,
        "-o",
        &path.to_string_lossy(),
        "-q",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    let (code, _, err) = run(&["validate", &path.to_string_lossy()]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&["template", "--edition", "tnl-2025", "--from", INVENTORY]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("commune-mixte.inventory.json"), "{err}");
}

#[test]
fn template_schema_editions() {
    let (code, out, _) = run(&["template", "--edition", "tnl-2024"]);
    assert_eq!(code, 0);
    let a = tnl_engine::Answers::from_json(&out, "t").expect("answers");
    assert_eq!(a.edition, "tnl-2024");
    let (code, _, err) = run(&["template", "--edition", "nope"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: unknown edition \"nope\" for --edition\n  hint: the editions built into tnl are tnl-2025, tnl-2024\n"
    );
    for kind in ["criteria", "answers", "report"] {
        let (code, out, _) = run(&["schema", kind]);
        assert_eq!(code, 0);
        let v: serde_json::Value = serde_json::from_str(&out).expect("schema is JSON");
        assert!(v.get("$schema").is_some(), "{kind}");
    }
    let (code, out, _) = run(&["editions", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("tnl-2025\t2025\t"), "{out}");
    assert!(out.contains("\ntnl-2024\t2024\t"), "{out}");
}

#[test]
fn no_colour_when_piped_or_with_no_color() {
    let (_, _, err) = run_with(tnl().args(["evaluate", "nope.json"]).env("NO_COLOR", "1"));
    assert!(!err.contains('\x1b'));
    let (_, _, err) = run(&["evaluate", "nope.json"]);
    assert!(!err.contains('\x1b'));
}

// ---------------------------------------------------------------- deps, catalog

const CATALOGUE: &str = "tests/fixtures/mini-catalogue.json";
const INVENTORY: &str = "tests/golden/deps/commune-mixte.inventory.json";
const CLEAN_INVENTORY: &str = "tests/golden/deps/syndicat-libre.inventory.json";
const SILL: &str = "cli/tests/fixtures/sill.json";

fn engine_deps_report() -> tnl_engine::deps::DependencyReport {
    use tnl_engine::deps::{dependency_report, Catalogue, DepsOptions, Inventory};
    let catalogue = Catalogue::from_json(
        &std::fs::read_to_string(root().join(CATALOGUE)).expect("catalogue"),
        "c",
    )
    .expect("valid");
    let inventory = Inventory::from_json(
        &std::fs::read_to_string(root().join(INVENTORY)).expect("inventory"),
        "i",
    )
    .expect("valid");
    dependency_report(
        &catalogue,
        &inventory,
        &DepsOptions {
            today: Some("2026-11-29".into()),
        },
    )
}

#[test]
fn deps_json_is_the_engines_report() {
    let (code, out, err) = run(&["deps", INVENTORY, "--catalogue", CATALOGUE, "--today", "2026-11-29"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, engine_deps_report().to_json_pretty() + "\n");
    // Unknown product and unreadable line: diagnostics, a warning, exit 0.
    assert_eq!(
        err,
        format!("warning: {INVENTORY}: 3 problems in the inventory, see the diagnostics in the report (or run `tnl validate {INVENTORY}`)\n")
    );
    let (_, _, err) = run(&[
        "deps",
        INVENTORY,
        "--catalogue",
        CATALOGUE,
        "--today",
        "2026-11-29",
        "-q",
    ]);
    assert_eq!(err, "");
}

#[test]
fn deps_renders_every_format_like_the_renderers() {
    let r = engine_deps_report();
    let args = [
        "deps",
        INVENTORY,
        "--catalogue",
        CATALOGUE,
        "--today",
        "2026-11-29",
        "-q",
    ];
    let (_, md, _) = run(&[&args[..], &["--format", "md"]].concat());
    assert_eq!(md, tnl_engine::render::deps_markdown(&r, tnl_engine::Lang::Fr));
    let (_, csv, _) = run(&[&args[..], &["--format", "csv", "--lang", "en"]].concat());
    assert_eq!(csv, tnl_engine::render::deps_csv(&r, tnl_engine::Lang::En));
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("deps.html");
    let (code, stdout, _) = run(&[&args[..], &["-o", &out.to_string_lossy()]].concat());
    assert_eq!((code, stdout.as_str()), (0, ""));
    assert_eq!(
        std::fs::read_to_string(&out).expect("written"),
        tnl_engine::render::deps_html(&r, tnl_engine::Lang::Fr)
    );
}

#[test]
fn deps_uses_the_embedded_catalogue_and_the_system_date() {
    let (code, out, err) = run(&["deps", CLEAN_INVENTORY]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["kind"], "dependency_report");
    let shipped: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("criteria/catalogue.json")).expect("catalogue"))
            .expect("json");
    assert_eq!(v["catalogue_version"], shipped["version"]);
    // Without --today the system date is passed: contract ends are flagged either way.
    let (_, out, _) = run(&["deps", INVENTORY, "--catalogue", CATALOGUE, "-q"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert!(v["migration_windows"]
        .as_array()
        .expect("windows")
        .iter()
        .all(|w| w["expired"].is_boolean()));
}

#[test]
fn deps_bad_inputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out.json");
    let o = out.to_string_lossy().into_owned();
    let not_json = write(dir.path(), "x.json", b"{\"format\": 1, \"kind\": \"inventory\", ");
    let (code, _, err) = run(&["deps", &not_json, "-o", &o]);
    assert_eq!(code, 1);
    assert!(
        err.contains("invalid inventory file") && err.contains("valid JSON"),
        "{err}"
    );
    let (code, _, err) = run(&["deps", PARTIAL, "-o", &o]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!("error: {PARTIAL}: is an answers file, not an inventory\n  hint: `tnl deps` takes a software inventory (\"kind\": \"inventory\"); see `tnl schema inventory`\n  hint: to pre-fill an answers file from an inventory: tnl deps INVENTORY --prefill ANSWERS\n")
    );
    let (code, _, err) = run(&["deps", INVENTORY, "--today", "29/11/2026", "-o", &o]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: invalid date \"29/11/2026\" for --today"),
        "{err}"
    );
    let (code, _, _) = run(&["deps", INVENTORY, "--catalogue", PARTIAL, "-o", &o]);
    assert_eq!(code, 1, "an answers file is not a catalogue");
    assert!(!out.exists(), "nothing written on failure");
    let (code, _, err) = run(&["evaluate", INVENTORY]);
    assert_eq!(code, 1);
    assert!(err.contains("is an inventory, not an answers file"), "{err}");
}

#[test]
fn deps_prefill_fills_only_what_is_unanswered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blank = dir.path().join("a.json");
    let (code, _, _) = run(&["template", "-o", &blank.to_string_lossy()]);
    assert_eq!(code, 0);
    // One question answered by hand beforehand: it must be kept.
    let mut answers: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&blank).expect("template")).expect("json");
    answers["answers"]["logiciels.postes_linux"] = serde_json::json!(5);
    std::fs::write(&blank, answers.to_string()).expect("write");
    let filled = dir.path().join("b.json");
    let (code, out, err) = run(&[
        "deps",
        INVENTORY,
        "--catalogue",
        CATALOGUE,
        "--prefill",
        &blank.to_string_lossy(),
        "-o",
        &filled.to_string_lossy(),
    ]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let name = redact(&blank.to_string_lossy(), dir.path());
    assert!(
        redact(&err, dir.path()).starts_with(&format!(
            "{name}: 5 questions pre-filled from the inventory (6 proposed, 1 already answered)"
        )),
        "{err}"
    );
    let b: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&filled).expect("written")).expect("json");
    assert_eq!(
        b["answers"]["logiciels.postes_linux"],
        serde_json::json!(5),
        "never overwritten"
    );
    let prefilled: Vec<&String> = b["answers"]
        .as_object()
        .expect("answers")
        .iter()
        .filter(|(_, a)| a.get("justification").is_some())
        .map(|(k, _)| k)
        .collect();
    assert_eq!(prefilled.len(), 5);
    assert!(b["answers"]["logiciels.suite_bureautique"]["justification"]
        .as_str()
        .expect("text")
        .starts_with("pré-rempli depuis l'inventaire"));
    // --lang en writes the justifications in English.
    let english = dir.path().join("c.json");
    let (code, _, err) = run(&[
        "deps",
        INVENTORY,
        "--catalogue",
        CATALOGUE,
        "--prefill",
        &blank.to_string_lossy(),
        "-o",
        &english.to_string_lossy(),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{err}");
    let c: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&english).expect("written")).expect("json");
    let why = c["answers"]["logiciels.suite_bureautique"]["justification"]
        .as_str()
        .expect("text");
    assert!(
        why.starts_with("pre-filled from the inventory (") && why.ends_with(") — to be checked"),
        "{why}"
    );
    // The same figures as the engine.
    let criteria = tnl_engine::editions::load("tnl-2025")
        .expect("embedded")
        .expect("valid");
    let proposed = tnl_engine::deps::prefill(&engine_deps_report(), &criteria, tnl_engine::Lang::Fr);
    assert_eq!(proposed.len(), 6);
    // The result is a valid answers file; --quiet says nothing.
    let (code, _, err) = run(&["validate", &filled.to_string_lossy(), "-q"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&[
        "deps",
        INVENTORY,
        "--catalogue",
        CATALOGUE,
        "--prefill",
        &filled.to_string_lossy(),
        "-q",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    let (code, _, _) = run(&[
        "deps",
        INVENTORY,
        "--prefill",
        &filled.to_string_lossy(),
        "--format",
        "md",
    ]);
    assert_eq!(code, 2, "--format goes with the report, not --prefill");
}

#[test]
fn catalog_import_sill() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("catalogue.json");
    let o = out.to_string_lossy().into_owned();
    let (code, stdout, err) = run(&["catalog", "import-sill", SILL, "--catalogue", CATALOGUE, "-o", &o]);
    assert_eq!((code, stdout.as_str()), (0, ""), "{err}");
    assert_eq!(
        redact(&err, dir.path()),
        format!("{SILL}: 4 entries read, 1 matched to the catalogue, 2 added, 1 free alternatives recorded, 1 skipped (no name); 14 products in TMP/catalogue.json\n")
    );
    let merged = tnl_engine::deps::Catalogue::from_json(&std::fs::read_to_string(&out).expect("written"), "merged")
        .expect("valid");
    assert_eq!(
        merged.product("ms-office").expect("kept").alternatives,
        vec!["libreoffice", "collabora-online"]
    );
    let (code, out_text, _) = run(&["validate", &o]);
    assert_eq!(code, 0);
    assert!(out_text.contains("ok, catalogue version 0.1.0, 14 products"));
    // Into the embedded catalogue by default.
    let (code, _, err) = run(&["catalog", "import-sill", SILL, "-o", "-", "-q"]);
    assert_eq!((code, err.as_str()), (0, ""));
}

#[test]
fn catalog_import_sill_bad_inputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("catalogue.json");
    let o = out.to_string_lossy().into_owned();
    let object = write(dir.path(), "object.json", b"{\"foo\": 1}");
    let (code, _, err) = run(&["catalog", "import-sill", &object, "-o", &o]);
    assert_eq!(code, 1);
    assert_eq!(
        redact(&err, dir.path()),
        "error: TMP/object.json: not a SILL export (1 problem)\nTMP/object.json: at (document root): expected the SILL export: an array of software, or an object with \"softwares\", found an object without it\n  hint: pass the SILL's JSON export: an array of software objects (\"softwareName\", \"softwareId\", …)\n"
    );
    let number = write(dir.path(), "number.json", b"42");
    let (code, _, err) = run(&["catalog", "import-sill", &number, "-o", &o]);
    assert_eq!(code, 1);
    assert!(err.contains("found the number 42"), "{err}");
    let not_json = write(dir.path(), "broken.json", b"[{\"softwareName\": ");
    let (code, _, err) = run(&["catalog", "import-sill", &not_json, "-o", &o]);
    assert_eq!(code, 1);
    assert!(err.contains("broken.json: not JSON"), "{err}");
    assert!(!out.exists(), "nothing written on failure");
    let (code, _, _) = run(&["catalog", "import-sill", SILL]);
    assert_eq!(code, 2, "-o is required");
}

#[test]
fn validate_inventories_and_catalogues() {
    let (code, out, err) = run(&[
        "validate",
        CATALOGUE,
        "criteria/catalogue.json",
        CLEAN_INVENTORY,
        "--catalogue",
        CATALOGUE,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("tests/fixtures/mini-catalogue.json: ok, catalogue version 0.1.0, 12 products"),
        "{out}"
    );
    assert!(out.contains("criteria/catalogue.json: ok, catalogue version"), "{out}");
    assert!(
        out.contains(&format!(
            "{CLEAN_INVENTORY}: ok, inventory of \"Syndicat du Libre\", 4 items in 4 functions"
        )),
        "{out}"
    );
    // An unreadable line is an error; an unknown product a warning.
    let (code, out, err) = run(&["validate", INVENTORY, "--catalogue", CATALOGUE, "--lang", "en"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.contains(&format!("error: {INVENTORY}: at /items/10: inventory line 11 ignored")),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "warning: {INVENTORY}: at /items/9/product: product \"logiciel-inconnu\" is not in the catalogue"
        )),
        "{err}"
    );
    let (_, dep, _) = run(&["deps", CLEAN_INVENTORY, "-q"]);
    let dir = tempfile::tempdir().expect("tempdir");
    let report = write(dir.path(), "r.json", dep.as_bytes());
    let (code, out, _) = run(&["validate", &report]);
    assert_eq!(code, 0);
    assert!(out.contains("ok, dependency report on \"Syndicat du Libre\""), "{out}");
}

#[test]
fn schema_of_catalogues_and_inventories() {
    for kind in ["catalogue", "inventory"] {
        let (code, out, _) = run(&["schema", kind]);
        assert_eq!(code, 0);
        let v: serde_json::Value = serde_json::from_str(&out).expect("a JSON Schema");
        assert_eq!(v["$id"], format!("urn:tnl:schema:{kind}:1"));
    }
}

#[test]
fn batch_mixes_answers_and_inventories() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    std::fs::copy(root().join(PARTIAL), input.join("a-ville.json")).expect("copy");
    std::fs::copy(root().join(INVENTORY), input.join("b-inventaire.json")).expect("copy");
    let i = input.to_string_lossy().into_owned();
    let (code, csv, err) = run(&["batch", &i, "--criteria", MINI, "--catalogue", CATALOGUE, "-j", "2"]);
    assert_eq!(code, 0, "{err}");
    let csv = redact(&csv, dir.path());
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].starts_with("source,type,name,")
            && lines[0].ends_with(",hhi_seats,top_vendor,next_contract_end,error"),
        "{csv}"
    );
    assert!(lines[1].starts_with("TMP/in/a-ville.json,answers,Ville-sur-Code,"));
    let r = engine_deps_report();
    assert!(lines[2].starts_with("TMP/in/b-inventaire.json,inventory,Commune de Mixte-sur-Loire,commune,8000,"));
    assert!(
        lines[2].ends_with(&format!(
            ",{},{},Microsoft,2026-09-30,",
            r.exposure.extra_eu_cost, r.concentration.hhi_seats
        )),
        "{csv}"
    );
    assert!(
        lines
            .iter()
            .all(|l| l.split(',').count() == lines[0].split(',').count()),
        "{csv}"
    );
    let (code, md, _) = run(&[
        "batch",
        &i,
        "--criteria",
        MINI,
        "--catalogue",
        CATALOGUE,
        "--format",
        "md",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        md.matches("| source | name | kind | population |").count(),
        2,
        "a table per type: {md}"
    );
    let (_, jsonl, _) = run(&[
        "batch",
        &i,
        "--criteria",
        MINI,
        "--catalogue",
        CATALOGUE,
        "--format",
        "jsonl",
    ]);
    let rows: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(
        (rows[0]["type"].as_str(), rows[1]["type"].as_str()),
        (Some("answers"), Some("inventory"))
    );
    assert_eq!(
        rows[1]["free_function_share"],
        serde_json::json!(r.summary.free_function_share)
    );
}

#[test]
fn deps_and_catalog_help_have_examples() {
    for args in [
        &["deps", "--help"][..],
        &["catalog", "import-sill", "--help"],
        &["catalog", "--help"],
    ] {
        let (code, out, _) = run(args);
        assert_eq!(code, 0, "{args:?}");
        assert!(out.contains("Usage: tnl"), "{args:?}");
    }
    for args in [&["deps", "--help"][..], &["catalog", "import-sill", "--help"]] {
        let (_, out, _) = run(args);
        assert!(out.contains("Examples:") && out.contains("Exit codes:"), "{args:?}");
    }
}
