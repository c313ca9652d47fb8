//! Where the commune stands and what it can win back: points lost, recoverable,
//! regained, projected score and rank, timing of tasks, and each unit's load.

use chrono::NaiveDate;

use super::deadline::{timing_of, Period, Timing};
use super::decimal::Points;
use super::records::{Plan, RankingMode, Task};
use super::view::PlanView;

/// A place in a ranking: 19/25.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rank {
    pub place: u32,
    pub of: u32,
}

/// The place of `own` among `others`: ties share a place; standard ranking skips the
/// places after a tie (1, 1, 3), dense ranking does not (1, 1, 2).
pub fn rank_among(others: &[Points], own: Points, mode: RankingMode) -> Rank {
    let above: Vec<Points> = others.iter().copied().filter(|s| *s > own).collect();
    let place = match mode {
        RankingMode::Standard => above.len(),
        RankingMode::Dense => {
            let mut distinct = above;
            crate::order::sort(&mut distinct);
            distinct.dedup();
            distinct.len()
        }
    };
    Rank {
        place: place as u32 + 1,
        of: others.len() as u32 + 1,
    }
}

/// Places of every score in a table, in the given order.
pub fn ranks(scores: &[Points], mode: RankingMode) -> Vec<u32> {
    scores
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let others: Vec<Points> = scores
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, s)| *s)
                .collect();
            rank_among(&others, *s, mode).place
        })
        .collect()
}

/// Where the plan stands: baseline, what can be won back, and the projection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    pub base_score: Option<Points>,
    pub base_rank: Option<Rank>,
    /// Lost points of leaf criteria that have remediation tasks.
    pub recoverable: Points,
    /// Of those, the points of criteria whose tasks are all done.
    pub regained: Points,
    /// Baseline plus regained points: where finished work puts the commune.
    pub projected_done: Option<Points>,
    /// Baseline plus recoverable points: where it stands if every task finishes.
    pub projected_all: Option<Points>,
    pub projected_rank_done: Option<Rank>,
    pub projected_rank_all: Option<Rank>,
}

/// Points at stake in a criterion: its lost points when it is a leaf with tasks.
pub fn at_stake(view: &PlanView, code: &super::code::Code) -> Option<Points> {
    let c = view.criterion(code)?;
    if !view.is_leaf(code) || view.tasks_of(code).next().is_none() {
        return None;
    }
    c.lost()
}

/// Whether every task of a criterion is done (and there is at least one).
pub fn criterion_done(view: &PlanView, code: &super::code::Code) -> bool {
    let mut tasks = view.tasks_of(code).peekable();
    tasks.peek().is_some() && tasks.all(Task::is_done)
}

pub fn standing(view: &PlanView) -> Standing {
    let mut recoverable = Points::ZERO;
    let mut regained = Points::ZERO;
    for c in view.leaves() {
        let Some(code) = &c.code else { continue };
        let Some(lost) = at_stake(view, code) else {
            continue;
        };
        recoverable = recoverable + lost;
        if criterion_done(view, code) {
            regained = regained + lost;
        }
    }
    let plan = &view.plan;
    let base_score = plan.base_score;
    let projected_done = base_score.map(|b| b + regained);
    let projected_all = base_score.map(|b| b + recoverable);
    let others: Vec<Points> = view
        .ranking
        .iter()
        .filter(|e| super::names::fold(&e.commune) != super::names::fold(&plan.commune))
        .filter_map(|e| e.score)
        .collect();
    let project = |score: Option<Points>| {
        score
            .filter(|_| !others.is_empty())
            .map(|s| rank_among(&others, s, plan.ranking_mode))
    };
    let base_rank = match (plan.base_rank, plan.ranked) {
        (Some(place), Some(of)) => Some(Rank { place, of }),
        _ => project(base_score),
    };
    Standing {
        base_score,
        base_rank,
        recoverable,
        regained,
        projected_done,
        projected_all,
        projected_rank_done: project(projected_done),
        projected_rank_all: project(projected_all),
    }
}

/// Where a task stands on the as-of date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskTiming {
    Done {
        late: bool,
    },
    /// Past its deadline, or with periods past their end not done.
    Late {
        since: NaiveDate,
        periods: Vec<Period>,
    },
    DueSoon(NaiveDate),
    OnTrack,
    NoDeadline,
}

impl TaskTiming {
    pub fn is_late(&self) -> bool {
        matches!(self, TaskTiming::Late { .. })
    }
    pub fn is_due_soon(&self) -> bool {
        matches!(self, TaskTiming::DueSoon(_))
    }
}

