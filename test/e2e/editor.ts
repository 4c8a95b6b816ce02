// The workbench's editor as a person uses it: a file opened from the Explorer, a word's place on
// screen, and the hover that shows when the mouse rests there.
import type { Locator, Page } from '../host/playwright-types';
import { runCommand } from './quick-input';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Opens `file` from the Explorer (Quick Open's file search needs ripgrep, which the host may lack). */
export async function openFromExplorer(page: Page, file: string, lineText: string): Promise<void> {
  await runCommand(page, 'View: Show Explorer');
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first().click({ timeout: 15_000 });
  await page.locator('.monaco-editor .view-line', { hasText: lineText }).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** Where `text` is drawn in the editor, once it is (Monaco re-renders lines while it tokenizes). */
export async function drawnTextBox(page: Page, text: string, timeout = 5_000): Promise<Box> {
  const box = await page.waitForFunction(
    (needle) => {
      for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node.textContent ?? '').indexOf(needle);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + needle.length);
          const rect = range.getBoundingClientRect();
          if (rect.width > 0) return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
        }
      }
      return null;
    },
    text,
    { timeout },
  );
  return (await box.jsonValue()) as Box;
}

/** The editor hover that is showing, whatever it holds. */
export function editorHover(page: Page): Locator {
  return page.locator('.monaco-hover:visible');
}

/** Rests the mouse on `text` (the hover shows after the editor's hover delay). */
export async function hoverOn(page: Page, text: string): Promise<Locator> {
  const box = await drawnTextBox(page, text);
  await page.mouse.move(1, 1);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  return editorHover(page);
}

/**
 * Rests the mouse on `text` until a hover naming it and containing `expected` shows (the editor may
 * still be moving lines, and the hover of an earlier word may still be fading).
 */
export async function hoverUntil(page: Page, text: string, expected: string): Promise<Locator> {
  for (let attempt = 1; ; attempt++) {
    const hover = (await hoverOn(page, text)).filter({ hasText: text }).filter({ hasText: expected });
    try {
      await hover.waitFor({ state: 'visible', timeout: 6_000 });
      return hover;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}

/**
 * Clicks `text` in the editor (the cursor goes there), then right-clicks it and picks `label` from the
 * context menu. The entry shows once the extension has heard of the cursor: until then the menu is
 * closed and opened again, as a person would.
 */
export async function editorContextMenuPick(page: Page, text: string, label: string, timeout = 15_000): Promise<void> {
  const box = await drawnTextBox(page, text);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.click(at.x, at.y);
  const item = page.locator('.context-view .monaco-menu .action-item', { hasText: label }).first();
  const deadline = Date.now() + timeout;
  for (;;) {
    await page.mouse.click(at.x, at.y, { button: 'right' });
    await page.locator('.context-view .monaco-menu').first().waitFor({ state: 'visible', timeout: 10_000 });
    if (await item.waitFor({ state: 'visible', timeout: 1_000 }).then(() => true, () => false)) break;
    await page.keyboard.press('Escape');
    if (Date.now() > deadline) throw new Error(`the editor context menu never offered "${label}" on ${text}`);
  }
  // A menu ignores a click that comes right after it opened (that would be the right-click's own
  // release): click until it closes, as a person clicks again.
  const menu = page.locator('.context-view .monaco-menu').first();
  for (let attempt = 0; attempt < 10; attempt++) {
    await item.click();
    if (await menu.waitFor({ state: 'hidden', timeout: 1_000 }).then(() => true, () => false)) return;
  }
  throw new Error(`the editor context menu did not take a click on "${label}"`);
}

/** The editor context menu's entries, read after a right-click on `text` (the menu is closed again). */
export async function editorContextMenuLabels(page: Page, text: string): Promise<string[]> {
  const box = await drawnTextBox(page, text);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.click(at.x, at.y);
  await page.mouse.click(at.x, at.y, { button: 'right' });
  const menu = page.locator('.context-view .monaco-menu');
  await menu.first().waitFor({ state: 'visible', timeout: 10_000 });
  const labels = await menu.locator('.action-item .action-label').allInnerTexts();
  await page.keyboard.press('Escape');
  return labels.map((label) => label.trim()).filter((label) => label !== '');
}
