import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openSample, positionOf, waitFor } from './helpers';

/** The untitled editor the port command opened, once its text contains `needle`. */
async function portedEditor(needle: string): Promise<vscode.TextEditor> {
  return waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.isUntitled && e.document.getText().includes(needle)), `an untitled editor containing ${needle}`);
}

suite('port a model to the other framework', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('Port to Keras on the nn.Module under the cursor opens the Keras model beside, leaving the original untouched', async () => {
    const doc = await openSample('train_torch.py');
    const before = doc.getText();
    const editor = await vscode.window.showTextDocument(doc);
    const inside = positionOf(doc, 'self.hidden = nn.Linear');
    editor.selection = new vscode.Selection(inside, inside);
    await vscode.commands.executeCommand('frameworkGuide.portToKeras');
    const ported = await portedEditor('class Classifier(keras.Model):');
    assert.strictEqual(ported.document.languageId, 'python');
    assert.match(ported.document.getText(), /self\.hidden = keras\.layers\.Dense\(128\)/);
    assert.match(ported.document.getText(), /def port_weights\(torch_model, keras_model\):/);
    assert.strictEqual(doc.getText(), before);
  });

  test('a CodeLens offers Port to PyTorch above a keras.Sequential model', async () => {
    const doc = await openSample('train_keras.py');
    const lenses = await waitFor(async () => {
      const found = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? [];
      return found.find((l) => l.command?.command === 'frameworkGuide.portToPyTorch');
    }, 'the Port to PyTorch lens');
    assert.strictEqual(lenses.command?.title, 'Port to PyTorch');
    // Above the model's name, where the port command starts from.
    assert.strictEqual(doc.getText(lenses.range), 'build_model');
    assert.strictEqual(doc.offsetAt(lenses.range.start), lenses.command?.arguments?.[1]);
    await vscode.commands.executeCommand(lenses.command!.command, ...(lenses.command!.arguments ?? []));
    const ported = await portedEditor('def build_model(');
    assert.match(ported.document.getText(), /nn\.Linear\(784, 128\)/);
  });
});
