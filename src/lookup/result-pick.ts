import * as vscode from 'vscode';
import type { KeyscopeConfig } from '../config';
import type { KeyFacts } from '../usage/key-facts';
import { NoTokenError, type UsageService } from '../usage/usage-service';
import { VENDOR_NAMES } from '../vendor-id';
import { answerOnce } from './answer-once';
import { LOOKUP_TITLE } from './ask-target';
import { describeTarget, targetValue } from './recognize';
import { describeError } from '../usage/describe-error';
import { resolveLookup, type ResolvableTarget } from './resolve';
import { lastEvent, type LastEvent } from './last-event';
import { AGAIN_ITEM, factsItems, messageItems, pickText, type ResultAction, type ResultItem } from './result-items';
import { COMMANDS } from '../command-ids';

/**
 * Shows a lookup's result in a QuickPick: totals, success rate, devices, last seen, then actions.
 * Resolves 'again' when the user chose "Look up another…".
 */
export function showLookupResult(usage: UsageService, config: KeyscopeConfig, target: ResolvableTarget): Promise<'again' | undefined> {
  const pick = vscode.window.createQuickPick<ResultItem>();
  pick.title = `${LOOKUP_TITLE}: ${describeTarget(target)} ${pickText(targetValue(target), 80)}`;
  pick.placeholder = `Asking ${VENDOR_NAMES[target.vendor]}…`;
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = true;
  pick.busy = true;
  pick.items = [AGAIN_ITEM];

  // A lookup is asked for deliberately: a failure remembered from a hover moments ago is not its answer.
  usage.forgetFailures(target.vendor);
  // Closing the QuickPick (Escape, "Look up another…") aborts what only this lookup waits for.
  const lookup = new AbortController();
  void resolveLookup(usage, config, target, Date.now(), lookup.signal).then(
    (result) => {
      if (lookup.signal.aborted) return;
      if ('found' in result) {
        const show = (lastEvents?: ReadonlyMap<KeyFacts, LastEvent>): void => {
          pick.items = [...(result.note ? messageItems(result.note, 'info') : []), ...factsItems(result.found, lastEvents), AGAIN_ITEM];
        };
        show();
        pick.placeholder = 'Pick an action, or Escape to close';
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
        pick.items = [...messageItems(result.notFound, 'warning'), AGAIN_ITEM];
        pick.placeholder = result.notFound;
      }
      pick.busy = false;
    },
    (error: unknown) => {
      if (lookup.signal.aborted) return;
      const setToken: ResultItem[] =
        error instanceof NoTokenError ? [{ label: '$(key) Set Access Token…', action: { kind: 'setToken', vendor: error.vendor } }] : [];
      pick.items = [...messageItems(describeError(error), 'error'), ...setToken, AGAIN_ITEM];
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
      vscode.window.setStatusBarMessage(`Keyscope: copied ${action.what}`, 2000);
      return;
    case 'setToken':
      await vscode.commands.executeCommand(COMMANDS.setToken, action.vendor);
      return;
    case 'again':
      return;
  }
}
