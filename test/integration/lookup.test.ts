// keyscope.lookupKey in the extension host, steered with the workbench's own quick-input commands:
// what it asks the vendor. What it shows is checked in the e2e suite, as a person sees it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { UsageService } from '../../src/usage/usage-service';
import { emulator } from './emulator';
import { clearEmulatorRequests, emulatorRequests, keyscopeUsage, requestsTo, setAllTokens, waitUntil } from './hover-helpers';

const EXAMPLE_KEY = 'AAAA-BBBB-CCCC-DDDD';

async function accept(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

async function close(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
}

describe('keyscope.lookupKey', function () {
  this.timeout(60_000);
  let usage: UsageService;

  before(async () => {
    usage = await keyscopeUsage();
    await setAllTokens();
    // Documents earlier suites left open hold key ids: with diagnostics on, clearing the cache makes
    // them ask again, and those requests would be counted as the lookup's.
    await vscode.workspace.getConfiguration('keyscope').update('diagnostics.enabled', false, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('keyscope').update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  afterEach(close);

  it("looks up a tree node's license key by its id: one filtered summaries call, then its devices", async () => {
    // Only the lookup's requests are counted: no open editor's diagnostics, nothing still loading
    // from an earlier test's refresh (a settings change reloads the tree and rescans editors).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await usage.settled();
    usage.clear('cryptolens');
    await clearEmulatorRequests();
    const done = vscode.commands.executeCommand('keyscope.lookupKey', {
      reference: { vendor: 'cryptolens', scopeId: '3349', keyId: '123456', key: EXAMPLE_KEY },
    });
    const requests = await waitUntil('the lookup to ask Cryptolens', async () => {
      const summary = await emulatorRequests();
      return requestsTo(summary, 'cryptolens', 'GetKeyDevices') > 0 ? summary : undefined;
    });
    await close();
    await done;
    // Not a scan of the account (that would be one call per 1,000 keys): the KeyId filter answers.
    assert.equal(requestsTo(requests, 'cryptolens', 'GetKeyUsageSummaries'), 1, JSON.stringify(requests.byPath));
    assert.equal(requestsTo(requests, 'cryptolens', 'GetKeyDevices'), 1, JSON.stringify(requests.byPath));
  });

  it('recognizes a pasted key string, offers the products, and asks with the Key filter for the one picked', async () => {
    // The product list comes from the account's summaries: warm, so only the lookup itself is counted.
    await usage.allLicenseKeys();
    await clearEmulatorRequests();
    const done = vscode.commands.executeCommand('keyscope.lookupKey', EXAMPLE_KEY);
    // Accept the recognized value, then the first product (the one where this key has usage).
    await waitUntil('the lookup to reach Cryptolens', async () => {
      await accept();
      const summary = await emulatorRequests();
      return requestsTo(summary, 'cryptolens', 'GetKeyUsageSummaries') > 0 ? true : undefined;
    });
    await close();
    await done;
    assert.equal(requestsTo(await emulatorRequests(), 'cryptolens', 'GetKeyUsageSummaries'), 1);
  });

  it('looks up an Unkey key id in every configured API with one analytics query for all of them (its status included)', async () => {
    const apiIds = emulator().unkey.apiIds;
    const [apiId] = apiIds;
    assert.ok(apiId);
    const [keyId] = [...(await usage.unkeyTotalsByKey(apiId)).keys()];
    assert.ok(keyId);
    usage.clear('unkey');
    await clearEmulatorRequests();
    // A recognized key id needs no answer to a question; accepting now would pick "Look up another…"
    // in the result, which closes it and so cancels the lookup.
    const done = vscode.commands.executeCommand('keyscope.lookupKey', keyId);
    const requests = await waitUntil('the lookup to finish asking Unkey', async () => {
      const summary = await emulatorRequests();
      // One v2 query for every configured API's 30-day totals and last 24 hours (its status, issue 13),
      // this key's hourly series (its last verification) and, once the result shows, its newest raw
      // verification (the "Last event" row, issue 14). Closing earlier would cancel that last one, so
      // the count would depend on timing.
      return requestsTo(summary, 'unkey', 'getVerifications') >= 3 ? summary : undefined;
    });
    await close();
    await done;
    assert.equal(requestsTo(await emulatorRequests(), 'unkey', 'getVerifications'), 3, `${apiIds.length} APIs configured`);
    assert.ok(requestsTo(requests, 'unkey', 'listKeys') >= 1, 'the key list names the key');
  });

  it('ends quietly when the first question is dismissed', async () => {
    await clearEmulatorRequests();
    let ended = false;
    const done = vscode.commands.executeCommand('keyscope.lookupKey').then(() => (ended = true));
    // Dismissed as soon as it shows: closing again until the command has ended.
    await waitUntil('the lookup to end', async () => {
      await close();
      return ended ? true : undefined;
    });
    await done;
    assert.equal((await emulatorRequests()).total, 0);
  });
});
