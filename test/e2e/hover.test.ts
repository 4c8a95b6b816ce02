// A person's path: set a Cryptolens token from the palette, open a source file, rest the mouse on a
// license key, read its usage in the hover — and find only Keyscope's own link in it.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hoverOn, hoverUntil, openFromExplorer } from './editor';
import { openWorkbench, type Workbench } from './workbench';

const EXAMPLE_KEY = 'AAAA-BBBB-CCCC-DDDD';
const SOURCE = `// Activation for the desktop app.\nimport { Key } from 'cryptolens';\n\nexport const LICENSE_KEY = '${EXAMPLE_KEY}';\nexport const LOCALE = 'en-US'; // a well-known-fact\n`;

describe('hovering a license key in an editor', { timeout: 240_000 }, () => {
  let workbench: Workbench | undefined;
  const open = (): Workbench => {
    if (!workbench) throw new Error('the workbench did not open');
    return workbench;
  };

  before(async () => {
    workbench = await openWorkbench({ workspaceFiles: { 'license.ts': SOURCE } });
    const { emulator } = open();
    await open().runCommand('Keyscope: Set Access Token');
    await open().selectQuickPick('Cryptolens');
    await open().typeInInput(emulator.cryptolens.token);
    await open().notification(/Cryptolens token saved/);
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows the key usage with a link to Keyscope Analytics', async () => {
    await openFromExplorer(open().page, 'license.ts', 'LICENSE_KEY');
    const body = await hoverUntil(open().page, EXAMPLE_KEY, 'Open in Keyscope Analytics');
    const text = await body.innerText();
    for (const part of ['Cryptolens', 'license key', EXAMPLE_KEY, 'Requests (lifetime): 320', '300 successful, 20 failed', 'Success rate: 93.8%', 'Devices:', 'Last seen: 2025-05-26 00:00 UTC']) {
      assert.ok(text.includes(part), `missing "${part}" in the hover:\n${text}`);
    }
    const links = await body.locator('a').evaluateAll((anchors: Element[]) => anchors.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
    assert.equal(links.length, 1, `links: ${links.join(', ')}`);
    assert.match(links[0] ?? '', /^command:keyscope\.openAnalytics\?/);
    assert.equal(await body.locator('img, script, iframe').count(), 0);
    await open().screenshot('hover-license-key');
  });

  it('shows no Keyscope hover on an ordinary dashed word', async () => {
    const hover = await hoverOn(open().page, 'well-known-fact');
    // Wait for a Keyscope hover to appear (it would, within the hover delay), up to a bound: there must be none.
    await hover.filter({ hasText: 'Keyscope' }).waitFor({ state: 'visible', timeout: 1_500 }).catch(() => undefined);
    assert.equal(await hover.filter({ hasText: 'Keyscope' }).count(), 0);
  });
});
