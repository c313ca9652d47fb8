//! One plan and everything that belongs to it, decoded and indexed for reading.

use std::collections::{BTreeMap, BTreeSet};

use super::code::Code;
use super::doc::{Doc, Kind};
use super::names::fold;
use super::records::*;

/// A plan with its criteria, tasks, evidence, people, targets and ranking table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanView {
    pub plan: Plan,
    /// Sorted by code.
    pub criteria: Vec<Criterion>,
    /// Sorted by code, then plan order.
    pub tasks: Vec<Task>,
    pub evidence: Vec<Evidence>,
    /// The commune's units, in their order.
    pub units: Vec<Unit>,
    pub officers: Vec<Officer>,
    pub targets: Vec<Target>,
    /// Published scores of the baseline year.
    pub ranking: Vec<RankingEntry>,
    by_code: BTreeMap<Code, usize>,
    /// Each task's folded search text, made on the first search: typing a word into the
    /// search box then folds each task once, not once per key. A view is read-only once
    /// built (an edit builds a new one), so it never goes stale; a clone starts empty.
    search: SearchIndex,
}

#[derive(Default)]
struct SearchIndex(std::sync::OnceLock<Vec<String>>);

impl Clone for SearchIndex {
    fn clone(&self) -> SearchIndex {
        SearchIndex::default()
    }
}

/// A cache: it never makes two views differ.
impl PartialEq for SearchIndex {
    fn eq(&self, _: &SearchIndex) -> bool {
        true
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SearchIndex")
    }
}

/// The plans of a workspace, newest year first.
pub fn plans(doc: &Doc) -> Vec<Plan> {
    let mut plans: Vec<Plan> = doc
        .live_of(Kind::Plan)
        .map(|(id, r)| Plan::from_record(id, r))
        .collect();
    crate::order::sort_by(&mut plans, |a, b| {
        b.year
            .cmp(&a.year)
            .then_with(|| a.commune.cmp(&b.commune))
            .then_with(|| a.id.cmp(&b.id))
    });
    plans
}

