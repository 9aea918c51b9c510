//! The app's state and every change to it, as one reducer over [`Action`]s.
//!
//! Nothing here touches the browser: the host (the components) reads localStorage, files and the
//! clock, and hands their text to the reducer. That keeps the logic testable natively, and keeps
//! scoring where it belongs: every report comes from [`tnl_engine::evaluate`].

use crate::editions::Catalog;
use serde_json::{Map, Value};
use std::rc::Rc;
use tnl_engine::criteria::QuestionKind;
use tnl_engine::deps::{dependency_report, prefill, DependencyReport, DepsOptions, Function, Hosting, Inventory, Item};
use tnl_engine::report::Status;
use tnl_engine::territory::{place_inventories, AnswersKey, InventoryKey, Placement};
use tnl_engine::{carry_over, evaluate, Answer, Answers, Baseline, Criteria, Kind, Lang, Profile, Report};
use yew::Reducible;

/// The localStorage key of the saved state. The version in the key changes with the layout of
/// [`AppState::save`], so that an older app never reads (nor overwrites) a newer layout.
pub const STORAGE_KEY: &str = "tnl.state.v2";
/// Layout version written in the saved state. Version 2 adds each entity's inventory; a version 1
/// state (no inventories) is read as is.
pub const STORAGE_VERSION: u64 = 2;
/// The key of the version 1 layout, read when no version 2 state exists yet (and never written).
pub const LEGACY_KEY: &str = "tnl.state.v1";
/// Prefix shared by every version of the key.
pub const STORAGE_PREFIX: &str = "tnl.state.v";
/// Prefix of the keys where a saved state that could not be read is kept until the user
/// dismisses it (one key each, suffixed by the time it was found).
pub const BACKUP_PREFIX: &str = "tnl.unreadable.";

/// Which screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Choose an edition, start, resume or import.
    Home,
    /// Who answers.
    Profile,
    /// The questions of one domain, by position in the edition.
    Domain(usize),
    /// The report.
    Report,
    /// Year-over-year comparison.
    Compare,
    /// Every entity side by side.
    Territory,
    /// The current entity's software inventory.
    Inventory,
    /// The current entity's dependency map.
    Dependencies,
}

/// A column of the territory table to sort by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SortBy {
    /// The collectivité's name, alphabetically.
    Name,
    /// The tier secured (none below the first).
    Tier,
    /// The likely tier (none below the first; not enough answers below none).
    Likely,
    /// The tier within reach (none below the first).
    Reachable,
    /// The overall score.
    Score,
    /// The share of questions answered.
    Completeness,
    /// One domain's score, by domain id.
    Domain(String),
}

/// The id of an entity or of an inventory line. [`AppState`]'s counter gives it when the entity
/// or the line is made; it stays with it while it lives (an undo and a reload included) and is
/// never given again. Messages, undo, focus, the page's element ids and keys, and the state taken
/// from another tab name entities and lines by it: a position changes whenever something before
/// it is removed, here or in another tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(pub u64);

/// A saved counter is taken up to this bound (JavaScript's safe integers): a counter never gets
/// there, and so it can never overflow from a damaged saved state.
const MAX_SAVED_ID: u64 = (1 << 53) - 1;

/// One collectivité (mairie, CCAS, communauté de communes…) and its answers.
#[derive(Clone, Debug)]
pub struct Entity {
    /// Its id.
    pub id: Id,
    /// The answers, in the exact answers format.
    pub answers: Answers,
    /// Their evaluation, recomputed on every change.
    pub report: Rc<Report>,
    /// What the comparison reads of last year's report (the rest of it is not kept).
    pub previous: Option<Rc<Baseline>>,
    /// The software inventory, in the exact inventory format (its profile is the answers' one
    /// when exported or evaluated).
    pub inventory: Inventory,
    /// The id of each line of `inventory.items`, in the same order.
    line_ids: Vec<Id>,
    /// This entity as [`AppState::save`] writes it, made on first need after each change: with
    /// forty entities, saving then costs one entity's serialization, not forty.
    saved: SaveCache,
}

impl PartialEq for Entity {
    fn eq(&self, other: &Entity) -> bool {
        // The state is copied on every action and compared with the one before: entities that
        // did not change are the same allocation (`Rc`), and need no field-by-field comparison.
        std::ptr::eq(self, other)
            || (self.id == other.id
                && self.line_ids == other.line_ids
                && self.answers == other.answers
                && self.report == other.report
                && self.previous == other.previous
                && self.inventory == other.inventory)
    }
}

/// The saved text of one entity, or nothing yet. Equal to any other: it is derived data.
#[derive(Clone, Debug, Default)]
struct SaveCache(std::cell::OnceCell<Rc<str>>);

impl PartialEq for SaveCache {
    fn eq(&self, _: &SaveCache) -> bool {
        true
    }
}

impl Entity {
    /// This entity in the saved state: its answers, last year's report, its inventory.
    fn to_saved(&self) -> String {
        let mut m = Map::new();
        m.insert(
            "answers".into(),
            serde_json::to_value(&self.answers).unwrap_or(Value::Null),
        );
        if let Some(p) = &self.previous {
            m.insert("previous".into(), p.to_json_value());
        }
        if !self.inventory_is_blank() {
            m.insert(
                "inventory".into(),
                serde_json::to_value(&self.inventory).unwrap_or(Value::Null),
            );
        }
        // Ids beside the files, never in them: the answers and inventory files stay as `tnl`
        // reads and writes them.
        m.insert("id".into(), self.id.0.into());
        if !self.line_ids.is_empty() {
            m.insert("lines".into(), self.line_ids.iter().map(|l| l.0).collect());
        }
        Value::Object(m).to_string()
    }

    /// The inventory lines with their ids, in the file's order.
    pub fn lines(&self) -> impl Iterator<Item = (Id, &Item)> {
        self.line_ids.iter().copied().zip(&self.inventory.items)
    }

    /// The position of line `id` in the inventory, if it is there.
    pub fn line_index(&self, id: Id) -> Option<usize> {
        self.line_ids.iter().position(|l| *l == id)
    }

    /// This entity's inventory as a file: its lines, with the entity's profile (the workstation
    /// count turns shares into seats). Exported as is; the CLI reads it.
    pub fn inventory_file(&self) -> Inventory {
        let mut inv = self.inventory.clone();
        inv.profile = self.answers.profile.clone();
        inv
    }

    /// No inventory line, scenario or other field: nothing to save or export of it.
    fn inventory_is_blank(&self) -> bool {
        let inv = &self.inventory;
        inv.items.is_empty() && inv.scenarios.is_empty() && inv.extra.is_empty()
    }

    /// Nothing typed yet: no answer, a blank profile, no inventory line and no comparison
    /// baseline. Such an entity (just started) gives way to an imported one.
    pub fn is_blank(&self) -> bool {
        self.answers.answers.is_empty()
            && self.answers.profile == Profile::default()
            && self.previous.is_none()
            && self.inventory_is_blank()
    }
}

/// A saved state that could not be read. It is kept, explained and offered for download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// Where it was found.
    pub key: String,
    /// The text as found.
    pub raw: String,
    /// Why it could not be read.
    pub reason: UnreadableReason,
    /// Whether the host wrote it under `key` and read it back the same. Until it is kept, or
    /// the user lets it go, autosave writes nothing (see [`AppState::autosave_paused`]).
    pub kept: bool,
}

/// What the last removal took away, kept so that « Annuler » can put it back while the message
/// that announced the removal is shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Removed {
    /// An entity, with its id.
    Entity {
        /// The entity it came after in the list (`None` when it was first).
        after: Option<Id>,
        /// The entity as it was.
        entity: Rc<Entity>,
    },
    /// An inventory line.
    Line {
        /// The entity it belonged to.
        entity: Id,
        /// The line it came after in the inventory (`None` when it was first).
        after: Option<Id>,
        /// Its id, given back with it.
        id: Id,
        /// The line as it was.
        item: Box<Item>,
    },
}

