//! Sorting with one compiled sort for the whole app.
//!
//! The standard library's stable sort is fast and large, and it is compiled anew for every
//! element type and comparison: the single file carried about 200 copies (106 KB of wasm,
//! measured with twiggy). These functions sort indices instead, with the comparison behind a
//! reference, so exactly one copy of the sort exists; the cost is one small allocation per sort.

use std::cmp::Ordering;

/// Sorts stably by `cmp`, like `Vec::sort_by`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, &order);
}

/// Sorts stably by a key, like `Vec::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts stably by the elements' order, like `Vec::sort`.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The one place the standard sort is instantiated: over indices, comparison behind `dyn`.
fn sorted_indices(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| cmp(*a, *b));
    order
}

/// Puts `v` in the given order (a permutation of its indices).
fn permute<T>(v: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// A set built by inserting, which compiles no sort (collecting into a `BTreeSet` sorts the
/// items first, with one more copy of the sort per element type).
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> std::collections::BTreeSet<T> {
    let mut set = std::collections::BTreeSet::new();
    set.extend(items);
    set
}

/// A map built by inserting (see [`set`]); later pairs replace earlier ones, as with `collect`.
pub fn map<K: Ord, V>(items: impl IntoIterator<Item = (K, V)>) -> std::collections::BTreeMap<K, V> {
    let mut map = std::collections::BTreeMap::new();
    map.extend(items);
    map
}

/// A JSON object built by inserting (see [`set`]).
pub fn object(
    items: impl IntoIterator<Item = (String, serde_json::Value)>,
) -> serde_json::Map<String, serde_json::Value> {
    let mut map = serde_json::Map::new();
    map.extend(items);
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..5, 0u16..1000), 0..60)) {
            let mut ours = items.clone();
            let mut std = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            proptest::prop_assert_eq!(&ours, &std, "stable like std");
            let mut keyed = items.clone();
            sort_by_key(&mut keyed, |x| std::cmp::Reverse(x.1));
            let mut std_keyed = items;
            std_keyed.sort_by_key(|x| std::cmp::Reverse(x.1));
            proptest::prop_assert_eq!(keyed, std_keyed);
        }
    }

    #[test]
    fn plain_sort() {
        let mut v = vec!["b", "a", "c", "a"];
        sort(&mut v);
        assert_eq!(v, ["a", "a", "b", "c"]);
    }
}
