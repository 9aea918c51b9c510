//! The profile of a collectivité: what kind it is and how big, which decides what applies to it.

use serde::{Deserialize, Serialize};

/// Kind of collectivité.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Commune.
    Commune,
    /// Communauté de communes.
    CommunauteCommunes,
    /// Communauté d'agglomération.
    CommunauteAgglomeration,
    /// Communauté urbaine.
    CommunauteUrbaine,
    /// Métropole.
    Metropole,
    /// Syndicat (intercommunal, mixte, informatique…).
    Syndicat,
    /// Département.
    Departement,
    /// Région.
    Region,
    /// Groupement d'intérêt public (GIP), e.g. an informatics GIP serving collectivités.
    Gip,
    /// Centre de gestion de la fonction publique territoriale.
    CentreDeGestion,
    /// Parc national (a public body of the State).
    ParcNational,
    /// Association of collectivités (e.g. ADICO).
    AssociationCollectivites,
    /// National agency or public body (e.g. AMUE).
    AgenceNationale,
    /// Any other public body.
    Autre,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 14] = [
        Kind::Commune,
        Kind::CommunauteCommunes,
        Kind::CommunauteAgglomeration,
        Kind::CommunauteUrbaine,
        Kind::Metropole,
        Kind::Syndicat,
        Kind::Departement,
        Kind::Region,
        Kind::Gip,
        Kind::CentreDeGestion,
        Kind::ParcNational,
        Kind::AssociationCollectivites,
        Kind::AgenceNationale,
        Kind::Autre,
    ];

    pub(crate) const ALL_NAMES: &'static str =
        "commune, communaute_communes, communaute_agglomeration, communaute_urbaine, metropole, syndicat, departement, region, gip, centre_de_gestion, parc_national, \
association_collectivites, agence_nationale, autre";

    /// The snake_case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Commune => "commune",
            Kind::CommunauteCommunes => "communaute_communes",
            Kind::CommunauteAgglomeration => "communaute_agglomeration",
            Kind::CommunauteUrbaine => "communaute_urbaine",
            Kind::Metropole => "metropole",
            Kind::Syndicat => "syndicat",
            Kind::Departement => "departement",
            Kind::Region => "region",
            Kind::Gip => "gip",
            Kind::CentreDeGestion => "centre_de_gestion",
            Kind::ParcNational => "parc_national",
            Kind::AssociationCollectivites => "association_collectivites",
            Kind::AgenceNationale => "agence_nationale",
            Kind::Autre => "autre",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Display name.
    pub fn label(self) -> crate::Text {
        let (fr, en) = match self {
            Kind::Commune => ("Commune", "Municipality"),
            Kind::CommunauteCommunes => ("Communauté de communes", "Community of municipalities"),
            Kind::CommunauteAgglomeration => ("Communauté d'agglomération", "Agglomeration community"),
            Kind::CommunauteUrbaine => ("Communauté urbaine", "Urban community"),
            Kind::Metropole => ("Métropole", "Metropolis"),
            Kind::Syndicat => ("Syndicat", "Joint authority (syndicat)"),
            Kind::Departement => ("Département", "Département"),
            Kind::Region => ("Région", "Region"),
            Kind::Gip => ("Groupement d'intérêt public (GIP)", "Public interest group (GIP)"),
            Kind::CentreDeGestion => (
                "Centre de gestion de la fonction publique territoriale",
                "Local civil service management centre (centre de gestion)",
            ),
            Kind::ParcNational => ("Parc national", "National park"),
            Kind::AssociationCollectivites => ("Association de collectivités", "Association of local authorities"),
            Kind::AgenceNationale => (
                "Agence ou établissement public national",
                "National agency or public body",
            ),
            Kind::Autre => ("Autre organisme public", "Other public body"),
        };
        crate::Text::new(fr, en)
    }
}

/// A field of the profile that conditions can read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileField {
    /// The kind of collectivité.
    Kind,
    /// Number of inhabitants.
    Population,
    /// Number of agents (staff).
    Agents,
    /// Number of workstations.
    Workstations,
}

impl ProfileField {
    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            ProfileField::Kind => "kind",
            ProfileField::Population => "population",
            ProfileField::Agents => "agents",
            ProfileField::Workstations => "workstations",
        }
    }

    /// Parses a numeric field name (`kind` is not numeric and is refused).
    pub fn parse(s: &str) -> Option<ProfileField> {
        match s {
            "population" => Some(ProfileField::Population),
            "agents" => Some(ProfileField::Agents),
            "workstations" => Some(ProfileField::Workstations),
            _ => None,
        }
    }

    pub(crate) fn bit(self) -> u8 {
        match self {
            ProfileField::Kind => 1,
            ProfileField::Population => 2,
            ProfileField::Agents => 4,
            ProfileField::Workstations => 8,
        }
    }
}

/// Who answers: name, kind and size.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Name of the collectivité.
    pub name: String,
    /// Kind of collectivité.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// SIREN number (nine digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub siren: Option<String>,
    /// Inhabitants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// Agents (staff).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agents: Option<u64>,
    /// Workstations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workstations: Option<u64>,
    /// Fields this engine does not know or could not read, kept as written.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Profile {
    /// A numeric field.
    pub fn number(&self, field: ProfileField) -> Option<u64> {
        match field {
            ProfileField::Population => self.population,
            ProfileField::Agents => self.agents,
            ProfileField::Workstations => self.workstations,
            ProfileField::Kind => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_that_are_not_communes_or_epci_have_kinds_of_their_own() {
        for id in [
            "gip",
            "centre_de_gestion",
            "parc_national",
            "association_collectivites",
            "agence_nationale",
            "syndicat",
            "autre",
        ] {
            let kind = Kind::parse(id).unwrap_or_else(|| panic!("no kind {id}"));
            assert_eq!(kind.as_str(), id);
            assert!(
                Kind::ALL_NAMES.contains(id),
                "{id} missing from the names listed in errors"
            );
        }
        for kind in Kind::ALL {
            let label = kind.label();
            assert!(!label.fr.is_empty() && !label.en.is_empty(), "{kind:?}");
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }
}
