//! Stable sorting with one small routine in the browser build.
//!
//! The standard library's stable sort is fast but large: each call site instantiates a driftsort
//! of a few kilobytes, about 55 KB of the browser's wasm over all sites. In wasm, [`sort_by`] is a
//! binary insertion sort instead, a few hundred bytes each; natively it is the standard sort. Both
//! are stable, so for a consistent comparison (every comparator here is a chain of `Ord`s) they
//! give the same order and the report bytes stay identical across hosts. The lists sorted are
//! short (questions, steps, products, inventory lines), so the quadratic moves do not show.
//!
//! engine/clippy.toml refuses the standard sorts everywhere else in the engine, and `xtask build`
//! fails when the browser build links any of them (a map collected from an iterator sorts too:
//! [`collect_map`] builds it without).

use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Sorts `v` stably by `cmp`, as [`slice::sort_by`] does.
pub fn sort_by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(not(target_arch = "wasm32"))]
    #[allow(clippy::disallowed_methods, reason = "the one stable sort of the native build")]
    v.sort_by(cmp);
    #[cfg(target_arch = "wasm32")]
    insertion_sort_by(v, cmp);
}

/// The browser's sort: binary insertion, stable (each element goes after every earlier one that
/// is not greater).
#[cfg(any(target_arch = "wasm32", test))]
fn insertion_sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let (mut lo, mut hi) = (0, i);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if cmp(&v[i], &v[mid]) == Ordering::Less {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        let mut j = i;
        while j > lo {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `v` stably by the key `f` gives, as [`slice::sort_by_key`] does.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut f: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` in ascending order, as [`slice::sort`] does.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` in ascending order, as [`slice::sort_unstable`] does natively: for values whose
/// equal elements are indistinguishable (numbers, strings, tuples of them), the same result.
pub fn sort_unstable<T: Ord>(v: &mut [T]) {
    #[cfg(not(target_arch = "wasm32"))]
    #[allow(clippy::disallowed_methods, reason = "the one unstable sort of the native build")]
    v.sort_unstable();
    #[cfg(target_arch = "wasm32")]
    insertion_sort_by(v, T::cmp);
}

/// Builds a map from pairs, the last of equal keys winning, as `collect` does. Natively it is
/// `collect` (a sort, then a bulk build: fast for long, prefix-sharing keys); in wasm the pairs
/// are inserted one by one, which needs no sort instance.
pub fn collect_map<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    #[cfg(not(target_arch = "wasm32"))]
    return pairs.into_iter().collect();
    #[cfg(target_arch = "wasm32")]
    {
        let mut map = BTreeMap::new();
        map.extend(pairs);
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::disallowed_methods, reason = "the standard sort is the reference checked")]
    fn insertion_sort_matches_the_standard_stable_sort() {
        // Pairs (key, position): equal keys must keep their positions' order.
        let mut seed = 12345u64;
        for len in 0..200 {
            let v: Vec<(u64, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 33) % 7, i)
                })
                .collect();
            let mut a = v.clone();
            let mut b = v.clone();
            a.sort_by_key(|x| x.0);
            insertion_sort_by(&mut b, |x, y| x.0.cmp(&y.0));
            assert_eq!(a, b, "length {len}");
        }
    }

    #[test]
    fn helpers_sort() {
        let mut v = vec![3, 1, 2, 1];
        sort(&mut v);
        assert_eq!(v, [1, 1, 2, 3]);
        let mut w = vec!["ccc", "a", "bb", "d"];
        sort_by_key(&mut w, |s| s.len());
        assert_eq!(w, ["a", "d", "bb", "ccc"]);
        let m = collect_map([("b", 1), ("a", 2), ("b", 3)]);
        assert_eq!(m.into_iter().collect::<Vec<_>>(), [("a", 2), ("b", 3)]);
        let mut inserted = BTreeMap::new();
        inserted.extend([("b", 1), ("a", 2), ("b", 3)]);
        assert_eq!(
            inserted.into_iter().collect::<Vec<_>>(),
            [("a", 2), ("b", 3)],
            "the wasm path: the last of equal keys wins too"
        );
    }
}
