// The Analytics panel as a person uses it in code-server: opened from the Keys view for each vendor,
// its tables read from the webview's DOM and compared with what the vendors (the emulator) answer,
// charts drawn, range and granularity switched, an outcome hidden, CSV exported, a year of hourly
// data drawn (render time printed), the theme switched, the window reloaded, hostile vendor text.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HttpClient } from '../../src/http/client';
import { CRYPTOLENS_STATUSES, RUNTYPE_STATUSES } from '../../src/health/status';
import { formatCount } from '../../src/text/format';
import { plainText } from '../../src/text/untrusted';
import { CryptolensClient } from '../../src/vendors/cryptolens/client';
import { OUTCOMES, type DeviceUsage, type LicenseKeySummary } from '../../src/vendors/model';
import { RuntypeClient } from '../../src/vendors/runtype/client';
import { createUnkeyClient } from '../../src/vendors/unkey/factory';
import type { UnkeyClient } from '../../src/vendors/unkey/types';
import { HOSTILE_STRINGS, startHostileRuntype, type HostileRuntype } from '../integration/hover-hostile-runtype';
import type { Locator } from '../host/playwright-types';
import { waitFor } from '../host/timeout';
import { cardTable, chartColors, choose, drawnPixels, gridText, minute, number, openFromTree, panelFrame, panelOf, scrollToTop, tiles } from './panel-webview';
import { editorTab, injectFault, painted, reloadWindow, setColorTheme, startSwitchableUpstream, type SwitchableUpstream } from './panel-workbench';
import { waitForQuickInputTitled } from './quick-input';
import { setEnumSetting } from './settings-editor';
import { openWorkbench, type Workbench } from './workbench';

const DAY = 86_400_000;

