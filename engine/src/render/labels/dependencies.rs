//! The labels of the dependency map (every format, its two charts, and the app's screen where it
//! shows the same thing).

/// The dependency map's headings, column names, figures and words.
pub struct DependencyLabels {
    /// The document's title, before the collectivité's name.
    pub title: &'static str,
    /// The notice under the title: the cost projections are scenarios.
    pub scenarios_notice: &'static str,
    /// The spreadsheet's row of the inventory's own disclaimer.
    pub disclaimer: &'static str,
    /// The catalogue the inventory was read with.
    pub catalogue: &'static str,
    /// The engine that drew the map.
    pub engine: &'static str,
    /// The heading of the headline figures.
    pub summary: &'static str,
    /// The heading of the exposure table.
    pub exposure: &'static str,
    /// The heading of the map and its table.
    pub map_heading: &'static str,
    /// The heading of the vendors' table.
    pub vendors: &'static str,
    /// The heading of the cost projections.
    pub projections_heading: &'static str,
    /// The heading of the contract ends.
    pub windows_heading: &'static str,
    /// The heading of the free alternatives, and their column.
    pub alternatives: &'static str,
    /// The inventory lists no function.
    pub no_function: &'static str,
    /// The inventory gives no contract end.
    pub no_contract_end: &'static str,
    /// The inventory lists no proprietary software.
    pub no_proprietary: &'static str,
    /// A proprietary product without a free alternative in the catalogue.
    pub none_in_catalogue: &'static str,
    /// The inventory has no problem.
    pub no_problem: &'static str,
    /// Headline: the functions entirely on free software.
    pub functions_entirely_free: &'static str,
    /// Headline and fact: the seats on free software.
    pub seats_free: &'static str,
    /// Headline: the yearly cost of the software.
    pub software_cost: &'static str,
    /// Headline: the exposure outside the EU.
    pub extra_eu_exposure: &'static str,
    /// A figure the inventory does not give.
    pub not_given: &'static str,
    /// The unit of a count of functions in a sentence.
    pub functions_unit: &'static str,
    /// The unit of a count of seats in a sentence.
    pub seats_unit: &'static str,
    /// The exposure table's column of proprietary software.
    pub proprietary: &'static str,
    /// The column of the products or vendors exposed outside the EU.
    pub extra_eu_exposed: &'static str,
    /// The column of the functions exposed outside the EU.
    pub function_extra_eu_exposed: &'static str,
    /// The concentration's sentence: what the index is.
    pub concentration: &'static str,
    /// The index computed on the seats.
    pub by_seats: &'static str,
    /// The index computed on the functions.
    pub by_functions: &'static str,
    /// How to read the index.
    pub hhi_scale: &'static str,
    /// A function of the inventory.
    pub function: &'static str,
    /// The functions.
    pub functions: &'static str,
    /// A function's status (free, mixed, proprietary).
    pub status: &'static str,
    /// A function's free share.
    pub free_share: &'static str,
    /// The products of a function.
    pub products: &'static str,
    /// A product.
    pub product: &'static str,
    /// A vendor.
    pub vendor: &'static str,
    /// A vendor's zone.
    pub zone: &'static str,
    /// Whether a vendor's software is free.
    pub free: &'static str,
    /// The seats.
    pub seats: &'static str,
    /// The yearly cost.
    pub yearly_cost: &'static str,
    /// A cost scenario.
    pub scenario: &'static str,
    /// The lead of the list of the scenarios' public sources, under their table.
    pub scenario_sources: &'static str,
    /// The total of a scenario over the five years.
    pub five_year_total: &'static str,
    /// A scenario's gap over stable prices.
    pub over_stable: &'static str,
    /// The first year of the projections.
    pub today: &'static str,
    /// A later year of the projections (`Année 1`).
    pub year: fn(usize) -> String,
    /// A contract's end.
    pub contract_end: &'static str,
    /// Whether a contract end has passed.
    pub state: &'static str,
    /// A contract end that has passed.
    pub passed: &'static str,
    /// A contract end still to come.
    pub upcoming: &'static str,
    /// A product's share of its function, after the figure.
    pub of_function: &'static str,
    /// A yearly cost, after the amount.
    pub a_year: &'static str,
    /// A product exposed outside the EU, in a list of its traits.
    pub extra_eu_trait: &'static str,
    /// Free software, in a sentence.
    pub free_word: &'static str,
    /// Proprietary software, in a sentence.
    pub proprietary_word: &'static str,
    /// A function partly free.
    pub mixed_word: &'static str,
    /// A vendor in France.
    pub zone_fr: &'static str,
    /// A vendor in the European Union.
    pub zone_eu: &'static str,
    /// A vendor outside the European Union.
    pub zone_extra_eu: &'static str,
    /// A vendor whose zone is unknown.
    pub zone_unknown: &'static str,
    /// Hosted by the collectivité.
    pub on_premises: &'static str,
    /// Hosted in France or the EU.
    pub fr_eu_host: &'static str,
    /// Hosted in a cloud outside the EU.
    pub extra_eu_cloud: &'static str,
    /// Fact: the collectivité's name.
    pub name: &'static str,
    /// Fact: the collectivité's kind.
    pub kind: &'static str,
    /// Fact: the population.
    pub inhabitants: &'static str,
    /// Fact: the staff.
    pub agents: &'static str,
    /// Fact: the workstations.
    pub workstations: &'static str,
    /// Fact: the catalogue's version.
    pub catalogue_version: &'static str,
    /// Fact: the engine's version.
    pub engine_version: &'static str,
    /// Fact: the functions listed.
    pub functions_listed: &'static str,
    /// Fact: the free functions.
    pub functions_free: &'static str,
    /// Fact: the mixed functions.
    pub functions_mixed: &'static str,
    /// Fact: the proprietary functions.
    pub functions_proprietary: &'static str,
    /// Fact: the share of free functions.
    pub free_function_share: &'static str,
    /// Fact: the share of seats on free software.
    pub free_seat_share: &'static str,
    /// Fact: the functions with proprietary software.
    pub proprietary_functions: &'static str,
    /// Fact: the proprietary seats.
    pub proprietary_seats: &'static str,
    /// Fact: the proprietary yearly cost.
    pub proprietary_cost: &'static str,
    /// Fact: the functions exposed outside the EU.
    pub extra_eu_functions: &'static str,
    /// Fact: the seats exposed outside the EU.
    pub extra_eu_seats: &'static str,
    /// Fact: the yearly cost exposed outside the EU.
    pub extra_eu_cost: &'static str,
    /// Fact: the index on the seats.
    pub hhi_seats: &'static str,
    /// Fact: the index on the functions.
    pub hhi_functions: &'static str,
    /// Fact: the largest proprietary vendor.
    pub top_vendor: &'static str,
    /// Fact: the largest vendor's functions.
    pub top_vendor_functions: &'static str,
    /// Fact: the largest vendor's seats.
    pub top_vendor_seats: &'static str,
    /// The spreadsheet's column of figures.
    pub figure: &'static str,
    /// The spreadsheet's column of values.
    pub value: &'static str,
    /// The spreadsheet's sheet of the inventory's lines.
    pub inventory: &'static str,
    /// A product's id in the catalogue.
    pub catalogue_id: &'static str,
    /// A product's licence.
    pub licence: &'static str,
    /// The vendor's zone, in the inventory sheet.
    pub vendor_zone: &'static str,
    /// Where a product is hosted.
    pub hosting: &'static str,
    /// A product's share of its function, as a column.
    pub share_of_function: &'static str,
    /// The spreadsheet's sheet of the cost scenarios.
    pub cost_scenarios: &'static str,
    /// The map chart's title.
    pub map_title: &'static str,
    /// How to read the map chart.
    pub map_legend: &'static str,
    /// The map chart's mark of a function exposed outside the EU.
    pub map_extra_eu: &'static str,
    /// The cost chart's title.
    pub cost_title: &'static str,
}

