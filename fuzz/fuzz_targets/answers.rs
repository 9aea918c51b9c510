//! Any bytes read as an answers file, then evaluated against every shipped edition: reading may
//! fail with an error, evaluation may not panic, and the report must stay within bounds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use tnl_engine::{editions, evaluate, Answers, Criteria};

fn criteria() -> &'static [Criteria] {
    static C: OnceLock<Vec<Criteria>> = OnceLock::new();
    C.get_or_init(|| editions::EDITIONS.iter().filter_map(|e| editions::load(e.id)?.ok()).collect())
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(answers) = Answers::from_json(text, "fuzz.json") else { return };
    for c in criteria() {
        let r = evaluate(c, &answers);
        assert!(r.score.per_mille <= 1000);
        assert!(r.completeness.answered <= r.completeness.applicable);
        let _ = r.to_json();
    }
});
