// What the panel tests do in the workbench around the panel: switch the color theme, and put a
// switchable server in front of Runtype.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Locator, Page } from '../host/playwright-types';
import { runCommand } from './quick-input';
import { workbenchShown } from './workbench';

/**
 * Runs a command from the palette with the keyboard in the workbench: after a click inside a
 * webview, keys would go to the webview's frame, so focus is taken back first.
 */
export async function workbenchCommand(page: Page, title: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await runCommand(page, title);
}

/** The editor tab whose title contains `title` (or matches it). */
export function editorTab(page: Page, title: string | RegExp): Locator {
  return page.locator('.tabs-container .tab', { hasText: title }).first();
}

/** "Developer: Reload Window", and the reloaded workbench shown. */
export async function reloadWindow(page: Page): Promise<void> {
  const reloaded = page.waitForEvent('load', { timeout: 60_000 });
  await workbenchCommand(page, 'Developer: Reload Window');
  await reloaded;
  await workbenchShown(page);
}

/** Resolves once the frame has painted twice more: what it shows now is on screen. */
export async function painted(frame: Frame): Promise<void> {
  await frame.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** "Preferences: Color Theme", typed and accepted. */
export async function setColorTheme(page: Page, label: string): Promise<void> {
  await workbenchCommand(page, 'Preferences: Color Theme');
  await page.keyboard.type(label);
  await page.keyboard.press('Enter');
}

/** Adds a fault rule through the emulator's control endpoint (any vendor base URL names its origin). */
export async function injectFault(emulatorBaseUrl: string, rule: object): Promise<void> {
  const response = await fetch(`${new URL(emulatorBaseUrl).origin}/__emulator/faults`, { method: 'POST', body: JSON.stringify(rule) });
  if (!response.ok) throw new Error(`the emulator refused the fault: ${response.status}`);
}

/** Clears every fault rule through the emulator's control endpoint. */
export async function clearFaults(emulatorBaseUrl: string): Promise<void> {
  const response = await fetch(`${new URL(emulatorBaseUrl).origin}/__emulator/faults`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`the emulator refused to clear faults: ${response.status}`);
}

export interface SwitchableUpstream {
  baseUrl: string;
  /** Where requests go now; set once the emulator is up. */
  target: string | undefined;
  close(): Promise<void>;
}

/**
 * A loopback forwarder the extension is pointed at for one vendor: requests go to `target` (the
 * emulator, then e.g. a server with hostile data), so a test switches what the vendor says without
 * touching settings.
 */
export async function startSwitchableUpstream(): Promise<SwitchableUpstream> {
  const upstream: SwitchableUpstream = { baseUrl: '', target: undefined, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (!upstream.target) {
        res.writeHead(503).end();
        return;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name, value]) => typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
      fetch(`${upstream.target}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}) })
        .then(async (response) => {
          res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  upstream.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  upstream.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return upstream;
}
