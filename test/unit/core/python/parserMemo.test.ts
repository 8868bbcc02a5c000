/**
 * The parse-table memo of src/core/python/parser.ts: for every parse state and term, the remembered goto and the
 * remembered actions equal @lezer/lr's own table scans, on the first lookup (which fills the memo) and on the next
 * (which reads it).
 */
import * as assert from 'node:assert';
import { LookupMemo, parser, tableScans, type LookupParser, type LookupTokens } from '../../../../src/core/python/parser';
import { seededRandom } from '../../seededRandom';

const tables = parser as unknown as LookupParser;
const stateCount = tables.states.length / 6;

suite('Python parser: memoized parse-table lookups', () => {
  test('LookupMemo remembers what a Map does, through growth, and answers `missing` for the rest', () => {
    const random = seededRandom(17);
    const memo = new LookupMemo(4);
    const expected = new Map<number, number>();
    for (let i = 0; i < 5000; i++) {
      const key = Math.floor(random() * 300_000);
      const value = Math.floor(random() * 2_000_000) - 5;
      memo.set(key, value);
      expected.set(key, value);
    }
    assert.strictEqual(memo.size, expected.size);
    for (const [key, value] of expected) assert.strictEqual(memo.get(key, -99), value, `key ${key}`);
    for (let key = 0; key < 300_000; key += 7) if (!expected.has(key)) assert.strictEqual(memo.get(key, -99), -99, `key ${key}`);
  });

  test('the goto after a reduction, for every state and term, equals the table scan', () => {
    const gotoTerms = tables.goto[0];
    let found = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (let state = 0; state < stateCount; state++) {
        for (let term = 0; term < gotoTerms + 2; term++) {
          const expected = tableScans.getGoto(state, term, true);
          assert.strictEqual(tables.getGoto(state, term, true), expected, `state ${state}, term ${term}, pass ${pass}`);
          assert.strictEqual(tables.getGoto(state, term, false), tableScans.getGoto(state, term, false), `strict: state ${state}, term ${term}`);
          if (expected >= 0) found++;
        }
      }
    }
    assert.ok(found > stateCount, 'the tables have gotos');
  });

  test('the actions on a token, for every state and token, equal the table scan', () => {
    const tokens = (parser.startParse('') as unknown as { tokens: LookupTokens }).tokens;
    let single = 0;
    let several = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (let state = 0; state < stateCount; state++) {
        const stack = { state, p: { parser } };
        for (let token = 0; token <= tables.maxTerm + 1; token++) {
          const count = tableScans.addActions(tokens, stack, token, 17, 0);
          const expected = tokens.actions.slice(0, count);
          const memoCount = tokens.addActions(stack, token, 17, 0);
          assert.deepStrictEqual(tokens.actions.slice(0, memoCount), expected, `state ${state}, token ${token}, pass ${pass}`);
          if (count === 3) single++;
          if (count > 3) several++;
        }
      }
    }
    assert.ok(single > stateCount, 'most states act on some token');
    assert.ok(several > 0, 'some lookups give several actions (the grammar splits the parse there), which the memo leaves to the scan');
  });

  test('a later lookup of the same question (an extended token tried second) still scans and appends', () => {
    const tokens = (parser.startParse('') as unknown as { tokens: LookupTokens }).tokens;
    // Any state with an action on some token: ask once from 0, then again after it.
    for (let state = 0; state < stateCount; state++) {
      const stack = { state, p: { parser } };
      for (let token = 0; token <= tables.maxTerm; token++) {
        const first = tokens.addActions(stack, token, 5, 0);
        if (first !== 3) continue;
        const action = tokens.actions[0];
        const second = tokens.addActions(stack, token, 5, first);
        // The same action is not added twice.
        assert.strictEqual(second, 3);
        assert.strictEqual(tokens.actions[0], action);
        return;
      }
    }
    assert.fail('no state acts on a token');
  });
});
