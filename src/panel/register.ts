// The Analytics panel's entry point: its two commands and the serializer that restores panels after
// a window reload. Nothing is fetched until a panel opens and its webview asks.
import * as vscode from 'vscode';
import type { KeyscopeConfig } from '../config';
import type { UsageService } from '../usage/usage-service';
import { notificationText } from '../text/untrusted';
import { describeError } from '../usage/describe-error';
import type { PanelUsage } from './panel-usage';
import { PanelRegistry } from './panel-registry';
import { resolveScope } from './pick-scope';
import { PANEL_VIEW_TYPE } from './protocol';
import { exportSnapshot } from './save-export';
import { scopeRequestOf } from './scope';
import { COMMANDS } from '../command-ids';

export function registerAnalyticsPanel(
  context: vscode.ExtensionContext,
  usage: UsageService,
  log: vscode.LogOutputChannel,
  config: () => KeyscopeConfig,
  /** Fires after "Keyscope: Refresh" cleared the cache: every open panel loads again. */
  refreshed?: vscode.Event<void>,
): vscode.Disposable[] {
  const panelUsage: PanelUsage = usage;
  const registry = new PanelRegistry({
    extensionUri: context.extensionUri,
    usage: panelUsage,
    log,
    unkeyVersion: () => config().unkeyApiVersion,
    health: () => ({ now: Date.now(), expiresSoonDays: config().expiresSoonDays }),
  });
  return [
    registry,
    ...(refreshed ? [refreshed(() => registry.reloadAll())] : []),
    vscode.commands.registerCommand(COMMANDS.openAnalytics, (argument?: unknown) => openAnalytics(registry, panelUsage, config().unkeyApiIds, argument)),
    vscode.commands.registerCommand(COMMANDS.exportUsage, (format?: unknown, target?: unknown) =>
      // A target file from a caller is for tests only: a person always picks where an export goes.
      exportUsage(registry, format, context.extensionMode === vscode.ExtensionMode.Production ? undefined : target)),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => registry.restore(panel, state),
    }),
  ];
}

/**
 * `keyscope.openAnalytics`: argument a tree node (`.reference`), a `{vendor, scopeId?, keyId?}`
 * from a hover or lookup, or nothing (then QuickPicks ask).
 */
async function openAnalytics(registry: PanelRegistry, usage: PanelUsage, apiIds: readonly string[], argument: unknown): Promise<void> {
  try {
    const scope = await resolveScope(usage, apiIds, scopeRequestOf(argument));
    if (scope) registry.open(scope);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Keyscope: could not open analytics. {0}', notificationText(describeError(error))));
  }
}

/**
 * `keyscope.exportUsage`: what the current panel shows, as CSV or JSON, where the person chooses.
 * Callers may pass the format ('csv' | 'json') and a target Uri; resolves with the file written.
 */
async function exportUsage(registry: PanelRegistry, formatArg: unknown, targetArg: unknown): Promise<vscode.Uri | undefined> {
  const panel = registry.current();
  if (!panel) {
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Keyscope: open an Analytics panel first; Export Usage saves what it shows.'), vscode.l10n.t('Open Analytics'));
    if (choice) await vscode.commands.executeCommand(COMMANDS.openAnalytics);
    return undefined;
  }
  const format = formatArg === 'csv' || formatArg === 'json' ? formatArg : await pickFormat();
  if (!format) return undefined;
  try {
    const snapshot = await panel.snapshot();
    return await exportSnapshot(format, { ...snapshot, scope: panel.scope }, targetArg instanceof vscode.Uri ? targetArg : undefined);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Keyscope: could not export. {0}', notificationText(describeError(error))));
    return undefined;
  }
}

async function pickFormat(): Promise<'csv' | 'json' | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'CSV', description: vscode.l10n.t('one section per table'), format: 'csv' as const },
      { label: 'JSON', description: vscode.l10n.t('tables with typed rows'), format: 'json' as const },
    ],
    { title: vscode.l10n.t('Keyscope: Export Usage'), placeHolder: vscode.l10n.t('Export what the Analytics panel shows as…') },
  );
  return picked?.format;
}
