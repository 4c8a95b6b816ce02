// The activity views of issue 14 as a person uses them in code-server, checked against the emulator's
// own answers: a Cryptolens product's "Requests per day" over the last 90 days (the sums shown), a
// device's "Recent events" opened from its tree row (decoded events, e.g. "Activate · failed"), its
// key's events paged back with "Older events", an Unkey key's "Recent verifications" newest first;
// and the chosen range and pages kept across a window reload.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HttpClient } from '../../src/http/client';
import { formatCount } from '../../src/text/format';
import { plainText } from '../../src/text/untrusted';
import { CryptolensClient } from '../../src/vendors/cryptolens/client';
import { describeEvent } from '../../src/vendors/cryptolens/state-code';
import type { LicenseEvent, DailyUsage } from '../../src/vendors/model-activity';
import { createUnkeyClient } from '../../src/vendors/unkey/factory';
import { waitFor } from '../host/timeout';
import { useWorkbench } from './fixture';
import { cardGrid, cardState, cardTable, choose, clickCardButton, collapseTreeRow, columnTitles, expandTreeRows, number, openFromTree, pagerText, panelFrame, panelOf, tiles } from './panel-webview';
import { editorTab, reloadWindow } from './panel-workbench';

/** The seed pages' example (test/emulator/cryptolens/examples.ts): product, key and one device of it. */
const PRODUCT = 3349;
const KEY = 'AAAA-BBBB-CCCC-DDDD';
const DEVICE = 'MACHINE-1';

