import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from '../host/playwright-types';
import { toastsGone } from './notifications';
import { sideBarTitle, treeRow } from './tree-rows';
import { openWorkbench, type Workbench } from './workbench';

describe('Keyscope in the workbench', { timeout: 180_000 }, () => {
  let workbench: Workbench | undefined;
  const open = (): Workbench => {
    if (!workbench) throw new Error('the workbench did not open');
    return workbench;
  };

  before(async () => {
    workbench = await openWorkbench({ emulatorScale: 'small' });
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows the Keys view from the activity bar', async () => {
    const view = await open().openKeyscopeView();
    assert.ok(await view.isVisible());
    const title = await sideBarTitle(open().page).innerText();
    assert.match(title, /keyscope/i);
  });

  it('stores an access token typed into the password box, and the Keys view shows that vendor', async () => {
    const { emulator } = open();
    await open().runCommand('Keyscope: Set Access Token');
    await open().selectQuickPick('Runtype');
    const box = await open().quickInputBox();
    assert.equal(await box.getAttribute('type'), 'password');
    await open().typeInInput(emulator.runtype.token);
    await open().waitForQuickInputClosed();
    await open().notification(/Runtype token saved/);
    const view = await open().openKeyscopeView();
    await treeRow(view, 'Runtype').waitFor({ state: 'visible', timeout: 15_000 });
  });

  it('expands the tree from a vendor down to a device of a license key', async () => {
    const { emulator } = open();
    await open().runCommand('Keyscope: Set Access Token');
    await open().selectQuickPick('Cryptolens');
    await open().typeInInput(emulator.cryptolens.token);
    await open().waitForQuickInputClosed();
    await open().notification(/Cryptolens token saved/);
    const view = await open().openKeyscopeView();
    const row = (text: string): Locator => treeRow(view, text);
    // The seed pages' example: product 3349, key AAAA-BBBB-CCCC-DDDD, device MACHINE-1.
    await row('Product 3349').waitFor({ state: 'visible', timeout: 20_000 });
    await row('Product 3349').click();
    await row('AAAA-BBBB-CCCC-DDDD').waitFor({ state: 'visible', timeout: 20_000 });
    await row('AAAA-BBBB-CCCC-DDDD').click();
    await row('MACHINE-1').waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await row('MACHINE-1').innerText(), /25 requests/);
    await open().screenshot('keys-tree-device');
  });

  it('takes a screenshot of the workbench with the Keyscope view open', async () => {
    await open().openKeyscopeView();
    // Best effort: let the last progress toast fade out of the picture.
    await toastsGone(open().page);
    const path = await open().screenshot('keyscope-view');
    assert.match(path, /keyscope-view\.png$/);
  });
});