/// Why a file given by the user may not belong where it was given: the user confirms or cancels
/// before anything is changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Doubt {
    /// Last year's answers or report name another collectivité than the current entity.
    PreviousOfOther {
        /// The file's name.
        file: String,
        /// The collectivité the file names.
        theirs: String,
        /// The current entity's.
        ours: String,
    },
    /// An inventory names another collectivité than the current entity.
    InventoryOfOther {
        /// The file's name.
        file: String,
        /// The collectivité the file names.
        theirs: String,
        /// The current entity's.
        ours: String,
    },
    /// An inventory would replace the current entity's lines.
    ReplacesInventory {
        /// The file's name.
        file: String,
        /// Lines that would go.
        lines: usize,
    },
    /// An answers file of an older edition, when the app has a newer one.
    OlderEdition {
        /// The file's name.
        file: String,
        /// The file's edition.
        edition: String,
        /// The newest edition of the app.
        newest: String,
    },
}

/// A file held until the user says what to do with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    /// Why it is held.
    pub doubt: Doubt,
    /// What confirming does.
    pub action: Box<Action>,
}

/// Why a saved state could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnreadableReason {
    /// Not JSON, or not the expected layout.
    Corrupt(String),
    /// Written by a newer version of the app.
    Newer(u64),
    /// Some answers in it could not be used (the detail says which and why).
    Answers(String),
}

/// A message shown after an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A file was imported.
    Imported {
        /// Its name.
        file: String,
    },
    /// Last year's file was imported for the comparison.
    PreviousImported {
        /// Its name.
        file: String,
    },
    /// A file could not be imported.
    ImportFailed {
        /// Its name.
        file: String,
        /// Why, as the engine says it (shown in the language of the moment).
        error: tnl_engine::Error,
    },
    /// The file is for an edition this app does not embed.
    UnknownEdition {
        /// Its name.
        file: String,
        /// The edition it names.
        edition: String,
    },
    /// An inventory was imported into the current entity.
    InventoryImported {
        /// Its name.
        file: String,
        /// Its lines.
        lines: usize,
    },
    /// Last year's answers were carried into a new entity.
    Carried {
        /// The file's name.
        file: String,
        /// Answers carried as they were.
        carried: usize,
        /// Answers the edition does not accept, to give again.
        dropped: usize,
        /// Answers to questions the edition no longer asks.
        retired: usize,
        /// Questions left to answer (the dropped ones included).
        to_answer: usize,
    },
    /// Answers were pre-filled from the inventory.
    Prefilled {
        /// Answers written.
        filled: usize,
        /// Answers the inventory gave, written or not (an answer given is never overwritten).
        proposed: usize,
    },
    /// Another tab of the app changed the answers; this tab now shows them.
    Synced,
    /// Several answers files were imported at once.
    ImportedMany {
        /// Entities added.
        imported: usize,
        /// Software inventories imported with them (each in the entity of its name, or in one of
        /// its own, counted in `imported` too).
        inventories: usize,
        /// Of the entities added, those named as one already there (same name and edition): added
        /// beside it, not over it.
        again: usize,
        /// Inventories put on a row of their own although a collectivité of their name is in the
        /// table: it has one already, or several have the name (`tnl_engine::territory`).
        apart: usize,
        /// Why each of the others could not be ([`Notice::ImportFailed`] or
        /// [`Notice::UnknownEdition`]), in the order chosen.
        failed: Vec<Notice>,
    },
    /// A line was added to the inventory.
    LineAdded {
        /// Product name.
        name: String,
        /// Its function.
        function: Function,
    },
    /// A line was removed from the inventory.
    LineRemoved {
        /// Product name (or id, or nothing, as the line had).
        name: String,
        /// Its function, when it had one.
        function: Option<Function>,
    },
    /// The file chosen is empty.
    EmptyFile {
        /// Its name.
        file: String,
    },
    /// A software inventory was given where answers or a report are read: it goes to the
    /// inventory screen.
    InventoryNotAnswers {
        /// Its name.
        file: String,
    },
    /// An answers file or a report was given where an inventory is read.
    AnswersNotInventory {
        /// Its name.
        file: String,
    },
    /// An entity was removed from the list (it can be put back while this is shown).
    EntityRemoved {
        /// Its collectivité's name (empty when it had none).
        name: String,
    },
}

/// A change to the current entity's inventory. Numbers arrive as typed; a line is named by its
/// id.
#[derive(Clone, Debug, PartialEq)]
pub enum InvEdit {
    /// Adds a product of the catalogue.
    AddProduct {
        /// The function it serves here.
        function: Function,
        /// Catalogue id.
        product: String,
    },
    /// Adds a product outside the catalogue.
    AddOther {
        /// The function it serves here.
        function: Function,
        /// Name.
        name: String,
        /// Vendor.
        vendor: String,
        /// Free software, if known.
        free: Option<bool>,
        /// Vendor's country (ISO 3166-1 alpha-2), if known.
        jurisdiction: String,
    },
    /// Seats.
    Seats(Id, String),
    /// Share of the function, percent.
    Share(Id, String),
    /// Yearly cost, euros.
    Cost(Id, String),
    /// End of contract, YYYY-MM or YYYY-MM-DD.
    ContractEnd(Id, String),
    /// Hosting.
    Hosting(Id, Option<Hosting>),
    /// Removes a line.
    Remove(Id),
}

impl InvEdit {
    /// The line this edit changes, when it changes one (an addition makes a new one).
    pub fn line(&self) -> Option<Id> {
        match self {
            InvEdit::AddProduct { .. } | InvEdit::AddOther { .. } => None,
            InvEdit::Seats(id, _)
            | InvEdit::Share(id, _)
            | InvEdit::Cost(id, _)
            | InvEdit::ContractEnd(id, _)
            | InvEdit::Hosting(id, _)
            | InvEdit::Remove(id) => Some(*id),
        }
    }
}

/// A change to the profile or to one answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Name of the collectivité.
    Name(String),
    /// Kind of collectivité.
    Kind(Option<Kind>),
    /// SIREN as typed.
    Siren(String),
    /// Population as typed.
    Population(String),
    /// Agents as typed.
    Agents(String),
    /// Workstations as typed.
    Workstations(String),
    /// The value of an answer (`None` clears it).
    Value {
        /// Question id.
        question: String,
        /// New value.
        value: Option<Value>,
    },
    /// Declares a question not applicable, or withdraws the declaration.
    NotApplicable {
        /// Question id.
        question: String,
        /// Declared or not.
        on: bool,
    },
    /// Justification (for N/A) or evidence behind an answer.
    Justification {
        /// Question id.
        question: String,
        /// Text as typed.
        text: String,
    },
}

