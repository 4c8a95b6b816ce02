// The host's answers to the webview's requests. Data requests are bound to the panel's scope: the
// webview never names a product, API or key, it only asks for views of the one it was opened for.
import type { UnkeyApiVersion } from '../vendors/unkey/types';
import { cryptolensDaily, cryptolensEvents, unkeyRecent } from './activity-data';
import { cryptolensKey, cryptolensProduct } from './cryptolens-data';
import type { PanelHealthClock } from './key-status';
import type { RequestOf } from './protocol-endpoint';
import type { PanelUsage } from './panel-usage';
import type { hostMethods, Result } from './protocol';
import type { PanelScope, Snapshot } from './protocol-data';
import { runtypeSummary } from './runtype-data';
import { scopeTitle } from './scope';
import { unkeyBreakdown, unkeySeries } from './unkey-data';

export interface PanelContext {
  scope: PanelScope;
  title: string;
  usage: PanelUsage;
  unkeyVersion(): UnkeyApiVersion;
  /** Asks where, writes the file; false when the person cancelled. */
  save(format: 'csv' | 'json', snapshot: Snapshot): Promise<boolean>;
  open(scope: PanelScope): Promise<void>;
  /** Keeps what the webview shows now (for Keyscope: Export Usage…). */
  shown(snapshot: Snapshot): void;
  /** Aborts when the panel closes: the vendor calls only this panel waits for end with it. */
  signal: AbortSignal;
  /** The clock for "last N days" ranges; Date.now when absent. */
  now?: () => number;
  /** The clock and keyscope.health.expiresSoonDays for the Status column; the defaults when absent. */
  health?: PanelHealthClock;
}

export class ScopeMismatchError extends Error {
  constructor(method: string, scope: PanelScope) {
    super(`${method}: not available in this panel (${scopeTitle(scope)})`);
    this.name = 'ScopeMismatchError';
  }
}

/** What the panel shows: its scope, title and Unkey version (also written into its HTML). */
export function initAnswer(context: Pick<PanelContext, 'scope' | 'title' | 'unkeyVersion'>): Result<'init'> {
  return { scope: context.scope, title: context.title, unkeyVersion: context.unkeyVersion() };
}

export async function answerRequest(context: PanelContext, request: RequestOf<typeof hostMethods>): Promise<unknown> {
  const { scope, usage, signal } = context;
  switch (request.method) {
    case 'init':
      return initAnswer(context);
    case 'unkey.series':
      if (scope.vendor !== 'unkey') throw new ScopeMismatchError(request.method, scope);
      return unkeySeries(usage, scope, request.params, signal);
    case 'unkey.breakdown':
      if (scope.vendor !== 'unkey') throw new ScopeMismatchError(request.method, scope);
      return unkeyBreakdown(usage, scope, request.params, signal, context.health);
    case 'cryptolens.product':
      if (scope.vendor !== 'cryptolens') throw new ScopeMismatchError(request.method, scope);
      return cryptolensProduct(usage, scope.productId, signal, context.health);
    case 'cryptolens.key':
      if (scope.vendor !== 'cryptolens' || scope.keyId === undefined) throw new ScopeMismatchError(request.method, scope);
      return cryptolensKey(usage, scope.productId, scope.keyId, signal);
    case 'cryptolens.daily':
      if (scope.vendor !== 'cryptolens' || scope.keyId !== undefined) throw new ScopeMismatchError(request.method, scope);
      return cryptolensDaily(usage, scope.productId, request.params, context.now?.() ?? Date.now(), signal);
    case 'cryptolens.events':
      if (scope.vendor !== 'cryptolens' || scope.keyId === undefined) throw new ScopeMismatchError(request.method, scope);
      // A device's panel shows that device's events only.
      if (scope.machineCode !== undefined && request.params.machineCode !== scope.machineCode) throw new ScopeMismatchError(`${request.method} of another device`, scope);
      return cryptolensEvents(usage, scope.productId, scope.keyId, request.params, signal);
    case 'unkey.recent':
      if (scope.vendor !== 'unkey' || scope.keyId === undefined) throw new ScopeMismatchError(request.method, scope);
      return unkeyRecent(usage, scope.keyId, request.params, signal);
    case 'runtype.summary':
      if (scope.vendor !== 'runtype') throw new ScopeMismatchError(request.method, scope);
      return runtypeSummary(usage, signal, context.health);
    case 'refresh':
      // During a cooldown Refresh sends nothing and keeps what the panel shows; the panel says why.
      await usage.checkCooldown(scope.vendor);
      usage.clear(scope.vendor);
      return {};
    case 'retry':
      usage.forgetFailures(scope.vendor);
      return {};
    case 'export':
      return { saved: await context.save(request.params.format, request.params.snapshot) };
    case 'open':
      await context.open(request.params.scope);
      return {};
    case 'shown':
      // The scope is the panel's own, whatever the webview says.
      context.shown({ ...request.params.snapshot, scope });
      return {};
  }
}

