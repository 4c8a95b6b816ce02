// Phase: hostile vendor data through every surface. Keyscope is pointed at the hostile proxy, then the
// tree (provider and DOM), a hover (Markdown and DOM), a lookup QuickPick, three Analytics panels and
// the notifications of a failed token check are inspected; the panel's CSP is parsed and checked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VendorId } from '../../../src/vendor-id';
import { VENDOR_NAMES } from '../../../src/vendor-id';
import type { Frame } from '../../host/playwright-types';
import { waitFor } from '../../host/timeout';
import type { HoverResult, TreeRow } from '../agent/protocol';
import { cspProblems } from '../csp';
import type { Probe } from '../faults/exercise';
import { activeElements, hoverProblems, OPEN_ANALYTICS, scriptRan, treeProblems } from '../hostile/checks';
import { formulaFields } from '../hostile/csv';
import { startHostileProxy } from '../hostile/proxy';
import { HOSTILE_ERROR_TOKEN, HOSTILE_NAMES } from '../hostile/rewrite';
import type { Report } from '../report';
import type { Session } from '../session';
import { closeQuickInput, waitForQuickInput, waitForWebview } from '../ui';

export interface Shown {
  /** Everything the phase saw rendered, for the secret scan. */
  texts: string[];
}

function baseUrls(origin: string): Record<string, string> {
  return {
    'keyscope.cryptolens.baseUrl': `${origin}/cryptolens/api/`,
    'keyscope.unkey.baseUrl': `${origin}/unkey`,
    'keyscope.runtype.baseUrl': `${origin}/runtype`,
  };
}

/** Some hostile strings must have reached the view, or the phase proves nothing. */
function reached(rows: readonly TreeRow[]): number {
  const raw = ['<script>', '<img', '](command:', 'WWWWWWWWWW'];
  return rows.filter((row) => raw.some((marker) => `${row.label} ${row.description} ${typeof row.tooltip === 'string' ? row.tooltip : ''}`.includes(marker))).length;
}

async function framesProblems(frames: Frame[], where: string): Promise<string[]> {
  const problems: string[] = [];
  for (const frame of frames) if (await scriptRan(frame)) problems.push(`${where}: a vendor string ran as script in ${frame.url().slice(0, 80)}`);
  return problems;
}

export async function hostilePhase(session: Session, probes: Record<VendorId, Probe>, report: Report, shown: Shown): Promise<void> {
  report.section('hostile vendor data (tree, hover, QuickPick, panel, notifications)');
  const { page } = session.host;
  const proxy = await startHostileProxy(session.emulator.origin);
  try {
    await session.agent({ action: 'configure', settings: baseUrls(proxy.origin) });
    // Tree: the extension's own items, deep.
    const rows = await waitFor('hostile rows in the Keys tree', async () => {
      const walked = await session.agent<TreeRow[]>({ action: 'tree', maxDepth: 4, maxChildren: 6 });
      return reached(walked) >= 3 ? walked : undefined;
    }, 30_000, 500);
    shown.texts.push(...rows.map((row) => `${row.label}\n${row.description}\n${typeof row.tooltip === 'string' ? row.tooltip : (row.tooltip?.markdown ?? '')}`));
    report.check('tree items: hostile names are plain, bounded, one-line text; no command from vendor data', treeProblems(rows), `${rows.length} rows, ${reached(rows)} carrying hostile text`);

    // Tree: what the workbench rendered.
    await session.agent({ action: 'command', command: 'keyscope.keys.focus', args: [], wait: true });
    const view = '[id="workbench.view.extension.keyscope"]';
    await page.locator(`${view} .monaco-list-row`).first().waitFor({ state: 'visible', timeout: 15_000 });
    const product = page.locator(`${view} .monaco-list-row`, { hasText: /^Product \d+/ }).first();
    if (await product.isVisible().catch(() => false)) await product.click();
    await page.waitForTimeout(1_000);
    shown.texts.push(await page.locator(view).innerText().catch(() => ''));
    report.check('Keys view DOM: no element, link or script made from vendor text', [
      ...(await activeElements(page, `${view} .monaco-list-row .monaco-icon-label`, undefined)),
      ...(await framesProblems([page.mainFrame()], 'workbench')),
    ]);

    // Hover: the Markdown Keyscope returns, and what the workbench renders of it.
    await session.agent({ action: 'openFile', file: probes.runtype.hover.file });
    const hover = await session.agent<HoverResult>({ action: 'hover', ...probes.runtype.hover });
    shown.texts.push(...hover.contents.map((content) => content.markdown));
    const hoverRendered = await renderHover(session, probes.runtype.hover.line);
    report.check('hover: vendor text escaped; the only link is keyscope.openAnalytics; no HTML', [
      ...(hover.contents.length === 0 ? ['no hover for the Runtype key'] : []),
      ...hoverProblems(hover),
      ...hoverRendered,
    ]);

    // QuickPick: a lookup showing a hostile name.
    await session.agent({ action: 'command', command: 'keyscope.lookupKey', args: [probes.runtype.lookup], wait: false });
    const pick = await waitForQuickInput(page, 'the Runtype lookup result', (text) => text.includes('Open in Keyscope Analytics'), 30_000);
    shown.texts.push(pick);
    const pickProblems = await activeElements(page, '.quick-input-widget .quick-input-list', undefined);
    const icons = await page.locator('.quick-input-widget .quick-input-list .codicon-alert').count();
    await closeQuickInput(page);
    report.check('lookup QuickPick: hostile names shown as text; no element, link or injected icon', [...pickProblems, ...(icons > 0 ? [`${icons} $(alert) icons injected`] : [])]);

    // Panels: hostile names in tables and charts; no script runs; strict CSP.
    for (const vendor of ['runtype', 'cryptolens', 'unkey'] as const) {
      const name = VENDOR_NAMES[vendor];
      await session.agent({ action: 'command', command: 'workbench.action.closeAllEditors', args: [], wait: true });
      await session.agent({ action: 'command', command: OPEN_ANALYTICS, args: [probes[vendor].panel], wait: true });
      const { frame, text } = await waitForWebview(page, `the hostile ${name} panel`, (body) => body.includes(name) && !body.includes('Loading…'), 30_000);
      await page.waitForTimeout(500);
      shown.texts.push(text);
      const html = await frame.content();
      const outer = await panelDocument(session);
      report.check(`${name} panel: no script from vendor data runs; no vendor element; strict CSP`, [
        ...(await framesProblems(page.frames(), `${name} panel`)),
        ...(await activeElements(frame, 'body', undefined)).filter((element) => !element.startsWith('<script')),
        ...foreignScripts(html).map((script) => `a script element besides VS Code's and the bundled one: ${script}`),
        ...cspProblems(outer ?? html),
      ]);
      if (vendor === 'runtype') await checkCsvExport(session, report, shown);
    }

    // Notifications: token checks the vendors answer with a hostile message, read in the notification center.
    await session.agent({ action: 'command', command: 'notifications.clearAll', args: [], wait: true });
    const stored: string[] = [];
    for (const vendor of ['cryptolens', 'unkey', 'runtype'] as const) {
      if (await session.agent<boolean>({ action: 'setToken', vendor, token: HOSTILE_ERROR_TOKEN })) stored.push(vendor);
    }
    await session.agent({ action: 'command', command: 'notifications.showList', args: [], wait: true });
    const center = '.notifications-center .notification-list-item';
    await page.locator(center).first().waitFor({ state: 'visible', timeout: 15_000 }).catch(() => undefined);
    for (const vendor of ['cryptolens', 'unkey', 'runtype'] as const) {
      const name = VENDOR_NAMES[vendor];
      const item = page.locator(center, { hasText: `the ${name} token was not saved` }).first();
      const visible = await item.isVisible().catch(() => false);
      const text = visible ? await item.innerText() : '';
      shown.texts.push(text);
      const links = visible ? await item.locator('.notification-list-item-message').evaluateAll((messages) => messages.flatMap((message) => Array.from(message.querySelectorAll('a')).map((a) => `<a ${a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''}>`))) : [];
      report.check(`${name} token check failing with a hostile message: the notification is inert text, no link from vendor text`, [
        ...(stored.includes(vendor) ? ['the token was stored'] : []),
        ...(visible ? [] : ['no notification was shown']),
        ...links,
      ]);
    }
    await session.agent({ action: 'command', command: 'notifications.hideList', args: [], wait: true });
    report.figure(`hostile answers served: ${[...proxy.rewritten.values()].reduce((a, b) => a + b, 0)} (${HOSTILE_NAMES.length} hostile strings)`);
  } finally {
    await session.agent({ action: 'command', command: 'notifications.clearAll', args: [], wait: true }).catch(() => undefined);
    await session.agent({ action: 'configure', settings: baseUrls(session.emulator.origin) });
    await proxy.close();
  }
}

