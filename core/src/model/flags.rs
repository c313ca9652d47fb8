//! What does not add up in a criterion: shown, never trusted or hidden.

use super::code::Code;
use super::decimal::{Decimal, Points};
use super::records::Criterion;
use super::view::PlanView;

/// Above this, a number cannot be an item's points: the whole index is worth 100.
const WHOLE_INDEX: Decimal = Decimal::from_int(100);

/// Which score a flag speaks of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreKind {
    Base,
    BaseSelf,
    SelfAssessed,
    Appraised,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flag {
    /// The loss the document writes disagrees with max − score. When score + stated
    /// loss is a transposition of the max's digits, that is the likely max (1,57 → 1,75).
    LossMismatch {
        stated: Points,
        computed: Points,
        likely_max: Option<Points>,
    },
    /// A score above the max.
    ScoreAboveMax {
        which: ScoreKind,
        score: Points,
        max: Points,
    },
    /// Numbers as written that cannot be right (`150/175` for an item worth 1,75),
    /// with how they were read.
    Implausible {
        written_max: Option<Decimal>,
        written_score: Option<Decimal>,
        read_max: Option<Points>,
        read_score: Option<Points>,
    },
    /// A self-assessed score the appraisal did not accept.
    SelfRejected {
        year_is_base: bool,
        self_score: Points,
        appraised: Points,
    },
    /// Tasks done but no evidence: it will score 0 at appraisal.
    NoEvidence { lost: Option<Points> },
}

impl Flag {
    /// Warnings are about the work still to do; the others about the numbers.
    pub fn is_warning(&self) -> bool {
        matches!(self, Flag::NoEvidence { .. })
    }
}

/// Every flag of a criterion in its plan.
pub fn flags(view: &PlanView, c: &Criterion) -> Vec<Flag> {
    let mut out = number_flags(c);
    if let Some(code) = &c.code {
        if let Some(flag) = evidence_flag(view, c, code) {
            out.push(flag);
        }
    }
    out
}

/// Flags that come from the criterion's own numbers.
pub fn number_flags(c: &Criterion) -> Vec<Flag> {
    let mut out = Vec::new();
    if let (Some(stated), Some(max), Some(base)) = (c.stated_loss, c.max, c.base) {
        if base <= max && max - base != stated {
            let candidate = base + stated;
            let likely_max = (is_transposition(candidate, max)).then_some(candidate);
            out.push(Flag::LossMismatch {
                stated,
                computed: max - base,
                likely_max,
            });
        }
    }
    if let Some(max) = c.max {
        let scores = [
            (ScoreKind::Base, c.base),
            (ScoreKind::BaseSelf, c.base_self),
            (ScoreKind::SelfAssessed, c.self_score),
            (ScoreKind::Appraised, c.appraised),
        ];
        for (which, score) in scores {
            if let Some(score) = score.filter(|s| *s > max) {
                out.push(Flag::ScoreAboveMax { which, score, max });
            }
        }
    }
    let too_big = [c.max, c.base, c.stated_loss]
        .into_iter()
        .flatten()
        .any(|v| v > WHOLE_INDEX);
    if c.written_max.is_some() || c.written_score.is_some() || too_big {
        out.push(Flag::Implausible {
            written_max: c.written_max,
            written_score: c.written_score,
            read_max: c.max,
            read_score: c.base,
        });
    }
    if let (Some(s), Some(b)) = (c.base_self, c.base) {
        if s > b {
            out.push(Flag::SelfRejected {
                year_is_base: true,
                self_score: s,
                appraised: b,
            });
        }
    }
    if let (Some(s), Some(a)) = (c.self_score, c.appraised) {
        if s > a {
            out.push(Flag::SelfRejected {
                year_is_base: false,
                self_score: s,
                appraised: a,
            });
        }
    }
    out
}