pub(super) const FR: DependencyLabels = DependencyLabels {
    title: "Cartographie des dépendances logicielles",
    scenarios_notice: "Les projections de coûts sont des scénarios, pas des prévisions.",
    disclaimer: "Précaution",
    catalogue: "Catalogue",
    engine: "Moteur",
    summary: "Synthèse",
    exposure: "Exposition",
    map_heading: "Carte des dépendances par fonction",
    vendors: "Éditeurs",
    projections_heading: "Projections de coûts sur cinq ans",
    windows_heading: "Fenêtres de migration (fins de contrat)",
    alternatives: "Alternatives libres",
    no_function: "Aucune fonction inventoriée.",
    no_contract_end: "Aucune fin de contrat renseignée.",
    no_proprietary: "Aucun logiciel propriétaire inventorié.",
    none_in_catalogue: "aucune dans le catalogue",
    no_problem: "Aucun problème dans l'inventaire.",
    functions_entirely_free: "Fonctions entièrement libres",
    seats_free: "Postes sur du libre",
    software_cost: "Coût annuel des logiciels",
    extra_eu_exposure: "Exposition hors UE",
    not_given: "non renseigné",
    functions_unit: "fonction(s)",
    seats_unit: "postes",
    proprietary: "Propriétaire",
    extra_eu_exposed: "Exposé hors UE",
    function_extra_eu_exposed: "Exposée hors UE",
    concentration: "Concentration des dépendances propriétaires (indice de Herfindahl-Hirschman)",
    by_seats: "sur les postes",
    by_functions: "sur les fonctions",
    hhi_scale: "de 0 à 10 000 ; au-delà de 2 500, un marché se lit comme très concentré",
    function: "Fonction",
    functions: "Fonctions",
    status: "Statut",
    free_share: "Part libre",
    products: "Produits",
    product: "Produit",
    vendor: "Éditeur",
    zone: "Zone",
    free: "Libre",
    seats: "Postes",
    yearly_cost: "Coût annuel",
    scenario: "Scénario",
    scenario_sources: "Sources des scénarios :",
    five_year_total: "Total ans 1–5",
    over_stable: "Écart / prix constants",
    today: "Aujourd'hui",
    year: |y| format!("Année {y}"),
    contract_end: "Fin de contrat",
    state: "État",
    passed: "échue",
    upcoming: "à venir",
    of_function: "de la fonction",
    a_year: " par an",
    extra_eu_trait: "exposé hors UE",
    free_word: "libre",
    proprietary_word: "propriétaire",
    mixed_word: "mixte",
    zone_fr: "France",
    zone_eu: "Union européenne",
    zone_extra_eu: "hors UE",
    zone_unknown: "inconnue",
    on_premises: "sur site",
    fr_eu_host: "hébergeur France/UE",
    extra_eu_cloud: "nuage hors UE",
    name: "Nom",
    kind: "Type",
    inhabitants: "Habitants",
    agents: "Agents",
    workstations: "Postes de travail",
    catalogue_version: "Version du catalogue",
    engine_version: "Version du moteur",
    functions_listed: "Fonctions inventoriées",
    functions_free: "Fonctions libres",
    functions_mixed: "Fonctions mixtes",
    functions_proprietary: "Fonctions propriétaires",
    free_function_share: "Part des fonctions libres",
    free_seat_share: "Part des postes sur du libre",
    proprietary_functions: "Fonctions avec du propriétaire",
    proprietary_seats: "Postes propriétaires",
    proprietary_cost: "Coût annuel propriétaire",
    extra_eu_functions: "Fonctions exposées hors UE",
    extra_eu_seats: "Postes exposés hors UE",
    extra_eu_cost: "Coût annuel exposé hors UE",
    hhi_seats: "Indice HHI sur les postes",
    hhi_functions: "Indice HHI sur les fonctions",
    top_vendor: "Premier éditeur propriétaire",
    top_vendor_functions: "Ses fonctions",
    top_vendor_seats: "Ses postes",
    figure: "Indicateur",
    value: "Valeur",
    inventory: "Inventaire",
    catalogue_id: "Identifiant catalogue",
    licence: "Licence",
    vendor_zone: "Zone de l'éditeur",
    hosting: "Hébergement",
    share_of_function: "Part de la fonction",
    cost_scenarios: "Scénarios de coûts",
    map_title: "Part du logiciel libre par fonction",
    map_legend: "Barre pleine : part libre ; barre hachurée : part propriétaire ; ⚠ : exposition hors UE. La part, le statut et l'exposition sont écrits après chaque barre.",
    map_extra_eu: " · ⚠ exposée hors UE",
    cost_title: "Coûts de licence sur cinq ans, par scénario",
};

