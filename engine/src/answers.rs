//! The answers format: one collectivité's answers to one edition.
//!
//! Reading is lenient by design: only input that cannot be used at all is an [`Error`]. A profile
//! field of the wrong type or an answer object with odd fields is kept as written (so saving the
//! file again loses nothing) and reported as a [`Diagnostic`] when evaluated.

use crate::diagnostic::DiagnosticKind;
use crate::error::{escape_pointer, Error, FileKind, Problem};
use crate::profile::{Kind, Profile};
use crate::report::Diagnostic;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The only answers format version this engine reads and writes.
pub const ANSWERS_FORMAT: u32 = 1;

/// One answer, as written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answer {
    /// The value; `None` means unanswered.
    pub value: Option<Value>,
    /// Declared not applicable.
    pub not_applicable: bool,
    /// Why (for N/A), or the evidence behind the value.
    pub justification: Option<String>,
    /// When the answer was last changed (RFC 3339, written by the host).
    pub updated_at: Option<String>,
    /// Fields this engine does not know, kept as written.
    pub extra: Map<String, Value>,
}

impl Answer {
    /// An answer with a value.
    pub fn value(value: Value) -> Answer {
        Answer {
            value: Some(value),
            ..Answer::default()
        }
    }

    /// A "not applicable" declaration.
    pub fn not_applicable(justification: impl Into<String>) -> Answer {
        Answer {
            not_applicable: true,
            justification: Some(justification.into()),
            ..Answer::default()
        }
    }

    /// Whether the answer says anything (a value or N/A).
    pub fn is_given(&self) -> bool {
        self.not_applicable || self.value.as_ref().is_some_and(|v| !v.is_null())
    }

    fn is_bare(&self) -> bool {
        !self.not_applicable && self.justification.is_none() && self.updated_at.is_none() && self.extra.is_empty()
    }
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.is_bare() {
            return match &self.value {
                Some(v) => v.serialize(s),
                None => s.serialize_none(),
            };
        }
        let mut m = s.serialize_map(None)?;
        if let Some(v) = &self.value {
            m.serialize_entry("value", v)?;
        }
        if self.not_applicable {
            m.serialize_entry("not_applicable", &true)?;
        }
        if let Some(j) = &self.justification {
            m.serialize_entry("justification", j)?;
        }
        if let Some(u) = &self.updated_at {
            m.serialize_entry("updated_at", u)?;
        }
        for (k, v) in &self.extra {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// A collectivité's answers to one edition.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Answers {
    /// Format version ([`ANSWERS_FORMAT`]).
    pub format: u32,
    /// Id of the edition answered.
    pub edition: String,
    /// Who answers.
    pub profile: Profile,
    /// Answers by question id.
    pub answers: BTreeMap<String, Answer>,
    /// When the answers were last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Top-level fields this engine does not know, kept as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
    /// Problems found while reading (profile fields of the wrong type…), reported at evaluation.
    #[serde(skip)]
    pub(crate) read_diagnostics: Vec<Diagnostic>,
}

impl Answers {
    /// Empty answers for an edition.
    pub fn new(edition: impl Into<String>, profile: Profile) -> Answers {
        Answers {
            format: ANSWERS_FORMAT,
            edition: edition.into(),
            profile,
            ..Answers::default()
        }
    }

    /// Reads answers from JSON text. `file` names the file in errors.
    pub fn from_json(text: &str, file: &str) -> Result<Answers, Error> {
        // One pass from the text into the answers, without building the document as a JSON
        // value first (a batch reads thousands of files). Anything unusual (not an object,
        // "answers" not an object, a syntax error) takes the general path below, which gives
        // the same result and the precise error.
        if let Ok(EnvelopeView { top, entries }) = serde_json::from_str::<EnvelopeView>(text) {
            // Collected, then built into the map at once: question ids share long prefixes,
            // and inserting one by one compares them over and over. As with a JSON object, the
            // last of two equal keys wins.
            let answers = entries.map(|e| crate::sort::collect_map(e.into_iter().map(|(id, a)| (id.into_owned(), a))));
            return Answers::from_object(top, answers, file);
        }
        let value = crate::criteria::parse_json(text, file, FileKind::Answers)?;
        Answers::from_value(value, file)
    }

