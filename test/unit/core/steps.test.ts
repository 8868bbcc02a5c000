/** Work in steps: run at once, or in slices that pause between them and stop when asked. */
import * as assert from 'node:assert';
import { drain, runInSlices, yieldToEvents, type Steps } from '../../../src/core/steps';

function* counting(steps: number, log: number[], stepMs = 0): Steps {
  for (let i = 0; i < steps; i++) {
    const until = performance.now() + stepMs;
    while (performance.now() < until) {
      // A step that takes `stepMs` of work.
    }
    log.push(i);
    yield;
  }
}

suite('steps: at once or in slices', () => {
  test('drain takes every step', () => {
    const log: number[] = [];
    drain(counting(100, log));
    assert.strictEqual(log.length, 100);
  });

  test('runInSlices pauses once a slice is used up, and finishes the work', async () => {
    const log: number[] = [];
    let pauses = 0;
    const done = await runInSlices(counting(10, log, 2), {
      sliceMs: 3,
      pause: async () => {
        pauses++;
      },
    });
    assert.strictEqual(done, true);
    assert.strictEqual(log.length, 10);
    assert.ok(pauses >= 4, `10 steps of 2 ms in 3 ms slices pause at least 4 times (paused ${pauses})`);
  });

  test('runInSlices stops after a pause when asked, leaving the rest undone', async () => {
    const log: number[] = [];
    let stop = false;
    const done = await runInSlices(counting(50, log, 2), {
      sliceMs: 1,
      pause: async () => {
        stop = log.length >= 5;
      },
      shouldStop: () => stop,
    });
    assert.strictEqual(done, false);
    assert.ok(log.length >= 5 && log.length < 50, `stopped after ${log.length} steps`);
  });

  test('without setImmediate (a browser worker), yields go through a message channel, in order, not a clamped timer', async () => {
    const saved = globalThis.setImmediate;
    const savedTimeout = globalThis.setTimeout;
    const order: number[] = [];
    try {
      (globalThis as { setImmediate?: unknown }).setImmediate = undefined;
      (globalThis as { setTimeout: unknown }).setTimeout = () => assert.fail('setTimeout is not used when a MessageChannel exists');
      await Promise.all([1, 2, 3].map((n) => yieldToEvents().then(() => order.push(n))));
    } finally {
      globalThis.setImmediate = saved;
      globalThis.setTimeout = savedTimeout;
    }
    assert.deepStrictEqual(order, [1, 2, 3]);
  });
});
