// Debian's Chromium, headless, driven by playwright-core (no browser download needed).
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { registerCleanup } from './cleanup';
import { chromiumPath } from './paths';

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Everything the page logged (the extension host's console is forwarded there), oldest first. */
  consoleLines: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  viewport?: { width: number; height: number };
}

// Flags that work as root in a container without GPU or network (see shared notes on the host).
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium(options: LaunchOptions = {}): Promise<BrowserSession> {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: run \`npm run host:install\` (apt-get install chromium)`);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    // Our cleanup registry owns signals; playwright still kills the browser at process exit.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const close = registerCleanup({
    label: 'chromium',
    async stop(): Promise<void> {
      await browser.close().catch(() => undefined);
    },
    stopNow(): void {
      // playwright-core kills its browsers in its own exit handler.
    },
  });
  try {
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 } });
    const page = await context.newPage();
    const consoleLines: string[] = [];
    // VS Code styles its console lines with %c and CSS; keep only the words.
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text().replace(/%c|color: #[0-9a-f]{3,6}/gi, '').trim()}`));
    page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
    return { browser, context, page, consoleLines, close };
  } catch (error) {
    await close();
    throw error;
  }
}