/// Everything that changes the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switches the interface language.
    SetLang(Lang),
    /// Shows a screen.
    Go(Screen),
    /// Adds an entity answering `edition` and opens its profile.
    Start {
        /// Edition id.
        edition: String,
    },
    /// Adds an entity answering `edition` with last year's answers (a file of any edition)
    /// carried into it by question id, keeps last year's evaluation for the comparison, and
    /// opens its profile; `now` is the host's clock (RFC 3339).
    StartFrom {
        /// Edition id.
        edition: String,
        /// File name.
        file: String,
        /// File text.
        text: String,
        /// The host's clock.
        now: String,
    },
    /// Makes another entity current.
    Select(Id),
    /// Removes an entity.
    Remove(Id),
    /// Changes the current entity; `now` is the host's clock (RFC 3339).
    Edit(Edit, String),
    /// Imports an answers file as a new entity.
    Import {
        /// File name.
        file: String,
        /// File text.
        text: String,
    },
    /// Imports answers files, each as a new entity: a JSON Lines file (`.jsonl`, `.ndjson`, as
    /// `tnl batch` reads) gives one entity per line. Software inventories among them go to the
    /// entity of their collectivité's name that has none yet, or else to an entity of their own.
    /// With one answers file in all it is [`Action::Import`]; with more, the territory table
    /// opens and one notice lists what could not be imported, the rest being imported all the
    /// same.
    ImportMany {
        /// `(file name, file text)`, in the order chosen.
        files: Vec<(String, String)>,
    },
    /// Imports last year's answers or report for the current entity's comparison.
    ImportPrevious {
        /// File name.
        file: String,
        /// File text.
        text: String,
    },
    /// Forgets every entity.
    ClearAll,
    /// Another tab of the app saved `raw` under [`STORAGE_KEY`]. This tab takes its entities
    /// (keeping its own screen, language and current entity where it still exists), so that its
    /// next autosave does not write older answers over the other tab's. A text it cannot read in
    /// full is kept as unreadable under `backup_key` instead (the same key each time: it holds
    /// the latest such text), and nothing is replaced.
    Adopt {
        /// What the other tab saved.
        raw: String,
        /// Where to keep it if it cannot be read.
        backup_key: String,
    },
    /// Hides the notice.
    DismissNotice,
    /// Forgets the unreadable saved state (after the user downloaded it or chose not to).
    DismissUnreadable,
    /// Changes the current entity's inventory; `now` is the host's clock (RFC 3339).
    Inventory(InvEdit, String),
    /// Replaces the current entity's inventory by a file's.
    ImportInventory {
        /// File name.
        file: String,
        /// File text.
        text: String,
    },
    /// Pre-fills the current entity's unanswered questions from its inventory.
    Prefill {
        /// The host's clock (RFC 3339).
        now: String,
    },
    /// Today's date (YYYY-MM-DD) from the host's clock, to flag contracts already ended.
    SetToday(String),
    /// Whether the browser refused the last save (quota, private mode).
    SaveFailed(bool),
    /// The unreadable state meant for this backup key could not be written there and read back
    /// (quota): autosave stops so as not to overwrite the only copy.
    BackupFailed(String),
    /// Puts back what the last removal took away.
    Undo,
    /// Does what the held file was given for ([`AppState::pending`]).
    Confirm,
    /// Forgets the held file.
    Cancel,
}

/// The whole state of the app.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The editions the app embeds.
    pub catalog: Rc<Catalog>,
    /// Interface language.
    pub lang: Lang,
    /// Screen shown.
    pub screen: Screen,
    /// Every entity, in the order added.
    pub entities: Vec<Rc<Entity>>,
    /// The current entity.
    pub current: Option<Id>,
    /// The last message.
    pub notice: Option<Notice>,
    /// Saved states that could not be read.
    pub unreadable: Vec<Unreadable>,
    /// Today (YYYY-MM-DD), given by the host.
    pub today: Option<String>,
    /// The browser refused the last save.
    pub save_failed: bool,
    /// What [`AppState::save`] gave right after taking another tab's state ([`Action::Adopt`]):
    /// autosave does not write that back, since the storage holds the other tab's text already
    /// (writing it would bounce between the tabs).
    pub synced: Option<String>,
    /// What the last removal took away, while its message is shown.
    pub undo: Option<Removed>,
    /// A file held until the user confirms or cancels.
    pub pending: Option<Pending>,
    /// The last change was typed (a text, a number, a profile field), not chosen (a choice, a
    /// box): autosave may wait for a pause in the typing, and writes at once when the page is
    /// hidden.
    pub typing: bool,
    /// The inventory line the last action added or put back: the host gives it the focus. Not
    /// one taken from another tab, where the user may be typing elsewhere.
    pub new_line: Option<Id>,
    /// Set while a held action is applied: its doubt is answered.
    confirmed: bool,
    /// The next [`Id`] to give: above every id given so far, saved with the state.
    next_id: u64,
}

impl AppState {
    /// An empty state.
    pub fn new(catalog: Rc<Catalog>) -> AppState {
        AppState {
            catalog,
            lang: Lang::Fr,
            screen: Screen::Home,
            entities: Vec::new(),
            current: None,
            notice: None,
            unreadable: Vec::new(),
            today: None,
            save_failed: false,
            synced: None,
            undo: None,
            pending: None,
            typing: false,
            new_line: None,
            confirmed: false,
            next_id: 0,
        }
    }

    /// A new id, never given before.
    fn fresh_id(&mut self) -> Id {
        let id = Id(self.next_id);
        self.next_id += 1;
        id
    }

    /// The position of entity `id` in the list, if it is there.
    pub fn position(&self, id: Id) -> Option<usize> {
        self.entities.iter().position(|e| e.id == id)
    }

    /// Whether autosave must write nothing: an unreadable saved state could not be kept apart,
    /// and the storage key still holds the only copy of it.
    pub fn autosave_paused(&self) -> bool {
        self.unreadable.iter().any(|u| !u.kept)
    }

    /// Holds `action` until the user answers `doubt`, unless this is that answer.
    fn doubted(&mut self, doubt: Doubt, action: Action) -> bool {
        if self.confirmed {
            return false;
        }
        self.pending = Some(Pending {
            doubt,
            action: Box::new(action),
        });
        true
    }

    /// The current entity.
    pub fn entity(&self) -> Option<&Entity> {
        let id = self.current?;
        self.entities.iter().find(|e| e.id == id).map(|e| &**e)
    }

    /// The current entity, to change it: its saved text is made again at the next save.
    fn current_mut(&mut self) -> Option<&mut Entity> {
        self.entity_mut(self.current?)
    }

    /// Entity `id`, to change it.
    fn entity_mut(&mut self, id: Id) -> Option<&mut Entity> {
        // Copies this entity only, when the previous state still shares it.
        let e = Rc::make_mut(self.entities.iter_mut().find(|e| e.id == id)?);
        e.saved = SaveCache::default();
        Some(e)
    }

    /// The criteria of the current entity.
    pub fn criteria(&self) -> Option<&Rc<Criteria>> {
        self.entity().and_then(|e| self.catalog.get(&e.answers.edition))
    }

