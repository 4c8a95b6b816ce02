// The workbench's modal dialog (what `showWarningMessage(…, { modal: true })` opens).
import type { Locator, Page } from '../host/playwright-types';

export function modalDialog(page: Page): Locator {
  return page.locator('.monaco-dialog-box');
}

/** Waits for the modal whose text matches, returns its message and presses `button` on it. */
export async function answerDialog(page: Page, text: string | RegExp, button: string, timeout = 20_000): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box', { hasText: text }).first();
  await dialog.waitFor({ state: 'visible', timeout });
  const message = await dialog.locator('.dialog-message-text').innerText();
  await dialog.locator('.monaco-button', { hasText: new RegExp(`^\\s*${button}\\s*$`) }).first().click();
  await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
  return message;
}
