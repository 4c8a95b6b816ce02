// Phase: every token the run used, searched for everywhere text could land. While the workbench runs:
// an exported CSV and JSON, every webview's HTML and text, the browser's storage, the texts the
// earlier phases saw shown. After code-server has stopped (logs flushed): every file of the profile.
import { join } from 'node:path';
import { OPEN_ANALYTICS } from '../hostile/checks';
import type { Report } from '../report';
import { browserStorage, describeScan, scanBytes, scanTree, type ScanResult } from '../secrets/scan';
import type { Session } from '../session';
import { notificationTexts, quickInputText, waitForWebview, webviewContents } from '../ui';

// Plain JavaScript run in the webview frames (a TypeScript function would carry transpiler helpers).
const RECORD_MESSAGES = `(() => {
  window.__keyscopeMessages = [];
  window.addEventListener('message', (event) => {
    try { window.__keyscopeMessages.push(JSON.stringify(event.data)); } catch { window.__keyscopeMessages.push(String(event.data)); }
  }, true);
})()`;
const RECORDED = '(window.__keyscopeMessages || [])';

/** While the workbench still runs: exports, webviews, browser storage, shown texts. */
export async function scanLive(session: Session, shownTexts: readonly string[], report: Report): Promise<ScanResult> {
  const result: ScanResult = { places: 0, bytes: 0, hits: [] };
  const tokens = session.tokens();
  const { page } = session.host;
  // The messages between host and panel: recorded in every webview frame while the panel reloads.
  await session.agent({ action: 'command', command: OPEN_ANALYTICS, args: [{ vendor: 'runtype' }], wait: true });
  const { frame } = await waitForWebview(page, 'the Runtype panel', (text) => text.includes('Total keys') && !text.includes('Loading…'), 30_000);
  const webviews = page.frames().filter((candidate) => candidate.url().includes('/webview/'));
  for (const candidate of webviews) await candidate.evaluate(RECORD_MESSAGES).catch(() => undefined);
  await frame.locator('vscode-button', { hasText: /^\s*Refresh\s*$/ }).first().click();
  await waitForWebview(page, 'the Runtype panel reloaded', (text) => text.includes('Total keys') && !text.includes('Loading…'), 30_000);
  // The old data stays on screen while the refresh runs, so the text alone can pass before any
  // message flows: wait for the reply itself.
  const recordings = async (): Promise<string[][]> =>
    Promise.all(webviews.map((candidate) => candidate.evaluate<string[]>(RECORDED).catch(() => [] as string[])));
  let recorded = await recordings();
  for (let waited = 0; waited < 10_000 && recorded.every((list) => list.length === 0); waited += 250) {
    await page.waitForTimeout(250);
    recorded = await recordings();
  }
  let messages = 0;
  for (const [index, list] of recorded.entries()) {
    messages += list.length;
    scanBytes(`webview messages ${webviews[index]?.url().slice(0, 50) ?? ''}`, Buffer.from(list.join('\n')), tokens, result);
  }
  report.check('webview messages were recorded while the panel reloaded', messages > 0 ? [] : ['no message seen'], `${messages} messages`);
  const exports: string[] = [];
  for (const format of ['csv', 'json'] as const) {
    const path = join(session.host.profile.workspaceDir, `keyscope-export.${format}`);
    const written = await session.agent<{ written: string | null }>({ action: 'export', format, path });
    if (written.written) exports.push(written.written);
  }
  report.check('Export Usage writes CSV and JSON (scanned with the profile)', exports.length === 2 ? [] : [`exports written: ${exports.length} of 2`]);
  for (const content of await webviewContents(page)) scanBytes(`webview ${content.url.slice(0, 60)}`, Buffer.from(`${content.html}\n${content.text}`), tokens, result);
  const storage = await browserStorage(page);
  scanBytes('browser storage (localStorage, sessionStorage, IndexedDB)', Buffer.from(storage), tokens, result);
  report.check('the browser storage dump holds the workbench state', storage.length > 1_000 ? [] : [`only ${storage.length} characters`], `${(storage.length / 1024).toFixed(0)} KiB`);
  scanBytes('texts shown (tree, hovers, QuickPicks, panels, notifications, messages)', Buffer.from([...shownTexts, ...(await notificationTexts(page)), await quickInputText(page)].join('\n')), tokens, result);
  scanBytes('workbench page', Buffer.from(await page.content()), tokens, result);
  return result;
}

/** After code-server has stopped: every file of the profile (logs, settings, state, workspace, exports). */
export function scanStopped(session: Session, live: ScanResult, report: Report): void {
  const tokens = session.tokens();
  const result: ScanResult = { places: live.places, bytes: live.bytes, hits: [...live.hits] };
  const before = result.places;
  const scanned: string[] = [];
  scanTree(session.host.profile.root, tokens, result, undefined, scanned);
  // The scan must have reached the places that matter, or "nothing found" means nothing.
  const expected = [/Keyscope\.log$/, /remoteexthost\.log$/, /User\/settings\.json$/, /code-server\.log$/, /keyscope-export\.csv$/, /keyscope-export\.json$/];
  const missing = expected.filter((pattern) => !scanned.some((place) => pattern.test(place))).map((pattern) => `not scanned: ${pattern.source}`);
  report.check('the scan reached the extension log, VS Code logs, settings, code-server log and exports', [...missing, ...(result.places - before < 10 ? ['fewer than 10 profile files'] : [])], `${scanned.length} profile files`);
  const leaked = result.hits.reduce((sum, hit) => sum + (tokens[hit.token]?.length ?? 0), 0);
  report.check(
    `no token in any log, setting, state, export, webview, browser storage or shown text (${tokens.length} tokens)`,
    result.hits.map((hit) => `token #${hit.token} (${hit.encoding}) in ${hit.place}`),
    describeScan(result),
  );
  report.figure(`bytes of secret found: ${leaked} (${tokens.length} tokens; ${result.places} places, ${(result.bytes / 1024 / 1024).toFixed(1)} MiB scanned)`);
}