fn evidence_flag(view: &PlanView, c: &Criterion, code: &Code) -> Option<Flag> {
    let done = super::scoring::criterion_done(view, code);
    (done && view.evidence_of_criterion(code).next().is_none())
        .then(|| Flag::NoEvidence { lost: c.lost() })
}

/// Whether `a` and `b` differ and use the same digits (1,57 and 1,75).
fn is_transposition(a: Decimal, b: Decimal) -> bool {
    let sorted = |d: Decimal| {
        let mut digits: Vec<char> = d.digits().chars().collect();
        crate::order::sort(&mut digits);
        digits
    };
    a != b && a.digits().len() == b.digits().len() && sorted(a) == sorted(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<Points> {
        Some(Decimal::parse(s).unwrap())
    }

    fn crit(max: &str, base: &str, stated: &str) -> Criterion {
        let opt = |s: &str| if s.is_empty() { None } else { p(s) };
        Criterion {
            max: opt(max),
            base: opt(base),
            stated_loss: opt(stated),
            ..Criterion::default()
        }
    }

    #[test]
    fn every_number_flag_fires_where_it_should_and_only_there() {
        let mismatch_2_2 = Flag::LossMismatch {
            stated: p("0.5").unwrap(),
            computed: p("0.32").unwrap(),
            likely_max: p("1.75"),
        };
        let cases: Vec<(&str, Criterion, Vec<Flag>)> = vec![
            ("consistent", crit("0.75", "0.71", "0.04"), vec![]),
            (
                "2.2 of the seed",
                crit("1.57", "1.25", "0.5"),
                vec![mismatch_2_2],
            ),
            (
                "mismatch without a transposition",
                crit("1", "0.5", "0.25"),
                vec![Flag::LossMismatch {
                    stated: p("0.25").unwrap(),
                    computed: p("0.5").unwrap(),
                    likely_max: None,
                }],
            ),
            ("only a stated loss", crit("", "", "2"), vec![]),
            (
                "score above max",
                crit("1", "1.5", ""),
                vec![Flag::ScoreAboveMax {
                    which: ScoreKind::Base,
                    score: p("1.5").unwrap(),
                    max: p("1").unwrap(),
                }],
            ),
            (
                "more than the whole index",
                crit("175", "150", ""),
                vec![Flag::Implausible {
                    written_max: None,
                    written_score: None,
                    read_max: p("175"),
                    read_score: p("150"),
                }],
            ),
        ];
        for (name, c, want) in cases {
            assert_eq!(number_flags(&c), want, "{name}");
        }
    }

    #[test]
    fn corrected_numbers_and_rejected_self_assessments_are_flagged() {
        let c = Criterion {
            written_max: p("175"),
            written_score: p("150"),
            ..crit("1.75", "1.5", "0.25")
        };
        assert_eq!(
            number_flags(&c),
            vec![Flag::Implausible {
                written_max: p("175"),
                written_score: p("150"),
                read_max: p("1.75"),
                read_score: p("1.5")
            }]
        );
        let c = Criterion {
            base_self: p("0.25"),
            ..crit("0.25", "0", "")
        };
        assert_eq!(
            number_flags(&c),
            vec![Flag::SelfRejected {
                year_is_base: true,
                self_score: p("0.25").unwrap(),
                appraised: p("0").unwrap()
            }]
        );
        let c = Criterion {
            self_score: p("1"),
            appraised: p("0.5"),
            ..crit("1", "0.5", "")
        };
        assert_eq!(
            number_flags(&c),
            vec![Flag::SelfRejected {
                year_is_base: false,
                self_score: p("1").unwrap(),
                appraised: p("0.5").unwrap()
            }]
        );
        let c = Criterion {
            self_score: p("1.2"),
            ..crit("1", "1", "")
        };
        assert_eq!(
            number_flags(&c),
            vec![Flag::ScoreAboveMax {
                which: ScoreKind::SelfAssessed,
                score: p("1.2").unwrap(),
                max: p("1").unwrap()
            }]
        );
    }
}
