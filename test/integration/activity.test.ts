// Issue 14 in the running extension: the Analytics panel's activity sections against the emulator,
// read back through keyscope.exportUsage (export is exactly what the webview shows) and compared with
// the emulator's own answers: requests per day summed over the shown range, a key's newest events
// decoded, an Unkey key's recent verifications in order.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { HttpClient } from '../../src/http/client';
import type { PanelScope } from '../../src/panel/protocol-data';
import { CryptolensClient } from '../../src/vendors/cryptolens/client';
import { describeEvent } from '../../src/vendors/cryptolens/state-code';
import type { DailyUsage } from '../../src/vendors/model-activity';
import type { LicenseKeySummary } from '../../src/vendors/model';
import { createUnkeyClient } from '../../src/vendors/unkey/factory';
import { emulator } from './emulator';
import { waitUntil } from './hover-helpers';
import { keyscopeExtension } from './keyscope';

interface ExportedTable {
  name: string;
  rows: Record<string, string | number | null>[];
}
interface Exported {
  scope: PanelScope;
  notes: string[];
  tables: ExportedTable[];
}

const outDir = mkdtempSync(join(tmpdir(), 'keyscope-activity-'));
let exports = 0;

/** keyscope.exportUsage for the current panel, retried until it holds a table named `name`. */
async function exportWith(name: string, scope: (scope: PanelScope) => boolean, alsoNamed: readonly string[] = []): Promise<{ document: Exported; table: ExportedTable }> {
  return waitUntil(
    `a panel export holding "${[name, ...alsoNamed].join('", "')}"`,
    async () => {
      const target = vscode.Uri.file(join(outDir, `export-${++exports}.json`));
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('keyscope.exportUsage', 'json', target);
      if (!written) return undefined;
      const document = JSON.parse(readFileSync(written.fsPath, 'utf8')) as Exported;
      const table = document.tables.find((candidate) => candidate.name === name);
      const others = alsoNamed.every((other) => document.tables.some((candidate) => candidate.name === other));
      return scope(document.scope) && table && others ? { document, table } : undefined;
    },
    45_000,
  );
}

describe('Analytics panel: activity (issue 14)', function () {
  this.timeout(120_000);
  const http = new HttpClient({ headersTimeoutMs: 20_000, bodyTimeoutMs: 20_000 });
  const config = () => emulator();
  const cryptolens = () => new CryptolensClient({ baseUrl: config().cryptolens.baseUrl, token: config().cryptolens.token, http });

  before(async () => {
    await keyscopeExtension().activate();
    for (const [vendor, token] of [['cryptolens', config().cryptolens.token], ['unkey', config().unkey.token]] as const) {
      assert.equal(await vscode.commands.executeCommand<boolean>('keyscope.setToken', vendor, token), true, `${vendor} token refused`);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await http.close();
  });

  it('Cryptolens product: requests per day over the last 30 UTC days, equal to the vendor rows summed per day', async () => {
    const summaries: LicenseKeySummary[] = [];
    for await (const page of cryptolens().summaryPages({ limit: 1000 })) summaries.push(...page.items);
    const productId = Math.min(...summaries.map((summary) => summary.productId));
    await vscode.commands.executeCommand('keyscope.openAnalytics', { vendor: 'cryptolens', scopeId: String(productId) });
    const { document, table } = await exportWith('Requests per day', (scope) => scope.vendor === 'cryptolens' && scope.keyId === undefined, ['License keys']);
    assert.equal(table.rows.length, 30);
    assert.deepEqual(Object.keys(table.rows[0] ?? {}), ['date', 'successful', 'failed', 'total', 'activeKeys', 'activeDevices', 'activeCustomers']);
    const start = String(table.rows[0]?.date);
    const end = String(table.rows.at(-1)?.date);
    assert.ok(document.notes.some((note) => note.includes(`${start} to ${end}`)), 'the range is in the export notes');
    const rows: DailyUsage[] = [];
    for await (const page of cryptolens().dailyAggregatePages({ productId, start, end, limit: 1000 })) rows.push(...page.items);
    const byDate = new Map<string, DailyUsage>(rows.map((row) => [row.date, row]));
    for (const row of table.rows) {
      const vendor = byDate.get(String(row.date));
      assert.deepEqual(
        [row.successful, row.failed, row.total, row.activeKeys, row.activeDevices, row.activeCustomers],
        vendor ? [vendor.successful, vendor.failed, vendor.total, vendor.activeKeys, vendor.activeDevices, vendor.activeCustomers] : [0, 0, 0, 0, 0, 0],
        String(row.date),
      );
    }
  });

  it("Cryptolens key: the newest 100 events of the key, decoded, and counted per kind", async () => {
    const summaries: LicenseKeySummary[] = [];
    for await (const page of cryptolens().summaryPages({ limit: 1000 })) summaries.push(...page.items);
    const key = summaries.find((summary) => summary.key && summary.totalRequests > 150);
    assert.ok(key?.key, 'a live key with more than a page of events');
    await vscode.commands.executeCommand('keyscope.openAnalytics', { vendor: 'cryptolens', scopeId: String(key.productId), keyId: String(key.licenseKeyId) });
    const { document, table } = await exportWith('Recent events', (scope) => scope.vendor === 'cryptolens' && scope.keyId === key.licenseKeyId, ['Events by kind']);
    const expected = await cryptolens().getWebApiLog({ productId: key.productId, key: key.key, direction: 'backward', limit: 100 });
    assert.equal(table.rows.length, 100);
    assert.deepEqual(Object.keys(table.rows[0] ?? {}), ['time', 'machineCode', 'friendlyName', 'event']);
    table.rows.forEach((row, index) => {
      const event = expected.items[index];
      assert.ok(event);
      assert.equal(row.event, describeEvent(event.state).label);
      assert.equal(row.machineCode, event.machineCode ?? null);
      // Export writes times to the second.
      assert.equal(Date.parse(String(row.time)), Math.floor(event.time / 1000) * 1000);
    });
    const kinds = document.tables.find((candidate) => candidate.name === 'Events by kind');
    assert.ok(kinds);
    assert.equal(kinds.rows.reduce((sum, row) => sum + Number(row.count), 0), 100);
  });

  it('Unkey key: the recent verifications, newest first, as the vendor lists them', async () => {
    const apiId = config().unkey.apiIds[0] ?? '';
    const client = createUnkeyClient({ version: 'v2', baseUrl: config().unkey.v2BaseUrl, token: config().unkey.token, http });
    const keys = await client.listKeys({ apiId, limit: 100 });
    let keyId: string | undefined;
    for (const candidate of keys.items.filter((item) => /^[A-Za-z0-9_]{3,255}$/.test(item.keyId))) {
      if ((await client.recentVerifications(candidate.keyId, { limit: 2 })).items.length > 1) {
        keyId = candidate.keyId;
        break;
      }
    }
    assert.ok(keyId, 'a key with verifications');
    await vscode.commands.executeCommand('keyscope.openAnalytics', { vendor: 'unkey', scopeId: apiId, keyId });
    const { table } = await exportWith('Recent verifications', (scope) => scope.vendor === 'unkey' && scope.keyId === keyId);
    const expected = await client.recentVerifications(keyId);
    assert.deepEqual(
      table.rows.map((row) => [Date.parse(String(row.time)), row.outcome, row.region, row.tags]),
      // Export writes times to the second.
      expected.items.map((row) => [Math.floor(row.time / 1000) * 1000, row.outcomeCode, row.region, row.tags.join(', ')]),
    );
  });
});
