// Notification toasts in the workbench's bottom-right corner.
import type { Page } from '../host/playwright-types';

/**
 * Waits for the toast whose message contains `text`, returns its message and closes it, as a
 * person who has read it does: the workbench shows only a few toasts at once and queues the rest.
 */
export async function notification(page: Page, text: string | RegExp, timeout = 15_000): Promise<string> {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout });
  const message = await toast.locator('.notification-list-item-message').innerText();
  // Closing is a courtesy to the next toast: forced (a toast may still be sliding in) and best effort.
  await toast.locator('.codicon-notifications-clear').first().click({ force: true, timeout: 5_000 }).catch(() => undefined);
  await toast.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
  return message;
}

/** Waits (best effort) until no toast shows, e.g. before a screenshot. */
export async function toastsGone(page: Page, timeout = 5_000): Promise<void> {
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'hidden', timeout }).catch(() => undefined);
}
