//! Fixed-point decimals: points and target values, in thousandths.
//!
//! Never `f64`: `0,71 + 0,04` must equal `0,75` exactly, or a flag fires by rounding.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Sub};
use std::str::FromStr;

/// A decimal with three fixed places, stored as thousandths.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Decimal(i64);

/// Points of the PAR index (điểm).
pub type Points = Decimal;

/// Largest magnitude accepted from text: far above any real score, far below overflow.
const LIMIT: i64 = 1_000_000_000 * 1000;

/// Why a text is not a decimal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecimalError {
    Empty,
    NotANumber,
    TooManyDecimals,
    TooLarge,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal(0);

    pub const fn from_milli(milli: i64) -> Self {
        Decimal(milli)
    }

    pub const fn from_int(units: i64) -> Self {
        Decimal(units * 1000)
    }

    pub const fn milli(self) -> i64 {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Parses `0,75`, `0.75`, `1`, `75,84`, `-0,5`; surrounding spaces are ignored.
    /// At most three decimals; no thousands separators (a comma is the decimal mark).
    pub fn parse(text: &str) -> Result<Self, DecimalError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(DecimalError::Empty);
        }
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, frac) = match digits.find([',', '.']) {
            Some(at) => (&digits[..at], &digits[at + 1..]),
            None => (digits, ""),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && frac.is_empty()) || !all_digits(whole) || !all_digits(frac) {
            return Err(DecimalError::NotANumber);
        }
        if frac.len() > 3 {
            return Err(DecimalError::TooManyDecimals);
        }
        if whole.len() > 12 {
            return Err(DecimalError::TooLarge);
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| DecimalError::TooLarge)?
        };
        let mut frac_milli: i64 = 0;
        for (i, b) in frac.bytes().enumerate() {
            frac_milli += i64::from(b - b'0') * [100, 10, 1][i];
        }
        let milli = whole
            .checked_mul(1000)
            .and_then(|w| w.checked_add(frac_milli))
            .ok_or(DecimalError::TooLarge)?;
        if milli > LIMIT {
            return Err(DecimalError::TooLarge);
        }
        Ok(Decimal(if negative { -milli } else { milli }))
    }

    /// Vietnamese form: decimal comma, no trailing zeros (`75,84`, `0,5`, `1`).
    pub fn to_vi(self) -> String {
        self.render(',')
    }

    /// Canonical form for files: decimal point, no trailing zeros (`75.84`).
    pub fn to_canonical(self) -> String {
        self.render('.')
    }

    fn render(self, mark: char) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (whole, frac) = (abs / 1000, abs % 1000);
        if frac == 0 {
            return format!("{sign}{whole}");
        }
        let frac = format!("{frac:03}");
        format!("{sign}{whole}{mark}{}", frac.trim_end_matches('0'))
    }

    pub fn saturating_add(self, other: Decimal) -> Decimal {
        Decimal(self.0.saturating_add(other.0))
    }

    pub fn saturating_sub(self, other: Decimal) -> Decimal {
        Decimal(self.0.saturating_sub(other.0))
    }

    /// This value multiplied by a whole number (e.g. 100 × a misplaced decimal point).
    pub fn times(self, factor: i64) -> Decimal {
        Decimal(self.0.saturating_mul(factor))
    }

    /// Digits of the value without the decimal mark (`1,57` → `157`), for spotting transpositions.
    pub fn digits(self) -> String {
        self.to_canonical().replace(['.', '-'], "")
    }
}

impl Add for Decimal {
    type Output = Decimal;
    fn add(self, other: Decimal) -> Decimal {
        self.saturating_add(other)
    }
}

impl Sub for Decimal {
    type Output = Decimal;
    fn sub(self, other: Decimal) -> Decimal {
        self.saturating_sub(other)
    }
}

impl Sum for Decimal {
    fn sum<I: Iterator<Item = Decimal>>(iter: I) -> Decimal {
        iter.fold(Decimal::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Decimal> for Decimal {
    fn sum<I: Iterator<Item = &'a Decimal>>(iter: I) -> Decimal {
        iter.copied().sum()
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_vi())
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Decimal({})", self.to_canonical())
    }
}

impl FromStr for Decimal {
    type Err = DecimalError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Decimal::parse(s)
    }
}

impl serde::Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_canonical())
    }
}

impl<'de> serde::Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Decimal::parse(&text).map_err(|e| serde::de::Error::custom(format!("{e:?}: {text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn parses_both_marks_and_formats_with_comma() {
        let cases = [
            ("0,75", 750, "0,75"),
            ("0.75", 750, "0,75"),
            ("75,84", 75_840, "75,84"),
            ("1", 1000, "1"),
            ("1,50", 1500, "1,5"),
            (" 0.5 ", 500, "0,5"),
            (",5", 500, "0,5"),
            ("10.04", 10_040, "10,04"),
            ("-0,25", -250, "-0,25"),
            ("0,001", 1, "0,001"),
        ];
        for (text, milli, vi) in cases {
            let v = d(text);
            assert_eq!(v.milli(), milli, "{text}");
            assert_eq!(v.to_vi(), vi, "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        let cases = [
            ("", DecimalError::Empty),
            ("abc", DecimalError::NotANumber),
            ("1,2,3", DecimalError::NotANumber),
            ("1.2345", DecimalError::TooManyDecimals),
            (".", DecimalError::NotANumber),
            ("1e3", DecimalError::NotANumber),
            ("99999999999999999", DecimalError::TooLarge),
        ];
        for (text, err) in cases {
            assert_eq!(Decimal::parse(text), Err(err), "{text}");
        }
    }

    #[test]
    fn sums_are_exact() {
        assert_eq!(d("0,71") + d("0,04"), d("0,75"));
        assert_eq!(d("75,84") + d("10,04"), d("85,88"));
        let tenths: Decimal = std::iter::repeat_n(d("0,1"), 10).sum();
        assert_eq!(tenths, d("1"));
        assert_eq!(d("1,57") - d("1,25"), d("0,32"));
    }

    #[test]
    fn digits_expose_transpositions() {
        assert_eq!(d("1,57").digits(), "157");
        assert_eq!(d("1,75").digits(), "175");
    }

    #[test]
    fn serde_uses_canonical_text() {
        let json = serde_json::to_string(&d("0,75")).unwrap();
        assert_eq!(json, "\"0.75\"");
        let back: Decimal = serde_json::from_str("\"0,75\"").unwrap();
        assert_eq!(back, d("0.75"));
        assert!(serde_json::from_str::<Decimal>("\"x\"").is_err());
    }

    proptest::proptest! {
        #[test]
        fn text_round_trips(milli in -10_000_000i64..10_000_000) {
            let v = Decimal::from_milli(milli);
            proptest::prop_assert_eq!(Decimal::parse(&v.to_vi()), Ok(v));
            proptest::prop_assert_eq!(Decimal::parse(&v.to_canonical()), Ok(v));
        }

        #[test]
        fn parse_never_panics(text in ".*") {
            let _ = Decimal::parse(&text);
        }
    }
}
