// A person's path: "Keyscope: Look Up Key Usage…" from the palette, paste a license key, pick its
// product, read the totals; then look up a key that does not exist and read the vendor's answer.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from '../host/playwright-types';
import { quickInput as quickInputOf, quickInputRows } from './quick-input';
import { openWorkbench, type Workbench } from './workbench';

const EXAMPLE_KEY = 'AAAA-BBBB-CCCC-DDDD';

describe('looking up a key from the command palette', { timeout: 240_000 }, () => {
  let workbench: Workbench | undefined;
  const open = (): Workbench => {
    if (!workbench) throw new Error('the workbench did not open');
    return workbench;
  };
  const quickInput = (): Locator => quickInputOf(open().page);

  before(async () => {
    workbench = await openWorkbench();
    const { emulator } = open();
    await open().runCommand('Keyscope: Set Access Token');
    await open().selectQuickPick('Cryptolens');
    await open().typeInInput(emulator.cryptolens.token);
    await open().notification(/Cryptolens token saved/);
  });

  after(async () => {
    await workbench?.close();
  });

  it('recognizes a pasted key, offers its product, and shows totals, success rate, devices and last seen', async () => {
    await open().runCommand('Keyscope: Look Up Key Usage');
    await open().typeInInput(EXAMPLE_KEY);
    await open().selectQuickPick('Product 3349');
    const rows = quickInputRows(open().page);
    await rows.filter({ hasText: 'Requests: 320' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    const text = await quickInput().innerText();
    for (const part of ['Requests: 320', '300 successful · 20 failed · lifetime', 'Success rate: 93.8%', 'Devices:', 'Last seen: 2025-05-26 00:00 UTC', 'Open in Keyscope Analytics', 'Copy key', 'Look up another…']) {
      assert.ok(text.includes(part), `missing "${part}" in the lookup:\n${text}`);
    }
    // The key's newest Web API log entry is its last sight; the row arrives after the totals (one more request).
    await rows.filter({ hasText: 'Last event:' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    const withEvent = await quickInput().innerText();
    assert.match(withEvent, /Last event: [A-Za-z ]+ · (succeeded|failed) at 2025-05-26 00:00 UTC/, withEvent);
    // Away from the title, so no tooltip covers the result in the screenshot.
    await open().page.mouse.move(700, 600);
    await open().screenshot('lookup-license-key');
  });

  it("gives Cryptolens's own message for a key that does not exist", async () => {
    await open().selectQuickPick('Look up another…');
    await open().typeInInput('ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ');
    await open().selectQuickPick('Product 3349');
    await quickInput().getByText('Cryptolens: Could not find the key.').first().waitFor({ state: 'visible', timeout: 20_000 });
    await open().page.mouse.move(700, 600);
    await open().screenshot('lookup-key-not-found');
    await open().page.keyboard.press('Escape');
    await open().waitForQuickInputClosed();
  });

  it('says what a vendor expects while the value is typed', async () => {
    await open().runCommand('Keyscope: Look Up Key Usage');
    await open().selectQuickPick('Unkey');
    const box = await open().quickInputBox();
    await box.pressSequentially('AAAA-BBBB');
    await quickInput().getByText(/An Unkey key id starts with key_/).first().waitFor({ state: 'visible', timeout: 10_000 });
    await box.fill('');
    await box.pressSequentially('key_2zeYsLbpULnEUsvYeFGMeJzACp4j');
    await quickInput().getByText(/Recognized: Unkey key id/).first().waitFor({ state: 'visible', timeout: 10_000 });
    await open().page.keyboard.press('Escape');
  });
});
