import * as vscode from 'vscode';
import { isReferencingNode } from '../tree/key-item';

/** `keyscope.copyId` / `keyscope.copyKey` from a tree node's context menu. */
export async function copyFromNode(node: unknown, what: 'id' | 'key'): Promise<void> {
  if (!isReferencingNode(node)) return;
  const { reference } = node;
  const text = what === 'id' ? (reference.keyId ?? reference.scopeId) : reference.key;
  if (text === undefined) {
    void vscode.window.showInformationMessage(`Keyscope: this item has no ${what === 'id' ? 'id' : 'key string'} to copy.`);
    return;
  }
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`Keyscope: copied ${what === 'id' ? 'id' : 'key'}`, 2000);
}