    /// Indexes of the questions of domain `d` that are asked now, in the edition's order. A
    /// question that does not apply to the profile, or a follow-up whose condition is false, is
    /// hidden: the engine says which through each criterion's status.
    pub fn visible_questions(&self, d: usize) -> Vec<usize> {
        let (Some(e), Some(c)) = (self.entity(), self.criteria()) else {
            return Vec::new();
        };
        let Some(domain) = c.domains().get(d) else {
            return Vec::new();
        };
        c.questions()
            .iter()
            .enumerate()
            .filter(|(i, q)| {
                q.domain == domain.id
                    && e.report
                        .criteria
                        .get(*i)
                        .is_some_and(|r| !matches!(r.status, Status::Excluded | Status::NotAsked))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        if !matches!(action, Action::Adopt { .. }) {
            // Whatever happens next is this tab's own, and saved as usual.
            self.synced = None;
        }
        self.typing = false;
        self.new_line = None;
        if !matches!(action, Action::Confirm) && !matches!(action, Action::SetLang(_) | Action::SetToday(_)) {
            // A held file waits for its answer; any other action forgets it.
            self.pending = None;
        }
        self.apply_one(action);
        // Undo puts back what the message on screen announces, nothing older.
        if !matches!(
            self.notice,
            Some(Notice::EntityRemoved { .. } | Notice::LineRemoved { .. })
        ) {
            self.undo = None;
        }
    }

    fn apply_one(&mut self, action: Action) {
        match action {
            Action::SetLang(lang) => self.lang = lang,
            Action::Go(screen) => {
                // "Added" messages belong to the inventory screen.
                if matches!(self.notice, Some(Notice::LineAdded { .. } | Notice::LineRemoved { .. })) {
                    self.notice = None;
                }
                self.screen = if self.entity().is_none() && screen != Screen::Territory {
                    Screen::Home
                } else {
                    screen
                };
            }
            Action::Start { edition } => {
                if self.catalog.get(&edition).is_some() {
                    self.push(Answers::new(edition, Profile::default()), None);
                    self.screen = Screen::Profile;
                }
            }
            Action::StartFrom {
                edition,
                file,
                text,
                now,
            } => self.start_from(&edition, file, &text, now),
            Action::Select(id) => {
                if self.position(id).is_some() {
                    self.current = Some(id);
                    if let Screen::Domain(_) = self.screen {
                        self.screen = Screen::Domain(0);
                    }
                }
            }
            Action::Remove(id) => self.remove(id),
            Action::Edit(edit, now) => self.edit(edit, now),
            Action::Import { file, text } => self.import(file, &text),
            Action::ImportMany { files } => self.import_many(files),
            Action::ImportPrevious { file, text } => self.import_previous(file, &text),
            Action::ClearAll => {
                self.entities.clear();
                self.current = None;
                self.screen = Screen::Home;
                self.notice = None;
            }
            Action::Adopt { raw, backup_key } => self.adopt(raw, backup_key),
            Action::DismissNotice => self.notice = None,
            Action::DismissUnreadable => self.unreadable.clear(),
            Action::Inventory(edit, now) => self.edit_inventory(edit, now),
            Action::ImportInventory { file, text } => self.import_inventory(file, &text),
            Action::Prefill { now } => self.prefill(now),
            Action::SetToday(today) => self.today = Some(today),
            Action::SaveFailed(failed) => self.save_failed = failed,
            Action::BackupFailed(key) => {
                if let Some(u) = self.unreadable.iter_mut().find(|u| u.key == key) {
                    u.kept = false;
                }
            }
            Action::Undo => self.undo(),
            Action::Confirm => {
                if let Some(p) = self.pending.take() {
                    self.confirmed = true;
                    self.apply_one(*p.action);
                    self.confirmed = false;
                }
            }
            Action::Cancel => self.pending = None,
        }
    }

    /// Removes entity `id`, says which went and keeps it for « Annuler ». When it was the
    /// current one, the entity before it becomes current (the next one when it was first).
    fn remove(&mut self, id: Id) {
        let Some(i) = self.position(id) else { return };
        let entity = self.entities.remove(i);
        self.notice = Some(Notice::EntityRemoved {
            name: entity.answers.profile.name.clone(),
        });
        let after = i.checked_sub(1).map(|p| self.entities[p].id);
        self.undo = Some(Removed::Entity { after, entity });
        if self.current == Some(id) {
            self.current = self.entities.get(i.saturating_sub(1)).map(|e| e.id);
        }
        if self.entities.is_empty() {
            self.screen = Screen::Home;
        }
    }

    /// Puts back what the last removal took away, with its id, right after what came before it.
    fn undo(&mut self) {
        match self.undo.take() {
            Some(Removed::Entity { after, entity }) => {
                let at = after.and_then(|a| self.position(a)).map_or(0, |p| p + 1);
                self.current = Some(entity.id);
                self.entities.insert(at, entity);
                if self.screen == Screen::Home {
                    self.screen = Screen::Territory;
                }
                self.notice = None;
            }
            Some(Removed::Line {
                entity,
                after,
                id,
                item,
            }) => {
                let Some(e) = self.entity_mut(entity) else { return };
                let at = after.and_then(|a| e.line_index(a)).map_or(0, |p| p + 1);
                e.inventory.items.insert(at, *item);
                e.line_ids.insert(at, id);
                self.new_line = Some(id);
                self.notice = None;
            }
            None => {}
        }
    }

    /// Removes the current entity when it is blank (just started, nothing typed): an import
    /// takes its place rather than leaving an empty one in the list.
    fn drop_blank_current(&mut self) {
        let blank = self.entity().filter(|e| e.is_blank()).map(|e| e.id);
        if let Some(at) = blank.and_then(|id| self.position(id)) {
            self.entities.remove(at);
            self.current = self.entities.get(at).or(self.entities.last()).map(|e| e.id);
        }
    }

    fn push(&mut self, answers: Answers, previous: Option<Rc<Baseline>>) {
        self.push_with(answers, previous, Inventory::new(Profile::default()), None);
    }

    /// Adds an entity, evaluated, and makes it current: with the `ids` given for it and its
    /// lines (a saved state), else with new ones. Answers of an edition the app lacks add nothing.
    fn push_with(
        &mut self,
        answers: Answers,
        previous: Option<Rc<Baseline>>,
        inventory: Inventory,
        ids: Option<(Id, Vec<Id>)>,
    ) {
        let (id, line_ids) = ids.unwrap_or_else(|| {
            let id = self.fresh_id();
            (id, (0..inventory.items.len()).map(|_| self.fresh_id()).collect())
        });
        let Some(criteria) = self.catalog.get(&answers.edition) else {
            return;
        };
        let report = Rc::new(evaluate(criteria, &answers));
        self.entities.push(Rc::new(Entity {
            id,
            answers,
            report,
            previous,
            inventory,
            line_ids,
            saved: SaveCache::default(),
        }));
        self.current = Some(id);
    }

    /// Replaces the inventory of entity `id`, its lines getting new ids.
    fn set_inventory(&mut self, id: Id, inventory: Inventory) {
        let line_ids = (0..inventory.items.len()).map(|_| self.fresh_id()).collect();
        if let Some(e) = self.entity_mut(id) {
            e.inventory = inventory;
            e.line_ids = line_ids;
        }
    }

    /// The current entity's inventory as a file ([`Entity::inventory_file`]).
    pub fn inventory_file(&self) -> Option<Inventory> {
        self.entity().map(Entity::inventory_file)
    }

    /// The current entity's dependency report, from the engine, with the host's `today`. `None`
    /// without an entity or when the embedded catalogue cannot be read.
    pub fn dependency_report(&self) -> Option<DependencyReport> {
        self.dependency_report_of(self.entity()?)
    }

    /// The dependency report of entity `e`.
    fn dependency_report_of(&self, e: &Entity) -> Option<DependencyReport> {
        let inv = e.inventory_file();
        let catalogue = self.catalog.catalogue()?;
        Some(dependency_report(
            catalogue,
            &inv,
            &DepsOptions {
                today: self.today.clone(),
            },
        ))
    }

    /// The entities' positions in the order of a territory table column: `None` keeps the order
    /// of addition. Ties keep that order too, and a missing value (no tier, a domain that does
    /// not apply) comes last either way.
    pub fn territory_order(&self, by: Option<SortBy>, descending: bool) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.entities.len()).collect();
        let Some(by) = by else { return order };
        let key = |i: usize| -> (bool, u64, String) {
            let r = &self.entities[i].report;
            let n = |v: Option<u32>| v.map(u64::from);
            let v = match &by {
                SortBy::Name => return (false, 0, tnl_engine::text::latin_lower(&r.profile.name)),
                SortBy::Tier => n(r.tier.as_ref().map(|t| t.rank)).or(Some(0)),
                // Too few answers to say sorts with the gaps, last whichever the direction.
                SortBy::Likely => r
                    .estimate
                    .enough_answers
                    .then(|| r.estimate.likely.as_ref().map_or(0, |t| u64::from(t.rank))),
                SortBy::Reachable => n(r.estimate.reachable.as_ref().map(|t| t.rank)).or(Some(0)),
                SortBy::Score => n(Some(r.score.per_mille)),
                SortBy::Completeness => n(Some(r.completeness.per_mille)),
                SortBy::Domain(id) => n(r.domains.iter().find(|d| *d.id == **id).and_then(|d| d.per_mille)),
            };
            (v.is_none(), v.unwrap_or(0), String::new())
        };
        tnl_engine::sort::sort_by(&mut order, |&a, &b| {
            let (ka, kb) = (key(a), key(b));
            // Missing values last whatever the direction; then the value, in the direction asked.
            ka.0.cmp(&kb.0).then_with(|| {
                if descending {
                    (kb.1, &kb.2).cmp(&(ka.1, &ka.2))
                } else {
                    (ka.1, &ka.2).cmp(&(kb.1, &kb.2))
                }
            })
        });
        order
    }

    /// Each entity's dependency report, `None` for an entity without inventory lines (the
    /// territory table's dependency columns and its archive). Only inventories are evaluated.
    pub fn territory_dependency_reports(&self) -> Vec<Option<DependencyReport>> {
        self.entities
            .iter()
            .map(|e| {
                if e.inventory.items.is_empty() {
                    None
                } else {
                    self.dependency_report_of(e)
                }
            })
            .collect()
    }