pub(super) const EN: DependencyLabels = DependencyLabels {
    title: "Software dependency map",
    scenarios_notice: "Cost projections are scenarios, not forecasts.",
    disclaimer: "Disclaimer",
    catalogue: "Catalogue",
    engine: "Engine",
    summary: "Summary",
    exposure: "Exposure",
    map_heading: "Dependency map by function",
    vendors: "Vendors",
    projections_heading: "Five-year cost projections",
    windows_heading: "Migration windows (contract ends)",
    alternatives: "Free alternatives",
    no_function: "No function in the inventory.",
    no_contract_end: "No contract end given.",
    no_proprietary: "No proprietary software in the inventory.",
    none_in_catalogue: "none in the catalogue",
    no_problem: "No problem in the inventory.",
    functions_entirely_free: "Functions entirely free",
    seats_free: "Seats on free software",
    software_cost: "Yearly software cost",
    extra_eu_exposure: "Extra-EU exposure",
    not_given: "not given",
    functions_unit: "function(s)",
    seats_unit: "seats",
    proprietary: "Proprietary",
    extra_eu_exposed: "Extra-EU exposure",
    function_extra_eu_exposed: "Extra-EU exposure",
    concentration: "Concentration of proprietary dependencies (Herfindahl–Hirschman index)",
    by_seats: "by seats",
    by_functions: "by functions",
    hhi_scale: "0 to 10,000; above 2,500 reads as highly concentrated",
    function: "Function",
    functions: "Functions",
    status: "Status",
    free_share: "Free share",
    products: "Products",
    product: "Product",
    vendor: "Vendor",
    zone: "Zone",
    free: "Free",
    seats: "Seats",
    yearly_cost: "Yearly cost",
    scenario: "Scenario",
    scenario_sources: "Sources of the scenarios:",
    five_year_total: "Total, years 1–5",
    over_stable: "Over stable prices",
    today: "Today",
    year: |y| format!("Year {y}"),
    contract_end: "Contract end",
    state: "State",
    passed: "passed",
    upcoming: "upcoming",
    of_function: "of the function",
    a_year: " a year",
    extra_eu_trait: "extra-EU exposure",
    free_word: "free",
    proprietary_word: "proprietary",
    mixed_word: "mixed",
    zone_fr: "France",
    zone_eu: "European Union",
    zone_extra_eu: "outside the EU",
    zone_unknown: "unknown",
    on_premises: "on premises",
    fr_eu_host: "French/EU host",
    extra_eu_cloud: "extra-EU cloud",
    name: "Name",
    kind: "Kind",
    inhabitants: "Inhabitants",
    agents: "Staff",
    workstations: "Workstations",
    catalogue_version: "Catalogue version",
    engine_version: "Engine version",
    functions_listed: "Functions listed",
    functions_free: "Free functions",
    functions_mixed: "Mixed functions",
    functions_proprietary: "Proprietary functions",
    free_function_share: "Share of free functions",
    free_seat_share: "Share of seats on free software",
    proprietary_functions: "Functions with proprietary software",
    proprietary_seats: "Proprietary seats",
    proprietary_cost: "Proprietary yearly cost",
    extra_eu_functions: "Functions with extra-EU exposure",
    extra_eu_seats: "Seats with extra-EU exposure",
    extra_eu_cost: "Yearly cost with extra-EU exposure",
    hhi_seats: "HHI by seats",
    hhi_functions: "HHI by functions",
    top_vendor: "Largest proprietary vendor",
    top_vendor_functions: "Its functions",
    top_vendor_seats: "Its seats",
    figure: "Figure",
    value: "Value",
    inventory: "Inventory",
    catalogue_id: "Catalogue id",
    licence: "Licence",
    vendor_zone: "Vendor's zone",
    hosting: "Hosting",
    share_of_function: "Share of the function",
    cost_scenarios: "Cost scenarios",
    map_title: "Free software share per function",
    map_legend: "Solid bar: free share; hatched bar: proprietary share; ⚠: extra-EU exposure. The share, the status and the exposure are written after each bar.",
    map_extra_eu: " · ⚠ extra-EU exposure",
    cost_title: "Licence costs over five years, per scenario",
};
