// A key row's health in the Keys view: the status word leads the description when it is not Active,
// the icon and its colour follow the status, and the tooltip says why. The word is always in the text,
// so nothing rests on colour alone.
import * as vscode from 'vscode';
import { DEFAULT_EXPIRES_SOON_DAYS, type HealthOptions } from '../health/options';
import { BAD_STATUSES, statusText, type KeyHealth } from '../health/status';

/** What tree nodes judge health by: the clock and keyscope.health.expiresSoonDays, read when a row is drawn. */
export type HealthClock = () => HealthOptions;

export const defaultHealthClock: HealthClock = () => ({ now: Date.now(), expiresSoonDays: DEFAULT_EXPIRES_SOON_DAYS });

export function applyHealth(item: vscode.TreeItem, health: KeyHealth | undefined): void {
  if (!health) return;
  const description = typeof item.description === 'string' ? item.description : '';
  if (health.status !== 'Active') item.description = description ? vscode.l10n.t('{0} · {1}', statusText(health.status), description) : statusText(health.status);
  const tooltip = typeof item.tooltip === 'string' ? item.tooltip : '';
  const lines = [vscode.l10n.t('Status: {0} — {1}', statusText(health.status), health.reason), ...(health.caveat ? [health.caveat] : [])];
  item.tooltip = tooltip ? `${tooltip}\n${lines.join('\n')}` : lines.join('\n');
  if (health.status === 'Active') return;
  item.iconPath = BAD_STATUSES.has(health.status)
    ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
    : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
}
