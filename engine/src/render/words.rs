//! Numbers, percentages, amounts and dates written as people write them, in French and English:
//! every document and the app show them through these functions, so they agree to the character.

use crate::text::Lang;

/// The separator between a label and its value: a space before the colon in French only.
pub(crate) fn colon(lang: Lang) -> &'static str {
    tr(lang, " : ", ": ")
}

/// A name in quotation marks: « » in French, " " in English.
pub(crate) fn quoted(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("« {name} »"),
        Lang::En => format!("\"{name}\""),
    }
}

/// Picks the French or English form of a fixed label.
fn tr(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// A score out of 1000 as a percentage with one decimal: `62,3 %` in French (a no-break space
/// before the sign, as French typography wants), `62.3%` in English. The app shows the same.
pub fn percent(per_mille: u32, lang: Lang) -> String {
    let (whole, tenth) = (per_mille / 10, per_mille % 10);
    match lang {
        Lang::Fr => format!("{whole},{tenth}\u{a0}%"),
        Lang::En => format!("{whole}.{tenth}%"),
    }
}

/// A signed change out of 1000, as percentage points: `+4,5 pts`, `−1,0 pts` (a true minus
/// sign), `±0,0 pts`; the unit after a no-break space in French. The app shows the same.
pub fn delta_points(delta: i32, lang: Lang) -> String {
    let sign = match delta.signum() {
        1 => "+",
        -1 => "\u{2212}",
        _ => "±",
    };
    let abs = delta.unsigned_abs();
    match lang {
        Lang::Fr => format!("{sign}{},{}\u{a0}pts", abs / 10, abs % 10),
        Lang::En => format!("{sign}{}.{} pts", abs / 10, abs % 10),
    }
}

/// An integer with thousands separators: a narrow no-break space in French (`12 345`), a
/// comma in English (`12,345`).
pub fn thousands(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = tr(lang, "\u{202f}", ",");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// An amount in whole euros: `47 841 €` in French (a no-break space before the sign), `€47,841`
/// in English.
pub fn euros(n: u64, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{}\u{a0}€", thousands(n, lang)),
        Lang::En => format!("€{}", thousands(n, lang)),
    }
}

/// A signed amount in whole euros, with a true minus sign: `+1 200 €`, `−€5`.
pub fn signed_euros(n: i64, lang: Lang) -> String {
    let sign = if n < 0 { "\u{2212}" } else { "+" };
    format!("{sign}{}", euros(n.unsigned_abs(), lang))
}

/// The year, month and day of a `YYYY-MM-DD` date with a month 1–12 and a day 1–31.
pub(crate) fn iso_date(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return None;
    }
    let (y, m, d) = (s[0..4].parse().ok()?, s[5..7].parse().ok()?, s[8..10].parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// A date as people write it: « 31 mars 2026 », "31 March 2026".
pub(crate) fn date_words(y: u32, m: u32, d: u32, lang: Lang) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = match lang {
        Lang::Fr => FR,
        Lang::En => EN,
    };
    let month = names[(m as usize).clamp(1, 12) - 1];
    match (lang, d) {
        (Lang::Fr, 1) => format!("1er {month} {y}"),
        _ => format!("{d} {month} {y}"),
    }
}

/// A date from a file (`2025-10-15`, or a timestamp such as `2025-10-15T00:00:00Z`) as people
/// write it, or `None` when it does not start with a valid `YYYY-MM-DD` date.
pub fn date_in_words(text: &str, lang: Lang) -> Option<String> {
    let day = text.get(..10)?;
    if text.len() > 10 && !text[10..].starts_with('T') {
        return None;
    }
    iso_date(day).map(|(y, m, d)| date_words(y, m, d, lang))
}
