// KeyFacts as QuickPick rows: plain text only (vendor strings through plainText), icons for the eye.
import * as vscode from 'vscode';
import { formatCount, formatRate, formatTime } from '../text/format';
import { plainText } from '../text/untrusted';
import { kindText, type KeyFacts } from '../usage/key-facts';
import type { LastEvent } from './last-event';
import { OUTCOMES, type KeyReference } from '../vendors/model';
import { VENDOR_NAMES } from '../vendor-id';
import { BAD_STATUSES, statusText, type KeyStatus } from '../health/status';

export type ResultAction =
  | { kind: 'openAnalytics'; reference: KeyReference }
  | { kind: 'reveal'; reference: KeyReference }
  | { kind: 'copy'; text: string; what: 'key' | 'id' | 'machine code' }
  | { kind: 'again' }
  | { kind: 'setToken'; vendor: KeyReference['vendor'] };

export interface ResultItem extends vscode.QuickPickItem {
  action?: ResultAction;
}

export function factsItems(facts: readonly KeyFacts[], lastEvents: ReadonlyMap<KeyFacts, LastEvent> = new Map()): ResultItem[] {
  const items: ResultItem[] = [];
  for (const key of facts) {
    if (facts.length > 1) items.push({ label: pickText(key.title, 80), kind: vscode.QuickPickItemKind.Separator });
    const last = lastEvents.get(key);
    items.push(...keyRows(key), ...(last ? [lastEventItem(key, last)] : []), ...keyActions(key));
  }
  return items;
}

/** "Last event: Activate · failed at 2025-05-01 10:00 UTC"; accepting it opens the panel on the events. */
export function lastEventItem(facts: KeyFacts, last: LastEvent): ResultItem {
  return {
    label: vscode.l10n.t('$(history) Last event: {0} at {1}', pickText(last.event, 120), formatTime(last.time)),
    ...(last.state !== undefined ? { description: vscode.l10n.t('state code {0}', last.state) } : {}),
    detail: vscode.l10n.t('Open the events in Keyscope Analytics'),
    action: { kind: 'openAnalytics', reference: facts.reference },
  };
}

function keyRows(facts: KeyFacts): ResultItem[] {
  const rows: ResultItem[] = [
    {
      label: `$(key) ${pickText(facts.title, 120)}`,
      description: vscode.l10n.t('{0} {1}', VENDOR_NAMES[facts.vendor], kindText(facts.kind)),
      detail: [...facts.details.map(([label, value]) => `${label} ${pickText(value, 120)}`), ...(facts.state ? [facts.state] : [])].join(' · '),
    },
  ];
  const { health } = facts;
  if (health) {
    rows.push({
      label: vscode.l10n.t('$({0}) Status: {1}', statusIcon(health.status), statusText(health.status)),
      description: pickText(health.reason, 200),
      ...(health.caveat ? { detail: pickText(health.caveat, 300) } : {}),
    });
  }
  const { totals } = facts;
  if (totals) {
    rows.push({
      label: vscode.l10n.t('$(pulse) Requests: {0}', formatCount(totals.total)),
      description: vscode.l10n.t('{0} successful · {1} failed · {2}', formatCount(totals.successful), formatCount(totals.failed), totals.period),
    });
    const outcomes = totals.outcomes;
    if (outcomes) {
      const parts = OUTCOMES.filter((outcome) => outcomes[outcome] > 0).map((outcome) => `${outcome} ${formatCount(outcomes[outcome])}`);
      if (parts.length > 0) rows.push({ label: vscode.l10n.t('$(list-unordered) By outcome'), description: parts.join(' · ') });
    }
    rows.push({ label: vscode.l10n.t('$(pass) Success rate: {0}', formatRate(totals.successful, totals.total)) });
  }
  if (facts.devices) rows.push({ label: vscode.l10n.t('$(device-desktop) Devices: {0}', `${formatCount(facts.devices.count)}${facts.devices.more ? '+' : ''}`) });
  if (facts.firstSeen !== undefined) rows.push({ label: vscode.l10n.t('$(calendar) First seen: {0}', formatTime(facts.firstSeen)) });
  if (facts.vendor === 'runtype') rows.push({ label: vscode.l10n.t('$(history) Last used: {0}', formatTime(facts.lastSeen)) });
  else if (facts.lastSeen !== undefined) rows.push({ label: vscode.l10n.t('$(history) Last seen: {0}', formatTime(facts.lastSeen)) });
  if (facts.note) rows.push({ label: `$(info) ${facts.note}` });
  return rows;
}

/** The codicon beside a status word (the word itself says it; the icon is for the eye). */
export function statusIcon(status: KeyStatus): string {
  return status === 'Active' ? 'pass' : BAD_STATUSES.has(status) ? 'error' : 'warning';
}

function keyActions(facts: KeyFacts): ResultItem[] {
  const { reference } = facts;
  const actions: ResultItem[] = [
    { label: vscode.l10n.t('$(graph) Open in Keyscope Analytics'), action: { kind: 'openAnalytics', reference } },
  ];
  if (reference.keyId !== undefined) actions.push({ label: vscode.l10n.t('$(list-tree) Reveal in Keys view'), action: { kind: 'reveal', reference } });
  if (reference.key) actions.push({ label: vscode.l10n.t('$(clippy) Copy key'), description: pickText(reference.key, 80), action: { kind: 'copy', text: reference.key, what: 'key' } });
  const id = reference.keyId ?? reference.scopeId;
  if (id) actions.push({ label: vscode.l10n.t('$(copy) Copy id'), description: pickText(id, 80), action: { kind: 'copy', text: id, what: 'id' } });
  if (facts.kind === 'device') actions.push({ label: vscode.l10n.t('$(copy) Copy machine code'), action: { kind: 'copy', text: facts.title, what: 'machine code' } });
  return actions;
}

/** Vendor text for a QuickPick row: plain, and `$(…)` kept from turning into an icon. */
export function pickText(text: string, maxLength: number): string {
  return plainText(text, maxLength).replace(/\$\(/g, '\\$(');
}

export function againItem(): ResultItem {
  return { label: vscode.l10n.t('$(search) Look up another…'), action: { kind: 'again' } };
}

export function messageItems(message: string, icon: 'error' | 'warning' | 'info'): ResultItem[] {
  return [{ label: `$(${icon}) ${pickText(message, 300)}` }];
}
