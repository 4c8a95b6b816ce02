// At home in VS Code: the status bar says which vendors are connected and which is failing, and a
// key id in an editor is looked up from its context menu.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editorContextMenuLabels, editorContextMenuPick, openFromExplorer } from './editor';
import { useWorkbench } from './fixture';
import { clearFaults, injectFault, painted, setColorTheme } from './panel-workbench';
import { quickInputRows, quickInputShown, selectQuickPick } from './quick-input';
import { clickKeyscopeStatus, keyscopeStatusItem, keyscopeStatusWarns, waitForKeyscopeStatus } from './status-bar';
import { toastsGone } from './notifications';
import { cardState, chartColors, choose, legendPatterns, panelFrame, panelOf, scrollToTop } from './panel-webview';
import { waitFor } from '../host/timeout';

const EXAMPLE_KEY = 'AAAA-BBBB-CCCC-DDDD';
const SOURCE = `// Activation for the desktop app.\nexport const LICENSE_KEY = '${EXAMPLE_KEY}';\nexport const LOCALE = 'en-US';\n`;

describe('Keyscope at home in the workbench', { timeout: 300_000 }, () => {
  const open = useWorkbench({ emulatorScale: 'small', workspaceFiles: { 'license.ts': SOURCE } });

  it('shows no status bar item until a token is set, then says the vendor is connected', async () => {
    const { page, emulator } = open();
    assert.equal(await keyscopeStatusItem(page).count(), 0, 'no item without a token');
    await open().setToken('Runtype', emulator.runtype.token);
    await open().notification(/Runtype token saved/);
    await open().openKeyscopeView();
    const label = await waitForKeyscopeStatus(page, /Runtype: connected/);
    assert.doesNotMatch(label, /needs attention/);
    assert.equal(await keyscopeStatusWarns(page), false);
  });

  it('turns to a warning while Runtype fails, and back after Refresh once it works again', async () => {
    const { page, emulator } = open();
    await injectFault(emulator.runtype.baseUrl, { vendor: 'runtype', fault: { kind: 'status', status: 502 }, times: 20 });
    await open().runCommand('Keyscope: Refresh');
    const failing = await waitForKeyscopeStatus(page, /needs attention/, 30_000);
    assert.match(failing, /Runtype: (?!connected)/);
    assert.equal(await keyscopeStatusWarns(page), true);
    await toastsGone(page);
    await open().screenshot('status-bar-warning');
    await clearFaults(emulator.runtype.baseUrl);
    await open().runCommand('Keyscope: Refresh');
    await waitForKeyscopeStatus(page, /^Keyscope: Runtype: connected$/, 30_000);
    assert.equal(await keyscopeStatusWarns(page), false);
    await open().screenshot('status-bar-connected');
  });

  it('opens the Keys view on a click', async () => {
    const { page } = open();
    await open().runCommand('View: Show Explorer');
    await clickKeyscopeStatus(page);
    await open().openKeyscopeView();
  });

  it('looks up the license key under the cursor from the editor context menu', async () => {
    const { page, emulator } = open();
    await open().setToken('Cryptolens', emulator.cryptolens.token);
    await open().notification(/Cryptolens token saved/);
    await openFromExplorer(page, 'license.ts', 'LICENSE_KEY');
    const elsewhere = await editorContextMenuLabels(page, 'LOCALE');
    assert.ok(!elsewhere.includes('Look Up Key at Cursor'), `offered away from a key id: ${elsewhere.join(', ')}`);
    // A menu entry clicked while the menu still settles can be lost, as a person's click can: then again.
    await waitFor('the lookup to ask for the product', async () => {
      await editorContextMenuPick(page, EXAMPLE_KEY, 'Look Up Key at Cursor');
      return (await quickInputShown(page, 15_000)) ? true : undefined;
    }, 60_000);
    await selectQuickPick(page, 'Product 3349', 30_000);
    await quickInputRows(page).filter({ hasText: 'Requests: 320' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.mouse.move(700, 600);
    await open().screenshot('lookup-key-at-cursor');
    await page.keyboard.press('Escape');
    await open().waitForQuickInputClosed();
  });

  it('reloads an open Analytics panel on "Keyscope: Refresh" (it no longer keeps old data)', async () => {
    const { page, emulator } = open();
    await open().runCommand('Keyscope: Open Analytics');
    await open().selectQuickPick('Runtype');
    let frame = await panelFrame(page, panelOf({ vendor: 'runtype' }), 'keys');
    assert.equal(await cardState(frame, 'keys'), 'ready');
    // Runtype fails once: the panel, reloaded by the palette's Refresh, says so beside its last data.
    await injectFault(emulator.runtype.baseUrl, { vendor: 'runtype', path: '/v1/api-keys/analytics', fault: { kind: 'status', status: 500 }, times: 5 });
    await open().runCommand('Keyscope: Refresh');
    await waitFor('the reloaded panel to fail', async () => ((await cardState(frame, 'keys')) === 'error' ? true : undefined), 30_000);
    await clearFaults(emulator.runtype.baseUrl);
    await open().runCommand('Keyscope: Refresh');
    frame = await panelFrame(page, panelOf({ vendor: 'runtype' }), 'keys');
    await waitFor('the reloaded panel to recover', async () => ((await cardState(frame, 'keys')) === 'ready' ? true : undefined), 30_000);
  });

  it('keeps an Unkey panel\'s range and granularity through "Keyscope: Refresh", and draws its chart in each theme with patterns', async () => {
    const { page, emulator } = open();
    await open().setToken('Unkey', emulator.unkey.token);
    await open().notification(/Unkey token saved/);
    await open().runCommand('Keyscope: Open Analytics');
    await open().selectQuickPick('Unkey');
    if (emulator.unkey.apiIds.length > 1) await open().selectQuickPick(emulator.unkey.apiIds[0] ?? '');
    const frame = await panelFrame(page, panelOf({ vendor: 'unkey' }), 'series');
    const series = frame.locator('[data-card="series"]');
    await choose(frame, 'Range', 'Last 7 days');
    await waitFor('daily slices', async () => ((await series.getAttribute('data-granularity')) === 'day' && (await series.getAttribute('data-state')) === 'ready' ? true : undefined), 30_000);
    const start = Number(await series.getAttribute('data-range-start'));
    await open().runCommand('Keyscope: Refresh');
    await painted(frame);
    await waitFor('the reloaded series', async () => ((await series.getAttribute('data-state')) === 'ready' ? true : undefined), 30_000);
    assert.equal(await series.getAttribute('data-granularity'), 'day');
    assert.ok(Math.abs(Number(await series.getAttribute('data-range-start')) - start) < 86_400_000, 'the range was reset');

    // Every outcome but "Valid" has a fill pattern of its own: the legend does not rely on colour alone.
    const patterns = await legendPatterns(frame);
    assert.equal(patterns.get('valid'), false);
    assert.ok([...patterns].filter(([outcome]) => outcome !== 'valid').every(([, patterned]) => patterned), JSON.stringify([...patterns]));

    const seen: string[][] = [];
    for (const [theme, bodyClass, name] of [
      ['Default Light Modern', 'vscode-light', 'home-chart-light'],
      ['Dark Modern', 'vscode-dark', 'home-chart-dark'],
      ['Dark High Contrast', 'vscode-high-contrast', 'home-chart-high-contrast'],
      ['Light High Contrast', 'vscode-high-contrast-light', 'home-chart-high-contrast-light'],
    ] as const) {
      await setColorTheme(page, theme);
      await waitFor(`the ${theme} theme in the panel`, async () => ((await frame.evaluate((cls) => document.body.classList.contains(cls), bodyClass)) ? true : undefined), 15_000);
      await painted(frame);
      await painted(frame);
      seen.push(await chartColors(frame, 'breakdown'));
      await scrollToTop(frame);
      await open().screenshot(name);
    }
    // Redrawn from each theme's colours: light and dark charts do not share their main colours.
    const [light, dark] = seen;
    assert.ok(light && dark && dark.filter((color) => light.includes(color)).length <= light.length / 2, JSON.stringify(seen));
    await setColorTheme(page, 'Default Light Modern');
  });
});
