//! Finding the names of a unit cell among the commune's units and officers.
//!
//! Units are matched with `names::match_unit` (diacritics, case, dash styles and
//! prefixes such as "Công chức" do not matter); officers by name. What matches
//! nothing is offered as new, and is created only if the user accepts it.

use crate::model::code::Code;
use crate::model::names::{fold, match_unit, unit_key, UnitMatch, UnitNames};
use crate::model::view::PlanView;

use super::text::collapse;
use super::who::OfficerWritten;
use super::{Offer, PastePreview, PastedRow, RowDoubt};

/// A row's units and officers as found in the plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matched {
    pub lead: Vec<Named>,
    pub support: Vec<Named>,
    pub officers: Vec<Named>,
}

/// A name as written and what it was found to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub written: String,
    pub found: Found,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Unit {
        id: String,
        name: String,
    },
    /// Probably a slip for this unit (`Tài chính – KH` for `Tài chính - Kế toán`).
    Slip {
        id: String,
        name: String,
    },
    /// No unit of the commune: a new unit of this name is offered.
    NewUnit {
        name: String,
    },
    /// Several units fit; none is chosen.
    Ambiguous {
        names: Vec<String>,
    },
    Officer {
        id: String,
        name: String,
    },
    /// No officer of the commune: offered as new, with their unit and title when known.
    NewOfficer {
        name: String,
        unit: Option<UnitRef>,
        title: String,
    },
}

/// The unit of a new officer: a known unit, or a new one offered with them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnitRef {
    Known { id: String, name: String },
    New { name: String },
}

/// The commune's units and officers, as the matcher sees them.
pub(super) struct Known {
    units: Vec<KnownUnit>,
    officers: Vec<(String, String)>,
}

struct KnownUnit {
    id: String,
    name: String,
    aliases: Vec<String>,
    /// Offered by this paste, not yet in the plan.
    offered: bool,
}

impl Known {
    pub fn of(view: &PlanView) -> Known {
        Known {
            units: view
                .units
                .iter()
                .map(|u| KnownUnit {
                    id: u.id.clone(),
                    name: u.name.clone(),
                    aliases: u.aliases.clone(),
                    offered: false,
                })
                .collect(),
            officers: view
                .officers
                .iter()
                .map(|o| (o.id.clone(), o.name.clone()))
                .collect(),
        }
    }

    /// The same units and officers, with new units (id, name) after the commune's own.
    /// Offered ones are still found as new; the others as units.
    pub fn with_units(mut self, units: Vec<(String, String)>, offered: bool) -> Known {
        self.units
            .extend(units.into_iter().map(|(id, name)| KnownUnit {
                id,
                name,
                aliases: Vec::new(),
                offered,
            }));
        self
    }

    fn unit(&self, written: &str) -> Found {
        let names: Vec<UnitNames> = self
            .units
            .iter()
            .map(|u| UnitNames {
                name: &u.name,
                aliases: &u.aliases,
            })
            .collect();
        let found = |i: usize, slip: bool| match self.units.get(i) {
            Some(u) if u.offered => Found::NewUnit {
                name: u.name.clone(),
            },
            Some(u) => {
                let (id, name) = (u.id.clone(), u.name.clone());
                if slip {
                    Found::Slip { id, name }
                } else {
                    Found::Unit { id, name }
                }
            }
            None => new_unit(written),
        };
        match match_unit(written, &names) {
            UnitMatch::Exact(i) | UnitMatch::Short(i) => found(i, false),
            UnitMatch::Slip(i) => found(i, true),
            UnitMatch::Ambiguous(many) => Found::Ambiguous {
                names: many
                    .iter()
                    .filter_map(|&i| self.units.get(i).map(|u| u.name.clone()))
                    .collect(),
            },
            UnitMatch::Unknown => new_unit(written),
        }
    }

    fn officer(&self, o: &OfficerWritten) -> Found {
        let key = fold(&o.name);
        if let Some((id, name)) = self.officers.iter().find(|(_, n)| fold(n) == key) {
            return Found::Officer {
                id: id.clone(),
                name: name.clone(),
            };
        }
        let unit = (!o.role.is_empty()).then(|| self.unit(&o.role));
        let (unit, title) = match unit {
            Some(Found::Unit { id, name } | Found::Slip { id, name }) => {
                let title = join_words(&position_of(&o.role), &name);
                (Some(UnitRef::Known { id, name }), title)
            }
            // `Công chức Quân sự`: a position and a unit the commune lacks, offered.
            // `Chủ tịch UBND` is a position only.
            Some(Found::NewUnit { name }) if !position_of(&o.role).is_empty() => {
                (Some(UnitRef::New { name }), o.role.clone())
            }
            _ => (None, o.role.clone()),
        };
        Found::NewOfficer {
            name: o.name.clone(),
            unit,
            title,
        }
    }
}

/// A new unit's name: as written, without "Công chức" and the like, dashes spaced.
fn new_unit(written: &str) -> Found {
    let spaced = written
        .replace(['–', '—', '‑', '−'], " - ")
        .replace('-', " - ");
    let words = collapse(&spaced);
    let start = position_of(&words).len();
    let name = words[start..].trim().to_string();
    Found::NewUnit {
        name: if name.is_empty() { words } else { name },
    }
}

/// Words that name a position before a unit: `Công chức`, `Cán bộ`.
const POSITIONS: &[&str] = &["cong chuc", "can bo", "chuyen vien", "nhan vien"];

