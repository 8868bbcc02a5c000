/** Binary searches over items sorted by a numeric key (offsets, positions), shared by the analysis' indexes. */

/** The first index in [low, high) whose key is at or after `target`; `high` when there is none. */
export function firstAtOrAfter(low: number, high: number, keyAt: (index: number) => number, target: number): number {
  while (low < high) {
    const mid = (low + high) >> 1;
    if (keyAt(mid) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The last index in [low, high) whose key is at or before `target`; `low - 1` when there is none. */
export function lastAtOrBefore(low: number, high: number, keyAt: (index: number) => number, target: number): number {
  while (low < high) {
    const mid = (low + high) >> 1;
    if (keyAt(mid) <= target) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}
