/** The compare view's data: an API, its counterparts with the corresponding arguments, signatures and a paired example. */
import * as assert from 'node:assert';
import { buildPairView } from '../../../../src/core/notes/pairView';
import { KnowledgeBase } from '../../../../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../../../../src/knowledge/all';
import { parseHostMessage, parsePairView } from '../../../../src/webview/protocol';

const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);
const signatures: Record<string, string> = { 'torch.nn.Linear': '(in_features: int, out_features: int, bias: bool = True, device=None, dtype=None) -> None' };

suite('core/notes: the pair view of the compare panel', () => {
  test('nn.Linear next to keras.layers.Dense: both sides, the arguments with both defaults, the layout, an example', () => {
    const view = buildPairView('torch.nn.Linear', kb, (name) => signatures[name]);
    assert.ok(view);
    assert.strictEqual(view.api.name, 'torch.nn.Linear');
    assert.strictEqual(view.api.framework, 'PyTorch');
    assert.strictEqual(view.api.signature, signatures['torch.nn.Linear']);
    const dense = view.counterparts.find((c) => c.name === 'keras.layers.Dense');
    assert.ok(dense, view.counterparts.map((c) => c.name).join(', '));
    assert.strictEqual(dense.framework, 'Keras');
    assert.ok(dense.params.some((p) => p.ours === 'bias' && p.theirs === 'use_bias' && p.ourDefault === 'True' && p.theirDefault === 'True'));
    assert.ok(dense.layout && /out_features, in_features/.test(dense.layout.ours));
    assert.ok(view.example && view.example.pytorch.includes('nn.Linear') && /Dense/.test(view.example.tensorflow), 'a paired example using both');
    assert.ok(!/\$\{\d|\$\d/.test(view.example.pytorch), 'the example is plain code, not snippet syntax');
    assert.ok(parsePairView(JSON.parse(JSON.stringify(view))), 'what the extension sends passes the webview contract');
  });

  test('an API without a counterpart has no pair view (the panel opens its section instead)', () => {
    assert.strictEqual(buildPairView('tensorflow.Session', kb, () => undefined), undefined);
    assert.strictEqual(buildPairView('no.such.api', kb, () => undefined), undefined);
  });

  test('the webview contract refuses a compare message of any other shape', () => {
    const view = buildPairView('torch.nn.Linear', kb, () => undefined);
    assert.ok(parseHostMessage({ type: 'compare', view }));
    assert.strictEqual(parseHostMessage({ type: 'compare', view: { ...view, counterparts: [] } }), undefined);
    assert.strictEqual(parseHostMessage({ type: 'compare', view: { ...view, api: { ...view?.api, name: 7 } } }), undefined);
    assert.strictEqual(parseHostMessage({ type: 'compare', view: { ...view, counterparts: [{ ...view?.counterparts[0], params: 'all' }] } }), undefined);
  });
});
