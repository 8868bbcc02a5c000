/** The webview message contract: every valid shape is accepted as-is, everything else is rejected. */
import * as assert from 'node:assert';
import { parseHostMessage, parsePanelState, parseWebviewMessage } from '../../../src/webview/protocol';

const long = (n: number) => 'x'.repeat(n);

suite('parseWebviewMessage: valid shapes', () => {
  const valid: Array<[string, unknown]> = [
    ['ready', { type: 'ready' }],
    ['rendered', { type: 'rendered', sections: ['architecture', 'faq'], tables: 3, firstPaintMs: 12.5 }],
    ['rendered with nothing yet', { type: 'rendered', sections: [], tables: 0, firstPaintMs: 0 }],
    ['example copy', { type: 'example', action: 'copy', example: 'examples--mnist-sized-mlp', framework: 'tensorflow' }],
    ['example insert', { type: 'example', action: 'insert', example: 'examples--custom-training-step', framework: 'pytorch' }],
    ['example openAsFile', { type: 'example', action: 'openAsFile', example: 'examples--saving-and-loading', framework: 'pytorch' }],
    ['openLink', { type: 'openLink', href: 'https://docs.pytorch.org/docs/stable/generated/torch.load.html' }],
    ['filtered', { type: 'filtered', query: 'onnx', visibleSections: ['deployment'], visibleRows: 4 }],
    ['filtered with empty query', { type: 'filtered', query: '', visibleSections: [], visibleRows: 0 }],
    ['revealed', { type: 'revealed', section: 'deployment' }],
    ['strings at their limits', { type: 'filtered', query: long(500), visibleSections: [long(200)], visibleRows: 1 }],
  ];
  for (const [name, message] of valid) {
    test(name, () => assert.deepStrictEqual(parseWebviewMessage(message), message));
  }

  test('unknown extra fields are dropped, not passed through', () => {
    assert.deepStrictEqual(parseWebviewMessage({ type: 'ready', extra: '<script>' }), { type: 'ready' });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'revealed', section: 'faq', html: '<img onerror=x>' }), { type: 'revealed', section: 'faq' });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'openLink', href: 'https://keras.io', target: '_blank' }), { type: 'openLink', href: 'https://keras.io' });
  });
});

suite('parseWebviewMessage: rejected input', () => {
  const invalid: Array<[string, unknown]> = [
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'ready'],
    ['a JSON string of a valid message', JSON.stringify({ type: 'ready' })],
    ['a boolean', true],
    ['an array', [{ type: 'ready' }]],
    ['no type', {}],
    ['unknown type', { type: 'reload' }],
    ['type with wrong case', { type: 'Ready' }],
    ['type as a number', { type: 1 }],
    ['rendered: sections not an array', { type: 'rendered', sections: 'faq', tables: 1, firstPaintMs: 1 }],
    ['rendered: sections contain a number', { type: 'rendered', sections: ['faq', 3], tables: 1, firstPaintMs: 1 }],
    ['rendered: nested arrays', { type: 'rendered', sections: [['faq']], tables: 1, firstPaintMs: 1 }],
    ['rendered: section name over 200 chars', { type: 'rendered', sections: [long(201)], tables: 1, firstPaintMs: 1 }],
    ['rendered: more than 500 sections', { type: 'rendered', sections: Array.from({ length: 501 }, () => 'faq'), tables: 1, firstPaintMs: 1 }],
    ['rendered: tables as a string', { type: 'rendered', sections: [], tables: '1', firstPaintMs: 1 }],
    ['rendered: negative tables', { type: 'rendered', sections: [], tables: -1, firstPaintMs: 1 }],
    ['rendered: NaN firstPaintMs', { type: 'rendered', sections: [], tables: 0, firstPaintMs: NaN }],
    ['rendered: Infinity firstPaintMs', { type: 'rendered', sections: [], tables: 0, firstPaintMs: Infinity }],
    ['rendered: missing firstPaintMs', { type: 'rendered', sections: [], tables: 0 }],
    ['example: unknown action', { type: 'example', action: 'run', example: 'x', framework: 'pytorch' }],
    ['example: missing action', { type: 'example', example: 'x', framework: 'pytorch' }],
    ['example: unknown framework', { type: 'example', action: 'copy', example: 'x', framework: 'jax' }],
    ['example: keras is not a panel framework', { type: 'example', action: 'copy', example: 'x', framework: 'keras' }],
    ['example: framework with wrong case', { type: 'example', action: 'copy', example: 'x', framework: 'PyTorch' }],
    ['example: id over 200 chars', { type: 'example', action: 'copy', example: long(201), framework: 'pytorch' }],
    ['example: id as an object', { type: 'example', action: 'copy', example: { id: 'x' }, framework: 'pytorch' }],
    ['openLink: href missing', { type: 'openLink' }],
    ['openLink: href as an object', { type: 'openLink', href: { toString: () => 'https://x' } }],
    ['openLink: href over 2000 chars', { type: 'openLink', href: 'https://example.com/' + long(2000) }],
    ['filtered: query over 500 chars', { type: 'filtered', query: long(501), visibleSections: [], visibleRows: 0 }],
    ['filtered: visibleSections of objects', { type: 'filtered', query: '', visibleSections: [{ id: 'faq' }], visibleRows: 0 }],
    ['filtered: visibleRows as a string', { type: 'filtered', query: '', visibleSections: [], visibleRows: '3' }],
    ['revealed: section over 200 chars', { type: 'revealed', section: long(201) }],
    ['revealed: section null', { type: 'revealed', section: null }],
  ];
  for (const [name, message] of invalid) {
    test(name, () => assert.strictEqual(parseWebviewMessage(message), undefined));
  }
});

