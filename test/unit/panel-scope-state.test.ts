// A panel's scope and saved state (issue 14): a Cryptolens device scope (its machine code needs its
// key, and is a panel of its own), the tree's and lookups' references carrying the machine code, and
// the webview's saved state keeping the "Requests per day" range, the pages shown and the Status filter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { panelScopeSchema, scopeKey, type PanelScope } from '../../src/panel/protocol-data';
import { scopeRequestOf, scopeTitle } from '../../src/panel/scope';
import * as z from 'zod/mini';
import { MAX_KEPT_PAGES, StateStore } from '../../webview/state';
import type { VsCodeApi } from '../../webview/vscode-api';

const device: PanelScope = { vendor: 'cryptolens', productId: 3, keyId: 12, machineCode: 'a1b2/c3' };

function memoryApi(initial?: unknown): VsCodeApi & { saved: unknown } {
  const api = {
    saved: initial,
    postMessage: () => undefined,
    getState: () => api.saved,
    setState: (state: unknown) => {
      api.saved = structuredClone(state);
    },
  };
  return api;
}

describe('panel scope: one device of a Cryptolens key', () => {
  it('is a scope of its own, with its key, titled by the device', () => {
    assert.ok(z.safeParse(panelScopeSchema, device).success);
    assert.equal(z.safeParse(panelScopeSchema, { vendor: 'cryptolens', productId: 3, machineCode: 'a1b2' }).success, false, 'a machine code without its key');
    assert.equal(z.safeParse(panelScopeSchema, { ...device, machineCode: '' }).success, false);
    assert.notEqual(scopeKey(device), scopeKey({ vendor: 'cryptolens', productId: 3, keyId: 12 }));
    assert.equal(scopeKey(device), 'cryptolens/3/12/a1b2%2Fc3');
    assert.equal(scopeTitle(device), 'Cryptolens · Product 3 · Key #12 · Device a1b2/c3');
  });

  it('comes from a tree device node or a lookup reference, the machine code exactly as given', () => {
    assert.deepEqual(scopeRequestOf({ reference: { vendor: 'cryptolens', scopeId: '3', keyId: '12', key: 'AAAA-BBBB', machineCode: ' a1b2 ' } }), {
      vendor: 'cryptolens',
      scopeId: '3',
      keyId: '12',
      machineCode: ' a1b2 ',
    });
    assert.equal(scopeRequestOf({ vendor: 'cryptolens', scopeId: '3', keyId: '12', machineCode: 'x'.repeat(501) })?.machineCode, undefined);
    assert.equal(scopeRequestOf({ vendor: 'cryptolens', scopeId: '3', machineCode: 7 })?.machineCode, undefined);
  });
});

describe('panel saved state', () => {
  it('keeps the requests-per-day range, the pages shown and the Status filter across a reload', () => {
    const api = memoryApi();
    const store = new StateStore(api, device);
    store.update({ daily: { preset: 'custom', from: '2025-06-01', to: '2025-06-30' } });
    store.setPages('recent-events', 3);
    store.setFilter('keys', 'Expired');
    // The webview is torn down and built again: a new store reads what the old one saved.
    const again = new StateStore(memoryApi(api.saved), device);
    assert.deepEqual(again.get().daily, { preset: 'custom', from: '2025-06-01', to: '2025-06-30' });
    assert.equal(again.pagesOf('recent-events'), 3);
    assert.equal(again.pagesOf('recent-verifications'), 1);
    assert.equal(again.filterOf('keys'), 'Expired');
    again.setFilter('keys', undefined);
    assert.equal(again.filterOf('keys'), undefined);
    again.setPages('recent-events', 500);
    assert.equal(again.pagesOf('recent-events'), MAX_KEPT_PAGES);
  });

  it("starts afresh for another scope, or when the saved state is not valid", () => {
    const api = memoryApi();
    new StateStore(api, device).setPages('recent-events', 2);
    assert.equal(new StateStore(memoryApi(api.saved), { vendor: 'cryptolens', productId: 3, keyId: 12 }).pagesOf('recent-events'), 1);
    const broken = memoryApi({ scope: device, pages: { 'recent-events': 0 } });
    assert.equal(new StateStore(broken, device).pagesOf('recent-events'), 1);
    assert.deepEqual(broken.saved, { scope: device });
  });
});
