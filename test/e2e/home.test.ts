// At home in VS Code: the status bar says which vendors are connected and which is failing, and a
// key id in an editor is looked up from its context menu.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editorContextMenuLabels, editorContextMenuPick, openFromExplorer } from './editor';
import { useWorkbench } from './fixture';
import { clearFaults, injectFault } from './panel-workbench';
import { quickInputRows } from './quick-input';
import { clickKeyscopeStatus, keyscopeStatusItem, keyscopeStatusWarns, waitForKeyscopeStatus } from './status-bar';
import { toastsGone } from './notifications';
import { cardState, panelFrame, panelOf } from './panel-webview';
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
    await editorContextMenuPick(page, EXAMPLE_KEY, 'Look Up Key at Cursor');
    await open().selectQuickPick('Product 3349');
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
});
