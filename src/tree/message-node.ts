import * as vscode from 'vscode';
import { TokenNotSentError } from '../trust/origin-consent';
import { UnsafeBaseUrlError } from '../trust/destination';
import { describeError } from '../usage/describe-error';
import type { TreeNode } from './node';
import { COMMANDS } from '../command-ids';

/** A leaf that says something: an error (click to retry), "Load more…", or an empty state. */
export class MessageNode implements TreeNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    private readonly icon: string,
    private readonly command?: vscode.Command,
    private readonly tooltip?: string,
    private readonly contextValue?: string,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon, this.icon === 'error' ? new vscode.ThemeColor('errorForeground') : undefined);
    if (this.command) item.command = this.command;
    if (this.tooltip) item.tooltip = this.tooltip;
    if (this.contextValue) item.contextValue = this.contextValue;
    return item;
  }
}

export const RETRY_COMMAND = COMMANDS.retry;
export const LOAD_MORE_COMMAND = COMMANDS.loadMore;

/** "Cryptolens: Access denied." with a click that reloads the parent it failed under. */
export function errorNode(parentId: string, message: string): MessageNode {
  return new MessageNode(
    `${parentId}/error`,
    message,
    'error',
    { title: vscode.l10n.t('Retry'), command: RETRY_COMMAND, arguments: [parentId] },
    vscode.l10n.t('{0}\nClick to retry.', message),
    'error',
  );
}

/** A problem the user fixes in a setting: clicking opens the Settings editor on it. */
export function settingNode(id: string, message: string, setting: string): MessageNode {
  return new MessageNode(
    id,
    message,
    'error',
    { title: vscode.l10n.t('Review the setting'), command: 'workbench.action.openSettings', arguments: [setting] },
    vscode.l10n.t('{0}\nClick to review the setting.', message),
    'error',
  );
}

/** What a failed load under `parentId` shows: a setting to review when the token was held back, else a retry. */
export function failureNode(parentId: string, error: unknown): MessageNode {
  if (error instanceof TokenNotSentError || error instanceof UnsafeBaseUrlError) {
    return settingNode(`${parentId}/error`, describeError(error), error.setting);
  }
  return errorNode(parentId, describeError(error));
}

export function loadMoreNode(parentId: string): MessageNode {
  return new MessageNode(`${parentId}/more`, vscode.l10n.t('Load more…'), 'ellipsis', {
    title: vscode.l10n.t('Load more'),
    command: LOAD_MORE_COMMAND,
    arguments: [parentId],
  });
}

export function emptyNode(parentId: string, label: string): MessageNode {
  return new MessageNode(`${parentId}/empty`, label, 'info');
}
