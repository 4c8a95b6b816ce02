import * as vscode from 'vscode';
import type { KeyscopeConfig } from '../config';
import type { KeyFacts } from '../usage/key-facts';
import { NoTokenError } from '../usage/no-token-error';
import type { UsageService } from '../usage/usage-service';
import { VENDOR_NAMES } from '../vendor-id';
import { answerOnce } from './answer-once';
import { describeTarget, targetValue } from './recognize';
import { describeError } from '../usage/describe-error';
import { resolveLookup, type ResolvableTarget } from './resolve';
import { lastEvent, type LastEvent } from './last-event';
import { againItem, factsItems, messageItems, pickText, type ResultAction, type ResultItem } from './result-items';
import { COMMANDS } from '../command-ids';

/**
 * Shows a lookup's result in a QuickPick: totals, success rate, devices, last seen, then actions.
 * Resolves 'again' when the user chose "Look up another…".
 */
export function showLookupResult(usage: UsageService, config: KeyscopeConfig, target: ResolvableTarget): Promise<'again' | undefined> {
  const pick = vscode.window.createQuickPick<ResultItem>();
  pick.title = vscode.l10n.t('Keyscope: Look Up Key Usage: {0} {1}', describeTarget(target), pickText(targetValue(target), 80));
  pick.placeholder = vscode.l10n.t('Asking {0}…', VENDOR_NAMES[target.vendor]);
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = true;
  pick.busy = true;
  pick.items = [againItem()];

  // A lookup is asked for deliberately: a failure remembered from a hover moments ago is not its answer.
  usage.forgetFailures(target.vendor);
  // Closing the QuickPick (Escape, "Look up another…") aborts what only this lookup waits for.
  const lookup = new AbortController();
  void resolveLookup(usage, config, target, Date.now(), lookup.signal).then(
    (result) => {
      if (lookup.signal.aborted) return;
      if ('found' in result) {
        const show = (lastEvents?: ReadonlyMap<KeyFacts, LastEvent>): void => {
          pick.items = [...(result.note ? messageItems(result.note, 'info') : []), ...factsItems(result.found, lastEvents), againItem()];
        };
        show();
        pick.placeholder = vscode.l10n.t('Pick an action, or Escape to close');
        // One request per key or device (cached); a failure leaves the row out rather than the result.
        const events = new Map<KeyFacts, LastEvent>();
        void Promise.all(
          result.found.map((facts) =>
            lastEvent(usage, facts, lookup.signal).then(
              (last) => void (last && events.set(facts, last)),
              () => undefined,
            ),
          ),
        ).then(() => {
          if (!lookup.signal.aborted && events.size > 0) show(events);
        });
      } else {
        pick.items = [...messageItems(result.notFound, 'warning'), againItem()];
        pick.placeholder = result.notFound;
      }
      pick.busy = false;
    },
    (error: unknown) => {
      if (lookup.signal.aborted) return;
      const setToken: ResultItem[] =
        error instanceof NoTokenError ? [{ label: vscode.l10n.t('$(key) Set Access Token…'), action: { kind: 'setToken', vendor: error.vendor } }] : [];
      pick.items = [...messageItems(describeError(error), 'error'), ...setToken, againItem()];
      pick.placeholder = describeError(error);
      pick.busy = false;
    },
  );

  pick.onDidHide(() => lookup.abort());
  return answerOnce<'again'>(pick, (answer) => {
    const action = pick.activeItems[0]?.action;
    // Rows without an action are the result itself: accepting them keeps it on screen.
    if (!action) return;
    answer(action.kind === 'again' ? 'again' : undefined);
    void run(action);
  });
}

function copiedText(what: 'key' | 'id' | 'machine code'): string {
  if (what === 'key') return vscode.l10n.t('Keyscope: copied key');
  if (what === 'id') return vscode.l10n.t('Keyscope: copied id');
  return vscode.l10n.t('Keyscope: copied machine code');
}

async function run(action: ResultAction): Promise<void> {
  switch (action.kind) {
    case 'openAnalytics':
      await vscode.commands.executeCommand(COMMANDS.openAnalytics, action.reference);
      return;
    case 'reveal':
      await vscode.commands.executeCommand(COMMANDS.revealInKeysView, action.reference);
      return;
    case 'copy':
      await vscode.env.clipboard.writeText(action.text);
      vscode.window.setStatusBarMessage(copiedText(action.what), 2000);
      return;
    case 'setToken':
      await vscode.commands.executeCommand(COMMANDS.setToken, action.vendor);
      return;
    case 'again':
      return;
  }
}
