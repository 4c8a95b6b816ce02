// Keyscope's status bar item as a person sees it: its text, its warning form and its tooltip lines.
import type { Locator, Page } from '../host/playwright-types';

/** Keyscope's item (its accessible label starts with "Keyscope"). */
export function keyscopeStatusItem(page: Page): Locator {
  return page.locator('.statusbar-item:has([aria-label^="Keyscope"])').first();
}

/** What the item says to a screen reader: "Keyscope: Runtype: connected", with ", needs attention" when warning. */
export async function keyscopeStatusLabel(page: Page): Promise<string> {
  return (await keyscopeStatusItem(page).locator('[aria-label^="Keyscope"]').first().getAttribute('aria-label')) ?? '';
}

/** Waits until the item's label matches `pattern`, returns the label. */
export async function waitForKeyscopeStatus(page: Page, pattern: RegExp, timeout = 20_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const label = (await keyscopeStatusItem(page).count()) > 0 ? await keyscopeStatusLabel(page) : '';
    if (pattern.test(label)) return label;
    if (Date.now() > deadline) throw new Error(`the Keyscope status item says "${label}", not ${pattern}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** True when the item shows its warning form (warning icon on the warning background). */
export async function keyscopeStatusWarns(page: Page): Promise<boolean> {
  const item = keyscopeStatusItem(page);
  return (await item.locator('.codicon-warning').count()) > 0 && (await item.evaluate((element: Element) => element.classList.contains('warning-kind')));
}

/** Clicks the item. */
export async function clickKeyscopeStatus(page: Page): Promise<void> {
  await keyscopeStatusItem(page).click();
}