    fn edit_inventory(&mut self, edit: InvEdit, now: String) {
        let catalogue = self.catalog.catalogue().cloned();
        // The id a line added now gets (the counter moves only when one is added).
        let new_id = Id(self.next_id);
        let Some(current) = self.current else { return };
        let Some(e) = self.current_mut() else { return };
        // The line's position now, found by its id: an edit for a line no longer there (removed
        // here or in another tab) changes nothing, and never lands on another line.
        let at = match edit.line().map(|id| e.line_index(id)) {
            Some(None) => return,
            Some(Some(i)) => i,
            None => e.line_ids.len(),
        };
        let items = &mut e.inventory.items;
        let mut notice = None;
        let mut removed = None;
        let number = |s: &str| parse_decimal(s).filter(|x| *x >= 0.0);
        let text = |s: String| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        match edit {
            InvEdit::AddProduct { function, product } => {
                let Some(p) = catalogue.as_ref().and_then(|c| c.product(&product)) else {
                    return;
                };
                notice = Some(Notice::LineAdded {
                    name: p.name.clone(),
                    function,
                });
                items.push(Item {
                    function: Some(function),
                    product: Some(product),
                    ..Item::default()
                });
            }
            InvEdit::AddOther {
                function,
                name,
                vendor,
                free,
                jurisdiction,
            } => {
                let Some(name) = text(name) else { return };
                notice = Some(Notice::LineAdded {
                    name: name.clone(),
                    function,
                });
                items.push(Item {
                    function: Some(function),
                    name: Some(name),
                    vendor: text(vendor),
                    free,
                    jurisdiction: text(jurisdiction.to_ascii_uppercase()),
                    ..Item::default()
                });
            }
            InvEdit::Remove(_) => {
                let item = items.remove(at);
                let id = e.line_ids.remove(at);
                let product = item
                    .product
                    .as_deref()
                    .and_then(|p| catalogue.as_ref().and_then(|c| c.product(p)).map(|p| p.name.clone()));
                let name = item
                    .name
                    .clone()
                    .or(product)
                    .or(item.product.clone())
                    .unwrap_or_default();
                notice = Some(Notice::LineRemoved {
                    name,
                    function: item.function,
                });
                removed = Some(Removed::Line {
                    entity: current,
                    after: at.checked_sub(1).map(|p| e.line_ids[p]),
                    id,
                    item: Box::new(item),
                });
            }
            InvEdit::Seats(_, s) => items[at].seats = parse_count(&s),
            InvEdit::Share(_, s) => items[at].share = number(&s).map(|x| x.min(100.0)),
            InvEdit::Cost(_, s) => items[at].yearly_cost = number(&s),
            InvEdit::ContractEnd(_, s) => items[at].contract_end = text(s),
            InvEdit::Hosting(_, h) => items[at].hosting = h,
        }
        e.inventory.updated_at = Some(now);
        if matches!(notice, Some(Notice::LineAdded { .. })) {
            e.line_ids.push(new_id);
            self.next_id += 1;
            self.new_line = Some(new_id);
        }
        if notice.is_some() {
            self.notice = notice;
            self.undo = removed;
        }
    }

    fn import_inventory(&mut self, file: String, text: &str) {
        if self.entity().is_none() || self.refuse_unfit(&file, text, true) {
            return;
        }
        match Inventory::from_json(text, &file) {
            Err(err) => self.notice = Some(Notice::ImportFailed { file, error: err }),
            Ok(inv) => {
                let ours = self
                    .entity()
                    .map(|e| e.answers.profile.name.clone())
                    .unwrap_or_default();
                let lines = self.entity().map_or(0, |e| e.inventory.items.len());
                let again = || Action::ImportInventory {
                    file: file.clone(),
                    text: text.to_owned(),
                };
                if !same_collectivite(&inv.profile.name, &ours) {
                    let doubt = Doubt::InventoryOfOther {
                        file: file.clone(),
                        theirs: inv.profile.name.clone(),
                        ours,
                    };
                    if self.doubted(doubt, again()) {
                        return;
                    }
                } else if lines > 0 {
                    let doubt = Doubt::ReplacesInventory {
                        file: file.clone(),
                        lines,
                    };
                    if self.doubted(doubt, again()) {
                        return;
                    }
                }
                let catalog = self.catalog.clone();
                let Some(e) = self.current_mut() else { return };
                // An entity whose profile is still blank takes the inventory's, so that the
                // figures are the ones the CLI gives for this file.
                if e.answers.profile == Profile::default() && inv.profile != Profile::default() {
                    e.answers.profile = inv.profile.clone();
                    if let Some(c) = catalog.get(&e.answers.edition) {
                        e.report = Rc::new(evaluate(c, &e.answers));
                    }
                }
                let lines = inv.items.len();
                if let Some(id) = self.current {
                    self.set_inventory(id, inv);
                }
                self.notice = Some(Notice::InventoryImported { file, lines });
                self.screen = Screen::Inventory;
            }
        }
    }

    fn prefill(&mut self, now: String) {
        let (Some(report), Some(criteria)) = (self.dependency_report(), self.criteria().cloned()) else {
            return;
        };
        let proposed = prefill(&report, &criteria, self.lang);
        let Some(e) = self.current_mut() else { return };
        let filled = e.answers.apply_prefill(&proposed);
        if filled > 0 {
            e.answers.updated_at = Some(now);
            e.report = Rc::new(evaluate(&criteria, &e.answers));
        }
        self.notice = Some(Notice::Prefilled {
            filled,
            proposed: proposed.len(),
        });
    }

    fn edit(&mut self, edit: Edit, now: String) {
        let Some(criteria) = self.criteria().cloned() else {
            return;
        };
        self.typing = match &edit {
            Edit::Kind(_) | Edit::NotApplicable { .. } => false,
            Edit::Value { question, .. } => !criteria.question(question).is_some_and(|q| {
                matches!(
                    q.kind,
                    QuestionKind::YesNo | QuestionKind::SingleChoice | QuestionKind::MultipleChoice
                )
            }),
            _ => true,
        };
        let Some(e) = self.current_mut() else { return };
        let a = &mut e.answers;
        let number = |s: &str| parse_count(s);
        match edit {
            Edit::Name(s) => a.profile.name = s,
            Edit::Kind(k) => a.profile.kind = k,
            Edit::Siren(s) => a.profile.siren = Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
            Edit::Population(s) => a.profile.population = number(&s),
            Edit::Agents(s) => a.profile.agents = number(&s),
            Edit::Workstations(s) => a.profile.workstations = number(&s),
            Edit::Value { question, value } => {
                let entry = a.answers.entry(question.clone()).or_default();
                entry.value = value.filter(|v| !v.is_null());
                if entry.value.is_some() {
                    entry.not_applicable = false;
                }
                prune(&mut a.answers, &question);
            }
            Edit::NotApplicable { question, on } => {
                let entry = a.answers.entry(question.clone()).or_default();
                entry.not_applicable = on;
                if on {
                    entry.value = None;
                }
                prune(&mut a.answers, &question);
            }
            Edit::Justification { question, text } => {
                let entry = a.answers.entry(question.clone()).or_default();
                entry.justification = Some(text).filter(|t| !t.trim().is_empty());
                prune(&mut a.answers, &question);
            }
        }
        a.updated_at = Some(now);
        e.report = Rc::new(evaluate(&criteria, a));
    }

    /// Says when a file cannot be what is asked for at a glance: empty, or of the other kind.
    /// `inventory`: whether an inventory is asked for. True when it said so.
    fn refuse_unfit(&mut self, file: &str, text: &str, inventory: bool) -> bool {
        let file = file.to_owned();
        self.notice = if text.trim().is_empty() {
            Some(Notice::EmptyFile { file })
        } else if !inventory && is_inventory(text) {
            Some(Notice::InventoryNotAnswers { file })
        } else if inventory && !is_inventory(text) && is_answers_or_report(text) {
            Some(Notice::AnswersNotInventory { file })
        } else {
            return false;
        };
        true
    }

