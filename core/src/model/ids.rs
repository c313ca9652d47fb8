//! Record ids. The built-in example and pasted plans get ids derived from the plan
//! and the code, so two officers who each open the example can merge; records made
//! by hand get random ids (the caller brings the randomness: the core has none).

use super::doc::Kind;
use super::names::fold;
use super::stamp::to_base36;

fn letter(kind: &Kind) -> char {
    match kind {
        Kind::Plan => 'p',
        Kind::Criterion => 'c',
        Kind::Task => 't',
        Kind::Evidence => 'e',
        Kind::Unit => 'u',
        Kind::Officer => 'o',
        Kind::Target => 'g',
        Kind::Ranking => 'r',
        Kind::Other(_) => 'x',
    }
}

/// FNV-1a, 64 bits: stable across versions and platforms, which `std`'s hasher is not.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            hash = (hash ^ 0x1f).wrapping_mul(0x0100_0000_01b3);
        }
        for b in part.bytes() {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// An id derived from natural-key parts (folded, so spelling variants agree).
pub fn derived(kind: Kind, parts: &[&str]) -> String {
    let folded: Vec<String> = parts.iter().map(|p| fold(p)).collect();
    let refs: Vec<&str> = folded.iter().map(String::as_str).collect();
    format!("{}{}", letter(&kind), to_base36(fnv1a(&refs)))
}

/// An id from 64 random bits.
pub fn random(kind: Kind, bits: u64) -> String {
    format!("{}{}", letter(&kind), to_base36(bits))
}

pub fn plan(commune: &str, year: i32) -> String {
    derived(Kind::Plan, &[commune, &year.to_string()])
}

pub fn criterion(plan_id: &str, code: &str) -> String {
    derived(Kind::Criterion, &[plan_id, code])
}

pub fn task(plan_id: &str, code: &str, title: &str) -> String {
    derived(Kind::Task, &[plan_id, code, title])
}

pub fn unit(commune: &str, name: &str) -> String {
    derived(Kind::Unit, &[commune, &super::names::unit_key(name)])
}

pub fn officer(commune: &str, name: &str) -> String {
    derived(Kind::Officer, &[commune, name])
}

pub fn target(plan_id: &str, title: &str) -> String {
    derived(Kind::Target, &[plan_id, title])
}

pub fn ranking(year: i32, commune: &str) -> String {
    derived(Kind::Ranking, &[&year.to_string(), commune])
}

#[cfg(test)]
mod tests {
    use super::*;

    const PINNED_PLAN: &str = "p2flot8zhd1vcj";

    #[test]
    fn derived_ids_are_stable_and_ignore_spelling_variants() {
        assert_eq!(plan("Sơn Lĩnh", 2022), plan("son linh", 2022));
        assert_ne!(plan("Sơn Lĩnh", 2022), plan("Sơn Lĩnh", 2023));
        assert_eq!(criterion("p1", "1.3"), criterion("p1", "1.3"));
        assert_ne!(criterion("p1", "1.3"), criterion("p1", "1.30"));
        assert_eq!(
            unit("Sơn Lĩnh", "Công chức Tư pháp – Hộ tịch"),
            unit("Sơn Lĩnh", "Tư pháp - Hộ tịch")
        );
        // Parts are separated: ("ab", "c") is not ("a", "bc").
        assert_ne!(
            derived(Kind::Task, &["ab", "c"]),
            derived(Kind::Task, &["a", "bc"])
        );
        // Pinned: ids of the built-in example must never change between versions.
        assert_eq!(plan("Sơn Lĩnh", 2022), PINNED_PLAN);
        assert_eq!(criterion(PINNED_PLAN, "1.3"), "c3nejqr62ksic9");
        // Titles go through `names::fold`: a change there would change ids; this catches it.
        assert_eq!(
            task(PINNED_PLAN, "5", "Đ/c – chính sách …"),
            task(PINNED_PLAN, "5", "d/c - CHÍNH SÁCH …")
        );
        assert_eq!(
            task(PINNED_PLAN, "5", "Đ/c – chính sách …"),
            "tpr5uk6c53g9i"
        );
        assert!(plan("Sơn Lĩnh", 2022).starts_with('p'));
    }

    #[test]
    fn random_ids_carry_the_kind() {
        assert_eq!(random(Kind::Evidence, 35), "ez");
    }
}
