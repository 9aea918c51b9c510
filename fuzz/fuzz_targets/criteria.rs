//! Any bytes read as a criteria file: both validation stages may refuse it, never panic; a file
//! they accept must evaluate empty answers without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tnl_engine::{evaluate, Answers, Criteria, Profile};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(c) = Criteria::from_json(text, "fuzz.json") {
        let _ = evaluate(&c, &Answers::new(c.id(), Profile::default()));
    }
});
