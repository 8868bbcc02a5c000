/** Command `frameworkGuide.showReplacement`: explains what replaces a deprecated or removed API, with its docs. */
import * as vscode from 'vscode';
import type { KnowledgeStore } from './knowledgeStore';

export function registerReplacementCommand(context: vscode.ExtensionContext, store: KnowledgeStore): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('frameworkGuide.showReplacement', async (name?: unknown) => {
      if (typeof name !== 'string') return;
      const kb = await store.getKnowledge();
      const entry = kb.get(name);
      if (!entry?.replacement) return;
      const target = kb.resolve(entry.replacement.name);
      const message = vscode.l10n.t('{0} → {1}. {2}', entry.name, entry.replacement.name, entry.replacement.note ?? target?.summary ?? '');
      const openDocs = vscode.l10n.t('Open docs');
      const choice = await vscode.window.showInformationMessage(message, openDocs);
      if (choice === openDocs) await vscode.env.openExternal(vscode.Uri.parse(target?.docs ?? entry.docs));
    }),
  );
}