suite('parseHostMessage', () => {
  test('accepts reveal and filter', () => {
    assert.deepStrictEqual(parseHostMessage({ type: 'reveal', section: 'deployment' }), { type: 'reveal', section: 'deployment' });
    assert.deepStrictEqual(parseHostMessage({ type: 'filter', query: 'torch.compile' }), { type: 'filter', query: 'torch.compile' });
    assert.deepStrictEqual(parseHostMessage({ type: 'filter', query: '' }), { type: 'filter', query: '' });
  });

  test('drops extra fields', () => {
    assert.deepStrictEqual(parseHostMessage({ type: 'reveal', section: 'faq', scroll: 100 }), { type: 'reveal', section: 'faq' });
  });

  const invalid: Array<[string, unknown]> = [
    ['null', null],
    ['a number', 7],
    ['a string', 'reveal'],
    ['a webview message type', { type: 'ready' }],
    ['reveal without section', { type: 'reveal' }],
    ['reveal with a numeric section', { type: 'reveal', section: 3 }],
    ['reveal with a section over 200 chars', { type: 'reveal', section: long(201) }],
    ['filter with a query over 500 chars', { type: 'filter', query: long(501) }],
    ['filter with an array query', { type: 'filter', query: ['a'] }],
  ];
  for (const [name, message] of invalid) {
    test(`rejects ${name}`, () => assert.strictEqual(parseHostMessage(message), undefined));
  }
});

suite('parsePanelState', () => {
  test('accepts a full state', () => {
    assert.deepStrictEqual(parsePanelState({ query: 'onnx', scrollY: 420, section: 'deployment' }), { query: 'onnx', scrollY: 420, section: 'deployment' });
  });

  test('section is optional and an invalid one is dropped, keeping the rest', () => {
    assert.deepStrictEqual(parsePanelState({ query: '', scrollY: 0 }), { query: '', scrollY: 0, section: undefined });
    assert.deepStrictEqual(parsePanelState({ query: '', scrollY: 0, section: 12 }), { query: '', scrollY: 0, section: undefined });
    assert.deepStrictEqual(parsePanelState({ query: '', scrollY: 0, section: long(201) }), { query: '', scrollY: 0, section: undefined });
  });

  test('a negative scroll position is clamped to 0', () => {
    assert.strictEqual(parsePanelState({ query: '', scrollY: -50 })?.scrollY, 0);
  });

  const invalid: Array<[string, unknown]> = [
    ['null', null],
    ['undefined', undefined],
    ['a string', '{"query":"","scrollY":0}'],
    ['a number', 0],
    ['missing query', { scrollY: 0 }],
    ['numeric query', { query: 1, scrollY: 0 }],
    ['query over 500 chars', { query: long(501), scrollY: 0 }],
    ['missing scrollY', { query: '' }],
    ['scrollY as a string', { query: '', scrollY: '10' }],
    ['scrollY NaN', { query: '', scrollY: NaN }],
    ['scrollY Infinity', { query: '', scrollY: Infinity }],
  ];
  for (const [name, state] of invalid) {
    test(`rejects ${name}`, () => assert.strictEqual(parsePanelState(state), undefined));
  }
});
