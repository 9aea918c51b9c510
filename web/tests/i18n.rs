//! Every UI string is in `web/src/i18n.rs`, once in French and once in English: the two tables
//! name the same strings, none is empty, and each translation has the same `{placeholders}` (a
//! placeholder missing from one language would show its raw `{name}` to the user).

use std::collections::BTreeMap;

/// The `name: "text"` entries of the `pub const {lang}: Strings = Strings { … };` block.
fn table(source: &str, lang: &str) -> BTreeMap<String, String> {
    let start = source
        .find(&format!("pub const {lang}: Strings = Strings {{"))
        .unwrap_or_else(|| panic!("no {lang} table"));
    let body = &source[start..];
    let body = &body[..body.find("\n};").unwrap_or_else(|| panic!("{lang} table not closed"))];
    let mut out = BTreeMap::new();
    for line in body.lines().skip(1) {
        let line = line.trim();
        let Some((name, rest)) = line.split_once(": ") else {
            continue;
        };
        if name.starts_with("//") || !rest.starts_with('"') {
            continue;
        }
        let text = rest.trim_end_matches(',');
        let text: String = serde_json::from_str(text).unwrap_or_else(|e| panic!("{lang}.{name}: {e}: {text}"));
        assert!(out.insert(name.to_owned(), text).is_none(), "{lang}.{name} twice");
    }
    out
}

fn placeholders(text: &str) -> Vec<&str> {
    let mut v: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(name, _)| name))
        .collect();
    tnl_engine::sort::sort_unstable(&mut v);
    v.dedup();
    v
}

#[test]
fn french_and_english_tables_match() {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/i18n.rs")).expect("i18n.rs");
    let (fr, en) = (table(&source, "FR"), table(&source, "EN"));
    // Every field of `Strings` is read from each table (none written over two lines and missed).
    let fields = source
        .split("pub struct Strings {")
        .nth(1)
        .and_then(|b| b.split("\n}").next())
        .expect("struct Strings");
    let declared = fields
        .lines()
        .filter(|l| l.trim_start().starts_with("pub ") && l.contains(": &'static str"))
        .count();
    assert!(declared > 100, "{declared} fields");
    assert_eq!(fr.len(), declared, "French strings read against fields declared");
    assert_eq!(fr.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>());
    for (name, f) in &fr {
        let e = &en[name];
        assert!(!f.trim().is_empty() && !e.trim().is_empty(), "{name} is empty");
        assert_eq!(placeholders(f), placeholders(e), "{name}: « {f} » / \"{e}\"");
    }
    assert_eq!(placeholders(&fr["missing_for_tier"]), ["tier"]);
}

/// French puts a space before `:` and `;` and writes « »; English does not. The typography is a
/// string of each table (`colon`, `semicolon`), never a literal of a component, so the English
/// interface shows no French punctuation.
#[test]
fn punctuation_follows_the_language() {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/i18n.rs")).expect("i18n.rs");
    let (fr, en) = (table(&source, "FR"), table(&source, "EN"));
    assert_eq!((fr["colon"].as_str(), en["colon"].as_str()), (" : ", ": "));
    assert_eq!((fr["semicolon"].as_str(), en["semicolon"].as_str()), (" ; ", "; "));
    for (name, e) in &en {
        assert!(
            !e.contains(" :") && !e.contains(" ;") && !e.contains('«'),
            "EN.{name} has French punctuation: {e:?}"
        );
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/components");
    let mut read = 0;
    for entry in std::fs::read_dir(dir).expect("components") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("component");
        for (n, line) in text.lines().enumerate() {
            for bad in ["\" : \"", "\" ; \"", "\"{} : {}\"", "(\" : "] {
                assert!(
                    !line.contains(bad),
                    "{}:{}: write s.colon or s.semicolon instead of {bad}: {line}",
                    path.display(),
                    n + 1
                );
            }
        }
        read += 1;
    }
    assert!(read > 10, "{read} components read");
}
