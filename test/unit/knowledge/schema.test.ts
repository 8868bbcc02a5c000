// Checks every knowledge entry (all frameworks) against the schema rules the hover, panel and quick fixes rely on.
import * as assert from 'assert';
import { ALL_ENTRIES } from '../../../src/knowledge/all';
import { KnowledgeBase } from '../../../src/knowledge/index';
import type { KnowledgeEntry } from '../../../src/knowledge/types';

const TAGS = new Set(['tensors', 'sequential-model', 'subclassed-model', 'custom-layer', 'training-loop', 'inference', 'data-pipeline', 'augmentation', 'loss-metrics', 'lr-schedule', 'checkpoints', 'mixed-precision', 'distributed', 'export', 'transfer-learning', 'mnist-mlp']);
const SECTIONS = new Set(['architecture', 'performance', 'ease-of-use', 'community', 'deployment', 'use-cases', 'recommendations', 'faq', 'changes-since-2023', 'examples']);
const DOC_HOST = /^https:\/\/(docs\.pytorch\.org|pytorch\.org|www\.tensorflow\.org|keras\.io|ai\.google\.dev|github\.com\/(tensorflow|pytorch|keras-team))(\/|$)/;
const DATE = /^\d{4}-\d{2}(-\d{2})?$/;

const byName = new Map<string, KnowledgeEntry>();
for (const e of ALL_ENTRIES) byName.set(e.name, e);
const base = new KnowledgeBase(ALL_ENTRIES);

/**
 * The entry a reference reaches the way the product reaches it: exactly or through a namespace alias
 * (tensorflow.compat.v1.Session is tensorflow.Session). Falling back to a parent module does not count.
 */
function resolve(name: string): KnowledgeEntry | undefined {
  return base.resolve(name);
}

suite('knowledge schema', () => {
  test('entries have the required fields', () => {
    const bad = ALL_ENTRIES.filter((e) => !e.name || !e.framework || !e.kind || !e.summary || !e.status?.state || !e.verified || !e.docs || !Array.isArray(e.sources) || e.sources.length === 0);
    assert.deepStrictEqual(bad.map((e) => e.name), []);
  });

  test('names are unique', () => {
    const seen = new Set<string>();
    const dup = ALL_ENTRIES.filter((e) => (seen.has(e.name) ? true : (seen.add(e.name), false))).map((e) => e.name);
    assert.deepStrictEqual(dup, []);
  });

  test('summaries are 20..400 characters', () => {
    const bad = ALL_ENTRIES.filter((e) => e.summary.length < 20 || e.summary.length > 400).map((e) => `${e.name} (${e.summary.length})`);
    assert.deepStrictEqual(bad, []);
  });

  test('non-current entries carry since, and dates are well-formed', () => {
    const bad = ALL_ENTRIES.filter((e) => (e.status.state !== 'current' && !e.status.since) || (e.status.date !== undefined && !DATE.test(e.status.date))).map((e) => e.name);
    assert.deepStrictEqual(bad, []);
  });

  test('docs URLs are https on official hosts; sources are https URLs', () => {
    const bad = ALL_ENTRIES.filter((e) => !DOC_HOST.test(e.docs) || e.sources.some((s) => !/^https:\/\/\S+$/.test(s))).map((e) => `${e.name}: ${e.docs}`);
    assert.deepStrictEqual(bad, []);
  });

  test('replacement targets resolve or are marked external', () => {
    const bad = ALL_ENTRIES.filter((e) => e.replacement && !e.replacement.external && !resolve(e.replacement.name)).map((e) => `${e.name} -> ${e.replacement?.name}`);
    assert.deepStrictEqual(bad, []);
  });

  test('equivalent targets resolve or are marked external', () => {
    const bad: string[] = [];
    for (const e of ALL_ENTRIES) for (const q of e.equivalents ?? []) if (!q.external && !resolve(q.name)) bad.push(`${e.name} -> ${q.name}`);
    assert.deepStrictEqual(bad, []);
  });

  test('no entry lists the same equivalent twice or itself', () => {
    const bad: string[] = [];
    for (const e of ALL_ENTRIES) {
      const targets = (e.equivalents ?? []).map((q) => resolve(q.name)?.name ?? q.name);
      if (new Set(targets).size !== targets.length || targets.includes(e.name)) bad.push(e.name);
    }
    assert.deepStrictEqual(bad, []);
  });

  /**
   * Many-to-one is fine (torch.mm and torch.bmm both point to tensorflow.matmul, which points back to torch.matmul).
   * For every A -> B where B lists equivalents, B must list A, or list some C that lists B back: B is then a hub
   * with its own symmetric partner, and a reader going from B still lands on the right concept.
   */
  test('equivalence is symmetric, directly or through a hub', () => {
    const bad: string[] = [];
    for (const a of ALL_ENTRIES) {
      for (const q of a.equivalents ?? []) {
        const b = resolve(q.name);
        if (!b || !b.equivalents || b.equivalents.length === 0) continue;
        const back = b.equivalents.map((r) => resolve(r.name)).filter((c): c is KnowledgeEntry => c !== undefined);
        if (back.some((c) => c.name === a.name)) continue;
        if (back.some((c) => (c.equivalents ?? []).some((r) => resolve(r.name)?.name === b.name))) continue;
        bad.push(`${a.name} -> ${b.name}`);
      }
    }
    assert.deepStrictEqual(bad, []);
  });

  test('tags and sections come from the known lists', () => {
    const bad = ALL_ENTRIES.filter((e) => (e.tags ?? []).some((t) => !TAGS.has(t)) || (e.section !== undefined && !SECTIONS.has(e.section))).map((e) => e.name);
    assert.deepStrictEqual(bad, []);
  });

  test('every module prefix of an entry has a module entry', () => {
    const bad: string[] = [];
    for (const e of ALL_ENTRIES) {
      const parts = e.name.split('.');
      for (let i = 2; i < parts.length; i++) {
        const prefix = parts.slice(0, i).join('.');
        const m = byName.get(prefix);
        // Class members (keras.Model.save_weights) hang off a class, not a module.
        if (!m) bad.push(`${e.name}: missing ${prefix}`);
        else if (m.kind !== 'module' && m.kind !== 'class') bad.push(`${e.name}: ${prefix} is a ${m.kind}`);
      }
    }
    assert.deepStrictEqual([...new Set(bad)], []);
  });
});