describe('Analytics panel', { timeout: 300_000 }, () => {
  let workbench: Workbench | undefined;
  let http: HttpClient;
  let hostile: HostileRuntype;
  let runtype: SwitchableUpstream;
  const open = (): Workbench => {
    if (!workbench) throw new Error('the workbench did not open');
    return workbench;
  };
  const unkey = (version: 'v1' | 'v2' = 'v2'): UnkeyClient => createUnkeyClient({ version, baseUrl: open().emulator.unkey.v2BaseUrl, token: open().emulator.unkey.token, http });
  const RUNTYPE = panelOf({ vendor: 'runtype' });
  const UNKEY = panelOf({ vendor: 'unkey' });
  const tab = (title: string): Locator => editorTab(open().page, title);
  const fault = (rule: object): Promise<void> => injectFault(open().emulator.cryptolens.baseUrl, rule);

  before(async () => {
    http = new HttpClient({ headersTimeoutMs: 20_000, bodyTimeoutMs: 20_000 });
    hostile = await startHostileRuntype();
    // Runtype is reached through a switch: the emulator first, a server with hostile names later.
    runtype = await startSwitchableUpstream();
    workbench = await openWorkbench({ settings: { 'workbench.colorTheme': 'Default Light Modern', 'keyscope.runtype.baseUrl': runtype.baseUrl } });
    const { emulator } = open();
    runtype.target = emulator.runtype.baseUrl;
    for (const [vendor, token] of [['Cryptolens', emulator.cryptolens.token], ['Unkey', emulator.unkey.token], ['Runtype', emulator.runtype.token]] as const) {
      await open().runCommand('Keyscope: Set Access Token');
      await open().selectQuickPick(vendor);
      await open().typeInInput(token);
      await open().notification(new RegExp(`${vendor} token saved`));
    }
    await open().openKeyscopeView();
  });

  after(async () => {
    await workbench?.close();
    await hostile?.close();
    await runtype?.close();
    await http?.close();
  });

  it('Runtype: opened from a key in the tree, shows the account totals and every key with its last use', async () => {
    const summary = await new RuntypeClient({ baseUrl: open().emulator.runtype.baseUrl, token: open().emulator.runtype.token, http }).getAnalytics();
    const first = summary.keys[0];
    assert.ok(first, 'the Runtype account has no keys');
    await openFromTree(open().page, plainText(first.name || first.start || first.keyId));
    const frame = await panelFrame(open().page, RUNTYPE, 'keys');
    const headline = await tiles(frame);
    assert.equal(headline.get('Total keys'), formatCount(summary.totalKeys));
    assert.equal(headline.get('Active'), formatCount(summary.activeKeys));
    assert.equal(headline.get('Expired'), formatCount(summary.expiredKeys));
    const grid = await gridText(frame.locator('[data-card="keys"] vscode-data-grid'));
    assert.deepEqual(grid.header, ['Name', 'Prefix', 'Status', 'State', 'Last used (UTC)', 'Id']);
    assert.equal(grid.rows.length, summary.keys.length);
    const shown = new Map(grid.rows.map((row) => [row[5], row]));
    // The Status column (issue 13): the word each key was seeded for, one of Runtype's words for the rest.
    const seeded = new Map(Object.entries((open().emulator as unknown as { runtype: { health: { keys: Record<string, string[]> } } }).runtype.health.keys).flatMap(([word, ids]) => ids.map((id) => [id, word] as const)));
    for (const key of summary.keys) {
      const row = shown.get(key.keyId);
      assert.deepEqual([row?.[0], row?.[1], row?.[3], row?.[4], row?.[5]], [key.name ?? '—', key.start ?? '—', key.enabled ? 'Active' : 'Inactive', key.lastUsedAt === undefined ? '—' : minute(key.lastUsedAt), key.keyId]);
      const word = seeded.get(key.keyId);
      if (word) assert.equal(row?.[2], word, key.keyId);
      else assert.ok((RUNTYPE_STATUSES as readonly string[]).includes(row?.[2] ?? ''), `${key.keyId}: ${row?.[2]}`);
    }
    assert.equal(await frame.locator('[data-card="keys"] vscode-data-grid-row.highlight vscode-data-grid-cell').last().textContent(), first.keyId);
    assert.ok((await drawnPixels(frame, 'state')) > 1_000, 'the keys-by-state chart is blank');
    await scrollToTop(frame);
    await open().screenshot('panel-runtype-light');

    // The vendor fails on Refresh: the error shows beside the last good data, and Retry recovers.
    await fault({ vendor: 'runtype', path: '/v1/api-keys/analytics', fault: { kind: 'status', status: 500 }, times: 1 });
    await frame.locator('vscode-button', { hasText: 'Refresh' }).click();
    await waitFor('the error', async () => ((await frame.locator('[data-card="keys"]').getAttribute('data-state')) === 'error' ? true : undefined), 20_000);
    assert.match((await frame.locator('[data-card="keys"] .error-text').textContent()) ?? '', /^Runtype: /);
    assert.equal((await gridText(frame.locator('[data-card="keys"] vscode-data-grid'))).rows.length, summary.keys.length, 'the last good rows are gone');
    assert.ok((await drawnPixels(frame, 'state')) > 1_000, 'the last good chart is gone');
    await open().screenshot('panel-runtype-error-light');
    await frame.locator('[data-card="keys"] vscode-button', { hasText: 'Retry' }).click();
    await waitFor('the retry', async () => ((await frame.locator('[data-card="keys"]').getAttribute('data-state')) === 'ready' ? true : undefined), 20_000);
  });

  it('Cryptolens: a product from the tree lists its keys with the lifetime totals; Enter on a row opens that key and its devices', async () => {
    const client = new CryptolensClient({ baseUrl: open().emulator.cryptolens.baseUrl, token: open().emulator.cryptolens.token, http });
    const all: LicenseKeySummary[] = [];
    for await (const page of client.summaryPages({ limit: 1000 })) all.push(...page.items);
    const productId = Math.min(...all.map((key) => key.productId));
    const keys = all.filter((key) => key.productId === productId);
    await openFromTree(open().page, `Product ${productId}`);
    const frame = await panelFrame(open().page, panelOf({ scope: `cryptolens/${productId}/` }), 'keys');
    const headline = await tiles(frame);
    assert.equal(headline.get('License keys'), formatCount(keys.length));
    assert.equal(headline.get('Requests'), formatCount(keys.reduce((sum, key) => sum + key.totalRequests, 0)));

    // The grid's first page, busiest first (the sort is stable, as the vendor's id order).
    const byRequests = [...keys].sort((a, b) => b.totalRequests - a.totalRequests);
    const grid = await gridText(frame.locator('[data-card="keys"] vscode-data-grid'));
    assert.deepEqual(grid.header.slice(0, 7), ['Key', 'Key id', 'Status', 'Requests', 'Successful', 'Failed', 'Success rate']);
    assert.equal(grid.rows.length, Math.min(100, keys.length));
    byRequests.slice(0, 20).forEach((key, index) => {
      const row = grid.rows[index] ?? [];
      assert.ok(key.key ? (CRYPTOLENS_STATUSES as readonly string[]).includes(row[2] ?? '') : row[2] === 'Deleted', `row ${index} status ${row[2]}`);
      assert.deepEqual(
        [row[0], number(row[1] ?? ''), number(row[3] ?? ''), number(row[4] ?? ''), number(row[5] ?? ''), row[8], row[9]],
        [key.key ?? `#${key.licenseKeyId} (deleted)`, key.licenseKeyId, key.totalRequests, key.successful, key.failed, key.firstSeen === undefined ? '—' : minute(key.firstSeen), key.lastSeen === undefined ? '—' : minute(key.lastSeen)],
        `row ${index}`,
      );
    });
    const chart = await cardTable(frame, 'outcomes');
    assert.deepEqual(chart.rows.map((row) => row.map((cell, index) => (index === 0 ? cell : number(cell)))), byRequests.slice(0, 10).map((key) => [key.key ?? `#${key.licenseKeyId} (deleted)`, key.successful, key.failed]));
    assert.ok((await drawnPixels(frame, 'outcomes')) > 1_000, 'the successful-vs-failed chart is blank');
    await scrollToTop(frame);
    await open().screenshot('panel-cryptolens-light');

    // Keyboard: into the grid, down one row, Enter.
    await frame.locator('[data-card="keys"] vscode-data-grid-row:not([row-type="header"]) vscode-data-grid-cell').first().click();
    await open().page.keyboard.press('ArrowDown');
    await open().page.keyboard.press('Enter');
    const second = byRequests[1];
    assert.ok(second);
    const keyFrame = await panelFrame(open().page, panelOf({ scope: `cryptolens/${productId}/${second.licenseKeyId}` }), 'devices');
    assert.equal(await keyFrame.locator('h1').textContent(), `Cryptolens · Product ${productId} · Key #${second.licenseKeyId}`);
    const devices: DeviceUsage[] = [];
    for await (const page of client.devicePages({ productId, keyId: second.licenseKeyId, limit: 1000 })) devices.push(...page.items);
    assert.equal((await tiles(keyFrame)).get('Devices'), formatCount(devices.length));
    if (devices.length > 0) {
      const shown = await gridText(keyFrame.locator('[data-card="devices"] vscode-data-grid'));
      assert.deepEqual(
        shown.rows.map((row) => [row[0], number(row[1] ?? '')]).sort(),
        devices.slice(0, 100).map((device) => [device.machineCode, device.totalRequests]).sort(),
      );
    }
  });

  it('Unkey: outcomes per hour and the top 10 keys match the vendor; range and granularity switch; an outcome hides; CSV exports what is shown', async () => {
    const apiId = open().emulator.unkey.apiIds[0] ?? '';
    await openFromTree(open().page, apiId);
    const frame = await panelFrame(open().page, UNKEY, 'series');
    const series = frame.locator('[data-card="series"]');
    const range = async (): Promise<{ start: number; end: number }> => ({ start: Number(await series.getAttribute('data-range-start')), end: Number(await series.getAttribute('data-range-end')) });

    const day = await range();
    const expected = await unkey().getVerifications({ apiId, start: day.start, end: day.end, groupBy: ['hour'] });
    const table = await cardTable(frame, 'series');
    assert.deepEqual(table.header, ['Start (UTC)', 'Valid', 'Rate limited', 'Usage exceeded', 'Disabled', 'Expired', 'Forbidden', 'Unauthorized', 'Not found', 'Insufficient permissions', 'Total']);
    assert.deepEqual(
      table.rows.map((row) => [row[0], ...row.slice(1).map(number)]),
      expected.map((slice) => [minute(slice.time ?? 0), ...OUTCOMES.map((outcome) => slice.outcomes[outcome]), slice.outcomes.total]),
    );
    assert.ok((await drawnPixels(frame, 'series')) > 2_000, 'the outcomes chart is blank');
    const top = await unkey().getVerifications({ apiId, start: day.start, end: day.end, groupBy: ['key'], limit: 10, orderBy: 'total', order: 'desc' });
    const breakdown = await cardTable(frame, 'breakdown');
    assert.deepEqual(breakdown.rows.map((row) => number(row.at(-1) ?? '')), top.map((row) => row.outcomes.total));
    assert.deepEqual(new Set(breakdown.rows.map((row) => row[0])), new Set(top.map((row) => row.keyId)));
    await scrollToTop(frame);
    await open().screenshot('panel-unkey-light');

    // Last 7 days, by day: seven slices whose sums match the vendor's.
    await choose(frame, 'Range', 'Last 7 days');
    await waitFor('daily slices', async () => ((await series.getAttribute('data-granularity')) === 'day' && (await series.getAttribute('data-state')) === 'ready' ? true : undefined), 30_000);
    const week = await range();
    const daily = await unkey().getVerifications({ apiId, start: week.start, end: week.end, groupBy: ['day'] });
    const weekTable = await cardTable(frame, 'series');
    assert.equal(weekTable.rows.length, daily.length);
    assert.deepEqual(weekTable.rows.map((row) => number(row.at(-1) ?? '')), daily.map((slice) => slice.outcomes.total));

    // The same week by hour: the table pages through it 100 rows at a time; the headline sums it all.
    await choose(frame, 'Granularity', 'By hour');
    await waitFor('hourly slices', async () => ((await series.getAttribute('data-granularity')) === 'hour' && (await series.getAttribute('data-state')) === 'ready' ? true : undefined), 30_000);
    const hourly = await unkey().getVerifications({ apiId, start: week.start, end: week.end, groupBy: ['hour'] });
    assert.equal(Number(await series.getAttribute('data-slices')), hourly.length);
    const hourTable = await cardTable(frame, 'series');
    assert.deepEqual(hourTable.rows.map((row) => number(row.at(-1) ?? '')), hourly.slice(0, 100).map((slice) => slice.outcomes.total));
    assert.match((await frame.locator('[data-card="series"] .pager-position').textContent()) ?? '', new RegExp(`^Rows 1–100 of ${hourly.length}$`));
    assert.equal((await tiles(frame)).get('Verifications'), formatCount(hourly.reduce((sum, slice) => sum + slice.outcomes.total, 0)));

    // Hide "Valid": gone from the legend's pressed state, the table, and the chart's pixels.
    const before = await drawnPixels(frame, 'series');
    await frame.locator('.legend-item[data-outcome="valid"]').click();
    assert.equal(await frame.locator('.legend-item[data-outcome="valid"]').getAttribute('aria-pressed'), 'false');
    const hidden = await cardTable(frame, 'series');
    assert.ok(!hidden.header.includes('Valid'), hidden.header.join(', '));
    assert.ok((await drawnPixels(frame, 'series')) < before, 'hiding Valid did not change the chart');

    // Export CSV through the save dialog: the file holds what the table shows.
    const target = join(open().host.profile.workspaceDir, 'unkey-export.csv');
    await frame.locator('vscode-button', { hasText: 'Export CSV' }).click();
    // code-server's save dialog: a quick input titled by the extension, holding a path.
    await waitForQuickInputTitled(open().page, 'Keyscope: Export CSV');
    const box = await open().quickInputBox();
    await box.fill(target);
    // The dialog completes paths as it lists folders: press Enter only once it holds exactly ours.
    await waitFor('the typed path in the save dialog', async () => ((await box.inputValue()) === target ? true : (await box.fill(target), undefined)), 10_000, 300);
    await box.press('Enter');
    await waitFor('the exported file', () => (existsSync(target) ? true : undefined), 15_000).catch(async (error: unknown) => {
      await open().screenshot('panel-unkey-export-failed');
      throw error;
    });
    const csv = readFileSync(target, 'utf8').split('\r\n');
    const headerAt = csv.findIndex((line) => line.startsWith('Start (UTC),'));
    assert.ok(headerAt > 0, 'no outcomes table in the CSV');
    assert.equal(csv[headerAt], hidden.header.join(','));
    const firstRow = csv[headerAt + 1]?.split(',') ?? [];
    assert.equal(firstRow[0], `${(hidden.rows[0]?.[0] ?? '').replace(' ', 'T')}:00Z`);
    assert.deepEqual(firstRow.slice(1).map(Number), hidden.rows[0]?.slice(1).map((cell) => number(cell)));
  });

  it('Unkey: a year of hourly data (8,760 slices) renders without freezing the panel', async () => {
    // Unkey v2 refuses queries past the workspace's retention (90 days in the emulator); v1 answers
    // a year, zero-filled, and the panel is the same for both.
    await setEnumSetting(open().page, 'keyscope.unkey.apiVersion', 'v1');
    const frame = await panelFrame(open().page, UNKEY, 'series');
    const series = frame.locator('[data-card="series"]');
    const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
    await choose(frame, 'Range', 'Custom dates');
    // Long before the emulator's history: an explicit empty state, not an empty chart.
    await frame.locator('input[aria-label="From (UTC)"]').fill('2020-01-01');
    await frame.locator('input[aria-label="To (UTC)"]').fill('2020-01-07');
    await waitFor('the empty state', async () => ((await series.getAttribute('data-state')) === 'empty' ? true : undefined), 30_000);
    assert.equal(await frame.locator('[data-card="series"] .empty-message').textContent(), 'No verifications in this range.');
    await frame.locator('input[aria-label="From (UTC)"]').fill(new Date(today - 365 * DAY).toISOString().slice(0, 10));
    const started = Date.now();
    await frame.locator('input[aria-label="To (UTC)"]').fill(new Date(today - DAY).toISOString().slice(0, 10));
    await choose(frame, 'Granularity', 'By hour');
    await waitFor('a year of hours', async () => (Number(await series.getAttribute('data-slices')) >= 8_759 && (await series.getAttribute('data-state')) === 'ready' ? true : undefined), 60_000);
    const waited = Date.now() - started;
    const renderMs = Number(await series.getAttribute('data-render-ms'));
    const buckets = Number(await series.getAttribute('data-buckets'));
    // The panel answers at once afterwards: a frame's round trip while the chart is on screen.
    const roundTrip = await frame.evaluate(() => new Promise<number>((resolve) => { const t = performance.now(); requestAnimationFrame(() => resolve(performance.now() - t)); }));
    process.stderr.write(`e2e: a year of hourly data (8,760 slices × 9 outcomes) drawn as ${buckets} bars: chart render ${renderMs.toFixed(1)} ms, from choosing to drawn ${waited} ms, next frame after ${roundTrip.toFixed(1)} ms\n`);
    assert.ok(buckets <= 400, `${buckets} bars`);
    assert.ok(renderMs < 1_500, `the chart took ${renderMs} ms to draw`);
    assert.ok(roundTrip < 500, `the panel did not paint for ${roundTrip} ms`);
    assert.ok((await drawnPixels(frame, 'series')) > 2_000, 'the year chart is blank');
    const expected = await unkey('v1').getVerifications({
      apiId: open().emulator.unkey.apiIds[0] ?? '',
      start: Number(await series.getAttribute('data-range-start')),
      end: Number(await series.getAttribute('data-range-end')),
      groupBy: ['hour'],
    });
    assert.equal(Number(await series.getAttribute('data-slices')), expected.length);
    assert.equal((await tiles(frame)).get('Verifications'), formatCount(expected.reduce((sum, slice) => sum + slice.outcomes.total, 0)));
  });

  it('follows the theme: dark screenshots, charts redrawn in the dark theme colors', async () => {
    const frame = await panelFrame(open().page, UNKEY, 'series');
    const light = await chartColors(frame, 'breakdown');
    await setColorTheme(open().page, 'Dark Modern');
    await waitFor('the dark theme in the panel', async () => ((await frame.evaluate(() => document.body.classList.contains('vscode-dark'))) ? true : undefined), 15_000);
    // Redrawn: the chart's main colors (bars, labels) are not the light theme's any more.
    await waitFor('the chart in dark colors', async () => ((await chartColors(frame, 'breakdown')).filter((color) => light.includes(color)).length <= light.length / 2 ? true : undefined), 10_000);
    await scrollToTop(frame);
    await open().screenshot('panel-unkey-dark');
    for (const [title, vendor, card, name] of [['Cryptolens · Product', 'cryptolens', 'outcomes', 'panel-cryptolens-dark'], ['Runtype', 'runtype', 'state', 'panel-runtype-dark']] as const) {
      await tab(title).click();
      const shown = await panelFrame(open().page, panelOf({ vendor }), card);
      await scrollToTop(shown);
      await painted(shown);
      await open().screenshot(name);
    }
    await tab('Unkey').click();
    const unkeyFrame = await panelFrame(open().page, UNKEY, 'series');
    await setColorTheme(open().page, 'Dark High Contrast');
    await waitFor('the high-contrast theme in the panel', async () => ((await unkeyFrame.evaluate(() => document.body.classList.contains('vscode-high-contrast'))) ? true : undefined), 15_000);
    await painted(unkeyFrame);
    await open().screenshot('panel-unkey-high-contrast');
    await setColorTheme(open().page, 'Dark Modern');
  });

  it('comes back after a window reload with its scope and controls', async () => {
    await tab('Unkey').click();
    await panelFrame(open().page, UNKEY, 'series');
    await reloadWindow(open().page);
    const frame = await panelFrame(open().page, UNKEY, 'series', 60_000);
    assert.equal(await frame.locator('h1').textContent(), `Unkey · ${open().emulator.unkey.apiIds[0] ?? ''}`);
    assert.equal(await frame.locator('.legend-item[data-outcome="valid"]').getAttribute('aria-pressed'), 'false');
    assert.equal(await frame.locator('[data-card="series"]').getAttribute('data-granularity'), 'hour');
    assert.match((await frame.locator('vscode-dropdown[aria-label="Range"]').textContent()) ?? '', /Custom dates/);
    assert.ok(await tab('Runtype').isVisible(), 'the Runtype panel was not restored');
  });

  it('shows vendor text with markup as text', async () => {
    const dialogs: string[] = [];
    open().page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    runtype.target = hostile.baseUrl;
    await tab('Runtype').click();
    const frame = await panelFrame(open().page, RUNTYPE, 'keys', 60_000);
    await frame.locator('vscode-button', { hasText: 'Refresh' }).click();
    await waitFor('the hostile key names', async () => ((await frame.locator('[data-card="keys"] vscode-data-grid-cell', { hasText: 'onerror' }).count()) > 0 ? true : undefined), 30_000);
    const names = (await gridText(frame.locator('[data-card="keys"] vscode-data-grid'))).rows.map((row) => row[0]);
    for (const text of HOSTILE_STRINGS) assert.ok(names.includes(plainText(text, 500)), `not shown as text: ${text}`);
    assert.equal(await frame.locator('#app img, #app script, #app a').count(), 0, 'vendor text became elements');
    assert.deepEqual(dialogs, []);
    await open().screenshot('panel-runtype-hostile-dark');
  });
});