/// Lateness by the rules of DESIGN.md §4, after extensions.
pub fn task_timing(task: &Task, plan: &Plan, as_of: NaiveDate) -> TaskTiming {
    let deadline = task.effective_deadline();
    if task.is_done() {
        let late = task.status == super::records::Status::DoneLate
            || matches!((deadline.last_day(), task.done_on), (Some(last), Some(on)) if on > last);
        return TaskTiming::Done { late };
    }
    if deadline.is_recurring() {
        return recurring_timing(task, plan, as_of);
    }
    match deadline.last_day() {
        None => TaskTiming::NoDeadline,
        Some(last) => match timing_of(last, as_of) {
            Timing::Late(since) => TaskTiming::Late {
                since,
                periods: Vec::new(),
            },
            Timing::DueSoon(on) => TaskTiming::DueSoon(on),
            Timing::OnTrack => TaskTiming::OnTrack,
        },
    }
}

fn recurring_timing(task: &Task, plan: &Plan, as_of: NaiveDate) -> TaskTiming {
    let periods = task
        .effective_deadline()
        .periods(plan.year, plan.start_month());
    let open: Vec<(Period, NaiveDate)> = periods
        .into_iter()
        .filter(|p| !task.period_done(*p))
        .filter_map(|p| Some((p, p.end()?)))
        .collect();
    let late: Vec<(Period, NaiveDate)> = open
        .iter()
        .copied()
        .filter(|(_, end)| as_of > *end)
        .collect();
    if let Some(since) = late.iter().map(|(_, end)| *end).min() {
        return TaskTiming::Late {
            since,
            periods: late.into_iter().map(|(p, _)| p).collect(),
        };
    }
    match open.iter().map(|(_, end)| *end).min() {
        Some(next) => match timing_of(next, as_of) {
            Timing::DueSoon(on) => TaskTiming::DueSoon(on),
            _ => TaskTiming::OnTrack,
        },
        None => TaskTiming::OnTrack,
    }
}

/// One unit's load: tasks, done, late, due soon, and points still at stake.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitLoad {
    pub unit_id: String,
    pub tasks: usize,
    pub done: usize,
    pub late: usize,
    pub due_soon: usize,
    /// Lost points of the unit's criteria not yet regained. A criterion shared by
    /// several units counts in full for each: every one of them can lose it.
    pub at_stake: Points,
}

pub fn unit_loads(view: &PlanView, as_of: NaiveDate) -> Vec<UnitLoad> {
    view.units
        .iter()
        .map(|unit| {
            let tasks: Vec<&Task> = view
                .tasks
                .iter()
                .filter(|t| view.task_is_units(t, &unit.id))
                .collect();
            let timings: Vec<TaskTiming> = tasks
                .iter()
                .map(|t| task_timing(t, &view.plan, as_of))
                .collect();
            let mut codes: Vec<&super::code::Code> =
                tasks.iter().filter_map(|t| t.code.as_ref()).collect();
            crate::order::sort(&mut codes);
            codes.dedup();
            let at_stake = codes
                .into_iter()
                .filter(|c| !criterion_done(view, c))
                .filter_map(|c| at_stake(view, c))
                .sum();
            UnitLoad {
                unit_id: unit.id.clone(),
                tasks: tasks.len(),
                done: tasks.iter().filter(|t| t.is_done()).count(),
                late: timings.iter().filter(|t| t.is_late()).count(),
                due_soon: timings.iter().filter(|t| t.is_due_soon()).count(),
                at_stake,
            }
        })
        .collect()
}

/// Points known for a domain, summed over its leaves: only what is known, and never
/// a parent on top of its children.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DomainTotals {
    pub max: Points,
    pub base: Points,
    pub lost: Points,
    pub leaves: usize,
    /// Leaves whose max or score is unknown.
    pub unknown: usize,
}

pub fn domain_totals(view: &PlanView, domain: &super::code::Code) -> DomainTotals {
    let mut t = DomainTotals::default();
    for c in view.leaves().filter(|c| {
        c.code
            .as_ref()
            .is_some_and(|code| code.is_under(domain) || code == domain)
    }) {
        t.leaves += 1;
        match (c.max, c.base) {
            (Some(max), Some(base)) => {
                t.max = t.max + max;
                t.base = t.base + base;
            }
            _ => t.unknown += 1,
        }
        if let Some(lost) = c.lost() {
            t.lost = t.lost + lost;
        }
    }
    t
}