/** "2025-01-13 09:00:05", as the panel writes an event's UTC second. */
function second(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

describe('Analytics panel: activity views (issue 14)', { timeout: 420_000 }, () => {
  const workbench = useWorkbench({ emulatorScale: 'small' });
  let http: HttpClient;
  const cryptolens = (): CryptolensClient => new CryptolensClient({ baseUrl: workbench().emulator.cryptolens.baseUrl, token: workbench().emulator.cryptolens.token, http });

  before(async () => {
    http = new HttpClient({ headersTimeoutMs: 20_000, bodyTimeoutMs: 20_000 });
    const { emulator } = workbench();
    await workbench().setToken('Cryptolens', emulator.cryptolens.token);
    await workbench().notification(/Cryptolens token saved/);
    await workbench().setToken('Unkey', emulator.unkey.token);
    await workbench().notification(/Unkey token saved/);
    await workbench().openKeyscopeView();
  });
  after(async () => {
    await http?.close();
  });

  it('a product’s Requests per day over the last 90 days: every day and the sums are the vendor’s', async () => {
    const page = workbench().page;
    await openFromTree(page, `Product ${PRODUCT}`);
    const frame = await panelFrame(page, panelOf({ scope: `cryptolens/${PRODUCT}/` }), 'requests-per-day');
    await choose(frame, 'Range', 'Last 90 days');
    // The chart's table opens with its toggle (kept open in the saved state).
    await cardTable(frame, 'requests-per-day');
    const table = await cardGrid(frame, 'requests-per-day', 90);
    assert.deepEqual(table.header, ['Date', 'Successful', 'Failed', 'Total', 'Active keys', 'Active devices', 'Active customers']);
    assert.equal(table.rows.length, 90);
    const start = table.rows[0]?.[0] ?? '';
    const end = table.rows.at(-1)?.[0] ?? '';
    const rows: DailyUsage[] = [];
    for await (const page of cryptolens().dailyAggregatePages({ productId: PRODUCT, start, end, limit: 1000 })) rows.push(...page.items);
    const byDate = new Map(rows.map((row) => [row.date, row]));
    for (const row of table.rows) {
      const vendor = byDate.get(row[0] ?? '');
      assert.deepEqual(
        row.slice(1).map(number),
        vendor ? [vendor.successful, vendor.failed, vendor.total, vendor.activeKeys, vendor.activeDevices, vendor.activeCustomers] : [0, 0, 0, 0, 0, 0],
        row[0],
      );
    }
    const sum = rows.reduce((total, row) => total + row.total, 0);
    assert.ok(sum > 0, 'the emulator has requests in the last 90 days');
    assert.equal((await tiles(frame)).get('Requests in range'), formatCount(sum));
    await workbench().screenshot('activity-requests-per-day');
  });

  it('a device opened from its tree row: its Recent events decoded from the state codes, newest first', async () => {
    const page = workbench().page;
    await expandTreeRows(page, [`Product ${PRODUCT}`, KEY]);
    await openFromTree(page, DEVICE);
    const summaries = (await cryptolens().getKeyUsageSummaries({ productId: PRODUCT, key: KEY })).items;
    const keyId = summaries[0]?.licenseKeyId;
    assert.ok(keyId, 'the example key');
    const frame = await panelFrame(page, panelOf({ scope: `cryptolens/${PRODUCT}/${keyId}/${DEVICE}` }), 'recent-events');
    const expected = await cryptolens().getWebApiLog({ productId: PRODUCT, key: KEY, machineCode: DEVICE, direction: 'backward', limit: 100, anomalyClassification: true });
    const shown = await cardGrid(frame, 'recent-events', expected.items.length);
    assert.deepEqual(shown.header, ['Time', 'Machine code', 'Friendly name', 'Event']);
    assert.deepEqual(
      shown.rows.map((row) => [row[0], row[1], row[3]]),
      expected.items.map((event) => [second(event.time), DEVICE, describeEvent(event.state).label]),
    );
    assert.ok(shown.rows.some((row) => row[3] === 'Activate · failed'), 'the seeded device has a failed activation');
    assert.deepEqual(await columnTitles(frame, 'recent-events', 3), expected.items.map((event) => `State code ${event.state}${event.isAnomaly ? ' · flagged as an anomaly' : ''}`));
    await workbench().screenshot('activity-device-events');

    // "All devices" opens the key's own panel: every device's events, 100 a page, older ones on request.
    await clickCardButton(frame, 'recent-events', 'All devices');
    const keyFrame = await panelFrame(page, panelOf({ scope: `cryptolens/${PRODUCT}/${keyId}` }), 'recent-events');
    const first = await cardGrid(keyFrame, 'recent-events', 100);
    const log: LicenseEvent[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 2; pages++) {
      const next = await cryptolens().getWebApiLog({ productId: PRODUCT, key: KEY, limit: 100, ...(cursor ? { endingBefore: cursor } : { direction: 'backward' as const }) });
      log.push(...next.items);
      cursor = next.nextCursor;
    }
    assert.deepEqual(first.rows.map((row) => [row[0], row[3]]), log.slice(0, 100).map((event) => [second(event.time), describeEvent(event.state).label]));
    await clickCardButton(keyFrame, 'recent-events', 'Older events');
    await waitFor('200 events', async () => ((await pagerText(keyFrame, 'recent-events')) === 'Rows 1–100 of 200' ? true : undefined), 30_000);
    await clickCardButton(keyFrame, 'recent-events', 'Next');
    const older = await cardGrid(keyFrame, 'recent-events', 100);
    assert.deepEqual(older.rows.map((row) => [row[0], row[3]]), log.slice(100, 200).map((event) => [second(event.time), describeEvent(event.state).label]));
    const times = log.slice(0, 200).map((event) => event.time);
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first across pages');
  });

  it('an Unkey key’s Recent verifications: the vendor’s rows, newest first', async () => {
    const { emulator, page } = workbench();
    const apiId = emulator.unkey.apiIds[0] ?? '';
    const client = createUnkeyClient({ version: 'v2', baseUrl: emulator.unkey.v2BaseUrl, token: emulator.unkey.token, http });
    const keys = (await client.listKeys({ apiId, limit: 100 })).items;
    const label = (key: (typeof keys)[number]): string => plainText(key.name || key.start || key.keyId);
    let chosen: (typeof keys)[number] | undefined;
    for (const key of keys) {
      if (keys.filter((other) => label(other).includes(label(key))).length !== 1) continue;
      if ((await client.recentVerifications(key.keyId, { limit: 2 })).items.length > 1) {
        chosen = key;
        break;
      }
    }
    assert.ok(chosen, 'a key with verifications and a label of its own');
    // The Cryptolens rows opened above would push Unkey's out of the (virtualized) list.
    await collapseTreeRow(page, 'Cryptolens');
    await expandTreeRows(page, ['Unkey', apiId]);
    await openFromTree(page, label(chosen));
    const frame = await panelFrame(page, panelOf({ scope: `unkey/${apiId}/${chosen.keyId}` }), 'recent-verifications');
    const expected = (await client.recentVerifications(chosen.keyId)).items;
    const shown = await cardGrid(frame, 'recent-verifications', Math.min(100, expected.length));
    assert.deepEqual(shown.header, ['Time', 'Outcome', 'Region', 'Tags']);
    assert.deepEqual(
      shown.rows,
      expected.slice(0, 100).map((row) => [second(row.time), row.outcomeCode, row.region, row.tags.join(', ')]),
    );
    const times = expected.map((row) => row.time);
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
    await workbench().screenshot('activity-unkey-verifications');
  });

  it('keeps the chosen range and the events pages shown across a window reload', async () => {
    const page = workbench().page;
    await reloadWindow(page);
    // VS Code brings a hidden panel back when its tab is shown (Open Analytics before that would open a second one).
    await editorTab(page, `Cryptolens · Product ${PRODUCT}`).click();
    const product = await panelFrame(page, panelOf({ scope: `cryptolens/${PRODUCT}/` }), 'requests-per-day', 60_000);
    await cardTable(product, 'requests-per-day');
    const days = await cardGrid(product, 'requests-per-day', 90).catch(async (error: unknown) => {
      await workbench().screenshot('activity-reload-failed');
      throw new Error(`${String(error)}; the card is ${String(await cardState(product, 'requests-per-day'))}`);
    });
    assert.equal(days.rows.length, 90, 'the last 90 days again');
    const keyId = (await cryptolens().getKeyUsageSummaries({ productId: PRODUCT, key: KEY })).items[0]?.licenseKeyId;
    await editorTab(page, new RegExp(`Key #${keyId}$`)).click();
    const key = await panelFrame(page, panelOf({ scope: `cryptolens/${PRODUCT}/${keyId}` }), 'recent-events', 60_000);
    await waitFor('the two pages again', async () => ((await pagerText(key, 'recent-events')) === 'Rows 1–100 of 200' ? true : undefined), 30_000);
  });
});
