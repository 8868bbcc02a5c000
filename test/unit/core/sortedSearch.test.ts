/** The shared binary searches, against a linear scan over random sorted keys with repeats. */
import * as assert from 'node:assert';
import { firstAtOrAfter, lastAtOrBefore } from '../../../src/core/sortedSearch';
import { seededRandom } from '../seededRandom';

suite('sorted search', () => {
  test('first at or after and last at or before agree with a scan, on whole lists and sub-ranges', () => {
    const random = seededRandom(31);
    for (let round = 0; round < 200; round++) {
      const keys = Array.from({ length: Math.floor(random() * 20) }, () => Math.floor(random() * 10)).sort((a, b) => a - b);
      const low = Math.floor(random() * (keys.length + 1));
      const high = low + Math.floor(random() * (keys.length - low + 1));
      for (let target = -1; target <= 11; target++) {
        let first = high;
        for (let i = low; i < high; i++) if (keys[i] >= target) { first = i; break; }
        let last = low - 1;
        for (let i = low; i < high; i++) if (keys[i] <= target) last = i;
        assert.strictEqual(firstAtOrAfter(low, high, (i) => keys[i], target), first, `first ≥ ${target} in ${keys.slice(low, high)}`);
        assert.strictEqual(lastAtOrBefore(low, high, (i) => keys[i], target), last, `last ≤ ${target} in ${keys.slice(low, high)}`);
      }
    }
  });
});
