// The Analytics panel inside the running extension: opened per scope with keyscope.openAnalytics
// (tree nodes and {vendor, scopeId, keyId} references), one panel per scope, what its webview shows
// exported with keyscope.exportUsage and compared with the emulator's numbers, and the host's
// protocol handler over the extension's own UsageService.
import * as assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { HttpClient } from '../../src/http/client';
import { Endpoint } from '../../src/panel/protocol-endpoint';
import { answerRequest } from '../../src/panel/handler';
import { describeError } from '../../src/usage/describe-error';
import type { PanelUsage } from '../../src/panel/panel-usage';
import { hostMethods, parseWebviewMessage, webviewMethods, type ResponseMessage } from '../../src/panel/protocol';
import type { PanelScope } from '../../src/panel/protocol-data';
import { CryptolensClient } from '../../src/vendors/cryptolens/client';
import { OUTCOMES, type LicenseKeySummary } from '../../src/vendors/model';
import { RuntypeClient } from '../../src/vendors/runtype/client';
import { createUnkeyClient } from '../../src/vendors/unkey/factory';
import { emulator } from './emulator';
import { waitUntil } from './hover-helpers';
import { keyscopeExtension } from './keyscope';

interface ExportedTable {
  name: string;
  rows: Record<string, string | number | null>[];
}

interface Exported {
  title: string;
  scope: PanelScope;
  tables: ExportedTable[];
}

const HOUR = 3_600_000;

/** The seeded health keys (test/emulator/server.ts), beside what EmulatorConfig declares. */
function health(): { cryptolens: { health: { keys: Partial<Record<string, Array<{ productId: number; keyId: number; key: string }>>> } }; runtype: { health: { keys: Record<string, string[]> } } } {
  return emulator() as unknown as ReturnType<typeof health>;
}

async function usage(): Promise<PanelUsage> {
  const exports = (await keyscopeExtension().activate()) as { usage?: PanelUsage } | undefined;
  assert.ok(exports?.usage, 'activate() returned no usage service in test mode');
  return exports.usage;
}

function analyticsTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('keyscope.analytics'));
}

const outDir = mkdtempSync(join(tmpdir(), 'keyscope-panel-'));

/** keyscope.exportUsage for the current panel, retried until its webview shows `tables` tables. */
async function exportShown(name: string, vendor: PanelScope['vendor'], tables: number): Promise<Exported> {
  return waitUntil(
    `the ${vendor} panel to show ${tables} tables`,
    async () => {
      const target = vscode.Uri.file(join(outDir, `${name}.json`));
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('keyscope.exportUsage', 'json', target);
      if (!written) return undefined;
      const document = JSON.parse(readFileSync(written.fsPath, 'utf8')) as Exported;
      return document.scope.vendor === vendor && document.tables.length >= tables ? document : undefined;
    },
    30_000,
  );
}

function table(document: Exported, name: RegExp): ExportedTable {
  const found = document.tables.find((candidate) => name.test(candidate.name));
  assert.ok(found, `no table ${name} among: ${document.tables.map((candidate) => candidate.name).join(', ')}`);
  return found;
}

