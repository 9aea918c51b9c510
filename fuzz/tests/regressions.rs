//! Every input the fuzz harness saved under `tests/fuzz-regressions/` (named after its reader)
//! goes through its reader again: none may panic any more.

use tnl_fuzz::{regressions_dir, run_caught, targets::Context, Reader};

#[test]
fn saved_fuzz_inputs_no_longer_crash() {
    let ctx = Context::load().expect("the shipped data and fixtures load");
    let mut failures = Vec::new();
    let mut replayed = 0;
    let mut entries: Vec<_> = std::fs::read_dir(regressions_dir())
        .expect("tests/fuzz-regressions exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "bin"))
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().expect("a name").to_string_lossy().into_owned();
        let reader = Reader::from_name(&name).unwrap_or_else(|| panic!("{name}: no reader of that name"));
        let bytes = std::fs::read(&path).expect("readable");
        replayed += 1;
        if let Err(message) = run_caught(reader, &bytes, &ctx) {
            failures.push(format!("{name}: {message}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{replayed} replayed, crashes:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_reader_has_seeds_and_reads_them() {
    let ctx = Context::load().expect("the shipped data and fixtures load");
    let seeds = tnl_fuzz::Seeds::load(&tnl_fuzz::repo_root());
    for reader in Reader::ALL {
        let own = seeds.of(reader);
        assert!(!own.is_empty(), "{}: no seeds", reader.name());
        let read = own.iter().filter(|s| run_caught(reader, s, &ctx) == Ok(true)).count();
        assert!(
            read > 0,
            "{}: no seed is read, so nothing is fuzzed past the reader",
            reader.name()
        );
    }
}
