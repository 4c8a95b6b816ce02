// The e2e fixture: Keyscope installed from its .vsix into a fresh code-server, pointed by user
// settings at a fresh vendor emulator, opened in headless Chromium — plus the helpers tests use to
// act as a person. One per test file: `before(() => openWorkbench())`, `after(() => workbench.close())`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Locator, Page } from '../host/playwright-types';
import type { EmulatorConfig } from '../host/emulator-config';
import { launchHost, type BrowserHost } from '../host/launcher';
import { testResultsDir } from '../host/paths';
import type { Settings } from '../host/profile';
import { startWithEmulator } from '../host/with-emulator';
import { workbenchUrl } from '../host/workbench-url';
import { notification } from './notifications';
import { quickInputBox, runCommand, selectQuickPick, typeInInput, waitForQuickInputClosed } from './quick-input';
import { ensureVsix } from './vsix';
import { webviewFrame } from './webviews';

export interface Workbench {
  page: Page;
  host: BrowserHost;
  emulator: EmulatorConfig;
  /** Clicks Keyscope's activity-bar icon; resolves with the Keys view's body (tree or welcome content) once it shows. */
  openKeyscopeView(): Promise<Locator>;
  /** Command palette (F1), e.g. runCommand('Keyscope: Set Access Token'). */
  runCommand(title: string): Promise<void>;
  selectQuickPick(label: string): Promise<void>;
  quickInputBox(): Promise<Locator>;
  typeInInput(text: string): Promise<void>;
  waitForQuickInputClosed(): Promise<void>;
  /** "Keyscope: Set Access Token" from the palette: picks the vendor and types the token, as a person does. */
  setToken(vendorLabel: string, token: string): Promise<void>;
  /** Waits for a toast containing text, returns its message and closes it. */
  notification(text: string | RegExp): Promise<string>;
  webviewFrame(selector: string): Promise<Frame>;
  /** Saves test-results/e2e/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /** User settings on top of the ones pointing Keyscope at the emulator. */
  settings?: Settings;
  /** Files to create in the opened workspace folder. */
  workspaceFiles?: Record<string, string>;
  /** Open the folder untrusted, in Restricted Mode. */
  restrictedMode?: boolean;
  /** 'small' starts the emulator several times faster, with far less data (default: 'default'). */
  emulatorScale?: 'default' | 'small';
}

const screenshotDir = join(testResultsDir, 'e2e');
const keyscopeTab = (page: Page): Locator => page.locator('.activitybar .action-item[role="tab"] a.action-label[aria-label^="Keyscope"]');

/** Waits until the workbench shows (after the page loaded or reloaded). */
export async function workbenchShown(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
}

/** The status bar item showing `text`, e.g. "Restricted Mode". */
export function statusBarItem(page: Page, text: string): Locator {
  return page.locator('.statusbar-item', { hasText: text }).first();
}

async function waitForWorkbench(host: BrowserHost): Promise<void> {
  await host.page.goto(workbenchUrl(host.server.origin, host.profile.workspaceDir));
  await workbenchShown(host.page);
  // The icon appears once the workbench has read the installed extension's contributions.
  await keyscopeTab(host.page).waitFor({ state: 'visible', timeout: 60_000 });
}

function helpers(host: BrowserHost, emulator: EmulatorConfig, close: () => Promise<void>): Workbench {
  const page = host.page;
  return {
    page,
    host,
    emulator,
    async openKeyscopeView(): Promise<Locator> {
      const body = page.locator('[id="workbench.view.extension.keyscope"] .pane:has(.pane-header[aria-label^="Keys"]) .pane-body').first();
      // Clicking the icon of the container already shown would close the side bar.
      if (!(await body.isVisible())) await keyscopeTab(page).click();
      await body.waitFor({ state: 'visible', timeout: 15_000 });
      return body;
    },
    runCommand: (title) => runCommand(page, title),
    selectQuickPick: (label) => selectQuickPick(page, label),
    quickInputBox: () => quickInputBox(page),
    typeInInput: (text) => typeInInput(page, text),
    waitForQuickInputClosed: () => waitForQuickInputClosed(page),
    async setToken(vendorLabel: string, token: string): Promise<void> {
      await runCommand(page, 'Keyscope: Set Access Token');
      await selectQuickPick(page, vendorLabel);
      await typeInInput(page, token);
      await waitForQuickInputClosed(page);
    },
    notification: (text) => notification(page, text),
    webviewFrame: (selector) => webviewFrame(page, selector),
    async screenshot(name: string): Promise<string> {
      mkdirSync(screenshotDir, { recursive: true });
      const path = join(screenshotDir, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    close,
  };
}

export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const started = Date.now();
  const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;
  const vsix = ensureVsix();
  const packaged = Date.now();
  const running = await startWithEmulator(() => launchHost({ vsix, workspaceFiles: options.workspaceFiles, restrictedMode: options.restrictedMode }), options);
  const hosted = Date.now();
  try {
    await waitForWorkbench(running.host);
    // stderr: a test file's stdout belongs to the test runner's report.
    process.stderr.write(`e2e: workbench ready in ${seconds(started)} (vsix ${((packaged - started) / 1000).toFixed(1)} s, emulator and code-server ${((hosted - packaged) / 1000).toFixed(1)} s, page ${seconds(hosted)})\n`);
    return helpers(running.host, running.emulator.config, running.dispose);
  } catch (error) {
    await running.dispose();
    throw error;
  }
}