    fn import(&mut self, file: String, text: &str) {
        if self.refuse_unfit(&file, text, false) {
            return;
        }
        match Answers::from_json(text, &file) {
            Err(err) => self.notice = Some(Notice::ImportFailed { file, error: err }),
            Ok(answers) if self.catalog.get(&answers.edition).is_none() => {
                self.notice = Some(Notice::UnknownEdition {
                    file,
                    edition: answers.edition,
                })
            }
            Ok(answers) => {
                let newest = self.catalog.ids().next().unwrap_or_default();
                if answers.edition != newest {
                    let doubt = Doubt::OlderEdition {
                        file: file.clone(),
                        edition: answers.edition.clone(),
                        newest: newest.to_owned(),
                    };
                    if self.doubted(
                        doubt,
                        Action::Import {
                            file: file.clone(),
                            text: text.to_owned(),
                        },
                    ) {
                        return;
                    }
                }
                self.drop_blank_current();
                self.push(answers, None);
                self.notice = Some(Notice::Imported { file });
                self.screen = Screen::Report;
            }
        }
    }

    fn import_many(&mut self, files: Vec<(String, String)>) {
        let mut entries: Vec<(String, String)> = Vec::new();
        for (file, text) in files {
            let lower = file.to_ascii_lowercase();
            if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
                // Named as `tnl batch` names them: the file and the line.
                entries.extend(
                    text.lines()
                        .enumerate()
                        .filter(|(_, l)| !l.trim().is_empty())
                        .map(|(i, l)| (format!("{file}:{}", i + 1), l.to_owned())),
                );
            } else {
                entries.push((file, text));
            }
        }
        if let [(file, text)] = &entries[..] {
            if !is_inventory(text) {
                return self.import(file.clone(), text);
            }
        }
        // What was read, in the order chosen: answers and inventories, each with the stem of its
        // file (none for a JSON Lines line), which pairs a collectivité's files.
        let mut read: Vec<Read> = Vec::new();
        let mut failed = Vec::new();
        for (file, text) in entries {
            let stem = (!file.contains(".jsonl:") && !file.contains(".ndjson:"))
                .then(|| tnl_engine::territory::stem(&file).to_owned());
            if is_inventory(&text) {
                match Inventory::from_json(&text, &file) {
                    Err(err) => failed.push(Notice::ImportFailed { file, error: err }),
                    Ok(inventory) => read.push(Read::Inventory { stem, inventory }),
                }
                continue;
            }
            if text.trim().is_empty() {
                failed.push(Notice::EmptyFile { file });
                continue;
            }
            match Answers::from_json(&text, &file) {
                Err(err) => failed.push(Notice::ImportFailed { file, error: err }),
                Ok(answers) if self.catalog.get(&answers.edition).is_none() => failed.push(Notice::UnknownEdition {
                    file,
                    edition: answers.edition,
                }),
                Ok(answers) => read.push(Read::Answers { stem, answers }),
            }
        }
        if !read.is_empty() {
            self.drop_blank_current();
            self.screen = Screen::Territory;
        }
        // Files of a collectivité already in the table are added beside it, never over it: say so.
        let again = read
            .iter()
            .filter(|r| match r {
                Read::Answers { answers: a, .. } => {
                    !a.profile.name.trim().is_empty()
                        && self
                            .entities
                            .iter()
                            .any(|e| e.answers.profile.name == a.profile.name && e.answers.edition == a.edition)
                }
                Read::Inventory { .. } => false,
            })
            .count();
        // Each inventory goes where `tnl batch` would put it (tnl_engine::territory): to the
        // answers of its file's stem, else to the only collectivité of its name without one
        // (those already in the table first), else to a row of its own. One never replaces another.
        let (placements, apart) = {
            let mut answers_keys: Vec<AnswersKey> = self
                .entities
                .iter()
                .map(|e| AnswersKey {
                    stem: None,
                    name: &e.answers.profile.name,
                    has_inventory: !e.inventory.items.is_empty(),
                })
                .collect();
            let mut inventory_keys = Vec::new();
            for r in &read {
                match r {
                    Read::Answers { stem, answers } => answers_keys.push(AnswersKey {
                        stem: stem.as_deref(),
                        name: &answers.profile.name,
                        has_inventory: false,
                    }),
                    Read::Inventory { stem, inventory } => inventory_keys.push(InventoryKey {
                        stem: stem.as_deref(),
                        name: &inventory.profile.name,
                    }),
                }
            }
            let placed = place_inventories(&answers_keys, &inventory_keys);
            let named =
                |name: &str| !name.trim().is_empty() && answers_keys.iter().any(|a| a.name.trim() == name.trim());
            let apart = placed
                .iter()
                .zip(&inventory_keys)
                .filter(|(p, inv)| **p == Placement::OwnRow && named(inv.name))
                .count();
            (placed, apart)
        };
        // `place_inventories` numbers the entities already here, then the answers read, in order.
        let present = self.entities.len();
        let answers_read = read.iter().filter(|r| matches!(r, Read::Answers { .. })).count();
        let mut inventory_for: Vec<Option<usize>> = vec![None; present + answers_read];
        for (k, placement) in placements.iter().enumerate() {
            if let Placement::WithAnswers(i) = placement {
                inventory_for[*i] = Some(k);
            }
        }
        let mut inventories: Vec<Option<Inventory>> = Vec::new();
        let mut rows: Vec<NewRow> = Vec::new();
        for r in read {
            match r {
                Read::Answers { answers, .. } => rows.push(NewRow::Answers(Box::new(answers))),
                Read::Inventory { inventory, .. } => {
                    if placements[inventories.len()] == Placement::OwnRow {
                        rows.push(NewRow::Inventory(inventories.len()));
                    }
                    inventories.push(Some(inventory));
                }
            }
        }
        let mut attached = 0;
        // Inventories for the entities already in the table…
        let present_ids: Vec<Id> = self.entities.iter().map(|e| e.id).collect();
        for (id, k) in present_ids.into_iter().zip(&inventory_for) {
            if let Some(inv) = k.and_then(|k| inventories[k].take()) {
                self.set_inventory(id, inv);
                attached += 1;
            }
        }
        // …then the new rows in the order chosen: each answers file with its inventory, each
        // inventory of its own on blank answers of the newest edition.
        let mut imported = 0;
        let mut answers_index = present;
        for row in rows {
            let (answers, inventory) = match row {
                NewRow::Answers(answers) => {
                    let inventory = inventory_for[answers_index].and_then(|k| inventories[k].take());
                    answers_index += 1;
                    (*answers, inventory)
                }
                NewRow::Inventory(k) => {
                    let (Some(inv), Some(edition)) = (inventories[k].take(), self.catalog.ids().next()) else {
                        continue;
                    };
                    (Answers::new(edition, inv.profile.clone()), Some(inv))
                }
            };
            attached += usize::from(inventory.is_some());
            self.push_with(
                answers,
                None,
                inventory.unwrap_or_else(|| Inventory::new(Profile::default())),
                None,
            );
            imported += 1;
        }
        self.notice = Some(Notice::ImportedMany {
            imported,
            inventories: attached,
            again,
            apart,
            failed,
        });
    }

    fn start_from(&mut self, edition: &str, file: String, text: &str, now: String) {
        let Some(criteria) = self.catalog.get(edition).cloned() else {
            return;
        };
        if self.refuse_unfit(&file, text, false) {
            return;
        }
        let old = match Answers::from_json(text, &file) {
            Ok(a) => a,
            Err(err) => {
                self.notice = Some(Notice::ImportFailed { file, error: err });
                return;
            }
        };
        let mut c = carry_over(&old, &criteria);
        c.answers.updated_at = Some(now);
        // Last year's evaluation, when its edition is here, is the comparison's baseline at once.
        let previous = self
            .catalog
            .get(&old.edition)
            .map(|oc| Rc::new(Baseline::of(&evaluate(oc, &old))));
        self.notice = Some(Notice::Carried {
            file,
            carried: c.carried.len(),
            dropped: c.dropped.len(),
            retired: c.retired.len(),
            to_answer: c.new_questions.len() + c.dropped.len(),
        });
        self.drop_blank_current();
        self.push(c.answers, previous);
        self.screen = Screen::Profile;
    }

    fn import_previous(&mut self, file: String, text: &str) {
        if self.entity().is_none() || self.refuse_unfit(&file, text, false) {
            return;
        }
        let parsed = serde_json::from_str::<Value>(text)
            .ok()
            .filter(|v| v.get("engine").is_some());
        let report = if let Some(v) = parsed {
            Baseline::from_json_value(&v, &file).map_err(|e| Notice::ImportFailed {
                file: file.clone(),
                error: e,
            })
        } else {
            match Answers::from_json(text, &file) {
                Err(e) => Err(Notice::ImportFailed {
                    file: file.clone(),
                    error: e,
                }),
                Ok(a) => match self.catalog.get(&a.edition) {
                    None => Err(Notice::UnknownEdition {
                        file: file.clone(),
                        edition: a.edition.clone(),
                    }),
                    Some(c) => Ok(Baseline::of(&evaluate(c, &a))),
                },
            }
        };
        let ours = self
            .entity()
            .map(|e| e.answers.profile.name.clone())
            .unwrap_or_default();
        if let Ok(r) = &report {
            if !same_collectivite(&r.name, &ours) {
                let doubt = Doubt::PreviousOfOther {
                    file: file.clone(),
                    theirs: r.name.clone(),
                    ours,
                };
                if self.doubted(
                    doubt,
                    Action::ImportPrevious {
                        file: file.clone(),
                        text: text.to_owned(),
                    },
                ) {
                    return;
                }
            }
        }
        match report {
            Ok(r) => {
                if let Some(e) = self.current_mut() {
                    e.previous = Some(Rc::new(r));
                }
                self.notice = Some(Notice::PreviousImported { file });
                self.screen = Screen::Compare;
            }
            Err(n) => self.notice = Some(n),
        }
    }

    fn adopt(&mut self, raw: String, backup_key: String) {
        let mut other = AppState::new(self.catalog.clone());
        // Ids the load gives (to an older app's entities, saved without ids) come after every
        // id of this tab, so that none of them names one of this tab's entities.
        other.next_id = self.next_id;
        let ids_saved = match other.load(&raw) {
            Ok(ids_saved) => ids_saved,
            Err(reason) => {
                // One backup for what other tabs save, holding the latest: each of their changes
                // saves the whole state again.
                match self.unreadable.iter_mut().find(|u| u.key == backup_key) {
                    Some(u) => (u.raw, u.reason, u.kept) = (raw, reason, true),
                    None => self.unreadable.push(Unreadable {
                        key: backup_key,
                        raw,
                        reason,
                        kept: true,
                    }),
                }
                return;
            }
        };
        if other.entities == self.entities {
            return;
        }
        let before = self.current.and_then(|id| Some((self.position(id)?, id)));
        let moved = other.entities.len() != self.entities.len();
        self.next_id = other.next_id;
        self.entities = other.entities;
        let first = self.entities.first().map(|e| e.id);
        self.current = match before {
            None => first,
            Some((at, before)) => {
                let followed = self.followed(before, at, ids_saved, moved);
                if followed.is_none() && first.is_some() {
                    // Show the table rather than let the next answer land in another collectivité.
                    self.screen = Screen::Territory;
                }
                followed.or(first)
            }
        };
        if self.entities.is_empty() && self.screen != Screen::Territory {
            self.screen = Screen::Home;
        }
        if let Screen::Domain(d) = self.screen {
            let domains = self
                .entity()
                .and_then(|e| self.catalog.get(&e.answers.edition))
                .map_or(0, |c| c.domains().len());
            self.screen = Screen::Domain(d.min(domains.saturating_sub(1)));
        }
        self.notice = Some(Notice::Synced);
        self.synced = Some(self.save());
    }

    /// The entity this tab shows once another tab's entities are taken, `before` being the one it
    /// showed, at position `at`: the same entity, by its id. An older app's save has no ids (its
    /// entities got new ones): then the one at the same place when no entity was added or removed
    /// (`moved`). `None` when it cannot be told.
    fn followed(&self, before: Id, at: usize, ids_saved: bool, moved: bool) -> Option<Id> {
        if ids_saved {
            self.position(before).map(|_| before)
        } else if moved {
            None
        } else {
            self.entities.get(at).map(|e| e.id)
        }
    }

    /// Whether autosave should write `saved` (this state's [`AppState::save`]): not when it is
    /// what this tab took from another one, which the storage holds already.
    pub fn should_save(&self, saved: &str) -> bool {
        self.synced.as_deref() != Some(saved)
    }

    /// The text saved in localStorage: the interface language and every entity's answers in
    /// the exact answers format, plus last year's report when one was imported.
    pub fn save(&self) -> String {
        let entities: Vec<Rc<str>> = self
            .entities
            .iter()
            .map(|e| e.saved.0.get_or_init(|| Entity::to_saved(e).into()).clone())
            .collect();
        // The layout of `json!` with sorted keys, as it always was.
        // The current entity by its position: the layout an older app reads too.
        let current = self.current.and_then(|id| self.position(id)).unwrap_or(0);
        let mut out = format!("{{\"current\":{current},\"entities\":[");
        for (i, e) in entities.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(e);
        }
        out.push_str(&format!(
            "],\"lang\":\"{}\",\"next_id\":{},\"storage\":{STORAGE_VERSION}}}",
            self.lang.code(),
            self.next_id
        ));
        out
    }

    /// Rebuilds the state from what localStorage holds: the current key, backups of earlier
    /// unreadable states and keys written by a newer version (both as `(key, text)` pairs).
    /// When the current key cannot be read in full, its text is listed as unreadable under
    /// `backup_key`, and returned: the host must keep it there before autosave overwrites it.
    pub fn restore(
        catalog: Rc<Catalog>,
        saved: Option<String>,
        backups: Vec<(String, String)>,
        newer: Vec<(String, String)>,
        backup_key: &str,
    ) -> (AppState, Option<String>) {
        let mut state = AppState::new(catalog);
        let mut to_backup = None;
        for (key, raw) in backups {
            state.unreadable.push(Unreadable {
                key,
                reason: state.reason_of(&raw),
                raw,
                kept: true,
            });
        }
        for (key, raw) in newer {
            let version = key
                .strip_prefix(STORAGE_PREFIX)
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            state.unreadable.push(Unreadable {
                key,
                raw,
                reason: UnreadableReason::Newer(version),
                kept: true,
            });
        }
        if let Some(raw) = saved {
            if let Err(reason) = state.load(&raw) {
                state.unreadable.push(Unreadable {
                    key: backup_key.into(),
                    raw: raw.clone(),
                    reason,
                    kept: true,
                });
                to_backup = Some(raw);
            }
        }
        (state, to_backup)
    }

    fn reason_of(&self, raw: &str) -> UnreadableReason {
        let mut probe = AppState::new(self.catalog.clone());
        probe
            .load(raw)
            .err()
            .unwrap_or_else(|| UnreadableReason::Corrupt(String::new()))
    }

    /// The id saved for an entity or a line when it is one, under the saved counter (`below`)
    /// and not `taken` yet; else a new one. The counter is at least `below`, so that a new id is
    /// never one of those kept.
    fn claim(&mut self, saved: Option<&Value>, below: u64, taken: &mut Vec<u64>) -> Id {
        match saved.and_then(Value::as_u64) {
            Some(n) if n < below && !taken.contains(&n) => {
                taken.push(n);
                Id(n)
            }
            _ => self.fresh_id(),
        }
    }

    /// Loads a saved state into `self`, keeping every entity that can be read. `Ok` says whether
    /// the ids were saved with it (an older app saves none); `Err` says why some or all of it
    /// could not be read.
    fn load(&mut self, raw: &str) -> Result<bool, UnreadableReason> {
        // Said in the language of the moment, then in the one saved once it is read.
        let say = |lang: Lang, fr: String, en: String| if lang == Lang::Fr { fr } else { en };
        let v: Value = serde_json::from_str(raw)
            .map_err(|e| UnreadableReason::Corrupt(tnl_engine::error::serde_message(&e.to_string(), self.lang)))?;
        let version = v.get("storage").and_then(Value::as_u64).ok_or_else(|| {
            UnreadableReason::Corrupt(say(
                self.lang,
                "pas de version « storage »".into(),
                "no \"storage\" version".into(),
            ))
        })?;
        if version > STORAGE_VERSION {
            return Err(UnreadableReason::Newer(version));
        }
        if let Some(lang) = v.get("lang").and_then(Value::as_str).and_then(Lang::parse) {
            self.lang = lang;
        }
        let lang = self.lang;
        let list = v.get("entities").and_then(Value::as_array).ok_or_else(|| {
            UnreadableReason::Corrupt(say(
                lang,
                "pas de liste « entities »".into(),
                "no \"entities\" list".into(),
            ))
        })?;
        // The saved ids under the saved counter are kept, each once ([`AppState::claim`]); the
        // counter goes on from there. A state saved before ids has no counter: all its entities
        // and lines get new ids.
        let saved_next = v.get("next_id").and_then(Value::as_u64).filter(|n| *n <= MAX_SAVED_ID);
        let below = saved_next.unwrap_or(0);
        self.next_id = self.next_id.max(below);
        let mut taken = Vec::new();
        let mut problems = Vec::new();
        for (i, item) in list.iter().enumerate() {
            let name = format!("entities[{i}]");
            let answers = match item.get("answers").cloned().map(|a| Answers::from_value(a, &name)) {
                Some(Ok(a)) if self.catalog.get(&a.edition).is_some() => a,
                Some(Ok(a)) => {
                    problems.push(say(
                        lang,
                        format!("{name} : l'édition « {} » n'est pas dans cette application", a.edition),
                        format!("{name}: edition \"{}\" is not in this app", a.edition),
                    ));
                    continue;
                }
                Some(Err(e)) => {
                    problems.push(e.message(lang));
                    continue;
                }
                None => {
                    problems.push(say(
                        lang,
                        format!("{name} : pas de réponses"),
                        format!("{name}: no answers"),
                    ));
                    continue;
                }
            };
            let previous = match item
                .get("previous")
                .map(|p| Baseline::from_json_value(p, &format!("{name}.previous")))
            {
                None => None,
                Some(Ok(b)) => Some(Rc::new(b)),
                Some(Err(e)) => {
                    // As for the inventory: the answers are kept, last year's report is reported.
                    problems.push(e.message(lang));
                    None
                }
            };
            let inventory = match item
                .get("inventory")
                .cloned()
                .map(|i| Inventory::from_value(i, &format!("{name}.inventory")))
            {
                None => Inventory::new(Profile::default()),
                Some(Ok(i)) => i,
                Some(Err(e)) => {
                    // The answers are kept; the unreadable inventory is reported, and the whole
                    // saved text is kept for download before anything overwrites it.
                    problems.push(e.message(lang));
                    Inventory::new(Profile::default())
                }
            };
            let id = self.claim(item.get("id"), below, &mut taken);
            let saved_lines = item.get("lines").and_then(Value::as_array);
            let line_ids = (0..inventory.items.len())
                .map(|k| self.claim(saved_lines.and_then(|l| l.get(k)), below, &mut taken))
                .collect();
            self.push_with(answers, previous, inventory, Some((id, line_ids)));
        }
        let at = v
            .get("current")
            .and_then(Value::as_u64)
            .map_or(0, |c| c as usize)
            .min(self.entities.len().saturating_sub(1));
        self.current = self.entities.get(at).map(|e| e.id);
        if problems.is_empty() {
            Ok(saved_next.is_some())
        } else {
            Err(UnreadableReason::Answers(problems.join("\n")))
        }
    }
}

