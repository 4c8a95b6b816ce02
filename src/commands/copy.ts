import * as vscode from 'vscode';
import { isReferencingNode } from '../tree/key-item';

/** `keyscope.copyId` / `keyscope.copyKey` from a tree node's context menu. */
export async function copyFromNode(node: unknown, what: 'id' | 'key'): Promise<void> {
  if (!isReferencingNode(node)) return;
  const { reference } = node;
  const text = what === 'id' ? (reference.keyId ?? reference.scopeId) : reference.key;
  if (text === undefined) {
    void vscode.window.showInformationMessage(what === 'id' ? vscode.l10n.t('Keyscope: this item has no id to copy.') : vscode.l10n.t('Keyscope: this item has no key string to copy.'));
    return;
  }
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(what === 'id' ? vscode.l10n.t('Keyscope: copied id') : vscode.l10n.t('Keyscope: copied key'), 2000);
}