/// A domain's result as published, when its row carries its own max and score:
/// the appendix lists only deficient rows, so leaf sums are never shown as the domain's.
pub fn domain_result(view: &PlanView, domain: &super::code::Code) -> Option<(Points, Points)> {
    let c = view.criterion(domain)?;
    Some((c.max?, c.appraised.or(c.base)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::deadline::Deadline;
    use crate::model::decimal::Decimal;
    use crate::model::records::{Extension, Status};
    use crate::test_support::d;

    fn p(s: &str) -> Points {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn ranking_with_ties_in_both_modes() {
        let scores: Vec<Points> = ["90", "85,5", "85,5", "80", "80", "70"]
            .iter()
            .map(|s| p(s))
            .collect();
        let cases = [
            (RankingMode::Standard, vec![1, 2, 2, 4, 4, 6]),
            (RankingMode::Dense, vec![1, 2, 2, 3, 3, 4]),
        ];
        for (mode, want) in cases {
            assert_eq!(ranks(&scores, mode), want, "{mode:?}");
        }
        let others: Vec<Points> = ["90", "80", "80"].iter().map(|s| p(s)).collect();
        let cases = [
            ("95", RankingMode::Standard, 1),
            ("90", RankingMode::Standard, 1),
            ("79", RankingMode::Standard, 4),
            ("79", RankingMode::Dense, 3),
            ("85", RankingMode::Dense, 2),
        ];
        for (own, mode, place) in cases {
            assert_eq!(
                rank_among(&others, p(own), mode),
                Rank { place, of: 4 },
                "{own} {mode:?}"
            );
        }
    }

    fn plan() -> Plan {
        Plan {
            year: 2022,
            date: Some(d(2022, 2, 28)),
            ..Plan::default()
        }
    }

    fn task(deadline: Deadline) -> Task {
        Task {
            deadline,
            ..Task::default()
        }
    }

    #[test]
    fn task_timing_by_deadline_kind_and_as_of_date() {
        let monthly = Deadline::Recurring {
            monthly: true,
            quarterly: false,
        };
        let quarterly = Deadline::Recurring {
            monthly: false,
            quarterly: true,
        };
        let cases: Vec<(&str, Task, NaiveDate, TaskTiming)> = vec![
            (
                "no deadline",
                task(Deadline::None),
                d(2022, 10, 15),
                TaskTiming::NoDeadline,
            ),
            (
                "date far",
                task(Deadline::Date(d(2022, 11, 15))),
                d(2022, 10, 15),
                TaskTiming::OnTrack,
            ),
            (
                "date soon",
                task(Deadline::Date(d(2022, 10, 29))),
                d(2022, 10, 15),
                TaskTiming::DueSoon(d(2022, 10, 29)),
            ),
            (
                "date passed",
                task(Deadline::Date(d(2022, 9, 30))),
                d(2022, 10, 15),
                TaskTiming::Late {
                    since: d(2022, 9, 30),
                    periods: vec![],
                },
            ),
            (
                "month passed",
                task(Deadline::Month {
                    year: 2022,
                    month: 2,
                }),
                d(2022, 10, 15),
                TaskTiming::Late {
                    since: d(2022, 2, 28),
                    periods: vec![],
                },
            ),
            (
                "extension moves the deadline",
                Task {
                    extensions: vec![Extension {
                        date: d(2022, 12, 31),
                        reason: "chờ hướng dẫn".into(),
                        granted: None,
                    }],
                    ..task(Deadline::Date(d(2022, 9, 30)))
                },
                d(2022, 10, 15),
                TaskTiming::OnTrack,
            ),
            (
                "done on time",
                Task {
                    status: Status::Done,
                    done_on: Some(d(2022, 9, 1)),
                    ..task(Deadline::Date(d(2022, 9, 30)))
                },
                d(2022, 10, 15),
                TaskTiming::Done { late: false },
            ),
            (
                "done after",
                Task {
                    status: Status::Done,
                    done_on: Some(d(2022, 10, 1)),
                    ..task(Deadline::Date(d(2022, 9, 30)))
                },
                d(2022, 10, 15),
                TaskTiming::Done { late: true },
            ),
            (
                "marked done late",
                Task {
                    status: Status::DoneLate,
                    ..task(Deadline::None)
                },
                d(2022, 10, 15),
                TaskTiming::Done { late: true },
            ),
        ];
        for (name, t, as_of, want) in cases {
            assert_eq!(task_timing(&t, &plan(), as_of), want, "{name}");
        }
        // Recurring: from February (the plan's month) to September all past and undone.
        let timing = task_timing(&task(monthly), &plan(), d(2022, 10, 15));
        let TaskTiming::Late { since, periods } = timing else {
            panic!("{timing:?}")
        };
        assert_eq!((since, periods.len()), (d(2022, 2, 28), 8));
        // Every past month ticked: on track, due at the end of October (16 days away).
        let mut t = task(monthly);
        t.done_periods = (2..=9)
            .map(|month| Period::Month { year: 2022, month })
            .collect();
        assert_eq!(
            task_timing(&t, &plan(), d(2022, 10, 15)),
            TaskTiming::OnTrack
        );
        assert_eq!(
            task_timing(&t, &plan(), d(2022, 10, 17)),
            TaskTiming::DueSoon(d(2022, 10, 31))
        );
        assert!(
            task_timing(&t, &plan(), d(2022, 11, 1)).is_late(),
            "October ended undone"
        );
        // Quarterly: late for Q1 only after 31/03.
        assert!(!task_timing(&task(quarterly), &plan(), d(2022, 3, 31)).is_late());
        assert!(task_timing(&task(quarterly), &plan(), d(2022, 4, 1)).is_late());
    }
}
