// Key health where a person reads it (issue 13): a file holding a disabled Unkey key and an expired
// license key — the hovers lead with the status word and its reason, the Problems panel lists both
// from Keyscope, a lookup has a Status row, and the Keys view's row starts with the word.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { healthOf } from '../host/emulator-config';
import { hoverUntil, openFromExplorer } from './editor';
import { useWorkbench } from './fixture';
import { problemRow, showProblems } from './problems';
import { quickInputRows } from './quick-input';
import { treeRow } from './tree-rows';

describe('key health in the workbench', { timeout: 300_000 }, () => {
  const open = useWorkbench({ emulatorScale: 'small' });

  /** The seeded ids: a disabled Unkey key, an expired Cryptolens license and an inactive Runtype key. */
  function seeded(): { disabled: string; expired: { key: string; productId: number }; inactive: string } {
    const health = healthOf(open().emulator);
    const disabled = health.unkey.health.keys['Disabled']?.[0];
    const expired = health.cryptolens.health.keys['Expired']?.find((key) => key.key !== '');
    const inactive = health.runtype.health.keys['Inactive']?.[0];
    assert.ok(disabled && expired && inactive, 'the emulator seeds a key in each of these states');
    return { disabled, expired, inactive };
  }

  it('sets the three tokens', async () => {
    const { emulator } = open();
    for (const [vendor, token] of [['Unkey', emulator.unkey.token], ['Cryptolens', emulator.cryptolens.token], ['Runtype', emulator.runtype.token]] as const) {
      await open().setToken(vendor, token);
      await open().notification(new RegExp(`${vendor} token saved`));
    }
  });

  it('hovers lead with the status word and say why', async () => {
    const { disabled, expired } = seeded();
    writeFileSync(join(open().host.profile.workspaceDir, 'keys.ts'), `export const DISABLED = '${disabled}';\nexport const EXPIRED = '${expired.key}';\n`);
    await openFromExplorer(open().page, 'keys.ts', 'DISABLED');
    // The squiggle's Problem shows in the same widget first: wait for Keyscope's own hover (its link).
    const unkey = await (await hoverUntil(open().page, disabled, 'Open in Keyscope Analytics')).innerText();
    assert.match(unkey, /Disabled: disabled, so every verification of it fails/, unkey);
    const license = await (await hoverUntil(open().page, expired.key, 'Open in Keyscope Analytics')).innerText();
    assert.match(license, /Expired: expired \d+ days? ago/, license);
    await open().screenshot('health-hover');
  });

  it('the Problems panel lists both keys from Keyscope, with the word and the id', async () => {
    const { disabled, expired } = seeded();
    await showProblems(open().page);
    const disabledRow = problemRow(open().page, disabled, 'Disabled');
    const expiredRow = problemRow(open().page, expired.key, 'Expired');
    await disabledRow.waitFor({ state: 'visible', timeout: 30_000 });
    await expiredRow.waitFor({ state: 'visible', timeout: 30_000 });
    for (const row of [disabledRow, expiredRow]) assert.match(await row.innerText(), /Keyscope/);
    await open().screenshot('health-problems');
  });

  it('a lookup of the disabled key has a Status row with the reason', async () => {
    const { disabled } = seeded();
    await open().runCommand('Keyscope: Look Up Key Usage');
    await open().typeInInput(disabled);
    const status = quickInputRows(open().page).filter({ hasText: 'Status: Disabled' }).first();
    await status.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await status.innerText(), /disabled, so every verification of it fails/);
    await open().page.keyboard.press('Escape');
    await open().waitForQuickInputClosed();
  });

  it('the Keys view shows an inactive Runtype key with the word first', async () => {
    const view = await open().openKeyscopeView();
    const runtype = treeRow(view, /^Runtype/);
    await runtype.waitFor({ state: 'visible', timeout: 20_000 });
    if ((await runtype.getAttribute('aria-expanded')) !== 'true') await runtype.click();
    const inactive = treeRow(view, /Inactive · /);
    await inactive.waitFor({ state: 'visible', timeout: 20_000 });
    await open().screenshot('health-tree');
  });
});
