//! The JSON Schemas of the three formats, and stage-one validation (feature `schema`).

/// Which schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaKind {
    /// A criteria file.
    Criteria,
    /// An answers file.
    Answers,
    /// A report.
    Report,
    /// A software catalogue.
    Catalogue,
    /// A software inventory.
    Inventory,
}

impl SchemaKind {
    /// The schema text, as committed under `criteria/schemas/`.
    pub fn text(self) -> &'static str {
        match self {
            SchemaKind::Criteria => include_str!("../../criteria/schemas/criteria.schema.json"),
            SchemaKind::Answers => include_str!("../../criteria/schemas/answers.schema.json"),
            SchemaKind::Report => include_str!("../../criteria/schemas/report.schema.json"),
            SchemaKind::Catalogue => include_str!("../../criteria/schemas/catalogue.schema.json"),
            SchemaKind::Inventory => include_str!("../../criteria/schemas/inventory.schema.json"),
        }
    }

    /// Parses `criteria`, `answers` or `report`.
    pub fn parse(s: &str) -> Option<SchemaKind> {
        match s {
            "criteria" => Some(SchemaKind::Criteria),
            "answers" => Some(SchemaKind::Answers),
            "report" => Some(SchemaKind::Report),
            "catalogue" => Some(SchemaKind::Catalogue),
            "inventory" => Some(SchemaKind::Inventory),
            _ => None,
        }
    }
}

/// Validates a document against a schema, listing every problem.
#[cfg(feature = "schema")]
pub fn validate(kind: SchemaKind, value: &serde_json::Value, file: &str) -> Result<(), crate::Error> {
    use crate::error::{Error, FileKind, Problem};
    let schema: serde_json::Value = match serde_json::from_str(kind.text()) {
        Ok(s) => s,
        Err(e) => {
            return Err(Error::one(
                file,
                FileKind::Criteria,
                Problem::new("", "a valid embedded schema").found(e.to_string()),
            ))
        }
    };
    let file_kind = match kind {
        SchemaKind::Criteria => FileKind::Criteria,
        SchemaKind::Answers => FileKind::Answers,
        SchemaKind::Report => FileKind::Report,
        SchemaKind::Catalogue => FileKind::Catalogue,
        SchemaKind::Inventory => FileKind::Inventory,
    };
    let validator = match jsonschema::draft202012::new(&schema) {
        Ok(v) => v,
        Err(e) => {
            return Err(Error::one(
                file,
                file_kind,
                Problem::new("", "a valid embedded schema").found(e.to_string()),
            ))
        }
    };
    let mut problems: Vec<Problem> = validator
        .iter_errors(value)
        .map(|e| {
            let pointer = e.instance_path().to_string();
            Problem::new(pointer, "a value matching the schema")
                .found(e.to_string())
                .hint(format!("schema rule {}", e.schema_path()))
        })
        .collect();
    if problems.is_empty() {
        return Ok(());
    }
    problems.truncate(50);
    Err(Error {
        file: file.to_owned(),
        kind: file_kind,
        problems,
    })
}
