// Writes an export where the person chooses (or where a caller such as a test says).
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { notificationText } from '../text/untrusted';
import { exportFileName, snapshotToCsv, snapshotToJson } from './export-text';
import type { Snapshot } from './protocol-data';

/** Resolves with the file written, or undefined when the save dialog was cancelled. */
export async function exportSnapshot(format: 'csv' | 'json', snapshot: Snapshot, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const name = exportFileName(snapshot, format);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: format === 'csv' ? vscode.l10n.t('Keyscope: Export CSV') : vscode.l10n.t('Keyscope: Export JSON'),
      saveLabel: vscode.l10n.t('Export'),
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
    }));
  if (!uri) return undefined;
  const text = format === 'csv' ? snapshotToCsv(snapshot) : snapshotToJson(snapshot);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  if (!target) void vscode.window.showInformationMessage(vscode.l10n.t('Keyscope: exported {0}', notificationText(basename(uri.path))));
  return uri;
}
