// The workbench's quick input (command palette, quick picks, input boxes) driven the way a person
// does: keys and clicks, no API calls.
import type { Locator, Page } from '../host/playwright-types';

const widget = (page: Page): Locator => page.locator('.quick-input-widget');
const input = (page: Page): Locator => widget(page).locator('.quick-input-box input');
const rows = (page: Page): Locator => widget(page).locator('.quick-input-list .monaco-list-row');

/** The quick input as a whole (its title, message and rows), e.g. for its text. */
export function quickInput(page: Page): Locator {
  return widget(page);
}

/** The quick input's rows. */
export function quickInputRows(page: Page): Locator {
  return rows(page);
}

/** Waits until a quick input titled with `title` shows. */
export async function waitForQuickInputTitled(page: Page, title: string, timeout = 15_000): Promise<void> {
  await widget(page).locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout });
}

async function waitForInput(page: Page, timeout: number): Promise<Locator> {
  await input(page).waitFor({ state: 'visible', timeout });
  return input(page);
}

/** True once a quick input (a pick or an input box) shows within `timeout`, false if none does. */
export function quickInputShown(page: Page, timeout: number): Promise<boolean> {
  return input(page).waitFor({ state: 'visible', timeout }).then(() => true, () => false);
}

/** Opens the command palette (F1) and runs the command whose title contains `title`, e.g. "Keyscope: Refresh". */
export async function runCommand(page: Page, title: string, timeout = 10_000): Promise<void> {
  // A quick input left open (say, by a failed test) would swallow F1.
  if (await widget(page).isVisible()) await page.keyboard.press('Escape');
  await page.locator('.monaco-workbench').focus();
  await page.keyboard.press('F1');
  // A workbench still busy starting can drop the key, as it would a person's: then it is pressed again.
  const opened = await waitForInput(page, timeout / 2).then(() => true, () => false);
  if (!opened) await page.keyboard.press('F1');
  const box = await waitForInput(page, timeout);
  await box.fill(`>${title}`);
  await rows(page).filter({ hasText: title }).first().click({ timeout });
}

/** Picks the quick-pick item whose label is `label` (exact, case-sensitive). */
export async function selectQuickPick(page: Page, label: string, timeout = 10_000): Promise<void> {
  await waitForInput(page, timeout);
  const item = rows(page).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) });
  await item.first().click({ timeout });
}

/** The quick input's text box, once it is shown (for checks such as its type="password"). */
export async function quickInputBox(page: Page, timeout = 10_000): Promise<Locator> {
  return waitForInput(page, timeout);
}

/** Types into the open input box (a person's keystrokes, so validation runs) and accepts with Enter. */
export async function typeInInput(page: Page, text: string, timeout = 10_000): Promise<void> {
  const box = await waitForInput(page, timeout);
  await box.fill('');
  await box.pressSequentially(text);
  await box.press('Enter');
}

/** Waits until the quick input has closed (its last step was accepted). */
export async function waitForQuickInputClosed(page: Page, timeout = 10_000): Promise<void> {
  await widget(page).waitFor({ state: 'hidden', timeout });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