    /// Reads answers from a parsed document.
    pub fn from_value(value: Value, file: &str) -> Result<Answers, Error> {
        let Value::Object(top) = value else {
            return Err(Error::one(
                file,
                FileKind::Answers,
                Problem::bi("", "un objet JSON avec « format », « edition », « profile » et « answers »", "a JSON object with \"format\", \"edition\", \"profile\" and \"answers\"")
                    .found_value(&value)
                    .hint_bi(
                        "un fichier de réponses s'obtient par « Exporter les réponses » ou par `tnl template --edition tnl-2025`",
                        "run `tnl template --edition tnl-2025` for a blank answers file",
                    ),
            ));
        };
        Answers::from_object(top, None, file)
    }

    /// Reads answers from the top-level object; `answers` is the `"answers"` member when it was
    /// already read (it is then absent from `top`).
    fn from_object(
        mut top: Map<String, Value>,
        answers: Option<BTreeMap<String, Answer>>,
        file: &str,
    ) -> Result<Answers, Error> {
        let err = |p: Problem| Error::one(file, FileKind::Answers, p);
        read_format(&mut top).map_err(err)?;
        let edition = read_edition(&mut top).map_err(err)?;
        let mut diags = Vec::new();
        let profile = match top.remove("profile") {
            Some(Value::Object(p)) => read_profile(p, &mut diags),
            Some(other) => {
                return Err(err(Problem::bi(
                    "/profile",
                    "un objet avec le nom, la catégorie et la taille de la collectivité",
                    "an object with the collectivité's name, kind and size",
                )
                .found_value(&other)))
            }
            None => {
                diags.push(Diagnostic::new(DiagnosticKind::ProfileMissing, "/profile"));
                Profile::default()
            }
        };
        let answers = match (answers, top.remove("answers")) {
            (Some(a), _) => a,
            (None, Some(Value::Object(a))) => crate::sort::collect_map(a.into_iter().map(|(k, v)| (k, read_answer(v)))),
            (None, Some(other)) => {
                return Err(err(Problem::bi(
                    "/answers",
                    "un objet des réponses par identifiant de question",
                    "an object of answers keyed by question id",
                )
                .found_value(&other)))
            }
            (None, None) => BTreeMap::new(),
        };
        let updated_at = match top.remove("updated_at") {
            Some(Value::String(s)) => Some(s),
            Some(other) => {
                top.insert("updated_at".into(), other);
                None
            }
            None => None,
        };
        Ok(Answers {
            format: ANSWERS_FORMAT,
            edition,
            profile,
            answers,
            updated_at,
            extra: top,
            read_diagnostics: diags,
        })
    }

    /// Checks that these answers are for `criteria`'s edition.
    pub fn check_edition(&self, criteria: &crate::Criteria, file: &str) -> Result<(), Error> {
        if self.edition == criteria.id() {
            Ok(())
        } else {
            Err(Error::one(
                file,
                FileKind::Answers,
                Problem::bi(
                    "/edition",
                    format!("des réponses à l'édition « {} »", criteria.id()),
                    format!("answers to edition \"{}\"", criteria.id()),
                )
                .found_bi(format!("« {} »", self.edition), format!("\"{}\"", self.edition))
                .hint_bi(
                    format!(
                        "évaluez avec l'édition « {} », ou commencez des réponses à « {} »",
                        self.edition,
                        criteria.id()
                    ),
                    format!(
                        "evaluate with the edition \"{}\", or start a new answers file for \"{}\"",
                        self.edition,
                        criteria.id()
                    ),
                ),
            ))
        }
    }

