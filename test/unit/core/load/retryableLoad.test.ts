/** RetryableLoad: one load shared by concurrent callers, kept on success, forgotten on failure. */
import * as assert from 'node:assert';
import { RetryableLoad } from '../../../../src/core/load/retryableLoad';

suite('RetryableLoad', () => {
  test('a failed load is tried again on the next call', async () => {
    let calls = 0;
    const load = new RetryableLoad(async () => {
      calls++;
      if (calls === 1) throw new Error('EBUSY: resource busy or locked');
      return 'knowledge';
    });
    await assert.rejects(load.get(), /EBUSY/);
    assert.strictEqual(load.peek(), undefined);
    assert.strictEqual(await load.get(), 'knowledge');
    assert.strictEqual(load.peek(), 'knowledge');
    assert.strictEqual(calls, 2);
  });

  test('concurrent callers share one attempt, and a success is kept', async () => {
    let calls = 0;
    const load = new RetryableLoad(async () => ++calls);
    const [a, b] = await Promise.all([load.get(), load.get()]);
    assert.deepStrictEqual([a, b, await load.get()], [1, 1, 1]);
    assert.strictEqual(calls, 1);
  });
});
