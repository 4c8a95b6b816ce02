// Webview content lives in nested iframes (workbench → webview host → active frame); find the one
// that shows a selector.
import type { Frame, Page } from '../host/playwright-types';
import { waitFor } from '../host/timeout';

export async function webviewFrame(page: Page, selector: string, timeout = 15_000): Promise<Frame> {
  return waitFor(
    `a webview frame showing ${selector}`,
    async () => {
      for (const frame of page.frames()) {
        const count = await frame.locator(selector).count().catch(() => 0);
        if (count > 0) return frame;
      }
      return undefined;
    },
    timeout,
    250,
  );
}