    /// Pretty JSON, as written back to disk.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

pub(crate) fn json_type(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 40 => {
            format!("a string (\"{}…\")", s.chars().take(40).collect::<String>())
        }
        Value::String(s) => format!("the string \"{s}\""),
        Value::Array(a) => format!("an array of {} item{}", a.len(), if a.len() == 1 { "" } else { "s" }),
        Value::Object(_) => "an object".into(),
    }
}

fn read_profile(mut p: Map<String, Value>, diags: &mut Vec<Diagnostic>) -> Profile {
    let mut bad = |field: &str, expected_fr: &str, expected_en: &str, v: &Value| {
        diags.push(Diagnostic::new(
            DiagnosticKind::ProfileInvalid {
                field,
                expected_fr,
                expected_en,
                found: v,
            },
            &format!("/profile/{}", escape_pointer(field)),
        ));
    };
    let mut profile = Profile::default();
    match p.remove("name") {
        Some(Value::String(s)) => profile.name = s,
        Some(v) => {
            bad("name", "un texte", "a string", &v);
            profile.extra.insert("name".into(), v);
        }
        None => {}
    }
    match p.remove("kind") {
        Some(Value::String(s)) if Kind::parse(&s).is_some() => profile.kind = Kind::parse(&s),
        Some(Value::Null) | None => {}
        Some(v) => {
            bad(
                "kind",
                &format!("l'un de {}", Kind::ALL_NAMES),
                &format!("one of {}", Kind::ALL_NAMES),
                &v,
            );
            profile.extra.insert("kind".into(), v);
        }
    }
    match p.remove("siren") {
        Some(Value::String(s)) if s.len() == 9 && s.bytes().all(|b| b.is_ascii_digit()) => profile.siren = Some(s),
        Some(Value::Null) | None => {}
        Some(v) => {
            bad("siren", "neuf chiffres", "nine digits", &v);
            profile.extra.insert("siren".into(), v);
        }
    }
    for field in ["population", "agents", "workstations"] {
        match p.remove(field) {
            Some(Value::Number(n)) if n.as_u64().is_some() => {
                let v = n.as_u64();
                match field {
                    "population" => profile.population = v,
                    "agents" => profile.agents = v,
                    _ => profile.workstations = v,
                }
            }
            Some(Value::Null) | None => {}
            Some(v) => {
                bad(field, "un entier positif ou nul", "a non-negative integer", &v);
                profile.extra.insert(field.into(), v);
            }
        }
    }
    profile.extra.extend(p);
    profile
}

fn read_answer(v: Value) -> Answer {
    match v {
        Value::Object(mut m)
            if m.contains_key("value") || m.contains_key("not_applicable") || m.contains_key("justification") =>
        {
            let value = m.remove("value");
            let not_applicable = match m.remove("not_applicable") {
                Some(Value::Bool(b)) => b,
                Some(other) => {
                    m.insert("not_applicable".into(), other);
                    false
                }
                None => false,
            };
            let justification = match m.remove("justification") {
                Some(Value::String(s)) => Some(s),
                Some(other) => {
                    m.insert("justification".into(), other);
                    None
                }
                None => None,
            };
            let updated_at = match m.remove("updated_at") {
                Some(Value::String(s)) => Some(s),
                Some(other) => {
                    m.insert("updated_at".into(), other);
                    None
                }
                None => None,
            };
            Answer {
                value,
                not_applicable,
                justification,
                updated_at,
                extra: m,
            }
        }
        Value::Null => Answer::default(),
        other => Answer::value(other),
    }
}

/// Answers read only to be summarised ([`crate::summarize_view`]): everything but the answers
/// as [`Answers`] (whose `answers` map stays empty), and the answers as a list sorted by id,
/// the ids borrowed from the text when written without escapes. No map to build, no id to copy
/// and no map to free: cheaper than [`Answers::from_json`] for hosts that read thousands of
/// files for one row each (`tnl batch`). Reading accepts and refuses the same texts, with the
/// same errors.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswersView<'t> {
    head: Answers,
    /// Sorted by id; equal ids keep their order in the text (the last one wins).
    entries: Vec<(std::borrow::Cow<'t, str>, Answer)>,
}

impl<'t> AnswersView<'t> {
    /// Reads answers from JSON text. `file` names the file in errors.
    pub fn from_json(text: &'t str, file: &str) -> Result<AnswersView<'t>, Error> {
        let (head, mut entries) = match serde_json::from_str::<EnvelopeView<'t>>(text) {
            Ok(EnvelopeView { top, entries }) => (
                Answers::from_object(top, Some(BTreeMap::new()), file)?,
                entries.unwrap_or_default(),
            ),
            // The general path gives the precise error, or reads what the one-pass reader
            // does not take.
            Err(_) => {
                let mut a = Answers::from_value(crate::criteria::parse_json(text, file, FileKind::Answers)?, file)?;
                let entries = std::mem::take(&mut a.answers)
                    .into_iter()
                    .map(|(k, v)| (std::borrow::Cow::Owned(k), v))
                    .collect();
                (a, entries)
            }
        };
        // Usually already in order (files are written sorted); a stable sort keeps the last of
        // equal ids last.
        if !entries.is_sorted_by(|a, b| a.0 <= b.0) {
            crate::sort::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
        }
        Ok(AnswersView { head, entries })
    }

    /// Format, edition, profile and the other members; its `answers` map is empty.
    pub fn head(&self) -> &Answers {
        &self.head
    }

    /// The answers in id order.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.entries.iter().map(|(id, a)| (&**id, a))
    }

    /// The same answers as [`Answers`].
    pub fn into_answers(self) -> Answers {
        let mut a = self.head;
        a.answers = crate::sort::collect_map(self.entries.into_iter().map(|(k, v)| (k.into_owned(), v)));
        a
    }
}