/// The position that starts a role (`Công chức` in `Công chức Tư pháp – Hộ tịch`).
fn position_of(role: &str) -> String {
    let words: Vec<&str> = role.split_whitespace().collect();
    POSITIONS
        .iter()
        .find_map(|p| {
            let n = p.split(' ').count();
            let head = words.get(..n)?;
            (fold(&head.join(" ")) == *p).then(|| head.join(" "))
        })
        .unwrap_or_default()
}

fn join_words(a: &str, b: &str) -> String {
    collapse(&format!("{a} {b}"))
}

/// Matches one row. Units inherited from a merged cell raise no doubts of their own:
/// the row they came from shows them.
pub(super) fn match_row(row: &PastedRow, known: &Known) -> (Matched, Vec<RowDoubt>) {
    let named = |w: &String, f: Found| Named {
        written: w.clone(),
        found: f,
    };
    let m = Matched {
        lead: row
            .who
            .units
            .iter()
            .map(|w| named(w, known.unit(w)))
            .collect(),
        support: row
            .who
            .support
            .iter()
            .map(|w| named(w, known.unit(w)))
            .collect(),
        officers: row
            .who
            .officers
            .iter()
            .map(|o| named(&o.name, known.officer(o)))
            .collect(),
    };
    let doubts = if row.merged_from.is_some() {
        Vec::new()
    } else {
        m.lead
            .iter()
            .chain(&m.support)
            .chain(&m.officers)
            .filter_map(doubt_of)
            .collect()
    };
    (m, doubts)
}

fn doubt_of(n: &Named) -> Option<RowDoubt> {
    let written = n.written.clone();
    match &n.found {
        Found::Slip { name, .. } => Some(RowDoubt::UnitSlip {
            written,
            unit: name.clone(),
        }),
        Found::NewUnit { .. } => Some(RowDoubt::UnknownUnit { written }),
        Found::Ambiguous { names } => Some(RowDoubt::AmbiguousUnit {
            written,
            units: names.clone(),
        }),
        Found::NewOfficer { name, .. } => Some(RowDoubt::UnknownOfficer { name: name.clone() }),
        Found::Unit { .. } | Found::Officer { .. } => None,
    }
}

/// Matches every row against the plan's people, then again with the new units the
/// rows need among them: a name may fit a new unit better than an old one
/// (`Tài chính – KH` once `Tài chính - Kế hoạch` is added). Adding the paste, and
/// pasting again afterwards, read the names the same way.
pub(super) fn match_all(
    rows: &[PastedRow],
    known: Known,
    add: impl FnOnce(Vec<String>) -> (Vec<(String, String)>, bool),
) -> Vec<(Matched, Vec<RowDoubt>)> {
    let first: Vec<Matched> = rows.iter().map(|r| match_row(r, &known).0).collect();
    let (units, offered) = add(new_unit_names(&first));
    let known = known.with_units(units, offered);
    rows.iter().map(|r| match_row(r, &known)).collect()
}

/// The new units the rows name, once each, in order.
pub(super) fn new_unit_names(matched: &[Matched]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for n in matched
        .iter()
        .flat_map(|m| m.lead.iter().chain(&m.support).chain(&m.officers))
    {
        let name = match &n.found {
            Found::NewUnit { name } => name,
            Found::NewOfficer {
                unit: Some(UnitRef::New { name }),
                ..
            } => name,
            _ => continue,
        };
        if !names.iter().any(|k| unit_key(k) == unit_key(name)) {
            names.push(name.clone());
        }
    }
    names
}

/// Matches every row of a preview against the plan's people and lists the offers.
/// The rows read as if every offer were accepted; `to_ops` reads them again with
/// only the accepted ones.
pub(super) fn match_preview(p: &mut PastePreview, view: &PlanView) {
    let commune = view.plan.commune.clone();
    let offered = |names: Vec<String>| {
        let units = names
            .into_iter()
            .map(|n| (crate::model::ids::unit(&commune, &n), n))
            .collect();
        (units, true)
    };
    let results = match_all(&p.rows, Known::of(view), offered);
    for (row, (m, doubts)) in p.rows.iter_mut().zip(results) {
        row.matched = m;
        row.doubts.extend(doubts);
    }
    let mut units: Vec<Offer> = Vec::new();
    let mut officers: Vec<Offer> = Vec::new();
    for row in &p.rows {
        for n in row
            .matched
            .lead
            .iter()
            .chain(&row.matched.support)
            .chain(&row.matched.officers)
        {
            match &n.found {
                Found::NewUnit { name } => offer(&mut units, name, &row.code, unit_key),
                Found::NewOfficer { name, unit, .. } => {
                    offer(&mut officers, name, &row.code, fold);
                    if let Some(UnitRef::New { name }) = unit {
                        offer(&mut units, name, &row.code, unit_key);
                    }
                }
                _ => {}
            }
        }
    }
    p.offers.units = units;
    p.offers.officers = officers;
}

fn offer(list: &mut Vec<Offer>, name: &str, code: &Code, key: fn(&str) -> String) {
    let k = key(name);
    match list.iter_mut().find(|o| key(&o.name) == k) {
        Some(o) => {
            if !o.rows.contains(code) {
                o.rows.push(code.clone());
            }
        }
        None => list.push(Offer {
            name: name.to_string(),
            rows: vec![code.clone()],
            accepted: false,
        }),
    }
}
