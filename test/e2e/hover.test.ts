// A person's path: set a Cryptolens token from the palette, open a source file, rest the mouse on a
// license key, read its usage in the hover — and find only Keyscope's own link in it.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from '../host/playwright-types';
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

  async function openSourceFile(): Promise<void> {
    const { page } = open();
    // From the Explorer, as a person would (Quick Open's file search needs ripgrep, which the host may lack).
    await open().runCommand('View: Show Explorer');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'license.ts' }).first().click({ timeout: 15_000 });
    await page.locator('.monaco-editor .view-line', { hasText: 'LICENSE_KEY' }).first().waitFor({ state: 'visible', timeout: 15_000 });
  }

  /** Where `text` is drawn in the editor, measured in one go (Monaco re-renders lines while it tokenizes). */
  async function textBox(text: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const line = open().page.locator('.monaco-editor .view-line', { hasText: text }).first();
    for (let attempt = 0; attempt < 50; attempt++) {
      const box = await line
        .evaluate((element, needle) => {
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = (node.textContent ?? '').indexOf(needle);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + needle.length);
            const rect = range.getBoundingClientRect();
            return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
          }
          return null;
        }, text)
        .catch(() => null);
      if (box && box.width > 0) return box;
      await open().page.waitForTimeout(100);
    }
    throw new Error(`"${text}" is not drawn in the editor`);
  }

  async function hoverOn(text: string): Promise<Locator> {
    const { page } = open();
    const box = await textBox(text);
    await page.mouse.move(1, 1);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    return page.locator('.monaco-hover:visible');
  }

  /** Rests the mouse on `text` until a hover containing `expected` shows (the editor may still be moving lines). */
  async function hoverUntil(text: string, expected: string): Promise<Locator> {
    for (let attempt = 1; ; attempt++) {
      const hover = (await hoverOn(text)).filter({ hasText: expected });
      try {
        await hover.waitFor({ state: 'visible', timeout: 6_000 });
        return hover;
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
  }

  it('shows the key usage with a link to Keyscope Analytics', async () => {
    await openSourceFile();
    const body = await hoverUntil(EXAMPLE_KEY, 'Open in Keyscope Analytics');
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
    const hover = await hoverOn('well-known-fact');
    // Give a hover time to appear before deciding there is none.
    await open().page.waitForTimeout(1_500);
    assert.equal(await hover.filter({ hasText: 'Keyscope' }).count(), 0);
  });
});