/// Whether two names may be the same collectivité: the same letters and digits, whatever the
/// case, accents and punctuation, or one of them not given (a blank name proves nothing).
fn same_collectivite(a: &str, b: &str) -> bool {
    let (a, b) = (tnl_engine::text::slug(a, ""), tnl_engine::text::slug(b, ""));
    a.is_empty() || b.is_empty() || a == b
}

/// Whether a file is a software inventory (`"kind": "inventory"`) rather than answers.
fn is_inventory(text: &str) -> bool {
    text.contains("inventory")
        && serde_json::from_str::<Value>(text)
            .ok()
            .is_some_and(|v| v.get("kind").and_then(Value::as_str) == Some("inventory"))
}

/// A file (or JSON Lines line) of a territory import, read.
enum Read {
    /// An answers file, with the stem of its file name.
    Answers { stem: Option<String>, answers: Answers },
    /// A software inventory, with the stem of its file name.
    Inventory { stem: Option<String>, inventory: Inventory },
}

/// A new row of the territory from an import, in the order chosen.
enum NewRow {
    /// An answers file (its inventory, if any, is found by its position among the answers).
    Answers(Box<Answers>),
    /// An inventory on a row of its own: its position among the inventories read.
    Inventory(usize),
}

/// Whether a file reads as answers (`"answers"`) or a report (`"engine"`): the other kinds of
/// tnl file than an inventory.
fn is_answers_or_report(text: &str) -> bool {
    serde_json::from_str::<Value>(text)
        .ok()
        .is_some_and(|v| v.get("answers").is_some() || v.get("engine").is_some())
}