describe('Analytics panel', function () {
  this.timeout(90_000);
  const http = new HttpClient({ headersTimeoutMs: 20_000, bodyTimeoutMs: 20_000 });
  const config = () => emulator();

  before(async () => {
    await usage();
    for (const [vendor, token] of [['cryptolens', config().cryptolens.token], ['unkey', config().unkey.token], ['runtype', config().runtype.token]] as const) {
      assert.equal(await vscode.commands.executeCommand<boolean>('keyscope.setToken', vendor, token), true, `${vendor} token refused`);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await http.close();
  });

  it('opens one panel per scope, from a tree node or a reference, and reveals it when asked again', async () => {
    const summaries: LicenseKeySummary[] = [];
    const client = new CryptolensClient({ baseUrl: config().cryptolens.baseUrl, token: config().cryptolens.token, http });
    for await (const page of client.summaryPages({ limit: 1000 })) summaries.push(...page.items);
    const productId = Math.min(...summaries.map((summary) => summary.productId));
    const apiId = config().unkey.apiIds[0] ?? '';

    await vscode.commands.executeCommand('keyscope.openAnalytics', { reference: { vendor: 'runtype' } });
    // A person looks at a panel before opening the next (and the workbench registers its webview
    // service worker with the first one).
    await exportShown('first', 'runtype', 3);
    await vscode.commands.executeCommand('keyscope.openAnalytics', { reference: { vendor: 'cryptolens', scopeId: String(productId) } });
    await vscode.commands.executeCommand('keyscope.openAnalytics', { vendor: 'unkey', scopeId: apiId });
    // The tab model reaches the extension host a moment after the panels open.
    await waitUntil('three analytics tabs', async () => (analyticsTabs().length === 3 ? true : undefined));
    assert.deepEqual(analyticsTabs().map((tab) => tab.label).sort(), [`Cryptolens · Product ${productId}`, 'Runtype · All keys', `Unkey · ${apiId}`]);

    await vscode.commands.executeCommand('keyscope.openAnalytics', { vendor: 'runtype' });
    await waitUntil('the Runtype tab in front', async () => (vscode.window.tabGroups.activeTabGroup.activeTab?.label === 'Runtype · All keys' ? true : undefined));
    assert.equal(analyticsTabs().length, 3, 'a second open made a second panel');
  });

  it('Runtype: the exported view holds the account totals and every key', async () => {
    await vscode.commands.executeCommand('keyscope.openAnalytics', { vendor: 'runtype' });
    const shown = await exportShown('runtype', 'runtype', 3);
    const summary = await new RuntypeClient({ baseUrl: config().runtype.baseUrl, token: config().runtype.token, http }).getAnalytics();
    assert.deepEqual(shown.scope, { vendor: 'runtype' });
    assert.deepEqual(table(shown, /^Keys by state$/).rows, [
      { state: 'Active', keys: summary.activeKeys },
      { state: 'Expired', keys: summary.expiredKeys },
      { state: 'Inactive, not expired', keys: summary.totalKeys - summary.activeKeys - summary.expiredKeys },
    ]);
    const keys = table(shown, /^API keys$/).rows;
    assert.equal(keys.length, summary.keys.length);
    const byId = new Map(keys.map((row) => [row.id, row]));
    // The Status column (issue 13): each seeded key's word, exported as shown.
    for (const [word, ids] of Object.entries(health().runtype.health.keys)) for (const id of ids) assert.equal(byId.get(id)?.status, word, id);
    for (const key of summary.keys) {
      assert.equal(byId.get(key.keyId)?.state, key.enabled ? 'Active' : 'Inactive', key.keyId);
      assert.equal(byId.get(key.keyId)?.lastUsedAt, key.lastUsedAt === undefined ? null : new Date(key.lastUsedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'));
    }
  });

  it("Cryptolens: the exported view holds every key of the product with the vendor's lifetime totals", async () => {
    const tab = analyticsTabs().find((candidate) => candidate.label.startsWith('Cryptolens'));
    const productId = Number(/Product (\d+)/.exec(tab?.label ?? '')?.[1]);
    await vscode.commands.executeCommand('keyscope.openAnalytics', { vendor: 'cryptolens', scopeId: String(productId) });
    const shown = await exportShown('cryptolens', 'cryptolens', 3);
    const client = new CryptolensClient({ baseUrl: config().cryptolens.baseUrl, token: config().cryptolens.token, http });
    const expected: LicenseKeySummary[] = [];
    for await (const page of client.summaryPages({ productId, limit: 1000 })) expected.push(...page.items);
    const rows = table(shown, /^License keys$/).rows;
    assert.equal(rows.length, expected.length);
    const byId = new Map(rows.map((row) => [row.keyId, row]));
    for (const key of expected) {
      const row = byId.get(key.licenseKeyId);
      assert.deepEqual([row?.requests, row?.successful, row?.failed], [key.totalRequests, key.successful, key.failed], `key ${key.licenseKeyId}`);
    }
    // Shown busiest first, as the grid sorts by default.
    const requests = rows.map((row) => Number(row.requests));
    assert.deepEqual(requests, [...requests].sort((a, b) => b - a));
  });

  it('Cryptolens: the exported License keys carry each seeded key’s status word (from product/GetKeys)', async () => {
    // A key list cannot tell a blocked key (GetKey can, on hovers and lookups); Expires soon, Seats full and Deleted it can.
    for (const word of ['Seats full', 'Expires soon', 'Deleted'] as const) {
      const key = health().cryptolens.health.keys[word]?.[0];
      assert.ok(key, `a key seeded ${word}`);
      await vscode.commands.executeCommand('keyscope.openAnalytics', { vendor: 'cryptolens', scopeId: String(key.productId) });
      const shown = await waitUntil(`the product ${key.productId} panel`, async () => {
        const document = await exportShown(`cryptolens-status-${key.keyId}`, 'cryptolens', 3);
        return document.scope.vendor === 'cryptolens' && document.scope.productId === key.productId ? document : undefined;
      });
      const row = table(shown, /^License keys$/).rows.find((candidate) => candidate.keyId === key.keyId);
      assert.equal(row?.status, word, `key ${key.keyId}`);
    }
  });

  it('Unkey: the exported outcomes per hour are the vendor’s, slice by slice', async () => {
    const apiId = config().unkey.apiIds[0] ?? '';
    await vscode.commands.executeCommand('keyscope.openAnalytics', { vendor: 'unkey', scopeId: apiId });
    const shown = await exportShown('unkey', 'unkey', 2);
    const series = table(shown, /^Verification outcomes per hour$/).rows;
    assert.ok(series.length >= 23, `${series.length} hourly rows`);
    const start = Date.parse(String(series[0]?.start));
    const end = Date.parse(String(series.at(-1)?.start));
    const expected = await createUnkeyClient({ version: 'v2', baseUrl: config().unkey.v2BaseUrl, token: config().unkey.token, http }).getVerifications({ apiId, start, end, groupBy: ['hour'] });
    const byTime = new Map(expected.map((slice) => [slice.time, slice.outcomes]));
    for (const row of series) {
      const outcomes = byTime.get(Date.parse(String(row.start)));
      assert.ok(outcomes, `no slice at ${String(row.start)}`);
      for (const outcome of OUTCOMES) assert.equal(row[outcome], outcomes[outcome], `${outcome} at ${String(row.start)}`);
      assert.equal(row.total, outcomes.total);
    }
  });

  it("answers the webview's protocol requests with the emulator's numbers, and rejects malformed ones", async () => {
    const apiId = config().unkey.apiIds[0] ?? '';
    const scope: PanelScope = { vendor: 'unkey', apiId };
    const responses: ResponseMessage[] = [];
    const endpoint = new Endpoint({
      incoming: hostMethods,
      outgoing: webviewMethods,
      parse: parseWebviewMessage,
      post: (message) => responses.push(message as ResponseMessage),
      answer: async (request) => answerRequest({ scope, title: 'test', usage: await usage(), unkeyVersion: () => 'v2', save: async () => false, open: async () => undefined, shown: () => undefined, signal: new AbortController().signal }, request),
      describe: describeError,
      warn: () => undefined,
    });
    const end = Math.floor(Date.now() / HOUR) * HOUR;
    const start = end - 6 * 24 * HOUR;
    await endpoint.receive({ kind: 'request', id: 1, method: 'unkey.series', params: { start, end, granularity: 'day' } });
    await endpoint.receive({ kind: 'request', id: 2, method: 'unkey.series', params: { start: end, end: start, granularity: 'day' } });
    await endpoint.receive({ kind: 'request', id: 3, method: 'runtype.summary', params: {} });
    await endpoint.receive({ kind: 'request', id: 4, method: 'unkey.series', params: { start, end, granularity: 'day' }, apiId: 'api_other' });
    await endpoint.receive('<script>alert(1)</script>');
    assert.deepEqual(responses.map((response) => [response.id, response.ok]), [[1, true], [2, false], [3, false], [4, false]]);
    const expected = await createUnkeyClient({ version: 'v2', baseUrl: config().unkey.v2BaseUrl, token: config().unkey.token, http }).getVerifications({ apiId, start, end, groupBy: ['day'] });
    const first = responses[0];
    assert.ok(first?.ok);
    const slices = (first.result as { slices: { time: number; outcomes: { total: number } }[] }).slices;
    assert.deepEqual(slices.map((slice) => [slice.time, slice.outcomes.total]), expected.map((slice) => [slice.time, slice.outcomes.total]));
    const rejected = responses.slice(1).map((response) => (response.ok ? '' : response.error.message));
    assert.match(rejected[0] ?? '', /start must be before end/);
    assert.match(rejected[1] ?? '', /not available in this panel/);
    assert.match(rejected[2] ?? '', /^malformed message/);
  });
});
