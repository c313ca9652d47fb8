//! The plan as it stood on a cut-off date, and the counts a report states.
//!
//! A report for quarter I written in May must not count what was done in April:
//! tasks finished after the cut-off read as not done, evidence dated after it is
//! left out. Everything is then computed by the model's own rules (`scoring`).

use chrono::NaiveDate;

use crate::model::code::Code;
use crate::model::decimal::Points;
use crate::model::records::{Evidence, Status, Task};
use crate::model::scoring::{self, task_timing, TaskTiming};
use crate::model::view::PlanView;

/// The plan as it stood at the end of `cut`: later completions undone, later evidence removed.
/// A task marked done without a date counts as done: nothing says otherwise.
pub fn as_it_stood(view: &PlanView, cut: NaiveDate) -> PlanView {
    let mut past = view.clone();
    for task in &mut past.tasks {
        stood(task, cut);
    }
    past.evidence.retain(|e| e.date.is_none_or(|d| d <= cut));
    past
}

fn stood(task: &mut Task, cut: NaiveDate) {
    if task.done_on.is_some_and(|on| on > cut) {
        task.status = Status::InProgress;
        task.done_on = None;
    }
    // A period not begun by the cut-off cannot have been done by then.
    task.done_periods
        .retain(|p| p.start().is_some_and(|start| start <= cut));
}

/// What a report counts for a set of tasks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub tasks: usize,
    pub done: usize,
    /// Of the done ones, finished after their deadline.
    pub done_late: usize,
    pub in_progress: usize,
    /// Not done and past their deadline (or a recurring period's end).
    pub late: usize,
    pub evidence: usize,
    /// Evidence uploaded to the province's scoring software.
    pub uploaded: usize,
    /// Lost points of the criteria these tasks work for.
    pub recoverable: Points,
    /// Of those, points of criteria whose tasks are all done.
    pub regained: Points,
}

impl Tally {
    pub fn not_started(&self) -> usize {
        self.tasks - self.done - self.in_progress
    }
}

/// Counts the tasks of `view` that `keep` selects, on `as_of`.
pub fn tally(view: &PlanView, as_of: NaiveDate, keep: impl Fn(&Task) -> bool) -> Tally {
    let tasks: Vec<&Task> = view.tasks.iter().filter(|t| keep(t)).collect();
    let mut t = Tally {
        tasks: tasks.len(),
        ..Tally::default()
    };
    for task in &tasks {
        match task_timing(task, &view.plan, as_of) {
            TaskTiming::Done { late } => {
                t.done += 1;
                t.done_late += usize::from(late);
            }
            timing => {
                t.late += usize::from(timing.is_late());
                t.in_progress += usize::from(task.status == Status::InProgress);
            }
        }
    }
    let evidence = evidence_of(view, &tasks);
    t.evidence = evidence.len();
    t.uploaded = evidence.iter().filter(|e| e.uploaded).count();
    for code in codes_of(&tasks) {
        if let Some(lost) = scoring::at_stake(view, code) {
            t.recoverable = t.recoverable + lost;
            if scoring::criterion_done(view, code) {
                t.regained = t.regained + lost;
            }
        }
    }
    t
}

/// The criteria the tasks work for, each once.
fn codes_of<'a>(tasks: &[&'a Task]) -> Vec<&'a Code> {
    let mut codes: Vec<&Code> = tasks.iter().filter_map(|t| t.code.as_ref()).collect();
    crate::order::sort(&mut codes);
    codes.dedup();
    codes
}

/// Evidence attached to the tasks, or to the criteria they work for, each once.
fn evidence_of<'a>(view: &'a PlanView, tasks: &[&Task]) -> Vec<&'a Evidence> {
    let codes = codes_of(tasks);
    view.evidence
        .iter()
        .filter(|e| {
            e.task
                .as_deref()
                .is_some_and(|id| tasks.iter().any(|t| t.id == id))
                || e.code.as_ref().is_some_and(|c| codes.contains(&c))
        })
        .collect()
}

/// Whether a task works for `domain`: linked to it or to a criterion under it.
pub fn in_domain(task: &Task, domain: &Code) -> bool {
    task.code
        .as_ref()
        .is_some_and(|c| c == domain || c.is_under(domain))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{d, view as seed_view};

    #[test]
    fn work_done_after_the_cut_off_does_not_count() {
        let mut view = seed_view();
        let code = Code::parse("1.3").unwrap();
        let task = view
            .tasks
            .iter_mut()
            .find(|t| t.code.as_ref() == Some(&code))
            .unwrap();
        task.status = Status::Done;
        task.done_on = Some(d(2022, 4, 20));
        let all = |_: &Task| true;
        let before = tally(&as_it_stood(&view, d(2022, 3, 14)), d(2022, 3, 14), all);
        let after = tally(&as_it_stood(&view, d(2022, 6, 14)), d(2022, 6, 14), all);
        assert_eq!((before.done, after.done), (0, 1));
        assert_eq!(before.regained, Points::ZERO);
        assert_eq!(after.regained.to_vi(), "0,25");
        assert_eq!(after.recoverable.to_vi(), "10,04");
    }

    #[test]
    fn the_seed_on_15_october_2022() {
        let view = seed_view();
        let t = tally(&view, d(2022, 10, 15), |_| true);
        // 19 appendix tasks and 23 solutions; late: 4.3 (02/2022), 1.7 (30/09/2022)
        // and the three recurring rows with months gone by.
        assert_eq!(t.tasks, 42);
        assert_eq!((t.done, t.in_progress, t.not_started()), (0, 0, 42));
        assert_eq!(t.late, 5);
        assert_eq!(t.recoverable.to_vi(), "10,04");
        let domain = Code::parse("2").unwrap();
        let two = tally(&view, d(2022, 10, 15), |task| in_domain(task, &domain));
        assert_eq!((two.tasks, two.late), (5 + 3, 2));
        assert_eq!(
            two.recoverable.to_vi(),
            "1,25",
            "2.2 is a parent: its leaves count"
        );
    }
}
