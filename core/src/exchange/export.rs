//! What a file holds: the whole workspace, or one unit's part of a plan.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::format::{File, Header, Scope};
use crate::model::code::Code;
use crate::model::doc::{Doc, Kind, Record};
use crate::model::records::{f, Read};
use crate::model::view::PlanView;

/// The whole workspace, tombstones and conflicts included.
pub fn workspace(doc: &Doc, header: Header) -> File {
    File {
        header: Header {
            scope: Scope::Workspace,
            ..header
        },
        doc: doc.clone(),
        extra: Default::default(),
    }
}

/// One unit's part of a plan: its tasks (deleted ones too, so deletions travel),
/// their criteria and the headings above them, their evidence, the plan, the units
/// the tasks name, and the officers of the unit or named by the tasks.
pub fn unit_part(doc: &Doc, plan_id: &str, unit_id: &str) -> BTreeSet<String> {
    let Some(view) = PlanView::build(doc, plan_id) else {
        return BTreeSet::new();
    };
    let unit_officers: BTreeSet<&str> = crate::order::set(
        view.officers
            .iter()
            .filter(|o| o.unit == unit_id)
            .map(|o| o.id.as_str()),
    );
    let names_unit = |r: &Record| {
        let listed = |name: &str| r.texts(name).iter().any(|u| u == unit_id);
        listed(f::LEAD)
            || listed(f::SUPPORT)
            || r.texts(f::OFFICERS)
                .iter()
                .any(|o| unit_officers.contains(o.as_str()))
    };
    let tasks: Vec<(&String, &Record)> = doc
        .records
        .iter()
        .filter(|(_, r)| {
            r.kind == Kind::Task
                && r.get(f::PLAN).and_then(|v| v.as_str()) == Some(plan_id)
                && names_unit(r)
        })
        .collect();
    let mut ids: BTreeSet<String> = BTreeSet::from([plan_id.to_string(), unit_id.to_string()]);
    ids.extend(unit_officers.iter().map(|o| o.to_string()));
    let mut codes: BTreeSet<Code> = BTreeSet::new();
    for (id, r) in &tasks {
        ids.insert((*id).clone());
        ids.extend(
            r.texts(f::LEAD)
                .into_iter()
                .chain(r.texts(f::SUPPORT))
                .chain(r.texts(f::OFFICERS)),
        );
        if let Some(code) = r.opt_text(f::CODE).and_then(|c| Code::parse(&c)) {
            codes.extend(code.ancestors());
            codes.insert(code);
        }
    }
    ids.extend(
        view.criteria
            .iter()
            .filter(|c| c.code.as_ref().is_some_and(|c| codes.contains(c)))
            .map(|c| c.id.clone()),
    );
    let task_ids: BTreeSet<&String> = crate::order::set(tasks.iter().map(|(id, _)| *id));
    ids.extend(
        view.evidence
            .iter()
            .filter(|e| {
                e.task.as_ref().is_some_and(|t| task_ids.contains(t))
                    || e.code.as_ref().is_some_and(|c| codes.contains(c))
            })
            .map(|e| e.id.clone()),
    );
    ids
}

/// A file with one unit's part.
pub fn unit(doc: &Doc, plan_id: &str, unit_id: &str, unit_name: &str, header: Header) -> File {
    let ids = unit_part(doc, plan_id, unit_id);
    let part = Doc {
        records: doc
            .records
            .iter()
            .filter(|(id, _)| ids.contains(*id))
            .map(|(id, r)| (id.clone(), r.clone()))
            .collect(),
    };
    File {
        header: Header {
            scope: Scope::Unit {
                unit: unit_id.to_string(),
                name: unit_name.to_string(),
            },
            ..header
        },
        doc: part,
        extra: Default::default(),
    }
}

/// A readable file name: `cchc-son-linh-2022-tu-phap-ho-tich-2022-11-30.json`.
pub fn file_name(commune: &str, year: i32, unit_name: Option<&str>, on: NaiveDate) -> String {
    // The whole unit name: a commune can have "Văn hóa - Thông tin" and "Văn hóa - Xã hội".
    let (year, on) = (year.to_string(), crate::model::deadline::iso(on));
    crate::model::names::file_name(
        &["cchc", commune, &year, unit_name.unwrap_or(""), &on],
        "json",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_readable_and_safe() {
        let on = NaiveDate::from_ymd_opt(2022, 11, 30).unwrap();
        let cases = [
            (
                "Sơn Lĩnh",
                Some("Tư pháp - Hộ tịch"),
                "cchc-son-linh-2022-tu-phap-ho-tich-2022-11-30.json",
            ),
            ("Sơn Lĩnh", None, "cchc-son-linh-2022-2022-11-30.json"),
            (
                "Đông Hà / Xã",
                Some("Văn hóa – Thông tin"),
                "cchc-dong-ha-xa-2022-van-hoa-thong-tin-2022-11-30.json",
            ),
            (
                "Sơn Lĩnh",
                Some("Văn hóa - Xã hội"),
                "cchc-son-linh-2022-van-hoa-xa-hoi-2022-11-30.json",
            ),
            ("", Some("Địa chính"), "cchc-2022-dia-chinh-2022-11-30.json"),
        ];
        for (commune, unit, want) in cases {
            assert_eq!(file_name(commune, 2022, unit, on), want);
        }
    }
}
