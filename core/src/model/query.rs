//! The task list as officers ask for it: filters by unit, officer, domain, status and
//! time, "my tasks", search that ignores case and diacritics, and sorting.
//!
//! The Nhiệm vụ view only fills a [`TaskQuery`] from its controls and shows the rows
//! [`select`] returns: every rule about which task is shown lives here.

use chrono::{Datelike, Duration, NaiveDate};

use super::code::Code;
use super::deadline::month_end;
use super::names::{matches_words, query_words};
use super::records::{Status, Task};
use super::scoring::task_timing;
use super::view::PlanView;

/// A time window on the as-of date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum When {
    #[default]
    Any,
    /// Past its deadline (or a period past its end) and not done.
    Late,
    /// Due within the next 14 days and not late (DESIGN.md §4), as the dashboard counts.
    DueSoon,
    /// Not done, with a deadline or a period ending in the as-of date's week (Monday to Sunday).
    ThisWeek,
    /// Not done, with a deadline or a period ending in the as-of date's month.
    ThisMonth,
}

impl When {
    pub const ALL: [When; 5] = [
        When::Any,
        When::Late,
        When::DueSoon,
        When::ThisWeek,
        When::ThisMonth,
    ];
}

/// Which statuses are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    All,
    /// Not done yet: not started or in progress.
    Open,
    Is(Status),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortBy {
    /// By criterion code, then the plan's order.
    #[default]
    Code,
    /// Soonest due first; tasks without a deadline last.
    Deadline,
    /// Late first, then not started, in progress, done.
    Status,
}

impl SortBy {
    pub const ALL: [SortBy; 3] = [SortBy::Code, SortBy::Deadline, SortBy::Status];
}

/// What the officer asked for. Empty fields filter nothing.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct TaskQuery {
    /// A unit id: tasks it leads, coordinates, or names one of its officers for.
    pub unit: Option<String>,
    /// An officer id: tasks that name the officer.
    pub officer: Option<String>,
    /// "Việc của tôi": an officer id; tasks that name them or their unit.
    pub mine: Option<String>,
    /// A domain (top-level code).
    pub domain: Option<Code>,
    pub status: StatusFilter,
    pub when: When,
    /// Words to find, in any case and with or without diacritics.
    pub text: String,
    pub sort: SortBy,
}

impl TaskQuery {
    /// Whether anything filters (the sort alone does not).
    pub fn is_filtered(&self) -> bool {
        let plain = TaskQuery {
            sort: self.sort,
            ..TaskQuery::default()
        };
        TaskQuery {
            text: self.text.trim().to_string(),
            ..self.clone()
        } != plain
    }
}

/// Indices into `view.tasks` of the tasks the query asks for, in its order.
pub fn select(view: &PlanView, q: &TaskQuery, as_of: NaiveDate) -> Vec<usize> {
    let mine_unit = q
        .mine
        .as_deref()
        .and_then(|o| view.officer(o))
        .map(|o| o.unit.clone());
    let words = query_words(&q.text);
    let rows: Vec<usize> = view
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| q.unit.as_deref().is_none_or(|u| view.task_is_units(t, u)))
        .filter(|(_, t)| {
            q.officer
                .as_deref()
                .is_none_or(|o| view.task_is_officers(t, o))
        })
        .filter(|(_, t)| {
            q.mine.as_deref().is_none_or(|o| {
                view.task_is_officers(t, o)
                    || mine_unit
                        .as_deref()
                        .is_some_and(|u| !u.is_empty() && view.task_is_units(t, u))
            })
        })
        .filter(|(_, t)| {
            q.domain
                .as_ref()
                .is_none_or(|d| t.code.as_ref().is_some_and(|c| &c.domain() == d))
        })
        .filter(|(_, t)| status_matches(q.status, t.status))
        .filter(|(_, t)| when_matches(view, t, q.when, as_of))
        .filter(|(i, _)| words.is_empty() || matches_words(&view.folded_search_text(*i), &words))
        .map(|(i, _)| i)
        .collect();
    if q.sort == SortBy::Code {
        return rows;
    }
    // One sort of (key, plan position): ties keep the plan's order.
    let mut keyed: Vec<(u64, usize)> = rows
        .into_iter()
        .map(|i| (sort_key(view, &view.tasks[i], q.sort, as_of), i))
        .collect();
    crate::order::sort(&mut keyed);
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Soonest due first, none last; or late first, then by status.
fn sort_key(view: &PlanView, t: &Task, sort: SortBy, as_of: NaiveDate) -> u64 {
    match sort {
        SortBy::Deadline => due_dates(view, t)
            .into_iter()
            .min()
            .map_or(u64::MAX, |d| d.num_days_from_ce().max(0) as u64),
        _ => {
            let late = task_timing(t, &view.plan, as_of).is_late();
            u64::from(!late) * 10 + t.status as u64
        }
    }
}

fn status_matches(filter: StatusFilter, status: Status) -> bool {
    match filter {
        StatusFilter::All => true,
        StatusFilter::Open => !status.is_done(),
        StatusFilter::Is(s) => s == status,
    }
}

