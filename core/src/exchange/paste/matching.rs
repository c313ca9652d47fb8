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
    units: Vec<(String, String, Vec<String>)>,
    officers: Vec<(String, String)>,
}

impl Known {
    pub fn of(view: &PlanView) -> Known {
        Known {
            units: view
                .units
                .iter()
                .map(|u| (u.id.clone(), u.name.clone(), u.aliases.clone()))
                .collect(),
            officers: view
                .officers
                .iter()
                .map(|o| (o.id.clone(), o.name.clone()))
                .collect(),
        }
    }

    fn unit(&self, written: &str) -> Found {
        let names: Vec<UnitNames> = self
            .units
            .iter()
            .map(|(_, name, aliases)| UnitNames { name, aliases })
            .collect();
        let known = |i: usize| {
            self.units
                .get(i)
                .map(|(id, name, _)| (id.clone(), name.clone()))
        };
        match match_unit(written, &names) {
            UnitMatch::Exact(i) | UnitMatch::Short(i) => {
                known(i).map_or_else(|| new_unit(written), |(id, name)| Found::Unit { id, name })
            }
            UnitMatch::Slip(i) => {
                known(i).map_or_else(|| new_unit(written), |(id, name)| Found::Slip { id, name })
            }
            UnitMatch::Ambiguous(many) => Found::Ambiguous {
                names: many
                    .iter()
                    .filter_map(|&i| known(i).map(|(_, n)| n))
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
            Some(Found::NewUnit { name }) => (Some(UnitRef::New { name }), o.role.clone()),
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

/// Matches every row of a preview against the plan's people and lists the offers.
pub(super) fn match_preview(p: &mut PastePreview, view: &PlanView) {
    let known = Known::of(view);
    for row in &mut p.rows {
        let (m, doubts) = match_row(row, &known);
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