/// An answers document read in one pass: the `"answers"` object straight into [`Answer`]s, in
/// the order of the text, every other member kept as a JSON value. Only a JSON object whose
/// `"answers"` (if any) is an object deserializes this way.
struct EnvelopeView<'t> {
    top: Map<String, Value>,
    entries: Option<Vec<(std::borrow::Cow<'t, str>, Answer)>>,
}

/// A string borrowed from the text when it has no escapes.
struct Id<'t>(std::borrow::Cow<'t, str>);

impl<'de> serde::Deserialize<'de> for Id<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Id<'de>, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Id<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Id<'de>, E> {
                Ok(Id(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Id<'de>, E> {
                Ok(Id(std::borrow::Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Id<'de>, E> {
                Ok(Id(std::borrow::Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> serde::Deserialize<'de> for EnvelopeView<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<EnvelopeView<'de>, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = EnvelopeView<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an answers object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<EnvelopeView<'de>, A::Error> {
                let mut top = Map::new();
                let mut entries = None;
                while let Some(Id(key)) = map.next_key::<Id<'de>>()? {
                    if key == "answers" {
                        // As in a JSON object, a second "answers" replaces the first.
                        entries = Some(map.next_value::<EntryList<'de>>()?.0);
                    } else {
                        top.insert(key.into_owned(), map.next_value::<Value>()?);
                    }
                }
                Ok(EnvelopeView { top, entries })
            }
        }
        d.deserialize_map(V)
    }
}

/// The `"answers"` object as a list, in the order of the text.
struct EntryList<'t>(Vec<(std::borrow::Cow<'t, str>, Answer)>);

impl<'de> serde::Deserialize<'de> for EntryList<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<EntryList<'de>, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = EntryList<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object of answers")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<EntryList<'de>, A::Error> {
                let mut items = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some((Id(id), value)) = map.next_entry::<Id<'de>, Value>()? {
                    items.push((id, read_answer(value)));
                }
                Ok(EntryList(items))
            }
        }
        d.deserialize_map(V)
    }
}

/// The answers format of `top`, taken out of it: a known version, or the problem to report.
fn read_format(top: &mut Map<String, Value>) -> Result<u64, Problem> {
    let format = match top.remove("format") {
        Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64().unwrap_or(0),
        Some(other) => {
            return Err(
                Problem::bi("/format", "un numéro de format entier", "an integer format version").found_value(&other),
            )
        }
        None => {
            let p = Problem::bi("/format", "un numéro de format", "a format version").found_bi("rien", "nothing");
            return Err(if top.contains_key("questions") {
                p.hint_bi(
                    "ce fichier ressemble à un fichier de critères, pas à un fichier de réponses",
                    "this looks like a criteria file, not an answers file",
                )
            } else {
                p.hint_bi(
                    format!("un fichier de réponses commence par « format »: {ANSWERS_FORMAT}"),
                    format!("answers files start with \"format\": {ANSWERS_FORMAT}"),
                )
            });
        }
    };
    if format > u64::from(ANSWERS_FORMAT) {
        return Err(Problem::bi(
            "/format",
            format!("le format de réponses {ANSWERS_FORMAT} ou plus ancien"),
            format!("answers format {ANSWERS_FORMAT} or older"),
        )
        .found(format.to_string())
        .hint_bi(
            "ce fichier a été écrit par une version plus récente de tnl ; mettez tnl à jour pour le lire",
            "this file was written by a newer version of tnl; update tnl to read it",
        ));
    }
    if format == 0 {
        return Err(Problem::bi(
            "/format",
            format!("le format de réponses {ANSWERS_FORMAT}"),
            format!("answers format {ANSWERS_FORMAT}"),
        )
        .found("0"));
    }
    Ok(format)
}

/// The edition `top` answers, taken out of it, or the problem to report.
fn read_edition(top: &mut Map<String, Value>) -> Result<String, Problem> {
    match top.remove("edition") {
        Some(Value::String(s)) if !s.is_empty() => Ok(s),
        Some(other) => Err(Problem::bi(
            "/edition",
            "l'identifiant d'une édition, par exemple « tnl-2025 »",
            "the id of an edition, e.g. \"tnl-2025\"",
        )
        .found_value(&other)),
        None => Err(Problem::bi(
            "/edition",
            "l'identifiant de l'édition à laquelle ces réponses répondent",
            "the id of the edition answered",
        )
        .hint_bi(
            "ajoutez « edition »: « tnl-2025 » (voir `tnl editions`)",
            "add \"edition\": \"tnl-2025\" (see `tnl editions`)",
        )),
    }
}
