//! Sorting through one compiled copy of the standard library's stable sort.
//!
//! Every `sort_by`, `sort_by_key`, `collect::<BTreeSet<_>>()`… compiles a copy of the sort of
//! its own (several kilobytes of wasm each, per element type and per comparator). The sorts
//! here order the *indices* of the items with a comparator behind a `&dyn`, so that there is
//! one copy, and then move the items into that order. The results are those of the standard
//! sorts: stable (equal items keep their order), so `sort_by(v, cmp)` leaves `v` as
//! `v.sort_by(cmp)` would.
//!
//! For the sorts off the per-frame path (loading, importing, exports, panels); the timeline's
//! per-frame layout and painting keep the standard sorts, whose inlined comparisons are faster.

use std::cmp::Ordering;
use std::collections::BTreeSet;

/// The indices `0..n` in the order `cmp` puts them in, ties in the indices' order.
#[inline(never)]
pub fn order_by(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Puts `v[order[k]]` at `k`, for `order` a permutation of `v`'s indices, by following the
/// permutation's cycles with swaps (no second copy of the items).
pub fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != usize::MAX {
            let from = std::mem::replace(&mut order[at], usize::MAX);
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

/// `v.sort_by(cmp)`: stable.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order_by(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// `v.sort_by_key(key)`: stable.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// `v.sort_by_cached_key(key)`: each key worked out once; stable.
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = order_by(v.len(), &|a, b| keys[a].cmp(&keys[b]));
    permute(v, order);
}

/// `v.sort()` (or `v.sort_unstable()`, which orders equal items that cannot be told apart no
/// differently).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The items in ascending order, each once: what iterating `items.collect::<BTreeSet<_>>()`
/// gives, without a B-tree compiled for their type.
pub fn sorted_unique<T: Ord>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut v: Vec<T> = items.into_iter().collect();
    sort(&mut v);
    v.dedup();
    v
}

/// `items.collect::<BTreeSet<_>>()`, built by insertion rather than by a sort of its own.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_library_does(v in prop::collection::vec((0u8..6, any::<u16>()), 0..80)) {
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            let mut got = v.clone();
            sort_by_key(&mut got, |p| p.0);
            prop_assert_eq!(&got, &want);
            let mut got = v.clone();
            sort_by_cached_key(&mut got, |p| p.0);
            prop_assert_eq!(&got, &want);
            let mut got = v.clone();
            sort_by(&mut got, |a, b| b.0.cmp(&a.0));
            let mut want = v.clone();
            want.sort_by_key(|b| std::cmp::Reverse(b.0));
            prop_assert_eq!(&got, &want);
            let mut got = v.clone();
            sort(&mut got);
            let mut want = v.clone();
            want.sort();
            prop_assert_eq!(&got, &want);
            prop_assert_eq!(set_of(v.iter().copied()), v.iter().copied().collect::<BTreeSet<_>>());
            prop_assert_eq!(
                sorted_unique(v.iter().copied()),
                v.iter().copied().collect::<BTreeSet<_>>().into_iter().collect::<Vec<_>>()
            );
        }
    }
}
