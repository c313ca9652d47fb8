//! Stamps: a hybrid logical clock value, then the id of the replica that wrote.
//!
//! A replica is one browser profile, with a random id made once. The officer's
//! name is recorded for people to read but never orders edits (DESIGN.md §4).

use std::fmt;

/// One browser profile. `ReplicaId::EXAMPLE` wrote the built-in example.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ReplicaId(pub u64);

impl ReplicaId {
    /// The author of the built-in example: every replica starts from the same values.
    pub const EXAMPLE: ReplicaId = ReplicaId(0);

    /// Base-36 text, as replicas are named in files.
    pub fn to_text(self) -> String {
        to_base36(self.0)
    }

    pub fn from_text(text: &str) -> Option<ReplicaId> {
        from_base36(text).map(ReplicaId)
    }
}

impl fmt::Debug for ReplicaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "r{}", self.to_text())
    }
}

/// Hybrid logical clock: milliseconds since 1970 in the high 48 bits, a counter in the low 16.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Hlc(pub u64);

const COUNTER_BITS: u32 = 16;
const MAX_COUNTER: u64 = (1 << COUNTER_BITS) - 1;
const MAX_MS: u64 = (1 << (64 - COUNTER_BITS)) - 1;

impl Hlc {
    pub fn new(ms: u64, counter: u64) -> Hlc {
        Hlc((ms.min(MAX_MS) << COUNTER_BITS) | counter.min(MAX_COUNTER))
    }

    pub fn ms(self) -> u64 {
        self.0 >> COUNTER_BITS
    }

    pub fn counter(self) -> u64 {
        self.0 & MAX_COUNTER
    }

    /// The next clock value after `self`, given the wall clock `now_ms`.
    fn after(self, now_ms: u64) -> Hlc {
        let now_ms = now_ms.min(MAX_MS);
        if now_ms > self.ms() {
            Hlc::new(now_ms, 0)
        } else if self.counter() < MAX_COUNTER {
            Hlc(self.0 + 1)
        } else {
            Hlc::new(self.ms().saturating_add(1), 0)
        }
    }
}

impl fmt::Debug for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}+{}", self.ms(), self.counter())
    }
}

/// When and by whom a value was written. Ordered by clock, then replica: the
/// greater stamp wins a merge.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    pub hlc: Hlc,
    pub replica: ReplicaId,
}

impl Stamp {
    /// The stamp of the built-in example's values: seen by every replica.
    pub const GENESIS: Stamp = Stamp {
        hlc: Hlc(0),
        replica: ReplicaId::EXAMPLE,
    };

    pub fn new(hlc: Hlc, replica: ReplicaId) -> Stamp {
        Stamp { hlc, replica }
    }

    pub fn is_genesis(self) -> bool {
        self.hlc.0 == 0
    }

    /// Compact text: `<clock base36>.<replica base36>` (files replace the replica by an index).
    pub fn to_text(self) -> String {
        format!("{}.{}", to_base36(self.hlc.0), self.replica.to_text())
    }

    pub fn from_text(text: &str) -> Option<Stamp> {
        let (hlc, replica) = text.split_once('.')?;
        Some(Stamp {
            hlc: Hlc(from_base36(hlc)?),
            replica: ReplicaId::from_text(replica)?,
        })
    }
}

impl fmt::Debug for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}@{:?}", self.hlc, self.replica)
    }
}

/// The clock of one replica.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clock {
    pub replica: ReplicaId,
    pub last: Hlc,
}

impl Clock {
    pub fn new(replica: ReplicaId) -> Clock {
        Clock {
            replica,
            last: Hlc::default(),
        }
    }

    /// A fresh stamp, greater than every stamp this replica has issued or observed.
    pub fn tick(&mut self, now_ms: u64) -> Stamp {
        self.last = self.last.after(now_ms);
        Stamp::new(self.last, self.replica)
    }

    /// Takes note of a clock value from elsewhere, so later stamps come after it.
    pub fn observe(&mut self, hlc: Hlc) {
        self.last = self.last.max(hlc);
    }
}

pub fn to_base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if n == 0 {
        return "0".into();
    }
    let mut out = Vec::with_capacity(13);
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    out.into_iter().map(char::from).collect()
}

pub fn from_base36(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 13 {
        return None;
    }
    u64::from_str_radix(text, 36).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_strictly_increasing_even_when_the_wall_clock_stalls_or_goes_back() {
        let mut clock = Clock::new(ReplicaId(7));
        let times = [1000, 1000, 999, 5000, 4000, 4000];
        let stamps: Vec<Stamp> = times.iter().map(|&t| clock.tick(t)).collect();
        assert!(stamps.windows(2).all(|w| w[0] < w[1]), "{stamps:?}");
        assert_eq!(stamps[3].hlc, Hlc::new(5000, 0));
    }

    #[test]
    fn observing_a_later_clock_moves_ours_past_it() {
        let mut clock = Clock::new(ReplicaId(1));
        clock.observe(Hlc::new(9_000, 3));
        let next = clock.tick(1_000);
        assert!(next.hlc > Hlc::new(9_000, 3));
    }

    #[test]
    fn counter_overflow_moves_to_the_next_millisecond() {
        let mut clock = Clock::new(ReplicaId(1));
        clock.observe(Hlc::new(10, MAX_COUNTER));
        assert_eq!(clock.tick(10).hlc, Hlc::new(11, 0));
    }

    #[test]
    fn stamps_order_by_clock_then_replica() {
        let a = Stamp::new(Hlc::new(5, 0), ReplicaId(9));
        let b = Stamp::new(Hlc::new(5, 0), ReplicaId(10));
        let c = Stamp::new(Hlc::new(5, 1), ReplicaId(1));
        assert!(a < b && b < c);
    }

    #[test]
    fn stamp_text_round_trips() {
        let s = Stamp::new(Hlc::new(1_669_800_000_000, 12), ReplicaId(0xdead_beef_1234));
        assert_eq!(Stamp::from_text(&s.to_text()), Some(s));
        assert_eq!(Stamp::from_text("zz"), None);
        assert_eq!(Stamp::from_text("1.!"), None);
        assert_eq!(from_base36(&to_base36(u64::MAX)), Some(u64::MAX));
    }
}