/** Export Usage of the hostile Runtype panel: vendor names that look like formulas stay text. */
async function checkCsvExport(session: Session, report: Report, shown: Shown): Promise<void> {
  const path = join(session.host.profile.workspaceDir, 'hostile-export.csv');
  const { written } = await session.agent<{ written: string | null }>({ action: 'export', format: 'csv', path });
  const text = written ? readFileSync(written, 'utf8') : '';
  shown.texts.push(text);
  const formulas = formulaFields(text);
  report.check('CSV export of hostile names: no field a spreadsheet would run as a formula', [
    ...(written ? [] : ['no CSV was written']),
    ...(text.includes("'=cmd") ? [] : ['the formula-like name did not reach the export']),
    ...formulas.map((field) => `formula field: ${JSON.stringify(field)}`),
  ]);
}

/** Script elements other than VS Code's injected API script and Keyscope's bundled, nonce-bearing one. */
function foreignScripts(html: string): string[] {
  return (html.match(/<script\b[^>]*>/gi) ?? []).filter((tag) => !/id="_vscodeApiScript"/.test(tag) && !/nonce="[^"]+" src="[^"]*\/media\/webview\.js"/.test(tag));
}

/** Hovers the mouse over a line of the open editor; problems in the hover widget's DOM. */
async function renderHover(session: Session, line: number): Promise<string[]> {
  const { page } = session.host;
  const text = page.locator('.monaco-editor .view-lines .view-line').nth(line);
  await text.waitFor({ state: 'visible', timeout: 10_000 });
  await text.hover({ position: { x: 12, y: 5 } });
  const widget = page.locator('.monaco-hover:visible').first();
  const visible = await widget.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
  if (!visible) return ['the hover did not show in the editor'];
  return [...(await activeElements(page, '.monaco-hover:visible', `command:${OPEN_ANALYTICS}`)), ...(await framesProblems([page.mainFrame()], 'hover'))];
}

/** The HTML Keyscope gave the webview (with its CSP meta), from the frame that holds it. */
async function panelDocument(session: Session): Promise<string | undefined> {
  for (const frame of session.host.page.frames()) {
    if (!frame.url().includes('/webview/')) continue;
    const html = await frame.content().catch(() => '');
    if (html.includes('Content-Security-Policy') && html.includes('csp-nonce')) return html;
  }
  return undefined;
}