fn when_matches(view: &PlanView, t: &Task, when: When, as_of: NaiveDate) -> bool {
    let window = |from: NaiveDate, to: NaiveDate| {
        !t.is_done() && due_dates(view, t).iter().any(|d| (from..=to).contains(d))
    };
    match when {
        When::Any => true,
        When::Late => task_timing(t, &view.plan, as_of).is_late(),
        When::DueSoon => task_timing(t, &view.plan, as_of).is_due_soon(),
        When::ThisWeek => {
            let monday = as_of - Duration::days(i64::from(as_of.weekday().num_days_from_monday()));
            window(monday, monday + Duration::days(6))
        }
        When::ThisMonth => {
            let first = as_of.with_day(1).unwrap_or(as_of);
            window(
                first,
                month_end(as_of.year(), as_of.month()).unwrap_or(as_of),
            )
        }
    }
}

/// The days a task is due on: its last day after extensions, or the end of each of its
/// periods not yet done when it recurs.
pub fn due_dates(view: &PlanView, t: &Task) -> Vec<NaiveDate> {
    let deadline = t.effective_deadline();
    if deadline.is_recurring() {
        return deadline
            .periods(view.plan.year, view.plan.start_month())
            .into_iter()
            .filter(|p| !t.period_done(*p))
            .filter_map(|p| p.end())
            .collect();
    }
    deadline.last_day().into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{d, view};

    /// The example's as-of date in the acceptance tests.
    fn as_of() -> NaiveDate {
        d(2022, 10, 15)
    }

    fn codes(v: &PlanView, rows: &[usize]) -> Vec<String> {
        rows.iter()
            .map(|&i| {
                v.tasks[i]
                    .code
                    .as_ref()
                    .map(Code::to_string)
                    .unwrap_or_default()
            })
            .collect()
    }

    fn unit_id(v: &PlanView, name: &str) -> String {
        v.units.iter().find(|u| u.name == name).unwrap().id.clone()
    }

    fn officer_id(v: &PlanView, name: &str) -> String {
        v.officers
            .iter()
            .find(|o| o.name == name)
            .unwrap()
            .id
            .clone()
    }

    #[test]
    fn no_filter_shows_every_task_in_plan_order() {
        let v = view();
        let rows = select(&v, &TaskQuery::default(), as_of());
        assert_eq!(rows, (0..v.tasks.len()).collect::<Vec<_>>());
        assert_eq!(rows.len(), 19 + 23, "19 appendix rows and 23 solutions");
        assert!(!TaskQuery::default().is_filtered());
        let sorted_only = TaskQuery {
            sort: SortBy::Deadline,
            text: "  ".into(),
            ..TaskQuery::default()
        };
        assert!(!sorted_only.is_filtered());
    }

    #[test]
    fn the_tu_phap_unit_has_the_eleven_rows_of_expected_md() {
        let v = view();
        let q = TaskQuery {
            unit: Some(unit_id(&v, "Tư pháp - Hộ tịch")),
            ..TaskQuery::default()
        };
        assert_eq!(
            codes(&v, &select(&v, &q, as_of())),
            [
                "1.2", "1.7", "2.2", "2.2.1", "2.2.3", "2.3.1", "2.3.2", "3.2.2", "7.1.1.1",
                "7.1.2.7", "7.2.1"
            ]
        );
        assert!(q.is_filtered());
    }

    #[test]
    fn search_ignores_case_and_diacritics() {
        let v = view();
        let find = |text: &str| {
            let q = TaskQuery {
                text: text.into(),
                ..TaskQuery::default()
            };
            select(&v, &q, as_of())
        };
        // One task of the seed writes "cải cách" (part II, section 8).
        let found = find("cai cach");
        assert_eq!(found.len(), 1);
        assert!(v.tasks[found[0]].title.contains("cải cách hành chính"));
        assert_eq!(find("CẢI CÁCH"), found);
        assert_eq!(find("Cải   cách"), found);
        // `d` finds `đ`; every word must occur, in any order.
        let dd = find("day manh");
        let with_title: Vec<usize> = (0..v.tasks.len())
            .filter(|&i| v.tasks[i].title.contains("Đẩy mạnh"))
            .collect();
        assert_eq!(with_title.len(), 4);
        assert!(with_title.iter().all(|i| dd.contains(i)), "{dd:?}");
        assert!(dd.iter().all(|&i| {
            let text = crate::model::names::fold(&v.tasks[i].title);
            text.contains("day") && text.contains("manh")
        }));
        assert_eq!(find("manh day"), dd);
        // Units and officers are searchable too.
        assert_eq!(codes(&v, &find("thuan phuong")), ["1.7"]);
        assert!(find("khong co tu nay").is_empty());
        // The code itself.
        assert_eq!(codes(&v, &find("7.1.2.7")), ["7.1.2.7"]);
    }

    #[test]
    fn a_copy_of_a_view_searches_its_own_tasks() {
        let v = view();
        let search = |v: &PlanView, text: &str| {
            let q = TaskQuery {
                text: text.into(),
                ..TaskQuery::default()
            };
            select(v, &q, as_of())
        };
        assert_eq!(search(&v, "cai cach").len(), 1, "the index is made here");
        let mut copy = v.clone();
        copy.tasks[0].title = "Số hóa hồ sơ lưu trữ".into();
        assert_eq!(search(&copy, "so hoa luu tru"), [0]);
        assert!(search(&v, "so hoa luu tru").is_empty());
    }

    #[test]
    fn officer_domain_and_status_filters() {
        let v = view();
        let q = TaskQuery {
            officer: Some(officer_id(&v, "Long")),
            ..TaskQuery::default()
        };
        assert_eq!(codes(&v, &select(&v, &q, as_of())), ["1.7"]);
        let q = TaskQuery {
            domain: Code::parse("3"),
            ..TaskQuery::default()
        };
        assert_eq!(
            codes(&v, &select(&v, &q, as_of())),
            ["3", "3", "3", "3.2.2", "3.5.2", "3.5.3"]
        );
        let q = TaskQuery {
            status: StatusFilter::Is(Status::Done),
            ..TaskQuery::default()
        };
        assert!(select(&v, &q, as_of()).is_empty(), "nothing is done yet");
        let q = TaskQuery {
            status: StatusFilter::Open,
            ..TaskQuery::default()
        };
        assert_eq!(select(&v, &q, as_of()).len(), v.tasks.len());
    }

    #[test]
    fn my_tasks_are_those_naming_me_or_my_unit() {
        let v = view();
        let q = TaskQuery {
            mine: Some(officer_id(&v, "Long")),
            ..TaskQuery::default()
        };
        let tp = TaskQuery {
            unit: Some(unit_id(&v, "Tư pháp - Hộ tịch")),
            ..TaskQuery::default()
        };
        assert_eq!(select(&v, &q, as_of()), select(&v, &tp, as_of()));
        let q = TaskQuery {
            mine: Some("o-khong-co".into()),
            ..TaskQuery::default()
        };
        assert!(select(&v, &q, as_of()).is_empty());
    }

    #[test]
    fn time_windows_on_the_as_of_date() {
        let v = view();
        let at = |when: When, on: NaiveDate| {
            let q = TaskQuery {
                when,
                ..TaskQuery::default()
            };
            codes(&v, &select(&v, &q, on))
        };
        // 15/10/2022: 1.7 (30/09) and 4.3 (02/2022) are late, and so are the recurring
        // rows 2.2, 2.3.2 and 5.7.1 with every month since March undone.
        assert_eq!(
            at(When::Late, as_of()),
            ["1.7", "2.2", "2.3.2", "4.3", "5.7.1"]
        );
        // Due within 14 days, and not already late (the recurring rows are): from 27/10
        // the 10/11 row (1.2).
        assert!(at(When::DueSoon, as_of()).is_empty());
        assert!(at(When::DueSoon, d(2022, 10, 26)).is_empty());
        assert_eq!(at(When::DueSoon, d(2022, 10, 27)), ["1.2"]);
        // This month: October's period of the recurring rows.
        assert_eq!(at(When::ThisMonth, as_of()), ["2.2", "2.3.2", "5.7.1"]);
        // This week of Monday 07/11/2022: 1.2 is due on Thursday 10/11.
        assert_eq!(at(When::ThisWeek, d(2022, 11, 7)), ["1.2"]);
        assert!(at(When::ThisWeek, as_of()).is_empty());
        // Sunday 13/11 is still that week; the six rows due on 15/11 fall in the next.
        assert_eq!(at(When::ThisWeek, d(2022, 11, 13)), ["1.2"]);
        assert_eq!(
            at(When::ThisWeek, d(2022, 11, 14)),
            ["1.3", "1.5", "1.8", "2.2.1", "2.2.3", "3.5.2"]
        );
    }

    #[test]
    fn sorting_by_deadline_and_status() {
        let v = view();
        let q = TaskQuery {
            sort: SortBy::Deadline,
            unit: Some(unit_id(&v, "Văn phòng - Thống kê")),
            ..TaskQuery::default()
        };
        let rows = select(&v, &q, as_of());
        let dues: Vec<Option<NaiveDate>> = rows
            .iter()
            .map(|&i| due_dates(&v, &v.tasks[i]).into_iter().min())
            .collect();
        let known: Vec<NaiveDate> = dues.iter().flatten().copied().collect();
        assert!(known.windows(2).all(|w| w[0] <= w[1]), "{dues:?}");
        let first_none = dues.iter().position(Option::is_none).unwrap();
        assert!(
            dues[first_none..].iter().all(Option::is_none),
            "no deadline last"
        );
        assert_eq!(codes(&v, &rows[..1]), ["4.3"], "February is the earliest");

        let q = TaskQuery {
            sort: SortBy::Status,
            ..TaskQuery::default()
        };
        let rows = select(&v, &q, as_of());
        assert_eq!(
            codes(&v, &rows[..5]),
            ["1.7", "2.2", "2.3.2", "4.3", "5.7.1"],
            "late first, in code order"
        );
    }
}