/// Removes an answer that says nothing any more, so that the exported file stays clean.
fn prune(answers: &mut std::collections::BTreeMap<String, Answer>, question: &str) {
    if answers.get(question).is_some_and(|a| {
        a.value.is_none()
            && !a.not_applicable
            && a.justification.is_none()
            && a.extra.is_empty()
            && a.updated_at.is_none()
    }) {
        answers.remove(question);
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

/// Reads a count as people write it: digits, in groups or not ("5000", "5 000" with a space, a
/// no-break space or a narrow one). No sign, no decimal separator: "5.000" may mean five
/// thousand or five, so it is no count. `None` also for a count beyond `u64`.
pub fn parse_count(text: &str) -> Option<u64> {
    let t = text.trim();
    let t = t.strip_prefix('+').unwrap_or(t);
    let (mut n, mut digits) = (0u64, 0u32);
    for c in t.chars() {
        match c {
            '0'..='9' => {
                n = n.checked_mul(10)?.checked_add(u64::from(c) - u64::from('0'))?;
                digits += 1;
            }
            ' ' | '\u{a0}' | '\u{202f}' if digits > 0 => {}
            _ => return None,
        }
    }
    (digits > 0).then_some(n)
}

/// A decimal number as people type it in a form: `12`, `-3`, `12,5` or `12.5`, `.5`, `+5`, with
/// spaces (plain, non-breaking, narrow) between digit groups: `1 200`. No exponent, no `inf` or
/// `NaN`: `None` for anything else.
///
/// Up to 15 significant digits, the result is the nearest `f64`, as `str::parse` gives (digits
/// and a power of ten, both exact, divided once); beyond that, digits past the 19th are dropped.
/// Written here rather than calling `str::parse::<f64>`, whose tables weigh 15 KB in the wasm
/// (`xtask build` fails when the app links them: `xtask/src/linked.rs`).
#[allow(
    clippy::float_arithmetic,
    reason = "exact operands: 10^k is exact up to k = 22 and the mantissa under 2^53 up to 15 digits, so each result rounds once, like str::parse; web/tests/state.rs compares the two"
)]
pub fn parse_decimal(text: &str) -> Option<f64> {
    let t = text.trim();
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (mut digits, mut mantissa, mut scale, mut point) = (0u32, 0u64, 0i32, false);
    for c in t.chars() {
        match c {
            '0'..='9' => {
                digits += 1;
                if mantissa < 1_000_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(c) - u64::from('0');
                    scale -= i32::from(point);
                } else if !point {
                    scale += 1;
                }
            }
            '.' | ',' if !point => point = true,
            ' ' | '\u{a0}' | '\u{202f}' if !point && digits > 0 => {}
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    let mut x = mantissa as f64;
    // 10^k is exact in an f64 up to k = 22: one division (or product) rounds once.
    let pow = |k: i32| (0..k.min(308)).fold(1.0f64, |p, _| p * 10.0);
    if scale < 0 {
        x /= pow(-scale);
    } else if scale > 0 {
        x *= pow(scale);
    }
    Some(if negative { -x } else { x }).filter(|x| x.is_finite())
}
