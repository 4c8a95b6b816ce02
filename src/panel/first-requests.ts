// What a new panel's webview asks first: its view's first loads with the controls a new panel
// starts with (webview/state.ts DEFAULT_UNKEY_CONTROLS, webview/shape/range.ts for the range). The
// host answers these while the webview is still loading and sends the answers unasked
// (Endpoint.preload), so the first chart waits for no round trip (issue 16). If the webview asks
// something else, only the head start is lost: a preload answers an identical request only.
// test/unit/panel-first-requests.test.ts checks this against the webview's own rules.
import type { HostMethod, Params } from './protocol';
import type { PanelScope } from './protocol-data';

export type FirstRequest = { [M in HostMethod]: { method: M; params: Params<M> } }[HostMethod];

const HOUR_MS = 3_600_000;
/** A new Unkey panel shows the last 24 hours by hour and the top 10 keys (tags in a key's panel). */
const UNKEY_FIRST = { hours: 24, limit: 10 } as const;

export function firstRequests(scope: PanelScope, now: number): FirstRequest[] {
  switch (scope.vendor) {
    case 'unkey': {
      // Unkey truncates to the hour and includes the slice starting at `end`: the current hour.
      const end = Math.floor(now / HOUR_MS) * HOUR_MS;
      const range = { start: end - (UNKEY_FIRST.hours - 1) * HOUR_MS, end, granularity: 'hour' as const };
      const by = scope.keyId === undefined ? ('key' as const) : ('tag' as const);
      return [
        { method: 'unkey.series', params: range },
        { method: 'unkey.breakdown', params: { range, by, limit: UNKEY_FIRST.limit } },
      ];
    }
    case 'cryptolens':
      return [scope.keyId === undefined ? { method: 'cryptolens.product', params: {} } : { method: 'cryptolens.key', params: {} }];
    case 'runtype':
      return [{ method: 'runtype.summary', params: {} }];
  }
}
