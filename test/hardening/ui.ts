// What a person sees in the workbench, read from Chromium's DOM: the quick input, notifications and
// the Analytics panel's webview (nested iframes).
import type { Frame, Page } from '../host/playwright-types';
import { waitFor } from '../host/timeout';

const QUICK_INPUT = '.quick-input-widget';

export async function quickInputText(page: Page): Promise<string> {
  const widget = page.locator(QUICK_INPUT);
  if (!(await widget.isVisible().catch(() => false))) return '';
  const text = await widget.innerText().catch(() => '');
  // The placeholder (where lookups put a failure) is an attribute, not text.
  const placeholder = (await widget.locator('.quick-input-box input').getAttribute('placeholder').catch(() => null)) ?? '';
  return `${placeholder}\n${text}`;
}

/** Polls the quick input until `done(text)` holds; resolves with the text. */
export function waitForQuickInput(page: Page, what: string, done: (text: string) => boolean, timeoutMs: number): Promise<string> {
  return waitFor(
    `the quick input to show ${what}`,
    async () => {
      const text = await quickInputText(page);
      return text !== '' && done(text) ? text : undefined;
    },
    timeoutMs,
    150,
  );
}

export async function closeQuickInput(page: Page): Promise<void> {
  for (let i = 0; i < 3 && (await page.locator(QUICK_INPUT).isVisible().catch(() => false)); i++) await page.keyboard.press('Escape');
}

/** Text of every notification toast currently shown. */
export async function notificationTexts(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-toast').allInnerTexts().catch(() => []);
}

/** The webview frame whose content satisfies `done(text)`, and that text. */
export function waitForWebview(page: Page, what: string, done: (text: string) => boolean, timeoutMs: number): Promise<{ frame: Frame; text: string }> {
  return waitFor(
    `a webview showing ${what}`,
    async () => {
      for (const frame of page.frames()) {
        if (!frame.url().includes('/webview/')) continue;
        const text = await frame.locator('body').innerText({ timeout: 500 }).catch(() => '');
        if (text !== '' && done(text)) return { frame, text };
      }
      return undefined;
    },
    timeoutMs,
    200,
  );
}

/** Every webview frame's text and HTML, for the secret scan and the hostile-data checks. */
export async function webviewContents(page: Page): Promise<{ url: string; text: string; html: string }[]> {
  const contents: { url: string; text: string; html: string }[] = [];
  for (const frame of page.frames()) {
    if (!frame.url().includes('/webview/')) continue;
    const html = await frame.content().catch(() => '');
    const text = await frame.locator('body').innerText({ timeout: 500 }).catch(() => '');
    contents.push({ url: frame.url(), text, html });
  }
  return contents;
}
