//! Starting a plan: a blank one, or next year's following a plan already here.
//!
//! What next year's plan keeps is what stays true of the commune from one year to the next
//! (`CARRIED`); units and officers belong to the commune, not to a plan, so they follow by
//! the commune's name. The baseline score and rank are the results published for the
//! previous plan's year: the model holds that year's self-assessed and appraised scores, not
//! the published total (survey points and the decision come later), so they are left for the
//! officer to fill in from the decision.

use serde_json::Value;

use super::doc::{Doc, Kind, Record};
use super::edit;
use super::names::fold;
use super::records::{f, Plan};
use super::view::plans;
use super::workspace::Op;

/// The plan's fields that next year's plan starts with: the commune, and how it is ranked.
pub const CARRIED: [&str; 8] = [
    f::COMMUNE,
    f::BODY,
    f::PLACE,
    f::LEVEL,
    f::RANKED,
    f::RANKING_MODE,
    f::BANDS,
    f::SURVEY_MAX,
];

/// What any new plan for `year` starts with: the baseline is the year before; communes are
/// ranked by the province (since the districts were abolished in 2025), ties the standard way.
fn opening(year: i32) -> Vec<(&'static str, Value)> {
    vec![
        (f::YEAR, Value::from(year)),
        (f::BASE_YEAR, Value::from(year - 1)),
        (f::LEVEL, Value::from("province")),
        (f::RANKING_MODE, Value::from("standard")),
    ]
}

/// An empty plan for `year`: the officer fills in the details next.
pub fn blank(year: i32, id: String) -> Op {
    edit::create(Kind::Plan, id, opening(year))
}

/// What "next year's plan" does.
#[derive(Debug, PartialEq)]
pub enum NextYear {
    /// A new plan, to add.
    Create(Op),
    /// The commune already has a plan for that year: show it rather than make a second one.
    Exists(String),
}

/// Next year's plan after `previous` (a plan's record), in the same commune; `this_year` stands
/// in when the previous plan has no year.
pub fn next_year(doc: &Doc, previous: &Record, this_year: i32, id: String) -> NextYear {
    let before = Plan::from_record("", previous);
    let year = if before.year > 0 {
        before.year + 1
    } else {
        this_year
    };
    let commune = fold(&before.commune);
    if let Some(p) = plans(doc)
        .into_iter()
        .find(|p| p.year == year && fold(&p.commune) == commune)
    {
        return NextYear::Exists(p.id);
    }
    let mut fields = opening(year);
    for name in CARRIED {
        if let Some(value) = previous.get(name) {
            fields.retain(|(k, _)| *k != name);
            fields.push((name, value.clone()));
        }
    }
    NextYear::Create(edit::create(Kind::Plan, id, fields))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::records::{RankingLevel, RankingMode};
    use crate::model::seed;
    use crate::model::workspace::{Action, Ctx, Workspace};
    use crate::model::{PlanView, ReplicaId};

    fn example() -> Workspace {
        let mut ws = Workspace::new(ReplicaId(3));
        ws.doc = seed::example();
        ws
    }

    fn ctx() -> Ctx {
        Ctx {
            now_ms: 1,
            who: "t".into(),
        }
    }

    fn add(ws: &mut Workspace, op: Op) {
        ws.apply(Action::Add, vec![op], &ctx()).unwrap();
    }

    #[test]
    fn a_blank_plan_has_its_year_the_year_before_as_baseline_and_the_province_ranking() {
        let mut ws = Workspace::new(ReplicaId(3));
        add(&mut ws, blank(2026, "p".into()));
        let p = PlanView::build(&ws.doc, "p").unwrap().plan;
        assert_eq!((p.year, p.base_year), (2026, Some(2025)));
        assert_eq!(p.level, RankingLevel::Province);
        assert_eq!(p.ranking_mode, RankingMode::Standard);
        assert_eq!(
            (p.commune.as_str(), p.base_score, p.base_rank),
            ("", None, None)
        );
    }

    #[test]
    fn next_year_keeps_the_commune_its_ranking_and_its_people() {
        let mut ws = example();
        let old = PlanView::build(&ws.doc, &seed::plan_id()).unwrap();
        let record = ws.doc.get(&seed::plan_id()).unwrap().clone();
        let NextYear::Create(op) = next_year(&ws.doc, &record, 2030, "p2023".into()) else {
            panic!("a new plan");
        };
        add(&mut ws, op);
        let new = PlanView::build(&ws.doc, "p2023").unwrap();
        let p = &new.plan;
        assert_eq!((p.year, p.base_year), (2023, Some(2022)));
        assert_eq!(p.commune, old.plan.commune);
        assert_eq!(p.body, old.plan.body);
        assert_eq!((p.level, p.ranked), (old.plan.level, Some(25)));
        assert_eq!(
            old.plan.level,
            RankingLevel::District,
            "kept, not the default"
        );
        assert_eq!(p.ranking_mode, old.plan.ranking_mode);
        assert_eq!(
            (p.base_score, p.base_rank),
            (None, None),
            "from the decision"
        );
        assert!(p.number.is_empty() && p.signer.is_empty() && p.goal.is_empty());
        assert_eq!(new.units, old.units);
        assert_eq!(new.officers, old.officers);
        assert!(new.units.len() >= 6 && !new.officers.is_empty());
        assert!(new.criteria.is_empty() && new.tasks.is_empty() && new.targets.is_empty());
    }

    #[test]
    fn next_year_shows_the_plan_already_made_for_that_year() {
        let mut ws = example();
        let record = ws.doc.get(&seed::plan_id()).unwrap().clone();
        let NextYear::Create(op) = next_year(&ws.doc, &record, 2030, "p2023".into()) else {
            panic!("a new plan");
        };
        add(&mut ws, op);
        assert_eq!(
            next_year(&ws.doc, &record, 2030, "again".into()),
            NextYear::Exists("p2023".into())
        );
    }

    #[test]
    fn a_plan_without_a_year_is_followed_by_this_year() {
        let ws = Workspace::new(ReplicaId(3));
        let record = Record::new(Kind::Plan);
        let NextYear::Create(Op::Create { fields, .. }) =
            next_year(&ws.doc, &record, 2026, "p".into())
        else {
            panic!("a new plan");
        };
        assert_eq!(fields.get(f::YEAR), Some(&Value::from(2026)));
        assert_eq!(fields.get(f::BASE_YEAR), Some(&Value::from(2025)));
    }
}