impl PlanView {
    pub fn build(doc: &Doc, plan_id: &str) -> Option<PlanView> {
        let plan = doc
            .get(plan_id)
            .filter(|r| r.kind == Kind::Plan && !r.is_deleted())
            .map(|r| Plan::from_record(plan_id, r))?;
        let commune = fold(&plan.commune);
        let of_plan = |kind: Kind| {
            doc.live_of(kind)
                .filter(|(_, r)| r.get(f::PLAN).and_then(|v| v.as_str()) == Some(plan_id))
        };
        let of_commune = |kind: Kind| {
            doc.live_of(kind).filter(|(_, r)| {
                r.get(f::COMMUNE)
                    .and_then(|v| v.as_str())
                    .map(fold)
                    .as_deref()
                    == Some(commune.as_str())
            })
        };

        let mut criteria: Vec<Criterion> = of_plan(Kind::Criterion)
            .map(|(id, r)| Criterion::from_record(id, r))
            .filter(|c| c.code.is_some())
            .collect();
        crate::order::sort_by(&mut criteria, |a, b| {
            a.code.cmp(&b.code).then_with(|| a.id.cmp(&b.id))
        });
        criteria.dedup_by(|later, first| later.code == first.code);

        let mut tasks: Vec<Task> = of_plan(Kind::Task)
            .map(|(id, r)| Task::from_record(id, r))
            .collect();
        crate::order::sort_by(&mut tasks, |a, b| {
            a.code
                .cmp(&b.code)
                .then(a.order.cmp(&b.order))
                .then_with(|| a.title.cmp(&b.title))
                .then_with(|| a.id.cmp(&b.id))
        });

        let evidence = of_plan(Kind::Evidence)
            .map(|(id, r)| Evidence::from_record(id, r))
            .collect();

        let mut units: Vec<Unit> = of_commune(Kind::Unit)
            .map(|(id, r)| Unit::from_record(id, r))
            .collect();
        crate::order::sort_by(&mut units, |a, b| {
            a.order.cmp(&b.order).then_with(|| a.name.cmp(&b.name))
        });
        let mut officers: Vec<Officer> = of_commune(Kind::Officer)
            .map(|(id, r)| Officer::from_record(id, r))
            .collect();
        crate::order::sort_by(&mut officers, |a, b| {
            a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id))
        });

        let mut targets: Vec<Target> = of_plan(Kind::Target)
            .map(|(id, r)| Target::from_record(id, r))
            .collect();
        crate::order::sort_by(&mut targets, |a, b| {
            a.order.cmp(&b.order).then_with(|| a.title.cmp(&b.title))
        });

        let base_year = plan.base_year;
        let mut ranking: Vec<RankingEntry> = doc
            .live_of(Kind::Ranking)
            .map(|(id, r)| RankingEntry::from_record(id, r))
            .filter(|e| Some(e.year) == base_year)
            .collect();
        crate::order::sort_by(&mut ranking, |a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| a.commune.cmp(&b.commune))
        });

        let by_code = crate::order::map(
            criteria
                .iter()
                .enumerate()
                .filter_map(|(i, c)| Some((c.code.clone()?, i))),
        );
        Some(PlanView {
            plan,
            criteria,
            tasks,
            evidence,
            units,
            officers,
            targets,
            ranking,
            by_code,
            search: SearchIndex::default(),
        })
    }

    pub fn criterion(&self, code: &Code) -> Option<&Criterion> {
        self.by_code.get(code).map(|&i| &self.criteria[i])
    }

    /// The nearest criterion above `code` that exists in this plan (7.1.1.1 → 7.1 when
    /// 7.1.1 is not written).
    pub fn parent_of(&self, code: &Code) -> Option<&Criterion> {
        code.ancestors().find_map(|a| self.criterion(&a))
    }

    /// A leaf has no criterion under it: only leaves count toward totals.
    pub fn is_leaf(&self, code: &Code) -> bool {
        use std::ops::Bound::{Excluded, Unbounded};
        // Descendants sort right after their ancestor: look at the next code only.
        self.by_code
            .range((Excluded(code), Unbounded))
            .next()
            .is_none_or(|(next, _)| !next.is_under(code))
    }

    pub fn leaves(&self) -> impl Iterator<Item = &Criterion> {
        self.criteria
            .iter()
            .filter(|c| c.code.as_ref().is_some_and(|code| self.is_leaf(code)))
    }

    pub fn domains(&self) -> impl Iterator<Item = &Criterion> {
        self.criteria
            .iter()
            .filter(|c| c.code.as_ref().is_some_and(Code::is_domain))
    }

    /// Depth in the tree as shown: how many existing criteria lie above.
    pub fn depth(&self, code: &Code) -> usize {
        code.ancestors()
            .filter(|a| self.by_code.contains_key(a))
            .count()
    }

    /// Tasks linked to exactly this code.
    pub fn tasks_of<'a>(&'a self, code: &'a Code) -> impl Iterator<Item = &'a Task> + 'a {
        self.tasks
            .iter()
            .filter(move |t| t.code.as_ref() == Some(code))
    }

    pub fn task(&self, id: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id == id)
    }

    pub fn evidence_of_task<'a>(
        &'a self,
        task_id: &'a str,
    ) -> impl Iterator<Item = &'a Evidence> + 'a {
        self.evidence
            .iter()
            .filter(move |e| e.task.as_deref() == Some(task_id))
    }

    /// Evidence for a criterion: attached to it, or to one of its tasks.
    pub fn evidence_of_criterion<'a>(
        &'a self,
        code: &'a Code,
    ) -> impl Iterator<Item = &'a Evidence> + 'a {
        let task_ids: BTreeSet<&str> =
            crate::order::set(self.tasks_of(code).map(|t| t.id.as_str()));
        self.evidence.iter().filter(move |e| {
            e.code.as_ref() == Some(code) || e.task.as_deref().is_some_and(|t| task_ids.contains(t))
        })
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn officer(&self, id: &str) -> Option<&Officer> {
        self.officers.iter().find(|o| o.id == id)
    }

    /// Every unit a task names: lead, coordinating, and the units of its officers.
    pub fn units_of_task(&self, task: &Task) -> BTreeSet<String> {
        let officer_units = task
            .officers
            .iter()
            .filter_map(|o| self.officer(o))
            .map(|o| o.unit.clone());
        crate::order::set(
            task.lead
                .iter()
                .chain(task.support.iter())
                .cloned()
                .chain(officer_units),
        )
    }

    /// Whether a task is this unit's: it leads, coordinates, or one of its officers is named.
    pub fn task_is_units(&self, task: &Task, unit_id: &str) -> bool {
        task.lead
            .iter()
            .chain(task.support.iter())
            .any(|u| u == unit_id)
            || task
                .officers
                .iter()
                .filter_map(|o| self.officer(o))
                .any(|o| o.unit == unit_id)
    }

    pub fn task_is_officers(&self, task: &Task, officer_id: &str) -> bool {
        task.officers.iter().any(|o| o == officer_id)
    }

    /// The folded search text of `tasks[index]`, from the index made on the first call. If the
    /// task list was changed in place after that (the fields are public), the text is folded
    /// afresh rather than read from an index that no longer lines up.
    pub fn folded_search_text(&self, index: usize) -> std::borrow::Cow<'_, str> {
        let all = self
            .search
            .0
            .get_or_init(|| self.tasks.iter().map(|t| self.search_text(t)).collect());
        match all.get(index).filter(|_| all.len() == self.tasks.len()) {
            Some(text) => std::borrow::Cow::Borrowed(text.as_str()),
            None => std::borrow::Cow::Owned(
                self.tasks
                    .get(index)
                    .map(|t| self.search_text(t))
                    .unwrap_or_default(),
            ),
        }
    }

    /// Folded text of a task for search: code, title, detail, note, units and officers.
    pub fn search_text(&self, task: &Task) -> String {
        let mut text = String::new();
        if let Some(code) = &task.code {
            text.push_str(&code.to_string());
            text.push(' ');
        }
        for part in [&task.title, &task.detail, &task.note, &task.leader] {
            text.push_str(part);
            text.push(' ');
        }
        for u in self.units_of_task(task) {
            if let Some(unit) = self.unit(&u) {
                text.push_str(&unit.name);
                text.push(' ');
            }
        }
        for o in task.officers.iter().filter_map(|o| self.officer(o)) {
            text.push_str(&o.name);
            text.push(' ');
        }
        fold(&text)
    }
}
